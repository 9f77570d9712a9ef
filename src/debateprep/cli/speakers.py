"""CLI: `debateprep speakers add|list|edit|move|withdraw|reinstate|later|delete|order|schedule|import|export|start|
done|unspoke|reset-timer|roster`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from debateprep.cli.common import (
    add_debate_arg,
    add_json_flag,
    check_input_paths,
    print_json,
    services,
    usage_error,
    write_export,
)
from debateprep.domain.cells import fit
from debateprep.domain.speakers import Basis, Level, Status
from debateprep.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from debateprep.services.speakers import SpeakersService, SpeakersView


def _when(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a date and time (YYYY-MM-DDTHH:MM): {value!r}").format(
            value=value)) from None


def _entry_fields(p: argparse.ArgumentParser, editing: bool = False) -> None:
    p.add_argument("--representative", metavar="NAME", help=_("who speaks, e.g. 'Mr. Zhang Jun'"))
    p.add_argument("--title", help=_("e.g. 'Minister for Foreign Affairs'"))
    p.add_argument("--level", help=_("head, minister, vice_minister, permanent_representative (PR), deputy, other"))
    p.add_argument("--basis", help=_("member, briefer, rule37, rule39, observer (default: from the roster and the Council of the year)"))
    # --on-behalf is the name `ours new` uses too; --group is kept as an older alias
    p.add_argument("--on-behalf", "--group", dest="on_behalf", metavar="GROUP",
                   help=_("on behalf of a group, e.g. 'Nordic countries', NAM, E10"))
    p.add_argument("--minutes", type=float, help=_("planned minutes (default: the debate's limit for the category)"))
    p.add_argument("--draw", type=int, help=_("Council members: the draw number"))
    p.add_argument("--notes")
    if not editing:
        p.add_argument("--at", type=_when, metavar="WHEN", help=_("inscription time, YYYY-MM-DDTHH:MM (default: now)"))
        p.add_argument("--unconfirmed", action="store_true", help=_("mark as to be confirmed"))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("speakers", help=_("the speakers list: inscribe, order, schedule, import/export"))
    ssub = p.add_subparsers(dest="speakers_command", metavar="ACTION", required=True)

    ls = ssub.add_parser("list", help=_("the ordered list with planned start and session"))
    add_debate_arg(ls)
    _names_flag(ls)
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    add = ssub.add_parser("add", help=_("inscribe a delegation (or a person with --person)"))
    add_debate_arg(add)
    add.add_argument("delegation", metavar="DELEGATION", help=_("roster name in English or Chinese, e.g. China, 中国, 'Russia'"))
    add.add_argument("--person", action="store_true", help=_("someone in a personal capacity (not in the roster)"))
    _entry_fields(add)
    add_json_flag(add)
    add.set_defaults(func=_add)

    edit = ssub.add_parser("edit", help=_("change an entry"))
    edit.add_argument("entry", type=int, metavar="ENTRY", help=_("entry id (see `speakers list`)"))
    _entry_fields(edit, editing=True)
    edit.add_argument("--confirmed", choices=["yes", "no"])
    _version(edit)
    add_json_flag(edit)
    edit.set_defaults(func=_edit)

    mv = ssub.add_parser("move", help=_("manual override: pin, keep after/before another entry, swap, or clear"))
    mv.add_argument("entry", type=int, metavar="ENTRY")
    how = mv.add_mutually_exclusive_group(required=True)
    how.add_argument("--to", type=int, metavar="POS", help=_("pin at this position"))
    how.add_argument("--after", metavar="ENTRY", help=_("keep right after this entry (id or delegation)"))
    how.add_argument("--before", metavar="ENTRY", help=_("keep right before this entry"))
    how.add_argument("--swap", metavar="ENTRY", help=_("exchange places with this entry"))
    how.add_argument("--clear", action="store_true", help=_("remove the override: back to the rules"))
    mv.add_argument("--reason", default="", help=_("why (shown with the override)"))
    _version(mv)
    add_json_flag(mv)
    mv.set_defaults(func=_move)

    for name, help_text, func in (("withdraw", N_("withdraw an entry (it stays visible, unplaced)"), _withdraw),
                                  ("reinstate", N_("put a withdrawn entry back on the list"), _reinstate),
                                  ("delete", N_("delete an entry made by mistake"), _delete)):
        c = ssub.add_parser(name, help=_(help_text))
        c.add_argument("entry", type=int, metavar="ENTRY")
        _version(c)
        add_json_flag(c)
        c.set_defaults(func=func)

    later = ssub.add_parser("later", help=_("move a waiting entry to a later session (the next meeting or the "
                                            "resumption): it speaks after everyone else"))
    later.add_argument("entry", type=int, metavar="ENTRY")
    later.add_argument("--back", action="store_true", help=_("bring it back among the others"))
    _version(later)
    add_json_flag(later)
    later.set_defaults(func=_later)

    order = ssub.add_parser("order", help=_("the order with the reason for each place (rules and overrides)"))
    add_debate_arg(order)
    order.add_argument("--explain", type=int, metavar="ENTRY", help=_("only why this entry stands where it does"))
    _names_flag(order)
    add_json_flag(order)
    order.set_defaults(func=_order)

    sch = ssub.add_parser("schedule", help=_("when each speaker is expected, sessions and spill-over"))
    add_debate_arg(sch)
    sch.add_argument("--now", type=_when, metavar="WHEN", help=_("the time now, during the debate (default: plan only)"))
    _names_flag(sch)
    add_json_flag(sch)
    sch.set_defaults(func=_schedule)

    imp = ssub.add_parser("import", help=_("import a CSV list, a verbatim record's speakers, the concept note's "
                                           "briefers, or the year's fifteen Council members"))
    add_debate_arg(imp)
    imp.add_argument("files", metavar="FILE", nargs="*",
                     help=_("a speakers list as CSV (see `speakers export`), or with --record the verbatim record's "
                            "files"))
    kind = imp.add_mutually_exclusive_group()
    kind.add_argument("--record", metavar="FILE", nargs="*", default=None,
                      help=_("the files are a verbatim record (S/PV), in parts or one per speech: its speakers, in "
                             "the order heard (as `statements import --record`)"))
    kind.add_argument("--briefers", action="store_true", help=_("the briefers named in the debate's concept note"))
    kind.add_argument("--council", action="store_true",
                      help=_("the fifteen Council members of the debate's year, from the roster (members already "
                           "on the list are left alone)"))
    imp.add_argument("--year", type=int, help=_("with --council: the Council of this year (default: the debate's date)"))
    add_json_flag(imp)
    imp.set_defaults(func=_import, shift=("debate", "files"))

    exp = ssub.add_parser("export", help=_("the list as CSV (stdout, or --output FILE)"))
    add_debate_arg(exp)
    exp.add_argument("-o", "--output", metavar="FILE",
                     help=_("write to FILE, or to speakers-DEBATE.csv inside a folder (never overwritten without "
                            "--force)"))
    exp.add_argument("--force", action="store_true", help=_("overwrite an existing FILE"))
    exp.set_defaults(func=_export)

    start = ssub.add_parser("start", help=_("timer: this entry is speaking now"))
    start.add_argument("entry", type=int, metavar="ENTRY")
    start.add_argument("--at", type=_when, metavar="WHEN")
    add_json_flag(start)
    start.set_defaults(func=_start)

    done = ssub.add_parser("done", help=_("timer: log the actual duration; the entry has spoken"))
    done.add_argument("entry", type=int, metavar="ENTRY")
    done.add_argument("--seconds", type=int,
                      help=_("how long the turn took (default: a running turn ends now, timed from its start)"))
    add_json_flag(done)
    done.set_defaults(func=_done)

    unspoke = ssub.add_parser("unspoke", help=_("timer: not spoken yet — undo this entry's timing (start, duration, "
                                                "'spoke')"))
    unspoke.add_argument("entry", type=int, metavar="ENTRY")
    _version(unspoke)
    add_json_flag(unspoke)
    unspoke.set_defaults(func=_unspoke)

    reset = ssub.add_parser("reset-timer", help=_("timer: clear every recorded speaking time and 'spoke' mark of the "
                                                  "debate (after a rehearsal); the plan is kept"))
    add_debate_arg(reset)
    reset.add_argument("--yes", action="store_true", help=_("do it (without --yes: say what would be cleared)"))
    add_json_flag(reset)
    reset.set_defaults(func=_reset_timer)

    roster = ssub.add_parser("roster", help=_("find delegations and groups in the roster (English or Chinese)"))
    roster.add_argument("query", metavar="TEXT")
    roster.add_argument("--limit", type=int, default=10)
    add_json_flag(roster)
    roster.set_defaults(func=_roster)

    council = ssub.add_parser("council", help=_("the Council of a year: members and the presidency of each month "
                                              "(to inscribe them: speakers import DEBATE --council)"))
    council.add_argument("year", type=int, nargs="?", help=_("e.g. 2014 (default: this year)"))
    add_json_flag(council)
    council.set_defaults(func=_council)


_NO_ONE = N_("no one inscribed yet: `debateprep speakers add {debate} DELEGATION`, or the year's Council members "
            "with `debateprep speakers import {debate} --council`")


def _names_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["en", "zh"],
                   help=_("names in English or Chinese (default: Chinese in a Chinese interface, else the "
                          "debate's language)"))


def _version(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", type=int, help=_("the version you edited (refused if it changed since)"))


def _service(args: argparse.Namespace) -> SpeakersService:
    return services(args).speakers


def _entry_json(e: Any) -> dict[str, Any]:
    return {"id": e.id, "debate_id": e.debate_id, "delegation": e.delegation, "code": e.delegation_code,
            "representative": e.representative, "title": e.title, "level": e.level.value, "basis": e.basis.value,
            "on_behalf_of": e.on_behalf_of, "status": e.status.value, "confirmed": e.confirmed, "draw": e.draw,
            "inscribed_at": e.inscribed_at.isoformat(timespec="minutes"), "planned_minutes": e.planned_minutes,
            "actual_seconds": e.actual_seconds, "notes": e.notes, "version": e.version,
            "override": None if e.override is None else {"kind": e.override.kind, "ref": e.override.ref,
                                                         "reason": e.override.reason}}


def _print_entry(e: Any, as_json: bool, verb: str) -> int:
    if as_json:
        print_json(_entry_json(e))
    else:
        print(_("{verb} #{id} {delegation} ({level}, {basis}, {status}, version {version})").format(
            verb=_(verb), id=e.id, delegation=e.delegation, level=e.level.label(), basis=e.basis.label(),
            status=e.status.label(), version=e.version))
    return 0


def _names_language(args: argparse.Namespace, view: SpeakersView) -> str:
    """The language of the delegations' names: the command's --lang, else Chinese when the
    interface is Chinese (the words around them are), else the debate's language."""
    from debateprep.i18n import language

    return str(args.lang or ("zh" if language() == "zh" else view.debate.language))


