"""Synthetic load-test documents (eval/scale.py): distinct, labelled, and read as budgets of the named department."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eval.scale import SYNTHETIC_NOTE, generate_documents, max_documents, scale_amount
from index.errors import BudgetQAError
from index.intake import file_sha256
from index.model import Document
from index.read.document import read_document

ROOT = Path(__file__).resolve().parents[2]
DAPENG = ROOT / "index" / "data" / "shenzhen_dapeng_data_bureau_2022_dept_budget.txt"


def table_facts(doc: Document, department: str = "", shift: int = 0) -> dict[str, float]:
    """Money facts read from tables, keyed by where they are printed (table, row, column, code).

    In a variant's keys its department and years are put back to the source's (`department`, year - `shift`).
    """
    out = {}
    for f in doc.facts:
        if f.origin != "table" or f.unit != "万元" or f.value is None:
            continue
        key = " | ".join(str(x) for x in (f.source.table, f.source.row, f.source.column, f.code))
        key = key.replace(doc.department, department or doc.department)
        out[re.sub(r"20\d\d(?=年)", lambda m: str(int(m.group()) - shift), key)] = float(f.value)
    return out


def test_documents_are_distinct_and_read_as_their_department(tmp_path: Path) -> None:
    docs = generate_documents(5, tmp_path)
    assert len({file_sha256(d.path) for d in docs}) == 5
    assert len({d.department for d in docs}) == 5
    assert len({d.factor for d in docs}) == 5
    source = read_document(DAPENG)
    for d in docs:
        text = d.path.read_text(encoding="utf-8")
        assert text.rstrip().endswith(SYNTHETIC_NOTE)
        assert source.department not in text
        doc = read_document(d.path)
        assert (doc.department, doc.year, doc.stage) == (d.department, d.year, "预算")
        assert doc.title == f"{d.department}{d.year}年部门预算"
        assert len(doc.tables) == len(source.tables)


def test_amounts_scale_by_the_document_factor_and_codes_stay(tmp_path: Path) -> None:
    d = generate_documents(3, tmp_path)[2]
    original = read_document(DAPENG)
    assert original.year is not None
    source = table_facts(original)
    variant = table_facts(read_document(d.path), original.department, d.year - original.year)
    assert variant.keys() == source.keys()  # same rows, columns and 科目编码
    money = [k for k, v in source.items() if v >= 10]
    assert money
    for key in money:
        assert variant[key] == pytest.approx(source[key] * d.factor, abs=0.51)


def test_scale_amount_keeps_the_printed_form() -> None:
    assert scale_amount("2,008", 1.5) == "3,012"
    assert scale_amount("8.1", 2.0) == "16.2"
    assert scale_amount("895", 2.0) == "1,790"
    assert scale_amount("4644", 0.5) == "2322"


def test_too_many_documents_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BudgetQAError, match="--scale"):
        generate_documents(max_documents() + 1, tmp_path)


@pytest.mark.slow
def test_scale_bench_smoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents end to end (fake vectors; the asking child and the CLI read the model from the env)."""
    from eval.scale_bench import run_scale_bench
    from index.settings import Settings

    monkeypatch.setenv("BUDGETQA_EMBED_MODEL", "fake:64")
    result = run_scale_bench(Settings(home=tmp_path / "home"), 2, out_dir=tmp_path / "out")
    assert result["ingested"] == 2 and result["chunks"] > 0 and result["store_mb"] > 0
    assert set(result["ask"]) == {"scoped --doc", "scoped by name", "unscoped"}
    for label in ("scoped --doc", "scoped by name"):
        ask = result["ask"][label]
        assert ask["answered"] == ask["from_the_right_document"] == ask["n"] == 10
    assert result["peak_rss_ask_mb"] > 0 and result["cold_cli_ask_scoped_s"] > 0
    assert (tmp_path / "out" / "bench-scale-2.json").is_file()


