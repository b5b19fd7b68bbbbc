"""Asides around the item a question asks about: what the asker explains in their own words (——也就是…——,
（短信平台、网络出口那一摊）), how they introduce the questions (我想拆开看看：), the unit they want the figure in
(请换算成元, 折合多少万元) and where to read it (以表中数字为准). Claims, premises and figures the asker already has are
`assistant.premises`'. The cues are question.toml's."""

from __future__ import annotations

import re
from functools import cache

from assistant.before import sentences_before_off
from assistant.lexicon import SMALL_NUMBERS, known_terms, names_item, synonyms
from assistant.lists import parts_unnamed, shield, unshield
from assistant.names import vocabulary
from index.classification import national_names

Cues = dict[str, re.Pattern[str]]


def _talk_off(text: str, cues: Cues) -> str:
    """What is usually so (行政运行一般都是基本支出，可…), what the asker will tell others (想用…给学生讲讲…有多少人在
    干活：) said before the question, why they think a figure is so (…，因为部分人员退休。请核实…), that they doubt
    it (…，我不太信，) and what a whole is made of (A和B加起来就是C，C中…占比): no part of it; the question after them asks. The topic of a talk whose parts are listed next is their whole."""
    text = cues["usual_lead"].sub("", cues["reason_said"].sub("", cues["doubt"].sub("", text)))
    text = cues["sum_identity"].sub("", text)
    talk = cues["talk_lead"].match(text)
    if not talk or not cues["asking"].search(rest := text[talk.end() :]):
        return text
    return f"{talk.group('topic')}中{rest}" if parts_unnamed(rest) else rest  # 介绍一下…政府采购：货物、工程、服务各…


_BRACKETED = re.compile(r"\((?P<alias>[^()]{4,})\)")


def _alias_off(text: str) -> str:
    """`卫生健康支出（医疗卫生与计划生育支出）—…`: a national name's other name (its former name, no national name of
    today, ending as it does: 支出) in brackets after it says nothing more; it goes, so the bracket is not read as the
    item glossed. A national name in the brackets (卫生健康支出（行政单位医疗）) names the row asked and stays."""

    def off(m: re.Match[str]) -> str:
        name = next((n for n in national_names() if len(n) >= 4 and text[: m.start()].endswith(n)), "")
        alias = m.group("alias")
        former = alias not in national_names() and alias[-2:] == name[-2:] and re.fullmatch("[\u4e00-\u9fff]+", alias)
        return "" if name and former and "的" not in alias else m.group(0)  # a national name there names the row

    return _BRACKETED.sub(off, text)


def _term_said(words: str, terms: frozenset[str]) -> str:
    """The document term a bracket explains the words before it by: all of it (（也就是人员经费）), or what follows its last
    的 (（就是单位给交的住房公积金）); "" when that is no term."""
    after = words.rsplit("的", 1)[-1]
    return words if words in terms else after if after != words and names_item(after) else ""


