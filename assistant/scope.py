"""Which documents a question is about: explicit ids, or the organisations and years it names.

A question may name a department loosely ("司法局", "大鹏数据局", "福利院"); a name
matches a loaded document when its characters all occur in the document's
department name. A name with an organisation ending that matches no loaded
document means the question is about a document that is not loaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.analyze import Query, intent_of, split_parts, with_table_item
from assistant.cues import organisations
from assistant.readings import content_variants, expand
from index.errors import QuestionError
from index.text import normalize

_MAX_PREFIX = 8
_MIN_CHARS_SHARED = 0.85
_DATED = re.compile(r"(?:\d(?:年度?|月(?:底|末)?|日)[,:]?|[,:])$")  # 2022年局里, 截至…10月，局里: our office
_BOUNDARY = set("、,，和与及跟的比是在给|?？()（）")
_SELF_SAID = re.compile(r"(?<=年|度)(?:院|局|街道|办|所|中心|单位)(?:里面|里头|里)(?=[\u4e00-\u9fff])")
_GIVEN_TO = "给"  # 拨给普陀区社会福利院, 政府拨给局里: the organisation is what follows
_TITLE = re.compile("长|领导")  # after an organisation's kind, a person's title (给局长准备材料, 院领导)
_OWN_OFFICE = re.compile("本部")  # (含局本部): the department's own office, never an organisation missing


@dataclass(slots=True)
class Scope:
    """Documents in scope, and which document each named organisation stands for."""

    doc_ids: list[str]
    named: list[tuple[str, str]] = field(default_factory=list)  # (mention, doc_id) in question order
    unknown: list[str] = field(default_factory=list)  # organisations named that no loaded document matches
    departments: dict[str, str] = field(default_factory=dict)  # doc_id -> normalised department, in scope

    @property
    def spelled_out(self) -> bool:
        """A document was named by more than a bare kind (`街道`): an answer need not say whose it is."""
        return any(len(mention.strip(",?;:!.")) >= 3 for mention, _ in self.named)

    @property
    def named_docs(self) -> list[str]:
        seen: list[str] = []
        for _, doc in self.named:
            if doc not in seen:
                seen.append(doc)
        return seen


# what an organisation's kind is called at more length (司法行政局 for 司法局): words a mention may add to the name
_KIND_WORDS = ("行政",)


def _char_share(mention: str, department: str) -> float:
    """Share of the mention's characters the department's name holds; a kind said at more length (普陀区司法行政局
    for 上海市普陀区司法局) counts without the words the name does not print."""
    for word in _KIND_WORDS:
        if word not in department and len(mention) > len(word) + 2:
            mention = mention.replace(word, "")
    return sum(ch in department for ch in mention) / len(mention) if mention else 0.0


def find_mentions(norm: str, departments: dict[str, str]) -> tuple[list[tuple[int, str, str]], list[str]]:
    """(position, mention, doc_id) for names matching a loaded department, and unmatched strong names."""
    strong, weak, self_words = organisations()
    found: list[tuple[int, str, str]] = []
    unknown: list[str] = []
    taken: set[int] = set()
    # long enough to take in a whole department name, so that many similar names stay apart
    window = max(_MAX_PREFIX, *(len(d) for d in departments.values()), 0)
    kinds = {k: sum(k in d for d in departments.values()) for k in strong if len(k) == 2}
    for suffix in (*strong, *weak):
        start = norm.find(suffix)
        while start != -1:
            end = start + len(suffix)
            if end - 1 not in taken and not _TITLE.match(norm, end):  # 局长, 院长: a person, no organisation
                best: tuple[int, str, str] | None = None
                best_key: tuple[int, bool, float] | None = None
                for size in range(window + 1):
                    begin = start - size
                    if begin < 0:
                        break
                    mention = norm[begin:end]
                    if mention.startswith(_GIVEN_TO):
                        break
                    # a two-character kind alone (占街道总支出) names the one loaded department of that kind
                    if len(mention) < 3 and not (mention == suffix and len(suffix) == 2 and kinds.get(suffix) == 1):
                        continue
                    for doc_id, dept in departments.items():
                        if suffix not in dept:
                            continue
                        share = _char_share(mention, dept)
                        # the longest mention wins; for one mention, the name printing it whole, then the closest
                        key = (size, mention in dept, share)
                        if share >= _MIN_CHARS_SHARED and (best_key is None or key > best_key):
                            best, best_key = (begin, mention, doc_id), key
                if best:
                    found.append(best)
                    taken.update(range(best[0], end))
                elif (
                    suffix in strong
                    and not _DATED.search(norm, 0, start)
                    and not _OWN_OFFICE.match(norm, end)
                    and (
                        (start >= 2 and norm[start - 1] not in self_words)
                        # 福利院的… names an organisation by its kind alone, when no loaded department is of that kind
                        or (start == 0 and len(suffix) >= 2 and not any(suffix in d for d in departments.values()))
                    )
                ):
                    begin = _name_start(norm, start)
                    # 退休的局里人员: a kind said bare, of a department loaded, is that department
                    if end - begin > len(suffix) or not any(suffix in d for d in departments.values()):
                        unknown.append(norm[begin:end])
                        taken.update(range(begin, end))
            start = norm.find(suffix, end)
    found.sort()
    return found, unknown


def _name_start(norm: str, start: int) -> int:
    """Where the name of an organisation not loaded begins, up to four characters before its kind (`start`), after
    the last boundary mark among them."""
    begin = max(0, start - 4)
    while begin < start - 2 and norm[begin] in _BOUNDARY:
        begin += 1
    for i in range(start - 1, begin - 1, -1):
        if norm[i] in _BOUNDARY:
            return i + 1
    return begin


def resolve_scope(query: Query, summaries: Sequence[dict[str, Any]], doc: str | Sequence[str] | None) -> Scope:
    """Documents in scope. Explicit `doc` limits; named organisations and years narrow further."""
    ids = [s["doc_id"] for s in summaries]
    if doc:
        wanted = [doc] if isinstance(doc, str) else list(doc)
        unknown_ids = [d for d in wanted if not any(i == d or i.startswith(d) for i in ids)]
        if unknown_ids:
            raise QuestionError(f"没有这个文件：{', '.join(unknown_ids)}（用 `budgetqa docs` 查看已载入文件的 ID）")
        ids = [i for i in ids if any(i == d or i.startswith(d) for d in wanted)]
    departments = {s["doc_id"]: normalize(s.get("department") or "") for s in summaries if s["doc_id"] in ids}
    mentions, unknown = find_mentions(query.asked or query.norm.split("|")[0], departments)
    named = [(mention, doc_id) for _, mention, doc_id in mentions]
    scope = Scope(doc_ids=ids, named=named, unknown=unknown, departments=departments)
    if named:
        scope.doc_ids = [d for d in ids if d in {doc_id for _, doc_id in named}]
    elif (query.doc_years or query.years) and len(ids) > 1:
        named_years = query.doc_years or query.years
        by_year = [s["doc_id"] for s in summaries if s["doc_id"] in ids and s.get("year") in named_years]
        scope.doc_ids = by_year or ids
    return scope


_PLACE = re.compile(r"^(?P<province>[\u4e00-\u9fff]{2,3}?[省市])?(?P<district>[\u4e00-\u9fff]{2,4}?(?:新区|区|县|市))?")


def clause_scope(clause: str, scope: Scope) -> Scope:
    """A compound question's clause naming some of its documents is about those only: `司法局和万里街道的三公经费
    各是多少` asks `司法局的三公经费是多少` of 司法局 alone (each was answered with the sum of both)."""
    mentions, _ = find_mentions(normalize(clause), scope.departments)
    docs = {doc for _, _, doc in mentions}
    if not docs or docs >= set(scope.doc_ids):
        return scope
    return Scope(
        doc_ids=[d for d in scope.doc_ids if d in docs],
        named=[(mention, doc) for _, mention, doc in mentions],
        departments={d: dept for d, dept in scope.departments.items() if d in docs},
    )


def places_of(department: str) -> list[str]:
    """The place names a department's full name starts with (`上海市普陀区财政局` -> 上海市普陀区, 上海市,
    普陀区), each at least three characters: where the department is, never what is asked about."""
    m = _PLACE.match(department)
    if not m or not m.group(0) or len(m.group(0)) >= len(department) - 1:
        return []
    parts = [m.group(0), m.group("province") or "", m.group("district") or ""]
    return [p for p in dict.fromkeys(parts) if len(p) >= 3]


def without_mentions(query: Query, scope: Scope) -> Query:
    """The query re-analysed with the organisation names taken out (they chose documents)."""
    if not scope.named and not scope.unknown:
        return query
    norm = query.norm.split("|")[0]
    named = {doc: scope.departments[doc] for _, doc in scope.named if doc in scope.departments}
    # a place written before a mention goes with it (上海市普陀区 + 财政局); elsewhere it may name another
    # unit (大鹏新区信息中心), so it stays
    places = sorted({p for dept in named.values() for p in places_of(dept)}, key=len, reverse=True)

    def take(text: str, mention: str) -> str:
        for place in places:
            text = text.replace(place + mention, "")
        for inside in ("里面", "里头", "里"):  # 局里的钱, 院里自己收的: the department itself
            text = text.replace(mention + inside, "")
        return text.replace(mention, "")

    # the longest first: 福利院 said alone before 普陀区社会福利院 leaves nothing of the whole name behind
    for mention in sorted([m for m, _ in scope.named] + scope.unknown, key=len, reverse=True):
        norm = take(take(norm, mention), mention.strip(",?;:!."))
    norm = _SELF_SAID.sub("", norm)  # 福利院2024年院里公车…: the department itself, said again by its kind
    # the question as framed may name the department again, in other words than the ones scope saw
    for _, mention, _ in find_mentions(norm, named)[0] if named else []:
        norm = take(norm, mention)
    norm = with_table_item(norm.lstrip("的"), query.table_hint)
    intent = intent_of(norm, query.text, query.round) if query.intent == "lookup" else query.intent
    terms = expand(norm)
    return replace(
        query,
        norm=norm + "".join(f"|{t}" for t in terms),
        terms=terms,
        content=content_variants(norm),
        intent=intent,
        parts=split_parts(norm, intent),
        mentions=[m for m, _ in scope.named],
    )


def narrow_scope(scope: Scope, ranked_docs: Sequence[str], keep: int) -> tuple[Scope, list[str]]:
    """An unscoped question over many documents: keep the `keep` documents of the best-ranked chunks, and a note."""
    best: list[str] = []
    for doc_id in ranked_docs:
        if doc_id and doc_id not in best:
            best.append(doc_id)
        if len(best) >= keep:
            break
    if not best:
        return replace(scope, doc_ids=[]), []
    note = (
        f"已载入 {len(scope.doc_ids)} 份文件，问题没有指明部门：以下只看与问题最相关的 {len(best)} 份；"
        "请在问题中写明部门或选择文件，以得到确切的答案。"
    )
    return replace(scope, doc_ids=best), [note]
