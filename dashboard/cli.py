"""Command line: ``python -m dashboard extract|geocode|evaluate``. ``main(argv) -> exit status``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from dashboard.errors import DashboardError

log = logging.getLogger(__name__)


def _online_settings(args) -> tuple[bool, str | None]:
    """CLI flags first, then SHYMKENT_GEOCODE_ONLINE / SHYMKENT_NOMINATIM_USER_AGENT."""
    from dashboard.geocoding import online_settings

    settings = online_settings(cli_online=getattr(args, "online", False) or None,
                               cli_user_agent=getattr(args, "user_agent", None))
    return settings.online, settings.user_agent


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
    from dashboard import pipeline

    online, agent = _online_settings(args)
    dataset = _build_reporting(args.paths or [str(pipeline.SEEDS_DIR)], online=online, user_agent=agent)
    json.dump([item.to_json() for item in dataset.articles], sys.stdout, ensure_ascii=False,
              indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 1 if dataset.skipped else 0


def cmd_geocode(args) -> int:
    from dashboard import geocode_command, pipeline

    online, agent = _online_settings(args)
    return geocode_command.run(args.paths or [str(pipeline.SEEDS_DIR)], online=online, refresh=args.refresh,
                               user_agent=agent)


def cmd_evaluate(args) -> int:
    from dashboard import evaluate

    gold = evaluate.load_gold(args.gold)
    folder = Path(args.articles)
    dataset = _build_reporting([folder / g["file"] for g in gold])
    result = evaluate.score_domain(gold, [a.to_json() for a in dataset.articles],
                                   verbose_out=sys.stderr if args.verbose else None)
    print(json.dumps(result, ensure_ascii=False))
    return 1 if dataset.skipped else 0


def build_parser() -> argparse.ArgumentParser:
    # -v works before or after the subcommand; SUPPRESS keeps a subcommand from resetting the top-level value
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log progress to stderr (evaluate: per-article details)")
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__, parents=[common])
    parser.set_defaults(verbose=False)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", parents=[common], help="places, unresolved names and links as JSON")
    p.add_argument("paths", nargs="*", help="article files or folders ('-' = stdin); default: seeds/")
    p.add_argument("--json", action="store_true", help="JSON output (the default and only format)")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--online", action="store_true", help="allow Nominatim for names the gazetteer lacks")
    p.add_argument("--user-agent", help="User-Agent for Nominatim (or SHYMKENT_NOMINATIM_USER_AGENT)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("geocode", parents=[common], help="resolve every place name and fill geodata/geocache.json")
    p.add_argument("paths", nargs="*", help="article files or folders; default: seeds/")
    p.add_argument("--online", action="store_true", help="ask Nominatim for names offline sources lack")
    p.add_argument("--refresh", action="store_true", help="ask again even for names already cached")
    p.add_argument("--user-agent", help="User-Agent for Nominatim (or SHYMKENT_NOMINATIM_USER_AGENT)")
    p.set_defaults(func=cmd_geocode)

    p = sub.add_parser("evaluate", parents=[common], help="place and link F1 against gold annotations")
    p.add_argument("gold", help="gold JSONL, e.g. tests/data/seeds_gold.jsonl")
    p.add_argument("--articles", default="seeds", help="folder holding the gold's files (default: seeds)")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except DashboardError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `... | head` closed the pipe: not an error of ours
        return 0
