"""Where the seconds and megabytes of one ingest go: imports, model load, read, chunk, encode, Chroma, SQLite, BM25.

Run as `python -m eval.profile_ingest FILE [FILE…] [--home DIR]` in a fresh process
(the import and model-load figures are only meaningful there). The store under
`--home` should be fresh and its `models/` already built. Prints one JSON object:
seconds per stage, how many MB each stage raised the peak RSS (VmHWM) by (their sum
plus the start is the final peak); the stages are timed by wrapping the store's own
functions, so the ingest itself is the product's code path. Several files go in one
`ingest` call, as `budgetqa ingest A B …` does.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = time.perf_counter()


def _status_mb(key: str) -> float:
    """A /proc/self/status memory line (VmHWM: peak RSS, VmRSS: now) in MB; 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def _timed(owner: Any, name: str, stage: str, spent: dict[str, float], grew: dict[str, float]) -> None:
    """Replace `owner.name` by a wrapper adding its wall time to `spent[stage]` and what it raised the peak RSS by."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t, before = time.perf_counter(), _status_mb("VmHWM")
        try:
            return inner(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - t
            grew[stage] = round(grew.get(stage, 0.0) + _status_mb("VmHWM") - before, 1)

    setattr(owner, name, wrapper)


def _time_tokenizer(embedder: Any, spent: dict[str, float]) -> None:
    """Tokenize every batch once more, apart, so the tokenizer's share of `tokenize + encode` shows."""
    tokenizer = getattr(embedder, "_tokenizer", None)
    if tokenizer is None or not hasattr(tokenizer, "encode"):
        return
    original = embedder.embed_passages
    stage = "tokenize (measured apart, once more)"

    def timed_tokenize(texts: list[str]) -> Any:
        t0 = time.perf_counter()
        for text in texts:
            tokenizer.encode("passage: " + text)
        spent[stage] = spent.get(stage, 0.0) + time.perf_counter() - t0
        return original(texts)

    embedder.embed_passages = timed_tokenize


def profile(paths: list[Path], home: Path) -> dict[str, Any]:
    """Ingest `paths` into the store under `home` in one call, timing each stage."""
    spent: dict[str, float] = {}
    grew: dict[str, float] = {"python start": _status_mb("VmHWM")}
    t = time.perf_counter()
    from index.embed import embedder as embed
    from index.ingest import ingest
    from index.read import document as read
    from index.settings import Settings
    from index.store import facade as store
    from index.store.bm25 import BM25Index
    from index.store.chroma_backend import ChromaBackend
    from index.store.opening import open_store

    spent["imports (budgetqa modules)"] = time.perf_counter() - t
    grew["imports (budgetqa modules)"] = round(_status_mb("VmHWM") - grew["python start"], 1)
    settings = Settings(home=home)
    t = time.perf_counter()
    st = open_store(settings)
    spent["open store"] = time.perf_counter() - t
    t, before = time.perf_counter(), _status_mb("VmHWM")
    embedder = embed.load_embedder(settings)
    spent["model load (runtime import, tokenizer, session)"] = time.perf_counter() - t
    grew["model load (runtime import, tokenizer, session)"] = round(_status_mb("VmHWM") - before, 1)
    _time_tokenizer(embedder, spent)
    _timed(read, "read_document", "read PDF (sections, tables, facts)", spent, grew)
    _timed(store, "build_chunks", "chunk", spent, grew)
    _timed(embed, "embed_passages", "tokenize + encode", spent, grew)
    _timed(store, "embed_passages", "tokenize + encode", spent, grew)
    _timed(ChromaBackend, "add", "Chroma write (incl. import and opening the client)", spent, grew)
    _timed(BM25Index, "build", "BM25 rebuild", spent, grew)
    _timed(BM25Index, "save", "BM25 rebuild", spent, grew)
    t = time.perf_counter()
    report = ingest(st, paths, embedder=embedder)
    total_ingest = time.perf_counter() - t
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed}")
    named = ("read PDF", "chunk", "tokenize + encode", "Chroma write", "BM25 rebuild")
    spent["SQLite, lock, manifest (rest of ingest)"] = total_ingest - sum(
        v for k, v in spent.items() if k.startswith(named)
    )
    return {
        "files": [p.name for p in paths],
        "chunks": st.chroma.count(),
        "seconds": {k: round(v, 3) for k, v in spent.items()},
        "peak_rss_mb_raised_by": grew,
        "ingest_s": round(total_ingest, 3),
        "python_start_to_end_s": round(time.perf_counter() - START, 3),
        "peak_rss_mb": _status_mb("VmHWM"),
    }


def main(argv: list[str]) -> None:
    """`python -m eval.profile_ingest FILE [FILE…] --home DIR`."""
    home = Path("/tmp/budgetqa-profile")
    if "--home" in argv:
        at = argv.index("--home")
        home = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    print(json.dumps(profile([Path(a) for a in argv], home), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
