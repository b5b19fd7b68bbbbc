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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from assistant.assistant import Assistant
from eval.progress import Progress, Steps
from eval.questionset import Question, default_files, load_sets
from eval.regions import REGIONS
from eval.score import Score, first_relevant_rank
from eval.slices import ask_scored, run_long_forms, run_unscoped, single_doc
from eval.summary import EvalReport, RetrievalRun, grounding_totals, long_form_summary, summarize, unscoped_summary
from eval.variants import DocMeta, doc_meta, long_form_questions
from index.errors import BudgetQAError, StoreMismatchError
from index.settings import Settings, Tunables


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
    settings: Settings, paths: Sequence[Path], *, fresh: bool, steps: Steps | None = None
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
    for path in paths:
        t = time.perf_counter()
        report = qa.ingest([path])
        ingest_s[path.name] = round(time.perf_counter() - t, 3)
        if report.failed:
            raise BudgetQAError(f"eval: could not ingest {path.name}: {report.failed[0][1]}")
        if steps:
            steps.step(f"ingested {path.name}")
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


@dataclass(slots=True)
class Loaded:
    """The eval store with the question set's documents: ids and metadata by the name questions use."""

    qa: Assistant
    doc_ids: dict[str, str]  # document name in the question files -> doc id
    metas: dict[str, DocMeta]  # document name -> its department, year, kind, title

    def scope(self, q: Question) -> list[str]:
        return [self.doc_ids[d] for d in q.docs]

    def year(self, q: Question) -> int | None:
        years = {self.metas[d].year for d in q.docs if d in self.metas}
        return next(iter(years)) if len(years) == 1 else None


def ask_all(
    loaded: Loaded, questions: Sequence[Question], *, k: int, steps: Steps | None = None, retrieval: bool = True
) -> tuple[list[Score], RetrievalRun]:
    """Ask every question (scoped to its documents), score it, and (with `retrieval`) record our retrieval ranks."""
    qa = loaded.qa
    scores: list[Score] = []
    ours = RetrievalRun(name="budgetqa (hybrid)", k=k)
    for q in questions:
        scope = loaded.scope(q)
        score, ans = ask_scored(qa, q, scope, loaded.year(q))
        scores.append(score)
        if retrieval:
            # retrieval is scored on the hybrid ranking itself (answers to figure questions use BM25 evidence only)
            texts = [hit.text for hit in qa.retrieve(q.question, doc=scope, k=max(k, qa.settings.top_k))] if ans else []
            ours.add(q, texts)
        if steps:
            steps.step(q.id)
    return scores, ours


def run_baselines(
    loaded: Loaded, questions: Sequence[Question], *, k: int, steps: Steps | None = None
) -> tuple[list[RetrievalRun], list[str]]:
    """BM25 over our chunks and a plain llama-index dense pipeline, on the same documents and embedding.

    Also returns the ids of questions whose evidence no chunk of ours holds (a chunking or question-set problem).
    """
    from eval.baselines import bm25_search, llama_index_search, run_baseline
    from index.embed.embedder import as_llama_embedding, load_embedder
    from index.store.chunks import build_chunks

    qa, doc_ids = loaded.qa, loaded.doc_ids
    documents = [qa.document(d) for d in sorted(set(doc_ids.values()))]
    chunks = [c for d in documents for c in build_chunks(d)]
    pairs = [(q, loaded.scope(q)) for q in questions]
    unreachable = [
        q.id
        for q in questions
        if q.evidence and q.kind != "absent" and first_relevant_rank([c.text for c in chunks], q.evidence) is None
    ]
    runs = [run_baseline("bm25 (our chunks)", bm25_search(chunks, k=k), pairs, k=k)]
    if steps:
        steps.step("baseline: bm25")
    embed = as_llama_embedding(load_embedder(qa.settings))
    search, _ = llama_index_search(documents, embed, k=k)
    runs.append(run_baseline("llama-index dense (SentenceSplitter)", search, pairs, k=k))
    if steps:
        steps.step("baseline: llama-index dense")
    return runs, unreachable


