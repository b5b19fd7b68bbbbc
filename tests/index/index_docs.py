"""Hand-built Documents and a file-backed fake reader for store/ingest tests (no parser involved)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from index.errors import ReadError
from index.model import Document, Fact, Provenance, Section, Table

GP_HEADER = ["科目编码", "科目名称", "支出总计", "基本支出", "项目支出"]


def make_doc(
    sha256: str, *, department: str = "深圳市大鹏新区政务服务数据管理局", year: int = 2022, name: str = "a.txt"
) -> Document:
    """A small 部门预算 with one narrative section, one function-classified table and two facts."""
    doc_id = sha256[:12]
    table = Table(
        title="一般公共预算支出表（按功能分类）",
        kind="gp_function",
        unit="万元",
        header=list(GP_HEADER),
        rows=[
            ["2010302", "一般行政管理事务", "1,461", "0", "1,461"],
            ["2080505", "机关事业单位基本养老保险缴费支出", "94", "94", "0"],
            ["2210201", "住房公积金", "87", "87", "0"],
        ],
        row_pages=[5, 5, 6],
        pages=[5, 6],
        number="表7",
    )
    section = Section(
        heading_path=("第三部分 部门预算支出具体情况", "一、支出总体情况"),
        text="2022年部门预算支出5,883万元。其中基本支出1,100万元，项目支出4,783万元。政府投资项目预算1,200万元，用于政务大厅改造。",
        page=3,
    )
    locator = "表7 一般公共预算支出表（按功能分类） · 2010302 一般行政管理事务 · 支出总计"
    facts = [
        Fact(
            "一般行政管理事务",
            "支出总计",
            1461.0,
            "万元",
            Provenance(
                doc_id,
                locator,
                "2010302 一般行政管理事务 1,461",
                5,
                table.label,
                "gp_function",
                "2010302 一般行政管理事务",
                "支出总计",
            ),
            code="2010302",
            code_level="项",
            year=year,
            text="1,461",
        ),
        Fact(
            "住房公积金",
            "支出总计",
            87.0,
            "万元",
            Provenance(
                doc_id,
                "表7 … · 2210201 住房公积金 · 支出总计",
                "2210201 住房公积金 87",
                6,
                table.label,
                "gp_function",
                "2210201 住房公积金",
                "支出总计",
            ),
            code="2210201",
            year=year,
            text="87",
        ),
    ]
    return Document(
        doc_id=doc_id, title=f"{department}{year}年部门预算", department=department, year=year, stage="预算", scope="部门",
        file_name=name, sha256=sha256, page_count=None, sections=[section], tables=[table], facts=facts,
    )  # fmt: skip


def write_files(folder: Path, count: int) -> list[Path]:
    """`count` distinct small files (content decides sha256, department and year)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"doc{i}.txt"
        path.write_text(f"department=测试部门{i}\nyear={2020 + i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def fake_reader(path: Path) -> Document:
    """Build a Document from a file written by `write_files`; files containing 'BROKEN' fail to read."""
    data = path.read_bytes()
    text = data.decode("utf-8")
    if "BROKEN" in text:
        raise ReadError(path, "not a budget disclosure")
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    sha = hashlib.sha256(data).hexdigest()
    return make_doc(
        sha, department=fields.get("department", "部门"), year=int(fields.get("year", 2022)), name=path.name
    )
