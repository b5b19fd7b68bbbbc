"""Questions the bundled sample cannot answer get no number (issue: numbers where the document is silent).

Per-capita, quarterly or monthly, foreign-currency, future or uncovered years, other departments and items the
disclosure does not have: every answer abstains and carries no figure (a refusal may name a year).
"""

from __future__ import annotations

import re

import pytest

from assistant.assistant import Assistant
from index.settings import Settings

SILENT = [
    # per-capita and averages: the disclosure prints totals only
    "工作人员平均工资是多少",
    "人均办公经费多少",
    "人员编制9名，工作人员的平均工资是多少",
    "每个在编人员平均花多少钱",
    "人均三公经费是多少万元",
    # periods other than the year
    "2022年第三季度项目支出多少",
    "上半年政府投资项目花了多少",
    "3月份的办公费是多少",
    "每月的物业管理费多少元",
    "下半年信息化运维项目预算多少",
    # other currencies
    "公务出国经费多少美元",
    "政府投资项目预算折合多少美元",
    "三公经费是多少欧元",
    # years the document does not cover and cannot derive
    "下一年度政府投资项目预算多少",
    "2023年部门预算收入是多少",
    "2019年政府投资项目预算是多少",
    "2025年三公经费预算是多少",
    "明年的项目支出预算多少",
    # other departments
    "万里街道的三公经费是多少",
    "普陀区司法局的住房公积金预算多少",
    "福利院的事业收入是多少",
    # items the disclosure does not have
    "体育场馆建设支出多少",
    "大鹏数据局的土地出让收入是多少",
    "国有资本经营预算收入中的股利收入是多少",
    "大鹏数据局有多少个公务员是博士",
    "大鹏数据局办公楼的面积是多少平方米",
]


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return Assistant.open(Settings(home=tmp_path_factory.mktemp("home"), embed_model="fake:64"))  # the sample only


def test_there_are_enough_silent_questions() -> None:
    assert len(SILENT) >= 25


@pytest.mark.parametrize("question", SILENT)
def test_no_number_where_the_document_is_silent(qa: Assistant, question: str) -> None:
    ans = qa.ask(question)
    assert ans.abstained and ans.value is None, (question, ans.answer)
    assert not re.search(r"\d", re.sub(r"20\d\d年", "", ans.answer)), (question, ans.answer)
