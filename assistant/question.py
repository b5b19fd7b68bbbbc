"""How a question is put, before what it asks: the document it cites, the roles of its years, the
rounding it wants, what it asks that no annual disclosure can answer, and the questions it joins.

People ask long: `根据深圳市大鹏新区政务服务数据管理局2022年部门预算，该局2021年的政府投资项目预算是多少万元？`
names a document (and its year), refers to the department again (该局), asks about another year,
and names a unit. `frame` takes the question apart so that the words that only place it do not
reach the item matcher, and so that 2022 (the document's year) is never mistaken for the year asked.
The cue words are data (assistant/data/question.toml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from assistant import clauses, lexicon, spellings
from assistant.asides import (
    parent_asked,
    requests_listed,
    units_requested,
    which_folded,
    without_asides,
)
from assistant.before import background_off
from assistant.cues import cues as _cues
from assistant.data import load_data
from assistant.lexicon import (
    EXACT_PLACES,
    SMALL_NUMBERS,
    YEAR,
    known_terms,
    names_item,
    names_own_item,
    names_parts_only,
    says_known_term,
)
from assistant.premises import hearsay, operands_said, premise_off, remembered_off, stated_premise, tag_remark_off
from index.text import bigrams


@dataclass(frozen=True, slots=True)
class Framed:
    """A question with its framing taken off."""

    text: str  # the question itself (normalised), document reference, politeness and rounding removed
    asked: str = ""  # the question as asked, politeness removed (organisations are looked for here)
    doc_years: tuple[int, ...] = ()  # years of the document the question cites (根据…2022年部门预算)
    base_years: tuple[int, ...] = ()  # years compared against (比2021年…)
    target_years: tuple[int, ...] = ()  # years whose figures are asked
    base_relative: int | None = None  # -1: against the year before (比上年, 和去年比); 0: the document's (比今年)
    round: int | None = None  # decimals asked for (保留两位小数)
    table_hint: str | None = None  # the table the question points into (…经济分类表里，)
    unsupported: str | None = None  # why no annual disclosure figure can answer it (per-capita, a quarter…)
    clauses: tuple[str, ...] = field(default=())  # the questions of a compound question, each on its own
    as_of: str = ""  # the date a stock is asked at (截至2023年8月31日), as asked


@cache
def _unsupported() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(reason, pattern) of the questions no annual figure answers."""
    return tuple((reason, re.compile(p)) for reason, p in load_data("question.toml")["unsupported"].items())


def unsupported_words(text: str) -> str:
    """The words that make a question one no annual figure answers (`每个季度`, `人均`), or ''."""
    return next((m.group(0) for _, p in _unsupported() if (m := p.search(text))), "")


def _years(text: str) -> list[int]:
    return [int(y) for y in YEAR.findall(text)]


_BARE_OPERAND = 6  # a formula's operand this short (编制数) is of what the question named before it


def _formula_asked(text: str, cues: dict[str, re.Pattern[str]]) -> str:
    """事业编制还有几个空编(编制数减实有在编人数) asks 事业编制的编制数减实有在编人数: a bracketed formula is
    the question, of the name before the asking words when its operands are bare (编制数); operands that name
    themselves (一般公共预算支出合计) replace the words before."""
    formula = cues["formula_aside"].search(text)
    if not formula:
        return text
    start = text.rfind("?", 0, formula.start()) + 1  # the question the formula is said in, of several
    head = cues["asking"].split(text[start : formula.start()])[0].rstrip("的还")
    if _BOTH_BEFORE.search(head):  # 两个数差多少（表6减表1）: the two figures asked before, in that order
        return text
    bare = all(len(o) <= _BARE_OPERAND for o in re.split("减去|减", formula.group("formula")))
    asked = f"{head if bare else ''}的{formula.group('formula')}是多少{text[formula.end() :]}".lstrip("的")
    return text[:start] + asked


_BOTH_BEFORE = re.compile("(?:这|前)?两个数|两数|两者|二者|这两项|两张表|两处")


