"""Scaling checks: double the input four times; each doubling may cost at most 2.5 times as long.

A linear parser doubles its time; a quadratic one quadruples it, and fails here long before a
user's file hangs it. Times are this process's CPU time (other processes on a shared machine do not
count), the best of a few runs with the garbage collector held off, and below a floor they count as
the floor, so a few milliseconds of jitter cannot fail a fast parser.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

DOUBLINGS = 4
MAX_RATIO = 2.5
FLOOR_SECONDS = 0.01


def best_time(run: Callable[[T], object], data: T, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run(data)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def ratios(make: Callable[[int], T], run: Callable[[T], object], base: int, repeats: int = 2) -> list[float]:
    """Time per size base, 2·base … 16·base; the ratio of each time to the one before."""
    run(make(base))  # warm caches and lazy imports
    times = [max(best_time(run, make(base * 2**k), repeats), FLOOR_SECONDS) for k in range(DOUBLINGS + 1)]
    return [round(b / a, 2) for a, b in zip(times, times[1:])]


def assert_linear(make: Callable[[int], T], run: Callable[[T], object], base: int, repeats: int = 2) -> None:
    found = ratios(make, run, base, repeats)
    if max(found) > MAX_RATIO:  # one more try before failing: another process may have had the CPU
        found = ratios(make, run, base, repeats + 2)
    assert max(found) <= MAX_RATIO, f"time ratio per doubling {found}: worse than linear"