def without_asides(text: str, cues: Cues) -> str:
    """The question in its plain form. An aside explaining the item in the asker's words goes (the item is named
    before it); one that only names a document term (（也就是人员经费）) stays, as a gloss of the words before it.
    The asker's introduction (我想拆开看看：), a sentence said before asking, a pointer to a numbered part
    (第三部分十一（一）的), how to sign a difference (带正负号) and where the answer should come from (请按决算说明给出)
    go too. A sum's head said after it (行政和事业加起来，实际在编的有多少人) is written before it; examples between
    dashes stay, in brackets; what is left once a part is taken out (X中，除去Y的部分，还剩多少; X里不是Y的那部分) is asked as X减Y; a basis said before
    the item (以合同签订为准的政府采购金额) follows it in brackets, as documents print it."""
    terms = known_terms()
    text = _gloss_after(_alias_off(_talk_off(text, cues)), cues)
    text = cues["explained_term"].sub(
        lambda m: f"({t})" if (t := _term_said(m.group("term"), terms)) else m.group(0), text
    )
    text = cues["breakdown"].sub("其中", cues["kinds_listed"].sub("", sum_said_after(text, cues)))
    text = cues["sum_then_head"].sub(r"\g<items>\g<head>\g<sum>\g<rest>", text)
    text = cues["dashed_examples"].sub(r"(\g<examples>)", text)
    text = cues["remainder"].sub(r"\g<whole>减\g<part>是\g<ask>", text)
    text = cues["not_part"].sub(_not_part, text)
    text = cues["remainder_before"].sub(r"\g<whole>减\g<part>", text)
    text = cues["subtract_stages"].sub(r"\g<a>比\g<b>增加", cues["subtract_asked"].sub(r"\g<a>比\g<b>增加", text))
    text = cues["basis_before"].sub(r"\g<head>(\g<basis>)", text)
    text = cues["closing_remark"].sub("", cues["known_aside"].sub(_known_off, cues["checked_claim"].sub("", text)))
    text = cues["term_aside"].sub(_term_read, cues["row_ordinal"].sub(_ordinal_off, text))
    text = cues["whole_figure"].sub("", cues["level_aside"].sub(_level_off, cues["level_marker"].sub("", text)))
    if not re.search("占|比例|比重", text):  # 基本支出中人员经费占比: there the outer column is the whole
        text = _inner_measures().sub(r"\g<inner>", text)
    for aside in (
        "place_aside",
        "purpose_aside",
        "unit_scope",
        "budget_scope",
        "explained",
        "intro",
        "part_pointer",
        "sign_request",
        "basis_request",
        "sum_request",
        "one_item",
    ):
        text = cues[aside].sub("", text)
    text = cues["belongs_to"].sub(r"\g<kind>", cues["gloss_mid"].sub(r"(\g<term>)", text))
    text = cues["belongs_kind"].sub(r"\g<kind>\g<head>", text)  # 属于服务类的采购: 服务采购
    return sentences_before_off(text, cues)


def _gloss_after(text: str, cues: Cues) -> str:
    """`X是多少万元？就是Y那一块`: Y glosses X (`X（Y）是多少万元`); with no figure asked before it (`X，就是Y那一块，
    …是多少`), it glosses the words before it in place (question.toml's `gloss_mid`)."""
    m = cues["gloss_tail"].search(text)
    if not m:
        return text
    before, after = text[: m.start()].rstrip("?,"), text[m.end() :]
    ask = list(re.finditer("(是|有|为|安排了?|花了?)?(多少|几)", before))
    if not ask:
        return text
    at = ask[-1].start()
    return f"{before[:at]}({m.group('term')}){before[at:]}?{after}"


_SUM_ASKED = re.compile("一共|总共|共计|合计|总计|共有|几|多少")


def sum_said_after(text: str, cues: Cues) -> str:
    """`…一共涵盖了几家单位？（行政单位和参公单位加起来）`: the bracket says what the figure adds up, so the items
    are asked before the asking words (…行政单位和参公单位加起来一共涵盖了几家单位?)."""
    m = cues["sum_aside"].search(text)
    asking = _SUM_ASKED.search(text[: m.start()]) if m else None
    if m is None or asking is None:
        return text
    at = asking.start()
    return f"{text[:at]}{m.group('items')}{m.group('sum')}{text[at : m.start()]}?"


_FIGURE = re.compile(r"\d[\d,.]*(亿元|万元|元|万|%)?")
_NAMES_ITS_ROW = 6  # a statement of what the asker has, without its figure, this long names the row asked about


def _known_off(m: re.Match[str]) -> str:
    """What the asker says is known goes; the row it names stays, not what was asked of it (…年初预算是多少、决算
    花了多少我都看到了: the row, its questions answered already)."""
    said = m.group("said") or ""
    if re.search("多少|几", said):
        said = said[: _ASKED_KNOWN.search(said).start()]  # type: ignore[union-attr]
    return said if len(_FIGURE.sub("", said)) > _NAMES_ITS_ROW else ""


