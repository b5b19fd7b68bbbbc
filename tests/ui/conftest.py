"""Fixtures for the chat page: the page around the real Assistant (temp store, fast fake embedder), or a fake one."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from assistant.answer_types import Answer, Citation
from assistant.assistant import IngestReport, Progress
from index.embed import FAKE_PREFIX
from index.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
JUSTICE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_justice_2026_dept_budget.pdf"
WELFARE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_welfare_home_2024_unit_budget.pdf"

SAMPLE = {
    "doc_id": "dapeng000001",
    "title": "深圳市大鹏新区政务服务数据管理局2022年部门预算",
    "department": "深圳市大鹏新区政务服务数据管理局",
    "year": 2022,
    "stage": "预算",
    "scope": "部门",
    "file_name": "shenzhen_dapeng_data_bureau_2022_dept_budget.txt",
    "page_count": None,
    "sections": 30,
    "tables": 15,
    "facts": 400,
    "warnings": [],
}


class FakeAssistant:
    """Same methods as `assistant.Assistant`; answers one known question, refuses files that are not text."""

    def __init__(self) -> None:
        self.docs: list[dict[str, Any]] = [dict(SAMPLE)]
        self.asked: list[tuple[str, Any, tuple[tuple[str, str], ...]]] = []
        self.lock = threading.Lock()

    def ask(
        self, question: str, doc: str | Sequence[str] | None = None, history: Sequence[tuple[str, str]] = ()
    ) -> Answer:
        with self.lock:
            self.asked.append((question, doc, tuple(history)))
        if "政府投资" in question:
            cite = Citation(
                doc="dapeng000001",
                title=SAMPLE["title"],
                locator="表12 政府投资项目预算表 · 合计 · 预算数",
                page=None,
                quote="合计\t2,008",
                header=("项目名称", "预算数"),
                row=("合计", "2,008"),
            )
            return Answer(
                question=question, answer="政府投资项目预算 2,008 万元。", value=2008.0, unit="万元", citations=[cite]
            )
        return Answer(question=question, answer="文档中没有给出这一项。", abstained=True)

    def ingest(self, paths: Iterable[Path], *, rebuild: bool = False, progress: Progress | None = None) -> IngestReport:
        report = IngestReport()
        paths = list(paths)
        for i, path in enumerate(paths):
            if progress:
                progress(i, len(paths), f"读取 {path.name}")
            if not path.read_bytes().startswith(b"%PDF"):
                report.failed.append((path.name, "不是可读的 PDF 文件"))
                continue
            summary = {
                **SAMPLE,
                "doc_id": f"fake{i:08d}",
                "department": "上海市普陀区司法局",
                "year": 2026,
                "file_name": path.name,
            }
            self.docs.append(summary)
            report.added.append(summary)
        return report

    def documents(self) -> list[dict[str, Any]]:
        return list(self.docs)

    def remove(self, doc_id: str) -> None:
        self.docs = [d for d in self.docs if d["doc_id"] != doc_id]

    def example_questions(self, doc_id: str | None = None) -> list[str]:
        return ["政府投资项目预算多少", "三公经费比上年增加多少"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def fake_assistant() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture
def fake_page(fake_assistant: FakeAssistant) -> Iterator[str]:
    """The page around the fake Assistant; yields its URL."""
    from assistant.ui import Runtime, build_app, launch

    demo = build_app(Runtime.ready(fake_assistant))
    port = free_port()
    launch(demo, port=port, block=False)
    time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page around a real Assistant in a temp store; it seeds the bundled sample in the background.

    The hashed-n-gram fake embedder keeps this fast; answers come from the same facts and BM25 either way.
    """
    from assistant.assistant import Assistant
    from assistant.ui import Runtime, build_app, launch

    settings = Settings(home=tmp_path_factory.mktemp("budgetqa_home"), embed_model=f"{FAKE_PREFIX}64")
    runtime = Runtime.opening(lambda progress: Assistant.open(settings, seed_sample=True, progress=progress))
    demo = build_app(runtime)
    port = free_port()
    launch(demo, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    demo.close()
