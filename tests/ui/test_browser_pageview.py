"""The cited page in a real headless Chromium: click `[1]` in an answer, see the page crop with the cell boxed.

Putuo 司法局 2026 (uploaded): 住房公积金 2087959.00 元, row 221 02 01 on pages 11, 13, 16, 19. The red box
found in the image the browser shows must sit on the fact's own bbox (read here from the PDF, independently
of the page), scaled by the crop's pixels per point. The Dapeng sample (a text file) shows its lines instead.
Screenshots (1400×1250 and 390×844) go to the git-ignored test-output/ for people to look at.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import pytest

from assistant.ui_pageview import BOX_WIDTH
from index.read.document import read_document
from tests.ui.support import CHROMIUM, CHROMIUM_ARGS, JUSTICE_PDF, SHOTS
from tests.ui.test_browser import WAIT_MS, amounts, ask
from tests.ui.test_pageview import red_box

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make chromium)"),
]

CLICK_MARK_JS = """
([text]) => {
  const bots = document.querySelectorAll('#chat .message.bot');
  const walker = document.createTreeWalker(bots[bots.length - 1], NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + 1);
    range.setEnd(node, at + 2);
    const r = range.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }
  return null;
}
"""


@pytest.fixture
def browser(page_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def click_mark(page: object, n: int) -> None:
    """Click the `[n]` printed in the latest answer (the text itself, not a chip)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.locator("#chat .message.bot").last.scroll_into_view_if_needed()
    point = page.evaluate(CLICK_MARK_JS, [f"[{n}]"])
    assert point, f"[{n}] not found in the answer"
    page.mouse.click(point[0], point[1])


def test_click_on_a_mark_shows_the_page_with_the_cell_boxed(browser: object, page_url: str) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1250}, locale="zh-CN")
    page.goto(page_url)
    expect(page.locator("#status")).to_contain_text("文档库：1 份文档", timeout=WAIT_MS)

    # the text sample: the lines around the cited line, that line marked
    ask(page, "政府投资项目预算多少")
    click_mark(page, 1)
    expect(page.locator("#source .text-line.cited")).to_contain_text("政府投资项目", timeout=WAIT_MS)
    expect(page.locator("#source .source-quote mark")).to_have_count(1)

    page.locator("#upload input[type=file]").set_input_files(str(JUSTICE_PDF))
    expect(page.locator("#upload-status")).to_contain_text("已添加", timeout=WAIT_MS)
    page.locator("#scope").get_by_label("上海市普陀区司法局 2026年 预算").check()
    answer = ask(page, "住房公积金预算多少元")
    assert "2,087,959.00元" in amounts(answer), answer

    click_mark(page, 1)
    crop = page.locator("#source img.page-crop")
    expect(crop).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#citation-chips label.selected")).to_contain_text("[1]")
    expect(page.locator("#source .source-quote mark")).to_have_text("2087959.00")
    expect(page.locator("#source .source-row caption")).to_have_text("单位：元")
    expect(page.locator("#source .page-whole summary")).to_contain_text("打开整页")

    page_no = int(crop.get_attribute("data-page") or 0)
    shown_bbox = tuple(float(v) for v in (crop.get_attribute("data-bbox") or "").split(","))
    crop_box = tuple(float(v) for v in (crop.get_attribute("data-crop") or "").split(","))
    scale = float(crop.get_attribute("data-scale") or 0)
    # the fact, read from the PDF here: the cited 住房公积金 cell on that page
    facts = [
        f
        for f in read_document(JUSTICE_PDF).facts
        if f.subject == "住房公积金" and f.text == "2087959.00" and f.source.page == page_no and f.source.bbox
    ]
    assert page_no in (11, 13, 16, 19) and facts, page_no
    bbox = next(
        f.source.bbox
        for f in facts
        if f.source.bbox and max(abs(a - b) for a, b in zip(f.source.bbox, shown_bbox, strict=True)) < 0.01
    )
    src = crop.get_attribute("src") or ""
    png = base64.b64decode(src.split(",", 1)[1])
    got = red_box(png)
    want = [(v - crop_box[i % 2]) * scale for i, v in enumerate(bbox)]
    for g, w, sign in zip(got, want, (-1, -1, 1, 1), strict=True):
        assert abs(g - (w + sign * 2)) <= BOX_WIDTH, (got, want)
    # and on screen: the box lies inside the shown image, where the scaled bbox says
    rect = crop.bounding_box()
    natural = page.evaluate("img => [img.naturalWidth, img.naturalHeight]", crop.element_handle())
    assert rect is not None and natural[0] > 0
    ratio = rect["width"] / natural[0]
    left = rect["x"] + want[0] * ratio
    assert rect["x"] <= left <= rect["x"] + rect["width"]

    crop.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "page_view_desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    narrow = page.locator("#source img.page-crop-narrow")
    expect(narrow).to_be_visible()
    expect(crop).to_be_hidden()
    narrow.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "page_view_mobile.png"))
    assert (SHOTS / "page_view_mobile.png").stat().st_size > 10_000
    page.close()


