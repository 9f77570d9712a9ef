"""CLI: `debateprep library import|search|similar|show|list|sample|remove` — the agreed-language library."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from debateprep.cli.common import add_json_flag, check_input_paths, one_line, print_json, services
from debateprep.i18n import _, ngettext

if TYPE_CHECKING:
    from debateprep.importers.library import ImportReport
    from debateprep.services.library import LibraryService


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("library", help=_("agreed language: import adopted resolutions and PRSTs, search them"))
    lsub = p.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    imp = lsub.add_parser("import", help=_("import resolutions / presidential statements (files or folders)"))
    imp.add_argument("paths", nargs="+", metavar="PATH", help=_(".txt/.md/.docx/.pdf files or folders of them"))
    add_json_flag(imp)
    imp.set_defaults(func=_import)

    se = lsub.add_parser("search", help=_("full-text search, Chinese substrings and English words"))
    se.add_argument("query", metavar="QUERY", help=_('terms all required; "quotes" for a phrase, e.g. 保护平民'))
    se.add_argument("--lang", choices=["zh", "en"], help=_("only this language"))
    se.add_argument("--kind", choices=["PP", "OP", "para", "annex"],
                    help=_("preambular, operative, PRST or annex paragraphs"))
    se.add_argument("--lead", help=_("lead verb or phrase, e.g. Recalling, 回顾"))
    se.add_argument("--symbol", help=_("only this document, e.g. 'S/RES/2594 (2021)'"))
    se.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help=_("adopted in or after YEAR"))
    se.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help=_("adopted in or before YEAR"))
    se.add_argument("--limit", type=int, default=20, help=_("at most N hits (default 20)"))
    add_json_flag(se)
    se.set_defaults(func=_search)

    si = lsub.add_parser("similar", help=_("find agreed language close to a draft sentence"))
    si.add_argument("text", metavar="TEXT", help=_("a sentence or paragraph from a draft"))
    si.add_argument("--lang", choices=["zh", "en"], help=_("language of TEXT (default: detected)"))
    si.add_argument("--limit", type=int, default=10, help=_("at most N paragraphs (default 10)"))
    add_json_flag(si)
    si.set_defaults(func=_similar)

    sh = lsub.add_parser("show", help=_("a document's details and paragraphs with citations"))
    sh.add_argument("symbol", metavar="SYMBOL", help=_("e.g. 'S/RES/2594 (2021)' or S/PRST/2014/3"))
    sh.add_argument("--lang", choices=["zh", "en"], help=_("which language version"))
    add_json_flag(sh)
    sh.set_defaults(func=_show)

    ls = lsub.add_parser("list", help=_("documents in the library"))
    add_json_flag(ls)
    ls.set_defaults(func=_list)

    rm = lsub.add_parser("remove", help=_("remove a document from the library (both languages unless --lang)"))
    rm.add_argument("symbol", metavar="SYMBOL", help=_("e.g. 'S/RES/2594 (2021)' or S/PRST/2014/3"))
    rm.add_argument("--lang", choices=["zh", "en"], help=_("remove only this language version"))
    add_json_flag(rm)
    rm.set_defaults(func=_remove)

    sa = lsub.add_parser("sample", help=_("load the bundled sample: S/RES/2518 (2020), 2589 (2021), 2594 (2021)"))
    add_json_flag(sa)
    sa.set_defaults(func=_sample)


def _service(args: argparse.Namespace) -> LibraryService:
    return services(args).library


def _progress_bar(enabled: bool):  # type: ignore[no-untyped-def]
    """A one-line progress bar on stderr (only on a terminal)."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, current: str) -> None:
        width = 30
        filled = width * done // total if total else width
        name = current.rsplit("/", 1)[-1][:40]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _report(report: ImportReport, as_json: bool) -> int:
    if as_json:
        print_json(report.to_json())
    else:
        for d in report.imported:
            counts = (ngettext("{n} paragraph", "{n} paragraphs", d.paras).format(n=d.paras) if d.paras
                      else f"{d.pp} PP, {d.op} OP")
            if d.annex:
                counts += ", " + ngettext("{n} annex paragraph", "{n} annex paragraphs", d.annex).format(n=d.annex)
            print(_("imported {symbol} ({lang}): {counts}").format(symbol=d.symbol, lang=d.lang, counts=counts)
                  + (" " + _("(replaced)") if d.replaced else ""))
        for d in report.doubtful:
            print(one_line(_("doubt: {symbol} ({path}): {warnings}").format(
                symbol=d.symbol, path=d.path, warnings="; ".join(d.warnings))), file=sys.stderr)
        for path, reason in report.failed:
            print(one_line(_("failed: {path}: {reason}").format(path=path, reason=reason)), file=sys.stderr)
        print(report.summary())
    nothing_done = not report.imported and not report.skipped
    return 2 if report.failed and nothing_done else 0


