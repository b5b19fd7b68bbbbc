"""Paths and helpers shared by the chat page tests."""

from __future__ import annotations

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output"  # git-ignored: screenshots for people to look at, never over tracked files
PAYLOAD_TXT = Path(__file__).resolve().parent / "data" / "payload_2023_dept_budget.txt"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
JUSTICE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_justice_2026_dept_budget.pdf"
WELFARE_PDF = ROOT / "tests" / "fixtures" / "shanghai_putuo_welfare_home_2024_unit_budget.pdf"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