_ASKED_KNOWN = re.compile("(年初|调整|全年)?(预算|决算)|(是|有|为)?(多少|几)")


_JOINS = re.compile("加上|加|以及|和|与|(?<!涉)及|、")
_DESCRIPTION = re.compile("^(用于|主要用于|主要|包括|含|即|也就是|就是|指)")
_DEFINED = re.compile("(的|那)一?(部分|块|笔钱?|些钱|钱)$")


_SUMMED = re.compile("(?<=[\u4e00-\u9fff]{2})(?<![增追参附施外])加上?(?=[\u4e00-\u9fff]{2})(?!起来|在一起|油|班)")
_WHOLE_SAID = re.compile("(的|那)一?(部分|块|笔)?(钱|开销|经费|费用|支出)$|那部分$")


_COUNTED = re.compile("(两|二|三|四|[2-4])(?:个|项|笔)(?:项目|事项|项|支出|经费)?的?$")


def _term_read(m: re.Match[str]) -> str:
    """`办公楼的水电——水费加电费——`: terms the documents know, listed between dashes or in brackets, are the items
    asked (the asker's words before them go, their year stays), and so are names of any kind when the words before
    count them (`管电脑网络的两个项目——信息技术服务和信息化运维项目——`); `那一项（社会福利事业单位，用于…）`: a term then its description
    glosses the words before it; `“人头费”（…花在人身上的部分）`: an everyday word the lexicon reads, then what it means in
    the asker's words, is read by the lexicon alone; names listed after a printed item (基本支出（人员经费加公用经费）) say
    what it is made of and go."""
    terms, outer, content = known_terms(), m.group("outer"), m.group("content")
    if _DEFINED.search(content) and any(outer.endswith(w) and w not in terms for w, _ in synonyms()):
        return outer
    first, *described = content.split(",")
    listed = [unshield(p) for p in _JOINS.split(shield(first))]
    counted = _COUNTED.search(outer)  # 管电脑网络的两个项目——A和B——: as many names as the words count
    said = counted is not None and SMALL_NUMBERS.get(counted.group(1)) == len(listed)
    if not described and len(listed) >= 2 and _made_of(outer, m.string[m.end() :], terms) and not said:
        return outer  # 公用经费占基本支出（人员经费加公用经费）: what the whole before is made of
    if _SUMMED.search(first) and _WHOLE_SAID.search(outer) and not all(p in terms for p in listed):
        return outer  # 保证日常运转的那部分钱（人员工资加办公开销）: the whole described, then what it adds up to
    if not described and len(listed) >= 2 and (said or all(p in terms for p in listed)):
        return "".join(re.findall(r"20\d{2}年度?", outer)) + first
    if described and first in terms and all(_DESCRIPTION.match(d) for d in described):
        return f"{outer}({first})"
    return m.group(0)


def _made_of(outer: str, after: str, terms: frozenset[str]) -> bool:
    """Do the names listed in brackets after `outer` say what a printed item ending it is made of (基本支出（人员经费加
    公用经费）), not the items asked each (三公经费（A、B）分别是多少)?"""
    return any(len(t) >= 4 and outer.endswith(t) for t in terms) and not _EACH_AFTER.match(after)


_EACH_AFTER = re.compile("[^,?]{0,4}(各|分别|每)")


@cache
def _inner_measures() -> re.Pattern[str]:
    """`X基本支出里的公用经费`: a column of a row named inside another (the 公用经费 printed under 基本支出) is the
    column asked."""
    words = "|".join(map(re.escape, vocabulary().measure_words))
    return re.compile(
        f"(?<=[\\u4e00-\\u9fff),])(?:{words})(?:里面的|里的|中的|下的|下面的|下边的|底下的|当中的)(?P<inner>{words})"
    )


