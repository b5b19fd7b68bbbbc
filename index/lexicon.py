"""The data files (vocabularies, rules, templates as TOML in `index.data`, `assistant.data`, `prompts`): one loader.

Every module that reads a data file goes through `load_data` (parsed once per process:
the files never change at run time) or `data_text` (the text, for a parser of its own).
A missing or broken file is a `DataFileError` naming the file, not a traceback.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from index.errors import BudgetQAError


class DataFileError(BudgetQAError):
    """A bundled data file is missing or is not valid TOML (a broken install or a bad edit)."""


def data_text(package: str, name: str) -> str:
    """The text of data file `name` of `package` (e.g. `"index.data", "measures.toml"`)."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as err:
        raise DataFileError(f"{package}/{name}: cannot be read ({err}); reinstall BudgetQA") from err


@cache
def load_data(package: str, name: str) -> dict[str, Any]:
    """Data file `name` of `package`, parsed (cached: callers must not change what they get)."""
    try:
        return tomllib.loads(data_text(package, name))
    except tomllib.TOMLDecodeError as err:
        raise DataFileError(f"{package}/{name}: not valid TOML ({err})") from err
