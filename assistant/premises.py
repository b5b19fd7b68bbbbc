"""What the asker states before asking: a claim heard and checked (有报道说…，实际写的是多少; 听说…砍了一半？), a premise
read in the document (…说明里讲了和上年比的情况，按这个说法推算…; 比2023年预算增加了25万元，那…), and a figure they
already have (X共N万元，其中…). The cues are question.toml's."""

from __future__ import annotations

import re

from assistant.asides import measures_named
from assistant.data import load_data
from assistant.lexicon import MONEY_STATED, known_terms, names_item
from assistant.lists import parts_unnamed
from assistant.names import stages_named, vocabulary

Cues = dict[str, re.Pattern[str]]


def remembered_off(text: str, cues: Cues) -> str:
    """`…政府采购好像要花1400万出头？准确数字是多少`, `…比前一年涨了七百来万，具体是多了多少`: a figure said with a
    hedge or as a round guess (多, 来, 出头, 左右) before asking the document's own figure is no premise; it goes."""
    if not cues["checked_ask"].search(text):
        return text

    def hedged(m: re.Match[str]) -> bool:
        return bool(
            cues["hedge"].match(m.group(0))
            or m.group("about")
            or m.group("over")  # 1万多元
            or m.group("after")
            or "几" in m.group("figure")
        )

    def off(m: re.Match[str]) -> str:
        return "\0" if hedged(m) else m.group(0)

    def span_off(m: re.Match[str]) -> str:  # 从…1822多万降到了922万多: a figure of it said as a guess
        figures = (f for side in ("a", "b") for f in cues["remembered_figure"].finditer(m.group(side)))
        return "" if any(map(hedged, figures)) else m.group(0)

    text = cues["remembered_span"].sub(span_off, text)
    said = cues["remembered_figure"].sub(off, text)  # …好像有900万？到底是多少: one question after the claim goes
    return re.sub(",?(?:\0[?,]?)+", ",", said)  # the clauses taken off leave one comma


def tag_remark_off(text: str, cues: Cues) -> str:
    """`福利院那么大一栋楼，物业费肯定不少吧？…物业管理费是多少`, `“机关运行经费”是指机关日常办公的公用经费吧？…`: a
    guess or a rhetorical question said first asks no figure and goes; one stating an amount (三公经费是10万元吧？) is
    a claim to check and stays (涨了50%左右对吧？)."""
    said = cues["tag_remark"].match(text)
    if said is None or _FIGURE_SAID.search(said.group(0)):
        return text
    return text[said.end() :]


_FIGURE_SAID = re.compile(r"\d(?![\d,.]*年)|百分之|[一二两三四五六七八九十]成")  # a figure claimed (no year alone)


def hearsay(text: str, cues: Cues) -> str:
    """`有报道说…三公经费压到了9.98万元，部门预算里实际写的是多少`: the claim's item asked as the document has it. A
    claim asked about first (`听说…的钱砍了一半？`) before a question naming its own item: that question."""
    m = cues["hearsay"].match(text)
    asked = cues["hearsay_asked"].match(text)  # 听说…砍了一半？2022年X比2021年预算的减幅是多少: the question after
    rest = text[asked.end() :] if asked else ""
    own = asked is not None and (
        names_item(rest) or not names_item(text[: asked.end()])
    )  # (…？一共花了多少: the claim's)
    if asked and own and _names_item(rest, cues) and not cues["item_anaphor"].search(rest):  # (…这一项到底是多少)
        return rest
    if asked and _CHANGE_ASKED.search(rest):  # 听说X比上年执行数涨了一成左右？准确增幅是多少: X's, against that base
        claim = cues["hedge"].sub("", _ASKED_CLAIM.sub("", text[: asked.end()]))  # (好像砍了一半多: no hedge)
        return cues["claimed_figure"].sub(lambda f: f.group(1) or "", claim) + _CHECKED.sub("", rest)
    if not m:  # 听说院里总的收入预算（一千一百多万元，taken off as a guess），准确是多少: the item asked
        lead = cues["heard_from"].match(text)
        return text[lead.end() :] if lead and cues["checked_ask"].search(text) else text
    if re.match("我?(看到|看见)(?!有人|网上|别人|新闻|报道|媒体|朋友|同事)", m.group(0)):  # 看到财政局说…: a premise
        return f"{m.group('claim')},{m.group('rest')}"
    return cues["claimed_figure"].sub("", m.group("claim")) + cues["said_in_document"].sub("", m.group("rest"))


