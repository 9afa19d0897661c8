# The one place where Sincerely's commands live. `make demo` and `make test` work on a
# fresh machine with only Python 3.11, git and make.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SINCERELY_DATA_DIR ?= $(CURDIR)/data

.PHONY: demo test test-sqlite test-postgres bench lint format check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sincerely manage migrate --noinput -v 0
	$(BIN)/sincerely demo

test: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider -n 2 --dist loadgroup $(PYTEST_ARGS)

test-postgres: $(STAMP)
	SINCERELY_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(MAKE) test

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	SINCERELY_BASE_URL=https://sincerely.example.com SINCERELY_SECRET_KEY=$$(python3 -c 'import secrets;print(secrets.token_urlsafe(50))') \
		$(BIN)/sincerely manage check --deploy --fail-level WARNING

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
