"""The asking side of `budgetqa bench --scale`: a separate process, so its peak RSS is the asker's alone.

Run as `python -m eval.scale_ask HOME PLAN.json`; PLAN holds
{"asks": [[label, question, doc_id|null, expected doc_id|null], ...]}.
Opens the store once, asks the first question untimed-as-warm (its time is reported as
`first_ask_ms`), then every planned question; prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from assistant.assistant import Assistant
from index.settings import Settings


def peak_rss_mb() -> float:
    """This process's peak RSS in MB: VmHWM, which (unlike ru_maxrss) does not carry a parent's peak across exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_asks(home: Path, asks: list[tuple[str, str, str | None, str | None]]) -> dict[str, Any]:
    """Wall ms of every ask by label, the first (cold in-process) ask, answer counts and this process's peak RSS.

    `right_doc` counts answers whose citations all come from the expected document (when one is given).
    """
    started = time.perf_counter()
    qa = Assistant.open(Settings().with_overrides(home=home), seed_sample=False)
    open_ms = (time.perf_counter() - started) * 1000
    latencies: dict[str, list[float]] = {}
    answered: dict[str, int] = {}
    right_doc: dict[str, int] = {}
    samples: dict[str, str] = {}
    first_ms: float | None = None
    for label, question, doc, expected in asks:
        t = time.perf_counter()
        answer = qa.ask(question, doc=doc)
        wall = (time.perf_counter() - t) * 1000
        if first_ms is None:
            first_ms = wall  # loads facts, BM25 and chunk tables: not a warm ask
            continue
        latencies.setdefault(label, []).append(wall)
        answered[label] = answered.get(label, 0) + (not answer.abstained)
        if expected is not None:
            right = bool(answer.citations) and all(c.doc == expected for c in answer.citations)
            right_doc[label] = right_doc.get(label, 0) + right
        samples.setdefault(label, answer.answer[:300])
    return {
        "open_ms": round(open_ms, 1),
        "first_ask_ms": round(first_ms or 0.0, 1),
        "latencies_ms": latencies,
        "answered": answered,
        "right_doc": right_doc,
        "samples": samples,
        "peak_rss_mb": peak_rss_mb(),
    }


def main() -> None:
    home, plan = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    asks = [(str(a[0]), str(a[1]), a[2], a[3] if len(a) > 3 else None) for a in plan["asks"]]
    print(json.dumps(run_asks(home, asks), ensure_ascii=False))


if __name__ == "__main__":
    main()