def _import(args: argparse.Namespace) -> int:
    svc = _service(args)
    check_input_paths(args.paths)
    return _report(svc.import_paths(args.paths, _progress_bar(not args.json)), args.json)


def _sample(args: argparse.Namespace) -> int:
    return _report(_service(args).load_sample(), args.json)


def _search(args: argparse.Namespace) -> int:
    service = _service(args)
    filters = dict(lang=args.lang, kind=args.kind, lead=args.lead, symbol=args.symbol, year_from=args.year_from,
                   year_to=args.year_to)
    hits = service.search(args.query, limit=args.limit, **filters)
    if args.json:
        print_json([h.to_json() for h in hits])
        return 0
    if not hits:
        print(service.why_empty(args.query, **filters))
        return 0
    for h in hits:
        lead = f"  [{h.paragraph.lead}]" if h.paragraph.lead else ""
        print(f"{h.citation}{lead}  score {h.score:.2f}")
        print(f"    {h.snippet.marked()}")
    return 0


def _similar(args: argparse.Namespace) -> int:
    hits = _service(args).similar(args.text, args.limit, lang=args.lang)
    if args.json:
        print_json([h.to_json() for h in hits])
        return 0
    if not hits:
        print(_("nothing in the library is close to this text"))
    for h in hits:
        print(f"{h.similarity:4.0%}  {h.citation}")
        print(f"      {h.text}")
    return 0


def _show(args: argparse.Namespace) -> int:
    doc = _service(args).show(args.symbol, args.lang)
    if args.json:
        print_json({
            "symbol": doc.symbol, "kind": doc.kind, "lang": doc.lang,
            "adopted_on": doc.adopted_on.isoformat() if doc.adopted_on else None,
            "meeting": doc.meeting, "title": doc.title or None, "source": doc.source or None,
            "warnings": list(doc.warnings),
            "footnotes": [{"mark": f.mark, "text": f.text} for f in doc.footnotes],
            "paragraphs": [
                {
                    "kind": p.kind, "number": p.number, "sub": p.sub or None, "lead": p.lead,
                    "text": p.text, "citation": p.citation,
                    "footnotes": [{"mark": f.mark, "text": f.text} for f in p.footnotes],
                }
                for p in doc.paragraphs
            ],
        })
        return 0
    details = [doc.kind, doc.lang]
    if doc.adopted_on:
        details.append(_("adopted {date}").format(date=doc.adopted_on.isoformat()))
    if doc.meeting:
        details.append(_("meeting {number}").format(number=doc.meeting))
    print(f"{doc.symbol}  ({', '.join(details)})")
    if doc.title:
        print(doc.title)
    print(f"{doc.count('PP')} PP, {doc.count('OP')} OP" if doc.kind == "resolution" else
          ngettext("{n} paragraph", "{n} paragraphs", doc.count("para")).format(n=doc.count("para")))
    for p in doc.paragraphs:
        indent = "      " if p.sub else ""
        print(f"\n{indent}{p.label}  [{p.lead or '-'}]\n{indent}{p.text}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    removed = _service(args).remove(args.symbol, args.lang)
    if args.json:
        print_json([r.to_json() for r in removed])
        return 0
    for r in removed:
        print(ngettext("removed {symbol} ({lang}): {n} paragraph", "removed {symbol} ({lang}): {n} paragraphs",
                       r.paragraphs).format(symbol=r.symbol, lang=r.lang, n=r.paragraphs))
    return 0


def _list(args: argparse.Namespace) -> int:
    docs = _service(args).documents()
    if args.json:
        print_json([
            {"symbol": d.symbol, "kind": d.kind, "lang": d.lang, "year": d.year, "title": d.title or None,
             "paragraphs": d.paragraphs, "warnings": list(d.warnings)}
            for d in docs
        ])
        return 0
    if not docs:
        print(_("the library is empty: `debateprep library sample` or `debateprep library import PATH`"))
    for d in docs:
        print(f"{d.symbol:<22} {d.lang}  " + ngettext("{n:>3} paragraph", "{n:>3} paragraphs", d.paragraphs).format(
            n=d.paragraphs) + f"  {d.title}")
    return 0
