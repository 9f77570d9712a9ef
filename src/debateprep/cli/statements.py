"""CLI: `debateprep statements import|list|show|resolve|remove|coverage|convergence`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from debateprep.cli.common import add_debate_arg, add_json_flag, check_input_paths, print_json, services, usage_error
from debateprep.i18n import _, ngettext

if TYPE_CHECKING:
    from debateprep.domain.coverage import CoverageCell, CoverageQuestion
    from debateprep.services.statements import ImportReport, StatementService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("statements", help=_("import statements; coverage of guiding questions; convergence"))
    ssub = p.add_subparsers(dest="statements_command", metavar="ACTION", required=True)

    imp = ssub.add_parser("import", help=_("import statement files, or a verbatim record with --record"))
    add_debate_arg(imp)
    imp.add_argument("files", metavar="FILE", nargs="+",
                     help=_(".txt/.md/.docx/.pdf; with --record also a folder of one-speech-per-file records"))
    imp.add_argument("--record", action="store_true",
                     help=_("the files are a verbatim record (S/PV.…): split into speeches at the speaker headers"))
    imp.add_argument("--delegation", help=_("the delegation a single statement file belongs to (roster name)"))
    imp.add_argument("--entry", type=int, metavar="ID",
                     help=_("the speakers-list entry a single statement file was delivered under"))
    imp.add_argument("--meeting", type=int, help=_("with --record: keep only this meeting's files (default: the debate's)"))
    imp.add_argument("--replace", action="store_true", help=_("replace statements already imported from the same source"))
    add_json_flag(imp)
    imp.set_defaults(func=_import, shift=("debate", "files"))

    ls = ssub.add_parser("list", help=_("list a debate's statements"))
    add_debate_arg(ls)
    ls.add_argument("--unmapped", action="store_true", help=_("only speeches not yet mapped to a delegation"))
    ls.add_argument("--all", action="store_true", help=_("include the President's procedural remarks"))
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    show = ssub.add_parser("show", help=_("read one statement: paragraphs, sentences and proposals"))
    show.add_argument("statement", type=int, metavar="ID", help=_("statement id (see `statements list`)"))
    add_json_flag(show)
    show.set_defaults(func=_show)

    res = ssub.add_parser("resolve", help=_("map an unmapped speech to a delegation by hand"))
    res.add_argument("statement", type=int, metavar="ID", help=_("statement id (see `statements list --unmapped`)"))
    res.add_argument("delegation", nargs="?", help=_("roster name, English or Chinese (e.g. 'ICRC', '中国')"))
    res.add_argument("--none", action="store_true", help=_("it speaks for no delegation: mark it procedural"))
    res.add_argument("--version", type=int, help=_("the version you read (refuse if someone changed it since)"))
    add_json_flag(res)
    res.set_defaults(func=_resolve)

    rm = ssub.add_parser("remove", help=_("remove a statement imported by mistake (with its coverage marks)"))
    rm.add_argument("statement", type=int, metavar="ID", help=_("statement id (see `statements list`)"))
    rm.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    rm.add_argument("--version", type=int, help=_("the version you read (refuse if someone changed it since)"))
    add_json_flag(rm)
    rm.set_defaults(func=_remove)

    cov = ssub.add_parser("coverage", help=_("which delegation addressed which guiding question, with the passage"))
    add_debate_arg(cov)
    cov.add_argument("--questions", metavar="FILE",
                     help=_("questions, one per line; ' | ' adds another wording (a translation); "
                          "default: the debate's concept note"))
    cov.add_argument("--question", metavar="N", type=int, help=_("show the evidence for question N"))
    add_json_flag(cov)
    cov.set_defaults(func=_coverage)

    mark = ssub.add_parser("mark", help=_("mark a coverage cell wrong, or addressed where the tool missed it"))
    add_debate_arg(mark)
    mark.add_argument("delegation", metavar="DELEGATION", help=_("the delegation (roster name, English or Chinese)"))
    mark.add_argument("question", metavar="QUESTION", help=_("the question: Q3 or 3"))
    which = mark.add_mutually_exclusive_group(required=True)
    which.add_argument("--wrong", dest="mark", action="store_const", const="wrong",
                       help=_("the tool's cell is not an answer to the question"))
    which.add_argument("--addressed", dest="mark", action="store_const", const="addressed",
                       help=_("the delegation addressed the question (the tool missed it)"))
    which.add_argument("--clear", dest="mark", action="store_const", const="clear", help=_("remove the mark"))
    mark.add_argument("--questions", metavar="FILE", help=_("the questions file coverage was run with, if any"))
    add_json_flag(mark)
    mark.set_defaults(func=_mark_cell)

    con = ssub.add_parser("convergence", help=_("proposals shared by several delegations, most shared first"))
    add_debate_arg(con)
    con.add_argument("--min", type=int, default=2, help=_("least number of delegations in a group (default 2)"))
    con.add_argument("--limit", type=int, default=20, help=_("groups to show (default 20; 0 for all)"))
    add_json_flag(con)
    con.set_defaults(func=_convergence)


def _service(args: argparse.Namespace) -> StatementService:
    return services(args).statements


def _debate_id(args: argparse.Namespace, service: StatementService) -> int:
    debate = services(args).debates.resolve(args.debate)
    assert debate.id is not None
    return debate.id


def _import(args: argparse.Namespace) -> int:
    from debateprep.domain.errors import InputError

    check_input_paths(args.files)
    service = _service(args)
    if args.record and (args.delegation or args.entry):
        usage_error(args, _("--delegation/--entry are for statement files; a record maps each speech itself"))
    debate_id = _debate_id(args, service)
    if args.record:
        report = service.import_record(debate_id, args.files, meeting=args.meeting, replace=args.replace)
    else:
        for f in args.files:
            if Path(f).is_dir():
                raise InputError(f, _("is a folder: give the files, or add --record for a verbatim record"))
        report = service.import_files(debate_id, args.files, delegation=args.delegation, entry_id=args.entry,
                                      replace=args.replace)
    _print_report(report, args.json)
    return 0


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        print_json(report.to_json())
        return
    s = report.summary()
    where = f" from {', '.join(report.records)}" if report.records else ""
    kinds = ", ".join((ngettext("{n} statement", "{n} statements", s["statements"]).format(n=s["statements"]),
                       ngettext("{n} briefing", "{n} briefings", s["briefings"]).format(n=s["briefings"]),
                       _("{n} procedural").format(n=s["procedural"])))
    print(ngettext("imported {n} speech{where} into debate #{debate}: {kinds}; {delegations}",
                   "imported {n} speeches{where} into debate #{debate}: {kinds}; {delegations}", s["imported"]).format(
        n=s["imported"], where=where, debate=report.debate_id, kinds=kinds,
        delegations=ngettext("{n} delegation", "{n} delegations", s["delegations"]).format(n=s["delegations"])))
    if s["replaced"]:
        print(ngettext("replaced {n} earlier import of the same sources", "replaced {n} earlier imports of the same sources",
                       s["replaced"]).format(n=s["replaced"]))
    if report.unmapped:
        print(_("{n} not mapped to a delegation (resolve with `debateprep statements resolve ID NAME`):").format(
            n=len(report.unmapped)))
        for st in report.unmapped:
            hint = f"  — {st.suggestion}" if st.suggestion else ""
            print(f"  #{st.id}  {st.source}  {st.speaker or ''}{hint}")
    else:
        print("every speech with a delegation is mapped")


def _list(args: argparse.Namespace) -> int:
    from debateprep.domain.cells import cell_len

    service = _service(args)
    found = service.list(_debate_id(args, service), unmapped=args.unmapped, include_procedural=args.all or args.unmapped)
    if args.json:
        print_json([s.to_json(with_text=False) for s in found])
        return 0
    if not found:
        print("no statements" + (" left unmapped" if args.unmapped else " yet: `debateprep statements import DEBATE FILE`"))
        return 0
    for st in found:
        who = st.delegation or f"(unmapped) {st.speaker or ''}".strip()
        pad = " " * max(1, 34 - cell_len(who))
        extra = f"  [{st.kind}]" if st.kind != "statement" else ""
        print(f"#{st.id:<5} {who}{pad}{st.source}{extra}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from debateprep.domain.statements import extract_proposals, segment

    st = _service(args).get(args.statement)
    seg = segment(st.text)
    proposals = extract_proposals(st.text)
    if args.json:
        data = st.to_json()
        data["paragraphs"] = len(seg.paragraphs)
        data["sentences"] = len(seg.sentences)
        data["proposals"] = [{"kind": p.kind, "cue": p.cue, "sentence": p.sentence.index + 1, "text": p.text}
                             for p in proposals]
        print_json(data)
        return 0
    print(f"#{st.id} {st.delegation or '(unmapped)'} — {st.speaker or ''} — {st.source}")
    print(", ".join((st.language,
                     ngettext("{n} paragraph", "{n} paragraphs", len(seg.paragraphs)).format(n=len(seg.paragraphs)),
                     ngettext("{n} sentence", "{n} sentences", len(seg.sentences)).format(n=len(seg.sentences)),
                     ngettext("{n} proposal", "{n} proposals", len(proposals)).format(n=len(proposals)))))
    print()
    print(st.text)
    if proposals:
        print("\nproposals:")
        for p in proposals:
            print(f"  [{p.kind}] s{p.sentence.index + 1}: {p.text}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    if args.none == bool(args.delegation):
        usage_error(args, _("give a delegation name, or --none for a speech that speaks for no delegation"))
    st = _service(args).resolve(args.statement, None if args.none else args.delegation, version=args.version)
    if args.json:
        print_json(st.to_json(with_text=False))
    else:
        print(f"#{st.id} {st.source}: {st.delegation or 'no delegation (procedural)'} (version {st.version})")
    return 0


def _remove(args: argparse.Namespace) -> int:
    import sys

    service = _service(args)
    if not args.yes:
        st = service.get(args.statement)
        if not sys.stdin.isatty():
            usage_error(args, _("removing statement {label} ({source}) needs confirmation: add --yes").format(
                label=st.label(), source=st.source))
        answer = input(_("Remove statement {label} ({source}) of debate #{debate}? [y/N] ").format(
            label=st.label(), source=st.source, debate=st.debate_id))
        if answer.strip().lower() not in ("y", "yes", _("y")):
            print(_("nothing removed"))
            return 0
    removed = service.remove(args.statement, version=args.version)
    st = removed.statement
    if args.json:
        print_json({**st.to_json(with_text=False), "marks_removed": removed.marks_removed})
        return 0
    print(_("removed statement {label} ({source}) from debate #{debate}").format(
        label=st.label(), source=st.source, debate=st.debate_id))
    if removed.marks_removed:
        print(ngettext("and {n} coverage mark on {delegation}", "and {n} coverage marks on {delegation}",
                       removed.marks_removed).format(n=removed.marks_removed, delegation=st.delegation))
    return 0


def _questions_file(path: str | None) -> list[CoverageQuestion] | None:
    if not path:
        return None
    from debateprep.domain.coverage import parse_questions
    from debateprep.domain.errors import InputError
    from debateprep.importers.reader import read_document

    questions = parse_questions(read_document(path).text.replace("\n\n", "\n"))
    if not questions:
        raise InputError(path, _("no questions in the file (one per line)"))
    return questions


def _mark_cell(args: argparse.Namespace) -> int:
    service = _service(args)
    debate_id = _debate_id(args, service)
    mark = None if args.mark == "clear" else args.mark
    saved = service.mark(debate_id, args.delegation, args.question, mark, _questions_file(args.questions))
    if args.json:
        print_json(saved.to_json() if saved else {"cleared": True})
    elif saved is None:
        print(f"cleared the mark of {args.delegation} on {args.question}")
    else:
        tool = "addressed" if saved.tool_covered else "not addressed"
        print(f"{saved.delegation} on Q{args.question.upper().lstrip('Q')}: marked {saved.mark} (the tool said {tool}); "
              "the mark stays when coverage is computed again")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from debateprep.domain.cells import cell_len

    service = _service(args)
    debate_id = _debate_id(args, service)
    matrix = service.coverage(debate_id, _questions_file(args.questions))
    if args.json:
        print_json(matrix.to_json())
        return 0
    if args.question:
        q = next((q for q in matrix.questions if q.label == f"Q{args.question}"), None)
        if q is None:
            from debateprep.domain.errors import NotFound

            raise NotFound(_("no question {number} (there are {count})").format(number=args.question,
                                                                                count=len(matrix.questions)))
        print(f"{q.label} {q.text}")
        for cell in matrix.covered_by(q.key):
            by = (" — " + (_("marked addressed by a user (the tool: yes)") if cell.by_tool else
                           _("marked addressed by a user (the tool: no)"))) if cell.mark else ""
            print("\n" + _("{delegation} — strength {strength} — {source}, {sentences}").format(
                delegation=cell.delegation, strength=f"{cell.strength:.2f}", source=cell.source,
                sentences=cell.passage.sentence_range) + by)
            print(f"  {cell.passage.text}")
            print(f"  {cell.explanation()}")
        wrong = [c for c in matrix.marked() if c.question_key == q.key and c.mark == "wrong"]
        for cell in wrong:
            print("\n" + _("{delegation} — marked wrong by a user (the tool said addressed: {text})").format(
                delegation=cell.delegation, text=cell.passage.text))
        return 0
    if not matrix.delegations:
        print(service.why_empty(debate_id, "coverage"))
        return 0
    for q in matrix.questions:
        count = len(matrix.covered_by(q.key))
        print(f"{q.label} (" + ngettext("{count} delegation", "{count} delegations", count).format(count=count)
              + f") {q.text}")
    print()
    width = max((cell_len(d) for d in matrix.delegations), default=10)
    print(" " * (width + 2) + " ".join(f"{q.label:>4}" for q in matrix.questions))
    for d in matrix.delegations:
        cells = [matrix.cell(d, q.key) for q in matrix.questions]
        marks = " ".join(f"{_glyph(c):>4}" for c in cells)
        print(d + " " * (width + 2 - cell_len(d)) + marks)
    print("\n" + _("█ strong  ▓ clear  ▒ some  · not addressed  ✓ ✗ marked by a user (addressed / wrong)"
                   " — `--question N` shows the passages"))
    return 0


def _glyph(cell: CoverageCell | None) -> str:
    if cell is not None and cell.mark is not None:
        return "✓" if cell.mark == "addressed" else "✗"
    strength = cell.strength if cell else 0.0
    if strength <= 0:
        return "·"
    return "█" if strength >= 0.75 else "▓" if strength >= 0.45 else "▒"


def _convergence(args: argparse.Namespace) -> int:
    service = _service(args)
    groups = service.convergence(_debate_id(args, service), min_supporters=args.min)
    shown = groups if args.limit == 0 else groups[: args.limit]
    if args.json:
        print_json([g.to_json() for g in shown])
        return 0
    if not groups:
        print(service.why_empty(_debate_id(args, service), "convergence", min_supporters=args.min))
        return 0
    for g in shown:
        print(f"{g.rank}. " + ngettext("{n} delegation", "{n} delegations", g.count).format(n=g.count)
              + f" — {g.representative.text}")
        print(f"   {', '.join(g.supporters)}")
    if len(groups) > len(shown):
        more = len(groups) - len(shown)
        print("… " + ngettext("{n} more group (--limit 0 shows all)", "{n} more groups (--limit 0 shows all)",
                              more).format(n=more))
    return 0
