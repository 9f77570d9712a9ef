"""CLI: `debateprep export brief [DEBATE] [-o FILE] [--lang zh|en] [--html] [--force] [--delegation NAME]`."""

from __future__ import annotations

import argparse
import sys

from debateprep.cli.common import add_debate_arg
from debateprep.i18n import _


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help=_("export documents (the delegation brief)"))
    esub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)

    brief = esub.add_parser(
        "brief",
        help=_("the delegation brief of a debate as markdown (or printable HTML)"),
        description=_("One markdown document: the meeting, the concept note, guiding questions with room for "
        "our talking points, briefers, the speakers list and when we speak, coverage and convergence, "
        "agreed language and the PRST draft. Printed to stdout unless -o is given."),
    )
    add_debate_arg(brief)
    brief.add_argument("-o", "--output", metavar="FILE",
                       help=_("write to FILE, or to brief-DEBATE-LANG.md (.html, .docx) inside a folder "
                              "(never overwritten without --force)"))
    brief.add_argument("--lang", choices=["en", "zh"],
                       help=_("language of headings and fixed text (default: the debate's language)"))
    brief.add_argument("--html", action="store_true", help=_("printable HTML from the same markdown"))
    brief.add_argument("--docx", action="store_true",
                       help=_("a Word document (also when FILE ends in .docx): page numbers, footnotes"))
    brief.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    brief.add_argument("--delegation", metavar="NAME",
                       help=_("our delegation, to say when we speak (default: the debate's setting)"))
    brief.set_defaults(func=_brief)


def _brief(args: argparse.Namespace) -> int:
    from debateprep.cli.common import services, write_export
    from debateprep.domain.errors import InputError
    from debateprep.services.exports import default_name

    docx = args.docx or (args.output is not None and args.output.lower().endswith(".docx"))
    if docx and args.html:
        raise InputError(None, _("choose --html or --docx, not both"))
    if docx and args.output is None:
        raise InputError(None, _("a Word document needs a file: add -o FILE.docx"))
    service = services(args).brief
    export = service.export(args.debate, lang=args.lang, delegation=args.delegation, html=args.html)
    if args.output is None:
        sys.stdout.write(export.content)
        return 0
    content: str | bytes = export.content
    if docx:
        from debateprep.exporters.docx import markdown_to_docx
        from debateprep.services.brief import brief_title

        content = markdown_to_docx(export.content, language=export.lang,
                                   header=brief_title(export.debate, export.lang))
    name = default_name("brief", export.debate.id, lang=export.lang,
                        ext="docx" if docx else "html" if args.html else "md")
    target = write_export(args, args.output, name, content, args.force)
    print(_("wrote {path} ({summary})").format(path=target.resolve(), summary=export.summary), file=sys.stderr)
    return 0
