"""A plain-torch encoder for the default model folder (BertModel + mean pooling + normalisation).

The folder built by `index.e5_convert` is a standard sentence-transformers model,
and `SentenceTransformer(path)` loads it. Importing sentence-transformers 6 pulls
in transformers and scikit-learn, which costs 6-10 s of process start here, more
than embedding a whole 25-page disclosure. This module runs the same weights with
the same torch operations (embeddings + LayerNorm, 12 post-norm attention/GELU
layers, mean pooling over the mask, L2 normalisation) after importing only torch,
safetensors and tokenizers; `tests/index/test_bert_encoder.py` checks its vectors
against `SentenceTransformer` (cosine >= 0.9999). Other models keep using
sentence-transformers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

BATCH_SIZE = 16  # texts per forward pass, sorted by length (less padding than 32)


def batch_threads(cores: int) -> int:
    """Torch threads for a batch: all cores, or one when the machine is already busy.

    On the shared 2-core box, two threads under a load average >= 2 cost twice
    the CPU (OpenMP threads spin waiting for a preempted peer) and ran slower
    than one: 177-249 vs 85 ms per chunk.
    """
    busy = os.getloadavg()[0] >= cores if hasattr(os, "getloadavg") else False
    return 1 if busy else max(1, cores)


class TorchBertEmbedder:
    """Embed with a BertModel folder (our rebuilt e5-small) using torch directly."""

    def __init__(self, model_id: str, folder: Path) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        self._torch = torch
        self.model_id = model_id
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert":
            raise ValueError(f"{folder}: not a BertModel folder")
        self.dim = int(config["hidden_size"])
        self._heads = int(config["num_attention_heads"])
        self._layers = int(config["num_hidden_layers"])
        self._eps = float(config["layer_norm_eps"])
        st_config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
        prompts = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))["prompts"]
        self._query_prefix = str(prompts.get("query", ""))
        self._passage_prefix = str(prompts.get("passage", ""))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(max_length=int(st_config["max_seq_length"]))
        self._pad = int(config.get("pad_token_id", 0))
        self._w = {k: v.float() for k, v in load_file(str(folder / "model.safetensors")).items()}
        self._cores = max(1, torch.get_num_threads())

    def _forward(self, ids: Any, mask: Any) -> Any:
        """Mean-pooled, normalised sentence vectors for a padded batch."""
        torch, w = self._torch, self._w
        fn = torch.nn.functional
        batch, length = ids.shape
        positions = torch.arange(length).unsqueeze(0)
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][positions]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = fn.layer_norm(x, (self.dim,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self._eps)
        attn_mask = mask.bool()[:, None, None, :]
        head_dim = self.dim // self._heads
        for i in range(self._layers):
            p = f"encoder.layer.{i}."

            q, k, v = (
                fn.linear(x, w[f"{p}attention.self.{name}.weight"], w[f"{p}attention.self.{name}.bias"])
                .view(batch, length, self._heads, head_dim)
                .transpose(1, 2)
                for name in ("query", "key", "value")
            )
            ctx = fn.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
            ctx = ctx.transpose(1, 2).reshape(batch, length, self.dim)
            att = fn.linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            x = fn.layer_norm(
                x + att, (self.dim,), w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"], self._eps,
            )  # fmt: skip
            mid = fn.gelu(fn.linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            out = fn.linear(mid, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = fn.layer_norm(
                x + out, (self.dim,), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self._eps
            )
        m = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return fn.normalize(pooled, p=2, dim=1)

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        torch = self._torch
        torch.set_num_threads(1 if len(texts) == 1 else batch_threads(self._cores))
        encodings = self._tokenizer.encode_batch([prefix + t for t in texts])
        order = sorted(range(len(texts)), key=lambda i: -len(encodings[i].ids))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), BATCH_SIZE):
                idx = order[start : start + BATCH_SIZE]
                length = max(len(encodings[i].ids) for i in idx)
                ids = torch.full((len(idx), length), self._pad, dtype=torch.long)
                mask = torch.zeros((len(idx), length), dtype=torch.long)
                for row, i in enumerate(idx):
                    n = len(encodings[i].ids)
                    ids[row, :n] = torch.tensor(encodings[i].ids, dtype=torch.long)
                    mask[row, :n] = 1
                out[idx] = self._forward(ids, mask).numpy()
        return out

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._query_prefix)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prefix)
