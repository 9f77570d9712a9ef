"""CLI: `debateprep ours …` — our delegation's statement (not `statements`, which are everyone's
imported speeches): new|list|show|edit|add|remove|move|insert|sources|check|set|revise|diff|rehearse|export.

"ours" reads as "our statement" and cannot be mistaken for the `statements` group; "draft" would
be ambiguous next to the PRST draft.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from debateprep.cli.common import add_debate_arg, add_json_flag, print_json, services
from debateprep.domain.errors import InputError
from debateprep.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from debateprep.domain.our_statement import OurStatement
    from debateprep.services.our_statement import OurStatementService

TEXT = {
    "statement arg": N_("statement draft id (see `debateprep ours list`)"),
    "statement arg optional": N_("statement draft id (default: the current debate's latest; see `debateprep ours "
                                 "list`)"),
    "none yet": N_("no statement draft yet: `debateprep ours new [DEBATE] --delegation NAME`"),
    "text or file": N_("give the text, or --file FILE (- for standard input)"),
    "docx needs output": N_("a Word document needs a file: add -o FILE.docx"),
    "duration": N_("not a duration: {value!r} (seconds, or minutes:seconds like 4:35)"),
}


def _t(key: str) -> str:
    """TEXT[key] in the interface language."""
    return _(TEXT[key])


def _section_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("section", type=int, metavar="SECTION",
                   help=_("section id, as `ours show` gives it: '§3 Heading (id 17, v2)' is id 17 (numbers § move "
                          "when someone adds, drops or moves a section; ids do not)"))


def _statement_arg(p: argparse.ArgumentParser, optional: bool = False) -> None:
    if optional:
        p.add_argument("statement", metavar="STATEMENT", nargs="?", help=_t("statement arg optional"))
    else:
        p.add_argument("statement", metavar="STATEMENT", help=_t("statement arg"))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ours", help=_("write our delegation's statement (sections, length, sources, check, Word export)"),
        description=_("Our statement for a debate: structured from the concept note's guiding questions, timed "
                    "against the speaking limit, sourced from agreed language, checked, exported to markdown and Word."))
    osub = p.add_subparsers(dest="ours_command", metavar="ACTION", required=True)

    new = osub.add_parser("new", help=_("start our statement: opening, one section per guiding question, closing"))
    add_debate_arg(new)
    new.add_argument("--lang", choices=["en", "zh"], help=_("language of the statement (default: the debate's)"))
    new.add_argument("--delegation", metavar="NAME", help=_("who delivers it (default: the debate's --delegation)"))
    new.add_argument("--on-behalf", metavar="GROUP", help=_("delivered on behalf of a group (EU, Nordic countries …)"))
    new.add_argument("--aligning", metavar="NAMES", help=_("delegations aligning themselves, comma-separated"))
    new.add_argument("--chair", choices=["madam", "mister"], help=_("how the President is addressed"))
    new.add_argument("--limit", type=float, metavar="MIN", help=_("speaking limit in minutes (default: the list's)"))
    new.add_argument("--wpm", type=float, help=_("English delivery rate, words a minute (default 130)"))
    new.add_argument("--cpm", type=float, help=_("Chinese delivery rate, characters a minute (default 220)"))
    add_json_flag(new)
    new.set_defaults(func=_new)

    ls = osub.add_parser("list", help=_("list statement drafts"))
    add_debate_arg(ls)
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    show = osub.add_parser("show", help=_("header, numbered sections and the length estimate"))
    _statement_arg(show, optional=True)
    add_json_flag(show)
    show.set_defaults(func=_show)

    edit = osub.add_parser("edit", help=_("replace the text (or heading) of a section (by its id)"))
    _statement_arg(edit)
    _section_arg(edit)
    edit.add_argument("text", nargs="?", help=_("the new text (paragraphs separated by blank lines)"))
    edit.add_argument("--file", metavar="FILE", help=_("read the text from FILE: .txt, .md, .docx, .pdf (- for standard input)"))
    edit.add_argument("--heading", help=_("a new heading for the section"))
    edit.add_argument("--version", type=int,
                      help=_("the section version you edited, 'v2' in `ours show` (refused if it moved on)"))
    add_json_flag(edit)
    edit.set_defaults(func=_edit)

    add = osub.add_parser("add", help=_("add a section (before the closing unless --at)"))
    _statement_arg(add)
    add.add_argument("heading", nargs="?", default="", help=_("its heading (optional with --question)"))
    add.add_argument("--text", default="", help=_("its text"))
    add.add_argument("--question", type=int, metavar="Q", help=_("a section for guiding question Q (talking points, sources)"))
    add.add_argument("--at", type=int, metavar="N", help=_("insert as section N"))
    add_json_flag(add)
    add.set_defaults(func=_add)

    rm = osub.add_parser("remove", help=_("drop a section (by its id)"))
    _statement_arg(rm)
    _section_arg(rm)
    rm.add_argument("--version", type=int,
                    help=_("the section version you saw, 'v2' in `ours show` (refused if its text changed)"))
    add_json_flag(rm)
    rm.set_defaults(func=_remove)

    mv = osub.add_parser("move", help=_("move a section (by its id) to number TO"))
    _statement_arg(mv)
    _section_arg(mv)
    mv.add_argument("target", type=int, metavar="TO", help=_("its number § in the statement after the move"))
    mv.add_argument("--version", type=int, help=_("the statement version you saw (refused if it moved on)"))
    add_json_flag(mv)
    mv.set_defaults(func=_move)

    ins = osub.add_parser("insert", help=_("insert agreed language into a section (by its id), its citation as a footnote"))
    _statement_arg(ins)
    _section_arg(ins)
    src = ins.add_mutually_exclusive_group(required=True)
    src.add_argument("--library", metavar="REF", help=_("library paragraph id or citation, e.g. 'S/RES/2594 (2021), OP 4'"))
    src.add_argument("--suggestion", type=int, metavar="K", help=_("the section's suggestion K (see `ours sources`)"))
    ins.add_argument("--at", type=int, metavar="P", help=_("as paragraph P of the section (default: at its end)"))
    ins.add_argument("--version", type=int,
                     help=_("the section version you saw, 'v2' in `ours show` (refused if it moved on)"))
    add_json_flag(ins)
    ins.set_defaults(func=_insert)

    srcs = osub.add_parser("sources", help=_("for a section (by its id): agreed language, what we said before, "
                                             "what others said"))
    _statement_arg(srcs)
    _section_arg(srcs)
    srcs.add_argument("--refresh", action="store_true", help=_("search the library again for every question section"))
    add_json_flag(srcs)
    srcs.set_defaults(func=_sources)

    chk = osub.add_parser("check", help=_("questions addressed and missed, length, placeholders, open brackets"))
    _statement_arg(chk, optional=True)
    chk.add_argument("--strict", action="store_true", help=_("exit 1 unless the statement is ready"))
    add_json_flag(chk)
    chk.set_defaults(func=_check)

    st = osub.add_parser("set", help=_("change the limit, delivery rates, address, group or occasion"))
    _statement_arg(st, optional=True)
    st.add_argument("--limit", metavar="MIN", help=_("speaking limit in minutes, or 'list' for the speakers list's"))
    st.add_argument("--wpm", type=float, help=_("English words a minute"))
    st.add_argument("--cpm", type=float, help=_("Chinese characters a minute"))
    st.add_argument("--chair", choices=["madam", "mister"], help=_("how the President is addressed"))
    st.add_argument("--on-behalf", metavar="GROUP", help=_("the group the statement is delivered for"))
    st.add_argument("--aligning", metavar="NAMES", help=_("delegations aligning themselves, comma-separated"))
    st.add_argument("--topic", help=_("the debate's subject as the header says it"))
    st.add_argument("--delegation", metavar="NAME", help=_("who delivers it"))
    st.add_argument("--version", type=int, help=_("the statement version you saw (refused if it moved on)"))
    add_json_flag(st)
    st.set_defaults(func=_set)

    rev = osub.add_parser("revise", help=_("keep the current text as the next revision (rev.1, rev.2 …)"))
    _statement_arg(rev, optional=True)
    rev.add_argument("--note", default="", help=_("what this revision is for"))
    add_json_flag(rev)
    rev.set_defaults(func=_revise)

    diff = osub.add_parser("diff", help=_("differences between two revisions ('current' = working text)"))
    _statement_arg(diff, optional=True)
    diff.add_argument("old", nargs="?", metavar="OLD", help=_("e.g. rev.1 (default: the latest revision)"))
    diff.add_argument("new", nargs="?", metavar="NEW", help=_("e.g. rev.2 or current (default: current)"))
    add_json_flag(diff)
    diff.set_defaults(func=_diff, shift=("statement", "old", "new"))

    reh = osub.add_parser("rehearse", help=_("record a read-aloud's duration against the estimate"))
    _statement_arg(reh)
    reh.add_argument("duration", metavar="DURATION", help=_("seconds, or minutes:seconds (4:35)"))
    add_json_flag(reh)
    reh.set_defaults(func=_rehearse)

    exp = osub.add_parser("export", help=_("markdown (stdout or -o FILE.md) or Word (-o FILE.docx)"))
    _statement_arg(exp, optional=True)
    exp.add_argument("-o", "--output", metavar="FILE",
                     help=_("write to FILE, or to statement-DEBATE-LANG.md (.docx) inside a folder; .docx writes Word "
                            "(never overwritten without --force)"))
    exp.add_argument("--docx", action="store_true", help=_("Word even if FILE does not end in .docx"))
    exp.add_argument("--delivery", action="store_true", help=_("the delivery copy: no footnotes (large type in Word)"))
    exp.add_argument("--rev", metavar="REV", help=_("export a revision (e.g. rev.1) instead of the working text"))
    exp.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    exp.set_defaults(func=_export)


def _service(args: argparse.Namespace) -> OurStatementService:
    return services(args).ours


def _id(args: argparse.Namespace) -> int:
    """STATEMENT, else the latest statement (as `ours show` without one)."""
    if args.statement is None:
        statement_id = _service(args).resolve(None, debate_id=services(args).debates.resolve(None).id).id
        assert statement_id is not None
        return statement_id
    try:
        return int(args.statement)
    except (TypeError, ValueError):
        raise InputError(None, _("statement must be a number, not {value!r}").format(value=args.statement)) from None


def _names(text: str | None) -> list[str]:
    return [n.strip() for n in re.split(r"[,，、;]", text or "") if n.strip()]


def _print(statement: OurStatement) -> None:
    revs = ", ".join(r.label for r in statement.revisions) or "no revision"
    print(f"statement {statement.label()} for debate #{statement.debate_id} · version {statement.version} · {revs}")
    for line in statement.header():
        print(f"  {line}")
    print(_("length: {estimate} · limit from the {source}").format(estimate=statement.estimate().describe(),
                                                                   source=statement.limit_source_name()))
    for number, section in enumerate(statement.sections, start=1):
        label = f" [{section.question_label}]" if section.question_label else ""
        print(f"\n§{number} {section.heading}{label} ({section.kind}, id {section.id}, v{section.version})")
        for paragraph in section.paragraphs():
            print(f"   {paragraph}")


def _new(args: argparse.Namespace) -> int:
    debate = services(args).debates.resolve(args.debate)
    assert debate.id is not None
    statement = _service(args).new(
        debate.id, args.lang, delegation=args.delegation, on_behalf_of=args.on_behalf,
        aligning=_names(args.aligning), chair=args.chair, limit_minutes=args.limit,
        words_per_minute=args.wpm, characters_per_minute=args.cpm)
    if args.json:
        print_json(statement.to_json())
    else:
        questions = sum(1 for s in statement.sections if s.kind == "question")
        print(f"statement {statement.label()} for {debate.label()}: "
              + ngettext("{n} section", "{n} sections", len(statement.sections)).format(n=len(statement.sections))
              + " (" + ngettext("{n} guiding question", "{n} guiding questions", questions).format(n=questions) + ")")
        print(statement.sections[0].text)
        print(statement.estimate().describe())
    return 0


def _list(args: argparse.Namespace) -> int:
    found = _service(args).statements(services(args).debates.resolve(args.debate).id)
    if args.json:
        print_json([s.to_json() for s in found])
    elif not found:
        print(_t("none yet"))
    else:
        for s in found:
            latest = s.latest_revision()
            print(f"{s.label()} debate #{s.debate_id}: "
                  + ngettext("{n} section", "{n} sections", len(s.sections)).format(n=len(s.sections))
                  + f", {s.estimate().describe()}, {latest.label if latest else 'no revision'}")
    return 0


def _show(args: argparse.Namespace) -> int:
    statement = _service(args).resolve(args.statement)
    if args.json:
        print_json(statement.to_json())
    else:
        _print(statement)
    return 0


def _read_text(args: argparse.Namespace) -> str | None:
    if args.file is not None:
        if args.text is not None:
            raise InputError(None, _t("text or file"))
        if args.file == "-":
            return sys.stdin.read()
        from debateprep.importers.reader import read_document

        # The project's reader: .txt/.md (any common encoding), .docx, .pdf; size limits; a FIFO,
        # device or folder refused with one line.
        return read_document(Path(args.file)).text
    return args.text  # type: ignore[no-any-return]


def _edit(args: argparse.Namespace) -> int:
    from dataclasses import replace

    service = _service(args)
    statement_id = _id(args)
    statement = service.get(statement_id)
    section = statement.section_by_id(args.section)
    if args.version is not None:
        section = replace(section, version=args.version)
    text = _read_text(args)
    if text is None and args.heading is None:
        raise InputError(None, _t("text or file"))
    edited = service.edit_section(statement_id, section, section.text if text is None else text, args.heading)
    after = service.get(statement_id)
    estimate, number = after.estimate(), after.section_number(edited.id)
    if args.json:
        print_json({**edited.to_json(), "number": number, "estimate": estimate.to_json()})
    else:
        print(f"§{number} {edited.heading} (id {edited.id}, v{edited.version}) saved · {estimate.describe()}")
    return 0


def _add(args: argparse.Namespace) -> int:
    service = _service(args)
    statement_id = _id(args)
    section = service.add_section(statement_id, args.heading, args.text, at=args.at, question=args.question)
    number = service.get(statement_id).section_number(section.id)
    if args.json:
        print_json({**section.to_json(), "number": number})
    else:
        print(f"§{number} {section.heading} (id {section.id}, v{section.version})")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from dataclasses import replace

    service = _service(args)
    statement_id = _id(args)
    section = service.get(statement_id).section_by_id(args.section)
    if args.version is not None:
        section = replace(section, version=args.version)
    service.remove_section(statement_id, section)
    if args.json:
        print_json({"removed": section.id, "version": section.version, "heading": section.heading,
                    "text": section.text})
    else:
        print(f"removed section id {section.id} (v{section.version}): {section.heading}")
    return 0


def _move(args: argparse.Namespace) -> int:
    statement = _service(args).move_section(_id(args), args.section, args.target, args.version)
    if args.json:
        print_json(statement.to_json())
    else:
        print(f"statement {statement.label()} · version {statement.version}")
        for number, section in enumerate(statement.sections, start=1):
            print(f"§{number} {section.heading} (id {section.id})")
    return 0


def _insert(args: argparse.Namespace) -> int:
    service = _service(args)
    statement_id = _id(args)
    if args.suggestion is not None:
        section = service.insert_suggestion(statement_id, args.section, args.suggestion, args.version)
    else:
        section = service.insert_library(statement_id, args.section, args.library, at=args.at, version=args.version)
    number = service.get(statement_id).section_number(section.id)
    if args.json:
        print_json({**section.to_json(), "number": number})
    else:
        print(f"§{number} {section.heading} (id {section.id}, v{section.version}):")
        for paragraph in section.paragraphs():
            print(f"   {paragraph}")
    return 0


def _sources(args: argparse.Namespace) -> int:
    service = _service(args)
    statement_id = _id(args)
    if args.refresh:
        service.refresh_sources(statement_id)
    found = service.sources(statement_id, args.section)
    if args.json:
        print_json(found.to_json())
        return 0
    print(f"§{found.section} (id {args.section}): {found.question or '(no guiding question)'}")
    print("agreed language (relevance; why):" if found.library else
          "agreed language: no close agreed language found (nothing adopted before the debate, on its subject, "
          "passes the relevance floor; `debateprep library search` looks for any wording)")
    for k, s in enumerate(found.library, start=1):
        print(f"  {k}. {s.describe()}: {s.text}")
    print("what we said before:" if found.ours else "what we said before: nothing on this in our statements")
    for p in found.ours:
        print(f"  - {p.source}: {p.text}")
    print("what others said:" if found.others else "what others said: no statement imported addresses it")
    for p in found.others:
        print(f"  - {p.delegation} ({p.strength:.0%}): {p.text}")
    return 0


def _check(args: argparse.Namespace) -> int:
    service = _service(args)
    statement = service.resolve(args.statement)
    assert statement.id is not None
    report = service.check(statement.id)
    if args.json:
        print_json(report.to_json())
    else:
        for line in report.lines():
            print(line)
    return 1 if args.strict and not report.ready else 0


def _set(args: argparse.Namespace) -> int:
    limit: float | None | str = "keep"
    if args.limit is not None:
        if args.limit.strip().lower() in ("list", "debate", "default", "none"):
            limit = None
        else:
            try:
                limit = float(args.limit)
            except ValueError:
                raise InputError(None, _("--limit: not a number of minutes: {limit!r}").format(
                    limit=args.limit)) from None
    statement = _service(args).configure(
        _id(args), args.version, limit_minutes=limit, words_per_minute=args.wpm, characters_per_minute=args.cpm,
        chair=args.chair, on_behalf_of=args.on_behalf, aligning=None if args.aligning is None else _names(args.aligning),
        topic=args.topic, delegation=args.delegation)
    if args.json:
        print_json(statement.to_json())
    else:
        print(f"statement {statement.label()} · version {statement.version}")
        print(_("{estimate} · limit from the {source}").format(estimate=statement.estimate().describe(),
                                                             source=statement.limit_source_name()))
    return 0


def _revise(args: argparse.Namespace) -> int:
    revision = _service(args).revise(_id(args), args.note)
    if args.json:
        print_json({"revision": revision.label, "paragraphs": list(revision.paragraphs), "note": revision.note})
    else:
        count = len(revision.paragraphs)
        print(f"{revision.label}: " + ngettext("{n} paragraph kept", "{n} paragraphs kept", count).format(n=count))
    return 0


def _diff(args: argparse.Namespace) -> int:
    diff = _service(args).diff(_id(args), args.old, args.new)
    if args.json:
        print_json(diff.to_json())
    else:
        print(diff.render())
    return 0


def parse_duration(value: str) -> float:
    """'275', '275.5' or '4:35' -> seconds."""
    text = value.strip()
    m = re.fullmatch(r"(\d+):([0-5]?\d(?:\.\d+)?)", text)
    try:
        seconds = int(m.group(1)) * 60 + float(m.group(2)) if m else float(text)
    except ValueError:
        raise InputError(None, _t("duration").format(value=value)) from None
    return seconds


def _rehearse(args: argparse.Namespace) -> int:
    service, statement_id = _service(args), _id(args)
    rehearsal = service.rehearse(statement_id, parse_duration(args.duration))
    if args.json:
        print_json(rehearsal.to_json())
    else:
        from debateprep.domain.delivery import mmss, rate_text

        pace = (" · " + rate_text(rehearsal.rate, service.get(statement_id).language)) if rehearsal.rate else ""
        print(_("read aloud in {actual} (estimate {estimated})").format(
            actual=mmss(rehearsal.actual_seconds), estimated=mmss(rehearsal.estimated_seconds)) + pace)
    return 0


def _export(args: argparse.Namespace) -> int:
    from debateprep.cli.common import write_export
    from debateprep.services.exports import default_name

    service = _service(args)
    statement_id = _id(args)
    docx = args.docx or (args.output is not None and args.output.lower().endswith(".docx"))
    if docx and args.output is None:
        raise InputError(None, _t("docx needs output"))
    if args.output is None:
        sys.stdout.write(service.export_markdown(statement_id, delivery=args.delivery, revision=args.rev))
        return 0
    if docx:
        content: str | bytes = service.export_docx(statement_id, delivery=args.delivery, revision=args.rev)
    else:
        content = service.export_markdown(statement_id, delivery=args.delivery, revision=args.rev)
    statement = service.get(statement_id)
    name = default_name("statement", statement.debate_id, lang=statement.language, ext="docx" if docx else "md")
    target = write_export(args, args.output, name, content, args.force)
    print(_("wrote {path}").format(path=target.resolve()), file=sys.stderr)
    return 0
