"""Forgiving place search: fuzzy across English, Russian and Kazakh names, in the view and the gazetteer."""

from __future__ import annotations

import pytest
from _mapdata import build_dataset
from places import HELSINKI, MARIBOR, SHYMKENT, STEVENAGE, TURKISTAN_REGION

from dashboard import search
from dashboard import viewstate as vs
from dashboard.catalog import Catalog


@pytest.fixture(scope="module")
def places():
    return Catalog.of_dataset(build_dataset()).view(vs.Filters()).places


@pytest.mark.parametrize("query", ["Stevenage", "стивенедж", "Стивенидж", "Стивенейджем", "  STEVEN ", "Stevenag"])
def test_spelling_variants_in_each_language_find_stevenage_first(places, query):
    hits = search.find_places(places, query)
    assert hits and hits[0].location.key == STEVENAGE.key, [(h.location.name, h.score) for h in hits]


@pytest.mark.parametrize(("query", "key"), [("Түркістан облысы", TURKISTAN_REGION.key), ("Шымкент", SHYMKENT.key),
                                            ("Chimkent", SHYMKENT.key), ("Helsinky", HELSINKI.key),
                                            ("Марибор", MARIBOR.key)])
def test_names_in_kazakh_russian_and_old_spellings(places, query, key):
    assert search.find_places(places, query)[0].location.key == key


@pytest.mark.parametrize("query", ["xyzzy", "Paris", "", "  ", "St"])
def test_nothing_close_finds_nothing(places, query):
    assert search.find_places(places, query) == []


def test_the_gazetteer_is_searched_by_any_of_its_names():
    hits = search.search_gazetteer("Стивенидж")
    assert hits[0].location.key == STEVENAGE.key
    assert search.search_gazetteer("Туркестанская обл")[0].location.key == TURKISTAN_REGION.key
    assert search.search_gazetteer("Hertfordshire")[0].location.name == "Hertfordshire"
    assert search.search_gazetteer("qqqqzzzz") == []
