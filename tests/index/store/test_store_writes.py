"""Store writes across processes: pending rows invisible, readers never delete, repair only after the writer has ended.

The writer runs in a real separate process that pauses (or is killed) between
writing its vectors and committing: the window where issue 12's `ask` start-up
"repair" deleted 206 vectors of the document being ingested.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.retrieve.hybrid import Retriever
from index.settings import Settings
from index.store import db
from index.store.doctor import check_store
from index.store.facade import Store
from index.store.lock import WriteLock, Writer
from index.store.opening import open_store
from tests.index.index_docs import fake_reader, write_files

ROOT = Path(__file__).resolve().parents[3]

# Ingest one file; at the commit step either pause until told to go on, or SIGKILL itself.
WRITER = """
import os, signal, sys, time
from pathlib import Path
from index.embed.hashed import HashedEmbedder
from index.ingest import ingest
from index.settings import Settings
from index.store.facade import Store
from index.store.opening import open_store
from tests.index.index_docs import fake_reader

home, path, mode, flag = sys.argv[1:5]
real_commit = Store.commit

def commit(self, w, **kw):
    if mode == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    Path(flag + ".paused").touch()
    while not Path(flag).exists():
        time.sleep(0.05)
    return real_commit(self, w, **kw)

Store.commit = commit
store = open_store(Settings(home=home, embed_model="fake:64"))
report = ingest(store, [Path(path)], embedder=HashedEmbedder(64), reader=fake_reader)
print(len(report.added), len(report.failed))
"""


def _writer(home: Path, path: Path, mode: str, flag: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home), str(path), mode, str(flag)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            pytest.fail(f"writer ended early: {proc.communicate()}")
        if time.monotonic() > deadline:
            pytest.fail("writer did not reach the commit step")
        time.sleep(0.05)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", embed_model="fake:64")


def _chunk_ids(store: Store, doc_id: str) -> set[str]:
    return set(db.doc_chunk_ids(store.conn, doc_id))


def test_reader_during_another_process_commit_sees_nothing_and_deletes_nothing(
    settings: Settings, tmp_path: Path
) -> None:
    first, second = write_files(tmp_path / "in", 2)
    store = open_store(settings)
    ingest(store, [first], embedder=HashedEmbedder(64), reader=fake_reader)
    flag = tmp_path / "go"
    proc = _writer(settings.home, second, "pause", flag)
    _wait_for(Path(f"{flag}.paused"), proc)
    new_id = fake_reader(second).doc_id
    reader = open_store(settings)  # like `budgetqa ask` starting while the ingest commits
    assert [d["file_name"] for d in reader.documents()] == ["doc0.txt"]
    hits = Retriever(reader, HashedEmbedder(64)).retrieve("测试部门1 一般行政管理事务", k=20)
    assert hits and {h.doc_id for h in hits} == {fake_reader(first).doc_id}
    pending = _chunk_ids(reader, new_id)
    assert pending and pending <= reader.chroma.ids()  # the writer's vectors are in Chroma, untouched
    flag.touch()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert out.split() == ["1", "0"]
    assert [d["file_name"] for d in reader.documents()] == ["doc0.txt", "doc1.txt"]
    health = check_store(reader)
    assert health.ok, (health.problems, [d.problems for d in health.documents])
    assert [d.vectors for d in health.documents] == [(len(_chunk_ids(reader, d.doc_id)),) * 2 for d in health.documents]
    dense = Retriever(reader, HashedEmbedder(64)).dense("测试部门1", k=5, doc_ids=[new_id])
    assert dense and all(cid.startswith(new_id) for cid, _ in dense)  # the reader reloaded Chroma after the commit


def test_writer_killed_before_commit_is_undone_by_the_next_write(settings: Settings, tmp_path: Path) -> None:
    first, second = write_files(tmp_path / "in", 2)
    store = open_store(settings)
    ingest(store, [first], embedder=HashedEmbedder(64), reader=fake_reader)
    proc = _writer(settings.home, second, "kill", tmp_path / "unused")
    proc.communicate(timeout=120)
    assert proc.returncode == -9
    new_id = fake_reader(second).doc_id
    assert [d["file_name"] for d in store.documents()] == ["doc0.txt"]
    leftovers = _chunk_ids(store, new_id)
    assert leftovers and leftovers <= store.chroma.ids()  # rows and vectors of the dead write are still there
    health = check_store(store)
    assert all(d.ok for d in health.documents) and not health.ok
    assert health.pending == [f"{new_id} (doc1.txt) left adding (pid {proc.pid} gone)"]
    report = ingest(store, [second], embedder=HashedEmbedder(64), reader=fake_reader)
    assert [a["file_name"] for a in report.added] == ["doc1.txt"]
    after = check_store(store)
    assert after.ok, after.problems
    assert store.chroma.ids() == {c.id for c in store.chunks()}


def test_pending_document_of_a_running_writer_is_left_alone(settings: Settings, tmp_path: Path) -> None:
    store = open_store(settings)
    doc = fake_reader(write_files(tmp_path / "in", 1)[0])
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stat = Path(f"/proc/{sleeper.pid}/stat").read_text()
        alive = Writer(sleeper.pid, os.uname().nodename, stat.rsplit(")", 1)[1].split()[19])
        with store.writing() as w:
            w.execute("BEGIN IMMEDIATE")
            db.insert_document(w, doc, [], state=db.ADDING, writer=str(alive))
            w.execute("COMMIT")
            notes = store.repair(w)
        assert notes == [f"{doc.doc_id} (doc0.txt): adding by pid {sleeper.pid}, still running; left alone"]
        assert [r.doc_id for r in db.pending(store.conn)] == [doc.doc_id]
    finally:
        sleeper.kill()
        sleeper.wait()
    with store.writing() as w:
        assert store.repair(w) == [f"{doc.doc_id} (doc0.txt): interrupted adding undone"]
    assert db.pending(store.conn) == []


def test_write_lock_is_exclusive_across_threads_reentrant_and_says_who_holds_it(tmp_path: Path) -> None:
    import threading

    from index.errors import StoreBusyError

    lock = WriteLock(tmp_path, timeout=5)
    other = WriteLock(tmp_path, timeout=0.3)
    entered = threading.Event()
    with lock.held(), lock.held():  # re-entrant in the holding thread
        holder = lock.holder()
        assert lock.owned and holder is not None and holder.pid == os.getpid() and holder.is_me()
        errors: list[str] = []

        def contend() -> None:
            try:
                with other.held():
                    entered.set()
            except StoreBusyError as err:
                errors.append(str(err))

        t = threading.Thread(target=contend)
        t.start()
        t.join()
        assert not entered.is_set() and "正在写入文档库" in errors[0] and f"pid {os.getpid()}" in errors[0]
    with other.held(timeout=1):
        assert other.owned
    assert not lock.owned


def test_a_process_waits_for_the_lock_held_by_another(tmp_path: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; from index.store.lock import WriteLock\n"
        "with WriteLock(Path(sys.argv[1])).held():\n    print('got', flush=True); time.sleep(2)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "got"
    waited: list[str] = []
    start = time.monotonic()
    with WriteLock(tmp_path, timeout=30, on_wait=waited.append).held():
        elapsed = time.monotonic() - start
    proc.wait()
    assert elapsed > 0.5 and waited and f"pid {proc.pid}" in waited[0]
