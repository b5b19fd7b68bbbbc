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
    """A bm25s index over chunk texts, addressed by chunk id."""

    def __init__(self, ids: list[str], retriever: object | None, generation: int) -> None:
        self.ids = ids
        self.generation = generation
        self._retriever = retriever

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation: int) -> BM25Index:
        if not ids:
            return cls([], None, generation)
        import bm25s

        retriever = bm25s.BM25()
        # Token ids, not token strings: every bigram is a new str object, and holding them all for
        # 60,000 chunks (300 documents) took about 1 GB; an id from the vocabulary is one shared int.
        vocab: dict[str, int] = {}
        corpus = [[vocab.setdefault(tok, len(vocab)) for tok in tokenize(t) or [EMPTY_TOKEN]] for t in texts]
        retriever.index((corpus, vocab), show_progress=False)
        return cls(list(ids), retriever, generation)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (aligned with `ids`) for `query`."""
        if self._retriever is None:
            return np.zeros(0, dtype=np.float32)
        tokens = tokenize(query)
        if not tokens:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        """Write atomically: build in a temp dir beside `folder`, then swap it in."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            if self._retriever is not None:
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
        retriever = None
        if ids:
            import bm25s

            retriever = bm25s.BM25.load(str(folder))
        return cls(ids, retriever, int(data["generation"]))
