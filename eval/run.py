"""`run_eval`: ingest the documents a question set names, ask every question through `Assistant`, score, compare.

The store lives in `settings.home / "eval-store"` (or `store_home`), separate from
the user's own store; the built embedding model folder is shared with the user's
home so it is built once. Re-runs reuse the store (ingest is idempotent by
content hash); `fresh=True` wipes it first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.assistant import Assistant
from eval.questionset import Question, QuestionSetError, default_files, load_questions, resolve_doc, search_dirs
from eval.score import Score, error_score, first_relevant_rank, score_answer
from eval.summary import EvalReport, RetrievalRun, summarize
from index.errors import BudgetQAError, StoreMismatchError
from index.settings import Settings

# progress(done, total, message)
Progress = Callable[[int, int, str], None]


def load_sets(files: Sequence[Path], docs_dirs: Sequence[Path] = ()) -> tuple[list[Question], dict[str, Path]]:
    """All questions of `files` and the path of every document they name (file name -> path)."""
    if not files:
        raise QuestionSetError("no question files: pass JSONL files or add some to eval/questions/")
    questions: list[Question] = []
    paths: dict[str, Path] = {}
    seen: set[str] = set()
    for f in files:
        if not f.is_file():
            raise QuestionSetError(f"question file not found: {f}")
        dirs = search_dirs(f, list(docs_dirs))
        for q in load_questions(f):
            if q.id in seen:
                raise QuestionSetError(f"{f.name}: id {q.id!r} also appears in another file")
            seen.add(q.id)
            for name in q.docs:
                if name not in paths:
                    paths[name] = resolve_doc(name, dirs)
            questions.append(q)
    return questions, paths


def prepare_home(home: Path, models_dir: Path) -> None:
    """Create a store home whose `models` folder links to an existing model cache (built once, shared)."""
    home.mkdir(parents=True, exist_ok=True)
    models = home / "models"
    if not models.exists() and not models.is_symlink() and models.resolve() != models_dir.resolve():
        models_dir.mkdir(parents=True, exist_ok=True)
        os.symlink(models_dir.resolve(), models, target_is_directory=True)


def eval_settings(settings: Settings, store_home: Path | None, k: int) -> Settings:
    """Settings for the eval store: its own home, the user's built models, at least k chunks retrieved."""
    home = store_home or settings.home / "eval-store"
    prepare_home(home, settings.cache_dir)
    return settings.with_overrides(home=home, top_k=max(settings.top_k, k))


def open_eval_store(
    settings: Settings, paths: Sequence[Path], *, fresh: bool, progress: Progress | None
) -> tuple[Assistant, dict[str, str], dict[str, float]]:
    """Open (rebuilding if stale) the eval store, ingest `paths`; return the assistant, file name -> doc id, ingest seconds."""
    models_dir = (settings.home / "models").resolve()
    if fresh:
        _wipe(settings.home)
        prepare_home(settings.home, models_dir)
    try:
        qa = Assistant.open(settings, seed_sample=False)
    except StoreMismatchError:
        _wipe(settings.home)
        prepare_home(settings.home, models_dir)
        qa = Assistant.open(settings, seed_sample=False)
    ingest_s: dict[str, float] = {}
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths), f"ingest {path.name}")
        t = time.perf_counter()
        report = qa.ingest([path])
        ingest_s[path.name] = round(time.perf_counter() - t, 3)
        if report.failed:
            raise BudgetQAError(f"eval: could not ingest {path.name}: {report.failed[0][1]}")
    by_name = {d["file_name"]: d["doc_id"] for d in qa.documents()}
    missing = [p.name for p in paths if p.name not in by_name]
    if missing:
        raise BudgetQAError(f"eval: documents not in the store after ingest: {', '.join(missing)}")
    return qa, by_name, ingest_s


def _wipe(home: Path) -> None:
    """Delete an eval store, keeping the (symlinked) model folder link out of harm's way."""
    models = home / "models"
    if models.is_symlink():
        models.unlink()
    shutil.rmtree(home, ignore_errors=True)


def ask_all(
    qa: Assistant, questions: Sequence[Question], doc_ids: dict[str, str], *, k: int, progress: Progress | None
) -> tuple[list[Score], RetrievalRun]:
    """Ask every question (scoped to its documents), score it, and record our retrieval ranks."""
    scores: list[Score] = []
    ours = RetrievalRun(name="budgetqa (hybrid)", k=k)
    for i, q in enumerate(questions):
        if progress:
            progress(i, len(questions), q.id)
        scope = [doc_ids[d] for d in q.docs]
        t = time.perf_counter()
        try:
            ans = qa.ask(q.question, doc=scope)
        # Benchmark boundary: one failing question is scored wrong with its error, the run goes on.
        except Exception as err:
            scores.append(error_score(q, f"{type(err).__name__}: {err}", (time.perf_counter() - t) * 1000))
            ours.add(q, [])
            continue
        wall = (time.perf_counter() - t) * 1000
        scores.append(score_answer(q, ans, latency_ms=wall))
        # retrieval is scored on the hybrid ranking itself (answers to figure questions use BM25 evidence only)
        ours.add(q, [hit.text for hit in qa.retrieve(q.question, doc=scope, k=max(k, qa.settings.top_k))])
    if progress:
        progress(len(questions), len(questions), "answered")
    return scores, ours


