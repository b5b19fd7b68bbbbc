"""Everyday words and the document terms they stand for: the lexicon (assistant/data/synonyms.toml), the national
类 by their heads, and a document term glossed in brackets after everyday words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from opencc import OpenCC

from assistant.data import load_data
from index import classification
from index.text import normalize

# Small counts as people write them (保留两位小数, 两个项目): digits or numerals one to four.
EXACT_PLACES = 6  # the decimals of a figure asked unrounded (不要四舍五入): all a conversion of printed figures has
SMALL_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_CN_YEAR = re.compile("[〇零一二三四五六七八九]{4}(?=年)")  # 二〇二四年 is 2024年
CN_NUMERALS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_TABLE_ORDINAL = re.compile("第([0-9]{1,2}|[一二三四五六七八九十]{1,3})张表")  # 第6张表, 第五张表: 表6, 表5


def simplified(text: str) -> str:
    """A question written in traditional characters (請問…單位預算裡) in the simplified ones the documents print
    (OpenCC's t2s tables); text GB2312 encodes, simplified throughout, is left as written."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return _to_simplified().convert(text)
    return text


_LATIN_WORD = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2,})(?![A-Za-z0-9])(?:\s*[(（]([\u4e00-\u9fff](?:[\u4e00-\u9fff+\uff0b、 ]{0,14}[\u4e00-\u9fff])?)[)）])?"
)


