"""CLI: open the terminal UI (bare `debateprep`, `debateprep tui`, `debateprep demo`)."""

from __future__ import annotations

import argparse

from debateprep.cli.common import services
from debateprep.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("tui", help=_("open the terminal UI (same as running debateprep with no command)"))
    p.set_defaults(func=run_tui)
    demo = sub.add_parser("demo", help=_("load the bundled sample debate and open the terminal UI"))
    demo.add_argument("--no-tui", action="store_true",
                      help=_("only load the sample and print what was loaded (a check that needs no terminal)"))
    demo.set_defaults(func=run_demo)


def run_tui(args: argparse.Namespace) -> int:
    from debateprep.tui.app import make_app

    # The database is opened in the background after the first frame; a failure is shown in the app.
    make_app(services(args)).run()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    run = services(args)
    report = run.load_sample()
    if args.no_tui:
        for line in report:
            print(line)
        return 0
    from debateprep.tui.app import make_app

    make_app(run).run()
    return 0