def _namer(args: argparse.Namespace, view: SpeakersView) -> Callable[[str | None, str], str]:
    """name(code, inscribed): a delegation's name as this command shows it (Roster.shown_name)."""
    from debateprep.domain.roster import Roster

    roster, lang = Roster.load(), _names_language(args, view)
    return lambda code, inscribed: roster.shown_name(code, inscribed, lang)


def _list(args: argparse.Namespace) -> int:
    view = _service(args).view(args.debate)
    rows = view.rows()
    if args.json:
        print_json(rows)
        return 0
    name = _namer(args, view)
    print(view.debate.label())
    if view.presidency:
        print(_("warning: {problem}").format(problem=view.presidency), file=sys.stderr)
    if not rows:
        print(_(_NO_ONE).format(debate=view.debate.id))
        return 0
    heads = [(_("delegation"), 34), (_("level"), 24), (_("basis"), 15), (_("status"), 10), (_("start"), 5),
             (_("sess"), 6)]
    print(" #   " + " ".join(fit(name, width) for name, width in heads) + " " + _("id"))
    for r in rows:
        start = r["planned_start"][11:16] if r["planned_start"] else ""
        flag = "*" if r["override"] else " "
        pos = str(r["position"]) if r["position"] else "-"
        group = f" [{r['on_behalf_of']}]" if r["on_behalf_of"] else ""
        level, basis, status = Level(r["level"]).label(), Basis(r["basis"]).label(), Status(r["status"]).label()
        print(f"{pos:>3}{flag} {fit(name(r['code'], r['delegation']) + group, 34)} {fit(level, 24)} {fit(basis, 15)} "
              f"{fit(status + ('' if r['confirmed'] else '?'), 10)} {start:>5} {r['session'] or '':>6} {r['id']}")
    if any(r["override"] for r in rows):
        print(_("* manual override (see `debateprep speakers order`)"))
    return 0


