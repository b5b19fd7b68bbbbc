"""`Assistant`: the one object that answers. The CLI, the web app and the eval all use it."""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from assistant import operations
from assistant.analyze import Query, analyze
from assistant.answer_types import Answer
from assistant.compose import load_templates, printed_row
from assistant.compound import clause_query, item_of, join_parts, name_document, per_document
from assistant.consistency import asks_consistency, consistency_answer, verdict_only
from assistant.fact_chunks import FactChunks
from assistant.inherit import in_unit_before, item_read
from assistant.llm_client import LLMClient
from assistant.llm_route import load_llm_prompts, open_question
from assistant.operations import Context, abstain
from assistant.pairs import which_of_previous
from assistant.paraphrase import Catalogue, reread
from assistant.scope import Scope, clause_scope, narrow_scope, resolve_scope, without_mentions
from assistant.years import explain_abstention, keep_to_period, keep_to_year, refuse_unanswerable, resolve_years
from index.errors import BudgetQAError, QuestionError
from index.ingest import ingest
from index.intake import IngestReport
from index.model import Document, Fact, Hit, Section
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store.facade import Store
from index.store.opening import open_store
from index.text import normalize

# progress(done, total, message)
Progress = Callable[[int, int, str], None]

SAMPLE_NAME = "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An unscoped question over more documents than this is answered from the WIDE_ANSWERED documents
# whose chunks BM25 ranks highest among its WIDE_CANDIDATES best, with a note saying so.
WIDE_SCOPE = 8
WIDE_ANSWERED = 5
WIDE_CANDIDATES = 200

__all__ = ["SAMPLE_NAME", "Assistant", "IngestReport", "Progress", "sample_path"]


def sample_path() -> Path:
    """The bundled sample disclosure (Dapeng 2022 部门预算)."""
    return Path(str(resources.files("index.data").joinpath(SAMPLE_NAME)))


