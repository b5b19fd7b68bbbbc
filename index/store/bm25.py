"""Chinese BM25: character unigrams + bigrams (measured best on these documents), numbers and words whole.

The index is derived from the SQLite chunks table, persisted under the store
directory with the store generation it was built from, and rebuilt whenever
that generation changes.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import numpy as np

_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9][0-9,.]*[0-9%]?|[a-z]+")
STAMP = "budgetqa.json"
EMPTY_TOKEN = "\u2400"  # stands for a chunk with no tokens, so every chunk has a row


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: for each CJK run its characters and character bigrams; numbers (commas dropped) and Latin words whole."""
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for run in _RUN.findall(text):
        if "\u3400" <= run[0] <= "\ufaff":
            tokens.extend(run)
            tokens.extend(a + b for a, b in itertools.pairwise(run))
        else:
            tokens.append(run.replace(",", "").rstrip("."))
    return tokens


class BM25Index:
    """A BM25 index over chunk texts, addressed by chunk id.

    bm25s builds the index and writes it (its CSC score matrix: `data`, `indices`, `indptr`,
    and the token vocabulary). A saved index is read back from those arrays and scored here,
    the way bm25s's own numpy backend scores (one `np.add.at` per query token, in float32),
    because importing bm25s imports scipy.sparse: 0.3 s of every cold `budgetqa ask`.
    tests/index/store/test_bm25.py checks the scores equal bm25s's on two real documents.
    """

    def __init__(
        self, ids: list[str], generation: int, *, matrix: _Matrix | None = None, retriever: object | None = None
    ) -> None:
        self.ids = ids
        self.generation = generation
        self._matrix = matrix
        self._retriever = retriever  # the bm25s object that built the index; only it is saved

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation: int) -> BM25Index:
        if not ids:
            return cls([], generation)
        import bm25s

        retriever = bm25s.BM25()
        # Token ids, not token strings: every bigram is a new str object, and holding them all for
        # 60,000 chunks (300 documents) took about 1 GB; an id from the vocabulary is one shared int.
        vocab: dict[str, int] = {}
        corpus = [[vocab.setdefault(tok, len(vocab)) for tok in tokenize(t) or [EMPTY_TOKEN]] for t in texts]
        retriever.index((corpus, vocab), show_progress=False)
        sc = retriever.scores
        matrix = _Matrix(sc["data"], sc["indices"], sc["indptr"], int(sc["num_docs"]), dict(retriever.vocab_dict))
        return cls(list(ids), generation, matrix=matrix, retriever=retriever)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (aligned with `ids`) for `query`."""
        if self._matrix is None:
            return np.zeros(0, dtype=np.float32)
        return self._matrix.scores(tokenize(query))

    def save(self, folder: Path) -> None:
        """Write atomically: build in a temp dir beside `folder`, then swap it in."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            if self._matrix is not None:
                if self._retriever is None:
                    raise RuntimeError("a BM25 index read back from disk is not saved again; build it")
                self._retriever.save(str(tmp))  # type: ignore[attr-defined]
            (tmp / STAMP).write_text(json.dumps({"generation": self.generation, "ids": self.ids}), encoding="utf-8")
            if folder.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
                os.replace(folder, old / "x")
                os.replace(tmp, folder)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @staticmethod
    def saved_generation(folder: Path) -> int | None:
        """The store generation the saved index was built from, without loading it."""
        stamp = folder / STAMP
        if not stamp.exists():
            return None
        return int(json.loads(stamp.read_text(encoding="utf-8"))["generation"])

    @staticmethod
    def saved_ids(folder: Path) -> list[str]:
        """The chunk ids the saved index covers (empty when there is none)."""
        try:
            return list(json.loads((folder / STAMP).read_text(encoding="utf-8"))["ids"])
        except FileNotFoundError:
            return []

    @staticmethod
    def saved_count(folder: Path) -> int | None:
        """How many chunks the saved index covers (None when there is none)."""
        if not (folder / STAMP).exists():
            return None
        return len(BM25Index.saved_ids(folder))

    @classmethod
    def load(cls, folder: Path) -> BM25Index | None:
        """The saved index, or None when there is none (or it is unreadable)."""
        stamp = folder / STAMP
        if not stamp.exists():
            return None
        data = json.loads(stamp.read_text(encoding="utf-8"))
        ids = list(data["ids"])
        return cls(ids, int(data["generation"]), matrix=_Matrix.load(folder) if ids else None)


class _Matrix:
    """bm25s's precomputed scores: column t of the CSC matrix holds every chunk's score for token t."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, n: int, vocab: dict[str, int]):
        self.data, self.indices, self.indptr, self.n, self.vocab = data, indices, indptr, n, vocab

    @classmethod
    def load(cls, folder: Path) -> _Matrix:
        """The arrays bm25s's `BM25.save` wrote into `folder` (file names and params as bm25s 0.3 writes them)."""
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method", "lucene") != "lucene":  # other methods add a non-occurrence score we do not read
            raise ValueError(f"BM25 method {params.get('method')!r} is not read back; rebuild the index")
        vocab = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        data, indices, indptr = (np.load(folder / f"{name}.csc.index.npy") for name in ("data", "indices", "indptr"))
        return cls(data, indices, indptr, int(params["num_docs"]), vocab)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """Sum, per chunk, of the scores of the query's tokens found in the vocabulary (repeats count again)."""
        out = np.zeros(self.n, dtype=np.float32)
        for t in (self.vocab[tok] for tok in tokens if tok in self.vocab):
            lo, hi = self.indptr[t], self.indptr[t + 1]
            np.add.at(out, self.indices[lo:hi], self.data[lo:hi])
        return out
