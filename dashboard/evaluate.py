"""Score ``extract`` output against gold annotations, with the reference scorer's rules.

Places: a country matches a country with the same ISO code; anything else matches within 161 km
(300 km when the gold place is a region). Links: same kind and both ends match; a gold national actor
("Kazakhstan") is matched by any home place inside Kazakhstan. Matching is greedy by distance.
Gold places marked ``required: false`` are neither rewarded nor punished. tests/test_evaluate.py checks
that this module and the reference scorer agree.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

CITY_KM, REGION_KM = 161.0, 300.0


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine on a 6371 km sphere: the reference scorer's distance, so thresholds agree exactly."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


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


def _greedy(preds: Sequence, golds: Sequence, match: Callable) -> list[tuple[int, int]]:
    pairs = sorted((d, i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                   if (d := match(p, g)) is not None)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _d, i, j in pairs:
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
        matched = _greedy(pp, gp, place_match)
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
