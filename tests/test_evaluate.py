"""The project's evaluate module must score exactly like the reference scorer (tests/data/reference_score.py)."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from dashboard import evaluate

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "seeds_gold.jsonl"


def reference():
    spec = importlib.util.spec_from_file_location("reference_score", DATA / "reference_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions_from_gold(rng: random.Random | None = None) -> list[dict]:
    """Gold turned into extract-shaped predictions, optionally damaged at random."""
    out = []
    for g in evaluate.load_gold(GOLD):
        places = [{"name": p["name"], "kind": p["kind"], "country": p["country"], "lat": p["lat"], "lon": p["lon"]}
                  for p in g["places"]]
        by_name = {p["name"]: p for p in places}
        links = [{"kind": lk["kind"], "home": by_name[lk["kz"]], "partner": by_name[lk["partner"]],
                  "date": lk["date"]} for lk in g["links"]]
        if rng:
            places = [dict(p, lat=(p["lat"] or 0) + rng.choice([0, 0, 1.0, 3.0])) for p in places
                      if rng.random() > 0.2]
            places.append({"name": "Nowhere", "kind": "city", "country": "ZZ", "lat": -40.0, "lon": 0.0})
            links = [dict(lk, kind=rng.choice(["visit", "meeting", "partnership"]),
                          date=rng.choice([lk["date"], None])) for lk in links if rng.random() > 0.2]
        out.append({"id": g["file"][:-4], "places": places, "links": links})
    return out


def test_perfect_prediction_scores_one():
    result = evaluate.score_domain(evaluate.load_gold(GOLD), predictions_from_gold())
    assert result["place_f1"] == 1.0 and result["link_f1"] == 1.0 and result["link_date_acc"] == 1.0


@pytest.mark.parametrize("seed", range(6))
def test_agrees_with_reference_scorer(tmp_path, seed):
    preds = predictions_from_gold(random.Random(seed))
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(preds), encoding="utf-8")
    ours = evaluate.score_domain(evaluate.load_gold(GOLD), preds)
    theirs = reference().domain(str(GOLD), str(path))
    assert ours == theirs
    assert ours["place_f1"] < 1.0  # the damage must show


def test_missing_articles_are_counted():
    result = evaluate.score_domain(evaluate.load_gold(GOLD), [])
    assert result["missing_articles"] == 5 and result["place_f1"] == 0.0


def test_a_required_place_is_matched_before_an_optional_one_at_its_point():
    # the university (optional) stands at the city's point: the one prediction must count for the city
    city = {"name": "Shymkent", "kind": "city", "country": "KZ", "lat": 42.3, "lon": 69.6, "required": True}
    university = {"name": "SKMA", "kind": "organization", "country": "KZ", "lat": 42.3, "lon": 69.6,
                  "required": False}
    gold = [{"id": "a", "file": "a.txt", "lang": "en", "places": [university, city], "links": []}]
    predicted = [{"id": "a", "places": [{"name": "Shymkent", "kind": "city", "country": "KZ", "lat": 42.3001,
                                         "lon": 69.6}], "links": []}]
    result = evaluate.score_domain(gold, predicted)
    assert (result["place_p"], result["place_r"]) == (1.0, 1.0)
