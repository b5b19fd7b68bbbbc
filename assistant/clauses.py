"""The questions a compound question joins (`…收入是多少万元，比上年增长多少？` -> two).

A clause counts only when it asks something of its own (多少, 几, 是否, 原因…), or, ended by a question mark, names
a total or a year compared against (`三公经费 合计？比上年？`); a leading clause that only qualifies ("2022年，…") stays
joined to the next. The cue patterns are question.toml's, passed in by `assistant.question`. A document named
inline (2022年部门预算中，…) goes from a clause, unless it begins a later question. Questions typed one per numbered
line are read as one text first (`listed_lines`).
"""

from __future__ import annotations

import re

from assistant.backrefs import each_of_before
from assistant.lexicon import YEAR, known_end, known_terms, names_item, synonyms
from assistant.lists import each_asked

Cues = dict[str, re.Pattern[str]]


_GLOSS = re.compile(r"\((?:(?!多少|几)[^()])*\)")  # words in brackets asking no figure


def split_clauses(text: str, cues: Cues) -> list[str]:
    """The questions `text` joins, or [] when it asks one."""
    text = _BRACKETED.sub(lambda m: m.group(0).replace(",", _INNER_COMMA), text)  # (全部资金口径,非财政拨款口径)
    text = _GROUPED.sub(_INNER_COMMA, text)  # 96,282,213.44元: a figure's digit groups
    split = re.split(f"({cues['joiners'].pattern})", text)  # each piece with the mark after it
    marked = [(split[k].replace(_INNER_COMMA, ","), split[k + 1 : k + 2] == ["?"]) for k in range(0, len(split), 2)]
    marked = [(p, q) for p, q in marked if p and p.strip(",;?!. ")]
    if sum(q for _, q in marked) >= 2 and not any(cues["asking"].search(p) for p, _ in marked):
        # 公务接待费？公务用车运行费？机关运行经费预算？: items asked one by one, by their names alone
        marked = [(f"{p.rstrip(',;!. ').removesuffix('呢')}是多少" if q and names_item(p) else p, q) for p, q in marked]
    pieces = [p for p, _ in marked]
    clauses: list[str] = []
    pending = ""
    for i, (piece, questioned) in enumerate(marked):
        piece = piece.strip(",;?!. ")
        later = [p for p in pieces[i + 1 :] if cues["asking"].search(p)]  # the questions asked after this piece
        # 有没有…？…是多少 / 多了还是少了，差多少: the figure asked next answers the yes/no too
        # 和上年比呢，变化了多少: the comparison is the frame of the question after it
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        claimed = questioned and bool(_FIGURE.search(piece)) and _names(piece) and _names(nxt)  # X是不是25万元？Y…
        yes_no = cues["yes_no"].search(piece) or cues["compared_only"].match(piece)
        framing = bool(later) and bool(yes_no) and not claimed
        if _WHICH.search(piece) and len(later) >= 2 and not any(_WINNER_SAID.search(p) for p in later):
            continue  # 哪个多？A是多少？B是多少？: the two figures asked after it answer it; A's question is A's alone
        # 需要一个比例：…合计X元中，: a lead closed by a colon asks nothing of its own
        # …绩效目标（事先定好这笔钱要办成什么事）的项目，一共…: a gloss in brackets asks nothing
        own = _GLOSS.sub("", piece.rsplit(":", 1)[-1])
        asks = cues["asking"].search(own) or (questioned and cues["asked_bare"].search(piece))
        if asks and not framing:
            clauses.append(pending.rstrip("、") + piece)
            pending = ""
        else:  # 政府采购预算？货物？服务？各多少: items asked one by one, then each of them
            each = re.match("各|分别", pieces[-1].strip(",;?!. ")) and not any(
                map(cues["asking"].search, pieces[i + 1 : -1])
            )
            pending += piece.removesuffix("呢") + ("、" if questioned and each else ",")
    if pending and clauses:
        clauses[-1] += "," + pending.rstrip(",")
    clauses = _lead_for_all(_units_restated(clauses, cues), cues)
    asked: list[str] = []
    for clause in clauses:
        for listed in _asks_apart(clause, cues):
            asked += each_asked(listed, asked[-1] if asked else "")
    clauses = each_of_before(asked)
    # the questions of a list after the lead too (…单位：A、B各多少元)
    clauses = _lead_for_all(clauses, cues, split=True)
    return clauses if len(clauses) >= 2 else []


