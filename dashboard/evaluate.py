"""Score ``extract`` output against gold annotations, with the reference scorer's rules.

Places: a country matches a country with the same ISO code; anything else matches within 161 km
(300 km when the gold place is a region). Links: same kind and both ends match; a gold national actor
("Kazakhstan") is matched by any home place inside Kazakhstan. Matching is greedy by distance.
Gold places marked ``required: false`` are neither rewarded nor punished. tests/test_evaluate.py checks
that this module and the reference scorer agree.

``load_gold`` and ``find_articles`` raise GoldError (one line: the file and why) for a gold file that
cannot be scored: missing, not UTF-8, not JSON Lines, empty, or naming articles that are nowhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from dashboard.errors import DashboardError
from dashboard.files import read_bytes
from dashboard.models import LINK_KINDS, distance_km

CITY_KM, REGION_KM = 161.0, 300.0


class GoldError(DashboardError):
    """A gold file that cannot be used, or whose articles cannot be found: names the file and why."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# what score_domain reads from a gold record, a place (lat/lon unless a country) and a link: without
# this check a short record would be a KeyError traceback halfway through scoring
_RECORD_KEYS = {"file": (str, "a string"), "places": (list, "a list"), "links": (list, "a list")}
_PLACE_KEYS = ("name", "required")
_LINK_KEYS = ("kind", "kz", "partner")


def load_gold(path: str | Path) -> list[dict]:
    """One gold record per non-blank line. Raises GoldError naming the file (and line) and the reason."""
    text = _read_text(path)
    gold = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(path, f"line {number} is not JSON ({err.msg}, column {err.colno})") from err
        if isinstance(record, dict) and "file" not in record and isinstance(record.get("id"), str):
            record = {**record, "file": f"{record['id']}.txt"}  # gold keyed by id: its article is <id>.txt
        problem = _record_problem(record)
        if problem:
            raise GoldError(path, f"line {number} is not a gold record ({problem})")
        gold.append(record)
    if not gold:
        raise GoldError(path, "has no gold records (the file is empty)")
    return gold


def _read_text(path: str | Path) -> str:
    raw = read_bytes(path, GoldError, folder="is a folder, not a gold file")
    try:
        return raw.decode("utf-8-sig")  # an editor's byte order mark is harmless
    except UnicodeDecodeError as err:
        raise GoldError(path, f"is not UTF-8 text (byte {err.object[err.start]:#04x} at offset {err.start}); "
                              "a gold file is JSON Lines") from err


def _record_problem(record) -> str | None:
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not an object"
    for key, (kind, described) in _RECORD_KEYS.items():
        if not isinstance(record.get(key), kind):
            return f'"{key}" missing or not {described}'
    for what, items in (("place", record["places"]), ("link", record["links"])):
        for item in items:
            if not isinstance(item, dict):
                return f"a {what} that is not an object"
            keys = _LINK_KEYS if what == "link" else _PLACE_KEYS + (() if _is_country(item) else ("lat", "lon"))
            missing = next((k for k in keys if item.get(k) is None), None)
            if missing:
                return f'a {what} without "{missing}"'
    return None


def article_folders(gold_path: str | Path, articles: str | Path | None, *, seeds: Path) -> list[Path]:
    """Where a gold file's articles are looked for, in order: the --articles folder alone when given;
    else the folder named after the gold file (x/heldout_gold.jsonl -> x/heldout/), the gold file's own
    folder, then seeds/. So a gold file finds its articles wherever it is run from."""
    if articles is not None:
        folder = Path(articles)
        if not folder.is_dir():
            raise GoldError(folder, "no such folder (given as --articles)")
        return [folder]
    gold_path = Path(gold_path)
    named = gold_path.parent / gold_path.stem.removesuffix("_gold")
    folders: list[Path] = []
    for folder in (named, gold_path.parent, seeds):
        if folder.is_dir() and all(folder.resolve() != f.resolve() for f in folders):
            folders.append(folder)
    return folders


def find_articles(gold: list[dict], gold_path: str | Path, folders: Sequence[Path]) -> list[Path]:
    """Each gold record's article file, from the first folder that has it. Raises GoldError listing
    every article found nowhere: scoring without them would only report them as misses."""
    found: list[Path] = []
    missing: list[str] = []
    for g in gold:
        path = next((f / g["file"] for f in folders if (f / g["file"]).is_file()), None)
        if path is None:
            missing.append(g["file"])
        else:
            found.append(path)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        where = ", ".join(str(f) for f in folders) or "no folder"
        raise GoldError(gold_path, f"{len(missing)} article(s) not found (looked in {where}): {shown}")
    return found


def _is_country(p: dict) -> bool:
    return (p.get("kind") or "").lower() == "country"


def _code(p: dict) -> str:
    return (p.get("country") or "").upper()


def place_match(pred: dict, gold: dict) -> float | None:
    """Distance in km when ``pred`` resolves ``gold``, else None."""
    if _is_country(gold):
        return 0.0 if _is_country(pred) and _code(pred) == _code(gold) else None
    if _is_country(pred) or pred.get("lat") is None or pred.get("lon") is None:
        return None
    d = distance_km((pred["lat"], pred["lon"]), (gold["lat"], gold["lon"]))
    return d if d <= (REGION_KM if gold.get("kind") == "region" else CITY_KM) else None