def _add(args: argparse.Namespace) -> int:
    entry = _service(args).add(
        args.debate, args.delegation, person=args.person, representative=args.representative or "",
        title=args.title or "", level=args.level, basis=args.basis, on_behalf_of=args.on_behalf,
        inscribed_at=args.at, planned_minutes=args.minutes, draw=args.draw, notes=args.notes or "",
        confirmed=not args.unconfirmed)
    return _print_entry(entry, args.json, N_("inscribed"))


def _edit(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    for flag, field_name in (("representative", "representative"), ("title", "title"), ("level", "level"),
                             ("basis", "basis"), ("on_behalf", "on_behalf_of"), ("minutes", "planned_minutes"),
                             ("draw", "draw"), ("notes", "notes")):
        value = getattr(args, flag)
        if value is not None:
            changes[field_name] = value
    if args.confirmed:
        changes["confirmed"] = args.confirmed == "yes"
    if not changes:
        usage_error(args, _("nothing to change: give at least one option"))
    return _print_entry(_service(args).update(args.entry, args.version, **changes), args.json, N_("updated"))


def _move(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.clear:
        entry = service.clear_override(args.entry, args.version)
    else:
        entry = service.move(args.entry, to=args.to, after=args.after, before=args.before, swap=args.swap,
                             reason=args.reason, version=args.version)
    return _print_entry(entry, args.json, N_("moved") if entry.override else N_("back to the rules:"))


def _withdraw(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).withdraw(args.entry, args.version), args.json, N_("withdrew"))


def _reinstate(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).reinstate(args.entry, args.version), args.json, N_("reinstated"))


