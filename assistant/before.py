"""Sentences said before a question: background (我在写论文，想看看…。请问…), what the asker did or remembers, a
figure they read (a premise, `assistant.premises`), or the item the question then points back at (…所安排的经费。请问…
这一项预算安排了多少)."""

from __future__ import annotations

import re
from functools import cache

from assistant.codes import ITEM_CODE
from assistant.cues import organisations
from assistant.lexicon import MONEY_STATED, known_terms, names_own_item, says_known_term
from index.classification import national_names

Cues = dict[str, re.Pattern[str]]


def sentences_before_off(text: str, cues: Cues) -> str:
    """The question without the sentences said before it (我退休前是搞工程的。我记得…也可能记混了。麻烦按…), at most
    `_SENTENCES_BEFORE`; a sentence stating a figure the question then points back at (…安排了227.88万元。…这一项) is
    kept for `assistant.premises`, and one naming the item the question points back at is read into it."""
    for _ in range(_SENTENCES_BEFORE):  # 我退休前是搞工程的。我记得…也可能记混了。麻烦按…: each said before asking
        lead = cues["lead_statement"].match(text) or cues["asker_lead"].match(text)
        rest = text[lead.end() :] if lead else ""
        # …X合计9,584,796元。其中Y是多少: Y of X, the stated figure a premise (premises.stated_premise)
        if lead and _WITHIN.match(rest) and MONEY_STATED.search(lead.group(0)):
            text = lead.group(0).rstrip("。.;") + "," + rest
            break
        anaphor = cues["item_anaphor"].search(rest)  # (这笔货物采购: a name of its own after it)
        leans = _LEANS_BACK.search(rest) or (anaphor and not _name_opens(rest[anaphor.end() :]))
        if lead and rest and leans and MONEY_STATED.search(lead.group(0)):
            break  # …减少18.02万元。该科目的决算数, …安排了227.88万元。…这一项: a premise (premises.stated_premise)
        if lead and rest and _LEANS_BACK.search(rest):  # …科目：X【20103】。请列明该款级科目的…: X's
            text = _leaning_back(lead.group(0), rest)
            break
        if lead and rest and _POINTS_BACK.search(rest) and not _names_own(_ORG_FIRST.sub("", rest), lead.group(0)):
            text = _leaning_back(lead.group(0), rest)
            break
        if not rest or not cues["bare_question"].sub("", rest) or not _names_own(rest, lead.group(0) if lead else ""):
            break
        text = rest
    return _described_first(_remarks_off(text))


_REMARK = re.compile("^(?P<clause>[^,?;:。.]{2,40}),(?P<rest>.+)$")
_ASKS = re.compile(r"\d|多少|几|吗|什么|哪|怎么|为何|为什么")
# words of money, people, things or reckoning a remark never holds (以万元计, 给…发退休金, 加油、保养这些用车的钱, 事业编的人)
_ITEM_WORDS = re.compile("钱|费用|经费|支出|收入|预算|决算|资金|开销|花|计|算|元|编|人员|车|项目|采购|给|交|缴|发|表")
# a date a remark never says: the question's own (截至去年底，…共有几辆车: the date the count is asked at)
_WHEN = re.compile("截至|截止|年底|年末|月底|月末")
_REMARKS_BEFORE = 2  # how many remarks said before the question are read off at most


def _remarks_off(text: str) -> str:
    """Remarks said before the question, each up to a comma (福利院那么多老人住着，空调照明都费电，2024年…电费…): no
    figure, no question, no name the lexicon or the national classification knows; the question after them names its
    own item. They go; the organisation a remark opens with stays."""
    strong, weak, _ = organisations()
    for _ in range(_REMARKS_BEFORE):
        m = _REMARK.match(text)
        clause = m.group("clause") if m else ""
        said = _ASKS.search(clause) or _ITEM_WORDS.search(clause) or _WHEN.search(clause)
        if m is None or said or not _names_own(m.group("rest"), ""):
            return text
        org = next((clause[: clause.find(e) + len(e)] for e in (*strong, *weak) if e in clause), "")
        if says_known_term(clause[len(org) :], shortest=2):
            return text
        text = org + m.group("rest")
    return text


# …通过向区人民调解协会购买服务来保障人民调解工作，这个人民调解项目的…: what the item does, said before it is named
_DESCRIBED_FIRST = re.compile(
    "^(?P<lead>(?:(?!多少|几)[^?;。]){4,80}?),(?:这个|这一|这项|该)(?![行项笔栏列款类块格个])(?P<rest>[^,?]{2,30}?(?:项目|工作|经费|资金)[^?]*\\??)$"
)


def _described_first(text: str) -> str:
    """A question whose item is named after what it does (…来保障人民调解工作，这个人民调解项目的年度预算…): the
    description goes, its years stay; a question naming no item of its own after it (…，这个项目的预算) keeps it."""
    m = _DESCRIBED_FIRST.match(text)
    if m is None or not _names_own(m.group("rest"), m.group("lead")):
        return text
    return years_kept(m.group("lead")) + m.group("rest")