def test_reload_keeps_the_conversation_and_exports_parse(browser: object, page_url: str) -> None:
    import csv
    import io

    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1400, "height": 1250}, locale="zh-CN")
    page.goto(page_url)
    expect(page.locator("#status")).to_contain_text("份文档", timeout=WAIT_MS)
    answer = ask(page, "深圳市大鹏新区政务服务数据管理局政府投资项目预算多少")
    assert "2,008万元" in amounts(answer), answer

    page.reload()
    bot = page.locator("#chat .message.bot")
    expect(bot).to_have_count(1, timeout=WAIT_MS)
    expect(bot.first).to_contain_text("2,008")
    expect(page.locator("#chat .message.user").first).to_have_text(
        "深圳市大鹏新区政务服务数据管理局政府投资项目预算多少"
    )
    expect(page.locator("#citation-chips label").first).to_contain_text("政府投资项目", timeout=WAIT_MS)
    click_mark(page, 1)  # the restored answer's [1] still opens its source
    expect(page.locator("#source .source-quote mark")).to_have_text(re.compile(r"^2,?008$"), timeout=WAIT_MS)

    page.locator("#export").click()
    links = page.locator("#export-files a")
    expect(links).to_have_count(2, timeout=WAIT_MS)
    files = {}
    for i in range(2):
        href = links.nth(i).get_attribute("href") or ""
        body = page.request.get(href).body().decode("utf-8-sig")
        files[".csv" if "csv" in href else ".md"] = body
    rows = list(csv.DictReader(io.StringIO(files[".csv"])))
    assert rows and rows[0]["question"] == "深圳市大鹏新区政务服务数据管理局政府投资项目预算多少"
    assert float(rows[0]["value"]) == 2008 and rows[0]["unit"] == "万元"
    assert (
        rows[0]["document"] == "深圳市大鹏新区政务服务数据管理局2022年部门预算" and "政府投资项目" in rows[0]["quote"]
    )
    assert "## 1. 深圳市大鹏新区政务服务数据管理局政府投资项目预算多少" in files[".md"]
    assert "来源：" in files[".md"] and "政府投资项目" in files[".md"].split("来源：", 1)[1]

    kept = "localStorage.getItem('budgetqa-conversation')"
    before = page.evaluate(kept)
    assert before, "the conversation is in the browser's storage"
    page.locator("#clear").click()
    expect(bot).to_have_count(0, timeout=WAIT_MS)
    page.wait_for_function(f"before => {kept} !== before", arg=before, timeout=WAIT_MS)
    page.reload()
    expect(page.locator("#status")).to_contain_text("份文档", timeout=WAIT_MS)
    page.wait_for_timeout(1500)
    assert page.locator("#chat .message").count() == 0, "a cleared conversation stays cleared"
    page.close()


def test_overview_tab_draws_charts_and_opens_a_figure_source(browser: object, page_url: str) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 1400, "height": 1250}, locale="zh-CN")
    page.goto(page_url)
    expect(page.locator("#status")).to_contain_text("份文档", timeout=WAIT_MS)
    page.locator("#upload input[type=file]").set_input_files(str(JUSTICE_PDF))
    expect(page.locator("#upload-status")).to_contain_text(re.compile("已添加|已存在"), timeout=WAIT_MS)

    page.get_by_role("tab", name="文档概览").click()
    overview = page.locator("#overview")
    # the sample (first document): 收入总计/支出总计 5,883 万元, 基本支出 1,239 and 项目支出 4,644
    expect(overview.locator("img.ov-chart")).to_have_count(2, timeout=WAIT_MS)
    expect(overview.locator(".ov-fig", has_text="4,644")).to_have_count(1)

    page.locator("#overview-doc input").click()
    page.get_by_role("option", name="上海市普陀区司法局 2026年 预算").click()
    expect(overview).to_contain_text("支出（按功能分类）", timeout=WAIT_MS)
    assert overview.locator("img.ov-chart").count() >= 3
    expect(overview.locator(".ov-fig", has_text="87267272.44")).to_have_count(1)  # 公共安全支出
    overview.locator(".ov-fig", has_text="87267272.44").click()
    source = page.locator("#overview-source")
    expect(source.locator("img.page-crop")).to_be_visible(timeout=WAIT_MS)
    expect(source.locator(".source-quote mark")).to_have_text("87267272.44")
    page.screenshot(path=str(SHOTS / "overview.png"), full_page=True)
    page.close()


def test_phone_layout_puts_the_chat_first_and_folds_the_documents(browser: object, page_url: str) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page.goto(page_url)
    expect(page.locator("#status")).to_contain_text("份文档", timeout=WAIT_MS)
    expect(page.locator("#scope")).to_be_hidden(timeout=WAIT_MS)
    chat, panel = page.locator("#chat").bounding_box(), page.locator("#docs-panel").bounding_box()
    assert chat and panel and chat["y"] < panel["y"]
    assert panel["y"] - (chat["y"] + chat["height"]) < 700, "the folded panel sits right under the chat's controls"
    page.locator("#docs-panel > button").first.click()
    expect(page.locator("#scope")).to_be_visible(timeout=WAIT_MS)
    page.screenshot(path=str(SHOTS / "phone_layout.png"), full_page=True)
    page.close()