def _level_off(m: re.Match[str]) -> str:
    """`“行政运行”项（局本部人员经费和公用经费）`: the asker's description after a level word goes; a term stays."""
    return m.group(0) if m.group(0)[1:-1].split(",")[0] in known_terms() else ""


def _ordinal_off(m: re.Match[str]) -> str:
    """`二、社会保障和就业支出`: the summary table's ordinal before a national name goes."""
    name = m.group("name")
    return name if any(name.startswith(n) for n in national_names()) else m.group(0)


_PATH = re.compile(r"(?P<类>[^,?;:()]{2,20}?\(类\))(?P<款>[^,?;:()]{2,20}?\(款\))?(?P<项>[^,?;:()]{2,20}?\(项\))")
_CODE7 = re.compile(r"(?<!\d)(\d{3})(\d{2})(\d{2})(?!\d)")


def parent_asked(text: str, cues: Cues) -> str:
    """`“A（类）B（款）C（项）”，这个项所属的款合计是多少` asks B's row: the path is cut at the level asked (a 7-digit
    code at its 5 or 3 digits) and the words asking the level go. Unchanged when no path or code names the child."""
    m = cues["parent_level"].search(text)
    if m is None:
        return text
    before, level = text[: m.start()], m.group("level")
    path = _PATH.search(before)
    if path and (level == "类" or path.group("款")):
        cut = path.group("类") + (path.group("款") if level == "款" else "")
        return before[: path.start()] + cut + before[path.end() :] + "," + text[m.end() :]
    code = _CODE7.search(before)
    if code:
        cut = code.group(1) + (code.group(2) if level == "款" else "")
        return before[: code.start()] + cut + before[code.end() :] + "," + text[m.end() :]
    return text


def _not_part(m: re.Match[str]) -> str:
    """`收入预算里，不是靠财政拨款的那部分`: 收入预算减财政拨款收入 (the part on the whole's side of the accounts)."""
    whole, part = m.group("whole"), m.group("part")
    side = next((s for s in ("收入", "支出") if s in f"{m.group('side') or ''}{whole}"), "")
    if side and not part.endswith(("收入", "支出")):
        part += side
    return f"{whole}减{part}是{m.group('ask')}"


def which_folded(text: str, cues: Cues) -> str:
    """`A和B哪个更多？用A减B，差多少` (or `前者减后者`): the difference answers which is larger, so the which-question goes; what was
    said before A (the department, year, 基本支出里) stays. Unchanged unless the rest names both and asks a difference."""
    m = cues["which_of_two"].search(text)
    rest = text[m.end() :] if m else ""
    if m and "前者" in rest and "后者" in rest:  # 请用前者减后者: A减B
        rest = rest.replace("前者", m.group("a"), 1).replace("后者", m.group("b"), 1)
    if m is None or m.group("b") not in rest or not cues["difference_of_two"].search(rest):
        return text
    a = m.group("a")
    tail = next((a[k:] for k in range(len(a) - 1) if a[k:] in rest), None)  # A as the difference names it
    return text if tail is None else text[: m.start("a")] + a[: len(a) - len(tail)] + rest


def units_requested(text: str, cues: Cues) -> tuple[str, list[str]]:
    """`…是多少？请换算成元` / `折合多少万元` / `请精确到元` / `是不是九千多万`: the question without the request or
    the rough figure checked, and the units asked."""
    text = cues["unit_printed"].sub(",", text)  # 表里单位是元，请换算成万元: the table's unit is not the one asked
    again = cues["unit_again"].search(text)
    if again and again.group("unit") != again.group("first"):  # 是多少元？换成万元是多少: a part in each unit
        text = f"{text[: again.start('again')]}{again.group('unit')}又是多少"
    units = [m.group("unit").removesuffix("元") + "元" for m in cues["unit_request"].finditer(text)]  # 按万说: 万元
    if not re.search("多少(亿元|万元|元)", text):  # 多少元？是不是一百多万: the unit named is the one asked
        units += [f"{m.group('unit')}元" for m in cues["rough_figure"].finditer(text)]  # 是不是九千多万: 万元
    for cue_name in ("unit_request", "rough_figure"):
        text = cues[cue_name].sub(",", text).strip(",").rstrip(",.。")
    return text, units