def _later(args: argparse.Namespace) -> int:
    entry = _service(args).later(args.entry, not args.back, args.version)
    return _print_entry(entry, args.json, N_("back among the others:") if args.back else N_("moved to a later session:"))


def _delete(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).delete(args.entry, args.version), args.json, N_("deleted"))


def _order(args: argparse.Namespace) -> int:
    view = _service(args).view(args.debate)
    rows = view.rows()
    name = _namer(args, view)
    why = {p.entry.id: p.explain(name(p.entry.delegation_code, p.entry.delegation)) for p in view.placements}
    for r in rows:
        r["why"] = why[r["id"]]
    if args.explain is not None:
        from debateprep.domain.errors import NotFound

        match = [r for r in rows if r["id"] == args.explain]
        if not match:
            raise NotFound(_("entry #{entry} is not in debate #{debate}'s list").format(
                entry=args.explain, debate=view.debate.id))
        rows = match
    if args.json:
        print_json([{k: r[k] for k in ("position", "id", "delegation", "auto_position", "override", "why")}
                    for r in rows])
        return 0
    if not rows:
        print(_(_NO_ONE).format(debate=view.debate.id))
        return 0
    for r in rows:
        print(f"{r['position'] or '-':>3}  {r['why']}")
    return 0


def _schedule(args: argparse.Namespace) -> int:
    view = _service(args).view(args.debate, now=args.now)
    sched = view.schedule
    if args.json:
        print_json({
            "debate": view.debate.id,
            "projected_end": sched.projected_end.isoformat(timespec="minutes") if sched.projected_end else None,
            "sessions": [{"number": s.number, "day": s.day + 1, "start": s.start.isoformat(timespec="minutes"),
                          "end": s.end.isoformat(timespec="minutes"), "record": s.record,
                          "positions": [x.position for x in sched.slots if x.session.number == s.number]}
                         for s in sched.sessions],
            "speakers": [{"position": x.position, "id": x.entry.id, "delegation": x.entry.delegation,
                          "start": x.start.isoformat(timespec="minutes"), "end": x.end.isoformat(timespec="minutes"),
                          "minutes": round(x.minutes, 2), "session": x.session.number, "day": x.session.day + 1,
                          "actual": _record_json(x), "expected_start": _expected(view, x),
                          "overrun_minutes": round(x.overrun_minutes, 1)}
                         for x in sched.slots],
            "spill_over": [x.position for x in sched.spilled()],
            "resumption": [x.position for x in sched.resumptions()],
            "expected_end": (sched.forecast.projected_end.isoformat(timespec="minutes")
                             if sched.forecast and sched.forecast.projected_end else None),
        })
        return 0
    _print_schedule(view, _namer(args, view))
    return 0


