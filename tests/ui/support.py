"""Paths and helpers shared by the chat page tests."""

from __future__ import annotations

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JUSTICE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_justice_2026_dept_budget.pdf"
WELFARE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_welfare_home_2024_unit_budget.pdf"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