class Assistant:
    """Question answering over the documents in one store.

    Usage::

        qa = Assistant.open(Settings())          # opens (and, if empty, seeds) the store
        ans = qa.ask("政府投资项目预算多少")        # -> Answer
        qa.ingest([Path("x.pdf")])               # -> IngestReport
        qa.documents(); qa.remove(doc_id)
    """

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        load_templates()  # fail at start-up, not mid-answer, if prompts/answers.toml is broken
        load_llm_prompts()  # … or prompts/llm.toml
        self.llm = LLMClient.from_settings(settings)  # None: fully offline
        self.tunables = settings.tunables  # the eval's LODO swaps these between folds
        # Guards the in-memory views (never held while reading, embedding or writing: questions go on during ingest)
        self._lock = threading.RLock()
        self._retriever: Retriever | None = None
        self._invalidate()
        self.seeded = False

    @classmethod
    def open(cls, settings: Settings, *, seed_sample: bool = True, progress: Progress | None = None) -> Assistant:
        """Open the store under settings.home; with `seed_sample`, index the bundled sample into an empty store."""
        qa = cls(settings, open_store(settings, reseed=sample_path() if seed_sample else None))
        if seed_sample and not qa.store.documents():
            report = qa.ingest([sample_path()], progress=progress)
            if report.failed:
                raise BudgetQAError(f"could not index the bundled sample: {report.failed[0][1]}")
            qa.seeded = True
        return qa

    # -- documents -------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        rebuild: bool = False,
        progress: Progress | None = None,
        max_mb: float | None = None,
        max_pages: int | None = None,
    ) -> IngestReport:
        """Read and index files/folders; each file all-or-nothing; failures reported, not raised.

        Reading and embedding run outside the lock `ask` uses, and the store's write lock is
        held only for the write itself: questions keep being answered from the documents
        already in, and a new document appears once it is committed. Limits (size, pages,
        wall clock) are the settings', `max_mb` / `max_pages` override them.
        """
        report = ingest(
            self.store,
            [Path(p) for p in paths],
            rebuild=rebuild,
            progress=progress,
            settings=self.settings,
            max_mb=max_mb,
            max_pages=max_pages,
        )
        with self._lock:
            self._invalidate()
        return report

    def documents(self) -> list[dict[str, Any]]:
        """Summaries (Document.summary()) of the loaded documents."""
        return self.store.documents()

    def remove(self, doc_id: str) -> None:
        """Remove one document from every store (under the store's write lock, not the answer lock)."""
        self.store.remove(doc_id)
        with self._lock:
            self._invalidate()

    def document(self, doc_id: str) -> Document:
        """The full document (tables, sections, facts) as stored."""
        with self._lock:
            self._sync_views()
            if doc_id not in self._docs:
                self._docs[doc_id] = self.store.get_document(doc_id, self._all_facts([doc_id]))
            return self._docs[doc_id]

    def example_questions(self, doc_id: str | None = None) -> list[str]:
        """A few questions the loaded document(s) can answer, built from their own facts."""
        from assistant.examples import example_questions

        docs = [doc_id] if doc_id else [d["doc_id"] for d in self.documents()[:1]]
        return example_questions(self._all_facts(docs))

    # -- answering -------------------------------------------------------------------------------

    def ask(
        self, question: str, doc: str | Sequence[str] | None = None, history: Sequence[tuple[str, str]] = ()
    ) -> Answer:
        """Answer one question. `doc` limits scope to document id(s); `history` is prior (question, answer) turns."""
        started = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise QuestionError("问题是空的：请输入一个关于预算文件的问题 / the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"问题太长（{len(question)} 字，上限 {self.settings.max_question_chars} 字）：请只问一个具体问题 / question too long"
            )
        if not _CJK.search(question):
            return Answer(
                question=question,
                answer="请用中文提问，例如“项目支出多少？”。BudgetQA answers questions in Chinese about Chinese budget disclosures.",
                abstained=True,
                intent="unsupported",
            )
        query = analyze(question, tuple(q for q, _ in history))
        timings: dict[str, float] = {"analyze": _ms(started)}
        summaries = self.documents()
        if not summaries:
            raise BudgetQAError("没有已载入的文件：先运行 `budgetqa ingest FILE` / no documents loaded")
        scope = resolve_scope(query, summaries, doc)
        query = resolve_years(without_mentions(query, scope), scope.doc_ids, summaries)
        audit = self._consistency(question, scope) if asks_consistency(question, query.clauses) else None
        if audit is not None:
            answer, hits = audit, list[Hit]()
        elif len(query.clauses) >= 2:  # each question decides whether it can be answered (人均… refuses alone)
            answer, hits = self._compound(query, scope, summaries, timings)
        elif (refusal := refuse_unanswerable(query, self._all_facts, scope.doc_ids)) is not None:
            answer, hits = refusal, list[Hit]()
        else:
            answer, hits = self._answer(query, scope, summaries, timings)
        answer = keep_to_period(query, answer) if len(query.clauses) < 2 else answer  # a compound's, part by part
        if doc is None and not scope.spelled_out and len(summaries) > 1:
            answer = name_document(answer, {d["doc_id"]: d["title"] for d in summaries})
        timings["total"] = _ms(started)
        answer.timings_ms = timings
        answer.evidence = [
            {"chunk_id": h.chunk_id, "doc": h.doc_id, "score": h.score, "locator": h.locator, "text": h.text}
            for h in hits
        ]
        return answer

    def _consistency(self, question: str, scope: Scope) -> Answer | None:
        """A question about the document's own consistency, answered from `budgetqa check`'s rules."""
        if len(scope.doc_ids) != 1:
            return None
        document = self.document(scope.doc_ids[0])
        return consistency_answer(question, document, document.title)

    def _compound(
        self, query: Query, scope: Scope, summaries: list[dict[str, Any]], timings: dict[str, float]
    ) -> tuple[Answer, list[Hit]]:
        """Two or more questions in one: each clause answered on its own (leaning on the one before), then joined."""
        parts, hits, item = list[Answer](), list[Hit](), ""
        for i in range(len(query.clauses)):
            own = clause_scope(query.clauses[i], scope)
            sub = resolve_years(without_mentions(clause_query(query, i, item), own), own.doc_ids, summaries)
            sub, named = in_unit_before(sub, parts), item_of(sub)
            done = which_of_previous(query.clauses[i], parts) or refuse_unanswerable(sub, self._all_facts, own.doc_ids)
            if verdict_only(query.clauses[i]):  # …对得上吗: the document's own check, narrowed by the whole question
                done = self._consistency(query.text, own) or abstain(sub)
            part, found = (done, list[Hit]()) if done else self._answer(sub, own, summaries, timings, parts)
            part = keep_to_period(sub, part)
            item = item_read(named, part) if named and (not part.abstained or not item) else item  # none if not found
            parts.append(part)
            hits.extend(h for h in found if h not in hits)
        return join_parts(query, parts), hits

    def _answer(
        self,
        query: Query,
        scope: Scope,
        summaries: list[dict[str, Any]],
        timings: dict[str, float],
        prior: Sequence[Answer] = (),
    ) -> tuple[Answer, list[Hit]]:
        """One question, scope resolved: retrieve, answer from facts or passages, keep to the year asked."""
        t = time.perf_counter()
        warnings: list[str] = []
        if not scope.named and len(scope.doc_ids) > WIDE_SCOPE:
            scope, warnings = self._narrow(query, scope)
        # figures come from facts, so BM25 evidence suffices there; open questions need the hybrid
        hits = self._retrieve(query, scope, mode="hybrid" if query.intent == "open" else "lexical")
        timings["retrieve"] = _ms(t)
        t = time.perf_counter()
        ctx = Context(
            facts=self._all_facts(scope.doc_ids),
            hits=hits,
            titles={d["doc_id"]: d["title"] for d in summaries},
            departments=frozenset(normalize(d["department"]) for d in summaries if d.get("department")),
            doc_years={d["doc_id"]: d.get("year") for d in summaries if d["doc_id"] in scope.doc_ids},
            rows=self._row_lookup,
            tun=self.tunables,
        )
        answer, hits = self._route(query, scope, ctx, prior)
        route = functools.partial(self._route, scope=scope, ctx=ctx, prior=prior)  # everyday words read as an item
        answer, hits = reread(query, answer, ctx, self._catalogue, route) or (answer, hits)
        answer = keep_to_year(query, answer, ctx)
        if answer.abstained and answer.answer == load_templates().abstain and query.intent != "open":
            answer.answer = explain_abstention(query, ctx)
        answer.warnings.extend(warnings)
        timings["answer"] = timings.get("answer", 0.0) + _ms(t)
        return answer, hits

    def _narrow(self, query: Query, scope: Scope) -> tuple[Scope, list[str]]:
        """Many documents loaded and none named: keep the few whose chunks BM25 ranks highest."""
        ranked = self._get_retriever().lexical(query.norm.replace("|", " "), k=WIDE_CANDIDATES, doc_ids=scope.doc_ids)
        chunks = {c.id: c.metadata.get("doc_id") for c in self.store.chunks([cid for cid, _ in ranked])}
        return narrow_scope(scope, [str(chunks.get(cid) or "") for cid, _ in ranked], WIDE_ANSWERED)

    def _open(self, query: Query, hits: Sequence[Hit], ctx: Context, prior: Sequence[Answer]) -> Answer:
        """Cited passages; in LLM mode a written answer whose every number is checked (llm_route)."""
        return open_question(query, hits, ctx, self.llm, self._sections, prior)

    def _sections(self, doc_id: str) -> list[Section]:
        return self.document(doc_id).sections

    def _route(
        self, query: Query, scope: Scope, ctx: Context, prior: Sequence[Answer] = ()
    ) -> tuple[Answer, list[Hit]]:
        """Send the question to the answer it needs: across documents, per document, a figure or passages."""
        if scope.unknown and not scope.named:
            warning = f"问题提到的“{'、'.join(scope.unknown)}”不在已载入的文件中。"
            return abstain(query, warning=warning), list(ctx.hits)
        if len(scope.named_docs) >= 2 or (query.intent in ("compare", "largest") and len(scope.doc_ids) >= 2):
            return operations.across(query, ctx, scope.named_docs or scope.doc_ids), list(ctx.hits)
        if query.intent == "open":
            return self._open(query, ctx.hits, ctx, prior), list(ctx.hits)
        if len(scope.doc_ids) >= 2:
            return per_document(query, ctx, scope.doc_ids, self._all_facts), list(ctx.hits)
        answer = operations.answer(query, ctx)
        if answer.abstained and query.intent == "lookup" and _no_number_wanted(query):
            hits = self._retrieve(query, scope, mode="hybrid")  # not a figure question after all
            return self._open(query, hits, ctx, prior), hits
        return answer, list(ctx.hits)

    def retrieve(
        self, question: str, doc: str | Sequence[str] | None = None, *, k: int | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        """The chunks retrieval ranks highest for a question (dense + BM25 fused by default), as `ask` sees them."""
        summaries = self.documents()
        if not summaries:
            return []
        query = analyze(question)
        scope = resolve_scope(query, summaries, doc)
        return self._retrieve(without_mentions(query, scope), scope, mode=mode, k=k)

    def _retrieve(self, query: Query, scope: Scope, *, mode: str, k: int | None = None) -> list[Hit]:
        """BM25 sees the prepared question (organisations out, document terms in), the embedding the raw one.

        Besides dense and BM25, the chunks printing the facts the fact ranker matches best are
        fused in (weight `Tunables.fact_weight`). A question naming several documents gets each document's
        best chunks in turn, so one document's chunks cannot crowd out another's; a question
        naming several items (a sum, share, difference…) gets each item's best chunks in turn too.
        """
        retriever = self._get_retriever()
        k = k or self.settings.top_k
        groups = [[d] for d in scope.named_docs] if len(scope.named_docs) >= 2 else [list(scope.doc_ids)]
        # (dense text, BM25 text, fact-ranker text): the whole question, and each named part on its own
        asks: list[tuple[str, str, str | None]] = [(query.text, query.norm, None)]
        if len(groups) == 1 and len(query.parts) >= 2:
            asks = [(part, analyze(part).norm, part) for part in query.parts] + asks
        departments = frozenset(normalize(d["department"]) for d in self.documents() if d.get("department"))
        ranked = []
        for g in groups:
            structured = len(g) <= WIDE_SCOPE  # over many documents BM25 and dense choose alone
            facts = self._all_facts(g) if structured else []
            places = self._fact_chunks(g) if structured else None
            for text, norm, part in asks:
                extra = []
                if places is not None:
                    ranking = places.ranking(query, facts, text=part, departments=departments, tun=self.tunables)
                    extra.append((self.tunables.fact_weight, ranking))
                lexical = norm.replace("|", " ")
                ranked.append(
                    retriever.retrieve(
                        text, k=k, doc_ids=g, mode=mode, lexical_query=lexical, extra=extra, tunables=self.tunables
                    )
                )
        hits: list[Hit] = []
        seen: set[str] = set()
        for rank in range(k):
            for group in ranked:
                if rank < len(group) and group[rank].chunk_id not in seen:
                    seen.add(group[rank].chunk_id)
                    hits.append(group[rank])
        return hits[:k]

    def _get_retriever(self) -> Retriever:
        """The store's retriever, made on first use (and again after the store changes)."""
        with self._lock:
            if self._retriever is None:
                self._retriever = Retriever(self.store)
            return self._retriever

    def _fact_chunks(self, doc_ids: Sequence[str]) -> FactChunks:
        """Where the facts of these documents are printed (each document's chunks read once)."""
        with self._lock:
            self._sync_views()
            missing = [d for d in doc_ids if d not in self._places.documents]
            if missing:
                self._places.add(missing, self.store.chunks(doc_ids=missing))
            return self._places

    def _all_facts(self, doc_ids: Sequence[str]) -> list[Fact]:
        """The facts of these documents (each document's read from SQLite once, when first asked about)."""
        with self._lock:
            self._sync_views()
            missing = [d for d in doc_ids if d not in self._facts]
            if missing:
                for d in missing:
                    self._facts[d] = []
                for fact in self.store.facts(missing):
                    self._facts[fact.source.doc_id].append(fact)
            return [f for d in doc_ids for f in self._facts[d]]

    def _row_lookup(
        self, doc_id: str, table_label: str, row_label: str
    ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        try:
            return printed_row(self.document(doc_id), table_label, row_label)
        except BudgetQAError:
            return None

    def _invalidate(self) -> None:
        """Swap in empty views (refilled lazily from the store). The caller holds `_lock`."""
        self._facts: dict[str, list[Fact]] = {}
        self._places = FactChunks()
        self._docs: dict[str, Document] = {}
        self._retriever = None
        self._catalogue = Catalogue(lambda: self._get_retriever().embedder)  # everyday words read as items
        self._epoch = self.store.epoch

    def _sync_views(self) -> None:
        """The caller holds `_lock`: drop the views when another process has rebuilt the store."""
        if self.store.epoch != self._epoch:
            self._invalidate()


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


def _no_number_wanted(query: Query) -> bool:
    """A lookup that names no figure at all (e.g. '介绍一下这个部门')."""
    return not query.unit and not re.search(r"多少|几|金额|数|费|支出|收入|预算|决算|经费|资金", query.norm)