def _doc_frame(text: str, cues: dict[str, re.Pattern[str]], doc_years: list[int]) -> str:
    """The question without its leading reference to the document (its years noted in `doc_years`). A part of the
    document it names (按…部门预算后面附的人民调解项目经费情况说明，) is what 这个项目 refers to, and the item asked
    when the rest names none; otherwise it only places the question."""
    m = cues["doc_section"].match(text) or cues["doc_section_placed"].match(text)
    if m and (item := clauses.item_placed(m.group(0))):  # 人民调解项目在…说明里，年度预算: that item's
        return f"{item}的{text[m.end() :]}"
    if m:
        doc_years += _years(m.group(0))
        section, text = cues["section_words"].sub("", m.group("section")), text[m.end() :]
        if len(section) >= 2 and not section.endswith(("预算", "决算")):  # 这份2026年部门预算的说明: the document
            text, referred = cues["section_anaphor"].subn(section, text, count=1)
            own = cues["bare_question"].sub("", re.split("[?;]", text)[0])  # the first question (a later one, its own)
            # 年度预算安排: a heading of the part's item; 政府采购金额里的服务采购 (其他重要事项的情况说明中) names its own
            if not referred and not (bigrams(own) & bigrams(section)) and not names_item(own):
                text = section + ("的" if own else "") + text
        return text
    m = cues["doc_reference"].match(text) or cues["doc_label"].match(text)
    if m and not (cues["table_named"].match(text) or cues["table_lead"].match(text)):  # 请就…决算总表回答：a table
        doc_years += _years(m.group(0))
        text = text[m.end() :]
    return text


def _topic_off(text: str, cues: dict[str, re.Pattern[str]]) -> str:
    """`关于绩效管理：…`, `人大这边要看采购分类：…`: a leading topic closed by a colon goes when what follows names
    an item of its own (a topic the rest leans on, `人民调解项目：年度预算安排多少`, and a row whose columns the rest
    asks, `城乡社区支出：基本支出、项目支出各多少`, stay); so does a part or section
    named as the place a figure is said (`国有资产占有使用情况里说…共有几辆车`)."""
    if (wish := cues["asker_topic"].match(text)) and says_known_term(cues["stage_words"].sub("", text[wish.end() :])):
        return _topic_off(text[wish.end() :], cues)  # …我想看看…收入结构：事业收入是多少: a column named is enough
    m = cues["topic_lead"].match(text)
    row = m and not names_parts_only(m.group(0)) and names_item(m.group(0)) and names_parts_only(text[m.end() :])
    text = text[m.end() :] if m and names_item(text[m.end() :]) and not row else text
    for place in ("part_title", "section_place"):  # 第三部分部门预算支出具体情况中，公用支出…: a place
        part = cues[place].search(text)
        if part and names_own_item(text[part.end() :]):
            text = text[: part.start()] + text[part.end() :]
    return text


def _asides_off(text: str, cues: dict[str, re.Pattern[str]]) -> str:
    """`以万元计，X是多少` asks X in 万元; `…，这是2024年的数` / `请按部门决算说明作答` only say where or which year."""
    said: list[str] = []
    text = cues["doc_remark"].sub("", cues["source_note"].sub("", text))  # 请以表中数字为准，…: where to read
    tail = cues["aside_tail"].search(text)
    if tail:  # 请按万元回答 is a unit asked as well
        said, text = _years_said(tail.group(0)) + _MONEY_UNIT.findall(tail.group(0))[:1], text[: tail.start()]
    lead = cues["unit_lead"].search(text) or cues["unit_bracket"].search(text)
    if lead:
        said.append(lead.group("unit"))
        text = text[: lead.start()] + text[lead.end() :]
    text = cues["unit_asked_inline"].sub("是", text)  # 人员经费折合多少万元: 人员经费是多少万元
    text = cues["unit_before_ask"].sub(r"是多少\g<unit>", text)  # X换算成亿元是多少？比上年…: X是多少亿元？
    text = cues["unit_after_ask"].sub(
        lambda m: f"{m.group('unit')}{(m.group('round') or '').replace('、', ',')}?", text
    )
    text, units = units_requested(cues["exact_note"].sub("", text), cues)  # 请换算成元, 折合多少万元: the unit asked
    said += units[:1]
    text = requests_listed(text, cues, converted=bool(units))  # 请分别列出A和B, 请把这两项分别换算成万元
    return text.rstrip("?.。") + "".join(said) if said else text