_WHICH = re.compile("(?:哪个|哪项|哪一项|哪一个|谁)更?(?:多|少|高|低|大|小)")  # a comparison asking which
_WINNER_SAID = re.compile("(?:多|少|高|低|大|小)的|[多少高低]出|差|那一?项|这一?项|其|它")  # 多的那项是多少, 多出多少
_FIGURE = re.compile(r"\d[\d,.]*(?:亿元|万元|元|%|万|人|辆|个)")  # a figure claimed (25万元), not a year


def _names(text: str) -> bool:
    """Does `text` name an item, by a document term or an everyday word for one (买车的钱)?"""
    return names_item(text) or any(word in text for word, _ in synonyms())


def _lead_for_all(clauses: list[str], cues: Cues, split: bool = False) -> list[str]:
    """`福利院2023年当年预算执行数方面：住房公积金是多少？事业单位离退休又是多少？`: a lead closed by a colon that
    names a year or a stage, and asks nothing, is said once for every question after it; so is one naming a row by its
    code (`…208 10 05社会福利事业单位这一行：财政拨款收入多少？事业收入占该行合计的百分比？`). A later clause naming its
    own year, stage or code keeps it (`决算数：行政运行多少？年初预算呢？`). A lead asking to be told the figures
    (`麻烦按顺序回答普陀区司法局2026年的几个数（都用万元）：`) is no part of the first question: its year and stage
    are said for each."""
    if not clauses:
        return clauses
    staged = cues["lead_for_all"].match(clauses[0])
    lead = staged or cues["row_lead"].match(clauses[0])
    request = None if lead else cues["request_lead"].match(clauses[0])
    if request:
        lead, clauses = request, [clauses[0][request.end() :], *clauses[1:]]
    if not lead:
        return clauses
    # of a year or stage lead only the year and the stage (普陀区司法局2026年：…？它比上一年…？: 2026年, the item the
    # clause before's); a row's lead whole (its row is the item)
    said = "".join(_YEAR_STAGE.findall(lead.group(0))) + ":" if staged or request else lead.group(0)
    said = "" if said == ":" else said
    if not (staged or request or re.search(r"\d|一(?:行|款|类|项)", said)):  # 城乡社区支出：合计、基本支出…
        said = said.removesuffix(":") + "的"  # the row's 基本支出; once the list is split, the first question's too
        clauses = [said + clauses[0][lead.end() :], *clauses[1:]] if split else clauses
    table = _TABLE_IN_LEAD.search(lead.group(0)) if request else None
    if table:  # 我翻到…的表6政府预算拨款收支总表，想核对一下：the table every question after it reads
        said = f"{table.group('table')}里,{said or ':'}"
    first = [said + clauses[0] if request else clauses[0]]
    return first + [c if ":" in c or _OWN_FRAME.search(c) else said + c for c in clauses[1:]]


# a table a request lead names (…的表6政府预算拨款收支总表，想核对一下：, 请按财务收支预算总表的“支出总计”那一行回答…)
_TABLE_IN_LEAD = re.compile(
    r"(?:^|[,:的])(?:请|麻烦)?(?:按照?|根据|在|从)?(?P<table>(?:表\d+)?[^,?;:的]{2,30}?表\d*)(?=[,:的]|那|这|里|中)"
)
_YEAR_STAGE = re.compile(
    r"20\d{2}年度?|当年|预算执行数|实际执行数|执行数|决算数|预算数|年初预算数?|调整预算数?|全年预算数?"
)
_OWN_FRAME = re.compile(r"20\d{2}年|执行数|决算|预算数|年初|调整|全年|\d{3,}")


