"""Hand-made facts mirroring real rows and sentences, for engine unit tests (no store, no model); and the four corpus
PDFs with the bundled Dapeng text in one real store (fake embedder: figures come from facts and BM25), per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.assistant import Assistant
from index.model import Fact, Provenance
from index.settings import Settings

DAPENG = "dapeng000000"
JUSTICE = "justice00000"


def table_fact(
    doc: str,
    table: str,
    row: str,
    column: str,
    subject: str,
    value: float,
    text: str,
    unit: str,
    quote: str,
    *,
    measure: str | None = None,
    year: int | None = 2022,
    code: str | None = None,
    page: int | None = None,
) -> Fact:
    prov = Provenance(
        doc_id=doc, locator=f"{table} · {row} · {column}", quote=quote, page=page, table=table, row=row, column=column
    )
    return Fact(
        subject=subject,
        measure=measure or column,
        value=value,
        unit=unit,
        source=prov,
        code=code,
        year=year,
        text=text,
        origin="table",
    )


def text_fact(
    doc: str,
    heading: str,
    subject: str,
    measure: str,
    value: float,
    text: str,
    unit: str,
    quote: str,
    *,
    year: int | None = 2022,
    page: int | None = None,
) -> Fact:
    prov = Provenance(doc_id=doc, locator=heading, quote=quote, page=page, section=heading)
    return Fact(
        subject=subject, measure=measure, value=value, unit=unit, source=prov, year=year, text=text, origin="text"
    )


@pytest.fixture
def dapeng_facts() -> list[Fact]:
    t7 = "表7 一般公共预算支出表（按功能分类）"
    t3 = "表3 支出总表"
    t8 = "表8 一般公共预算“三公”经费支出表"
    row7 = "2010302 一般行政管理事务 1,461 0 1,461"
    sec = "第三部分 部门预算支出具体情况 › 一、深圳市大鹏新区政务服务数据管理局 › （四）项目支出"
    inv = "7. 政府投资项目 2,008 万元，主要用于大鹏新区数据共享 2.0 项目。较 2021 年预算增加 583 万元，增幅 40.9%"
    return [
        table_fact(
            DAPENG,
            t7,
            "2010302 一般行政管理事务",
            "支出总计",
            "一般行政管理事务",
            1461,
            "1,461",
            "万元",
            row7,
            code="2010302",
        ),
        table_fact(
            DAPENG,
            t7,
            "2010302 一般行政管理事务",
            "项目支出",
            "一般行政管理事务",
            1461,
            "1,461",
            "万元",
            row7,
            code="2010302",
        ),
        table_fact(
            DAPENG, t7, "2010302 一般行政管理事务", "基本支出", "一般行政管理事务", 0, "0", "万元", row7, code="2010302"
        ),
        table_fact(
            DAPENG,
            t7,
            "2210201 住房公积金",
            "支出总计",
            "住房公积金",
            106,
            "106",
            "万元",
            "2210201 住房公积金 106 106 0",
            code="2210201",
        ),
        table_fact(
            DAPENG,
            t3,
            "深圳市大鹏新区政务服务数据管理局",
            "支出总计",
            "深圳市大鹏新区政务服务数据管理局",
            5883,
            "5,883",
            "万元",
            "深圳市大鹏新区政务服务数据管理局 5,883 1,239 4,644 457 457 0",
        ),
        table_fact(
            DAPENG,
            t3,
            "深圳市大鹏新区政务服务数据管理局",
            "项目支出",
            "深圳市大鹏新区政务服务数据管理局",
            4644,
            "4,644",
            "万元",
            "深圳市大鹏新区政务服务数据管理局 5,883 1,239 4,644 457 457 0",
        ),
        table_fact(
            DAPENG, t8, "2022 年", "公务接待费", "公务接待费", 2, "2", "万元", "2022 年 10 0 2 8 0 8", measure="预算数"
        ),
        table_fact(
            DAPENG,
            t8,
            "2021 年",
            "公务接待费",
            "公务接待费",
            2,
            "2",
            "万元",
            "2021 年 10 0 2 8 0 8",
            measure="预算数",
            year=2021,
        ),
        table_fact(
            DAPENG, t8, "2022 年", "总计", "“三公”经费", 10, "10", "万元", "2022 年 10 0 2 8 0 8", measure="预算数"
        ),
        table_fact(
            DAPENG,
            t8,
            "增减变化金额",
            "总计",
            "“三公”经费",
            0,
            "0",
            "万元",
            "增减变化金额 0 0 0 0 0 0",
            measure="比上年增减",
        ),
        table_fact(
            DAPENG,
            t8,
            "2022 年",
            "公务用车购置及运行维护费/小计",
            "公务用车购置及运行维护费",
            8,
            "8",
            "万元",
            "2022 年 10 0 2 8 0 8",
            measure="预算数",
        ),
        text_fact(DAPENG, sec, "政府投资项目", "预算数", 2008, "2,008", "万元", inv),
        text_fact(DAPENG, sec, "政府投资项目", "比上年增减", 583, "583", "万元", inv),
        text_fact(DAPENG, sec, "政府投资项目", "增长率", 40.9, "40.9%", "%", inv),
        text_fact(
            DAPENG,
            "第五部分 一般公共预算“三公”经费预算情况",
            "公务用车购置和运行维护费",
            "预算数",
            8.1,
            "8.1",
            "万元",
            "3.公务用车购置和运行维护费。2022年预算数8.1万元，其中：",
        ),
        text_fact(
            DAPENG,
            "第一部分 部门概况 › 二、机构设置情况",
            "行政编制总数",
            "人数",
            9,
            "9",
            "人",
            "行政编制总数 9 人，实有在编人数 9 人",
            year=None,
        ),
        text_fact(
            DAPENG,
            "第八部分 其他需要说明情况 › 二、国有资产占用情况",
            "车辆",
            "数量",
            2,
            "2",
            "辆",
            "共有车辆2辆",
            year=None,
        ),
    ]


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PDFS = {
    "justice": FIXTURES / "shanghai_putuo_justice_2026_dept_budget.pdf",
    "finance": FIXTURES / "shanghai_putuo_finance_2024_dept_final.pdf",
    "wanli": FIXTURES / "shanghai_putuo_wanli_street_2024_dept_budget.pdf",
    "welfare": FIXTURES / "shanghai_putuo_welfare_home_2024_unit_budget.pdf",
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    qa = Assistant.open(Settings(home=tmp_path_factory.mktemp("home"), embed_model="fake:64"))  # seeds Dapeng
    assert not qa.ingest(list(PDFS.values())).failed
    return qa


@pytest.fixture(scope="module")
def ids(qa: Assistant) -> dict[str, str]:
    """Document ids by short name: justice, finance, wanli, welfare, dapeng."""
    by_file = {d["file_name"]: d["doc_id"] for d in qa.documents()}
    named = {key: by_file[path.name] for key, path in PDFS.items()}
    named["dapeng"] = next(v for k, v in by_file.items() if "dapeng" in k)
    return named