def _premise_item(premise: str) -> str:
    """The item a premise states. A bracket holding a document term names it (医疗这块（210-11-02 事业单位医疗）2024年
    安排: 事业单位医疗), one holding a code adds the code (绩效工资（301 07）); any other bracket goes."""
    terms = known_terms()
    premise = re.sub("(那|这)(笔|个)?$", "", premise)  # 政府投资项目那2,008万元里: the item said before 那
    whole = _WHOLE_STAGE.search(premise)  # 2022年预算5,883万元里: the department's whole budget
    if whole:
        return premise[: whole.start()] + ("总支出" if "决算" in whole.group(0) else "总预算")
    bracket = re.search(r"\(([^()]*)\)", premise)
    if not bracket:
        return premise
    inside, before, after = bracket.group(1), premise[: bracket.start()], premise[bracket.end() :]
    if any(len(t) >= 3 and t in inside for t in terms):
        return inside + after
    return before + (f"({inside})" if re.fullmatch(r"\d{3,7}", inside) else "") + after


def premise_off(text: str, cues: Cues) -> str:
    """What is asked after a premise read in the document (`…说明里讲了和上年比的情况，按这个说法推算一下，2025年的
    “三公”经费预算是多少`, `…部门预算里说…，那么2021年综合管理事务预算是多少`, a change stated then `那…`): the rest, when it names an item of its
    own; else the whole question (`…，能不能倒推一下2021年这一项是多少` asks the premise's item)."""
    premise = cues["premise"].match(text) or cues["change_premise"].match(text) or _statement(text, cues)
    if premise and _names_item(text[premise.end() :], cues):
        text = text[premise.end() :]
    derive = ([None, *cues["derive_request"].finditer(text)])[-1]  # the last request to work a figure out
    if derive is None:
        return text
    rest = text[derive.end() :]
    if _names_item(rest, cues):
        return rest
    before = _READ_IN_DOCUMENT.sub("", text[: derive.start()]).rstrip(",:;—")  # …三公经费的说明里讲了…: 三公经费
    return f"{before},{rest}" if before and not cues["item_anaphor"].search(rest) else text


def _statement(text: str, cues: Cues) -> re.Match[str] | None:
    """A statement before `，那…` that states no figure (a figure stated is `stated_premise`'s: its item is asked)."""
    said = cues["statement_premise"].match(text)
    return None if said is None or _STATED_FIGURE.search(said.group(0)) else said


_STATED_FIGURE = re.compile(
    r"\d[\d,.]*(?:亿元|万元|元|%|万|人|辆|个|家|台|项)|[一二三四五六七八九十百千两]+多?(?:亿|万|元)"
)


def _names_item(rest: str, cues: Cues) -> bool:
    """Does `rest` name an item (not only a year, a change or a rate asked of the premise's: `增幅是多少（保留一位小数）`)?"""
    rest = _CHECKED.sub("", _CHANGE_ASKED.sub("", rest)).rstrip("。.")  # 请核实准确的增幅是多少。: no name
    return bool(rest and cues["bare_question"].sub("", _RELATIVE_YEAR.sub("", cues["item_anaphor"].sub("", rest))))


_ROW_ANAPHOR = re.compile("(?:这|那|同)一?行(?:里|中|上)?的?|(?:该|本)行(?:里|中|上)?的?")
_ASKED_CLAIM = re.compile(
    "^(?:{hearsay_lead}|{heard_in_group})|(?:这个数字?|这个说法|这)?(?:吗|吧|呢|是真的吗|是不是真的|对吗|对不对)?\\?$".format(
        **load_data("question.toml")["pieces"]
    )
)  # what is no part of a claim asked about: who said it, the question mark
_CHECKED = re.compile(  # 准确增幅是多少, 麻烦对一下原文，准确数字是多少: the document's own figure, no item
    "准确|确切|具体|实际|到底|究竟|(?:麻烦|请|帮我)?(?:对一下|核对一下|核一下|核实一下|核实|核对|确认一下|查一下)(?:原文|文件)?|数字"
    "|(?:文件|文中|原文|说明)(?:里|中|上)?(?:写的|说的|印的)"  # 文件里写的增长率到底是多少: the document's own
)
_CHANGE_ASKED = re.compile(
    r"(?:增减|增加|减少|变化|变动)额|(?:上涨|下降|增加|减少|增长|降低|提高)的?(?:幅度|比例|百分比)|(?:上涨|下降|增加|减少|增长|降|涨|多|少|变)了?(?=百分之|多少|几)|(?:比|较)(?=20\d{2}年|上一?年|去年)|增幅|涨幅|降幅|减幅|增长率|增速|(?:变化|变动|增减|下降|增长)的?比例|变化|变动|幅度|增减|百分比|百分之几|百分之多少|保留[一二两三\d]位小数|[()]"
)


_READ_IN_DOCUMENT = re.compile(
    "的?(说明|文件|文中|报告|文字)?(里|中|上)?(讲了|提到了?|写了|说了|说是|写着|显示)[^,?;]*[,:;]?$"
)


