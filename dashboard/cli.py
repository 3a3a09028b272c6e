"""Command line: ``python -m dashboard extract|geocode|evaluate|add|feeds|library|search|export-corrections``
(also the ``shymkent-ties`` script).

``main(argv) -> exit status``: 0 all went well; 1 some article files were skipped (each named on stderr)
but the rest were processed; 2 nothing could be done (no articles, a bad gold file, a bad setting), said
in one ``error: ...`` line on stderr. argparse's own usage errors are 2 as well.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from dashboard import settings
from dashboard.errors import DashboardError

log = logging.getLogger(__name__)

DESCRIPTION = """\
Read news articles (English, Russian, Kazakh) about the foreign ties of Shymkent, Turkistan region and
Kazakhstan; find and geocode every place they name, and the visits, meetings and partnerships between
them. The map itself is the Streamlit dashboard: streamlit run dashboard/app.py

An article is a .txt file (UTF-8; Windows-1251, and UTF-16 with a BOM, are read too); a folder means the
.txt files in it; '-' reads one article from stdin. Without a path, extract and geocode read seeds/."""

EPILOG = """\
examples:
  %(prog)s extract --pretty seeds/002_2bc45280b5b1eb0a.txt
  %(prog)s geocode my_articles/
  %(prog)s evaluate tests/data/heldout_gold.jsonl        # articles from tests/data/heldout/
  %(prog)s evaluate my_gold.jsonl --articles my_articles/ -v
  %(prog)s add https://example.kz/news/123 saved_article.txt
  %(prog)s feeds add https://example.kz/rss && %(prog)s feeds check
  %(prog)s library list --json
  %(prog)s search memorandum Stevenage

The library (add, feeds, library, search, export-corrections) is the dashboard's database: a SQLite file in
the data folder by default, or the database SHYMKENT_LIBRARY_URL names (see README).

exit status: 0 all went well; 1 some article files were skipped (each named on stderr), the rest were
processed; 2 nothing could be done (no articles found, a bad gold file, a bad option), said on stderr.

