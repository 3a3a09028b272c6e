"""Needs review: unresolved names, weak places, corrections written as overrides the geocoding chain
reads, the country under a clicked point, and the same article twice."""

from __future__ import annotations

from dataclasses import replace

import pytest
from _mapdata import build_dataset
from places import HELSINKI, SHYMKENT, STEVENAGE, TOKYO

from dashboard import review
from dashboard import viewstate as vs
from dashboard.catalog import Catalog
from dashboard.geocoding import Geocoder, load_overrides
from dashboard.models import Correction, Mention, Toponym


def with_unresolved(dataset, article_index: int, *words: str):
    arts = list(dataset.articles)
    a = arts[article_index]
    text = a.article.text
    mentions = tuple(Mention(w, text.index(w), text.index(w) + len(w)) for w in words)
    arts[article_index] = replace(a, unresolved=mentions)
    return replace(dataset, articles=tuple(arts))


def test_unresolved_names_are_grouped_by_language_and_spelling():
    ds = with_unresolved(build_dataset(), 1, "Maribor", "mayor")
    ds = with_unresolved(ds, 3, "Tokyo")
    names = review.unresolved_names(Catalog.of_dataset(ds).unresolved_rows())
    assert {(u.name, u.lang) for u in names} == {("Maribor", "en"), ("mayor", "en"), ("Tokyo", "en")}
    maribor = next(u for u in names if u.name == "Maribor")
    assert maribor.article_ids == ("en1",) and maribor.id == "name:en:maribor"


def test_weak_places_say_why_and_skip_what_a_person_placed():
    ds = build_dataset()
    catalog = Catalog.of_dataset(ds)
    view = catalog.view(vs.Filters())
    small = replace(view.place(TOKYO.key), location=replace(TOKYO, population=9000))
    others = [p for p in view.places if p.location.key != TOKYO.key]
    weak = {w.location.key: w for w in review.weak_places([*others, small], sources=catalog.place_sources,
                                                          forms=catalog.place_forms)}
    assert "a small town (9,000 people)" in weak[TOKYO.key].reasons
    assert "named once, in one article" in weak[HELSINKI.key].reasons
    assert SHYMKENT.key not in weak  # four mentions in two articles
    assert weak[HELSINKI.key].forms == (("Хельсинки", "kk"),)
    placed = replace(ds, articles=tuple(
        replace(a, places=tuple(replace(p, source="override") for p in a.places)) for a in ds.articles))
    placed_catalog = Catalog.of_dataset(placed)
    assert review.weak_places(view.places, sources=placed_catalog.place_sources,
                              forms=placed_catalog.place_forms) == []


def test_a_gazetteer_choice_writes_its_names_first_then_the_articles_spellings():
    rows = review.correction_rows(forms=[("Стивенейджем", "ru"), ("Stevenage", "en")], target=STEVENAGE)
    assert [(r.name, r.lang) for r in rows] == [("Stevenage", "en"), ("Стивенедж", "ru"), ("Стивенедж", "kk"),
                                               ("Стивенейджем", "ru")]
    assert {r.key for r in rows} == {STEVENAGE.key} and rows[0].note.startswith("set on the dashboard")
    point = review.correction_rows(forms=[("Kettlewick", "en")], point=(52.1, -1.5), name="Kettlewick",
                                   kind="city", country="GB")
    assert [(r.name, r.lang, r.lat, r.lon, r.key) for r in point] == [("Kettlewick", "en", 52.1, -1.5, "")]
    with pytest.raises(ValueError):
        review.correction_rows(forms=[("x", "en")])


def test_a_saved_correction_is_read_back_by_the_geocoding_chain(tmp_path):
    """Corrections from the page reach the chain after the overrides file, as the library passes them."""
    path = tmp_path / "overrides.csv"
    path.write_text("# a comment that must survive\nname,lang,lat,lon,kind,country,note\n", encoding="utf-8")
    rows = [*review.correction_rows(forms=[("Стивенейджем", "ru")], target=STEVENAGE),
            *review.correction_rows(forms=[("Kettlewick", "en")], point=(52.1, -1.5), name="Kettlewick",
                                    kind="city", country="GB")]
    overrides, problems = load_overrides(path, extra=rows)
    assert problems == []
    stev = overrides["ru:стивенейджем"]
    assert stev.key == STEVENAGE.key and stev.name == "Stevenage" and stev.name_in("ru") == "Стивенедж"
    geo = Geocoder(cache_path=tmp_path / "cache.json", overrides_path=path, corrections=rows)
    placed = geo.locate(Toponym("Стивенейдж", "ru", (Mention("Стивенейджем", 0, 12),)))
    assert placed.source == "override" and placed.location.key == STEVENAGE.key
    kettle = geo.locate(Toponym("Kettlewick", "en", (Mention("Kettlewick", 0, 10),)))
    assert kettle.location.key == "ovr:52.10000,-1.50000" and kettle.location.country == "GB"
    # and as the file the repository keeps (export-corrections, or the download when the library fails)
    path.write_text(review.corrections_text(path, rows), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# a comment that must survive\n")
    assert load_overrides(path)[0]["en:kettlewick"].key == "ovr:52.10000,-1.50000"


def test_override_rows_are_checked_before_writing(tmp_path):
    with pytest.raises(ValueError):
        review.corrections_text(tmp_path / "o.csv", [Correction("X", "en", 1, 2, "planet")])
    with pytest.raises(ValueError):
        review.corrections_text(tmp_path / "o.csv", [Correction("X", "en", 1, 2, "city", key="bad key")])
    _, problems = load_overrides(tmp_path / "none.csv", extra=[Correction("X", "en", 91, 2, "city")])
    assert problems and "library correction 1" in problems[0]


def test_a_bad_key_in_the_file_is_reported_not_used(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("name,lang,lat,lon,kind,country,note,key\nX,en,1,2,city,KZ,,not a key\n", encoding="utf-8")
    overrides, problems = load_overrides(path)
    assert overrides == {} and "key must look like" in problems[0]


@pytest.mark.parametrize(("lat", "lon", "country"), [(42.3, 69.6, "KZ"), (51.9, -0.2, "GB"), (46.56, 15.65, "SI"),
                                                     (0.0, -30.0, None)])
def test_the_country_under_a_point(lat, lon, country):
    assert review.country_at(lat, lon) == country


def test_spacing_case_and_a_header_do_not_make_a_different_article():
    from dashboard.articles import load_text

    def content_key(article):
        return article.content_key

    text = "Maribor delegation in Shymkent\n\nA delegation from Maribor visited Shymkent on Monday.\n"
    plain = load_text(text, article_id="a")
    spaced = load_text("title: Maribor delegation in Shymkent\n\n" + text.replace(" visited ", "  visited\n"),
                       article_id="b")
    assert content_key(plain) == content_key(spaced)
    assert content_key(plain) != content_key(load_text(text.replace("Monday", "Friday"),
                                                                     article_id="c"))
