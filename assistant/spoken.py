"""A question as it was said (a voice message written out, a post typed in one breath), read as meant:

- what the asker takes back gives way to what is said instead (`会议费安排了多少 不对不对 我是说培训费`, `水费 哦不是
  是电费`, `比2022年 哦不对 是比2023年`);
- an exclamation that asks nothing goes (`凭什么！`, `福利院收老人的钱越收越多！…？`, `…？一个比一个离谱！`), and so does a
  last question asking nothing (`…？年年都花这么多？`) and the condition of a claim's correction (`对吗？若不对，正确数字
  是多少`);
- a first question asking no figure before one restating it (`钱是不是被砍了？…大厅运营事务预算比2021年减少了多少万元？`)
  goes;
- a topic lead naming an item, then a question referring back to it (`给学生讲“人员支出”（…）：…这部分是多少`), asks
  that item;
- a sentence of background said first (`我经常去新区行政服务大厅办事。看到…大厅运营事务…减少了多少万元？`) goes when
  it asks nothing and the question after it stands on its own."""

from __future__ import annotations

import re

from assistant.cues import cue, organisations
from assistant.filler import strip_filler
from assistant.lexicon import known_terms, known_terms_in, names_item, names_own_item, says_known_term
from index.text import bigrams, containment

_YEAR = re.compile(r"20\d{2}年度?")


def spoken_read(norm: str) -> str:
    """`norm` read as meant (see the module docstring; question.toml `taken_back`, `exclaimed`, `rhetorical_tail`,
    `correct_figure`, `rhetorical_lead`)."""
    while m := cue("taken_back").search(norm):
        fixed = _taken_back(norm[: m.start()], m.group("instead"))
        if fixed is None:  # nothing said before it that the correction can stand for: left as said
            break
        norm = fixed + norm[m.end() :]
    norm = cue("rhetorical_tail").sub(_remark_off, cue("exclaimed").sub(_exclamation_off, norm))
    norm = cue("correct_figure").sub("", norm)
    topic = cue("topic_lead").match(norm)  # 给学生讲“人员支出”（…）：…这部分是多少: the name the topic says
    norm = (_named_back(topic.group(0), norm[topic.end() :]) or norm) if topic else norm
    lead = cue("rhetorical_lead").match(norm) or _FIGURE_LEAD.match(norm)
    norm = norm[lead.end() :] if lead and _restated(lead.group("lead"), norm[lead.end() :]) else norm
    while (said := _BACKGROUND.match(norm)) and _stands_alone(norm[said.end() :]):
        norm = norm[said.end() :]
    return norm


# what refers back to a sentence before (其中…, 这一项, 该项; not 这些 after examples, a gloss)
_BACK_AT = re.compile(
    "^(?:请问|那么?)?,?(?:其中|其|它|该|此)|(?:这|那)一?(?:类|种|个|笔|项(?!目)|样|部分|块)|该项|此项"
)
# A first sentence, closed by 。 or !, asking nothing (no figure, no yes/no, no which or what) and saying no year or
# figure (我在核对去年的数字，2025年的执行数我已经有了。: the year asked)
_BACKGROUND = re.compile(
    "^(?:(?!多少|几|百分之|吗|是否|有没有|哪|什么|[?]|20\\d{2}|\\d[\\d,.]*(?:亿元|万元|元|%)|去年|今年|上年|明年|本年|上一年|下一年)"
    "[^。!])+[。!]"
)


def _stands_alone(rest: str) -> bool:
    """Does `rest` ask a question (a figure, or yes/no) naming an item of its own or the year and the department, and
    referring back to nothing before it (这/那 + a measure word: 这类, 那笔)?"""
    back = _BACK_AT.search(rest) or cue("item_anaphor").search(rest)
    return bool(re.search("多少|几|百分之|吗|是否", rest)) and (names_item(rest) or _whole(rest)) and not back