_RELATIVE_YEAR = re.compile("上一?年度?|去年|前一年|今年|本年度?")


def stated_premise(text: str, cues: Cues) -> str:
    """`…三公经费预算是47.91万元，其中公务接待费是多少` asks 公务接待费 within the item the premise states (so does
    `…445.69万元里，…`); `…年初预算是0.95万元，那决算数是多少` the same item at another measure; `…支出为184.65万元，
    比2023年度增加了多少` and `…安排2,008万元，那它2021年的预算是多少` the item itself, the year the rest asks (a
    change the asker read in between is the document's). A premise followed by a question naming its own item only
    gives context."""
    m = cues["stated_premise"].match(text)
    if not m or cues["asking"].search(m.group("premise")):
        return text
    lead = "".join(_lead_kept(c) for c in (m.group("lead") or "").split(",") if c)
    if cues["asking"].search(lead):
        return text
    item, rest = _premise_item(m.group("premise")), m.group("rest")
    while (more := _MORE_STATED.match(rest)) and not cues["asking"].search(more.group(0)):
        rest = rest[more.end() :]  # 年初预算450.52万元，支出决算449.52万元的…: another figure of the item read
    inside = bool(m.group("inside"))
    while (said := cues["stated_change"].match(rest)) and _asks_on(said, rest[said.end() :], cues):
        inside, rest = inside or rest.startswith(("里面", "其中")), rest[said.end() :]  # 里面货物才3万多，…
    rest = cues["source_said"].sub("", _ASKER.sub("", re.sub("^(那么|那)", "", rest)))  # 想确认下文件里说它…
    rest = _REST_PUT_IN.sub("", rest)  # 其中基本支出…，其余列在项目支出的决算数: the item's 项目支出
    if cues["asked_year"].search(rest):
        item = cues["asked_year"].sub("", item)
    return lead + _premise_and_question(item, rest, inside, cues)


def _asks_on(said: re.Match[str], after: str, cues: Cues) -> bool:
    """Is something asked after what the asker read: an item of its own, or (after a figure that is no change:
    占本年支出合计的100.00%，比2023年度增减了多少) the premise's item compared."""
    own = _CHANGE_ASKED.sub("", cues["method"].sub("", after.lstrip("。.")))  # 。按此计算，增幅是多少: the change said
    if len(cues["bare_question"].sub("", own)) > 4 or cues["item_anaphor"].search(own):  # 。该科目的决算数是多少
        return True
    return not re.search("比|较", said.group(0)) and re.match("比|较|与|跟|同", after) is not None


_PLACE = re.compile(r"预算|决算|表|说明|公开|报告")
_SAID = re.compile(r"^[^,?]{0,30}?(说|讲|提到|写着|写|显示|称|表示)(了|的是|着)?")  # 说明里讲…: where the asker read it
_COMPARED = re.compile(r"(比|较|与|和|跟|同)[^,?]{0,16}?(增加|减少|增长|下降|多|少|持平|涨|降)了?$")


def _lead_kept(clause: str) -> str:
    """A clause before the premise: one naming the document or a table (财政局2024年决算中) keeps only its year."""
    return "".join(re.findall(r"20\d{2}年度?", clause)) if _PLACE.search(clause) else clause


_SPREAD = re.compile("(?:按|除以|平均到|摊到|分摊到)[^?]*?(?:人均|平均|摊|每一?个?人)")