The same commands are installed as the `shymkent-ties` console script: `shymkent-ties extract ...`."""

_EVALUATE_EPILOG = """\
The gold file is JSON Lines, one article per line naming its "file". Without --articles each file is
looked for in the folder named after the gold file (tests/data/heldout_gold.jsonl -> tests/data/heldout/),
then next to the gold file, then in seeds/. A gold file naming an article found nowhere is an error."""


def _online_settings(args) -> tuple[bool, str | None]:
    """CLI flags first, then SHYMKENT_GEOCODE_ONLINE / SHYMKENT_NOMINATIM_USER_AGENT."""
    online = settings.online_settings(cli_online=getattr(args, "online", False) or None,
                                      cli_user_agent=getattr(args, "user_agent", None))
    return online.online, online.user_agent


def _article_paths(args) -> list[str]:
    """The paths to read (default seeds/). Raises when they hold no article at all: printing `[]` or
    "0 articles" would look like success. A missing file is not that case: it is reported as skipped."""
    from dashboard import pipeline

    paths = args.paths or [str(settings.SEEDS_DIR)]
    if next(iter(pipeline.iter_paths(paths)), None) is None:
        raise DashboardError(f"{', '.join(paths)}: no .txt article files found")
    return paths


def _build_reporting(paths, *, online: bool = False, user_agent: str | None = None):
    """pipeline.build, with every skipped file and every article warning on stderr."""
    from dashboard import pipeline

    dataset = pipeline.build(paths, online=online, user_agent=user_agent)
    for bad in dataset.skipped:
        print(f"error: {bad.path}: {bad.reason}", file=sys.stderr)
    for item in dataset.articles:
        for warning in item.article.warnings:
            print(f"warning: {item.article.path}: {warning}", file=sys.stderr)
    return dataset


def cmd_extract(args) -> int:
    online, agent = _online_settings(args)
    dataset = _build_reporting(_article_paths(args), online=online, user_agent=agent)
    json.dump([item.to_json() for item in dataset.articles], sys.stdout, ensure_ascii=False,
              indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 1 if dataset.skipped else 0


def cmd_geocode(args) -> int:
    from dashboard import geocode_command

    online, agent = _online_settings(args)
    return geocode_command.run(_article_paths(args), online=online, refresh=args.refresh, user_agent=agent)


def cmd_evaluate(args) -> int:
    from dashboard import evaluate

    gold = evaluate.load_gold(args.gold)
    folders = evaluate.article_folders(args.gold, args.articles, seeds=_from_cwd(settings.SEEDS_DIR))
    dataset = _build_reporting(evaluate.find_articles(gold, args.gold, folders))
    predicted = [a.to_json() for a in dataset.articles]
    result = evaluate.score_domain(gold, predicted, verbose_out=sys.stderr if args.verbose else None)
    if args.breakdown:
        print(evaluate.breakdown_table(evaluate.breakdown(gold, predicted)))
    print(json.dumps(result, ensure_ascii=False))
    return 1 if dataset.skipped else 0


def _library(args):
    from dashboard import ingest

    return ingest.open_library(getattr(args, "library", None))


def _adding(args, library):
    from dashboard import ingest

    online, agent = _online_settings(args)
    return ingest.analysis_context(library, online=online, user_agent=agent)


def _print_outcome(outcome) -> bool:
    """One line per article added; True when it was a failure."""
    if outcome.problem:
        print(f"error: {outcome.what}: {outcome.problem}", file=sys.stderr)
        return True
    if outcome.duplicate:
        print(f"already in the library: {outcome.what} (as {outcome.stored.name})")
    elif outcome.analysed is not None:
        a = outcome.analysed
        print(f"added: {outcome.what} as {outcome.stored.name}: “{a.article.title}”, {a.article.date or 'undated'}, "
              f"{a.article.source or 'no source'}; {len(a.places)} place(s), {len(a.links)} relation(s)")
    return False


def cmd_add(args) -> int:
    from dashboard import ingest

    library = _library(args)
    geocoder, version = _adding(args, library)
    failed = False
    allow = settings.allow_private_urls()
    for target in args.targets:
        if target.startswith(("http://", "https://")):
            failed |= _print_outcome(ingest.add_url(library, target, geocoder=geocoder, version=version,
                                                    allow_private=allow))
        else:
            for outcome in ingest.add_paths(library, [target], geocoder=geocoder, version=version):
                failed |= _print_outcome(outcome)
    return 1 if failed else 0


def cmd_feeds(args) -> int:
    from dashboard import ingest

    library = _library(args)
    if args.action == "add":
        for url in args.urls:
            if not url.startswith(("http://", "https://")):
                raise DashboardError(f"{url}: a feed address starts with http:// or https://")
            feed, new = library.add_feed(url)
            print(f"{'following' if new else 'already following'}: {feed.url}")
        return 0
    if args.action == "list":
        for feed in library.feeds():
            print(f"{feed.url}\t{feed.title or ''}\tlast checked {feed.checked_at or 'never'}")
        return 0
    geocoder, version = _adding(args, library)
    reports = ingest.check_feeds(library, geocoder=geocoder, version=version,
                                 allow_private=settings.allow_private_urls())
    failed = False
    for r in reports:
        if r.error:
            print(f"error: {r.url}: {r.error}", file=sys.stderr)
            failed = True
            continue
        print(f"{r.title or r.url}: {r.new} new, {r.known} already known, {len(r.failed)} failed")
        for item, why in r.failed:
            print(f"  failed: {item}: {why}")
    if not reports:
        print("no feeds followed: add one with `feeds add URL`")
    return 1 if failed else 0


def cmd_library(args) -> int:
    from dashboard import ingest
    from dashboard.catalog import Catalog

    library = _library(args)
    analysed = Catalog.of_library(library, ingest.extractor_version(library)).article_summaries()
    rows = []
    for s in library.articles():
        art = analysed.get(s.name, {})
        # what the analysis read from the text where the user gave nothing
        row = {"id": s.name, "url": s.url, "title": s.title or art.get("title"), "date": s.date or art.get("date"),
               "origin": s.origin, "path": s.path, "source": s.source, "added_at": s.added_at,
               "places": art.get("places"), "links": art.get("links")}
        if art:
            row["lang"] = art["lang"]
        rows.append(row)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for row in rows:
            print(f"{row['id']}\t{row.get('lang') or '?'}\t{row['date'] or '????-??-??'}\t{row['title'] or ''}")
    return 0


def cmd_build(args) -> int:
    """Mirror a folder into the library and analyse every article not analysed by this version yet: what the
    page does at start, ahead of time (a scheduled job, or a library prepared before it is hosted)."""
    import os

    from dashboard import ingest
    from dashboard.catalog import Catalog

    library = _library(args)
    online, agent = _online_settings(args)
    workers = args.workers or os.cpu_count() or 1
    folder = args.folder or settings.articles_dir()
    report = ingest.sync_folder(library, folder)
    geocoder, version = ingest.analysis_context(library, online=online, user_agent=agent)
    analysed = ingest.refresh(library, geocoder=geocoder, version=version, workers=workers)
    catalog = Catalog.of_library(library, version, skipped=report.skipped)
    for item in catalog.skipped:
        print(f"skipped: {item.path}: {item.reason}", file=sys.stderr)
    print(f"{folder}: {report.added} added, {report.updated} changed, {report.removed} removed; {analysed} analysed "
          f"({workers} process{'es' if workers > 1 else ''}); the library holds {catalog.article_count} analysed "
          f"article(s) with {len(catalog.l_art)} relation(s)")
    return 0


def cmd_search(args) -> int:
    from dashboard import ingest
    from dashboard.models import AnalyzedArticle
    from dashboard.viewstate import text_match

    library = _library(args)
    query = " ".join(args.words)
    hits = library.search(query, limit=args.limit)
    version = ingest.extractor_version(library)
    by_id = {s.name: ingest.analysed_article(s, payload)
             for s, payload in library.analyses_of(version, [h.article_id for h in hits])}  # the hits only
    words = ingest.query_words(query)
    for hit in hits:
        analysed_hit = by_id.get(hit.name)
        art = analysed_hit.article if isinstance(analysed_hit, AnalyzedArticle) else None
        found = text_match(art, words) if art is not None else None
        title = art.title if art is not None else hit.name
        line = f"{hit.name}\t{title}"
        if found is not None:
            line += f"\t{found.before}[{found.hit}]{found.after}"
        print(line)
    if not hits:
        print(f"no article holds every word of: {query}", file=sys.stderr)
    return 0


def cmd_export_corrections(args) -> int:
    from dashboard import ingest

    text = ingest.export_corrections(_library(args), settings.overrides_file())
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _from_cwd(path: Path) -> Path:
    """``path`` relative to the working directory when inside it: messages then say seeds/x.txt."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _add_articles_and_online(p: argparse.ArgumentParser, *, online: str) -> None:
    p.add_argument("paths", nargs="*", help="article files or folders ('-' = stdin); default: seeds/")
    p.add_argument("--online", action="store_true", help=online)
    p.add_argument("--user-agent", help=f"User-Agent for Nominatim (or {settings.ENV_USER_AGENT})")


