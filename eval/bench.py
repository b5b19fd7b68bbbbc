"""`budgetqa bench`: ingest time per document, warm ask p50/p95, cold CLI ask, peak memory.

Every figure is the median over `runs` repetitions; each run ingests into a fresh
temporary store (the built embedding model folder is shared, so model building is
not counted). Benchmarks, never timed tests: CI does not run this.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.assistant import Assistant
from eval.questionset import Question
from eval.run import load_sets, prepare_home
from eval.score import percentile
from index.errors import BudgetQAError
from index.settings import Settings

Progress = Callable[[int, int, str], None]


def _rss_mb(who: int) -> float:
    """Peak resident set size in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(who).ru_maxrss / 1024


def _median(xs: Sequence[float]) -> float | None:
    return round(statistics.median(xs), 2) if xs else None


def cli_path() -> list[str]:
    """How to start the `budgetqa` console script of this environment."""
    exe = Path(sys.executable).parent / "budgetqa"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("budgetqa")
    return [found] if found else [sys.executable, "-m", "assistant.cli"]


def ingest_run(settings: Settings, paths: Sequence[Path]) -> tuple[Assistant, dict[str, float], Path]:
    """Ingest each document into a fresh temp store, timing each; returns the open assistant and its home."""
    home = Path(tempfile.mkdtemp(prefix="budgetqa-bench-"))
    prepare_home(home, settings.cache_dir)
    qa = Assistant.open(settings.with_overrides(home=home), seed_sample=False)
    times: dict[str, float] = {}
    for p in paths:
        t = time.perf_counter()
        report = qa.ingest([p])
        times[p.name] = time.perf_counter() - t
        if report.failed:
            raise BudgetQAError(f"bench: could not ingest {p.name}: {report.failed[0][1]}")
    return qa, times, home


def warm_asks(qa: Assistant, questions: Sequence[Question], by_name: dict[str, str]) -> list[float]:
    """Wall milliseconds of every question asked against an already-open assistant (after one warm-up)."""
    if questions:
        qa.ask(questions[0].question, doc=[by_name[d] for d in questions[0].docs])
    out: list[float] = []
    for q in questions:
        t = time.perf_counter()
        qa.ask(q.question, doc=[by_name[d] for d in q.docs])
        out.append((time.perf_counter() - t) * 1000)
    return out


# Runs the CLI from a small fresh process, so the child's peak RSS is not inherited from this (large) one.
_WRAP = (
    "import resource,subprocess,sys,time;t=time.perf_counter();r=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
    "w=time.perf_counter()-t;sys.stderr.write(r.stderr);"
    "print(w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,file=sys.stderr);sys.exit(r.returncode)"
)


def child_env(chroma_url: str | None) -> dict[str, str] | None:
    """The environment of a child process that must use the same Chroma server (None: inherit this one's)."""
    return {**os.environ, "BUDGETQA_CHROMA_URL": chroma_url} if chroma_url else None


def cold_ask(home: Path, question: str, doc_id: str | None, chroma_url: str | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `budgetqa ask --json` process against an existing store."""
    cmd = [*cli_path(), "--home", str(home), "ask", "--json", question]
    if doc_id:
        cmd += ["--doc", doc_id]
    done = subprocess.run(
        [sys.executable, "-c", _WRAP, *cmd], capture_output=True, text=True, timeout=300, env=child_env(chroma_url)
    )
    if done.returncode != 0:
        raise BudgetQAError(f"bench: `budgetqa ask` failed: {done.stderr.strip()[-300:]}")
    wall, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) / 1024


def run_bench(
    settings: Settings,
    files: Sequence[Path],
    *,
    runs: int = 3,
    progress: Progress | None = None,
    out_dir: Path | None = None,
) -> dict[str, Any]:
    """Run the benchmarks `runs` times (one fresh store and one cold CLI ask each); medians in the result."""
    questions, paths = load_sets(files)
    docs = list(paths.values())
    ingest: dict[str, list[float]] = {p.name: [] for p in docs}
    ingest_total: list[float] = []
    p50s: list[float] = []
    p95s: list[float] = []
    cold: list[float] = []
    cold_rss: list[float] = []
    for r in range(runs):
        if progress:
            progress(r, runs, f"run {r + 1}/{runs}: ingest {len(docs)} documents")
        qa, times, home = ingest_run(settings, docs)
        try:
            for name, s in times.items():
                ingest[name].append(s)
            ingest_total.append(sum(times.values()))
            by_name = {d["file_name"]: d["doc_id"] for d in qa.documents()}
            if progress:
                progress(r, runs, f"run {r + 1}/{runs}: {len(questions)} warm asks")
            lat = warm_asks(qa, questions, by_name)
            p50s.append(percentile(lat, 50))
            p95s.append(percentile(lat, 95))
            if questions:
                q = questions[0]
                wall, rss = cold_ask(home, q.question, by_name[q.docs[0]] if len(q.docs) == 1 else None)
                cold.append(wall)
                cold_rss.append(rss)
        finally:
            shutil.rmtree(home, ignore_errors=True)
    result: dict[str, Any] = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "runs": runs,
        "embed_model": settings.embed_model,
        "questions": len(questions),
        "ingest_s": {name: _median(v) for name, v in ingest.items()},
        "ingest_total_s": _median(ingest_total),
        "warm_ask_ms_p50": _median(p50s),
        "warm_ask_ms_p95": _median(p95s),
        "cold_cli_ask_s": _median(cold),
        "cold_cli_ask_runs": [round(c, 2) for c in cold],
        "peak_rss_mb": round(_rss_mb(resource.RUSAGE_SELF), 1),
        "peak_rss_cli_mb": _median(cold_rss),
    }
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / "bench.json"
        path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        result["file"] = str(path)
    return result


def render_bench(result: dict[str, Any]) -> None:
    """Print the benchmark medians as a table."""
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"BudgetQA bench (median of {result['runs']} runs)", show_header=False)
    for name, s in result["ingest_s"].items():
        t.add_row(f"ingest {name}", f"{s} s")
    t.add_row("ingest all", f"{result['ingest_total_s']} s")
    t.add_row(
        f"warm ask p50 / p95 ({result['questions']} questions)",
        f"{result['warm_ask_ms_p50']} / {result['warm_ask_ms_p95']} ms",
    )
    t.add_row("cold `budgetqa ask` (store exists)", f"{result['cold_cli_ask_s']} s  {result['cold_cli_ask_runs']}")
    t.add_row("peak RSS (this process / CLI child)", f"{result['peak_rss_mb']} / {result['peak_rss_cli_mb']} MB")
    if result.get("file"):
        t.add_row("written", result["file"])
    Console().print(t)
