"""How a question lists items: `A、B和C各是多少` asks each (`each_asked`), a head named once is shared
(`share_head`: 行政编制和事业编制的实有在编人数), a later item may take the first's head (公务用车购置费和运行费), and
the joining words inside one name (社会保障和就业支出) are shielded from splitting (`shield`, `unshield`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise

from assistant.data import load_data
from assistant.lexicon import known_end, known_terms, names_item
from assistant.names import vocabulary
from index.classification import JOINERS, codes_of, joined_names, national_names

_CONTAINER = re.compile(load_data("question.toml")["container"])  # 政府采购预算中…: the items' container

_HIDDEN = "\ue000\ue001\ue002"  # private-use stand-ins, one per joining word
_SHIELDED = str.maketrans(JOINERS, _HIDDEN)
_UNSHIELDED = str.maketrans(_HIDDEN, JOINERS)


@cache
def _joined_terms() -> re.Pattern[str]:
    """Names holding a joining word: the national 科目 (社会保障和就业支出) and the genre's measures (年末结转和结余,
    购置及运行维护费: answering.toml `measure_words`, `generic_suffixes`)."""
    data = load_data("answering.toml")
    genre = [w for w in [*data["measure_words"], *data["generic_suffixes"]] if any(j in w[1:-1] for j in JOINERS)]
    terms = sorted({*joined_names(), *genre}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, terms)))


def shield(text: str) -> str:
    """`text` with the joining words inside one name (社会保障和就业支出) hidden from splitting; `unshield` undoes it."""
    return _joined_terms().sub(lambda m: m.group(0).translate(_SHIELDED), text)


def unshield(text: str) -> str:
    return text.translate(_UNSHIELDED)


# `A、B、C三类各签了多少`: a count of the items (三类, 两项), where they are read (`…这三项，预算说明里各安排多少`) and
# any short verb before 多少 may stand between
_EACH = re.compile(
    r"^(?P<head>.*?)(?P<items>[^,;]+?)(?:[两二三四五六七八九十]+(?:类|项|种|个|部分))?,?"
    r"(?:(?:预算|决算|编制|情况)?(?:说明|表)(?:里|中|上))?(?:分别|各自|各)"
    r"(?:[^,;多几]{0,4}?)(?P<tail>多少.*|几.*)$"
)
_ITEM_SEP = re.compile(r"、")
_JOINED_AFTER_COMMA = re.compile(r"^([^?;,]*?(?<!多少)(?<!几)),(?:以及|及|和|还有)?(?=[^,?;]{2,30}?,?(?:分别|各自|各))")


def _joined_after_comma(clause: str) -> str:
    """`A，以及B，分别是多少` (its 以及 gone with the clause split: `A,B,分别是多少`): A, naming an item and asking nothing
    of its own, is listed with B (`A、B,分别是多少`) when both are said as whole items alike (…预算金额, …金额), B of no
    year of its own (…，今年预算和去年预算各是多少 lists columns) and A no container (政府采购预算中，A和B各)."""
    first = _JOINED_AFTER_COMMA.match(clause)
    if first is None or not names_item(first.group(1)) or _CONTAINER_HEAD.search(first.group(1)):
        return clause
    second = re.match(r"(?:以及|及|和|还有)?([^,?;]+)", clause[first.end() :])
    said = [first.group(1), second.group(1) if second else ""]
    ends = {m.group(0) if (m := _ITEM_END.search(part)) else "" for part in said}
    alike = len(ends) == 1 and "" not in ends and not _YEAR_SAID.search(said[1])
    return f"{said[0]}、{clause[first.end() :]}" if alike else clause


_ITEM_END = re.compile("(?:金额|预算数?|决算数?|支出|收入|经费|费)$")  # a whole item said (…预留的政府采购项目预算金额)
_YEAR_SAID = re.compile(r"20\d{2}年|今年|去年|上年|本年")


_LAST_SEP = re.compile(r"以及|和")  # 及 and 与 also join words inside one name (购置及运行费)
_CONTAINER_HEAD = re.compile(r"(里|中|里面|当中|之中)(的)?,?$")


def _items(listed: re.Match[str]) -> list[str]:
    """The items an `_EACH` match lists, split at 、 and at the joining words (和, 以及) of the last item, or of an
    earlier one that holds a container (`合计、基本支出里的人员经费和公用经费、项目支出`: the container is each half's)."""
    *first, last = _ITEM_SEP.split(shield(listed.group("items")))
    held = [half for item in first for half in _held_pair(item)]
    return [unshield(i) for i in [*held, *_last_items(last)] if i]


def _held_pair(item: str) -> list[str]:
    """`基本支出里的人员经费和公用经费` -> 基本支出里的人员经费, 基本支出里的公用经费; any other item as it is."""
    inner = _CONTAINER.match(item)
    halves = _LAST_SEP.split(inner.group(2)) if inner else []
    if not inner or len(halves) != 2 or min(map(len, halves)) < 2:
        return [item]
    return [item[: inner.start(2)] + half for half in halves]


_TOTALLED = re.compile("(?:合计|总计|小计)$")
# the stage a figure is of, said after its item (三公经费预算合计, 机关运行经费预算数)
_STAGE_SAID = re.compile("(?:预算|决算)(?:安排)?(?:数|合计|总计|总额)?$")


def _last_items(last: str) -> list[str]:
    """The items joined by 和/以及; by 与 only when each side ends with a column, or its total (基本支出数与项目支出数,
    人员经费合计与公用经费合计), or is a name known whole (财政拨款收入与事业收入), with the stage of its figure said
    after it or not (三公经费预算合计与机关运行经费预算数): 与 also joins words inside one name, 城乡社区规划与管理."""
    items = _LAST_SEP.split(last)
    if len(items) == 1 and "与" in last:
        columns = vocabulary().measure_words
        sides = [re.sub("数$", "", p) for p in last.split("与")]
        if all(any(_TOTALLED.sub("", p).endswith(c) for c in columns) for p in sides):  # 人员经费合计与公用经费合计
            return sides
        cores = [_STAGE_SAID.sub("", p) or p for p in sides]  # 三公经费预算合计与机关运行经费预算数: the items
        cores[0] = re.sub(r"^.*\d{4}年度?", "", cores[0]) or cores[0]  # 2024年财政拨款收入: the year is no name
        names = [known_end(cores[0]) or cores[0], *cores[1:]]  # (万里街道2024年行政运行与城管执法: 行政运行)
        if all(
            len(p) >= 3 and {p, re.sub("(收入|支出)$", "", p)} & known_terms() for p in names
        ):  # 财政拨款收入与事业收入
            return sides
    return items


def held_item(item: str) -> str:
    """The item a part names inside its containers (工会经费 of 基本支出决算中公用经费中工会经费), or "" when it names
    none."""
    held = ""
    while inner := _CONTAINER.match(item):
        held = item = inner.group(2)
    return held


def each_asked(clause: str, before: str = "") -> list[str]:
    """`A、B和C各是多少万元` (`A和B，各预算多少`) asks three questions: `A是多少万元`, `B是多少万元`, `C是多少万元`.

    A leading container (`政府采购预算中，货物和工程各是多少`) qualifies every item, so each keeps it; so does the
    item asked in the clause before (`before`) qualifies short items naming nothing of their own (`_parts_of_asked`)."""
    m = _EACH.match(_joined_after_comma(_parts_of_asked(clause, before)))  # A，以及B，分别是多少
    if not m or "哪" in m.group("items"):  # A和B哪个多，分别是多少: a comparison, then each figure
        return [clause]
    items, head = _items(m), m.group("head")
    if len(items) == 1:  # 水费电费各多少: national names written one after the other
        lead, items = _juxtaposed(items[0])
        head += lead
    if len(items) < 2:
        return [clause]
    if items[0].startswith("其中"):  # 其中货物、工程、服务三类分别是多少: each is a part of the item before
        head, items[0] = head + "其中", items[0][2:]
    inner = _CONTAINER.match(items[0])  # 政府采购预算中货物、工程、服务: the container qualifies each
    if inner and not any(_CONTAINER.match(i) for i in items[1:]):
        head, items[0] = f"{head}{inner.group(1)}中", inner.group(2)
    # 201一般公共服务支出里基本支出和项目支出各是多少: columns of one row; the row qualifies each
    columns = set(vocabulary().measure_words)
    if all(item in columns for item in items[1:]):
        column = next((c for c in sorted(columns, key=len, reverse=True) if items[0].endswith(c)), None)
        if column and len(items[0]) > len(column):
            head, items[0] = head + items[0][: -len(column)], column
    if "的" in items[0] and not any("的" in i for i in items[1:]):  # 新建工程的地上、地下…: 新建工程 qualifies all
        before, items[0] = items[0].rsplit("的", 1)
        head += before + "的"
    items = _completed(share_head(items))
    if not any(_makes_a_measure(head[:-1], item) for item in items if head.endswith("的")):  # 项目的支出决算数
        head = _CONTAINER_HEAD.sub("中", re.sub(r"的$", "", head))  # 政府采购预算中，货物… -> 政府采购预算中货物…
    return [f"{head_for(head, item)}{item}是{m.group('tail')}" for item in items]


_SIBLINGS = ("基本支出", "项目支出")  # the two halves of spending: neither is inside the other


def head_for(head: str, item: str) -> str:
    """The head an item keeps: without a container that is the item's sibling (基本支出里的人员经费、公用经费和项目支出:
    项目支出 is never inside 基本支出)."""
    inside = re.sub("(里面|里|中)$", "", head)
    sibling = next(
        (s for s in _SIBLINGS if inside.endswith(s) and item.startswith(_SIBLINGS) and not item.startswith(s)), ""
    )
    return inside[: -len(sibling)] if sibling else head


_ASKED_TOTAL = re.compile(r"(?:又|一共|总共|共|合计)?(?:是|为|有)?(?:多少|几)[^,?]*$")
_NOT_ONE_ITEM = re.compile("比|较|占|增|减|涨|降|变化|哪")  # a change, share or comparison asked: no item alone


def parts_unnamed(clause: str) -> bool:
    """Does `clause` list short items that name nothing of their own (`货物、工程、服务三块各是多少`: 货物, 工程 are
    parts of something said before them)? Items the lexicon or the national vocabulary knows (基本支出、项目支出) are
    named."""
    m = _EACH.match(clause)
    if not m or m.group("head").strip(","):
        return False
    items = _items(m)
    return len(items) >= 2 and all(2 <= len(i) <= 4 and not names_item(i) for i in items)


def _parts_of_asked(clause: str, before: str) -> str:
    """`政府采购预算是多少？货物、工程、服务各多少`: parts naming nothing of their own (`parts_unnamed`), after a clause
    asking one item's figure, are parts of that item: each is read in it (政府采购预算中工程)."""
    item = _ASKED_TOTAL.sub("", before)
    if (
        clause.startswith("其中")
        or item == before
        or len(item) < 2
        or _NOT_ONE_ITEM.search(item)
        or not parts_unnamed(clause)
    ):
        return clause
    return f"{item}中{clause}"


def _makes_a_measure(head: str, item: str) -> bool:
    """`行政单位医疗项目` + `支出决算数` reads 项目支出, a column neither names: the 的 between them stays."""
    joined = head[-4:] + item[:4]
    return any(w in joined and w not in head[-4:] and w not in item[:4] for w in vocabulary().measure_words)


def _completed(items: list[str]) -> list[str]:
    """`公务用车购置费和运行费`: a later item is the first's head with it (公务用车运行费) when that reads, in order, a
    term the documents or the national vocabulary know beginning with that head (公务用车运行维护费); `基本工资和
    绩效`: with the first's tail (绩效工资) when that is such a term and the item alone is none."""
    terms, first = known_terms(), items[0]
    spans = [(j, k) for k in range(len(first) - 2, 1, -1) for j in range(k - 1)]

    def completed(item: str) -> str:
        for j, k in spans:
            head = first[j:k]
            if not item.startswith(head) and any(
                t.startswith(head) and t not in first and _in_order(head + item, t) for t in terms
            ):
                return first[:k] + item
        # 基本工资和绩效: the first's head said once, after it (绩效工资), when only that reads a term
        tails = (item + first[-k:] for k in range(2, len(first)))
        return item if item in terms else next((t for t in tails if t in terms and t != first), item)

    return [first] + [completed(i) for i in items[1:]]


def _in_order(chars: str, word: str) -> bool:
    rest = iter(word)
    return all(c in rest for c in chars)


@cache
def _national_longest_first() -> tuple[str, ...]:
    return tuple(sorted(national_names(), key=len, reverse=True))


def _juxtaposed(text: str) -> tuple[str, list[str]]:
    """`万里水费电费` -> (`万里`, [水费, 电费]): the longest tail of `text` that is two or more national 科目 names
    written one after the other (longest name first at each place), and what precedes it; else (``, [text])."""
    names = _national_longest_first()
    for start in range(len(text) - 3):
        found, at = [], start
        while at < len(text) and (name := next((n for n in names if text.startswith(n, at)), None)):
            found.append(name)
            at += len(name)
        if at == len(text) and len(found) >= 2:
            return text[:start], found
    return "", [text]


def share_head(items: Sequence[str]) -> list[str]:
    """Items listed before a head they share get that head: Chinese names it once, after the last.

    `行政编制和事业编制的实有在编人数` -> 行政编制的实有在编人数, 事业编制的实有在编人数 (the head after 的);
    A 科目 after 的 is an item of its own (`医疗和社会保障和就业支出的住房公积金`), never a shared head.
    `地上、地下建筑面积` and `行政、事业单位` -> 地上建筑面积, 地下建筑面积 / 行政单位, 事业单位 (short
    modifiers of one length, the rest of the last item being the head). Items that name their own head
    (`基本支出和项目支出`, `办公费的预算数和印刷费的预算数`) are returned as they are.
    """
    if len(items) < 2:
        return list(items)
    *first, last = items
    if any("的" in i for i in first):
        return list(items)
    if "的" in last and not any(
        "的" in n and n in last for n in (*national_names(), *known_terms())
    ):  # 对个人和家庭的补助
        head = last.rsplit("的", 1)[1]
        if len(head) < 2 or any(head.startswith(n) for n in national_names()):  # …和就业支出的住房公积金: an item
            return list(items)
        return [f"{i}的{head}" for i in first] + [last]
    bare = [re.sub(r"^其中", "", i) for i in first]
    k = len(bare[0])
    named = any(b in national_names() for b in bare)  # 电费、水费、物业管理费: names of their own, no shared head
    if k <= 3 and all(len(b) == k for b in bare) and len(last) >= k + 2 and not named:
        return [f"{i}{last[k:]}" for i in first] + [last]
    return list(items)


# Examples in brackets after an item (政府投资项目（数据共享2.0、政务光纤二期那些）): they describe it, naming no part
EXAMPLES = re.compile(
    r"\((?![^()]*(合计|加起来|一共))(?=[^()]*[\u4e00-\u9fff]{2})[^()]*(、|那些|那块|这些|等等|等|之类)[^()]*\)"
)


def examples_of_term(norm: str) -> str:
    """Examples in brackets after a document term (公用经费（水电费、物业管理费这些）), or the end of one (环境卫生（保洁、
    垃圾清运这一块）: 城乡社区环境卫生), taken out: the term is the item, its examples only some of its parts. After
    everyday words (车子的日常开销（加油、维修这些）) they say what is meant, and stay."""

    def read(m: re.Match[str]) -> str:
        before = norm[max(0, m.start() - 12) : m.start()]
        end = before[-4:] if re.fullmatch("[\u4e00-\u9fff]{4}", before[-4:]) else None
        term = any((len(t) >= 3 and before.endswith(t)) or (end and t.endswith(end)) for t in known_terms())
        return "" if term else m.group(0)

    return EXAMPLES.sub(read, norm)


# Where a list ends and what is asked of it begins (A和B加起来, A、B哪个多)
LIST_END = re.compile(
    "加起来|合起来|加在一起|加一起|加一块|合一块|合在一起|加到一起|加总|相加|一共|总共|合计(?![和与及跟、])|之和|总和|共计|哪个|哪家|哪一个|谁|更"
    "|哪一?[项类款笔栏列]|(?:这|那)[两二三四五六七八九十几]个?[项类款笔个](?=里|中|当中|之中|,|哪)"  # A、B、C这三项里，哪项最多
)
_JOINED = re.compile(r"和|与|(?<!涉)及|加上|(?<!增)加|、|以及|跟")  # 涉及 joins nothing


def listed(core: str) -> list[str]:
    """The items a sum or comparison lists (A、B和C, A加上B), from the clause listing them (`listing_clause`)."""
    return _JOINED.split(listing_clause(core))


def listing_clause(core: str) -> str:
    """`街道办的水电,水费加电费,一共…`: the clause listing the items (an earlier one only says them in other words,
    unless it is their container: `三公经费里,接待费和运行费加起来`)."""
    clauses = [c for c in core.split(",") if c]
    listing = [i for i, c in enumerate(clauses) if _JOINED.search(c)]
    start = listing[-1] if listing else 0
    while start and _JOINED.match(clauses[start]):  # …的车辆，加上…购置的车辆: the list began a clause before
        start -= 1
    if not start or re.search(r"(里|中|里面|之中|方面)$", clauses[start - 1]):
        return core
    return ",".join(clauses[start:])


@lru_cache(maxsize=512)
def siblings_joined(norm: str) -> str:
    """`水费电费加起来`: two items of the national classification said one after the other with nothing between, of
    the same level under the same parent (30205 水费, 30206 电费), are a list (水费和电费); a name after its parent's
    (城乡社区管理事务行政运行) is one row's path and stays."""
    norm = _contracted(norm)
    found = [(m.start(), m.end()) for m in _sibling_names().finditer(norm)]  # leftmost, longest first
    cuts = [
        end
        for (start, end), (after, stop) in pairwise(found)
        if end == after and _siblings(norm[start:end], norm[after:stop])
    ]
    for cut in reversed(cuts):
        norm = f"{norm[:cut]}和{norm[cut:]}"
    return norm


def _contracted(norm: str) -> str:
    """`水电费`: two sibling items of the national classification ending in 费 said once (水费 and 电费), when the
    whole is no name of its own (邮电费)."""
    names = national_names()
    for end in reversed([m.start() for m in re.finditer("费", norm)]):
        for start in (end - 3, end - 2):
            said = norm[start:end]
            if start < 0 or f"{said}费" in names or norm[max(0, start - 1) : end + 1] in names:
                continue
            pair = next(
                ((a, b) for k in range(1, len(said)) if _siblings(a := f"{said[:k]}费", b := f"{said[k:]}费")), None
            )
            if pair:
                norm = f"{norm[:start]}{pair[0]}和{pair[1]}{norm[end + 1 :]}"
                break
    return norm


@cache
def _sibling_names() -> re.Pattern[str]:
    names = sorted((n for n in national_names() if len(n) >= 2 and codes_of(n)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _siblings(a: str, b: str) -> bool:
    return any(len(x) == len(y) and x[:-2] == y[:-2] and x != y for x in codes_of(a) for y in codes_of(b))