def run_baselines(
    qa: Assistant, questions: Sequence[Question], doc_ids: dict[str, str], *, k: int, progress: Progress | None
) -> tuple[list[RetrievalRun], list[str]]:
    """BM25 over our chunks and a plain llama-index dense pipeline, on the same documents and embedding.

    Also returns the ids of questions whose evidence no chunk of ours holds (a chunking or question-set problem).
    """
    from eval.baselines import bm25_search, llama_index_search, run_baseline
    from index.chunks import build_chunks
    from index.embed import as_llama_embedding, load_embedder

    documents = [qa.document(d) for d in sorted(set(doc_ids.values()))]
    chunks = [c for d in documents for c in build_chunks(d)]
    pairs = [(q, [doc_ids[d] for d in q.docs]) for q in questions]
    if progress:
        progress(0, 2, "baseline: bm25")
    unreachable = [
        q.id
        for q in questions
        if q.evidence and q.kind != "absent" and first_relevant_rank([c.text for c in chunks], q.evidence) is None
    ]
    runs = [run_baseline("bm25 (our chunks)", bm25_search(chunks, k=k), pairs, k=k)]
    if progress:
        progress(1, 2, "baseline: llama-index dense")
    embed = as_llama_embedding(load_embedder(qa.settings))
    search, _ = llama_index_search(documents, embed, k=k)
    runs.append(run_baseline("llama-index dense (SentenceSplitter)", search, pairs, k=k))
    if progress:
        progress(2, 2, "baselines done")
    return runs, unreachable


def grounding_totals(scores: Sequence[Score]) -> dict[str, int]:
    """LLM mode: answers written / fallen back by status, and sentences kept or dropped (and why) over the run."""
    totals: dict[str, int] = {}
    for score in scores:
        g = score.grounding
        if not g:
            continue
        totals[f"answers_{g.get('status', 'unknown')}"] = totals.get(f"answers_{g.get('status', 'unknown')}", 0) + 1
        for key, value in g.items():
            if isinstance(value, int) and not isinstance(value, bool):
                totals[key] = totals.get(key, 0) + value
    return totals


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            cwd=Path(__file__).parent,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def run_eval(
    files: Sequence[Path] | None,
    settings: Settings,
    *,
    out_dir: Path | None = None,
    baselines: bool = True,
    k: int = 5,
    progress: Progress | None = None,
    docs_dirs: Sequence[Path] = (),
    store_home: Path | None = None,
    fresh: bool = False,
) -> EvalReport:
    """Score question sets end to end; write the report files to `out_dir` when given."""
    files = list(files) if files else default_files()
    questions, paths = load_sets(files, docs_dirs)
    if store_home is not None and store_home.resolve() == settings.home.resolve():
        raise BudgetQAError("eval needs its own store folder, not the main store: pick another --store")
    started = time.perf_counter()
    es = eval_settings(settings, store_home, k)
    qa, by_name, ingest_s = open_eval_store(es, list(paths.values()), fresh=fresh, progress=progress)
    doc_ids = {name: by_name[path.name] for name, path in paths.items()}
    scores, ours = ask_all(qa, questions, doc_ids, k=k, progress=progress)
    runs = [ours]
    unreachable: list[str] | None = None
    if baselines:
        more, unreachable = run_baselines(qa, questions, doc_ids, k=k, progress=progress)
        runs += more
    meta: dict[str, Any] = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "files": [str(f) for f in files],
        "documents": {
            name: {"path": str(p), "doc_id": doc_ids[name], "ingest_s": ingest_s.get(p.name)}
            for name, p in paths.items()
        },
        "embed_model": es.embed_model,
        "store": str(es.home),
        "k": k,
        "top_k": es.top_k,
        "baselines": baselines,
        "evidence_in_no_chunk": unreachable,
        "seconds": round(time.perf_counter() - started, 1),
    }
    summary = summarize(scores)
    if es.llm_url:
        meta["llm"] = {"url": es.llm_url, "model": es.llm_model}
        summary["grounding"] = grounding_totals(scores)
    report = EvalReport(meta=meta, summary=summary, retrieval={r.name: r.summary() for r in runs}, scores=scores)
    if out_dir is not None:
        from eval.report import write_reports

        report.files = write_reports(report, out_dir)
    return report
