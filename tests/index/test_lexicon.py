from __future__ import annotations

import pytest

from index.lexicon import DataFileError, data_text, load_data
from index.text import YEAR_CELL, YEAR_IN_TEXT, YEAR_PREFIX, squash


def test_data_files_load_once_and_name_what_is_missing() -> None:
    kinds = load_data("index.data", "table_kinds.toml")
    assert load_data("index.data", "table_kinds.toml") is kinds  # parsed once
    assert "gp_function" in {k["key"] for k in kinds["kinds"]}
    assert "[[intent]]" in data_text("assistant.data", "intents.toml")
    with pytest.raises(DataFileError, match=r"index\.data/nothing\.toml"):
        load_data("index.data", "nothing.toml")


def test_year_patterns_and_squash_are_the_shared_forms() -> None:
    assert [m.group(1) for m in YEAR_IN_TEXT.finditer("2023年度决算，2024 年预算，编码2101")] == ["2023", "2024"]
    assert YEAR_CELL.match("2024年度") and not YEAR_CELL.match("2024年预算数")
    assert YEAR_PREFIX.match("2024年预算数").group(1) == "2024"  # type: ignore[union-attr]
    assert squash("“三公” 经费（合计）") == "三公经费(合计)"
