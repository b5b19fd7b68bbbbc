"""Fixtures for the chat page: the page around a real Assistant in a temp store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.embed.hashed import FAKE_PREFIX
from index.settings import Settings
from tests.ui.support import free_port


@pytest.fixture(scope="module")
def upload_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private GRADIO_TEMP_DIR for the module's page, so tests can check that uploads are deleted."""
    folder = tmp_path_factory.mktemp("gradio_uploads")
    before = os.environ.get("GRADIO_TEMP_DIR")
    os.environ["GRADIO_TEMP_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("GRADIO_TEMP_DIR", None)
    else:
        os.environ["GRADIO_TEMP_DIR"] = before


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory, upload_dir: Path) -> Iterator[str]:
    """The page around a real Assistant in a temp store; it seeds the bundled sample in the background.

    The hashed-n-gram fake embedder keeps this fast; answers come from the same facts and BM25 either way.
    Uploads over the default 50 MB limit are refused.
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