def english_read(text: str) -> str:
    """English words mixed into a question in the documents' Chinese: a word glossed in brackets as its gloss
    (goods（货物采购） → 货物采购), a word of synonyms.toml `english` as its entry (total → 合计), a greeting gone;
    a year before an English word its 年 (2022 budget → 2022年预算); a phrase of `english_phrases` first (compared
    with → 比, basic expenditure → 基本支出). An abbreviation in capitals (PPP) and a code (C99) stay; any other
    English word (a name: Putuo Justice Bureau, Wanli street) names nothing the documents print, and goes."""
    if not re.search("[A-Za-z]{2}", text):
        return text
    data = load_data("synonyms.toml")
    words, greetings = data["english"], set(data["greetings"])

    def read(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        gloss = re.sub("[+\uff0b]", "、", (m.group(2) or "").replace(" ", ""))  # utilities（水费 + 电费）: 水费、电费
        if gloss or word in greetings:
            return gloss
        entry = words.get(word, m.group(0) if m.group(1).isupper() else "")
        return "" if entry and m.string[m.end() :].lstrip().startswith(entry[0]) else entry  # share 占多少: 占 said

    text = _VERSUS_EACH.sub("和", _FISCAL_YEAR.sub(r"\1年", text))  # FY2024; 基本支出 vs 项目支出各多少: 和
    return _LATIN_WORD.sub(read, _english_phrases().sub(_phrase_read, _YEAR_BEFORE_LATIN.sub(r"\1年", text)))


@cache
def _english_phrases() -> re.Pattern[str]:
    phrases = sorted(load_data("synonyms.toml")["english_phrases"], key=len, reverse=True)
    spaced = (r"\s+".join(map(re.escape, p.split())) for p in phrases)
    gloss = r"(?:\s*[(（]([\u4e00-\u9fff]{2,16})[)）])?"  # basic expenditure（基本支出）: its gloss, once
    return re.compile(r"(?<![A-Za-z])(" + "|".join(spaced) + r")(?![A-Za-z])" + gloss, re.IGNORECASE)


def _phrase_read(m: re.Match[str]) -> str:
    return m.group(2) or str(load_data("synonyms.toml")["english_phrases"][" ".join(m.group(1).lower().split())])


_YEAR_BEFORE_LATIN = re.compile(r"(?<!\d)(20\d{2})\s+(?=[A-Za-z])")
_FISCAL_YEAR = re.compile(r"(?<![A-Za-z])FY\s*(20\d{2})(?:\s*年)?", re.IGNORECASE)  # FY2024: the fiscal year 2024年
# two items said apart by vs before 各/分别 (基本支出 vs 项目支出各多少万元) are listed, not compared
_VERSUS_EACH = re.compile(r"\s*(?<![A-Za-z])(?:vs\.?|versus)(?![A-Za-z])\s*(?=[^?？,，。]*?(?:各|分别))", re.IGNORECASE)


@cache
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


def numerals_in_digits(text: str) -> str:
    """Years and table ordinals said in Chinese numerals, in digits: 二〇二四年 -> 2024年, 第十二张表 -> 表12."""
    text = _CN_YEAR.sub(lambda m: m.group(0).translate(CN_NUMERALS), text)
    return _TABLE_ORDINAL.sub(lambda m: f"表{ordinal(m.group(1))}", text)


# a place in an order: the first (最多, 最少) or a later one (第二多, 第3少), before the word saying which way
PLACE = r"(?:最|第[二两三四五六七八九\d])"


def ordinal(said: str) -> int:
    """二十一 -> 21, 十二 -> 12, 两 -> 2, 7 -> 7."""
    said = said.replace("两", "二")
    if said.isdigit():
        return int(said)
    tens, _, ones = said.rpartition("十")
    return (int(tens.translate(CN_NUMERALS) or 1) * 10 if "十" in said else 0) + int(ones.translate(CN_NUMERALS) or 0)


@cache
def synonyms() -> list[tuple[str, list[str]]]:
    """(everyday word, document terms), longest word first: synonyms.toml, then the national 类 by their heads."""
    table = {normalize(k): [normalize(t) for t in v] for k, v in load_data("synonyms.toml")["terms"].items()}
    for word, name in classification.category_words().items():
        table.setdefault(word, [name])
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def glossed(norm: str) -> str:
    """Everyday words glossed with a document term in brackets (花在员工身上的钱（人员经费）) read as the term: one the
    lexicon, the measures or the national classification knows (not an aside: （行政的和事业的加起来）); a row named
    before the words stays."""
    terms = known_terms()

    def read(m: re.Match[str]) -> str:
        words, term = m.group("words"), m.group("term")
        if not any(term in t for t in terms) or _scope_of(words, term):
            return m.group(0)
        last = words.rsplit("的", 1)
        if len(last) == 2 and len(last[1]) >= 2:
            return f"{last[0]}的{term}"
        # 社会保障和就业支出人头经费（人员经费）: a row named first keeps its name, the everyday words after it go
        row = max(
            (t for t in terms if len(t) >= 4 and words.startswith(t) and len(words) - len(t) >= 2), key=len, default=""
        )
        return f"{row}{term}"

    return _gloss().sub(read, norm)


@lru_cache(maxsize=256)
def scoped_words(norm: str) -> str:
    """The item words before a bracket of columns (`修东西` of 修东西的钱（一般公共预算基本支出）) or before the columns
    said as where it is printed (`邮电开销` of 邮电开销基本支出里安排了多少), or ''."""
    for m in _gloss().finditer(norm):
        if _scope_of(m.group("words"), m.group("term")):
            return m.group("words")
    # 邮电开销基本支出里安排了多少: the columns said after the item, as where it is printed
    inside = _PRINTED_IN.search(norm.split("|")[0])
    said = inside.group(1) if inside else ""
    for column in sorted(load_data("answering.toml")["where_printed"], key=len, reverse=True) if said else []:
        words = said.removesuffix(column).rstrip(",").split(",")[-1] if said.endswith(column) else ""
        if len(words) >= 2 and _scope_of(words, column):
            return words
    return ""


_PRINTED_IN = re.compile("^(.+?)(?:里面|里|中)(?=安排|是|有|为|花|用|预算|多少)")


def _scope_of(words: str, term: str) -> bool:
    """`租房子这类开销（一般公共预算基本支出）`: a bracket made only of columns, funds and stages (基本支出, 财政拨款,
    一般公共预算, 年初预算…) says where the figure is printed, not what the words mean: the words name the item, unless
    they read as the column themselves. Items that are also columns (人员经费, 事业收入) stay glosses
    (发工资那块（人员支出）, 自己挣的钱，就是事业收入)."""
    columns = load_data("answering.toml")["where_printed"]
    if not made_of(term, columns):  # a term of its own (公务用车运行维护费, 人员经费)
        return False
    read = "".join(t for w, targets in synonyms() if w in words for t in targets)
    return not any(w in read or w in words for w in columns if w in term)


def made_of(name: str, words: Sequence[str]) -> bool:
    """Is `name` made only of these words (一般公共预算基本支出 of 一般公共预算 and 基本支出), all but a character?"""
    for word in sorted(words, key=len, reverse=True):
        name = name.replace(word, "")
    return len(name) < 2


@cache
def _gloss() -> re.Pattern[str]:
    return re.compile(load_data("question.toml")["gloss"])


@cache
def known_terms() -> frozenset[str]:
    lexicon = {t for _, targets in synonyms() for t in targets}
    return frozenset({*lexicon, *load_data("answering.toml")["measure_words"], *classification.national_names()})


def known_terms_in(text: str, shortest: int = 3) -> list[str]:
    """The names the lexicon, the measure words or the national classification know that `text` holds, of `shortest`
    characters at least."""
    return [t for t in known_terms() if len(t) >= shortest and t in text]


def says_known_term(text: str, shortest: int = 3) -> bool:
    """Does `text` hold a name the lexicon, the measure words or the national classification know, of `shortest`
    characters at least?"""
    return any(len(t) >= shortest and t in text for t in known_terms())


YEAR = re.compile(
    r"(?<!\d)(20\d{2})(?:\s*年度?|(?!\d|\.\d|,\d|\s*多?(?:万|亿|元)))"
)  # a year as written (2024, 2024年, 2024年度), not an amount (2008万元)
EXCEPT_WORDS = "除了|除去|不含|不包括|以外|之外"  # what leaves something out of what is asked (除了…公积金)
MONEY_STATED = re.compile(r"\d[\d,.]*\s*(?:亿元|万元|元)")  # a sum of money stated (9,584,796元, 2,008万元)
_COUNTED = re.compile("(几|多少)[辆台个名家项人]")  # …一共有几辆车: a count names what it counts


@cache
def spend_verbs() -> str:
    """What is spent, said after 多/少 in a difference (比B多花/多安排了多少): intents.toml's `spend_verbs`."""
    return str(load_data("intents.toml")["spend_verbs"])


def names_own_item(text: str) -> bool:
    """Does what is left of a question name what it asks: an item (`names_item`) or what a count counts (几辆车)?"""
    return names_item(text) or _COUNTED.search(text) is not None


def names_item(text: str) -> bool:
    """Does `text` hold a name the lexicon or the national classification knows, or a part of spending (公用支出)?
    A column or stage (财政拨款, 预算执行数) alone names no item."""
    return any(len(t) >= 3 and t in text for t in _item_terms())


def known_end(words: str) -> str:
    """The longest name the lexicon knows that `words` end with (把城乡社区管理事务 -> 城乡社区管理事务), or ""."""
    return next((words[k:] for k in range(len(words) - 1) if words[k:] in known_terms()), "")


def names_parts_only(text: str) -> bool:
    """Does `text` name no item but the parts of spending (`基本支出、项目支出各是多少`), the columns of a row?"""
    parts = load_data("answering.toml")["spending_parts"]
    return names_item(text) and not names_item(re.sub("|".join(parts), "", text))


@cache
def _item_terms() -> frozenset[str]:
    data = load_data("answering.toml")
    return known_terms() - (set(data["measure_words"]) - set(data["spending_parts"]))


# characters any two money items share; one shared says nothing of meaning
GENERIC_CHARS = frozenset("的费用支出钱经项目资金额其他和与及等类款这那些个一")

ONLY = "光只仅"  # 光加油, 只算油费: one thing asked on its own


def said_alone(text: str, start: int) -> bool:
    """`光加油`, `只算油费`: one thing an item covers asked on its own (光/只/仅 before the word) stands for no
    whole item (加油 reads 公务用车运行维护费 only beside its other parts: 加油、维修、保险这些)."""
    return start > 0 and text[start - 1] in ONLY


# a group of people (…员, …工, …师, …生, …长, or a job), then its other name in brackets and the time paid for
_GROUP = "(?P<group>[\u4e00-\u9fff]{{1,4}}?[员工师生长]|{jobs})(?:\\([^()]{{1,8}}\\))?的?(?:一年|全年|每年|一个月|每个月|每月)?的?$"


def staff_group(text: str, start: int) -> str:
    """`护理员的工资`, `保安一年的工资`: a wage word after a group of people other than the staff as a whole names a
    part of the wages no disclosure prints apart, never the whole 工资福利支出 (员工的工资 does): that group, or ''."""
    data = load_data("synonyms.toml")
    if not any(text.startswith(w, start) for w in data["wage_words"]):
        return ""
    m = _group().search(text[max(0, start - 16) : start])
    return m.group("group") if m and not any(m.group("group").endswith(w) for w in data["whole_staff"]) else ""


@cache
def _group() -> re.Pattern[str]:
    return re.compile(_GROUP.format(jobs="|".join(map(re.escape, load_data("synonyms.toml")["jobs"]))))


@lru_cache(maxsize=256)
def staff_groups(text: str) -> tuple[str, ...]:
    """The groups of staff wage words in `text` follow (see `staff_group`); remembered, since every fact ranked for
    one question asks it again (measures.narrower)."""
    return tuple(g for m in _wage_word().finditer(text) if (g := staff_group(text, m.start())))


def names_staff_group(text: str) -> bool:
    """Does a wage word anywhere in `text` follow a group of staff (see `staff_group`)?"""
    return bool(staff_groups(text))


@cache
def _wage_word() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, load_data("synonyms.toml")["wage_words"])))


