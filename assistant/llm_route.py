"""The optional LLM mode: open and why questions answered in sentences, every number checked.

With an endpoint configured (`Settings.llm_url`), an open question (or the why-clause of a compound one)
goes: passages widened to whole sentences (llm_passages) -> prompt (prompts/llm.toml) -> the model's
reply, streamed sentence by sentence -> each sentence grounded (grounding.py): kept, or dropped and
counted -> citations renumbered to the passages actually cited. Any failure (timeout, HTTP error,
malformed reply, refusal) or a reply with nothing grounded gives the offline passages answer with a
one-line note. The figure a question asks is never the model's: figure questions never come here.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import decimals_of
from assistant.grounding import Checked, Grounder, Number, SentenceStream, numbers_in, passage_numbers, summarize
from assistant.llm_client import LLMClient, LLMError
from assistant.llm_passages import Passage, SectionsOf, choose_passages
from assistant.operations.base import Context
from assistant.operations.passages import passages as offline_passages
from index.errors import BudgetQAError
from index.lexicon import load_data
from index.model import Fact, Hit

Sink = Callable[[str], None]
_SINK: ContextVar[Sink | None] = ContextVar("budgetqa_llm_sink", default=None)


@dataclass(frozen=True, slots=True)
class LLMPrompts:
    templates: dict[str, str]
    failures: dict[str, str]
    refusal: tuple[re.Pattern[str], ...]
    not_found: str  # the reply the prompt asks for when the passages do not answer

    def render(self, name: str, **values: object) -> str:
        return self.templates[name].format(**values)


@cache
def load_llm_prompts() -> LLMPrompts:
    """Load prompts/llm.toml and check each template uses exactly its declared placeholders."""
    raw = load_data("prompts", "llm.toml")
    templates: dict[str, str] = raw["templates"]
    declared: dict[str, list[str]] = raw["placeholders"]
    for name, text in templates.items():
        used = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        if used != set(declared.get(name, [])):
            raise BudgetQAError(
                f"prompts/llm.toml: template {name!r} uses {sorted(used)}, declared {sorted(declared.get(name, []))}"
            )
    missing = {"timeout", "http", "network", "malformed", "refused", "not_found"} - set(raw["failures"])
    if missing:
        raise BudgetQAError(f"prompts/llm.toml: [failures] lacks {sorted(missing)}")
    refusal = raw["refusal"]
    return LLMPrompts(
        templates, raw["failures"], tuple(re.compile(p) for p in refusal["patterns"]), refusal["not_found"]
    )


@contextmanager
def stream_to(sink: Sink) -> Iterator[None]:
    """Within this block (this thread), a written answer is passed to `sink` as it grows, grounded sentence by
    sentence: the text so far, only ever sentences that passed the check."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


def open_question(
    query: Query,
    hits: Sequence[Hit],
    ctx: Context,
    client: LLMClient | None,
    sections_of: SectionsOf | None = None,
    prior: Sequence[Answer] = (),
) -> Answer:
    """An open question: the offline cited passages, or with `client` a written answer whose numbers are checked."""
    offline = offline_passages(query, hits, ctx)
    if client is None or offline.abstained:
        return offline
    chosen = choose_passages(hits, query.content, sections_of)
    try:
        return _written(query, chosen, ctx, client, prior, offline)
    except LLMError as err:
        return _fallback(offline, client, err.kind, "", {"detail": err.detail})


def _written(
    query: Query, chosen: list[Passage], ctx: Context, client: LLMClient, prior: Sequence[Answer], offline: Answer
) -> Answer:
    prompts = load_llm_prompts()
    engine = [n for p in prior if not p.abstained for n in numbers_in(f"{p.answer} {p.formula or ''}")]
    years = {y for y in (*query.years, *query.doc_years, *query.base_years, *ctx.doc_years.values()) if y}
    grounder = Grounder([_sources(p, ctx.facts) for p in chosen], engine=engine, years=frozenset(years))
    messages = _messages(query, chosen, prior, prompts)
    stream, kept, checked = SentenceStream(), list[str](), list[Checked]()
    renumber: dict[int, int] = {}
    refusals: list[str] = []
    sink = _SINK.get()
    for piece in _pieces(client, messages):
        for sentence in stream.feed(piece):
            _take(sentence, grounder, prompts, checked, kept, renumber, refusals)
            if sink is not None and kept:
                sink("".join(kept))
    for sentence in stream.flush():
        _take(sentence, grounder, prompts, checked, kept, renumber, refusals)
        if sink is not None and kept:
            sink("".join(kept))
    counts: dict[str, Any] = {**summarize(checked), "refusals": len(refusals)}
    if not kept or not renumber:
        if refusals:
            kind = "not_found" if any(r.startswith(prompts.not_found) for r in refusals) else "refused"
            return _fallback(offline, client, kind, "", counts)
        note = prompts.render("ungrounded", dropped=counts["sentences"] - counts["kept"])
        return _fallback(offline, client, "ungrounded", note, counts)
    by_new = sorted(renumber.items(), key=lambda kv: kv[1])
    cites = [_citation(chosen[old - 1], ctx) for old, _ in by_new]
    dropped = counts["sentences"] - counts["kept"]
    warnings = [prompts.render("written", model=client.model)]
    if dropped:
        warnings.append(prompts.render("some_dropped", dropped=dropped))
    return Answer(
        question=query.text,
        answer="".join(kept).strip(),
        citations=cites,
        warnings=warnings,
        intent=offline.intent,
        grounding={"status": "ok", "model": client.model, **counts},
    )


