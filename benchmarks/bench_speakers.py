"""Benchmark: re-order and re-schedule a 150-entry speakers list; first paint of the speakers
screen with 150 rows against a minimal Textual app's first paint, measured in the same run.

The list is real: the 110 speakers heard at S/PV.8699 (../shared/data, when present) plus States
from the roster up to 150, with 12 manual overrides. Run: .venv/bin/python benchmarks/bench_speakers.py
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "spv_2020_speeches"
sys.path.insert(0, str(REPO / "src"))

from debateprep.domain.roster import Roster  # noqa: E402
from debateprep.domain.schedule import build_schedule  # noqa: E402
from debateprep.domain.speakers import OrderSettings, Override, SpeakerEntry, order_entries  # noqa: E402

N = 150
RUNS = 30
PAINTS = 5


def median_ms(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def entries_150(roster: Roster) -> tuple[list[SpeakerEntry], str]:
    from debateprep.domain.record_speakers import entries_from_heard, speakers_from_record

    source = "roster only"
    entries: list[SpeakerEntry] = []
    files = sorted(SHARED.glob("UNSC_2020_SPV.8699*_spch*.txt")) if SHARED.is_dir() else []
    if files:
        from debateprep.importers.verbatim_record import record_parts

        heard = speakers_from_record([p.text for p in record_parts(files)], roster, date(2020, 1, 9))
        entries = entries_from_heard(heard, datetime(2020, 1, 2, 9))
        source = f"S/PV.8699 ({len(entries)} heard) + roster"
    taken = {e.delegation_code for e in entries}
    start = datetime(2020, 1, 3, 9)
    for d in roster.states():
        if len(entries) >= N:
            break
        if d.code not in taken:
            entries.append(SpeakerEntry(d.name, start + timedelta(minutes=len(entries)), d.code))
    rnd = random.Random(7)
    for i, e in enumerate(entries):
        e.id = i + 1
    for e in rnd.sample(entries[20:], 12):  # swaps, relative moves and pins, as staff make them
        kind = rnd.choice(["pin", "after", "before", "swap"])
        ref = rnd.randrange(1, N) if kind == "pin" else rnd.choice(entries).id
        if ref != e.id:
            e.override = Override(kind, ref)  # type: ignore[arg-type]
    return entries, source


def bench_domain(entries: list[SpeakerEntry]) -> tuple[float, float]:
    settings = OrderSettings(president_code="VNM", president_first=True)
    order_ms = median_ms(lambda: order_entries(entries, settings))
    placements = order_entries(entries, settings)
    schedule_ms = median_ms(lambda: build_schedule(placements, date(2020, 1, 9), meeting_number=8699))
    return order_ms, schedule_ms


def seeded_database(entries: list[SpeakerEntry], folder: Path):  # type: ignore[no-untyped-def]
    from debateprep.domain.debate import DebateSettings
    from debateprep.services.debates import DebateService
    from debateprep.storage.db import open_database
    from debateprep.storage.repos import speakers as repo

    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    debate = DebateService(db).create("Upholding the Charter", meeting_number=8699, meeting_date=date(2020, 1, 9),
                                      presidency="Viet Nam", settings=DebateSettings(president_first=True))
    with db.transaction() as s:
        ids = {}
        for e in entries:
            stored = repo.add(s, debate.id, e.with_changes(id=None, override=None), "bench")  # type: ignore[arg-type]
            ids[e.id] = stored.id
    with db.transaction() as s:
        for e in entries:
            if e.override:
                row = repo.get(s, ids[e.id])
                ref = e.override.ref if e.override.kind == "pin" else ids[e.override.ref]
                repo.update(s, row.with_changes(override=Override(e.override.kind, ref)))
    return db, debate.id


async def first_paint_minimal() -> float:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

    t = time.perf_counter()
    async with Minimal().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - t
    return elapsed * 1000


async def first_paint_speakers(db, debate_id: int) -> float:  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from debateprep.services.facade import Services
    from debateprep.tui.messages import DebateSelected
    from debateprep.tui.screens.speakers import SpeakersPane

    class SpeakersOnly(App[None]):
        def compose(self) -> ComposeResult:
            yield SpeakersPane(Services(db), id="pane-speakers")

        def on_mount(self) -> None:
            self.query_one(SpeakersPane).post_message(DebateSelected(debate_id))

    t = time.perf_counter()
    app = SpeakersOnly()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one("#sp-table", DataTable)
        while table.row_count < N:
            await pilot.pause(0.005)
        await pilot.pause()
        elapsed = time.perf_counter() - t
    return elapsed * 1000


def main() -> None:
    roster = Roster.load()
    entries, source = entries_150(roster)
    assert len(entries) == N
    order_ms, schedule_ms = bench_domain(entries)
    with tempfile.TemporaryDirectory() as tmp:
        db, debate_id = seeded_database(entries, Path(tmp))
        from debateprep.services.speakers import SpeakersService

        service = SpeakersService(db, roster)
        view_ms = median_ms(lambda: service.view(debate_id), runs=10)
        minimal = [asyncio.run(first_paint_minimal()) for _ in range(PAINTS)]
        speakers = [asyncio.run(first_paint_speakers(db, debate_id)) for _ in range(PAINTS)]
        db.dispose()
    m, s = statistics.median(minimal), statistics.median(speakers)
    print(f"speakers list of {N} entries ({source}), 12 manual overrides")
    print(f"  re-order (rules + overrides):      {order_ms:8.2f} ms median of {RUNS}")
    print(f"  re-schedule (sessions, spill-over): {schedule_ms:8.2f} ms median of {RUNS}")
    print(f"  service view from SQLite (read + order + schedule): {view_ms:8.2f} ms median of 10")
    print(f"  first paint, minimal Textual app:          {m:8.1f} ms median of {PAINTS}")
    print(f"  first paint, speakers screen with {N} rows: {s:8.1f} ms median of {PAINTS}")
    print(f"  ratio speakers / minimal first paint: {s / m:.2f}x")
    print(f"  ratio re-order+re-schedule / minimal first paint: {(order_ms + schedule_ms) / m:.3f}x")


if __name__ == "__main__":
    main()