def stands_for(text: str, at: int) -> bool:
    """Does the everyday word at `at` stand for its document terms (not 光加油, not 护理员的工资, not 大厅日常运转)?"""
    return not said_alone(text, at) and not staff_group(text, at) and not run_by_other(text, at)


def run_by_other(text: str, start: int) -> bool:
    """`大厅日常运转`, `系统日常运转`: a word for the department's own running after another thing it runs (synonyms.toml
    `own_running`) is that thing's running, also said after a comma after a thing that runs (`running_things`:
    政务服务大厅，日常运转); after the department, a year or an upkeep verb it is the department's."""
    data = load_data("synonyms.toml")
    if not any(text.startswith(w, start) for w in data["own_running"]):
        return False
    before = text[:start]
    if before.endswith(",") and before[:-1].endswith(tuple(data["running_things"])):  # 政务服务大厅，日常运转
        return True
    org = load_data("answering.toml")["organisations"]
    owners = (*data["own_running_owners"], *org["strong"], *org["weak"], *org["self_words"])
    return bool(re.search(r"[\u4e00-\u9fff]$", before)) and not before.endswith(owners)


def said_in_full(text: str, start: int, end: int, targets: list[str], picked: str) -> bool:
    """Is the term the everyday word at text[start:end] would be replaced by (`picked`) said already, or the word inside
    one of its terms written in full, longer than itself (用车运行 of 公务用车运行维护费 is no 运行费 of its own)?"""
    written = (m.span() for t in targets for m in re.finditer(re.escape(t), text))
    return picked in text or any(a <= start and end <= b and b - a > end - start for a, b in written)