def requests_listed(text: str, cues: Cues, *, converted: bool) -> str:
    """Figures asked by a request, not a question: `请核实A，并请一并核实B` asks A and B, `请核实A的预算安排数，以及该项
    主要用于哪些方面` A and what it is for; `请分别列出A、其中B，以及C` and `…？顺便也说下A，以及B` ask A, B and C;
    `A，顺便也说下B，以及C，分别是多少` lists them; `请把A和B两项分别换算成万元` (`converted`: the unit request gone) asks
    A and B, and `…A和B，…，请把这两项分别换算成万元` the items said before it."""
    if cues["verify_joint"].search(text):  # 请核实A，并请一并核实B: A是多少？B是多少
        pieces = [p.strip(",.。") for p in cues["verify_joint"].split(text)]
        text = "?".join(p if cues["asking"].search(p) else f"{p}是多少" for p in pieces if p)
    joined = cues["figure_then_ask"].match(text)  # X的预算安排数，以及该项主要用于哪些方面: X是多少？该项…
    if joined and cues["asking"].search(joined.group("rest")) and not cues["asking"].search(joined.group("figure")):
        text = f"{joined.group('figure')}是多少?{joined.group('rest')}"
    each = _EACH_ASKED.search(text)
    if each:  # A、B，以及C分别是多少: one list of three
        text = re.sub(",(?:以及|及|还有)(?=[^,?]{2,16}?(?:分别|各))", "、", text)
    if cues["chain_joint"].search(text) and each:
        text = re.sub(",(?=分别|各)", "", cues["chain_joint"].sub("、", text).replace(",以及", "、"))
    converts = converted and not cues["asking"].search(text)  # 请把A和B两项加起来（是多少），换算成万元: the sum
    ask = cues["list_request"].search(text) or (cues["convert_request"].search(text) if converts else None)
    if not ask:
        return text
    what = ask.group("what")
    start = ask.start()
    if not what:  # 请把这两项分别…: the items said before the request
        what, start = text[: ask.start()].rstrip(",."), 0
    what = re.sub(",?(以及|及)|,", "、", what).replace("、其中", "、")
    many = any(j in what for j in ("和", "、", "与"))
    return text[:start] + what + ("分别是多少" if many else "是多少")


_EACH_ASKED = re.compile("(分别|各自?)(是|有|为)?(多少|几)")  # each of several items asked


def measures_named(*texts: str) -> list[str | None]:
    """The measure (column) each text names first, longest words first (基本支出, 决算数…), or None."""
    return [next((w for w in vocabulary().measure_words if w in t), None) for t in texts]


_TABLES = re.compile(
    r"(以|按|根据)(表中|表里|表格|预算表|表上)[^,?;。]{0,8}?(为准|说)|(要|需要)的?是?(预算表|表中|表里|表格|表上)(里|中|上)?的(数字?|数据)"
)
_NARRATIVE = re.compile(
    r"(编制|情况|文字)说明(中|里|当中|第|[,:])|说明(中|里面|里)写|^(?:[^,?;]{0,6},)?说明(中|里面|里|当中)|(按|以|根据)(文字部分|文字说明|正文)"
    r"|(?<!表)文字(部分)?(中|里|里面|当中)|(按|以|根据)(编制)?说明(里|中|上)?(讲|说|写)的"  # 第五部分文字中“…”写为多少
)


def reads_narrative(asked: str) -> bool | None:
    """Does the question say to read its figure in the document's narrative (True) or in its tables (False, 以表中数字
    为准), where the document prints two? None when it says neither."""
    return False if _TABLES.search(asked) else True if _NARRATIVE.search(asked) else None