_MONEY_UNIT = re.compile("亿元|万元|元")


def _years_said(text: str) -> list[str]:
    return [f"{y}年" for y in _years(text)]


def frame(norm: str) -> Framed:
    """Take the framing off a normalised question (see the module docstring)."""
    cues = _cues()
    norm = _repeat(_lead_off, _as_written(norm, cues))
    text = parent_asked(which_folded(background_off(norm), cues), cues)  # A和B哪个多？A减B差多少; 这个项所属的款
    doc_years: list[int] = []
    # 上海市普陀区财政局2024年2023年… / …2022年去年…: the first year names the document, not the year asked
    stacked = cues["stacked_years"].search(text) or cues["year_then_relative"].search(text)
    if stacked:
        doc_years.append(int(stacked.group(1)))
        first = YEAR.match(text, stacked.start())
        text = text[: stacked.start()] + text[first.end() if first else stacked.end(1) :]
    text = _doc_frame(text, cues, doc_years)
    for inline in cues["doc_inline"].finditer(text):
        if inline.group("frame") and not clauses.later_question(inline, text):  # 2022年部门预算中，… names the document
            doc_years += _years(inline.group(0))
    text = cues["doc_inline"].sub(lambda mm: clauses.inline_frame_off(mm, text), text)
    text = _topic_off(_repeat(_lead_off, text), cues)
    text = clauses.dated_tail(operands_said(premise_off(text, cues), cues), cues["as_of"])  # ？就说截至…的数
    text = cues["relative_to"].sub("比", cues["either_way"].sub("差", text))  # 多花还是少花了多少: 差多少
    text = cues["compared_with"].sub(lambda m: f"比{m.group('base')}", text)  # 跟上年比起来: 比上年
    text = without_asides(tag_remark_off(text, cues), cues)  # …物业费肯定不少吧？
    text = stated_premise(_asides_off(hearsay(remembered_off(text, cues), cues), cues), cues)
    text = cues["self_reference"].sub("", cues["item_anaphor"].sub("", cues["method"].sub("", text)))
    text = cues["table_anaphor"].sub("", text)  # 那张表里的: the table named before (`_table_pointed`)
    date = cues["as_of"].search(text)  # 截至2025年8月31日: when a stock is counted, not the year asked
    if date:
        text = (text[: date.start()] + text[date.end() :]).lstrip(",")
    text = cues["examples"].sub("", cues["printed_as"].sub("", text))  # 编码印成“7 11 02”的, C99那一类: the item
    text, table = _table_pointed(text, cues)
    text = _compared(_formula_asked(_notes_off(text, cues).strip(","), cues), cues)
    rounding = cues["rounding"].search(text)
    places = None
    whole = cues["whole_units"].search(text)
    if whole:  # 取整到万元: in 万元, no decimals
        places, text = 0, (text[: whole.start()] + text[whole.end() :]).strip(",") + whole.group("unit")
    elif rounding:
        places = SMALL_NUMBERS.get(rounding.group("n"), 2)
        text = (text[: rounding.start()] + text[rounding.end() :]).strip(",")
    text = clauses.each_requested(text)  # 三项，分别换算成万元（…）是多少
    base = [int(y) for y in cues["base_year"].findall(text)]
    base_relative = -1 if cues["base_relative"].search(text) else (0 if cues["base_current"].search(text) else None)
    targets = [y for y in _years(cues["base_year"].sub("", text)) if y not in base or y in doc_years]
    if doc_years and set(targets) <= set(doc_years) and _names_doc_year_only(norm, doc_years):
        targets = []
    # as framed and as asked: a head count said first (按…实有在编人数计算，…人均) is gone from the framed text
    unsupported = next((reason for reason, p in _unsupported() if p.search(text) and p.search(norm)), None)
    return Framed(
        asked=norm,
        base_relative=base_relative,
        table_hint=table,
        text=text or norm,
        doc_years=tuple(dict.fromkeys(doc_years)),
        base_years=tuple(dict.fromkeys(base)),
        target_years=tuple(dict.fromkeys(targets)),
        round=EXACT_PLACES if places is None and cues["exact_note"].search(norm) else places,  # 不要四舍五入
        unsupported=unsupported,
        clauses=tuple(split_clauses(text)),
        as_of=date.group(0) if date else "",
    )


