"""CLI: `import FILE`, `notes`, `show ID` and `question …` (concept notes and guiding questions)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from debateprep.cli.common import check_input_paths, print_json, services
from debateprep.domain.cells import cell_len, fit
from debateprep.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from debateprep.domain.concept_note import Question, StoredNote
    from debateprep.services.notes import NotesService


def _json_flag(parser: argparse.ArgumentParser, nested: bool = False) -> None:
    # Nested parsers must not reset a --json given before the sub-command.
    kwargs = {"default": argparse.SUPPRESS} if nested else {}
    parser.add_argument("--json", action="store_true", help=_("print machine-readable JSON"), **kwargs)  # type: ignore[arg-type]


def _import_args(p: argparse.ArgumentParser, nested: bool = False) -> None:
    p.add_argument("file", metavar="FILE", help=_("the concept note: .txt/.md (any encoding), .docx or .pdf"))
    p.add_argument("--symbol", metavar="SYM", help=_("document symbol when the text lacks it, e.g. S/2014/74"))
    _json_flag(p, nested)
    p.set_defaults(func=_import)


ARG_HELP = {"question": N_("question id (see `debateprep question list`)"), "position": N_("its new position (1 = first)")}
NOTE_HELP = N_("concept note id (default: the current debate's note; see `debateprep notes`)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _import_args(sub.add_parser("import", help=_("import a concept note (.txt, .md, .docx, .pdf)")))

    notes = sub.add_parser("notes", help=_("list imported concept notes (also: notes import|list|show)"))
    _json_flag(notes)
    notes.set_defaults(func=_list)
    nsub = notes.add_subparsers(dest="notes_command", metavar="ACTION")
    _import_args(nsub.add_parser("import", help=_("import a concept note")), nested=True)
    ls = nsub.add_parser("list", help=_("list imported concept notes"))
    _json_flag(ls, nested=True)
    ls.set_defaults(func=_list)
    _show_args(nsub.add_parser("show", help=_("show one concept note")), nested=True)

    _show_args(sub.add_parser("show", help=_("show an imported concept note")))

    q = sub.add_parser("question", help=_("work the guiding questions of a concept note"))
    qsub = q.add_subparsers(dest="question_command", metavar="ACTION", required=True)
    for name, help_text, args, func in (
        ("list", N_("list a note's guiding questions"), ("note",), _q_list),
        ("edit", N_("reword a question"), ("question", "text"), _q_edit),
        ("add", N_("add a question"), ("note", "text"), _q_add),
        ("move", N_("move a question to a position (1 = first)"), ("question", "position"), _q_move),
        ("delete", N_("delete a question"), ("question",), _q_delete),
        ("restore", N_("put back the note's own wording of a question"), ("question",), _q_restore),
        ("reset", N_("back to the questions as extracted (undo edits, deletions, additions)"), ("note",), _q_reset),
    ):
        p = qsub.add_parser(name, help=_(help_text))
        for arg in args:
            if arg == "text":
                p.add_argument("text", metavar="TEXT")
            elif arg == "note":  # a note stands for its debate: optional, as a DEBATE is
                p.add_argument("note", type=int, metavar="NOTE", nargs="?", help=_(NOTE_HELP))
            else:
                p.add_argument(arg, type=int, metavar=arg.upper(), help=_(ARG_HELP[arg]))
        if name in ("edit", "move", "delete", "restore"):
            p.add_argument("--version", type=int, help=_("the version you edited (refused if it changed since)"))
        if name == "add":
            p.add_argument("--at", type=int, metavar="POS", help=_("position (default: last)"))
        _json_flag(p)
        p.set_defaults(func=func)


def _show_args(p: argparse.ArgumentParser, nested: bool = False) -> None:
    p.add_argument("note", type=int, metavar="NOTE", nargs="?", help=_(NOTE_HELP))
    _json_flag(p, nested)
    p.set_defaults(func=_show)


def _service(args: argparse.Namespace) -> NotesService:
    return services(args).notes


def _note_id(args: argparse.Namespace) -> int:
    """NOTE, else the note of the current debate (the most recent one)."""
    if args.note is not None:
        return int(args.note)
    from debateprep.domain.errors import NotFound

    debate = services(args).debates.resolve(None)
    assert debate.id is not None
    stored = _service(args).for_debate(debate.id)
    if stored is None:
        raise NotFound(_("debate #{debate_id} has no concept note: `debateprep import FILE`, or give a NOTE").format(
            debate_id=debate.id))
    return stored.id


def _wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


# -- notes ------------------------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    from debateprep.importers.concept_note import import_concept_note

    check_input_paths([args.file])
    parsed = import_concept_note(args.file, symbol=args.symbol)  # bad input fails before the database opens
    result = _service(args).import_file(args.file, symbol=args.symbol, parsed=parsed)
    for warning in result.warnings:
        print(f"debateprep: warning: {warning}", file=sys.stderr)
    if _wants_json(args):
        if not result.created:
            print(f"debateprep: {result}", file=sys.stderr)
        print_json(result.note.to_json())
    else:
        print(result)
        if result.created:
            _print_questions(result.note.note.questions)
            if result.note.note.briefers and result.debate_id is not None:
                count = len(result.note.note.briefers)
                print("\n" + ngettext("next: `debateprep speakers import {debate} --briefers` puts the {n} briefer "
                                      "on the speakers list (rule 39, to be confirmed)",
                                      "next: `debateprep speakers import {debate} --briefers` puts the {n} briefers "
                                      "on the speakers list (rule 39, to be confirmed)", count).format(
                    debate=result.debate_id, n=count))
    return 0


def _list(args: argparse.Namespace) -> int:
    notes = _service(args).list()
    if _wants_json(args):
        print_json([n.to_json() for n in notes])
    elif not notes:
        print(_("no concept notes yet: `debateprep import FILE` (.txt, .md, .docx or .pdf)"))
    else:
        for n in notes:
            when = n.meeting_date.isoformat() if n.meeting_date else "date unknown"
            print(f"#{n.id}  {n.symbol or '-'}  {n.language}  {when}  "
                  + ngettext("{n} question", "{n} questions", n.question_count).format(n=n.question_count)
                  + f"  {n.title or n.source_name}")
    return 0


def _show(args: argparse.Namespace) -> int:
    stored = _service(args).get(_note_id(args))
    if _wants_json(args):
        print_json(stored.to_json())
    else:
        _print_note(stored)
    return 0


def _print_note(stored: StoredNote) -> None:
    n = stored.note
    print(f"#{stored.id}  {n.symbol or '(no symbol)'}  [{n.language}]  {n.title or ''}")
    if n.focus:
        print(f"    {n.focus}")
    for label, value in (
        ("presidency", n.presidency), ("letter", n.letter_date), ("meeting", n.meeting_date),
        ("addressee", n.addressee), ("signatory", n.signatory.name if n.signatory else None),
        ("source", stored.source_name),
    ):
        if value:
            print(f"{label:>11}: {value}")
    print("\nsections:")
    for s in n.sections:
        if s.heading:
            print(f"{'  ' * s.level}{s.number + ' ' if s.number else ''}{s.heading}")
    if n.themes:
        print("\nthemes: " + " · ".join(n.themes))
    print("\nguiding questions:")
    _print_questions(n.questions)
    if n.briefers:
        print("\nbriefers:")
        for b in n.briefers:
            print(f"  - {b.label()}")
    print(f"\noutcome: {n.outcome.kind}" + (f" — {n.outcome.evidence}" if n.outcome.evidence else ""))
    if n.cited_documents:
        print("cited: " + ", ".join(n.cited_documents))


def _print_questions(questions: list[Question]) -> None:
    kinds = (_("topic"), _("Q"))  # the kinds F1 shows: a topic heading or a question
    width = max(cell_len(k) for k in kinds)
    for q in questions:
        kind = fit(kinds[0] if q.topic else kinds[1], width)
        edited = " (edited)" if q.edited else (" (added)" if q.original is None else "")
        print(f"  {q.position:>2}. [{kind}] {q.text}{edited}   (#{q.id} v{q.version})")


# -- questions --------------------------------------------------------------------------------


def _q_print(args: argparse.Namespace, question: Question, verb: str) -> int:
    if _wants_json(args):
        print_json(_question_json(question))
    else:
        print(f"{verb} question #{question.id} (position {question.position}, version {question.version}): {question.text}")
    return 0


def _question_json(q: Question) -> dict[str, object]:
    return {
        "id": q.id, "position": q.position, "version": q.version, "text": q.text, "topic": q.topic,
        "section": q.section, "original": q.original, "question_form": q.question_form,
        "provenance": q.provenance.describe(),
    }


def _q_list(args: argparse.Namespace) -> int:
    note_id = _note_id(args)
    questions = _service(args).questions(note_id)
    if _wants_json(args):
        print_json([_question_json(q) for q in questions])
    elif not questions:
        print(f"concept note #{note_id} has no guiding questions")
    else:
        _print_questions(questions)
    return 0


def _q_edit(args: argparse.Namespace) -> int:
    return _q_print(args, _service(args).edit_question(args.question, args.text, args.version), "edited")


def _q_add(args: argparse.Namespace) -> int:
    return _q_print(args, _service(args).add_question(_note_id(args), args.text, args.at), "added")


def _q_move(args: argparse.Namespace) -> int:
    return _q_print(args, _service(args).move_question(args.question, args.position, args.version), "moved")


def _q_delete(args: argparse.Namespace) -> int:
    return _q_print(args, _service(args).delete_question(args.question, args.version), "deleted")


def _q_restore(args: argparse.Namespace) -> int:
    return _q_print(args, _service(args).restore_question(args.question, args.version), "restored")


def _q_reset(args: argparse.Namespace) -> int:
    note_id = _note_id(args)
    questions = _service(args).reset_questions(note_id)
    if _wants_json(args):
        print_json([_question_json(q) for q in questions])
    else:
        print(ngettext("concept note #{note}: {n} guiding question as extracted",
                       "concept note #{note}: {n} guiding questions as extracted", len(questions)).format(
            note=note_id, n=len(questions)))
        _print_questions(questions)
    return 0