def inside_other_name(text: str, start: int, end: int, targets: list[str]) -> bool:
    """Is the everyday word at text[start:end] part of a longer national name that is none of its terms
    (卫生 of 社区环境卫生, a part of 城乡社区环境卫生, stands for no 卫生健康支出)?"""
    pieces = [text[max(0, start - 2) : start + 2], text[end - 2 : end + 2]]  # the word's ends with their neighbours
    pieces = [p for p in pieces if len(p) == 4]
    return any(p in n and not any(p in t for t in targets) for p in pieces for n in classification.national_names())


def costs_not_covered(words: str, described: str) -> bool:
    """Do the words ask a kind of cost the national classification names (新购车的保险费: 保险费) that the item, as
    `described` (its name, where it is printed, what the classification says it covers), is not (公务用车购置费: a
    car's purchase, no insurance)? 邮电费 covers 电话费; 公务用车运行维护费 covers 保险费."""
    costs = classification.expense_words()
    described += re.sub(r"\([^()]*\)", "", described)  # 维修(护)费 is a 维修费
    words = _USE.sub("", words)  # 用于信息化系统日常维护费等支出的那一项: what the item pays for, not the item
    return any(m.group(0) in costs and m.group(0) not in described for m in classification.EXPENSE.finditer(words))


_USE = re.compile("(?:主要)?(?:用于|用来|用在)[^,?;]*?(?:的|等)")


def printed_whole(item: str) -> bool:
    """A name the documents print whole (工会经费), not a word only its container makes one (政府采购…中货物)."""
    return item in known_terms() or item in classification.national_names()
