"""Passages for the language model: whole sentences around what the question is about, never cut mid-reason.

A retrieved section chunk is a ~200–400 character cut of its section; the reason for a change is often in
the sentence after the figure (`…较2021年减少71万元。主要原因是…`). So the passage is rebuilt from the
whole section: the sentence the question is most about, then whole sentences after and before it
until `limit` characters. Table rows are given whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from index.model import Hit, Section
from index.store.chunks import split_sentences
from index.text import bigrams, containment, normalize

PASSAGES = 4  # passages given to the model
LIMIT = 600  # characters of a passage (a longer single sentence is kept whole)

SectionsOf = Callable[[str], Sequence[Section]]  # doc_id -> the document's sections


@dataclass(frozen=True, slots=True)
class Passage:
    """One numbered passage: the hit it comes from and the text the model (and the grounding check) sees."""

    hit: Hit
    text: str


def choose_passages(hits: Sequence[Hit], content: Sequence[str], sections_of: SectionsOf | None) -> list[Passage]:
    """Up to `PASSAGES` hits (narrative first, then rows), each widened to whole sentences around its best one."""
    narrative = [h for h in hits if h.kind == "section"]
    chosen = (narrative + [h for h in hits if h.kind != "section"])[:PASSAGES]
    passages: list[Passage] = []
    seen: set[str] = set()
    for hit in chosen:
        text = widen(hit, content, sections_of)
        if text not in seen:
            seen.add(text)
            passages.append(Passage(hit, text))
    return passages


def widen(hit: Hit, content: Sequence[str], sections_of: SectionsOf | None) -> str:
    """The hit's text as whole sentences of its section around the sentence the question is most about."""
    body = _body(hit)
    if hit.kind != "section" or sections_of is None:
        return " ".join(body.split())
    section = _section_of(hit, body, sections_of)
    text = " ".join((section.text if section else body).split())
    return around(text, content, LIMIT, anchor=" ".join(body.split()))


def around(text: str, content: Sequence[str], limit: int, anchor: str = "") -> str:
    """Whole sentences of `text`: the best-matching one (within `anchor` when given), then neighbours to `limit`."""
    sentences = split_sentences(text)
    if len(text) <= limit or len(sentences) <= 1:
        return text
    wanted = [bigrams(normalize(c)) for c in content if c]
    in_anchor = [bool(anchor) and s in anchor for s in sentences]
    scores = [
        (max((containment(w, bigrams(normalize(s))) for w in wanted), default=0.0), in_anchor[i])
        for i, s in enumerate(sentences)
    ]
    best = max(range(len(sentences)), key=lambda i: (scores[i][1], scores[i][0], -i))
    start, end = best, best + 1
    size = len(sentences[best])
    while True:  # after first (reasons follow figures), then before
        grew = False
        for step in (end, start - 1):
            if 0 <= step < len(sentences) and size + len(sentences[step]) <= limit:
                size += len(sentences[step])
                start, end = min(start, step), max(end, step + 1)
                grew = True
        if not grew:
            break
    return ("…" if start else "") + "".join(sentences[start:end]) + ("…" if end < len(sentences) else "")


def _body(hit: Hit) -> str:
    """A section chunk's text without the heading line the chunker put in front."""
    heading = str(hit.metadata.get("heading") or "")
    if heading and hit.text.startswith(heading):
        return hit.text[len(heading) :].lstrip("\n")
    return hit.text


def _section_of(hit: Hit, body: str, sections_of: SectionsOf) -> Section | None:
    """The document section the chunk was cut from: same heading, holding the chunk's opening words."""
    heading = str(hit.metadata.get("heading") or "")
    probe = "".join(body.split())[:40]
    try:
        sections = sections_of(hit.doc_id)
    except Exception:  # a removed document: fall back to the chunk itself
        return None
    for section in sections:
        if section.heading == heading and probe in "".join(section.text.split()):
            return section
    return None
