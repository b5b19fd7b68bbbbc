"""An item said in everyday words, read as one the document prints, by the embedding model.

The rules match a question's words against the document's catalogue (row labels, fact subjects) and the
national classification. When they find nothing and the item words hold no name either knows (印材料的钱,
修房子修设备这些修修补补, 给居民搞体育健身活动的钱), the e5 model already loaded for retrieval ranks the
document's money items, each described by its name and what the national classification says it covers
(印刷费: 反映单位的印刷、复印等支出) and what the document's own sentence says it is for (主要用于：委托中介机构
开展各类审计及绩效评价工作), against those words. The best is taken only when it is clearly ahead of
every item not named alike (`Tunables.paraphrase_margin`, chosen by leave-one-document-out) and shares a
character of meaning with the words; the question is then answered as if it had named that item, and the
answer says how the words were read. Failing that (no item read, or none answered for the one read), an item the
document's own sentences say pays for what the words describe is read the same way (`described_use`). A name the rules know but the document does not print (事业编制 in a
document without one) is never read as something else: the document does not give it.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from assistant.analyze import Query, analyze
from assistant.answer_types import Answer
from assistant.compose import load_templates
from assistant.cues import organisations
from assistant.described_use import as_named, read_by_use
from assistant.lexicon import GENERIC_CHARS, costs_not_covered, known_terms, names_staff_group
from assistant.measures import scoped_item
from assistant.names import vocabulary
from assistant.operations import Context
from index import classification
from index.embed.embedder import Embedder
from index.model import MONEY_UNITS, Fact, Hit
from index.text import bigrams, containment, normalize

# what is left of the content words once the figure's own words are gone (预算, 比执行数, 花了): the item
_TAIL = re.compile(
    r"(比|较)?(上年|去年|当年|年初|全年|调整)?(预算执行数|执行数|预算数|决算数|预算|决算|支出|安排|实际|花|交|用)+$"
)
_HEAD = re.compile(r"^(在|给|为|用于|花在|拿来)")
_SEPARATE = re.compile("单独|单列")
_QUOTED = re.compile("[“\"‘'「『]([^”\"’'」』]+)[”\"’'」』]")
_PURPOSE = re.compile("主要用于|用于|反映|是指")  # “主要用于…”: a sentence of the document quoted, no name
MIN_WORDS = 2  # characters of item words worth reading


def item_words(query: Query) -> str:
    """The words naming the item in a question's content (`印材料预算` -> 印材料; 修东西 before a bracket of
    columns, 修东西的钱（一般公共预算基本支出）; 请专家出主意 after the column it is in, 基本支出里请专家出主意), or ""."""
    words = scoped_item(query.norm) or (query.content[0] if query.content else "")
    return _HEAD.sub("", _TAIL.sub("", _container().sub("", words)))


@cache
def _container() -> re.Pattern[str]:
    """A column, stage or table the item is said to be in, before it (基本支出里, 一般公共预算基本支出中, 预算里):
    where to read, not what the item is."""
    said = "|".join(re.escape(w) for w in (*vocabulary().measure_words, "预算", "决算", "表"))
    return re.compile(f"^.{{0,12}}?(?:{said})(?:里面|里头|当中|之中|里|中)(?=.{{2}})")


@cache
def _names_known() -> tuple[str, ...]:
    return tuple(t for t in known_terms() if len(t) >= 3)


def unknown_words(words: str, catalogue: Sequence[str]) -> bool:
    """Item words naming nothing the lexicon, the measures, the national classification or the document knows."""
    if len(words) < MIN_WORDS:
        return False
    return not any(t in words for t in _names_known()) and not any(len(n) >= 3 and n in words for n in catalogue)


class Catalogue:
    """The documents' money items with their vectors (each document embedded once, when first needed)."""

    def __init__(self, embedder: Callable[[], Embedder]) -> None:
        self._embedder = embedder
        self._vectors: dict[str, tuple[list[str], np.ndarray]] = {}
        self._lock = threading.Lock()

    def items(self, facts: Sequence[Fact]) -> tuple[list[str], np.ndarray]:
        """(names, vectors) of the money items of the documents these facts are of."""
        by_doc: dict[str, list[Fact]] = {}
        for fact in facts:
            by_doc.setdefault(fact.source.doc_id, []).append(fact)
        names: list[str] = []
        vectors: list[np.ndarray] = []
        for doc_id, own in by_doc.items():
            doc_names, doc_vectors = self._document(doc_id, own)
            names.extend(doc_names)
            vectors.append(doc_vectors)
        return names, (np.vstack(vectors) if vectors else np.zeros((0, 1), dtype=np.float32))

    def embed(self, words: str) -> np.ndarray:
        return self._embedder().embed_queries([words])[0]

    @property
    def semantic(self) -> bool:
        """Does the embedder know meaning (not the model-free `fake:` one tests use)?"""
        return bool(getattr(self._embedder(), "semantic", True))

    def _document(self, doc_id: str, facts: Sequence[Fact]) -> tuple[list[str], np.ndarray]:
        with self._lock:
            if doc_id not in self._vectors:
                names = sorted({normalize(f.subject) for f in facts if f.is_money and f.subject.strip()})
                uses = _uses(facts)
                texts = [_described(n, classification.note(None, n), uses.get(n, "")) for n in names]
                self._vectors[doc_id] = (names, self._embedder().embed_passages(texts))
            return self._vectors[doc_id]