def _greedy(preds: Sequence, golds: Sequence, match: Callable,
            first: Callable[[dict], bool] | None = None) -> list[tuple[int, int]]:
    """Closest pairs first; gold items for which ``first`` holds before the others (the reference scorer's
    rule: an optional landmark at a city's point cannot take the city's prediction from the required city)."""
    pairs = sorted((0 if first is None or first(g) else 1, d, i, j) for i, p in enumerate(preds)
                   for j, g in enumerate(golds) if (d := match(p, g)) is not None)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _first, _d, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _link_match(pred: dict, gold: tuple[dict, dict, dict]) -> float | None:
    link, home_gold, partner_gold = gold
    if pred.get("kind") != link["kind"]:
        return None
    home, partner = pred.get("home") or {}, pred.get("partner") or {}
    d_home = place_match(home, home_gold)
    if d_home is None and _is_country(home_gold) and _code(home) == _code(home_gold):
        d_home = 0.0  # any place inside Kazakhstan stands for a national actor
    d_partner = place_match(partner, partner_gold)
    return None if d_home is None or d_partner is None else d_home + d_partner


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _stem(name: str) -> str:
    name = str(name).rsplit("/", 1)[-1]
    return name[:-4] if name.endswith(".txt") else name


def score_domain(gold: list[dict], predicted: list[dict], *, verbose_out=None) -> dict:
    """Place and link precision/recall/F1 and link date accuracy over the gold articles."""
    preds = {_stem(a.get("id", "")): a for a in predicted}
    t = dict(ptp=0, pfp=0, pfn=0, ltp=0, lfp=0, lfn=0, missing=0, date_ok=0, date_n=0)
    for g in gold:
        gid = _stem(g.get("id") or g["file"])
        a = preds.get(gid)
        if a is None:
            t["missing"] += 1
            a = {"places": [], "links": []}
        pp = [p for p in a.get("places", []) if p.get("lat") is not None or _is_country(p)]
        gp = g["places"]
        matched = _greedy(pp, gp, place_match, first=lambda x: x["required"])
        matched_g = {j for _, j in matched}
        tp = sum(1 for j in matched_g if gp[j]["required"])
        fn = sum(1 for j, x in enumerate(gp) if x["required"] and j not in matched_g)
        fp = len(pp) - len(matched)
        by_name = {x["name"]: x for x in gp}
        glinks = [(lk, by_name[lk["kz"]], by_name[lk["partner"]]) for lk in g["links"]
                  if lk["kz"] in by_name and lk["partner"] in by_name]
        pl = a.get("links", [])
        lm = _greedy(pl, glinks, _link_match)
        for i, j in lm:
            if glinks[j][0].get("date"):
                t["date_n"] += 1
                t["date_ok"] += int(pl[i].get("date") == glinks[j][0]["date"])
        t["ptp"] += tp
        t["pfp"] += fp
        t["pfn"] += fn
        t["ltp"] += len(lm)
        t["lfp"] += len(pl) - len(lm)
        t["lfn"] += len(glinks) - len(lm)
        if verbose_out is not None:
            missed = [x["name"] for j, x in enumerate(gp) if x["required"] and j not in matched_g]
            extra = [p.get("name") for i, p in enumerate(pp) if i not in {i for i, _ in matched}]
            missed_links = [(glinks[j][0]["kind"], glinks[j][0]["kz"], glinks[j][0]["partner"])
                            for j in range(len(glinks)) if j not in {j for _, j in lm}]
            extra_links = [(pl[i].get("kind"), (pl[i].get("home") or {}).get("name"),
                            (pl[i].get("partner") or {}).get("name"))
                           for i in range(len(pl)) if i not in {i for i, _ in lm}]
            print(f"{gid}: places tp={tp} fp={fp} fn={fn} missed={missed} extra={extra}; links tp={len(lm)} "
                  f"fp={len(pl) - len(lm)} fn={len(glinks) - len(lm)} missed={missed_links} extra={extra_links}",
                  file=verbose_out)
    pp_, lp_ = _prf(t["ptp"], t["pfp"], t["pfn"]), _prf(t["ltp"], t["lfp"], t["lfn"])
    return {
        "articles": len(gold), "missing_articles": t["missing"],
        "place_p": round(pp_[0], 3), "place_r": round(pp_[1], 3), "place_f1": round(pp_[2], 3),
        "link_p": round(lp_[0], 3), "link_r": round(lp_[1], 3), "link_f1": round(lp_[2], 3),
        "link_date_acc": round(t["date_ok"] / t["date_n"], 3) if t["date_n"] else None,
    }


def breakdown(gold: list[dict], predicted: list[dict]) -> list[dict]:
    """Link precision/recall/F1 per language and per kind (and the place F1 of each language): the same
    scoring on subsets of the gold, predictions of other articles and other kinds left out."""
    rows = []
    langs = sorted({str(g.get("lang") or "?") for g in gold})
    for lang in [*langs, "all"]:
        subset = [g for g in gold if lang == "all" or str(g.get("lang") or "?") == lang]
        for kind in ("all", *LINK_KINDS):
            gs, ps = subset, predicted
            if kind != "all":
                gs = [{**g, "links": [lk for lk in g["links"] if lk.get("kind") == kind]} for g in subset]
                ps = [{**a, "links": [lk for lk in a.get("links", []) if lk.get("kind") == kind]} for a in predicted]
            r = score_domain(gs, ps)
            rows.append({"lang": lang, "kind": kind, "articles": len(gs),
                         "gold_links": sum(len(g["links"]) for g in gs), "link_p": r["link_p"],
                         "link_r": r["link_r"], "link_f1": r["link_f1"], "place_f1": r["place_f1"]})
    return rows


def breakdown_table(rows: list[dict]) -> str:
    """The breakdown as a Markdown table (README keeps one)."""
    lines = ["| lang | kind | articles | gold links | link P | link R | link F1 | place F1 |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['lang']} | {r['kind']} | {r['articles']} | {r['gold_links']} | {r['link_p']:.2f} | "
              f"{r['link_r']:.2f} | {r['link_f1']:.2f} | {r['place_f1']:.3f} |" for r in rows]
    return "\n".join(lines)
