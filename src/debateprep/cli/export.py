"""CLI: `debateprep export brief [DEBATE] [-o FILE] [--lang zh|en] [--html] [--force] [--delegation NAME]`."""

from __future__ import annotations

import argparse
import sys

from debateprep.cli.common import add_debate_arg


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export documents (the delegation brief)")
    esub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    brief = esub.add_parser(
        "brief",
        help="the delegation brief of a debate as markdown (or printable HTML)",
        description="One markdown document: the meeting, the concept note, guiding questions with room for "
        "our talking points, briefers, the speakers list and when we speak, coverage and convergence, "
        "agreed language and the PRST draft. Printed to stdout unless -o is given.",
    )
    add_debate_arg(brief)
    brief.add_argument("-o", "--output", metavar="FILE",
                       help="write to FILE, or to brief-DEBATE-LANG.md (.html) inside a folder "
                            "(never overwritten without --force)")
    brief.add_argument("--lang", choices=["en", "zh"],
                       help="language of headings and fixed text (default: the debate's language)")
    brief.add_argument("--html", action="store_true", help="printable HTML from the same markdown")
    brief.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    brief.add_argument("--delegation", metavar="NAME",
                       help="our delegation, to say when we speak (default: the debate's setting)")
    brief.set_defaults(func=_brief)


def _brief(args: argparse.Namespace) -> int:
    from debateprep.cli.common import services, write_export
    from debateprep.services.exports import default_name

    service = services(args).brief
    export = service.export(args.debate, lang=args.lang, delegation=args.delegation, html=args.html)
    if args.output is None:
        sys.stdout.write(export.content)
        return 0
    name = default_name("brief", export.debate.id, lang=export.lang, ext="html" if args.html else "md")
    target = write_export(args, args.output, name, export.content, args.force)
    print(f"wrote {target.resolve()} ({export.summary})", file=sys.stderr)
    return 0
