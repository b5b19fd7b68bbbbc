"""Question analysis: intent, years, wanted unit, subject terms and named parts. Vocabulary (synonyms, intent
cues) is data in assistant/data/*.toml; this module only applies it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from assistant.asides import measures_named as _measures_named
from assistant.asides import reads_narrative
from assistant.claims import checked_claim
from assistant.clauses import listed_lines
from assistant.codes import CODE, asked_codes, codes_named
from assistant.cues import cue, organisations
from assistant.data import load_data
from assistant.described import without_description
from assistant.filler import strip_filler, unit_cues
from assistant.followup import is_follow_up, merged_follow_up
from assistant.heads import (
    columns_of_one_item,
    heads_of_topic,
    other_side,
    sibling_kind,
    stage_of_first,
)
from assistant.lexicon import (
    MONEY_STATED,
    english_read,
    glossed,
    known_end,
    names_item,
    names_own_item,
    printed_whole,
    simplified,
    spend_verbs,
)
from assistant.lists import (
    EXAMPLES,
    LIST_END,
    examples_of_term,
    held_item,
    listed,
    share_head,
    shield,
    unshield,
)
from assistant.names import vocabulary
from assistant.question import YEAR as _YEAR
from assistant.question import frame
from assistant.readings import content_variants, expand, synonym_table
from assistant.relative import relative_years
from assistant.slips import mended
from assistant.spellings import plain_words
from assistant.spoken import spoken_read
from assistant.typed import spaced
from index.facts.table import column_named
from index.text import normalize

# Words that ask for an amount of money without naming the unit.
_MONEY_CUE = re.compile(r"多少钱|钱|资金|经费|费用|金额|花了多少|花多少|拨款")
# Two questions typed with only a space between them (…合计多少万元 其中公务接待费多少万元): the space ends the first.
_QUOTED_LIST = re.compile(r"(?<=[”」』])\s*(?=[“「『])")


_THESE_N = re.compile(
    "(?:这|那|以上|上述)(?:[两二三四五六七八九几]|十[一二三四五六七八九]?)个?(?:[项类款]级科目|[项类款]级|[项类款笔个])"
    "|[两二三四五]个?[项类款笔]$"
)


@dataclass(slots=True)
class Query:
    """What a question asks, as far as rules can tell."""

    text: str
    norm: str  # normalised question, synonyms appended
    intent: str
    years: list[int] = field(default_factory=list)
    unit: str | None = None  # unit the question asks for, if any
    terms: list[str] = field(default_factory=list)  # document terms from the synonym table
    content: tuple[str, ...] = ()  # content words (filler, years, units out), one per reading of its synonyms
    parts: list[str] = field(default_factory=list)  # named items for sum/difference/share/compare
    codes: list[str] = field(default_factory=list)  # 科目编码 the question names
    money: bool = False  # asks for an amount of money (钱, 资金, 经费…) without naming the unit
    relative_year: int | None = None  # -1 for 去年/上年, 0 for 今年/本年 (resolved against the document year)
    mentions: list[str] = field(default_factory=list)  # organisations the question names (set by scope)
    asked: str = ""  # the normalised question as asked, framing included (organisations are found here)
    doc_years: list[int] = field(default_factory=list)  # years of the document the question cites
    base_years: list[int] = field(default_factory=list)  # years compared against (比2021年)
    base_relative: int | None = None  # -1: against the year before the one asked (比上年); 0: the document's (比今年)
    round: int | None = None  # decimals asked for (保留两位小数)
    table_hint: str | None = None  # a table the question points into
    unsupported: str | None = None  # per_capita / period / currency: no annual figure answers it
    clauses: list[str] = field(default_factory=list)  # a compound question's questions, each on its own
    as_of: str = ""  # the date a stock is asked at (截至2023年8月31日)
    narrative: bool | None = None  # where to read: the narrative (编制说明中…) or the tables (以表中数字为准: False)


@cache
def _intents() -> list[tuple[str, re.Pattern[str]]]:
    intents = load_data("intents.toml")["intent"]
    return [(i["name"], re.compile(i["pattern"].replace("{spend_verbs}", spend_verbs()))) for i in intents]


@cache
def _document_totals() -> tuple[tuple[str, ...], frozenset[str]]:
    """(words naming the document's total, the names of its totals: printed, and the terms those words stand for)."""
    data = load_data("synonyms.toml")
    words = tuple(normalize(w) for w in data["document_totals"])
    table = synonym_table()
    names = {normalize(n) for n in data["total_names"]} | {t for w in words for t in table.get(w, [])}
    return words, frozenset(names)


def total_row_names() -> frozenset[str]:
    """The printed names of the document's totals (本年支出合计, 收入总计…)."""
    return _document_totals()[1]


def beside_total(content: str) -> tuple[str, frozenset[str]]:
    """(the question's words but its document-total words, the names of the document's totals):
    `政府采购支出总额` -> (`政府采购`, {支出总计, 本年支出合计, 支出…}). A total named with words that remain
    (and its own name taken out too) is asked of those words' item, not of the document."""
    words, names = _document_totals()
    return re.sub("|".join(sorted(map(re.escape, words), key=len, reverse=True)), "", content), names


_PER_ITEM = re.compile(r"每(台|套|人|件|辆|份|次)")
_PER_ITEM_MONEY = re.compile(r"(多少|几)(元|块)")  # 每台…最高是多少元: the standard in 元 per item
_EXCLUDED = re.compile(r"\((?:不含|不包括|不包含|除)[^()]*\)|(?:不含|不包括|不包含)[^\d,?;()的]{1,6}")


def wanted_unit(norm: str) -> str | None:
    per_item = _PER_ITEM.search(norm)
    if per_item and (_MONEY_CUE.search(norm) or _PER_ITEM_MONEY.search(norm)):
        return f"元/{per_item.group(1)}"  # a unit-price standard: 每台…多少钱
    # a figure the question states (单价100万元以上的设备有几台) names no unit asked, unless nothing else does
    asked = _EXCLUDED.sub("", norm)  # 设备（不含车辆）有几台: what is left out names no unit
    for text in (MONEY_STATED.sub("", asked), asked):
        for pattern, unit in unit_cues():
            if re.search(pattern, text):
                return unit
    return None


def classify(norm: str) -> str:
    """The question's kind: the first whose cue pattern matches (assistant/data/intents.toml)."""
    data = load_data("intents.toml")
    bare = re.sub(r"\([^()]*\)", "", norm)  # （不论什么用途都算上）: an aside's words ask nothing
    for name, pattern in _intents():
        if pattern.search(norm if name != "open" else bare):
            if name == "open" and re.search(data["figure_cue"], norm) and not re.search(data["reason_cue"], bare):
                return "lookup"
            return name
    return "lookup"


_SHARE_TAIL = re.compile(
    r"(?:的)?(?:所占|占)?的?(?:多大的?)?(?:比例|比重|占比|百分比|百分之几|百分之多少|几成|是多少|为多少|多少|%|\?)+.*$"
)
_SHARE = re.compile(r"(.+?)(?:所占|占到|占了|占|在)(?:所属|所在)?的?(.+?)(?:当中|之中|里面|中|里)?(?:的)?$")


def _share_parts(text: str) -> list[str]:
    """[part, whole] of a share question; the whole may be named as a container before the part: `人员经费占基本支出的比例`,
    `基本支出中人员经费占比`, `基本支出里的人员经费占基本支出的比例` and `人员经费在基本支出中的占比` all divide 人员经费
    by 基本支出; with no whole named, [part] only; with no part named (占本年收入合计的百分之几), none."""
    core = re.sub(r"^其中", "", _SHARE_TAIL.sub("", text))
    m = _SHARE.match(core)
    if m is None and core.startswith("占"):  # 占本年收入合计的百分之几 alone: the part is not said
        return []
    part, whole = (m.group(1), strip_filler(m.group(2))) if m else (core, "")
    inner = cue("container").match(part)
    # the container is the whole when the question names none, names it again, or names only its total (占总额)
    if inner and (not whole or whole in _TOTAL_WORDS or strip_filler(inner.group(1)) == whole):
        alone = strip_filler(inner.group(2).lstrip(","))  # a bare kind keeps where it is (服务: 政府采购服务)
        whole, part = strip_filler(inner.group(1)), alone if len(alone) > 2 else part.replace(",", "")
    part = strip_filler(part)
    measure = _measures_named(part)[0]
    if measure and _SAME_ITEM.match(whole):  # X的项目支出占该类支出合计: X's own total is the whole
        whole = part.replace(measure, "").removesuffix("的")
    elif inner and part in vocabulary().spending_parts and whole and not _measures_named(whole)[0]:
        part = f"{whole}{part}"  # 城乡社区支出里，项目支出占这一类合计: that row's 项目支出, not the document's
    return [_owner_off(part), _owner_off(whole)] if whole else [_owner_off(part)]


def _owner_off(name: str) -> str:
    """A part named with the department before it (普陀区财政局本年支出): the item, not whose it is."""
    strong = organisations()[0]
    m = re.match("^[\u4e00-\u9fff]{0,12}?(?:" + "|".join(map(re.escape, strong)) + ")", name)
    return name[m.end() :] if m and len(name) - m.end() >= 2 else name


_SAME_ITEM = re.compile(r"^(该|此|这一?|本|其)(类|款|项|科目|行)?(支出|收入)?(合计|总计|小计|总额)?$")


def split_parts(norm: str, intent: str) -> list[str]:
    """Named items of a sum/difference/share/compare question, filler removed; a joining word inside one name
    (社会保障和就业支出, 年末结转和结余) joins nothing, nor one in an aside describing an item (（数据共享、光纤那些）)."""
    norm = codes_named(norm)
    return [unshield(p) for p in _split_parts(shield(EXAMPLES.sub("", glossed(_YEAR.sub("", norm)))), intent)]


def _split_parts(text: str, intent: str) -> list[str]:
    if intent == "share":
        return _share_parts(text)
    if intent == "ratio":
        m = re.search(r"(.+?)是(.+?)的(?:几|多少)倍", text)
        if m:  # 政府采购里，工程类预算是货物类预算的几倍: kinds inside the container said first
            first, second = strip_filler(m.group(1)), strip_filler(m.group(2))
            return heads_of_topic(m.group(1), [first, other_side(first, sibling_kind(first, second))])
    if intent == "difference":
        m = (
            re.search(
                r"(.+?)(?:比|较)([^?]+?)(?:增加|减少|增长|下降|增减|变化|变动|超支|节约|节省|,?相?差)了?多少", text
            )
            or re.search(rf"(.+?)(?:比|较)(.+?)(?:多|少|高|低|大|小)(?:{spend_verbs()})?(?:出|了)?多少", text)
            or re.search(r"(.+?)比(.+?)(?:多|少|高|低)", text)
        )
        if m:
            first, second = strip_filler(m.group(1)), strip_filler(m.group(2))
            if "决算" in first and second in ("预算", "预算数"):
                second = "年初预算"  # 决算比预算: a 决算's 预算 is the 年初预算 it was set against
            if second in ("年初预算", "年初预算数") and not any(w in first for w in ("预算", "决算", "执行", "年初")):
                first += "决算"  # 三公经费比年初预算少多少: what was spent against what was set
            return [first, other_side(first, second)]  # X的年初预算比支出决算多多少: X's
        m = re.search(
            r"(.+?)(?:和|与|跟)(.+?),?(?:(?:这)?(?:两者|二者|两项))?(?:之间)?(?:相差|差额|差距|差了?多少)", text
        )
        if m:
            first = strip_filler(m.group(1))  # X的年初预算和支出决算相差多少: X's
            return [first, other_side(first, strip_filler(m.group(2)))]
        m = re.search(
            r"(.+?)减(?!少|半|免|持)去?(.+?)(?:(?:是|等于|得|为|剩|还剩)?多少|,?(?:的)?(?:差额|差值|之差))", text
        )
        if m:
            first, second = strip_filler(m.group(1)), strip_filler(m.group(2))
            taken = [strip_filler(p) for p in _JOINED_PARTS.split(m.group(2)) if strip_filler(p)]
            if len(taken) >= 2 and all(map(names_item, taken)):  # X减去A和B: each taken off (not 小型和微型企业)
                return [first, *taken]
            return [first, stage_of_first(first, second)]  # X的年初预算数减去支出决算数: X's
    if intent in ("sum", "compare", "largest"):
        framed = _IN_LIST.sub(r"\g<items>这几项中,", text)  # 在A、B、C中，最少的一项: A、B、C这几项中
        core = _THESE_N.sub(
            "", LIST_END.split(framed)[0]
        )  # 201、206、…、221这六个类的支出总计: the items, then their head
        raw = [p for p in listed(core) if CODE.search(p) or strip_filler(p)]  # 2010301、2010302: coded rows
        under = _UNDER_NAMED.search(raw[0]) if raw else None
        name = known_end(under.group("name")) if under else ""
        if under and name:  # 城乡社区管理事务（21201）下A、B: A; the 款 says where each sits (`find_parts`)
            raw[0] = under.group("item")
        elif len(raw) >= 2 and printed_whole(held_item(raw[0])) and not any(map(held_item, raw[1:])):
            raw[0] = held_item(raw[0])  # 公用经费中工会经费和福利费: 工会经费, 公用经费 the whole they are of
        pieces = heads_of_topic(core, ["".join(CODE.findall(p)) + strip_filler(p) for p in share_head(raw)])
        if len(pieces) >= 2:
            return columns_of_one_item(core, pieces) if intent == "compare" else pieces
    return []


_JOINED_PARTS = re.compile("、|和|以及|及")  # the parts a whole is taken less of (X减去A和B), each a name known
_IN_LIST = re.compile(r"^在(?P<items>[^,]+、[^,]+?)(?:之中|当中|中),")


# the first of the parts said under the 类 or 款 they sit in (城乡社区管理事务（21201）下行政运行: `container_code` took the
# code off)
_UNDER_NAMED = re.compile(
    r"(?:^|(?<=\d))(?P<name>[^\d()]{2,24}?)(?:款|类)?(?:下面|下属|之下|底下|下)的?(?P<item>[^\d]{2,}.*)$"
)


def _quoted_off(text: str) -> str:
    """原文：“…”——…: a passage of the document quoted first is a premise when the question after it names no item of
    its own (——与2023年度相比增减了多少) or points back at it (——这一行最右边的项目支出); beside one that names its own
    (——下一行公共法律服务的合计数) it only says where to look."""
    quoted = cue("quoted_passage").match(text)
    if quoted is None:
        return text
    rest = text[quoted.end() :]
    plain = normalize(rest)
    here = _QUOTED_ROW.search(plain) and not _NEXT_ROW.search(plain)  # 这一行，最右边的项目支出: the row quoted
    return rest if (names_own_item(plain) or expand(plain)) and not here else f"{quoted.group('said')}，{rest}"


_QUOTED_ROW = re.compile("这一?行|该行|同一行|本行|这一?项|该项|这个数")
_NEXT_ROW = re.compile("[上下](一|面一?|边一?)行|紧接着")


_TOTAL_WORDS = frozenset({"", "数", "合计", "总计", "小计", "金额", "总额", "数额", "合计数", "总数"})


def with_table_item(norm: str, table_hint: str | None) -> str:
    """…预算表里的金额 / …表中的合计数: only a total of the table pointed into is asked, so the table names it."""
    total = table_hint and strip_filler(norm) in _TOTAL_WORDS and not CODE.search(norm)
    return f"{table_hint}{norm}" if total else norm


_PART_AMOUNT = re.compile("占了?多少(?![%％])")
_SHARE_SAID = re.compile("百分|[%％]|比例|份额|占比|比重|几成|多大")


def intent_of(norm: str, text: str, rounding: int | None, classified: str | None = None) -> str:
    """The operation asked (`classify`, or `classified` already); `其中服务采购占多少？`, a part named with no whole and
    no word of a share in the question as written (`text`; no rounding asked), asks the part's amount, not its share."""
    intent = classified or classify(norm)
    if intent == "share" and _PART_AMOUNT.search(norm) and not _SHARE_SAID.search(text) and rounding is None:
        return "lookup"
    return intent


def _narrative_said(asked: str, text: str) -> bool | None:
    """Where the question says to read its figure (asides.reads_narrative), as framed, else as written (a request said
    last, `…？按说明里讲的`, is gone from the framed question)."""
    said = reads_narrative(asked)
    return said if said is not None else reads_narrative(normalize(text))


def analyze(question: str, history: tuple[str, ...] = ()) -> Query:
    """Analyse one question; an elliptical follow-up ("那2021年呢？") borrows the previous question."""
    text = question.strip()
    # 請問…預算裡 in simplified characters, 2024年 budget 里的 total in Chinese: as the documents print them
    text = _QUOTED_LIST.sub("、", text)  # “A”“B”“C”三项: a list, once the quotes go
    said = _quoted_off(checked_claim(text))  # 稿子写：“…849万元。”这个数对吗: the claim's figures asked
    framed = frame(spoken_read(plain_words(mended(normalize(spaced(english_read(simplified(listed_lines(said)))))))))
    asked = framed.asked
    hint = framed.table_hint  # …三公…预算表，购置费: a column of the table named
    norm = without_description(with_table_item(column_named(framed.text, hint), hint))
    years = list(framed.target_years)
    own_unit = wanted_unit(norm)  # 那两辆车一年跑多少公里 after …多少万元: the unit is the follow-up's own
    if history and is_follow_up(norm):
        norm, years = merged_follow_up(history, norm, years, expand)
    classified = classify(norm)
    intent = intent_of(norm, text, framed.round, classified)
    if intent != classified:  # 工程类占多少, a part's amount: asked as 工程类是多少
        norm = _PART_AMOUNT.sub("是多少", norm)
    bare = examples_of_term(norm)  # 公用经费（水电费、物业管理费这些）: a term's examples name no item of their own
    terms, content = expand(bare), content_variants(bare)
    years, relative = relative_years(norm, years, joined=bool(framed.clauses))
    return Query(
        text=text,
        norm=bare + "".join(f"|{t}" for t in terms),
        intent=intent,
        years=years,
        unit=own_unit or wanted_unit(norm),
        terms=terms,
        content=content,
        parts=split_parts(norm, intent),
        relative_year=relative,
        codes=asked_codes(norm),
        money=bool(_MONEY_CUE.search(norm)),
        asked=asked,
        doc_years=list(framed.doc_years),
        base_years=list(framed.base_years),
        base_relative=framed.base_relative,
        round=framed.round,
        table_hint=framed.table_hint,
        unsupported=framed.unsupported,
        clauses=list(framed.clauses),
        as_of=framed.as_of,
        narrative=_narrative_said(asked, text),
    )