def _pieces(client: LLMClient, messages: list[dict[str, str]]) -> Iterator[str]:
    """The reply's pieces; any unexpected error of the transport becomes an LLMError (never a traceback)."""
    try:
        yield from client.deltas(messages)
    except LLMError:
        raise
    except (OSError, ValueError, RuntimeError) as err:
        raise LLMError("network", f"{type(err).__name__}: {err}") from err


def _take(
    sentence: str,
    grounder: Grounder,
    prompts: LLMPrompts,
    checked: list[Checked],
    kept: list[str],
    renumber: dict[int, int],
    refusals: list[str],
) -> None:
    """Check one sentence; keep it (citations renumbered by first use), count it dropped, or note a refusal."""
    if sentence.startswith(prompts.not_found) or any(p.search(sentence) for p in prompts.refusal):
        refusals.append(sentence)
        return
    result = grounder.check(sentence)
    checked.append(result)
    if result.dropped:
        return
    for old in result.cites:
        renumber.setdefault(old, len(renumber) + 1)
    text = re.sub(r"\[(\d{1,3})\]", lambda m: f"[{renumber[int(m.group(1))]}]", result.text)
    starts_item = re.match(r"(\d{1,2}[.、．]|[-*•]|[（(]\d{1,2}[)）])", text)
    kept.append(("\n" if kept and starts_item else "") + text)


def _messages(
    query: Query, chosen: Sequence[Passage], prior: Sequence[Answer], prompts: LLMPrompts
) -> list[dict[str, str]]:
    known = "；".join(p.answer.replace("\n", " ") for p in prior if not p.abstained)
    shown = "\n".join(
        prompts.render("passage", number=i, locator=p.hit.locator, text=p.text) for i, p in enumerate(chosen, 1)
    )
    user = prompts.render(
        "user",
        question=query.text,
        known=prompts.render("known", figures=known) if known else "",
        count=len(chosen),
        passages=shown,
    )
    return [{"role": "system", "content": prompts.render("system")}, {"role": "user", "content": user}]


def _sources(passage: Passage, facts: Sequence[Fact]) -> list[Number]:
    """The figures a passage prints: read from its text, plus the facts (with their units) quoted in it."""
    found = passage_numbers(passage.text)
    flat = "".join(passage.text.split())
    for fact in facts:
        quote = "".join(fact.source.quote.split())
        if fact.source.doc_id == passage.hit.doc_id and quote and quote in flat and fact.text:
            found.append(Number(Decimal(repr(abs(fact.value))), fact.unit, decimals_of(fact.text), fact.text))
    return found


def _citation(passage: Passage, ctx: Context) -> Citation:
    hit = passage.hit
    return Citation(
        doc=hit.doc_id,
        title=ctx.titles.get(hit.doc_id, hit.doc_id),
        locator=hit.locator,
        page=hit.page,
        quote=passage.text,
        year=hit.metadata.get("year") if isinstance(hit.metadata.get("year"), int) else None,
    )


def _fallback(offline: Answer, client: LLMClient, kind: str, note: str, counts: dict[str, Any]) -> Answer:
    """The offline passages answer, with one line saying why the written answer is not shown."""
    prompts = load_llm_prompts()
    line = note or prompts.render("fallback", detail=prompts.failures.get(kind, prompts.failures["malformed"]))
    offline.warnings = [*offline.warnings, line]
    offline.grounding = {"status": kind, "model": client.model, **counts}
    return offline


def merge_grounding(parts: Sequence[Answer]) -> dict[str, Any] | None:
    """A compound answer's grounding: its written parts' counts added up (None when no part was written)."""
    found = [p.grounding for p in parts if p.grounding]
    if not found:
        return None
    merged: dict[str, Any] = {"status": "ok" if any(g.get("status") == "ok" for g in found) else found[0]["status"]}
    merged["model"] = found[0].get("model")
    for g in found:
        for key, value in g.items():
            if isinstance(value, int) and not isinstance(value, bool):
                merged[key] = merged.get(key, 0) + value
    return merged
