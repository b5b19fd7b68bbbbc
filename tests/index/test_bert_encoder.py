"""The plain-torch encoder of the default folder equals sentence-transformers on it, without importing it (slow)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.bert_encoder import batch_threads
from index.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
PASSAGES = [
    "2022年一般公共预算支出1,461万元，主要用于一般行政管理事务。",
    "表7 一般公共预算支出表（按功能分类）（单位：万元） · 2210201 住房公积金 · 支出总计 87",
    "本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。",
    "三公",
    "政府投资项目预算2,008万元，用于政务大厅改造和数据中心建设。" * 40,  # > 512 tokens: truncated the same way
]
QUESTIONS = ["政府投资项目预算多少", "三公经费比上年增加多少"]


def test_batch_threads_backs_off_on_a_busy_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.getloadavg", lambda: (3.5, 3.0, 3.0))
    assert batch_threads(2) == 1
    monkeypatch.setattr("os.getloadavg", lambda: (0.4, 0.3, 0.3))
    assert batch_threads(2) == 2


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    from index.embed import build_default_model

    settings = Settings(home=tmp_path_factory.mktemp("home"))
    return settings, build_default_model(settings)


@pytest.mark.slow
def test_vectors_equal_sentence_transformers(folder: tuple[Settings, Path]) -> None:
    from index.bert_encoder import TorchBertEmbedder
    from index.embed import SentenceTransformerEmbedder, load_embedder

    settings, path = folder
    ours = load_embedder(settings)
    assert isinstance(ours, TorchBertEmbedder) and ours.model_id == settings.embed_model and ours.dim == 384
    theirs = SentenceTransformerEmbedder(settings.embed_model, path)
    for a, b in ((ours.embed_passages(PASSAGES), theirs.embed_passages(PASSAGES)),
                 (ours.embed_queries(QUESTIONS), theirs.embed_queries(QUESTIONS))):  # fmt: skip
        assert a.shape == b.shape and a.dtype == np.float32
        assert float(np.sum(a * b, axis=1).min()) >= 0.9999
    one = ours.embed_passages(PASSAGES[:1])
    assert float(one[0] @ ours.embed_passages(PASSAGES)[0]) >= 0.9999  # padding in a batch changes nothing
    assert ours.embed_passages([]).shape == (0, 384)


@pytest.mark.slow
def test_default_embedder_does_not_import_sentence_transformers(folder: tuple[Settings, Path]) -> None:
    settings, _ = folder
    code = """
import json, sys
from pathlib import Path
from index.embed import load_embedder
from index.settings import Settings
vec = load_embedder(Settings(home=Path(sys.argv[1]))).embed_passages(["住房公积金 87万元"])
print(json.dumps({"shape": list(vec.shape), "heavy": sorted({m.split(".")[0] for m in sys.modules}
    & {"sentence_transformers", "transformers", "sklearn"})}))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(settings.home)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"shape": [1, 384], "heavy": []}
