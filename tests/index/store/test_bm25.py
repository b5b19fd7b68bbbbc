"""The BM25 index read back from disk scores exactly as bm25s does, on chunks of two real disclosures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import bm25s
import numpy as np
import pytest

from index.model import Document
from index.store.bm25 import BM25Index, tokenize
from index.store.chunks import build_chunks

QUERIES = [
    "2022年政府投资项目预算是多少",
    "一般公共服务支出（类）行政运行",
    "三公经费 三公经费",  # a repeated token counts twice, as in bm25s
    "机关运行经费比上年增加多少万元",
    "xyz 量子计算",  # tokens the vocabulary does not have
    "？？",  # no tokens at all
]


@pytest.mark.parametrize("name", ["dapeng", "justice"])
def test_saved_index_scores_equal_bm25s(name: str, corpus_doc: Callable[[str], Document], tmp_path: Path) -> None:
    chunks = build_chunks(corpus_doc(name))
    built = BM25Index.build([c.id for c in chunks], [c.text for c in chunks], generation=3)
    built.save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert loaded is not None and loaded.ids == built.ids and loaded.generation == 3
    reference = bm25s.BM25.load(str(tmp_path / "bm25"))
    for q in QUERIES:
        tokens = tokenize(q)
        expected = (
            np.asarray(reference.get_scores(tokens), dtype=np.float32) if tokens else np.zeros(len(chunks), np.float32)
        )
        for index in (built, loaded):
            got = index.scores(q)
            assert got.dtype == np.float32 and got.shape == (len(chunks),)
            assert np.array_equal(got, expected), q
    assert loaded.scores("政府投资项目").max() > 0


def test_a_loaded_index_is_not_saved_again(tmp_path: Path) -> None:
    BM25Index.build(["a", "b"], ["行政运行", "机关服务"], generation=1).save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert loaded is not None
    with pytest.raises(RuntimeError, match="not saved again"):
        loaded.save(tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_empty_index_round_trip(tmp_path: Path) -> None:
    BM25Index.build([], [], generation=0).save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25")
    assert loaded is not None and loaded.ids == [] and loaded.scores("行政运行").size == 0