def _units_restated(clauses: list[str], cues: Cues) -> list[str]:
    """`…是多少？请换算成元，是多少元？`: a clause asking only a unit asks the clause before in that unit."""
    out: list[str] = []
    for clause in clauses:
        m = cues["unit_only_clause"].match(clause)
        if m and out:
            before = out[-1]
            unit = m.group("unit")
            out[-1] = (
                re.sub("(亿元|万元|元)$", unit, before) if re.search("多少(亿元|万元|元)$", before) else before + unit
            )
        else:
            out.append(clause)
    return out


_BRACKETED = re.compile(r"\([^()]*\)")
_INNER_COMMA = "\ue010"  # a comma inside brackets separates no questions
_GROUPED = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # nor one between a figure's groups of three digits


def _asks_apart(clause: str, cues: Cues) -> list[str]:
    """`项目有多少个、涉及资金多少万元`: items listed with 、 that each ask something are two questions (a list of
    items asked together, `住房公积金、购房补贴分别是多少`, stays one)."""
    pieces = clause.split("、")
    return pieces if len(pieces) >= 2 and all(cues["asking"].search(p) for p in pieces) else [clause]


def inline_frame_off(m: re.Match[str], text: str) -> str:
    """A document named inline as where to read goes (2022年部门预算中，…); in a later question of several
    (…？2023年预算里的X又是多少) it names the year that question asks, so its year stays."""
    if not m.group("frame"):
        return m.group(0)
    named = YEAR.search(m.group(0))
    before = m.group(0)[: named.start()] if named else ""
    if not re.search("(部门|单位)(预算|决算)", m.group(0)) and _item_budget(m, before, text):
        return m.group(0)  # 事业单位医疗2024年预算，比…增长了百分之几: an item's budget, not the document
    year = next((y.group(0) for y in YEAR.finditer(m.group(0)) if "年" in y.group(0)), "")  # not a figure's digits
    return year if later_question(m, text) else ""


def _item_budget(m: re.Match[str], before: str, text: str) -> bool:
    """Is `X2024年预算，` / `…用的电费2024年预算里是多少` the budget of the item X said before it, not the document?
    After `里`/`中` only when nothing but the question follows (`福利院2024年预算里，电费…` names the document)."""
    if m.group("frame") == ",":
        return names_item(before)
    rest = text[m.end() :]
    return m.group("frame") in ("里", "中") and bool(known_end(before)) and bool(_ONLY_ASKED.match(rest))


_ONLY_ASKED = re.compile(r"(?:安排|列|给)?了?(?:是|有|为)?(?:多少|几)(?:万元|元|亿元|钱)?[?]?$")


def later_question(m: re.Match[str], text: str) -> bool:
    """Does `m` begin a later question of several (…？2023年预算里的X又是多少)?"""
    return m.start() > 0 and text[m.start() - 1] == "?"


def each_requested(text: str) -> str:
    """`A、B和C三项，分别换算成万元（保留一位小数）是多少` once the unit and the rounding are taken off: 分别 with what
    asks it (三项,分别是多少万元), so each of the items listed is asked."""
    return _EACH_CLOSED.sub(r"\1", _EACH_LEFT.sub(r"\1是多少\2", text))


_EACH_CLOSED = re.compile("(分别|各自?),+(?=(?:是|有|为)?(?:多少|几))")
_EACH_LEFT = re.compile("(分别|各自?),*(亿元|万元|元)?$")


