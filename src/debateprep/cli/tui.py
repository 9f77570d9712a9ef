"""CLI: open the terminal UI (bare `debateprep`, `debateprep tui`, `debateprep demo`)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tui", help="open the terminal UI (same as running debateprep with no command)")
    p.set_defaults(func=run_tui)
    demo = sub.add_parser("demo", help="load the bundled sample debate and open the terminal UI")
    demo.add_argument("--no-tui", action="store_true", help="only load the sample, print what was loaded")
    demo.set_defaults(func=run_demo)


def run_tui(args: argparse.Namespace) -> int:
    from debateprep.config import resolve_database_url
    from debateprep.storage.lazy import LazyDatabase
    from debateprep.tui.app import DebatePrepApp

    # Opened in the background after the first frame; a failure is shown in the app.
    DebatePrepApp(LazyDatabase(resolve_database_url(getattr(args, "db", None)))).run()  # type: ignore[arg-type]
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from debateprep.cli.common import open_db
    from debateprep.services.sample import load_sample

    db = open_db(args)
    report = load_sample(db)
    if args.no_tui:
        for line in report:
            print(line)
        return 0
    from debateprep.tui.app import DebatePrepApp

    DebatePrepApp(db).run()
    return 0
