"""A model-free embedder: `embed_model = "fake:<dim>"` (BUDGETQA_EMBED_MODEL=fake:384).

Used where the store and its pipeline are under test and the model is not: the unit and
stress tests, and `budgetqa bench --scale` runs that measure parsing, Chroma, SQLite and
BM25 at hundreds of documents without the model's time and memory. Its vectors still
rank texts sharing characters close together, so hybrid retrieval behaves sensibly.
"""

from __future__ import annotations

import hashlib
import itertools

import numpy as np

FAKE_PREFIX = "fake:"


class HashedEmbedder:
    """Deterministic bag of hashed character unigrams and bigrams: no model, microseconds per text."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"{FAKE_PREFIX}{dim}"
        self.semantic = False  # hashed characters: no meaning to rank paraphrases by (assistant/paraphrase.py)

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        grams = chars + [a + b for a, b in itertools.pairwise(chars)]
        for gram in grams:
            digest = hashlib.blake2b(gram.encode(), digest_size=8).digest()
            seed = int.from_bytes(digest, "little")
            vec[seed % self.dim] += 1.0 if (seed >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)