# what a document's sentence says an item pays for (…（项）。主要用于：委托中介机构开展各类审计及绩效评价工作。)
_USE = re.compile(r"主要用于[:：]?([^。；;]{2,60})")


def _uses(facts: Sequence[Fact]) -> dict[str, str]:
    """What the document's own sentences say each item is for, by the item's name."""
    uses: dict[str, str] = {}
    for fact in facts:
        name = normalize(fact.subject)
        if fact.origin == "text" and name and name not in uses:
            at = fact.source.quote.find(fact.subject)  # what is said after the item's own name
            use = _USE.search(fact.source.quote, at) if at >= 0 else None
            if use and fact.subject not in use.group(1):
                uses[name] = use.group(1)
    return uses


def _described(name: str, note: str, use: str) -> str:
    """An item as the model reads it: its name, what the national classification says it covers, what the
    document says it is for."""
    said = "；".join(t for t in (note, use) if t)
    return f"{name}：{said}" if said else name


def said_in_everyday_words(query: Query, words: str, *, rates: bool = False, units: bool = True) -> bool:
    """May the item words be a description rather than a name? Not when the question asks no amount of money
    (几层, 多少位; a rate of one when `rates`), asks a part printed on its own (单独, 单列), names an
    organisation (财政所, 法律援助中心: a unit of the department, whose figures a document gives or not; not
    looked for unless `units`) or quotes a name (“财政专户管理资金收入”: a name as printed, which the document
    prints or does not; a purpose quoted, “主要用于…”, is the document's description of the item)."""
    if query.unit is not None and query.unit not in MONEY_UNITS and not (rates and query.unit == "%"):
        return False
    if _SEPARATE.search(query.norm) or (units and _names_unit(words)):
        return False
    if names_staff_group(query.norm):  # 护理员的工资: a part of the wages
        return False
    return not any(len(q) >= 3 and not _PURPOSE.match(q) for q in _QUOTED.findall(query.text))


def _names_unit(words: str) -> bool:
    strong, weak, _ = organisations()
    return any(e in words[1:] for e in (*strong, *weak))


def _read_by_use(query: Query, ctx: Context) -> tuple[str, str] | None:
    """(words, name) of the item whose sentences say it pays for what the question describes. An organisation's
    word inside the uses the sentences hold (管理服务指挥中心运营) is part of the description; so is the department
    itself (财政局请…), and a kind of organisation shown by an example (会计师事务所这类中介机构); any other names a
    unit of the department, whose figures the document gives or not."""
    words = item_words(query)
    if not said_in_everyday_words(query, words, rates=True, units=False):
        return None
    found = read_by_use(query, ctx.facts, ctx.hits)
    if found is None:
        return None
    rest = _EXAMPLE_ORG.sub(",", words)
    for piece in found[0].split("、"):
        rest = rest.replace(piece, ",")
    own = _ORG_RUN.sub(lambda m: "," if any(m.group(0) in d for d in ctx.departments) else m.group(0), rest)
    return None if _names_unit(own) else found


_EXAMPLE_ORG = re.compile(  # 会计师事务所这类中介机构: an organisation shown as an example of the kind paid
    "[\\u4e00-\\u9fff]{0,6}(?:所|公司|院|中心)(?:这类|这一类|这样的|之类的?|等)?(?=(?:中介|第三方|专业|社会)?机构)"
)
_ORG_RUN = re.compile("[\\u4e00-\\u9fff]{2,8}?(?:局|街道|院|中心)")  # 普陀区财政局, 财政局: the department's name


def read_as(query: Query, facts: Sequence[Fact], catalogue: Catalogue, margin: float) -> tuple[str, str] | None:
    """(words, name): the document's item the question's everyday item words stand for, or None."""
    words = item_words(query)
    if not catalogue.semantic or not said_in_everyday_words(query, words):
        return None
    names, vectors = catalogue.items(facts)
    if not names or not unknown_words(words, names):
        return None
    sims = vectors @ catalogue.embed(words)
    order = np.argsort(-sims)
    best = names[order[0]]
    runner_up = next((sims[i] for i in order[1:] if not _alike(best, names[i])), -1.0)
    if (
        sims[order[0]] - runner_up < margin
        or not _shares_meaning(words, best)
        or costs_not_covered(words, best + classification.note(None, best))
    ):
        return None
    return words, best


def named_last(words: str, facts: Sequence[Fact]) -> str | None:
    """The document's money item whose name ends the item words, after words describing it (自己收来的事业收入,
    实际给退了休的老同志发了多少退休费), or None."""
    ends = {
        name
        for f in facts
        if f.is_money and len(name := normalize(f.subject)) >= 3 and words.endswith(name) and len(words) > len(name) + 1
    }
    return max(ends, key=len, default=None)


