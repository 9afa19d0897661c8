"""Dependencies point down: a module may import its own layer and the layers below, never
one above (the picture is in docs/ARCHITECTURE.md). Read from the source with `ast`, so
an import inside a function counts as much as one at the top of a file."""

from __future__ import annotations

import ast
from pathlib import Path

import sincerely

SRC = Path(sincerely.__file__).parent

# Lowest first. Units on one line share a layer and may import each other.
LAYERS: list[set[str]] = [
    {
        "errors",
        "db",
        "registry",
        "links",
        "settings",
        "workers",
        "ratelimit",
        "charts",
        "schedule",
        "headers",
        "accesslog",
        "pageheaders",
        "terminal",
        "tables",
        "api_schemas",
    },
    {"accounts", "api_auth"},
    {"people"},
    {"catalogue"},
    {"timeline"},
    {"insight", "offers"},
    {"messaging"},
    {"conversations", "postal"},
    {"privacy"},
    {"console", "api", "demo", "urls", "cli", "wsgi", "health"},
]
LEVEL = {unit: n for n, units in enumerate(LAYERS) for unit in units}


def _unit(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def _imported_units(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] != "sincerely":
                continue
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "sincerely" and len(parts) > 1:
                    found.add(parts[1])
    return found


def upward_imports() -> list[str]:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts or path.name == "__init__.py" and path.parent == SRC:
            continue
        unit = _unit(path)
        if unit not in LEVEL:
            problems.append(f"{path.relative_to(SRC)}: '{unit}' has no layer")
            continue
        for other in _imported_units(ast.parse(path.read_text(), str(path))):
            if other in LEVEL and LEVEL[other] > LEVEL[unit]:
                problems.append(
                    f"{path.relative_to(SRC)}: {unit} (layer {LEVEL[unit]}) imports "
                    f"{other} (layer {LEVEL[other]})"
                )
    return problems


def test_no_import_goes_up_a_layer():
    assert upward_imports() == []


def test_every_app_has_a_layer():
    apps = {p.name for p in SRC.iterdir() if (p / "__init__.py").exists()}
    assert apps - {"templates"} <= set(LEVEL)


def test_the_check_catches_an_upward_import(tmp_path):
    tree = ast.parse("def f():\n    from sincerely.console.views import home\n")
    assert _imported_units(tree) == {"console"}
    assert LEVEL["console"] > LEVEL["people"]
