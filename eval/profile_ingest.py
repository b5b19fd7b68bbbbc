"""Where the seconds of one ingest go: imports, model load, read, chunk, tokenize, encode, Chroma, SQLite, BM25.

Run as `python -m eval.profile_ingest FILE [--home DIR]` in a fresh process (the
import and model-load figures are only meaningful there). The store under
`--home` should be fresh and its `models/` already built. Prints one JSON object
of seconds per stage and the process's peak RSS; the stages are timed by wrapping
the store's own functions, so the ingest itself is the product's code path.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = time.perf_counter()


def _timed(owner: Any, name: str, stage: str, spent: dict[str, float]) -> None:
    """Replace `owner.name` by a wrapper that adds its wall time to `spent[stage]`."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - t

    setattr(owner, name, wrapper)


def profile(path: Path, home: Path) -> dict[str, Any]:
    """Ingest `path` into the store under `home`, timing each stage."""
    spent: dict[str, float] = {}
    t = time.perf_counter()
    from index.embed import embedder as embed
    from index.ingest import ingest
    from index.settings import Settings
    from index.store import opening as store
    from index.store.bm25 import BM25Index
    from index.store.chroma_backend import ChromaBackend

    spent["imports (budgetqa modules)"] = time.perf_counter() - t
    settings = Settings(home=home)
    t = time.perf_counter()
    st = store.open_store(settings)
    spent["open store"] = time.perf_counter() - t
    t = time.perf_counter()
    embedder = embed.load_embedder(settings)
    spent["model load (incl. torch / onnxruntime import)"] = time.perf_counter() - t
    tokenizer = getattr(getattr(embedder, "model", None), "tokenizer", None) or getattr(embedder, "_tokenizer", None)
    if tokenizer is not None:
        original = embedder.embed_passages

        def timed_tokenize(texts: list[str]) -> Any:
            t0 = time.perf_counter()
            if hasattr(tokenizer, "encode_batch"):
                tokenizer.encode_batch(["passage: " + x for x in texts])
            else:
                tokenizer(["passage: " + x for x in texts], padding=True, truncation=True)
            spent["tokenize (measured apart, once more)"] = spent.get("tokenize (measured apart, once more)", 0.0) + (
                time.perf_counter() - t0
            )
            return original(texts)

        embedder.embed_passages = timed_tokenize  # type: ignore[method-assign]
    _timed(embed, "embed_passages", "tokenize + encode", spent)
    _timed(store, "embed_passages", "tokenize + encode", spent)
    _timed(store, "build_chunks", "chunk", spent)
    _timed(ChromaBackend, "add", "Chroma write", spent)
    _timed(BM25Index, "build", "BM25 rebuild", spent)
    _timed(BM25Index, "save", "BM25 rebuild", spent)
    from index.read import document as read

    _timed(read, "read_document", "read PDF (sections, tables, facts)", spent)
    t = time.perf_counter()
    report = ingest(st, [path], embedder=embedder)
    total_ingest = time.perf_counter() - t
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    named = sum(v for k, v in spent.items() if k in ("tokenize + encode", "chunk", "Chroma write", "BM25 rebuild"))
    named += spent.get("read PDF (sections, tables, facts)", 0.0)
    spent["SQLite, lock, manifest (rest of ingest)"] = total_ingest - named
    chunks = st.chroma.count()
    return {
        "file": path.name,
        "chunks": chunks,
        "seconds": {k: round(v, 3) for k, v in spent.items()},
        "ingest_s": round(total_ingest, 3),
        "python_start_to_end_s": round(time.perf_counter() - START, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str]) -> None:
    """`python -m eval.profile_ingest FILE --home DIR`."""
    home = Path(argv[argv.index("--home") + 1]) if "--home" in argv else Path("/tmp/budgetqa-profile")
    print(json.dumps(profile(Path(argv[0]), home), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
