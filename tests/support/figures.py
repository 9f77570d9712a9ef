"""Figures the robustness tests report at the end of the run (cases tried, faults injected, rows checked)."""

from __future__ import annotations

from collections import Counter

FIGURES: Counter[str] = Counter()


def add(name: str, amount: int = 1) -> None:
    FIGURES[name] += amount
