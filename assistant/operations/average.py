"""An amount averaged over what a document counts: the vehicles (`公务用车运行费预算，平均到每辆车多少万元`,
`用公务用车运行费预算除以现有车辆数`) or the persons the question names (`人员支出按行政编制和事业编制的实有在编
人数加总来平均，每人多少万元`).

The amount and the count are each looked up as their own question (`公务用车运行费预算是多少`, `共有车辆几辆`,
`行政编制和事业编制的实有在编人数加总是多少人`) and divided; both are cited and the formula shown. A document that
prints either not at all gets no answer, and so does a head count the question does not name (人均 of which 编制?).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.analyze import Query, analyze
from assistant.answer_types import Answer
from assistant.compose import format_value
from assistant.lexicon import MONEY_STATED
from assistant.operations.arithmetic import lookup_or_total, sum_of
from assistant.operations.base import Context, abstain
from assistant.operations.computed import worked_out
from assistant.operations.lookup import lookup
from assistant.scope import find_mentions
from index.model import MONEY_UNITS, convert_money

_VEHICLES_COUNTED = "共有车辆几辆"
_VEHICLES = re.compile("车辆|每一?辆")
_PERSONS = re.compile("人数|编制|在编|在职|职工|员工|干部")
_LEAD_IN = re.compile("(如果|按照?|以|平均|分摊|摊到|摊|下来)+$")
_MONEY_WORD = re.compile("费|钱|支出|资金|预算")
_CARS_COST = re.compile("(?<![车辆])(运行费|运行维护费|购置费|购置及运行费)")  # a cost averaged over cars is theirs
_AMOUNT_AFTER = re.compile(
    r"每一?辆车?(?:头上)?(?:一年|每年|全年)?的?(?P<amount>[^,?]{2,16}?)(?:大约|大概|约)?(?:是|为|有)?多少"
)
# `用A除以B`, `A按B平均`: the amount before, the count after
_DIVIDED = re.compile(
    r"(?:^|[,:])(?:想算算?[^,:]{0,12}[,:])?(?:用|拿|把)?的?(?P<amount>[^,:]{2,40}?),?(?:除以|按照?|以)(?P<count>[^,]{2,40}?)(?:来|进行)?(?:平均|分摊|摊|[,]|$)"
)


def _split(asked: str, person: bool) -> tuple[str, str | None]:
    """(the amount asked, the count it is divided by as a question, or None for the vehicles counted)."""
    divided = _DIVIDED.search(asked)
    named = divided is not None and (_PERSONS if person else _VEHICLES).search(divided.group("count")) is not None
    if divided is not None and named:
        return divided.group("amount") + "是多少", (_head_count(divided.group("count")) if person else None)
    vehicles = _VEHICLES.search(asked)
    if vehicles is None or person:
        return asked, None
    clause = asked.rfind(",", 0, vehicles.start())
    own = _LEAD_IN.sub("", asked[clause + 1 : vehicles.start()])  # 一年下来的运行费摊到每辆车头上: in the clause
    if _MONEY_WORD.search(own):
        return own + "是多少", None
    if clause >= 0:  # 公务用车运行费预算10万元，平均到每辆车多少: the clause before
        return _LEAD_IN.sub("", asked[:clause]) + "是多少", None
    after = _AMOUNT_AFTER.search(
        asked, vehicles.start()
    )  # 按…实有车辆数来算，平均每辆车一年的运行费: after the vehicles
    return (after.group("amount") if after else own) + "是多少", None


def _head_count(count: str) -> str:
    """The question for a head count the asker divides by (行政编制和事业编制的实有在编人数加总是多少人): two or more
    counts named are added."""
    count = re.sub("(加总|加起来|合计|之和)?(来|进行)?$", "", count)
    return f"{count}{'加总' if re.search('和|与|加', count) else ''}是多少人"


def per_vehicle(query: Query, ctx: Context) -> Answer:
    amount, count = _split(query.norm.split("|")[0], person=False)
    amount = _CARS_COST.sub(r"公务用车\1", amount)  # 运行费摊到每辆车头上: the cars' 运行费
    return _averaged(query, ctx, amount, count or _VEHICLES_COUNTED, "辆")


# `（…人员支出895万元，）按行政编制和事业编制的实有在编人数合计计算，…人均人员支出是多少`: the head count said first,
# then the amount per head
_COUNT_FIRST = re.compile(
    r"(?:^|(?<=[,:年]))(?:如果)?(?:按照?|以|用)(?:文中)?(?:的)?(?P<count>[^,?]{2,40}?)(?:合计|加总|之和|合起来|加起来)?"
    r"(?:来|进行)?(?:计算|来算|算|平均|分摊),"
    r"(?P<amount>[^?]*?)(?:人均|平均每人|每人平均|每人)(?P<rest>[^?]*)"
)


def per_person(query: Query, ctx: Context) -> Answer:
    first = _COUNT_FIRST.search(query.asked)
    if first and _PERSONS.search(first.group("count")):
        # 人员支出895万元，如果按…来平均，每人…: the amount said before the count, its figure the document's to give
        before = query.asked[: first.start()].rsplit(":", 1)[-1]
        said = first.group("amount") or MONEY_STATED.sub("", before).rstrip(",")
        found, _ = find_mentions(said, {d: d for d in ctx.departments})  # the department, named in full
        said = (said.replace(found[0][1], "") or said) if found else said
        amount = (said + first.group("rest")).replace("人均", "")
        return _averaged(query, ctx, amount, _head_count(first.group("count")), "人")
    amount, count = _split(query.norm.split("|")[0], person=True)
    if count is None:  # 人均 with no head count named: which one is not ours to choose
        return abstain(query)
    return _averaged(query, ctx, amount, count, "人")


def per_project(query: Query, ctx: Context) -> Answer:
    """`编报绩效目标的项目平均每个涉及预算金额多少万元`: the amount of the projects named over how many they are."""
    asked = query.norm.split("|")[0]
    m = _PROJECTS.search(asked)
    if m is None:
        return abstain(query)
    projects = m.group("set")
    return _averaged(query, ctx, asked[: m.start()] + projects + asked[m.end() :], f"{projects}有几个", "个")


# the projects named, then the average asked (…的项目平均每个涉及…, …的项目每个项目平均…)
_PROJECTS = re.compile(r"(?P<set>[^,:?]*?项目)的?,?(?:平均每一?个(?:项目)?|平均每项|每一?个(?:项目)?平均)的?")
_DIVISORS = {"人": "人数", "个": "项目"}  # the divisor's name when its answer names none (the vehicles are 车辆)
_INTENTS = {"人": "per_person", "辆": "per_vehicle", "个": "per_project"}


def _averaged(query: Query, ctx: Context, amount_text: str, count_text: str, counted: str) -> Answer:
    """`amount_text` (a question for the amount) over `count_text` (one for the count, in `counted`)."""
    years, doc_years = query.years, query.doc_years
    amount_q = replace(analyze(amount_text), years=years, doc_years=doc_years, relative_year=query.relative_year)
    count_q = replace(analyze(count_text), years=years, doc_years=doc_years, as_of=query.as_of)
    # the count as `budgetqa ask` gives it: a department's staff are those of all its parts (行政 and 事业 实有在编)
    amount, count = lookup(amount_q, ctx), (sum_of if count_q.intent == "sum" else lookup_or_total)(count_q, ctx)
    if amount.abstained or count.abstained or amount.value is None or not count.value:
        return abstain(query)
    if amount.unit not in MONEY_UNITS or count.unit != counted:
        return abstain(query)
    unit = query.unit if query.unit in MONEY_UNITS else amount.unit
    total = convert_money(amount.value, amount.unit, unit)
    value = round(total / count.value, 2 if query.round is None else query.round)
    subject = amount.subject or re.sub(r"\d.*$", "", amount.answer)
    divisor = "车辆" if counted == "辆" else count.subject or _DIVISORS[counted]
    formula = (
        f"{subject}{format_value(total, unit)}{unit} ÷ {divisor}{format_value(count.value, counted)}{counted}"
        f" = {format_value(value, unit, places=query.round)}{unit}"
    )
    cites = [*amount.citations, *count.citations]
    answer = worked_out(query, _INTENTS[counted], cites, value, unit, formula, subject=subject)
    answer.year = amount.year
    return answer