# what ends a description of the item named next (自己收来的事业收入, 干活的那个服务采购, 发了多少退休费); a word
# joined to the name (物业服务采购) narrows it instead
_DESCRIBED = re.compile("(的|那个|那笔|那块|那部分|这个|这笔|多少)$")


def _described_then_named(
    query: Query, ctx: Context, route: Callable[[Query], tuple[Answer, list[Hit]]]
) -> tuple[Answer, list[Hit]] | None:
    """请外面公司干活的那个服务采购: everyday words describing an item, then its name as the document prints it;
    the answer for the name, or None. Words naming a 科目 or a column (项目支出里的委托业务费, 一般公共服务支出的人员
    经费) narrow the item: they describe nothing."""
    asked = query.norm.split("|")[0]
    quoted = _quoted_printed(query, ctx.facts) if not query.parts else None
    named = quoted or (
        named_last(item_words(query), ctx.facts) if query.intent == "lookup" and not query.parts else None
    )
    if named is None or named not in asked:
        return None
    before = asked[: asked.rfind(named)]
    measures = vocabulary().measure_words  # 一般公共服务支出的人员经费: a row's column, no description
    if not (_DESCRIBED.search(before) or quoted) or any(w in before for w in measures):
        return None
    if any(len(n) >= 3 and n in before for n in classification.national_names()):
        return None
    said = asked[len(before) :]
    if _PART.search(before):  # 提供各种服务的那部分政府采购: the part of it the words name (政府采购服务), or none
        part = _part_named(before, named, ctx.facts)
        if part is None:
            return None
        said = part + said[len(named) :]
    retried, hits = route(_asked_of(query, said))
    return None if retried.abstained else (retried, hits)


_PART = re.compile("(那|这)一?部分$")


def _part_named(before: str, whole: str, facts: Sequence[Fact]) -> str | None:
    """The one printed item that is `whole` narrowed by words said before it (政府采购 + 服务: 政府采购服务)."""
    parts = {
        name
        for f in facts
        if f.is_money and whole in (name := normalize(f.subject)) and name != whole
        and len(rest := name.replace(whole, "")) >= 2 and rest in before
    }  # fmt: skip
    return parts.pop() if len(parts) == 1 else None


def _quoted_printed(query: Query, facts: Sequence[Fact]) -> str | None:
    """A name the question quotes that the document prints as a money item (负责短信平台…这些的“信息技术服务”项目:
    信息技术服务), the words before it describing it; or None."""
    names = {normalize(f.subject) for f in facts if f.is_money}
    for said in _QUOTED.findall(query.text):
        name = normalize(said)
        name = name if name in names else _PROJECT.sub("", name)
        if len(name) >= 3 and name in names:
            return name
    return None


_PROJECT = re.compile("(项目|事项)$")


def _asked_of(query: Query, said: str) -> Query:
    """The question as `said` from the item's name on (服务采购是多少万), its frame (years, unit, scope) kept."""
    own = analyze(said)
    return dataclasses.replace(query, norm=own.norm, content=own.content, terms=own.terms, parts=own.parts)


def _alike(a: str, b: str) -> bool:
    """Two names of one item (公务用车运行费, 公务用车购置及运行费 share most of their bigrams)."""
    return max(containment(bigrams(a), bigrams(b)), containment(bigrams(b), bigrams(a))) >= 0.5


def _shares_meaning(words: str, name: str) -> bool:
    described = name + classification.note(None, name)
    return bool((set(words) - GENERIC_CHARS) & set(described))


def with_item(query: Query, name: str) -> Query:
    """The question as if it had named the document's item `name`."""
    return dataclasses.replace(
        query, norm=f"{query.norm}|{name}", terms=[*query.terms, name], content=(name, *query.content)
    )


def reread(
    query: Query,
    answer: Answer,
    ctx: Context,
    catalogue: Catalogue,
    route: Callable[[Query], tuple[Answer, list[Hit]]],
) -> tuple[Answer, list[Hit]] | None:
    """When `answer` found nothing and the item was said in everyday words that read as a document's item,
    the answer (and hits) for that item, saying how the words were read; else None."""
    margin = ctx.tun.paraphrase_margin
    if not answer.abstained or query.intent == "open" or margin >= 1:
        return None
    described = _described_then_named(query, ctx, route)
    if described:
        return described

    def answered(found: tuple[str, str], asked: Query | None) -> tuple[Answer, list[Hit]] | None:
        retried, hits = route(asked) if asked else (answer, [])
        if retried.abstained:
            return None
        retried.answer += load_templates().render("read_as", words=found[0], name=found[1])
        return retried, hits

    by_name = read_as(query, ctx.facts, catalogue, margin)
    done = answered(by_name, with_item(query, by_name[1])) if by_name else None
    if done:
        return done
    by_use = _read_by_use(query, ctx)  # what the item's sentences say it pays for, when the names answer nothing
    return answered(by_use, as_named(query, *by_use)) if by_use and by_use != by_name else None