@cache
def _git_commit() -> str | None:
    """The commit the code under test is (read once, when the run starts: commits made while a long run goes on are
    not what it measured), `+dirty` when the checkout has uncommitted changes to tracked files."""
    head, status = _git("rev-parse", "--short", "HEAD"), _git("status", "--porcelain", "--untracked-files=no")
    return f"{head}+dirty" if head and status else head


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], capture_output=True, text=True, timeout=5, cwd=Path(__file__).parent)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def lodo_eval(
    loaded: Loaded,
    questions: Sequence[Question],
    main: list[Score],
    ranks: RetrievalRun,
    *,
    k: int,
    steps: Steps,
    budget: int,
    sweeps: int,
) -> dict[str, Any]:
    """LODO over the corpus documents (eval/lodo.py): picks, held-out scores, and held-out recall@k with the picks."""
    from eval.lodo import Candidates, config_key, lodo_summary, run_lodo

    qa = loaded.qa
    start = qa.tunables

    def evaluate(t: Tunables) -> list[Score]:
        steps.plan(len(questions), "LODO: new candidate")
        qa.tunables = t
        try:
            return ask_all(loaded, questions, k=k, steps=steps, retrieval=False)[0]
        finally:
            qa.tunables = start

    candidates = Candidates(evaluate, budget=budget)
    candidates.seed(start, main)
    docs = sorted({d for q in questions if len(q.docs) == 1 for d in q.docs})
    t0 = time.perf_counter()
    folds = run_lodo(candidates, [q.docs for q in questions], docs, start, sweeps=sweeps)
    summary = lodo_summary(folds, start, main)
    # held-out recall@k with each fold's picked values (retrieval knobs change the ranking)
    held = RetrievalRun(name="lodo", k=k)
    same = RetrievalRun(name="in-sample", k=k)
    by_id = {q.id: q for q in questions}
    steps.plan(sum(len(f.test) for f in folds), "LODO: held-out retrieval")
    for f in folds:
        qa.tunables = f.picked
        try:
            for s in f.test:
                q = by_id[s.id]
                hits = qa.retrieve(q.question, doc=loaded.scope(q), k=max(k, qa.settings.top_k))
                held.add(q, [h.text for h in hits])
                if q.id in ranks.ranks:
                    same.ranks[q.id] = ranks.ranks[q.id]
                steps.step(q.id)
        finally:
            qa.tunables = start
    summary["recall"] = {"lodo": held.summary(), "in_sample": same.summary()}
    summary["candidates"] = len(candidates.cache)
    summary["budget"] = budget
    summary["budget_hit"] = len(candidates.cache) >= budget
    summary["candidate_keys"] = [dict(config_key(t)) for t in candidates.order]
    summary["start"] = start.model_dump()
    summary["seconds"] = round(time.perf_counter() - t0, 1)
    return summary


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
    long_form: bool = True,
    unscoped: bool = True,
    lodo: bool = False,
    lodo_budget: int = 200,
    lodo_sweeps: int = 2,
) -> EvalReport:
    """Score question sets end to end (slices and LODO as asked); write the report files to `out_dir` when given."""
    files = list(files) if files else default_files()
    _git_commit()  # the code measured is the checkout as the run starts
    questions, paths = load_sets(files, docs_dirs)
    if store_home is not None and store_home.resolve() == settings.home.resolve():
        raise BudgetQAError("eval needs its own store folder, not the main store: pick another --store")
    started = time.perf_counter()
    steps = Steps(progress)
    steps.plan(len(paths) + len(questions) + (2 if baselines else 0), "ingest")
    es = eval_settings(settings, store_home, k)
    loaded, ingest_s = load_documents(es, paths, fresh=fresh, steps=steps)
    timing: dict[str, float] = {"ingest": round(time.perf_counter() - started, 1)}
    scores, runs, unreachable = run_main(loaded, questions, k=k, steps=steps, baselines=baselines, timing=timing)
    slices, slice_scores = run_slices(loaded, questions, scores, steps, timing, long_form=long_form, unscoped=unscoped)
    lodo_report: dict[str, Any] | None = None
    if lodo:
        lodo_report = lodo_eval(
            loaded, questions, scores, runs[0], k=k, steps=steps, budget=lodo_budget, sweeps=lodo_sweeps
        )
        timing["lodo"] = lodo_report["seconds"]
    meta = report_meta(files, paths, loaded, es, ingest_s, k=k, baselines=baselines, unreachable=unreachable)
    meta |= {"timing_s": timing, "seconds": round(time.perf_counter() - started, 1)}
    summary = summarize(scores)
    if es.llm_url:
        meta["llm"] = {"url": es.llm_url, "model": es.llm_model}
        summary["grounding"] = grounding_totals(scores)
    report = EvalReport(
        meta=meta,
        summary=summary,
        retrieval={r.name: r.summary() for r in runs},
        scores=scores,
        slices=slices,
        slice_scores=slice_scores,
        lodo=lodo_report,
    )
    if out_dir is not None:
        from eval.report_md import write_reports

        report.files = write_reports(report, out_dir)
    return report


