"""CLI: `debateprep debate new|list|show|set|use`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from debateprep.cli.common import add_debate_arg, add_json_flag, print_json, services, usage_error
from debateprep.domain.cells import cell_len, fit
from debateprep.i18n import N_, _, document_language_name

if TYPE_CHECKING:
    from debateprep.domain.debate import Debate
    from debateprep.services.debates import DebateService


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not an ISO date (YYYY-MM-DD): {value!r}").format(value=value)) from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("debate", help=_("create and list debates (meetings)"))
    dsub = p.add_subparsers(dest="debate_command", metavar="ACTION", required=True)

    new = dsub.add_parser("new", help=_("create a debate"))
    new.add_argument("title", help=_("title or agenda item, e.g. 'Protection of civilians in armed conflict'"))
    new.add_argument("--meeting", type=int, help=_("meeting number, e.g. 7109"))
    new.add_argument("--date", type=_date, help=_("meeting date, YYYY-MM-DD"))
    new.add_argument("--presidency", "--president", dest="presidency",
                     help=_("presiding delegation, e.g. Lithuania"))
    new.add_argument("--agenda-item", help=_("agenda item if different from the title"))
    new.add_argument("--lang", choices=["en", "zh"], default="en", help=_("working language"))
    place = new.add_mutually_exclusive_group()
    place.add_argument("--president-first", action="store_true",
                       help=_("override: the President speaks right after the briefers (the rule: when "
                            "inscribed at minister level or above)"))
    place.add_argument("--president-last", action="store_true",
                       help=_("override: the President speaks last among members, whatever the level"))
    add_json_flag(new)
    new.set_defaults(func=_new)

    ls = dsub.add_parser("list", help=_("list debates"))
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    use = dsub.add_parser("use", help=_("make a debate the current one: every command given no DEBATE works on "
                                        "it (kept in the database, for the whole team)"))
    use.add_argument("debate", metavar="DEBATE", nargs="?", default=None,
                     help=_("debate id (see `debateprep debate list`)"))
    use.add_argument("--latest", action="store_true",
                     help=_("no choice: the most recent debate is the current one again"))
    add_json_flag(use)
    use.set_defaults(func=_use)

    show = dsub.add_parser("show", help=_("show one debate"))
    add_debate_arg(show)
    add_json_flag(show)
    show.set_defaults(func=_show)

    st = dsub.add_parser("set", help=_("change a debate's details or settings"))
    add_debate_arg(st)
    st.add_argument("--title")
    st.add_argument("--meeting", type=int)
    st.add_argument("--date", type=_date)
    # (--president too: without it argparse took `--president X` as an abbreviation of --president-first)
    st.add_argument("--presidency", "--president", dest="presidency", help=_("presiding delegation, e.g. Lithuania"))
    st.add_argument("--limit", type=float, help=_("default speaking time in minutes"))
    st.add_argument("--president-first", choices=["yes", "no", "rule"],
                    help=_("yes/no: override the President's place; rule: right after the briefers when "
                         "inscribed at minister level or above, else last among members"))
    st.add_argument("--delegation", help=_("our delegation (the brief says when it speaks); '' to clear"))
    add_json_flag(st)
    st.set_defaults(func=_set)


def _service(args: argparse.Namespace) -> DebateService:
    return services(args).debates


def _print(debate: Debate, as_json: bool) -> None:
    if as_json:
        print_json(debate.to_json())
    else:
        print(debate.label())


def _minutes(value: float) -> str:
    return _("{n:g} min").format(n=value)


def _details(debate: Debate) -> list[tuple[str, str]]:
    """The debate's details and settings as (label, value) rows, in the interface language."""
    st = debate.settings
    none = _("(none)")
    place = {None: N_("by the rule (after the briefers if minister level or above, else last among members)"),
             True: N_("right after the briefers (override)"),
             False: N_("last among members (override)")}[st.president_first]
    rows = [
        (N_("title"), debate.title),
        (N_("agenda item"), debate.agenda_item or none),
        (N_("meeting"), str(debate.meeting_number) if debate.meeting_number else none),
        (N_("date"), debate.meeting_date.isoformat() if debate.meeting_date else none),
        (N_("presidency"), debate.presidency or none),
        (N_("President's place"), _(place)),
        (N_("language"), document_language_name(debate.language)),
        (N_("delegation"), st.our_delegation or none),
        (N_("speaking limit"), _minutes(st.default_limit_minutes)),
        (N_("limits by category"),
         ", ".join(f"{k} {_minutes(v)}" for k, v in sorted(st.limits_minutes.items())) or none),
        (N_("sessions"), ", ".join(f"{a}–{b}" for a, b in st.sessions) or none),
        (N_("concept note"), f"#{debate.concept_note_id}" if debate.concept_note_id else none),
        (N_("PRST draft"), f"#{st.prst_draft}" if st.prst_draft else _("the most recent")),
    ]
    return [(_(label), value) for label, value in rows]


