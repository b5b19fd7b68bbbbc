"""Options shared by several commands (the LLM flags) and the resolved settings (defaults < budgetqa.toml <
environment < CLI flags), kept apart so the command modules do not import each other."""

from __future__ import annotations

from typing import Annotated

import typer

from index.settings import Settings

# set by the root callback (--home, --debug) and by commands that take the LLM flags
state: dict[str, object] = {"debug": False, "home": None, "llm": {}}

# Optional LLM mode (docs/CONTRACT.md, README "LLM mode"): flags on ask, chat, serve and eval.
LlmUrl = Annotated[
    str | None,
    typer.Option(
        "--llm-url",
        help="OpenAI-compatible endpoint (http://127.0.0.1:11434/v1) for written answers "
        "to open/why questions, every number checked; env BUDGETQA_LLM_URL.",
    ),
]
LlmModel = Annotated[str | None, typer.Option("--llm-model", help="Model name at the endpoint; BUDGETQA_LLM_MODEL.")]
LlmKey = Annotated[str | None, typer.Option("--llm-key", help="API key, if the endpoint wants one; BUDGETQA_LLM_KEY.")]
LlmTimeout = Annotated[
    float | None, typer.Option("--llm-timeout", help="Whole-reply deadline in seconds (default 60).")
]


def use_llm(url: str | None, model: str | None, key: str | None, timeout: float | None) -> None:
    state["llm"] = {"llm_url": url, "llm_model": model, "llm_key": key, "llm_timeout_s": timeout}


def settings() -> Settings:
    """Resolve configuration once: defaults < budgetqa.toml < environment < CLI flags."""
    llm = state["llm"]
    return Settings().with_overrides(home=state["home"], **(llm if isinstance(llm, dict) else {}))