# a line's own number (1. / 2、 / (3) / (三) / ④ / 五、), as people type the questions of a list one per line
_LINE_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、)）](?!\d)|[(（](?:\d{1,2}|[一二三四五六七八九十])[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十][、.．])\s*"
)
# a number in brackets opening a request of a list typed in one line (…告知：（一）…；（二）…), after a stop or a colon
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[:：;；,，。.?？\s]))[(（](?P<n>[一二三四五六七八九十]|\d{1,2})[)）]")
_ORDER = "一二三四五六七八九十"


def _inline_numbers(text: str) -> str:
    """`（一）…；（二）…` typed in one line: each numbered request on its own line, when the numbers count up from
    the first (一, 二, … or 1, 2, …); a single bracketed number (第五部分（三）里) is a place, left as it is."""
    marks = list(_INLINE_NUMBER.finditer(text))
    numbers = [int(n) if n.isdigit() else _ORDER.index(n) + 1 for n in (m.group("n") for m in marks)]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)) or "\n" in text.strip():
        return text
    cuts = [m.start() for m in marks]
    return "\n".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))


_LINE_ASKS = re.compile("多少|几|是否|吗|么|哪|什么|怎|为何|为啥|[?？]")
_LINE_ENDS = ("?", "？", "。", ".", "：", ":", ";", "；")


def listed_lines(text: str) -> str:
    """A question typed as a numbered list, one question or item per line (`…三个数（元）：⏎1. 人员经费⏎2. 公用经费`),
    or in one line with numbers in brackets (`请告知：（一）年初预算；（二）决算数`): one line, the lead as typed (closed
    by a colon), each numbered line a question of its own without its number, a bare item asking its figure
    (`人员经费是多少？`). Text of fewer than two numbered lines is returned as it is."""
    lines = [line.strip() for line in _inline_numbers(text).splitlines() if line.strip()]
    numbered = [_LINE_NUMBER.match(line) for line in lines]
    if sum(m is not None for m in numbered) < 2:
        return text
    first = next(i for i, m in enumerate(numbered) if m)
    out: list[str] = []
    for i, (line, number) in enumerate(zip(lines, numbered, strict=True)):
        if number is None:  # the lead before the list (closed by a colon), or a remark after it
            out.append(line if line.endswith(_LINE_ENDS) else line + ("：" if i < first else "。"))
            continue
        line = line[number.end() :]
        if not _LINE_ASKS.search(line):
            line = line.rstrip("。.;；,，") + "是多少"
        out.append(line if line.endswith(_LINE_ENDS) else line + "？")
    return "".join(out)


def dated_tail(text: str, as_of: re.Pattern[str]) -> str:
    """`…一共有几辆公车？就说文件里截至2021年10月的数。`: a date said in a remark after the question (no figure asked
    there) is when the question asks its count at: said before it, the remark left to go with the asides."""
    at = text.rfind("?")
    tail = text[at + 1 :] if at >= 0 else ""
    date = as_of.search(tail)
    if date is None or re.search("多少|几", tail):
        return text
    return f"{date.group(0).rstrip(',')},{text[: at + 1]}{tail[: date.start()]}{tail[date.end() :]}"


def row_after_table(after: str) -> str:
    """What a lead says after the table it names, before its colon (…预算表的城乡社区支出（212类）：): a term the
    documents print, kept as the row asked (with its colon); anything else ("" : 里的数据, 来看)."""
    kept = _ROW_AFTER_TABLE.sub("", after)
    return f"{kept}:" if len(kept) >= 2 and kept in known_terms() else ""


_ROW_AFTER_TABLE = re.compile(r"^(?:里面|里的|中的|里|中|上|的)|\([^()]*\)$")


def item_placed(lead: str) -> str:
    """The item a lead names before where it is read (`人民调解项目在2026年预算材料的项目经费说明里，`: 人民调解项目),
    or ""."""
    m = re.match(r"(?P<item>[^,?;在]{2,30}?)在", lead)
    item = m.group("item") if m else ""
    return item if names_item(item) or re.search("(项目|经费|支出|费|资金|事务|收入)$", item) else ""
