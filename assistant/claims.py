"""A claim quoted to be checked (稿子写：“…一般行政管理事务预算为849万元。”这个数对吗？文件里是多少？): the asker
wants the document's own figures for what the claim states, whatever figures it gives. The claim is asked again with
each of its figures turned into the question for it (…预算为多少万元？), one part per figure; a change asked after it
(…比2021年预算增加73万元。”文件中较2021年的变化是多少？) asks the claim's change alone, of the item it names."""

from __future__ import annotations

import re

from assistant.before import years_kept
from assistant.lexicon import known_terms
from index.text import bigrams, normalize

# the claim, in quotes, with a figure in it
_QUOTED = re.compile(r"[“\"「『](?P<claim>[^“”\"「」『』]{4,200})[”\"」』]")
# a figure as a claim states it: the number and its unit (never a year, a date or a code)
_FIGURE = re.compile(
    r"(?<![\d.])(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|%|人次|批次|人|辆|个|项|家|次|平方米|分)(?![\d])"
)
# what asks to check it (这个数对吗, 与文件一致吗, 请核对, 请分别核对这两个数); said before the quote (核稿：“…”) or after
_CHECK = re.compile(
    "对吗|对不对|对么|是不是|准不准|是否正确|正确吗|准确吗|是否准确|一致吗|是否一致|对得上|有没有错|有误吗|核对|核实|核算|核查|核稿|核一下"
    "|文件里对应|文件中对应"
)
# the asker asks the claim's change in the document (变化是多少, 增减…对吗, 减少记负数): the change alone is asked
_CHANGE_ASKED = re.compile("变化|变动|增减|增加为正|减少为负|减少记负|记负数")
_COMPARED = re.compile("(?:比|较|与|同|相比)")  # a clause comparing the item with a base (比2023年预算执行数…)
_CHANGED = re.compile(_COMPARED.pattern + "[^,，。；;]{0,16}?(?:增加|减少|增长|下降|多|少)了?$")
# the unit the asker wants the figures in, said after the claim (文件里是多少元, 请分别核对这两个数（万元）)
_UNIT_ASKED = re.compile(r"多少(亿元|万元|元)|[（(](亿元|万元|元)[)）]")
_STOPS = "，,。；;"  # what ends a clause of the claim


_ASKED_AFTER = re.compile("多少|几")  # a question of its own after the check (…对吗？X到底是多少？)
# a claim said without quotes, as remembered, heard or written (主任印象中…的钱是1,693万元，这个数对不对？稿子里写…是
# 330万元，对不对？): read as quoted
_REMEMBERED = re.compile(
    r"^(?P<lead>[^，,。？?]{0,20}?(?:印象中|印象里|我记得|记得|听说|据说|有人说|写着|写的是|写道|写|报道说|报道称|称))(?P<claim>[^？?“”\"]{4,120}?)"
    r"(?P<tail>[，,。]?(?:这个数字?|这个说法|这)?(?:对不对|对吗|是不是|准不准|准确吗)[？?].*)$"
)


def checked_claim(text: str) -> str:
    """The question a quoted claim checked against the document asks (see the module docstring); `text` unchanged
    when it quotes no claim with a figure, or asks no check of it. A claim remembered or heard (印象中…是1,693万元，
    这个数对不对) is read as quoted; one followed by questions of their own (…，这个对吗？X到底是多少万元？) asks those."""
    said = _REMEMBERED.match(text) if not _QUOTED.search(text) else None
    after = re.split("[？?]", said.group("tail"), maxsplit=1)[1] if said else ""
    if (
        said and _ASKED_AFTER.search(after) and _named_again(said.group("claim"), after)
    ):  # …有1万多元，这个对吗？公务接待费到底是多少万元？: the questions after it
        return years_kept(said.group("claim")) + after
    if said and _FIGURE.search(said.group("claim")):
        quoted = checked_claim(f"{said.group('lead')}“{said.group('claim')}”{said.group('tail')}")
        return text if _QUOTED.search(quoted) else quoted
    m = _QUOTED.search(text)
    if not m or not _FIGURE.search(m.group("claim")):
        return text
    lead, claim, tail = text[: m.start()], m.group("claim").strip(_STOPS + " "), text[m.end() :]
    if not _CHECK.search(lead + tail) or _FIGURE.search(lead) or _FIGURE.search(tail):
        return text  # a figure said outside the quote too (…一处写208.8万元，紧接着又写“…”): read as written
    asked_unit = _UNIT_ASKED.search(tail)
    unit = next((u for u in (asked_unit.groups() if asked_unit else ()) if u), None)
    clauses = _clauses(claim)
    if _CHANGE_ASKED.search(tail) and any(_CHANGED.search(_FIGURE.split(c, maxsplit=1)[0]) for c in clauses):
        return _change_asked(clauses, unit)
    named = _named_in(clauses, tail)
    if named and _COMPARED.match(named[0]):  # …50.37万元，比2023年预算执行数增长14.04%。”增幅对吗: the item's change
        return _change_asked(clauses[: clauses.index(named[0]) + 1], unit)
    return "？".join(_asked(c, unit) for c in named or clauses) + "？"