@pytest.mark.slow
@pytest.mark.server
def test_scale_bench_on_a_chroma_server_starts_and_stops_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`bench --scale 2 --server`: vectors go to a real `chroma run` on 127.0.0.1, which is gone afterwards."""
    import subprocess

    import eval.scale_server
    from eval.scale_bench import run_scale_bench
    from index.settings import Settings

    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process: subprocess.Popen[bytes] = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        started.append(process)
        return process

    monkeypatch.setattr(eval.scale_server.subprocess, "Popen", recording_popen)
    monkeypatch.setenv("BUDGETQA_EMBED_MODEL", "fake:64")
    store = tmp_path / "kept"
    result = run_scale_bench(Settings(home=tmp_path / "home"), 2, store=store, out_dir=tmp_path / "out", server=True)
    servers = [p for p in started if Path(p.args[0]).name == "chroma"]
    assert len(servers) == 1 and servers[0].args[1:3] == ["run", "--path"] and "127.0.0.1" in servers[0].args
    assert servers[0].poll() is not None  # stopped
    assert result["chroma"].startswith("server") and result["ingested"] == 2 and result["ingest_docs_per_min"] > 0
    assert not (store / "chroma").exists() and result["server_store_mb"] > 0  # the vectors went to the server
    assert result["peak_rss_server_mb"] > 50 and result["peak_rss_ingest_mb"] > 0
    for label in ("scoped --doc", "scoped by name"):
        ask = result["ask"][label]
        assert ask["answered"] == ask["from_the_right_document"] == ask["n"] == 10
    assert result["ask"]["unscoped"]["answered"] == result["ask"]["unscoped"]["n"] > 0
    assert (tmp_path / "out" / "bench-scale-2-server.json").is_file()


def test_the_server_is_stopped_when_the_bench_is_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (KeyboardInterrupt) inside the `with` block still stops `chroma run`."""
    import subprocess

    import eval.scale_server
    from eval.scale_server import running_server

    stand_in = tmp_path / "chroma"  # a `chroma` that only waits, so that nothing but the bench can stop it
    stand_in.write_text("#!/bin/sh\nexec sleep 120\n")
    stand_in.chmod(0o755)
    monkeypatch.setattr(eval.scale_server, "chroma_executable", lambda: str(stand_in))
    monkeypatch.setattr(eval.scale_server, "_wait_ready", lambda url, process: None)
    sleeper: list[subprocess.Popen[bytes]] = []
    with pytest.raises(KeyboardInterrupt), running_server(tmp_path / "data") as server:
        sleeper.append(server.process)
        assert server.process.poll() is None
        raise KeyboardInterrupt
    assert sleeper[0].poll() is not None


def _scale_result(rate: float, p50: float, cold: float, created: str) -> dict[str, object]:
    return {
        "created": created,
        "documents": 300,
        "chroma": "server (chroma run, HTTP client)",
        "load_average": [1.0, 1.0, 1.0],
        "ingest_docs_per_min": rate,
        "ingest_per_doc_median_s": 60 / rate,
        "ingest_per_doc_s": [1.0, 2.0],
        "store_mb": 486.0,
        "peak_rss_server_mb": None,
        "ask": {
            "unscoped": {"n": 10, "p50_ms": p50, "p95_ms": 2 * p50, "answered": 10, "from_the_right_document": None}
        },
        "ask_samples": ["…"],
        "cold_cli_ask_scoped_s": cold,
    }


def test_runs_are_reported_as_medians_with_each_run_kept() -> None:
    from eval.scale_bench import median_of_runs

    runs = [
        _scale_result(13.9, 127.0, 1.2, "a"),
        _scale_result(11.0, 300.0, 0.8, "b"),
        _scale_result(15.0, 90.0, 0.9, "c"),
    ]
    out = median_of_runs(runs)
    assert out["runs"] == 3 and out["ingest_docs_per_min"] == 13.9 and out["cold_cli_ask_scoped_s"] == 0.9
    assert out["ask"]["unscoped"] == {
        "n": 10,
        "p50_ms": 127.0,
        "p95_ms": 254.0,
        "answered": 10,
        "from_the_right_document": None,
    }
    assert out["created"] == "a" and out["chroma"].startswith("server") and out["peak_rss_server_mb"] is None
    assert "ingest_per_doc_s" not in out and "ask_samples" not in out
    assert [r["ingest_docs_per_min"] for r in out["per_run"]] == [13.9, 11.0, 15.0]
    assert [r["ask_p50_ms"]["unscoped"] for r in out["per_run"]] == [127.0, 300.0, 90.0]


def test_a_kept_store_runs_once(tmp_path: Path) -> None:
    from eval.scale_bench import run_scale_bench
    from index.settings import Settings

    with pytest.raises(BudgetQAError, match="--runs 1"):
        run_scale_bench(Settings(home=tmp_path / "home"), 2, runs=2, store=tmp_path / "kept")
    assert not (tmp_path / "kept").exists()


def test_a_kept_servers_data_is_not_counted_twice(tmp_path: Path) -> None:
    from eval.scale_bench import SERVER_DIR, store_bytes

    (tmp_path / "store-1").mkdir()
    (tmp_path / "store-1" / "store.sqlite").write_bytes(b"x" * 100)
    (tmp_path / SERVER_DIR).mkdir()
    (tmp_path / SERVER_DIR / "chroma.sqlite3").write_bytes(b"y" * 1000)
    assert store_bytes(tmp_path) == 100