def run_main(
    loaded: Loaded, questions: Sequence[Question], *, k: int, steps: Steps, baselines: bool, timing: dict[str, float]
) -> tuple[list[Score], list[RetrievalRun], list[str] | None]:
    """The main run: every question asked and scored; our retrieval ranks first, then the baselines' (if asked),
    and the questions whose evidence no chunk holds (None without baselines)."""
    t = time.perf_counter()
    scores, ours = ask_all(loaded, questions, k=k, steps=steps)
    timing["main"] = round(time.perf_counter() - t, 1)
    runs = [ours]
    unreachable: list[str] | None = None
    if baselines:
        t = time.perf_counter()
        more, unreachable = run_baselines(loaded, questions, k=k, steps=steps)
        runs += more
        timing["baselines"] = round(time.perf_counter() - t, 1)
    return scores, runs, unreachable


def load_documents(
    es: Settings, paths: dict[str, Path], *, fresh: bool, steps: Steps
) -> tuple[Loaded, dict[str, float]]:
    """Open the eval store with every document the questions name; the ingest seconds by file name."""
    qa, by_name, ingest_s = open_eval_store(es, list(paths.values()), fresh=fresh, steps=steps)
    summaries = {d["file_name"]: d for d in qa.documents()}
    for path in paths.values():  # the scorer reads what a citation's region prints (eval/regions.py)
        REGIONS.add(by_name[path.name], path)
    loaded = Loaded(
        qa=qa,
        doc_ids={name: by_name[path.name] for name, path in paths.items()},
        metas={name: doc_meta(summaries[path.name]) for name, path in paths.items()},
    )
    return loaded, ingest_s


def run_slices(
    loaded: Loaded,
    questions: Sequence[Question],
    scores: Sequence[Score],
    steps: Steps,
    timing: dict[str, float],
    *,
    long_form: bool,
    unscoped: bool,
) -> tuple[dict[str, Any], list[Score]]:
    """The long-form and unscoped slices of the single-document questions: summaries by slice, and their scores."""
    qa = loaded.qa
    base = single_doc(questions, loaded.metas)
    slice_scores: list[Score] = []
    slices: dict[str, Any] = {}
    if long_form:
        t = time.perf_counter()
        variants = long_form_questions(base, loaded.metas)
        steps.plan(len(variants), "long forms")
        long_scores = run_long_forms(qa, variants, loaded.metas, steps.step)
        slices["long_form"] = long_form_summary(long_scores, scores)
        slice_scores += long_scores
        timing["long_form"] = round(time.perf_counter() - t, 1)
    if unscoped:
        t = time.perf_counter()
        steps.plan(len(base), "unscoped")
        un_scores = run_unscoped(qa, base, loaded.metas, steps.step)
        slices["unscoped"] = unscoped_summary(un_scores, scores)
        slice_scores += un_scores
        timing["unscoped"] = round(time.perf_counter() - t, 1)
    return slices, slice_scores


def report_meta(
    files: Sequence[Path],
    paths: dict[str, Path],
    loaded: Loaded,
    es: Settings,
    ingest_s: dict[str, float],
    *,
    k: int,
    baselines: bool,
    unreachable: list[str] | None,
) -> dict[str, Any]:
    """What the run was: when, which commit, files and documents, model, store and settings (timings added after)."""
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "files": [str(f) for f in files],
        "documents": {
            name: {
                "path": str(p),
                "doc_id": loaded.doc_ids[name],
                "ingest_s": ingest_s.get(p.name),
                "title": loaded.metas[name].title,
                "year": loaded.metas[name].year,
            }
            for name, p in paths.items()
        },
        "embed_model": es.embed_model,
        "store": str(es.home),
        "k": k,
        "top_k": es.top_k,
        "tunables": loaded.qa.tunables.model_dump(),
        "baselines": baselines,
        "evidence_in_no_chunk": unreachable,
    }