def _named_again(claim: str, after: str) -> bool:
    """Do the questions after a claim name its item again in full (…公务接待费有1万多元，这个对吗？公务接待费到底是多少)?
    A shorter word (运行费 after 公务用车运行费) leans on the claim."""
    return any(len(t) >= 4 and t in after and t in claim for t in known_terms())


def _clauses(claim: str) -> list[str]:
    """The claim's clauses that state a figure, each with the words said before it that state none (截至2025年8月31日，
    司法局共有车辆3辆; 纳入部门预算的政府采购项目中，服务采购为415万元); a comma between digits is a thousands mark."""
    clauses: list[str] = []
    held = ""
    for piece in re.split(r"[，。；;]|,(?!\d)", claim):
        if _FIGURE.search(piece):
            clauses.append(f"{held}，{piece}" if held else piece)
            held = ""
        elif piece:
            held = f"{held}，{piece}" if held else piece
    return clauses


_EVERY = re.compile("分别|各是|各为|各自|两个数|这两|两项|几个数|都对")  # every figure checked
_RATE_ASKED = re.compile("增幅|涨幅|降幅|增长率|增速|变化率|百分之|百分比")


def _named_in(clauses: list[str], tail: str) -> list[str]:
    """The one clause the check after the claim names (…政府采购预算1486.42万元，其中工程预算3.66万元。”工程这部分对吗:
    the second; …增长14.04%。”增幅对吗: the rate): the clause most of whose own words (those no other clause says) the
    check says; [] when it names none, or two alike."""
    if len(clauses) < 2 or _EVERY.search(tail):
        return []
    if _RATE_ASKED.search(tail):
        rates = [c for c in clauses if any(f.group("unit") == "%" for f in _FIGURE.finditer(c))]
        return rates if len(rates) == 1 else []
    said = bigrams(normalize(_CHECK.sub("", tail)))
    items = [bigrams(normalize(_FIGURE.sub("", c))) for c in clauses]
    own = [item - frozenset().union(*(o for o in items if o is not item)) for item in items]
    share = [len(said & words) / len(words) if words else 0.0 for words in own]  # 货物采购金额: 货物采购, not 金额
    best = max(share)
    return [clauses[share.index(best)]] if best > 0 and share.count(best) == 1 else []


def _asked(clause: str, unit: str | None) -> str:
    """One clause of the claim with its figures asked (预算为849万元 -> 预算为多少万元)."""
    return _FIGURE.sub(lambda f: _ask(f.group("unit"), unit), clause)


def _ask(said: str, unit: str | None) -> str:
    if said == "%":
        return "百分之几"
    return f"多少{unit if unit and said in ('亿元', '万元', '元') else said}"


def _change_asked(clauses: list[str], unit: str | None) -> str:
    """`X2022年预算780万元，比2021年预算增加73万元` checked for its change: `X2022年预算比2021年预算增加多少万元`."""
    kept: list[str] = []
    for clause in clauses:
        before = _FIGURE.split(clause, maxsplit=1)[0]
        if _CHANGED.search(before):
            kept.append(_FIGURE.sub(lambda f: _ask(f.group("unit"), unit), clause, count=1))
            break
        kept.append(re.sub(r"(?:为|是|达|共)?$", "", _FIGURE.sub("", clause)))  # the item and year, its figure gone
    return "".join(kept) + "？"