_NOTES = (
    "enumerator",
    "missing_request",
    "excluded",
    "sign_note",
    "basis_note",
    "ignore_note",
    "stated_aside",
    "threshold",
    "section_pointer",
    "total_row",
    "table_position",
    "side_word",
    "count_determiner",
    "units_scope",
    "shown_working",
    "narrative_pointer",
    "doc_pointer",
)


def _table_pointed(text: str, cues: dict[str, re.Pattern[str]]) -> tuple[str, str | None]:
    """(the question without it, the table it points into): …经济分类表里， names the table; 按经济分类 the tables
    of that classification (the economic 30108 row, not the functional 2080505 one, of one sum)."""
    table = (
        cues["table_named"].match(text)
        or cues["table_lead"].match(text)
        or cues["table_hint"].search(text)
        or cues["table_total"].search(text)
    )
    if table and not cues["table_words"].search(table.group("table")):
        text, table = text.replace("表上", "", 1) if table.group(0).endswith("表上") else text, None
    if table:  # …功能分类预算表的城乡社区支出：a row named after the table stays asked
        kept = clauses.row_after_table(table.groupdict().get("after") or "")
        return (text[: table.start()] + kept + text[table.end() :]).lstrip(","), table.group("table")
    kind = cues["classification_hint"].search(text)
    if kind:
        return (text[: kind.start()] + text[kind.end() :]).lstrip(","), f"{kind.group('kind')}分类"
    return text, None


def _notes_off(text: str, cues: dict[str, re.Pattern[str]]) -> str:
    """Notes around the item that name none (不含…, 正数表示增加, “X”一行“Y”列's 一行 and 列)."""
    text = cues["percent_unit"].sub("%", text)  # 增长多少，单位：% asks 增长多少%
    for note in _NOTES:
        text = cues[note].sub("", text)
    return text


def _compared(text: str, cues: dict[str, re.Pattern[str]]) -> str:
    """`决算和年初预算比，差了多少` as 决算比年初预算; `A跟B比，差多少` as A与B相差."""
    return cues["compared_items"].sub(r"与\g<b>相差", cues["compared_columns"].sub(r"\g<a>比\g<b>", text))


def _as_written(norm: str, cues: dict[str, re.Pattern[str]]) -> str:
    """Years and table numbers in Chinese numerals in digits (二〇二六年, 第五张表); how to answer, said first, read after
    the question (请以万元为单位作答：…); then each of `_SAID_AS` in turn: spoken fillers (嗯，那个，…哈), what the asker
    takes back or rules out (三公，不对，是…), a check the figure after it settles (相等吗？如果不相等，; …等于A和B两款之和吗？
    两款相加是多少: A和B), `X这块，…是怎么安排的，多少`, `X，里头A和B` (X里，A和B), where on a table a total is (收入一侧
    最后的总计), 办公用的设备, what the asker noticed (注意到X这一项有变化，请问该项…), the amount of the largest asked again
    (那一项的金额（元）), `A和B，各是多少`, a claim's contrast (实际文件里的, 这个好像搞混了吧？实际…); a gloss after 就是 in
    brackets last (，就是印刷费，)."""
    norm = lexicon.numerals_in_digits(norm)
    if said_first := cues["format_lead"].match(norm):  # 请以万元为单位作答：Q: Q，请以万元为单位作答
        norm = norm[said_first.end() :].rstrip("?.。") + "?" + said_first.group("lead") + "."
    for name, said in _SAID_AS:
        norm = cues[name].sub(said, norm)
    return cues["spoken_gloss"].sub(_gloss_read, norm)