def _add_verbose(parser: argparse.ArgumentParser, help_text: str) -> None:
    # -v works before or after the subcommand; SUPPRESS keeps a subcommand from resetting the top-level value
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=help_text)


def _prog() -> str:
    """The name in usage lines: the console script's own name when run as `shymkent-ties`."""
    script = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return script if script == "shymkent-ties" else "python -m dashboard"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_prog(), description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_verbose(parser, "log details to stderr (what each command adds: see its --help)")
    parser.set_defaults(verbose=False)
    sub = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND",
                                description="each has its own --help, e.g. `extract --help`")

    p = sub.add_parser("extract", help="print each article's places, unresolved names and links as JSON",
                       description="Print one JSON object per article: its places, unresolved names and links.")
    _add_articles_and_online(p, online="allow Nominatim for names the gazetteer lacks")
    p.add_argument("--json", action="store_true", help="JSON output (the default and only format)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    _add_verbose(p, "log details to stderr: gazetteer build, Nominatim retries")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("geocode", help="resolve every place name; add the answers to geodata/geocache.json",
                       description="Resolve every place name in the articles, add new answers to "
                                   "geodata/geocache.json and print where each name came from.")
    _add_articles_and_online(p, online="ask Nominatim for names offline sources lack")
    p.add_argument("--refresh", action="store_true", help="ask again even for names already cached")
    _add_verbose(p, "log details to stderr: gazetteer build, geocode cache writes, Nominatim retries")
    p.set_defaults(func=cmd_geocode)

    p = sub.add_parser("evaluate", help="score extraction against a gold file: place and link precision, recall, F1",
                       description="Extract the gold file's articles and print place and link precision, "
                                   "recall and F1 as one JSON object.",
                       epilog=_EVALUATE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", help="gold JSONL, e.g. tests/data/seeds_gold.jsonl")
    p.add_argument("--articles", metavar="FOLDER",
                   help="the only folder to take the gold's article files from (default: see below)")
    p.add_argument("--breakdown", action="store_true",
                   help="also print link P/R/F1 per language and per kind as a Markdown table")
    _add_verbose(p, "print each article's matched, missed and extra places and links to stderr; log details")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("add", help="add web pages (by address) or article files to the library",
                       description="Add each page (its text, title, date and outlet are read from it) or file "
                                   "to the library and analyse it. The same article added again adds nothing.")
    p.add_argument("targets", nargs="+", metavar="URL|FILE", help="http(s) addresses, .txt files or folders")
    _add_library_and_online(p)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("feeds", help="follow RSS/Atom feeds; `feeds check` adds their new items",
                       description="add: follow feeds; list: the feeds followed; check: add every new item's "
                                   "page as an article (each item once, however often it is run).")
    p.add_argument("action", choices=("add", "list", "check"))
    p.add_argument("urls", nargs="*", metavar="URL", help="with add: the feeds' addresses")
    _add_library_and_online(p)
    p.set_defaults(func=cmd_feeds)

    p = sub.add_parser("library", help="list the library's articles",
                       description="List the library's articles: id, address, title, date, language, source, "
                                   "and how many places and relations were found.")
    p.add_argument("action", choices=("list",))
    p.add_argument("--json", action="store_true", help="JSON (a list of objects) instead of lines")
    _add_library(p)
    p.set_defaults(func=cmd_library)

    p = sub.add_parser("build", help="mirror a folder into the library and analyse what is new",
                       description="What the dashboard does at start, ahead of time: the folder's .txt files are "
                                   "mirrored into the library by content and every article without a current "
                                   "analysis is analysed, by one process per core unless --workers says otherwise.")
    p.add_argument("folder", nargs="?", help="the articles folder (default: SHYMKENT_ARTICLES_DIR, else seeds/)")
    p.add_argument("--workers", type=int, metavar="N", help="processes to analyse with (default: one per core)")
    _add_library_and_online(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("search", help="full-text search of the library's articles",
                       description="Articles holding every word (each word matches as the start of a word, "
                                   "case and accents aside), best first, with the match in [brackets].")
    p.add_argument("words", nargs="+")
    p.add_argument("--limit", type=int, default=50, help="at most this many articles (default 50)")
    _add_library(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export-corrections", help="the overrides file with the library's corrections, to commit",
                       description="Print geodata/overrides.csv with the corrections made on the page appended "
                                   "(rows already there are not repeated): commit it to ship them.")
    p.add_argument("-o", "--output", metavar="FILE", help="write there instead of to stdout")
    _add_library(p)
    p.set_defaults(func=cmd_export_corrections)
    return parser


def _add_library(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="URL", help="the library's database URL (default: see README)")
    _add_verbose(p, "log details to stderr")


def _add_library_and_online(p: argparse.ArgumentParser) -> None:
    _add_library(p)
    p.add_argument("--online", action="store_true", help="allow Nominatim for names the gazetteer lacks")
    p.add_argument("--user-agent", help=f"User-Agent for Nominatim (or {settings.ENV_USER_AGENT})")


def _not_a_skip(record: logging.LogRecord) -> bool:
    # dashboard.articles logs each file it skips; the CLI prints every skipped file itself, with its
    # reason, so letting the record through would say the same thing twice
    return not str(record.msg).startswith("skipped ")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("dashboard.articles").addFilter(_not_a_skip)  # a no-op when already there
    try:
        return args.func(args)
    except DashboardError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head` closed the pipe: not an error of ours
        return 0