def _restated(lead: str, rest: str) -> bool:
    """Does `rest` ask a figure of an item of its own (a name the lexicon or the national classification knows, or the
    year and the department), naming every name `lead` names (so `lead` only remarks)? A lead asking a figure itself
    (`给中小企业留了多少蛋糕？`) must name no year nor department, `rest` both, and `rest` say most of its words again."""
    said = known_terms_in(lead)
    if re.search("多少|几", lead) and not _echoed(lead, rest):
        return False
    return (names_item(rest) or _whole(rest)) and all(t in rest for t in said)  # 有几台: leans on the lead


# a first question asking a figure in a few words (给中小企业留了多少蛋糕？), before another
_FIGURE_LEAD = re.compile(r"^(?P<lead>[^?!。.\d,]{2,20}?(?:多少|几)[^?!。.\d,]{0,6}\?)(?=.*(?:多少|几|百分之))")


def _echoed(lead: str, rest: str) -> bool:
    """Does `rest`, naming the year and the department `lead` does not, say again most of what `lead` asks of?"""
    words = bigrams(strip_filler(lead))
    alone = not _YEAR.search(lead) and not any(end in lead for end in organisations()[0])
    return alone and _whole(rest) and len(words) >= 3 and containment(words, bigrams(rest)) >= 0.4


def _whole(rest: str) -> bool:
    """Does `rest` name the year and the department (…大鹏数据局2022年…), so it stands alone without an item?"""
    return _YEAR.search(rest) is not None and any(end in rest for end in organisations()[0])


def _taken_back(before: str, instead: str) -> str | None:
    """`before` without the words `instead` replaces, then `instead`: the last 比 before a `比…` said instead, the
    last year before a year, else the last name the lexicon, the measures or the national classification know."""
    if instead.startswith("比"):
        start = before.rfind("比")
    elif _YEAR.match(instead):
        start = max((y.start() for y in _YEAR.finditer(before)), default=-1)
    else:
        start = _last_name(before)
    if start < 0:
        return None
    return before[:start] + _REPEATED.sub(r"\1", instead)  # 我是说培训费 培训费安排了多少: 培训费 once


_REPEATED = re.compile(r"^([\u4e00-\u9fff]{2,8})\1")


def _last_name(text: str) -> int:
    """Where the name in `text` that ends last begins (the longest of those ending there); -1 when none."""
    found = [(i + len(t), len(t), i) for t in known_terms() if len(t) >= 2 for i in _starts(text, t)]
    return max(found)[2] if found else -1


def _starts(text: str, term: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(term), text)]


def _exclamation_off(m: re.Match[str]) -> str:
    """An exclamation that asks nothing goes when the question names an item of its own (a name of three characters
    the lexicon, the measures or the national classification know, or what a count counts), and does not refer back
    to it (`X这种名目！…这一项`); `…又涨了，听说涨了好几千万！比上一年到底增加了多少` keeps it (the item is in it)."""
    rest = m.string[m.end() :] or m.string[: m.start()]
    return "" if _names_own(rest) and not cue("item_anaphor").search(rest) else m.group(0)


def _remark_off(m: re.Match[str]) -> str:
    """A last question asking nothing goes unless it names an item (`公务接待费？`: a question of its own)."""
    return m.group(0) if _names_own(m.group(0)) else ""


def _names_own(text: str) -> bool:
    """Does `text` name an item of its own: a name of three characters the lexicon, the measures or the national
    classification know, or what a count counts (几辆车)?"""
    return names_own_item(text) or says_known_term(text)


_BACK = re.compile("这一?部分|这一?项(?!目)|这笔钱?|这一?块")  # what a question says of a name said before it


def _named_back(lead: str, rest: str) -> str:
    """`给学生讲“人员支出”（…）：…预算里这部分是多少万元`: a question naming no item of its own that refers back to the
    name a topic lead says asks that name (the longest the lexicon, the measures or the national classification know
    in the lead); "" when it does not."""
    names = known_terms_in(lead)
    back = _BACK.search(rest)
    if not names or not back or names_item(rest):
        return ""
    return rest[: back.start()] + max(names, key=len) + rest[back.end() :]
