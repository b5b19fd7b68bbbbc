"""HTML from documents and questions is shown as text, never rendered (headless Chromium over a real Assistant).

`data/payload_2023_dept_budget.txt` is a small budget text whose title and narrative quote the payloads:
a remote `<img>`, a `<form>` with a password box, a full-screen `position:fixed` div, autoplay
`<video>`/`<audio>` with remote sources, an `<a href>` to another host, `<script>`, an event handler,
and Markdown images/links and a bare `www.` address. Open questions quote them in the answer and the
source panel; a question carries them too. Nothing may render as an element, no dialog may open,
and no request may go to any host but the app's (every request is logged and foreign ones aborted).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from index.embed.hashed import FAKE_PREFIX
from index.settings import Settings
from tests.ui.support import CHROMIUM, CHROMIUM_ARGS, PAYLOAD_TXT, free_port

WAIT_MS = 60_000
PAYLOAD_QUESTION = (
    "<img src=http://203.0.113.9/q.png><form action=http://203.0.113.9/f><input type=password></form>"
    '<div style="position:fixed;inset:0;background:red">覆盖</div><video autoplay src=http://203.0.113.9/q.mp4>'
    "</video><audio autoplay src=http://203.0.113.9/q.mp3></audio><a href=http://203.0.113.9/q>点我</a>"
    "<script>alert(2)</script><b onmouseover=alert(3)>悬停</b>![i](http://203.0.113.9/m.png) 政府投资项目预算多少"
)
OPEN_QUESTIONS = ["网页代码审查项目主要用于审查哪些内容", "小程序网页代码审查主要用于什么"]
# Elements no document or question may create anywhere on the page (Gradio's own page has only inline
# `data:` images).
FORBIDDEN = (
    "img:not([src^='data:']), form, input[type=password], video, audio, iframe, object, embed, [onmouseover], [onerror]"
)
SCAN = """(selector) => {
  const area = innerWidth * innerHeight;
  const overlays = [...document.querySelectorAll('body *')].filter(el => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.position === 'fixed' && s.display !== 'none' && r.width * r.height > 0.25 * area;
  }).map(el => el.outerHTML.slice(0, 160));
  const links = [...document.querySelectorAll('a[href]')].filter(a => new URL(a.href).host !== location.host)
    .map(a => a.outerHTML.slice(0, 160));
  const forbidden = [...document.querySelectorAll(selector)].map(el => el.outerHTML.slice(0, 160));
  const scripts = [...document.querySelectorAll('script')].filter(s => s.textContent.includes('203.0.113.9')
    || s.textContent.includes('alert(')).length;
  return {overlays, links, forbidden, scripts};
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make chromium)"),
]


@pytest.fixture(scope="module")
def payload_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The page around a store holding only the payload document."""
    from assistant.assistant import Assistant
    from assistant.ui import Runtime, build_app, launch

    settings = Settings(home=tmp_path_factory.mktemp("payload_home"), embed_model=f"{FAKE_PREFIX}64")
    qa = Assistant.open(settings, seed_sample=False)
    report = qa.ingest([PAYLOAD_TXT])
    assert len(report.added) == 1, report.failed
    demo = build_app(Runtime.ready(qa))
    port = free_port()
    launch(demo, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def settled_answer(page: Any, before: int) -> str:
    """Wait for a new answer to finish streaming (its text stops changing); its text."""
    from playwright.sync_api import expect

    answers = page.locator("#chat .message.bot")
    expect(answers).to_have_count(before + 1, timeout=WAIT_MS)
    last, deadline = "", time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        text = answers.last.inner_text()
        if text == last and text.strip() not in ("", "…"):
            return text
        last = text
        time.sleep(0.5)
    raise AssertionError(f"the answer did not settle: {last!r}")


def ask(page: Any, question: str) -> str:
    before = page.locator("#chat .message.bot").count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    return settled_answer(page, before)


def test_payloads_in_documents_and_questions_render_as_text(payload_url: str, tmp_path: Any) -> None:
    from playwright.sync_api import expect, sync_playwright

    app_host = urlsplit(payload_url).netloc
    requests: list[str] = []
    foreign: list[str] = []
    dialogs: list[str] = []

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).netloc == app_host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        context.route("**/*", guard)
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(payload_url)

        # the welcome, the document table and the pickers name the document by its title, payload included
        chat = page.locator("#chat")
        expect(chat).to_contain_text("<img src=http://203.0.113.9/t.png>", timeout=WAIT_MS)
        expect(page.locator("#documents")).to_contain_text("<img src=http://203.0.113.9/t.png>")
        expect(page.locator("#scope")).to_contain_text("<img src=http://203.0.113.9/t.png>")

        first = ask(page, OPEN_QUESTIONS[0])
        chips = page.locator("#citation-chips label")
        expect(chips.first).to_be_visible(timeout=WAIT_MS)
        for i in range(chips.count()):
            chips.nth(i).click()
            expect(page.locator("#source .source-quote")).to_contain_text("网页代码审查", timeout=WAIT_MS)

        second = ask(page, OPEN_QUESTIONS[1])
        chips.first.click()
        source = page.locator("#source .source-quote").inner_text()

        ask(page, PAYLOAD_QUESTION)
        asked = page.locator("#chat .message.user").last.inner_text()
        # an event handler, had it rendered, would fire now
        page.evaluate("document.querySelectorAll('body *').forEach(e => e.dispatchEvent(new MouseEvent('mouseover')))")
        page.wait_for_timeout(500)

        page.screenshot(path=str(tmp_path / "payloads.png"), full_page=True)
        found = page.evaluate(SCAN, FORBIDDEN)
        browser.close()

    assert found == {"overlays": [], "links": [], "forbidden": [], "scripts": 0}, found
    assert dialogs == []
    assert foreign == [], foreign
    assert requests and all(urlsplit(url).netloc == app_host for url in requests)
    # ... and the payloads were really there, shown as text
    for shown in (
        "<img src=http://203.0.113.9/x.png>",
        "<input type=password name=pw>",
        '<div style="position:fixed;inset:0;background:red">全屏覆盖</div>',
        "<a href=http://203.0.113.9/p>领取补贴</a>",
        "<video autoplay src=http://203.0.113.9/v.mp4></video>",
        "<audio autoplay src=http://203.0.113.9/a.mp3>",
    ):
        assert shown in first, shown
    assert "<script>fetch('http://203.0.113.9/s')</script><b onmouseover=alert(1)>悬停</b>" in second
    assert "<script>fetch('http://203.0.113.9/s')</script>" in source
    assert PAYLOAD_QUESTION in asked