def _print_schedule(view: SpeakersView, name: Callable[[str | None, str], str]) -> None:
    from debateprep.i18n import day_month, weekday

    sched = view.schedule
    print(view.debate.label())
    if not sched.slots:
        print(_(_NO_ONE).format(debate=view.debate.id))
        return
    current = None
    for x in sched.slots:
        if x.session is not current:
            current = x.session
            print(f"\n{current.label()}")
        over = ("  " + _("runs {minutes} min past {end}").format(minutes=f"{x.overrun_minutes:.0f}",
                                                                   end=f"{x.session.end:%H:%M}")
                if x.overrun_minutes >= 1 else "")
        expected = _expected(view, x)
        beside = _record_text(x) or (_("now expected {time}").format(time=expected[11:16]) if expected else "")
        print(f"  {x.start:%H:%M}-{x.end:%H:%M}  {x.position:>3}  {name(x.entry.delegation_code, x.entry.delegation)}"
              f"{over}" + (f"  [{beside}]" if beside else ""))
    print()
    for line in sched.summary():
        print(line)
    if sched.resumptions():
        first = sched.resumptions()[0]
        print(_("spills into another day: positions {first}-{last} ({session})").format(
            first=first.position, last=sched.slots[-1].position, session=first.session.record or first.session.label()))
    if sched.forecast is not None and sched.forecast.projected_end is not None:
        end = sched.forecast.projected_end
        print(_("from what the timer logged: now expected to end {when}").format(
            when=f"{weekday(end)} {day_month(end)} {end:%H:%M}"))
    if sched.rehearsed():
        print(ngettext("{count} timed outside the debate's days (rehearsal or late entry): logged beside the plan, "
                       "which it does not change",
                       "{count} timed outside the debate's days (rehearsal or late entry): logged beside the plan, "
                       "which they do not change", len(sched.rehearsed())).format(count=len(sched.rehearsed())))


def _record_json(x: Any) -> dict[str, Any] | None:
    """The timer's record beside a planned slot."""
    if not x.actual:
        return None
    return {"start": x.actual_start.isoformat(timespec="seconds") if x.actual_start else None,
            "seconds": x.actual_seconds, "during_debate": x.live}


def _record_text(x: Any) -> str:
    """"heard 10:02, 6:12" (during the debate) / "rehearsal 27 Nov 2026, 5:12"."""
    if not x.actual:
        return ""
    from debateprep.i18n import full_date

    took = (f"{x.actual_seconds // 60}:{x.actual_seconds % 60:02d}" if x.actual_seconds is not None
            else _("speaking"))
    if x.live and x.actual_start is not None:
        return _("heard {when}, {duration}").format(when=f"{x.actual_start:%H:%M}", duration=took)
    if x.actual_start is not None:
        return _("timed {date} (rehearsal or late entry), {duration}").format(date=full_date(x.actual_start),
                                                                            duration=took)
    return _("timed (rehearsal or late entry), {duration}").format(duration=took)


def _expected(view: SpeakersView, x: Any) -> str | None:
    """The forecast start of a speaker still waiting, when it differs from the plan."""
    if view.schedule.forecast is None or x.entry.id is None or x.actual:
        return None
    f = view.schedule.forecast.slot_for(x.entry.id)
    if f is None or abs((f.start - x.start).total_seconds()) < 60:
        return None
    return f.start.isoformat(timespec="minutes")


def _import(args: argparse.Namespace) -> int:
    service = _service(args)
    record = args.record is not None
    files = [*args.files, *(args.record or [])]  # (`--record FILE…`, the older form, still works)
    check_input_paths(files)
    if args.year is not None and not args.council:
        usage_error(args, _("--year goes with --council (the Council of that year)"))
    if (args.council or args.briefers) and files:
        usage_error(args, _("{option} takes no file").format(option="--council" if args.council else "--briefers"))
    if args.council:
        done = service.inscribe_council(args.debate, args.year)
        if args.json:
            print_json([_entry_json(e) for e in done.added])
        else:
            print(done.summary())
        return 0
    if args.briefers:
        added = service.import_briefers(args.debate)
        what = _("briefers from the concept note (to be confirmed)")
    elif not files:
        usage_error(args, _("give a CSV file, a verbatim record's files with --record, or --briefers / --council"))
    elif record:
        added = service.import_record(args.debate, files)
        what = _("speakers heard in the record")
    else:
        if len(files) > 1:
            usage_error(args, _("one CSV file at a time (several files are a verbatim record: add --record)"))
        added = service.import_csv(args.debate, files[0])
        what = _("entries from {path}").format(path=files[0])
    if args.json:
        print_json([_entry_json(e) for e in added])
    else:
        print(_("imported {count} {what}").format(count=len(added), what=what))
    return 0


