"""CLI: `debateprep prst new|list|use|show|add|edit|remove|move|order|convert|check|revise|diff|export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from debateprep.cli.common import (
    add_debate_arg,
    add_json_flag,
    is_id,
    print_json,
    services,
    usage_error,
)
from debateprep.domain.errors import InputError
from debateprep.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from debateprep.domain.prst import Draft, Paragraph
    from debateprep.services.prst import PrstService


DRAFT_HELP = N_("draft id (default: the draft the current debate works on, as F5 and the brief show it; "
                 "see `debateprep prst list`)")


def _draft_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("draft", metavar="DRAFT", nargs="?", help=_(DRAFT_HELP))


def _para_arg(p: argparse.ArgumentParser, nargs: str | None = None) -> None:
    p.add_argument("paragraph", metavar="PARA", nargs=nargs,
                   help=_("paragraph id, as `prst show` gives it: '¶3 (id 17, v2)' is id 17 (numbers ¶ move "
                          "when others edit; ids do not)"))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("prst", help=_("draft the presidential statement (PRST)"),
                       description=_("Draft a presidential statement from convergence and agreed language."))
    psub = p.add_subparsers(dest="prst_command", metavar="ACTION", required=True)

    new = psub.add_parser("new", help=_("start a draft for a debate (chapeau from the debate); it becomes the "
                                        "draft the debate works on"))
    add_debate_arg(new)
    new.add_argument("--lang", choices=["en", "zh"], help=_("language of the draft (default: the debate's)"))
    new.add_argument("--item", help=_("agenda item as it should read in the chapeau"))
    add_json_flag(new)
    new.set_defaults(func=_new)

    ls = psub.add_parser("list", help=_("list a debate's drafts (* the one it works on)"))
    add_debate_arg(ls)
    ls.add_argument("--all", action="store_true", help=_("the drafts of every debate"))
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    use = psub.add_parser("use", help=_("work on this draft: the TUI (F5) and the brief show it"))
    use.add_argument("draft", metavar="DRAFT", type=int, help=_("draft id (see `debateprep prst list`)"))
    add_json_flag(use)
    use.set_defaults(func=_use)

    show = psub.add_parser("show", help=_("show a draft: chapeau and numbered paragraphs with marks"))
    _draft_arg(show)
    add_json_flag(show)
    show.set_defaults(func=_show)

    add = psub.add_parser("add", help=_("add a paragraph (converted to PRST form, placed by convention)"))
    _draft_arg(add)
    add.add_argument("text", metavar="TEXT", nargs="?", help=_("typed text (resolution, statement or PRST form)"))
    src = add.add_mutually_exclusive_group()
    src.add_argument("--text", dest="text_option", metavar="TEXT", help=argparse.SUPPRESS)  # the older form
    src.add_argument("--library", metavar="REF",
                     help=_("agreed language: library paragraph id or citation, e.g. 'S/RES/2594 (2021), OP 4'"))
    src.add_argument("--group", type=int, metavar="N",
                     help=_("convergence group N of the draft's debate (see `debateprep statements convergence`)"))
    add.add_argument("--as-is", action="store_true", help=_("keep typed text exactly as given (no conversion)"))
    add.add_argument("--at", type=int, metavar="N", help=_("insert as paragraph N instead of by convention"))
    add_json_flag(add)
    add.set_defaults(func=_add, shift=("draft", "text"))

    edit = psub.add_parser("edit", help=_("replace the text of a paragraph (by its id)"))
    _draft_arg(edit)
    _para_arg(edit, nargs="?")
    edit.add_argument("text", metavar="TEXT", nargs="?", help=_("the new text"))
    edit.add_argument("--text", dest="text_option", metavar="TEXT", help=argparse.SUPPRESS)  # as `prst add --text`
    edit.add_argument("--version", type=int,
                      help=_("the paragraph version you edited, 'v2' in `prst show` (refused if it moved on)"))
    edit.add_argument("--as-is", action="store_true", help=_("keep the text exactly as given (no conversion)"))
    add_json_flag(edit)
    edit.set_defaults(func=_edit)

    rm = psub.add_parser("remove", help=_("remove a paragraph (by its id)"))
    _draft_arg(rm)
    _para_arg(rm)
    rm.add_argument("--version", type=int,
                    help=_("the paragraph version you saw, 'v2' in `prst show` (refused if its text changed)"))
    add_json_flag(rm)
    rm.set_defaults(func=_remove)

    mv = psub.add_parser("move", help=_("move a paragraph (by its id) to number TO (`prst order` puts all in "
                                        "conventional order)"))
    _draft_arg(mv)
    _para_arg(mv, nargs="?")
    mv.add_argument("target", nargs="?", metavar="TO", help=_("its number ¶ in the draft after the move"))
    mv.add_argument("--conventional", action="store_true", help=argparse.SUPPRESS)  # the older form of `order`
    mv.add_argument("--version", type=int,
                    help=_("the draft version you saw, first line of `prst show` (refused if it moved on)"))
    add_json_flag(mv)
    mv.set_defaults(func=_move)

    order = psub.add_parser("order", help=_("put every paragraph in conventional order: reaffirm/recall -> "
                                            "concern/condemn -> stress -> welcome/call upon -> request/intend"))
    _draft_arg(order)
    order.add_argument("--version", type=int,
                       help=_("the draft version you saw, first line of `prst show` (refused if it moved on)"))
    add_json_flag(order)
    order.set_defaults(func=_move, conventional=True, paragraph=None, target=None)

    conv = psub.add_parser("convert", help=_("show text in PRST form, or re-convert paragraphs of a draft"))
    conv.add_argument("draft", metavar="DRAFT", nargs="?", help=_("draft id (default: the current debate's; none "
                                                                  "with --text)"))
    conv.add_argument("paragraph", type=int, nargs="?", metavar="PARA", help=_("only this paragraph (its id)"))
    conv.add_argument("--text", help=_("convert this text instead (nothing is stored)"))
    conv.add_argument("--lang", choices=["en", "zh"], help=_("language of --text (default: detected)"))
    conv.add_argument("--first", action="store_true", help=_("Chinese: as the first paragraph (安全理事会)"))
    add_json_flag(conv)
    conv.set_defaults(func=_convert)

    chk = psub.add_parser("check", help=_("mark each paragraph agreed (with citation) or new language"))
    _draft_arg(chk)
    add_json_flag(chk)
    chk.set_defaults(func=_check)

    rev = psub.add_parser("revise", help=_("circulate the current text as the next revision (rev.1, rev.2 …)"))
    _draft_arg(rev)
    rev.add_argument("--note", default="", help=_("what this revision is for"))
    add_json_flag(rev)
    rev.set_defaults(func=_revise)

    diff = psub.add_parser("diff", help=_("differences between two revisions ('current' = working text)"))
    _draft_arg(diff)
    diff.add_argument("old", nargs="?", metavar="OLD", help=_("e.g. rev.1 (default: the latest revision; a plain "
                                                              "number first is the DRAFT)"))
    diff.add_argument("new", nargs="?", metavar="NEW", help=_("e.g. rev.2 or current (default: current)"))
    add_json_flag(diff)
    diff.set_defaults(func=_diff, shift=("draft", "old", "new"))

    exp = psub.add_parser("export", help=_("the draft as markdown: clean PRST text or --annotated"))
    _draft_arg(exp)
    exp.add_argument("-o", "--output", metavar="FILE",
                     help=_("write to FILE, or to prst-DEBATE-draftN-LANG.md (.docx) inside a folder (never "
                            "overwritten without --force)"))
    exp.add_argument("--annotated", action="store_true", help=_("numbered, agreed/NEW marks, provenance footnotes"))
    exp.add_argument("--rev", metavar="REV", help=_("export a circulated revision (e.g. rev.1) instead of the working text"))
    exp.add_argument("--docx", action="store_true",
                     help=_("a Word document (also when FILE ends in .docx): page numbers, real footnotes"))
    exp.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    exp.set_defaults(func=_export)
    for parser in psub.choices.values():
        parser.set_defaults(func=_saying_which_draft(parser.get_default("func")))


def _service(args: argparse.Namespace) -> PrstService:
    return services(args).prst


def _draft(args: argparse.Namespace) -> Draft:
    """The DRAFT given (main() checked it is a number), else the draft the current debate works on
    (refused when several debates have drafts). Which draft of which debate is said on stderr, so
    that no command acts on a draft the user did not expect without saying so (stdout stays the
    command's answer, for scripts)."""
    draft = _service(args).resolve(args.draft)
    args.acted_on = draft
    return draft


def _saying_which_draft(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Once the command succeeded: which draft of which debate it acted on, on stderr (a failure
    stays one line, naming the draft where it matters)."""
    def run(args: argparse.Namespace) -> int:
        code = func(args)
        draft: Draft | None = getattr(args, "acted_on", None)
        if code == 0 and draft is not None:
            debate = services(args).debates.get(draft.debate_id)
            print(_("debateprep: PRST draft #{draft} ({lang}) of debate {debate}").format(
                draft=draft.id, lang=draft.language, debate=debate.label()), file=sys.stderr)
        return code

    return run


def _draft_id(args: argparse.Namespace) -> int:
    draft_id = _draft(args).id
    assert draft_id is not None
    return draft_id


def _fill_from_right(args: argparse.Namespace, places: list[str]) -> None:
    """[DRAFT] PARA … : the values given fill the places from the right (DRAFT is optional)."""
    given = [x for x in (getattr(args, name) for name in places) if x is not None]
    if len(given) > len(places):
        usage_error(args, _("too many values"))
    for name, value in zip(places, [None] * (len(places) - len(given)) + given, strict=True):
        setattr(args, name, value)


def _paragraph_id(args: argparse.Namespace) -> int:
    if args.paragraph is None:
        usage_error(args, _("give the paragraph's id (PARA, as `prst show` gives it)"))
    if not is_id(args.paragraph):
        usage_error(args, _("PARA is a paragraph id, not {value!r}").format(value=args.paragraph))
    return int(args.paragraph)


def _label(number: int, p: Paragraph) -> str:
    """How a paragraph is named to people: its number now, its id and version (to address it)."""
    return f"¶{number} (id {p.id}, v{p.version})"


def _print_draft(draft: Draft) -> None:
    print(f"PRST draft #{draft.id} ({draft.language}, version {draft.version}; revisions: "
          f"{', '.join(r.label for r in draft.revisions) or 'none'})")
    print(draft.chapeau)
    for number, (p, text) in enumerate(zip(draft.paragraphs, draft.texts(), strict=True), start=1):
        sim = f" {p.similarity:.0%}" if p.similarity is not None else ""
        where = f" {p.closest_citation}" if p.closest_citation else ""
        print(f"{_label(number, p)} [{p.mark}{sim}{where}] {text}")
        print(f"      ({p.provenance.describe()})")
        for flag in p.flags:
            print(f"      ! {flag.message}")


def _print_order(draft: Draft) -> None:
    print(f"PRST draft #{draft.id} (version {draft.version})")
    for number, (p, text) in enumerate(zip(draft.paragraphs, draft.texts(), strict=True), start=1):
        print(f"{_label(number, p)} {text}")


def _number(draft: Draft, paragraph_id: int | None) -> int:
    return next((i for i, p in enumerate(draft.paragraphs, start=1) if p.id == paragraph_id), 0)


def _new(args: argparse.Namespace) -> int:
    debate = services(args).debates.resolve(args.debate)
    assert debate.id is not None
    before = _service(args).drafts(debate.id)
    draft = services(args).prst.new_draft(debate.id, args.lang, args.item)
    if args.json:
        print_json(draft.to_json())
    else:
        print(f"PRST draft #{draft.id} for {debate.label()}")
        print(draft.chapeau)
    elsewhere = sorted({d.debate_id for d in _service(args).drafts() if d.debate_id != debate.id})
    if elsewhere:  # a command given no DRAFT would not know which debate's draft is meant
        print(_("debateprep: other debates ({others}) have drafts too: give this draft's id to the commands that follow "
                "(`debateprep prst add {draft} …`)").format(others=", ".join(f"#{i}" for i in elsewhere),
                                                            draft=draft.id), file=sys.stderr)
    if before:  # never a silent switch: the earlier drafts are kept, and named
        kept = ", ".join(f"#{d.id}" for d in before)
        print(_("debateprep: the debate's other drafts ({kept}) are kept; #{draft} is now the one it works on "
                "(`debateprep prst use DRAFT` switches back)").format(kept=kept, draft=draft.id), file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.all:
        if args.debate is not None:
            usage_error(args, _("give a DEBATE or --all, not both"))
        debates = services(args).debates.list()
    else:
        debates = [services(args).debates.resolve(args.debate)]
    rows = [(d, service.current(d.id)) for d in debates if d.id is not None]
    drafts = [(draft, current is not None and draft.id == current.id)
              for debate, current in rows for draft in service.drafts(debate.id)]
    if args.json:
        print_json([{**d.to_json(), "current": current} for d, current in drafts])
    elif not drafts:
        print(f"no PRST draft yet: `debateprep prst new {rows[0][0].id if len(rows) == 1 else '[DEBATE]'}`")
    else:
        for d, current in drafts:
            revs = d.revisions[-1].label if d.revisions else "no revision"
            print(f"{'*' if current else ' '} #{d.id} debate #{d.debate_id} {d.language} {len(d.paragraphs)} "
                  f"paragraphs, {revs}")
    return 0


def _use(args: argparse.Namespace) -> int:
    draft = _service(args).use(args.draft)
    if args.json:
        print_json(draft.to_json())
    else:
        print(f"debate #{draft.debate_id} works on PRST draft #{draft.id} (F5 and the brief show it)")
    return 0


def _show(args: argparse.Namespace) -> int:
    draft = _draft(args)
    if args.json:
        print_json(draft.to_json())
    else:
        _print_draft(draft)
    return 0


def _text(args: argparse.Namespace, needed: bool) -> str | None:
    """TEXT, positional (or --text, the older form)."""
    if args.text is not None and args.text_option is not None:
        usage_error(args, _("give TEXT once (positional or --text)"))
    text: str | None = args.text if args.text is not None else args.text_option
    if needed and text is None:
        usage_error(args, _("give the paragraph's TEXT"))
    return text


def _add(args: argparse.Namespace) -> int:
    text = _text(args, needed=args.library is None and args.group is None)
    if text is not None and (args.library is not None or args.group is not None):
        usage_error(args, _("give TEXT, --library or --group: one source"))
    service = _service(args)
    draft_id = _draft_id(args)
    if args.library is not None:
        paragraph = service.add_library(draft_id, args.library)
    elif args.group is not None:
        paragraph = service.add_group(draft_id, args.group)
    else:
        assert text is not None
        paragraph = service.add_text(draft_id, text, convert=not args.as_is, position=args.at)
    draft = service.get(draft_id)
    number = _number(draft, paragraph.id)
    if args.json:
        print_json({**paragraph.to_json(), "number": number, "text": draft.texts()[number - 1]})
    else:
        print(f"{_label(number, paragraph)}: {draft.texts()[number - 1]}")
        _print_flags(paragraph.flags)
    return 0


def _print_flags(flags: Any) -> None:
    """Review flags on stderr, one line each, so a script reading stdout gets the text alone."""
    for flag in flags:
        print(f"review: {flag.message}", file=sys.stderr)


def _edit(args: argparse.Namespace) -> int:
    # [DRAFT] PARA TEXT, or [DRAFT] PARA --text TEXT
    _fill_from_right(args, ["draft", "paragraph"] if args.text_option is not None else ["draft", "paragraph", "text"])
    paragraph_id = _paragraph_id(args)
    text = _text(args, needed=True)
    assert text is not None
    service = _service(args)
    draft_id = _draft_id(args)
    version = args.version if args.version is not None else service.paragraph(draft_id, paragraph_id).version
    edited = service.edit(draft_id, paragraph_id, version, text, convert=not args.as_is)
    number = _number(service.get(draft_id), edited.id)
    if args.json:
        print_json({**edited.to_json(), "number": number})
    else:
        print(f"{_label(number, edited)}: {edited.text}")
        _print_flags(edited.flags)
    return 0


def _remove(args: argparse.Namespace) -> int:
    _fill_from_right(args, ["draft", "paragraph"])
    paragraph_id = _paragraph_id(args)
    service = _service(args)
    draft_id = _draft_id(args)
    version = args.version if args.version is not None else service.paragraph(draft_id, paragraph_id).version
    gone = service.remove(draft_id, paragraph_id, version)
    if args.json:
        print_json({"removed": gone.id, "version": gone.version, "text": gone.text})
    else:
        print(f"removed paragraph id {gone.id} (v{gone.version}): {gone.text}")
    return 0


def _move(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.conventional:
        if args.paragraph is not None:
            usage_error(args, _("give either PARA TO or --conventional (`prst order`), not both"))
    else:
        _fill_from_right(args, ["draft", "paragraph", "target"])
        if args.paragraph is None or args.target is None:
            usage_error(args, _("move needs a paragraph id and the number to move it to (`prst order` puts all "
                                "in conventional order)"))
        if not is_id(args.target):
            usage_error(args, _("TO is a paragraph number, not {value!r}").format(value=args.target))
    draft_id = _draft_id(args)
    version = args.version if args.version is not None else service.get(draft_id).version
    if args.conventional:
        draft = service.order(draft_id, version)
    else:
        draft = service.move(draft_id, _paragraph_id(args), int(args.target), version)
    if args.json:
        print_json(draft.to_json())
    else:
        _print_order(draft)
    return 0


def _convert(args: argparse.Namespace) -> int:
    if args.text is not None:
        if args.draft is not None:
            usage_error(args, _("give either DRAFT or --text, not both"))
        from debateprep.domain.prst_form import CATEGORY_NAMES, to_prst

        c = to_prst(args.text, args.lang, first=args.first)
        data: dict[str, Any] = {"text": c.text, "lead": c.lead, "prst_lead": c.prst_lead,
                                "category": CATEGORY_NAMES[c.category], "note": c.note,
                                "flags": [f.to_json() for f in c.flags]}
        if args.json:
            print_json(data)
        else:
            print(c.text)
            if c.note:
                print(f"note: {c.note}", file=sys.stderr)
            _print_flags(c.flags)
        return 0
    service = _service(args)
    draft_id = _draft_id(args)
    if args.paragraph is not None and not is_id(args.paragraph):
        usage_error(args, _("PARA is a paragraph id, not {value!r}").format(value=args.paragraph))
    results = service.convert(draft_id, None if args.paragraph is None else int(args.paragraph))
    draft = service.get(draft_id)
    if args.json:
        print_json([{"id": p.id, "number": _number(draft, p.id), "version": p.version, "text": c.text,
                     "lead": c.lead, "note": c.note, "flags": [f.to_json() for f in c.flags]} for p, c in results])
    else:
        for p, c in results:
            print(f"{_label(_number(draft, p.id), p)}: {c.text}" + (f"  ({c.note})" if c.note else ""))
            for flag in c.flags:
                print(f"        review: {flag.message}")
    return 0


def _check(args: argparse.Namespace) -> int:
    draft = _service(args).check(_draft_id(args))
    if args.json:
        print_json(draft.to_json())
        return 0
    for number, p in enumerate(draft.paragraphs, start=1):
        print(f"{_label(number, p)}: {p.mark:<6} {p.check_summary()}")
        for flag in p.flags:
            print(f"        review: {flag.message}")
    agreed = sum(1 for p in draft.paragraphs if p.status == "agreed")
    flagged = sum(1 for p in draft.paragraphs if p.flags)
    print(ngettext("{agreed} of {n} paragraph is agreed language", "{agreed} of {n} paragraphs are agreed language",
                   len(draft.paragraphs)).format(agreed=agreed, n=len(draft.paragraphs))
          + (f"; {flagged} to review" if flagged else ""))
    return 0


def _revise(args: argparse.Namespace) -> int:
    revision = _service(args).revise(_draft_id(args), args.note)
    if args.json:
        print_json({"revision": revision.label, "paragraphs": list(revision.paragraphs), "note": revision.note})
    else:
        count = len(revision.paragraphs)
        print(f"{revision.label}: "
              + ngettext("{n} paragraph circulated", "{n} paragraphs circulated", count).format(n=count))
    return 0


def _diff(args: argparse.Namespace) -> int:
    diff = _service(args).diff(_draft_id(args), args.old, args.new)
    if args.json:
        print_json(diff.to_json())
    else:
        print(diff.render())
    return 0


def _export(args: argparse.Namespace) -> int:
    from debateprep.cli.common import write_export
    from debateprep.services.exports import default_name

    docx = args.docx or (args.output is not None and args.output.lower().endswith(".docx"))
    if docx and args.output is None:
        raise InputError(None, _("a Word document needs a file: add -o FILE.docx"))
    service = _service(args)
    draft = _draft(args)
    assert draft.id is not None
    if args.output is None:
        sys.stdout.write(service.export(draft.id, annotated=args.annotated, revision=args.rev))
        return 0
    if docx:
        content: str | bytes = service.export_docx(draft.id, annotated=args.annotated, revision=args.rev)
    else:
        content = service.export(draft.id, annotated=args.annotated, revision=args.rev)
    name = default_name("prst", draft.debate_id, draft_id=draft.id, lang=draft.language, annotated=args.annotated,
                        ext="docx" if docx else "md")
    target = write_export(args, args.output, name, content, args.force)
    print(_("wrote {path}").format(path=target.resolve()), file=sys.stderr)
    return 0
