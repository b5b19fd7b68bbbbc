"""Open questions (用于哪些方面, 主要职责): the best cited passages, each shown from the sentence it is about."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.analyze import Query
from assistant.answer_types import Answer, Citation
from assistant.compose import load_templates, passage_excerpt
from assistant.operations.base import Context, abstain
from index.model import Hit

SHOWN = 3  # passages in an open answer


def passages(query: Query, hits: Sequence[Hit], ctx: Context) -> Answer:
    """Up to `SHOWN` retrieved passages (narrative first), short, each cited."""
    chosen = [h for h in hits if h.kind == "section"][:SHOWN] or list(hits[:SHOWN])
    if not chosen:
        return abstain(query)
    lines = [f"[{i}] {passage_excerpt(h.text, query.content, 160)}" for i, h in enumerate(chosen, 1)]
    cites = [
        Citation(
            doc=h.doc_id,
            title=ctx.titles.get(h.doc_id, h.doc_id),
            locator=h.locator,
            page=h.page,
            quote=passage_excerpt(h.text, query.content, 200),
        )
        for h in chosen
    ]
    text = load_templates().render("open", passages="\n".join(lines))
    return Answer(question=query.text, answer=text, citations=cites, intent="open")
