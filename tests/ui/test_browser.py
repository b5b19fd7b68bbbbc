"""The chat page in a real headless Chromium (Debian's /usr/bin/chromium) over a real Assistant.

Figures read from the documents: Dapeng 2022 政府投资项目 2,008 万元; Putuo 司法局 2026 住房公积金
2087959.00 元 (row 221 02 01 / 301 13 on pages 11, 13, 16, 19; the text says 208.8万元).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.support import CHROMIUM, CHROMIUM_ARGS, JUSTICE_PDF, SHOTS

WAIT_MS = 60_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make chromium)"),
]


@pytest.fixture
def page(page_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        tab.goto(page_url)
        yield tab
        browser.close()


def ask(page: object, question: str) -> str:
    """Type a question, wait for the streamed answer to finish and its chips to appear; the answer text."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    answers = page.locator("#chat .message.bot")
    before = answers.count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    expect(answers).to_have_count(before + 1, timeout=WAIT_MS)
    expect(answers.last).to_contain_text("来源", timeout=WAIT_MS)  # the streamed answer is complete
    expect(page.locator("#citation-chips label").first).to_be_visible(timeout=WAIT_MS)
    return answers.last.inner_text()


def amounts(text: str) -> str:
    return re.sub(r"(\d)\s+(万?元)", r"\1\2", text)


def test_ask_check_citation_upload_and_ask_again(page: object, tmp_path: Path) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    expect(page.locator("#status")).to_contain_text("文档库：1 份文档", timeout=WAIT_MS)
    expect(page.locator("#documents")).to_contain_text("深圳市大鹏新区政务服务数据管理局")

    answer = ask(page, "政府投资项目预算多少")
    assert "2,008万元" in amounts(answer)

    page.locator("#citation-chips label").first.click()
    source = page.locator("#source")
    expect(source.locator(".source-quote")).to_contain_text("政府投资项目", timeout=WAIT_MS)
    expect(source.locator("table.source-row")).to_contain_text("政府投资项目")
    expect(source).to_contain_text("深圳市大鹏新区政务服务数据管理局2022年部门预算")

    page.locator("#upload input[type=file]").set_input_files(str(JUSTICE_PDF))
    # one Chinese progress line while the 23-page PDF is read and indexed, no English or progress overlays
    expect(page.locator("#upload-status .bq-line")).to_contain_text(
        re.compile("读取并识别表格|建立索引"), timeout=WAIT_MS
    )
    assert not re.search(r"indexing|reading|steps|%", page.locator("body").inner_text())
    expect(page.locator("#upload-status")).to_contain_text("已添加", timeout=WAIT_MS)
    expect(page.locator("#documents")).to_contain_text("上海市普陀区司法局")
    expect(page.locator("#documents")).to_contain_text("23页")
    expect(page.locator("#status")).to_contain_text("文档库：2 份文档")

    page.locator("#scope").get_by_label("上海市普陀区司法局 2026年 预算").check()
    answer = ask(page, "住房公积金预算多少")
    assert "2,087,959.00元" in amounts(answer) or "208.80万元" in amounts(answer), answer
    assert "深圳" not in answer  # scope: only the selected document

    page.locator("#citation-chips label").first.click()
    expect(page.locator("#source .source-quote")).to_contain_text("住房公积金", timeout=WAIT_MS)
    # the PDF prints this amount on pages 11, 13, 16 and 19 (four tables); any of them is a checkable source
    expect(page.locator("#source .source-meta")).to_contain_text(re.compile(r"第(11|13|16|19)页"))

    # clicking an earlier answer brings back its citation chips
    page.locator("#chat .message.bot").first.click()
    expect(page.locator("#citation-chips label").first).to_contain_text("政府投资项目", timeout=WAIT_MS)
    page.locator("#citation-chips label").first.click()
    expect(page.locator("#source table.source-row")).to_contain_text("政府投资项目", timeout=WAIT_MS)

    # an example question fills the box
    page.locator("#examples button").first.click()
    expect(page.locator("#question textarea")).not_to_have_value("", timeout=WAIT_MS)

    shot = tmp_path / "chat_page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    SHOTS.mkdir(exist_ok=True)  # git-ignored; copy it to docs/screenshot.png by hand when the page changes
    shutil.copyfile(shot, SHOTS / "chat_page.png")


def test_welcome_examples_and_a_calm_empty_submit(page: object) -> None:
    """An empty chat welcomes with what can be asked, the loaded documents and three clickable examples; clicking
    提问 with nothing typed only shows a hint (no error overlay or toast); clicking an example asks it."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    chat = page.locator("#chat")
    expect(chat).to_contain_text("我可以回答关于已载入的部门预算", timeout=WAIT_MS)
    expect(chat).to_contain_text("深圳市大鹏新区政务服务数据管理局 2022年部门预算")
    examples = chat.locator(".examples button.example")
    expect(examples).to_have_count(3, timeout=WAIT_MS)

    page.locator("#send").click()
    expect(page.locator("#hint")).to_contain_text("请先输入问题", timeout=WAIT_MS)
    page.wait_for_timeout(1000)  # an error toast or overlay would be up by now
    assert page.locator(".toast-body").count() == 0
    assert page.get_by_text("错误", exact=True).count() == 0 and page.get_by_text("Error", exact=True).count() == 0
    assert chat.locator(".message").count() == 0, "nothing was added to the conversation"

    example = examples.first.inner_text().strip()
    examples.first.click()
    expect(chat.locator(".message.user").first).to_have_text(example, timeout=WAIT_MS)
    expect(chat.locator(".message.bot").last).to_contain_text("来源", timeout=WAIT_MS)
    expect(page.locator("#hint")).to_have_text("")
    page.screenshot(path=str(SHOTS / "welcome_example.png"), full_page=True)