def _export(args: argparse.Namespace) -> int:
    from debateprep.services.exports import default_name

    service = _service(args)
    debate = service.debate(args.debate)
    content = service.export_csv(debate.id)
    if args.output:
        path = write_export(args, args.output, default_name("speakers", debate.id, ext="csv"), content, args.force)
        print(_("wrote {path}").format(path=path.resolve()), file=sys.stderr)
    else:
        sys.stdout.write(content)
    return 0


def _start(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).start(args.entry, args.at), args.json, N_("speaking:"))


def _done(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).finish(args.entry, args.seconds), args.json, N_("spoke:"))


def _unspoke(args: argparse.Namespace) -> int:
    return _print_entry(_service(args).unspoke(args.entry, args.version), args.json, N_("not spoken yet:"))


def _reset_timer(args: argparse.Namespace) -> int:
    service = _service(args)
    debate = service.debate(args.debate)
    timed = service.timed_entries(debate.id)
    if timed and not args.yes:
        names = _(", ").join(f"#{e.id} {e.delegation}" for e in timed)
        usage_error(args, ngettext("this clears the timing of {count} entry of debate #{debate} ({names}): add "
                                   "--yes to do it",
                                   "this clears the timing of {count} entries of debate #{debate} ({names}): add "
                                   "--yes to do it", len(timed)).format(count=len(timed), debate=debate.id,
                                                                        names=names))
    changed = service.reset_timer(debate.id)
    if args.json:
        print_json({"debate_id": debate.id, "cleared": [_entry_json(e) for e in changed]})
    else:
        print(ngettext("timer reset for debate #{debate}: {count} entry waits to speak again",
                       "timer reset for debate #{debate}: {count} entries wait to speak again",
                       len(changed)).format(debate=debate.id, count=len(changed)))
    return 0


def _roster(args: argparse.Namespace) -> int:
    from debateprep.domain.roster import Roster

    from debateprep.domain import limits

    limits.check_query(args.query, "the name to find", limits.NAME_CHARS)
    roster = Roster.load()
    matches = roster.search(args.query, limit=args.limit)
    group = roster.find_group(args.query)
    if args.json:
        print_json({
            "delegations": [{"code": m.delegation.code, "name": m.delegation.name, "zh_name": m.delegation.zh_name,
                             "kind": m.delegation.kind, "matched": m.matched, "score": round(m.score, 1)}
                            for m in matches],
            "group": None if group is None else {"code": group.code, "name": group.name, "zh_name": group.zh_name,
                                                 "members": list(group.members), "dynamic": group.dynamic},
        })
        return 0
    for m in matches:
        print(f"{m.delegation.code:<8} {m.delegation.name} / {m.delegation.zh_name}  ({m.delegation.kind})")
    if group:
        print(f"group {group.code}: {group.name} / {group.zh_name}")
    if not matches and not group:
        print(f"nothing in the roster matches {args.query!r}")
    return 0


def _council(args: argparse.Namespace) -> int:
    from datetime import date

    from debateprep.domain.roster import Roster

    roster = Roster.load()
    year = roster.council_year(args.year or date.today().year)
    name = {c: roster.get(c).name for c in year.members}
    if args.json:
        print_json({"year": year.year, "permanent": list(year.permanent), "elected": list(year.elected),
                    "african": list(year.african),
                    "presidency": [{"month": m + 1, "code": c, "name": name[c]} for m, c in enumerate(year.presidency)]})
        return 0
    print(f"Security Council {year.year}")
    print("permanent: " + ", ".join(name[c] for c in year.permanent))
    print("elected:   " + ", ".join(name[c] for c in year.elected))
    for m, c in enumerate(year.presidency, start=1):
        print(f"  {date(year.year, m, 1):%B}: {name[c]}")
    return 0