_SENTENCES_BEFORE = 3  # how many sentences said before the question are read off at most
# an item made of columns and funds (一般公共预算财政拨款支出): no single term, an item all the same
_TOTAL_ASKED = re.compile(
    "(?:部门|单位)(?:预算|决算)?(?:总)?(?:收入|支出)(?:合计|总计|总额)?(?:是|为|有|一共|共|总共)?(?:多少|几)"
)
# a name with the head of a project or an affair, then its money (大厅运营事务的预算): the document's own item
_HEADED_ITEM = re.compile(
    "(?:(?!多少|万元)[^\x00-\u4dff的这那该些哪]){2,12}(?:事务|项目|工程|平台|系统)的?(?:预算|经费|资金|支出|安排)"
)
_MEASURED_ITEM = re.compile(
    "(一般公共预算|财政拨款|政府性基金|国有资本经营|基本|项目|人员|公用)[^,?]{0,8}?(支出|收入|经费)"
)


_ASKING_WORDS = "(?:请问|想问一?下|问一下|那么|那)"  # opening the question after the sentence, or closing the sentence
_ASKING, _ASKED_AFTER = re.compile(f"^{_ASKING_WORDS}"), re.compile(f"{_ASKING_WORDS}$")


def _name_opens(text: str) -> bool:
    """Does `text` open with a name the lexicon, the measures or the national classification knows?"""
    return any(len(t) >= 2 and text.startswith(t) for t in known_terms())


def _leaning_back(said: str, rest: str) -> str:
    """The question after a sentence it points back at, as of what the sentence says (…科目：X【20103】。请列明该款级
    科目的…; …所安排的经费。请问…这一项预算: the sentence's 的 the rest), the asking words between them gone."""
    return _ASKED_AFTER.sub("", said).rstrip("。.;") + "的" + _ASKING.sub("", rest)


def _names_own(rest: str, said: str) -> bool:
    """Does the question after a sentence said before it name an item of its own (else the sentence names it)? A
    name the sentence said too (政府投资项目2,008万元，…；请据此推算2021年政府投资项目…) is the question's own."""
    if names_own_item(rest) or _MEASURED_ITEM.search(rest) or _HEADED_ITEM.search(rest):
        return True
    if _CODE_NAMED.search(rest) or ITEM_CODE.search(rest):
        return True
    if _TOTAL_ASKED.search(rest):  # 2021年该局的部门预算收入是多少: the document's total, an item of its own
        return True
    if any(name in rest for name in _short_national_names()):  # 水费和电费各是多少: national names of two characters
        return True
    return any(rest[i : i + 4] in said for i in range(len(rest) - 3) if _HAN4.fullmatch(rest[i : i + 4]))


@cache
def _short_national_names() -> tuple[str, ...]:
    return tuple(n for n in national_names() if len(n) == 2)


_HAN4 = re.compile("[\u4e00-\u9fff]{4}")
_WITHIN = re.compile("其中|里面|这里面|当中")
_LEANS_BACK = re.compile("(该|此|上述|以上|这一?)(款|类|项)级?科目|(该|此|上述|以上)科目")
_ORG_FIRST = re.compile(
    r"^[^,?\d]{0,16}?(?:街道办事处|办事处|街道|福利院|委员会|局)"
)  # 普陀区司法行政局2026年…: no item
_CODE_NAMED = re.compile(r"(编码|科目|代码)\d{3,}")  # 科目编码2080505 (品目编码C99: ITEM_CODE): a catalogue item


# A question asked after sentences of background (我在写论文，想看看…。福利院的预算里有一块事业收入。请问…): 请问 after a
# full stop starts what is asked; the background's years stay (a year it names may be the one asked)
_POINTS_BACK = re.compile("这(?!样|么)|那(?![么样])|该|上述|以上|前述|它|其(?!中|他|余)")  # 这一项, 这方面, 按这段文字
_YEAR_SAID = re.compile(r"(?<!\d)(20\d{2})年")
_ASKED_AFTER_BACKGROUND = re.compile(r"[。!](?:那么|那)?(?:请问|想请问|我想问一下|我想问|想问一下|我想知道)")


def years_kept(said: str, besides: str = "") -> str:
    """The years a lead said (2024年2023年…), each once, in order, that `besides` does not say: kept before what is
    asked after the lead goes."""
    return "".join(dict.fromkeys(f"{y}年" for y in _YEAR_SAID.findall(said) if y not in besides))


def background_off(text: str) -> str:
    """The question without the sentences of background before its 请问, unless they ask something themselves (a
    `?` in them: several questions), no question follows or it points back at them (这一项); the background's years
    are kept before it."""
    found = list(_ASKED_AFTER_BACKGROUND.finditer(text))
    if not found:
        return text
    cut = found[-1].start() + 1
    background, rest = text[:cut], text[cut:]
    if "?" in background or "?" not in rest or _POINTS_BACK.search(rest):
        return text  # …这一项预算安排了多少: the background names the item the question points back at
    return years_kept(background, besides=rest) + rest