_SAID_AS: tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...] = (
    ("year_glossed", r"\1年"),
    ("list_number", ""),
    ("remarked_lead", r"\g<x>"),
    ("parent_bracketed", spellings.under_parent),
    ("typo_note", ""),
    ("spoken", ""),
    ("relayed", ""),
    ("called", spellings.called_name),
    ("ranked_place", spellings.place_said),
    ("both_printed", r"\g<x>"),
    ("spoken_correction", ""),
    ("source_tail", ""),
    ("section_named", ""),
    ("rough_of_item", ""),
    ("purpose_lead", ""),
    ("figures_listed", spellings.figures_off),
    ("figure_then_added", r"\g<a>和\g<b>,"),
    ("sum_object", ""),
    ("another_row", r"\g<x>的"),
    ("claim_checked", "?"),
    ("exists_lead", r"\g<org>"),
    ("kind_described", ""),
    ("purpose_after", ""),
    ("share_basis", r"占\g<whole>的\g<q>?"),
    ("buy_and_run", "购置及运行"),
    ("column_spent", spellings.column_spent),
    ("column_each", spellings.column_each),
    ("asker_mid", lambda m: "" if re.search(r"\d", _said_before(m, "[?;:]")) else m.group(0)),
    ("header_aside", ""),
    ("hearsay_tail", ""),
    ("restated_tail", ""),
    ("labelled", ""),
    ("mentioned_in", ""),
    ("years_side_by_side", r"\g<b>年\g<wb>比\g<a>年\g<wa>"),
    ("kind_word", lambda m: m.group(0) if "、" in _said_before(m, "[,?;:]") else ""),
    ("settled_check", ""),
    ("sum_check", r"\g<items>"),
    ("sum_imperative", r"\g<head>是多少"),
    ("container_code", ""),
    ("how_then_figure", ""),
    ("inner_items", "里,"),
    ("side_position", ""),
    ("used_for", ""),
    ("noticed_item", r"\g<item>"),
    ("winner_amount", lambda m: m.group("unit") or ""),
    ("winner_amount_in", spellings.winner_unit),
    ("made_of", r"包括\g<items>"),
    ("each_after_comma", ""),
    ("claim_contrast", ""),
)


def _said_before(m: re.Match[str], marks: str) -> str:
    """What the question says before a match, back to the last of `marks` (the clause or sentence it is in)."""
    return re.split(marks, m.string[: m.start()])[-1]


def _gloss_read(m: re.Match[str]) -> str:
    """`，就是基本工资加上津贴补贴，` names the items asked (terms the documents know): kept as said; any other gloss
    (，就是财政拨款收入，, ，就是养车跑车那个钱，) is kept as an aside glossing the words before it, but one after a term
    the documents know (行政单位医疗，就是给在职人员交医保那块，) or saying what the item is not (，就是不是财政给的那部分，),
    which goes with the asides (see `explained`)."""
    term = m.group("term")
    pieces = [p for p in re.split("加上|和|、|及", term) if p]
    if len(pieces) >= 2 and all(p in known_terms() for p in pieces):
        return f",{term}"
    before = _said_before(m, "[,?]")
    named = says_known_term(before, shortest=4)  # 行政单位医疗，就是给在职人员交医保那块
    return f"(就是{term})" if named or term.startswith(("不", "没", "非")) else f"({term})"


def _lead_off(gone: str, text: str) -> str:
    """Politeness and who asks (请问, 我是做薪酬研究的，, 帮邻居问一下：, …只要数字) taken off."""
    cues = _cues()
    return cues["speaker"].sub(gone, cues["polite"].sub(gone, text))


def _repeat(substitute: Callable[[str, str], str], text: str) -> str:
    """Apply a removal until nothing changes (请问请问…, 请问一下，麻烦告诉我…)."""
    while True:
        shorter = substitute("", text)
        if shorter == text:
            return text
        text = shorter


def without_bases(text: str) -> str:
    """The question with the years it compares against taken out (比2021年, 和去年比, 比今年)."""
    cues = _cues()
    return cues["base_current"].sub("", cues["base_relative"].sub("", cues["base_year"].sub("", text)))


def _names_doc_year_only(norm: str, doc_years: list[int]) -> bool:
    """True when every mention of a year in the question is the document's own (no other year asked)."""
    return all(y in doc_years for y in _years(norm))


def split_clauses(text: str) -> list[str]:
    """The questions a compound question joins (`…收入是多少万元，比上年增长多少？` -> two), else [] (see
    `assistant.clauses`)."""
    return clauses.split_clauses(text, _cues())
