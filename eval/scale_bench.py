"""`budgetqa bench --scale N`: ingest N synthetic disclosures into a fresh store, then measure asking at that size.

Reports ingest wall time (total, docs per minute, per-document median, and the medians of the first
and last tenth, which show whether per-document cost grows with the store), store
size on disk, warm ask p50/p95 for generic questions asked three ways (scoped with
`doc=`, naming the department in the question, and unscoped, which answers per
document), cold `budgetqa ask` wall time, and peak RSS of the ingesting process
(this one) and of the asking process (a separate `eval.scale_ask` child).
With `server=True` (`--server`) the vectors live in a `chroma run` the bench starts on
127.0.0.1 and always stops (eval/scale_server.py); its peak RSS and data size are added.
A benchmark, never a test: the documents are synthetic (eval/scale.py).
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.assistant import Assistant
from eval.bench import child_env, cold_ask
from eval.run import prepare_home
from eval.scale import ScaleDoc, generate_documents, scale_data
from eval.scale_ask import peak_rss_mb
from eval.scale_server import running_server
from eval.score import percentile
from index.errors import BudgetQAError
from index.settings import Settings
from index.store import db

Progress = Callable[[int, int, str], None]
Note = Callable[[str], None]

ASK_TIMEOUT_S = 3600
SERVER_DIR = "chroma-server"  # where a --server run keeps the server's data (inside a kept --scale-store)


def _ms(xs: Sequence[float], p: float) -> float | None:
    return round(percentile(list(xs), p), 1) if xs else None


def _median(xs: Sequence[float]) -> float | None:
    return round(statistics.median(xs), 2) if xs else None


def store_bytes(home: Path) -> int:
    """Bytes on disk of a store (the linked model folder and a kept server's data not counted)."""
    total = 0
    for path in home.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        if path.relative_to(home).parts[0] in ("models", SERVER_DIR):
            continue  # the linked model; a --server run's data, counted as the server's
        total += path.stat().st_size
    return total


def ingest_timed(qa: Assistant, folder: Path, progress: Progress | None) -> tuple[float, list[float], int]:
    """One `ingest` of the whole folder (as `budgetqa ingest DIR` does); wall s, per-file s, files failed."""
    marks: dict[int, float] = {}

    def on_progress(done: int, total: int, message: str) -> None:
        marks.setdefault(done, time.perf_counter())
        if progress:
            progress(done, total, message)

    start = time.perf_counter()
    report = qa.ingest([folder], progress=on_progress)
    wall = time.perf_counter() - start
    steps = [marks[i] for i in sorted(marks)]
    per_file = [b - a for a, b in itertools.pairwise(steps)]
    if report.failed:
        name, reason = report.failed[0]
        raise BudgetQAError(f"bench --scale: {len(report.failed)} files failed, first {name}: {reason}")
    return wall, per_file, len(report.added)


Ask = tuple[str, str, str | None, str | None]


@dataclass(slots=True)
class Run:
    """What one scale run measured, before it is written out."""

    wall: float
    per_file: list[float]
    added: int
    ingest_rss_mb: float
    store_bytes: int = 0
    chunks: int = 0
    asked: dict[str, Any] = field(default_factory=dict)
    cold_scoped: tuple[float, float] = (0.0, 0.0)
    cold_all: tuple[float, float] = (0.0, 0.0)
    server_rss_mb: float | None = None  # set in --server mode
    server_bytes: int = 0


def ask_plan(docs: Sequence[ScaleDoc], by_file: dict[str, str]) -> list[Ask]:
    """(label, question, doc id, expected doc id) of every ask: scoped by id, by name in the question, unscoped."""
    bench = scale_data()["bench"]
    questions: list[str] = list(bench["questions"])
    step = max(1, len(docs) // int(bench["scoped_docs"]))
    sample = list(docs)[::step][: int(bench["scoped_docs"])]
    plan: list[Ask] = [("warm-up", questions[0], by_file[sample[0].path.name], None)]
    for d in sample:
        plan += [("scoped --doc", q, by_file[d.path.name], by_file[d.path.name]) for q in questions]
    for d in sample:
        plan += [("scoped by name", f"{d.department}{q}", None, by_file[d.path.name]) for q in questions]
    for _ in range(int(bench["unscoped_runs"])):
        plan += [("unscoped", q, None, None) for q in questions]
    return plan


def ask_in_child(home: Path, plan: list[Ask], chroma_url: str | None = None) -> dict[str, Any]:
    """Run the plan in a fresh `python -m eval.scale_ask` process; its JSON result."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump({"asks": plan}, fh, ensure_ascii=False)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "eval.scale_ask", str(home), fh.name],
            capture_output=True,
            text=True,
            timeout=ASK_TIMEOUT_S,
            env=child_env(chroma_url),
        )
    finally:
        Path(fh.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise BudgetQAError(f"bench --scale: the asking process failed: {done.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(settings: Settings, docs: Sequence[ScaleDoc], folder: Path, progress: Progress | None, say: Note) -> Run:
    """Ingest `folder` into `settings.home` (one batch), then ask in a child process and time cold CLI asks."""
    home = settings.home
    qa = Assistant.open(settings, seed_sample=False)
    say(f"ingesting into {home}" + (f" (Chroma server {settings.chroma_url})" if settings.chroma_url else ""))
    wall, per_file, added = ingest_timed(qa, folder, progress)
    run = Run(wall, per_file, added, peak_rss_mb())
    by_file = {d["file_name"]: d["doc_id"] for d in qa.documents()}
    run.store_bytes = store_bytes(home)
    run.chunks = len(db.chunk_ids(qa.store.conn))
    qa.store.close()
    plan = ask_plan(docs, by_file)
    say(f"asking {len(plan)} questions in a separate process")
    run.asked = ask_in_child(home, plan, settings.chroma_url)
    question = str(scale_data()["bench"]["questions"][0])
    say("cold `budgetqa ask` (scoped, then unscoped)")
    run.cold_scoped = cold_ask(home, question, by_file[docs[0].path.name], settings.chroma_url)
    run.cold_all = cold_ask(home, question, None, settings.chroma_url)
    return run


def run_scale_bench(
    settings: Settings,
    n: int,
    *,
    runs: int = 1,
    store: Path | None = None,
    out_dir: Path | None = None,
    progress: Progress | None = None,
    note: Note | None = None,
    server: bool = False,
) -> dict[str, Any]:
    """Generate n documents, ingest them into a fresh (or the given, reused) store, measure; the result dict.

    `runs` > 1 repeats all of it, each time into a fresh store (and a fresh server), and reports the
    median of every figure with each run's own figures under "per_run"; a kept `store` allows one run.
    `server`: the store's vectors go to a `chroma run` this bench starts on 127.0.0.1 (and always stops),
    written and queried through Chroma's HTTP client; its peak RSS and data size are reported too.
    """
    if store is not None and runs > 1:
        raise BudgetQAError("bench --scale: --scale-store keeps one store, so it runs once; add --runs 1")
    say = note or (lambda _msg: None)
    results = []
    for r in range(runs):
        if runs > 1:
            say(f"run {r + 1} of {runs}")
        results.append(scale_result(settings, n, _one_scale_run(settings, n, store, progress, say, server)))
    result = results[0] if runs == 1 else median_of_runs(results)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"bench-scale-{n}{'-server' if server else ''}.json"
        path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        result["file"] = str(path)
    return result


def _one_scale_run(
    settings: Settings, n: int, store: Path | None, progress: Progress | None, say: Note, server: bool
) -> Run:
    work = Path(tempfile.mkdtemp(prefix="budgetqa-scale-"))
    home = store or work / "home"
    prepare_home(home, settings.cache_dir)
    settings = settings.with_overrides(home=home)
    try:
        say(f"generating {n} synthetic documents in {work / 'docs'}")
        docs = generate_documents(n, work / "docs")
        if server:
            with running_server((store or work) / SERVER_DIR) as chroma:
                say(f"started `chroma run` at {chroma.url} (pid {chroma.process.pid})")
                run = measure(settings.with_overrides(chroma_url=chroma.url), docs, work / "docs", progress, say)
                run.server_rss_mb, run.server_bytes = chroma.peak_rss_mb(), chroma.data_bytes()
        else:
            run = measure(settings, docs, work / "docs", progress, say)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if store is None:
            shutil.rmtree(home, ignore_errors=True)
    return run


PER_RUN = (
    "created",
    "load_average",
    "ingest_docs_per_min",
    "ingest_per_doc_median_s",
    "store_mb",
    "cold_cli_ask_scoped_s",
    "cold_cli_ask_unscoped_s",
    "peak_rss_ingest_mb",
    "peak_rss_ask_mb",
    "peak_rss_server_mb",
)


def median_of_runs(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One result from several runs: the median of every number (per ask label too), each run's key figures
    under "per_run", and the first run's texts; lists of per-document times are left out."""

    def merged(values: list[Any]) -> Any:
        first = values[0]
        if isinstance(first, bool) or first is None or isinstance(first, str):
            return first
        if isinstance(first, int | float):
            return round(statistics.median(v for v in values if v is not None), 2)
        if isinstance(first, dict):
            return {k: merged([v[k] for v in values if k in v]) for k in first}
        return None

    out = {k: merged([r.get(k) for r in results]) for k in results[0]}
    out = {k: v for k, v in out.items() if v is not None or results[0][k] is None}
    out.pop("ingest_per_doc_s", None)
    out.pop("ask_samples", None)
    out["runs"] = len(results)
    out["per_run"] = [
        {**{k: r.get(k) for k in PER_RUN}, "ask_p50_ms": {label: a["p50_ms"] for label, a in r["ask"].items()}}
        for r in results
    ]
    return out


def scale_result(settings: Settings, n: int, run: Run) -> dict[str, Any]:
    """The JSON-ready figures of one scale run."""
    tenth = max(1, len(run.per_file) // 10)
    lat: dict[str, list[float]] = run.asked["latencies_ms"]
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": n,
        "synthetic": "text variants of the bundled Dapeng 2022 disclosure (eval/scale.py); load test only",
        "embed_model": settings.embed_model,
        "chroma": "server (chroma run, HTTP client)" if run.server_rss_mb is not None else "embedded",
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "ingested": run.added,
        "ingest_total_s": round(run.wall, 1),
        "ingest_docs_per_min": round(run.added / run.wall * 60, 1) if run.wall else None,
        "ingest_per_doc_median_s": _median(run.per_file),
        "ingest_first_tenth_median_s": _median(run.per_file[:tenth]),
        "ingest_last_tenth_median_s": _median(run.per_file[-tenth:]),
        "ingest_per_doc_s": [round(s, 2) for s in run.per_file],
        "store_mb": round((run.store_bytes + run.server_bytes) / 1e6, 1),
        "server_store_mb": round(run.server_bytes / 1e6, 1) if run.server_rss_mb is not None else None,
        "chunks": run.chunks,
        "ask": {
            label: {
                "n": len(xs),
                "p50_ms": _ms(xs, 50),
                "p95_ms": _ms(xs, 95),
                "answered": run.asked["answered"][label],
                "from_the_right_document": run.asked["right_doc"].get(label),
            }
            for label, xs in lat.items()
        },
        "ask_open_ms": run.asked["open_ms"],
        "ask_first_ms": run.asked["first_ask_ms"],
        "ask_samples": run.asked["samples"],
        "cold_cli_ask_scoped_s": round(run.cold_scoped[0], 2),
        "cold_cli_ask_unscoped_s": round(run.cold_all[0], 2),
        "peak_rss_ingest_mb": round(run.ingest_rss_mb, 1),
        "peak_rss_ask_mb": run.asked["peak_rss_mb"],
        "peak_rss_cli_ask_mb": round(max(run.cold_scoped[1], run.cold_all[1]), 1),
        "peak_rss_server_mb": run.server_rss_mb,
    }


def render_scale_bench(result: dict[str, Any]) -> None:
    """Print the scale benchmark as a table."""
    from rich.console import Console
    from rich.table import Table

    title = (
        f"BudgetQA scale bench: {result['documents']} synthetic documents, Chroma {result.get('chroma', 'embedded')}"
    )
    t = Table(title=title, show_header=False)
    t.add_row(
        "ingest total",
        f"{result['ingest_total_s']} s ({result['ingested']} added, {result.get('ingest_docs_per_min')} docs/min)",
    )
    t.add_row(
        "ingest per document: median (first / last tenth)",
        f"{result['ingest_per_doc_median_s']} s ({result['ingest_first_tenth_median_s']} / "
        f"{result['ingest_last_tenth_median_s']} s)",
    )
    server_mb = f", of which the Chroma server {result['server_store_mb']} MB" if result.get("server_store_mb") else ""
    t.add_row("store on disk", f"{result['store_mb']} MB ({result['chunks']} chunks{server_mb})")
    for label, a in result["ask"].items():
        right = (
            "" if a["from_the_right_document"] is None else f", {a['from_the_right_document']} from the asked document"
        )
        t.add_row(
            f"warm ask {label} p50 / p95 (n={a['n']})",
            f"{a['p50_ms']} / {a['p95_ms']} ms ({a['answered']} answered{right})",
        )
    t.add_row("asking process: open / first ask", f"{result['ask_open_ms']} / {result['ask_first_ms']} ms")
    t.add_row(
        "cold `budgetqa ask` scoped / unscoped",
        f"{result['cold_cli_ask_scoped_s']} / {result['cold_cli_ask_unscoped_s']} s",
    )
    t.add_row(
        "peak RSS ingest / asking process / CLI ask",
        f"{result['peak_rss_ingest_mb']} / {result['peak_rss_ask_mb']} / {result['peak_rss_cli_ask_mb']} MB",
    )
    if result.get("peak_rss_server_mb") is not None:
        t.add_row("peak RSS of the Chroma server", f"{result['peak_rss_server_mb']} MB")
    if result.get("runs"):
        t.add_row("runs (medians shown)", str(result["runs"]))
        for i, r in enumerate(result["per_run"], 1):
            asks = ", ".join(f"{label} {ms}" for label, ms in r["ask_p50_ms"].items())
            t.add_row(
                f"  run {i} ({r['created']}, load {r['load_average']})",
                f"{r['ingest_docs_per_min']} docs/min; p50 ms: {asks}; cold {r['cold_cli_ask_scoped_s']} s",
            )
    if result.get("file"):
        t.add_row("written", result["file"])
    Console().print(t)