def _print_details(rows: list[tuple[str, str]]) -> None:
    width = max(cell_len(label) for label, _value in rows)
    for label, value in rows:
        print(f"  {fit(label, width)}  {value}")


def _warn_presidency(service: DebateService, debate: Debate) -> None:
    """Who presides, when it cannot be checked (the year's roster is missing): one line on stderr."""
    problem = service.presidency_problem(debate)
    if problem is not None:
        print(_("warning: {problem}").format(problem=problem[0]), file=sys.stderr)


def _new(args: argparse.Namespace) -> int:
    from debateprep.domain.debate import DebateSettings

    service = _service(args)
    debate = service.create(
        args.title,
        agenda_item=args.agenda_item or args.title,
        meeting_number=args.meeting,
        meeting_date=args.date,
        presidency=args.presidency,
        language=args.lang,
        settings=DebateSettings(president_first=True if args.president_first else False if args.president_last else None),
    )
    _print(debate, args.json)
    _warn_presidency(service, debate)
    current = service.current()
    if current is not None and current.id != debate.id:
        print(_("the current debate is still #{current} (chosen with `debateprep debate use`); to work on this one: "
                "`debateprep debate use {id}`").format(current=current.id, id=debate.id), file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    service = _service(args)
    debates = service.list()
    current = service.current()
    chosen = service.chosen()
    if args.json:
        print_json([{**d.to_json(), "current": current is not None and d.id == current.id} for d in debates])
    elif not debates:
        print(_("no debates yet: import a concept note (`debateprep import FILE`) or `debateprep debate new TITLE`"))
    else:
        for d in debates:
            print(("* " if current is not None and d.id == current.id else "  ") + d.label())
        print(_("* the current debate (chosen with `debateprep debate use`)") if chosen is not None else
              _("* the current debate: the most recent one (choose another with `debateprep debate use DEBATE`)"))
    return 0


def _use(args: argparse.Namespace) -> int:
    if (args.debate is None) == (not args.latest):
        usage_error(args, _("give a DEBATE, or --latest"))
    current = _service(args).use(None if args.latest else args.debate)
    if args.json:
        print_json(None if current is None else {**current.to_json(), "current": True})
    elif current is None:
        print(_("no debates yet: import a concept note (`debateprep import FILE`) or `debateprep debate new TITLE`"))
    elif args.latest:
        print(_("current debate: the most recent one, {label}").format(label=current.label()))
    else:
        print(_("current debate: {label}").format(label=current.label()))
    return 0


def _show(args: argparse.Namespace) -> int:
    debate = _service(args).resolve(args.debate)
    _print(debate, args.json)
    if not args.json:
        _print_details(_details(debate))
    return 0


def _set(args: argparse.Namespace) -> int:
    service = _service(args)
    debate = service.resolve(args.debate)
    changes: dict[str, object] = {}
    for flag, field_name in (("title", "title"), ("meeting", "meeting_number"), ("date", "meeting_date"),
                             ("presidency", "presidency"), ("limit", "default_limit_minutes")):
        value = getattr(args, flag)
        if value is not None:
            changes[field_name] = value
    if args.president_first:
        changes["president_first"] = {"yes": True, "no": False, "rule": None}[args.president_first]
    if args.delegation is not None:
        changes["our_delegation"] = args.delegation.strip() or None
    if not changes:
        usage_error(args, _("nothing to change: give at least one option"))
    updated = service.update(debate, **changes)
    _print(updated, args.json)
    if not args.json:  # what changed, each "label: old → new"
        changed = [(label, old, new) for (label, old), (_label, new)
                   in zip(_details(debate), _details(updated), strict=True) if old != new]
        for label, old, new in changed:
            print(f"  {label}: {old} → {new}")
        if not changed:
            print("  " + _("nothing changed: the debate had those values already"))
    if any(k in changes for k in ("presidency", "meeting_date")):
        _warn_presidency(service, updated)
    return 0
