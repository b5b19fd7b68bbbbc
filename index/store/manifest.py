"""The store manifest: what shaped the index, so a mismatched store is refused instead of silently reused."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from index.errors import StoreMismatchError
from index.settings import PARSER_VERSION
from index.store.chunks import CHUNKER_VERSION

MANIFEST_NAME = "manifest.json"


@dataclass(slots=True)
class Manifest:
    """Embedding model and how its vectors are computed, parser and chunker versions, documents (doc_id -> sha256)."""

    embed_model: str
    embed_dim: int | None = None
    parser_version: str = PARSER_VERSION
    chunker_version: str = CHUNKER_VERSION
    documents: dict[str, str] = field(default_factory=dict)
    # how the vectors were computed (index.embed.embedder.embedding_build); None: the current
    embed_build: str | None = None

    def __post_init__(self) -> None:
        if self.embed_build is None:
            from index.embed.embedder import embedding_build

            self.embed_build = embedding_build(self.embed_model)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        if not path.exists():
            return None
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            embed_model=str(data.get("embed_model", "")),
            embed_dim=data.get("embed_dim"),
            parser_version=str(data.get("parser_version", "")),
            chunker_version=str(data.get("chunker_version", "")),
            documents=dict(data.get("documents", {})),
            embed_build=str(data.get("embed_build", "")),
        )

    def save(self, path: Path) -> None:
        """Write atomically (temp file beside it, then os.replace)."""
        fd, tmp = tempfile.mkstemp(prefix=".manifest.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def check(self, embed_model: str, home: Path) -> None:
        """Raise StoreMismatchError when this store was built differently from what the settings ask for."""
        problems = []
        if self.embed_model != embed_model:
            problems.append(f"embedding model {self.embed_model!r}, settings say {embed_model!r}")
        else:
            from index.embed.embedder import embedding_build

            build = embedding_build(embed_model)
            if self.embed_build != build:
                problems.append(
                    f"{embed_model} vectors computed as {self.embed_build or 'sentence-transformers'!r}, "
                    f"this BudgetQA computes them as {build or 'sentence-transformers'!r}"
                )
        if self.parser_version != PARSER_VERSION:
            problems.append(f"parser version {self.parser_version}, this BudgetQA has {PARSER_VERSION}")
        if self.chunker_version != CHUNKER_VERSION:
            problems.append(f"chunker version {self.chunker_version}, this BudgetQA has {CHUNKER_VERSION}")
        if problems:
            raise StoreMismatchError(
                f"the store in {home} was built with {'; '.join(problems)}. "
                f"Rebuild it: `budgetqa --home {home} ingest --rebuild PATH...` (or point BUDGETQA_HOME elsewhere)"
            )