def _premise_and_question(item: str, rest: str, inside: bool, cues: Cues) -> str:
    if "它" in rest:  # 绩效工资占它的百分之几: the premise's item
        return rest.replace("它", item, 1)
    row = _ROW_ANAPHOR.search(rest)  # 行政运行合计16,603,248元，可这一行的项目支出…: the premise's row
    if row:
        return f"{rest[: row.start()]}{re.sub('(合计|总计|小计)$', '', item)}的{rest[row.end() :]}"
    anaphor = cues["item_anaphor"].search(rest)  # …比2021年预算多了11万元，2021年这一项的预算是多少: the premise's item
    before = rest[: anaphor.start()] if anaphor else ""
    before = cues["bare_question"].sub("", cues["method"].sub("", cues["table_hint"].sub("", _ASKER.sub("", before))))
    if anaphor and not before:  # (not 购房补贴这一项: the name before it; 照这样推算，2021年这一项 is the premise's)
        named = _SAID.sub("", _COMPARED.sub("", item))
        mine, theirs = stages_named(rest, named)  # 该科目的调整预算数 after its 年初预算: the item at the stage asked
        named = named.replace(theirs, "") if mine and theirs and mine != theirs else named
        return rest[: anaphor.start()] + named + rest[anaphor.end() :]
    plain = _ASKER.sub("", rest)
    rest = plain if plain.startswith("其中") else rest  # 我想知道其中…: 其中…
    this = _THIS_COMPARED.match(plain)  # 我想知道这比2025年…增长了百分之多少: the premise's figure
    rest = rest if this is None else plain[this.end() :]
    # 公用经费合计184.65万元，其中A和B合计多少 (政府采购预算1486.42万元，货物、工程、服务三块各是多少): parts of 公用经费
    if inside or rest.startswith("其中") or parts_unnamed(rest):  # (…总计96,282,213.44元里，X占百分之几: the total's)
        whole = item if _SHARE_OF_IT.search(rest) else re.sub("(合计|总计|总额)$", "", item)
        return f"{whole}中{re.sub('^其中', '', rest)}"
    mine, theirs = stages_named(rest, item)  # …支出决算2940.05万元，对应的全年预算数: the item at another stage
    if not (mine and theirs):
        mine, theirs = measures_named(rest, item)
    if mine and theirs and mine != theirs:
        return item.replace(theirs, "") + rest
    own = cues["bare_question"].sub("", rest)
    starts = rest.startswith(("比", "较", "与", "和", "跟", "同", "相比", "相较", "对比", "占"))
    # …人员支出是895万元，按…人数来摊，人均多少: the premise's item averaged
    starts = starts or bool(_SPREAD.match(rest))
    if len(own) <= 4 or starts or not _names_item(rest, cues):  # …少了大概2%，准确的变动幅度是多少: the item's
        return f"{item}{rest}"
    # 事业编制15人，…比编制少几个 (not 三公经费预算10万元，公务接待费预算…: 费预算 is no head of 三公经费, the stage no word)
    head = next((item[i:] for i in range(1, len(item) - 1) if item[i:] in rest and not _STAGED.search(item[i:])), "")
    if any(head in w and w in rest for w in vocabulary().measure_words):
        return rest  # 政府投资项目2008万元，占…项目支出总额的比例: 项目 is a column's word there, not the item
    return f"{item}{rest.replace(head, item, 1)}" if 2 <= len(head) <= _SHORT_HEAD else rest


_SHARE_OF_IT = re.compile("占(?:比|百分之|多少|几|的?比[例重])")  # a share whose whole is not named: the premise's
_STAGED = re.compile("(预算|决算|数)$")
# a stage alone, after the department or its year (万里街道2024年预算): all of it
_WHOLE_STAGE = re.compile(r"(?:^|(?<=年)|(?<=年度)|(?<=的))(?:部门|单位|全年|全部)?(?:预算|决算)(?:总额|总数|数)?$")
_REST_PUT_IN = re.compile(
    "^其余(?:的|部分)?(?:都)?(?:列在|列入|计入|放在|归在|属于)"
)  # the rest, in the column it names
# another figure of the item stated (支出决算449.52万元的), not a change (比2023年预算减少876.75万元: stated_change's)
_MORE_STATED = re.compile(rf"^(?:(?!比|较|增|减|多|少|涨|降)[^,?。]){{0,12}}?{MONEY_STATED.pattern}(?:的|,|。)")
_THIS_COMPARED = re.compile("(这个数|这个|这笔钱?|这一?项|这)(?:是否|是不是|有没有)?(?=比|较|相比|相较|占)")
_ASKER = re.compile(  # …, and what the asker remembers of it (我记得比2023年降了2%左右: the premise's change, recalled)
    "^(我|我们)?(想知道|想问问?|想了解|想请教|请问|问一下|想(确认|核实|核对)一?下?|请(核实|核对|确认)(一下)?,?|请查一下"
    "|记得|印象中|印象里|好像|听说|据说)"
)
_SHORT_HEAD = 3  # a head of the premise's item this short (编制) stands for it; a longer one names the item itself


def operands_said(text: str, cues: Cues) -> str:
    """`用2022年机关运行经费预算和文中给的比上年增加额，重新算一下增长率`: the item with the change the document states,
    so the rate is asked of the item; `用…行政单位医疗2025年预算执行数和2026年预算数，重新算一下增长率`: the item's later
    year compared with its earlier one. Unchanged when the two figures are neither."""
    m = cues["operands_said"].match(text)
    if not m:
        return text
    what, other, rest = m.group("what"), m.group("other"), text[m.end() :]
    if cues["stated_change_named"].match(other):
        return what + rest
    first, second = _YEAR_STAGE.search(what), _YEAR_STAGE.fullmatch(other)
    if not (first and second):
        return text
    earlier, later = sorted((first, second), key=lambda y: int(y.group(1)))
    return f"{what[: first.start()]}{later.group(0)}比{earlier.group(0)}{rest}"


_YEAR_STAGE = re.compile(r"(20\d{2})年度?的?[^\d,?和与及]{1,8}$")  # 2025年预算执行数, at the end
