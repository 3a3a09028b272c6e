"""Relations in English, and the hand-built articles and places every relation test uses.

No toponym extractor and no gazetteer: the places are given by hand.

``article(text, lang, date)`` makes a one-segment Article; ``links(text, lang, **places)`` finds
every written form of each place in the text (word-start match, so give inflected forms too) and
runs the extractor.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from places import (
    ADDIS_ABABA,
    ASTANA,
    ATYRAU,
    BURSA,
    CHINA,
    DAEJEON,
    DUBAI,
    ETHIOPIA,
    GYEONGJU,
    JAPAN,
    KATOWICE,
    KUWAIT,
    LONDON,
    MANCHESTER,
    MARIBOR,
    MEXICO,
    NORWAY,
    SAMARKAND,
    SEOUL,
    SHYMKENT,
    SLOVENIA,
    STEVENAGE,
    STYRIA,
    TASHKENT,
    TURKISTAN_REGION,
    URUMQI,
    UZBEKISTAN,
    XINJIANG,
    loc,
)
from places import AFRICAN_UNION as AU
from places import EUROPEAN_UNION as EU
from places import KAZAKHSTAN as KZ
from places import SOUTH_KOREA as KOREA
from places import TURKIYE as TURKEY
from places import UNITED_KINGDOM as UK

from dashboard import relations
from dashboard.models import AnalyzedArticle, Article, Dataset, Demonym, Location, Mention, Place

# not in the gazetteer (a small town, organisations): hand-made keys
BORJOMI = loc("test:borjomi", "Borjomi", "city", "GE", 41.84, 43.38)
APSCO = loc("org:apsco", "APSCO", "organization", None, 39.9, 116.4)
STORTING = loc("org:storting", "Storting", "organization", "NO", 59.9, 10.7)


COUNTRIES = {c.country: c for c in (KZ, UK, SLOVENIA, KOREA, JAPAN, ETHIOPIA, NORWAY, KUWAIT, MEXICO, UZBEKISTAN,
                                    TURKEY)}


def article(text: str, lang: str, date: str | None = None, art_id: str = "t") -> Article:
    return Article(id=art_id, path=f"{art_id}.txt", text=text, title=text[:40], date=date, lang=lang,
                   source=None, body_ranges=((0, len(text)),))


def find_places(text: str, places: dict[Location, tuple[str, ...]]) -> list[Place]:
    out = []
    for location, forms in places.items():
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form), text):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention(form, m.start(), m.end()))
        assert mentions, f"{location.name}: none of {forms} in the text"
        out.append(Place(location, "gazetteer", tuple(sorted(mentions, key=lambda x: x.start))))
    return out


def find_demonyms(text: str, demonyms: dict[str, str]) -> list[Demonym]:
    out = []
    for form, iso in demonyms.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(form), text):
            out.append(Demonym(iso, Mention(form, m.start(), m.end())))
    assert out or not demonyms
    return out


def run(text: str, lang: str, places: dict[Location, tuple[str, ...]], *, demonyms: dict[str, str] | None = None,
        date: str | None = None, country_lookup: bool = False):
    art = article(text, lang, date)
    return relations.extract_links(art, find_places(text, places), find_demonyms(text, demonyms or {}),
                                   country_location=COUNTRIES.get if country_lookup else _home_only)


def _home_only(iso2: str) -> Location | None:
    """A country resolver that knows only Kazakhstan: a demonym counts only when its country is a place."""
    return KZ if iso2 == "KZ" else None


def triples(links) -> set[tuple[str, str, str]]:
    return {(lk.kind, lk.home.name, lk.partner.name) for lk in links}


# ------------------------------------------------------------------------------------------ English


def test_inbound_visit_from_a_foreign_city_with_its_date():
    links = run("A delegation from Borjomi came to Atyrau on 5 May to discuss tourism.", "en",
                {BORJOMI: ("Borjomi",), ATYRAU: ("Atyrau",)}, date="2024-05-07")
    assert triples(links) == {("visit", "Atyrau", "Borjomi")}
    assert links[0].date == "2024-05-05"  # the year comes from the article date


def test_outbound_visit_absorbs_the_meeting_of_the_same_trip():
    links = run("The akim of Shymkent visited Tashkent, where he met the khokim of Tashkent.", "en",
                {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",)})
    assert triples(links) == {("visit", "Shymkent", "Tashkent")}


def test_evidence_is_the_sentence_with_offsets():
    text = "Intro without places.\n\nThe akim of Shymkent visited Tashkent. It was warm."
    art = article(text, "en")
    (link,) = relations.extract_links(art, find_places(text, {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",)}), [])
    assert link.evidence.text == "The akim of Shymkent visited Tashkent."
    assert text[link.evidence.start:link.evidence.end] == link.evidence.text


def test_sister_cities_stated_as_existing():
    links = run("Shymkent and Stevenage have been sister cities since 1991.", "en",
                {SHYMKENT: ("Shymkent",), STEVENAGE: ("Stevenage",)})
    assert triples(links) == {("partnership", "Shymkent", "Stevenage")}


def test_memorandum_signed_beats_the_visit_in_the_same_sentence():
    links = run("During the visit to Gyeongju, Turkistan region and Gyeongju signed a memorandum of cooperation.",
                "en", {TURKISTAN_REGION: ("Turkistan region",), GYEONGJU: ("Gyeongju",)})
    assert triples(links) == {("partnership", "Turkistan Region", "Gyeongju")}


@pytest.mark.parametrize("text", [
    "The akim of Shymkent plans to visit Seoul next year.",
    "The mayor of Seoul invited the akim of Shymkent to visit Seoul.",
    "Seoul expressed interest in twinning with Shymkent.",
    "Shymkent proposed to sign a memorandum of cooperation with Seoul.",
    "The akim of Shymkent will meet the mayor of Seoul in June.",
])
def test_plans_proposals_invitations_and_interest_are_not_links(text):
    assert run(text, "en", {SHYMKENT: ("Shymkent",), SEOUL: ("Seoul",)}) == []


def test_the_same_verb_done_is_a_link():
    assert triples(run("The akim of Shymkent visited Seoul.", "en", {SHYMKENT: ("Shymkent",), SEOUL: ("Seoul",)})) \
        == {("visit", "Shymkent", "Seoul")}


def test_two_foreign_places_are_not_a_link_even_after_a_kazakh_one():
    text = "The akim of Shymkent visited Tashkent. Urumqi and Samarkand became sister cities in 2015."
    links = run(text, "en", {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",), URUMQI: ("Urumqi",),
                             SAMARKAND: ("Samarkand",)})
    assert triples(links) == {("visit", "Shymkent", "Tashkent")}


def test_venue_city_is_not_the_partner_the_demonym_is():
    text = "On the sidelines of a forum in Dubai, the akim of Turkistan region met the Japanese ambassador."
    links = run(text, "en", {DUBAI: ("Dubai",), TURKISTAN_REGION: ("Turkistan region",)},
                demonyms={"Japanese": "JP"}, country_lookup=True)
    assert triples(links) == {("meeting", "Turkistan Region", "Japan")}


def test_a_dateline_city_is_not_the_kazakh_side():
    text = "ASTANA – The akim of Turkistan region met the Japanese ambassador on 3 May."
    links = run(text, "en", {ASTANA: ("ASTANA",), TURKISTAN_REGION: ("Turkistan region",)},
                demonyms={"Japanese": "JP"}, country_lookup=True, date="2024-05-04")
    assert [(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links] == [
        ("meeting", "Turkistan Region", "Japan", "2024-05-03")]


def test_a_foreign_venue_city_of_talks_gives_way_to_the_counterpart_country():
    text = "The Kazakh ambassador met the Japanese deputy foreign minister in Tokyo."
    tokyo = loc("gn:1850147", "Tokyo", "city", "JP", 35.7, 139.7)
    links = run(text, "en", {tokyo: ("Tokyo",)}, demonyms={"Kazakh": "KZ", "Japanese": "JP"}, country_lookup=True)
    assert triples(links) == {("meeting", "Kazakhstan", "Japan")}


def test_a_kazakh_venue_gives_way_to_the_kazakh_side():
    text = "In Astana, the akim of Turkistan region met the Japanese ambassador."
    links = run(text, "en", {ASTANA: ("Astana",), TURKISTAN_REGION: ("Turkistan region",)},
                demonyms={"Japanese": "JP"}, country_lookup=True)
    assert triples(links) == {("meeting", "Turkistan Region", "Japan")}


def test_two_foreign_sides_meeting_at_a_kazakh_venue_are_not_a_link():
    text = "The Uzbek and Turkish foreign ministers met in Astana."
    assert run(text, "en", {ASTANA: ("Astana",)}, demonyms={"Uzbek": "UZ", "Turkish": "TR"},
               country_lookup=True) == []


def test_demonym_without_a_country_location_gives_no_link():
    text = "The akim of Turkistan region met the Japanese ambassador."
    assert run(text, "en", {TURKISTAN_REGION: ("Turkistan region",)}, demonyms={"Japanese": "JP"}) == []


def test_national_actor_is_kazakhstan_and_the_partner_the_most_specific_place():
    text = "The Ambassador of Kazakhstan to Slovenia met with the mayor of Maribor."
    links = run(text, "en", {KZ: ("Kazakhstan",), SLOVENIA: ("Slovenia",), MARIBOR: ("Maribor",)})
    assert triples(links) == {("meeting", "Kazakhstan", "Maribor")}


def test_kazakh_demonym_makes_a_national_home_without_a_kazakhstan_place():
    links = run("A Kazakh diplomat held talks with the governor of Styria.", "en", {STYRIA: ("Styria",)},
                demonyms={"Kazakh": "KZ"})
    assert triples(links) == {("meeting", "Kazakhstan", "Styria")}
    assert links[0].home.key == "cc:KZ"


def test_an_ambassadors_regional_visit_in_his_host_country_is_a_meeting():
    text = "As part of a regional visit, the Kazakh ambassador met the governor of Styria."
    links = run(text, "en", {STYRIA: ("Styria",)}, demonyms={"Kazakh": "KZ"})
    assert triples(links) == {("meeting", "Kazakhstan", "Styria")}


def test_a_presidents_visit_stays_a_visit():
    links = run("The President of Kazakhstan paid a state visit to Seoul.", "en",
                {KZ: ("Kazakhstan",), SEOUL: ("Seoul",)})
    assert triples(links) == {("visit", "Kazakhstan", "Seoul")}


def test_organisation_as_counterpart_and_the_posting_city_dropped():
    text = ("Kazakhstan's permanent representative to the African Union held talks in Addis Ababa "
            "with the chairperson of the African Union Commission.")
    links = run(text, "en", {KZ: ("Kazakhstan",), AU: ("African Union",), ADDIS_ABABA: ("Addis Ababa",)})
    assert triples(links) == {("meeting", "Kazakhstan", "African Union")}


def test_an_organisation_met_by_an_envoy_at_the_posting_is_not_the_counterpart_the_country_is():
    text = "The Ambassador of Kazakhstan to China met the Secretary-General of APSCO."
    links = run(text, "en", {KZ: ("Kazakhstan",), CHINA: ("China",), APSCO: ("APSCO",)})
    assert triples(links) == {("meeting", "Kazakhstan", "China")}


def test_organisation_delegation_visit_and_context_carried_to_the_next_sentence():
    text = ("A delegation of EU ambassadors visited Shymkent on 14 April.\n"
            "On 13 April, the delegation travelled to Turkistan region, where they met the governor.")
    links = run(text, "en", {EU: ("EU",), SHYMKENT: ("Shymkent",), TURKISTAN_REGION: ("Turkistan region",)},
                date="2025-04-15")
    assert {(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links} == {
        ("visit", "Shymkent", "European Union", "2025-04-14"),
        ("visit", "Turkistan Region", "European Union", "2025-04-13")}


def test_delegation_home_carries_to_later_sentences_and_country_gives_way_to_cities():
    text = ("A delegation of Turkistan region paid a visit to the United Kingdom.\n"
            "On 10 June the delegation visited London.\nThe delegation then travelled to Manchester.")
    links = run(text, "en", {TURKISTAN_REGION: ("Turkistan region",), UK: ("United Kingdom",),
                             LONDON: ("London",), MANCHESTER: ("Manchester",)}, date="2016-06-14")
    assert {(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links} == {
        ("visit", "Turkistan Region", "London", "2016-06-10"),
        # no date of its own: the article's event date (the first in the body, days before the header's)
        ("visit", "Turkistan Region", "Manchester", "2016-06-10")}


def test_an_old_date_in_the_body_is_not_the_articles_event_date():
    text = "Shymkent and Bursa became sister cities on 5 May 2003.\nThe akim of Shymkent visited Bursa."
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2024-10-03")
    assert {(lk.kind, lk.date) for lk in links} == {("partnership", "2003-05-05"), ("visit", "2024-10-03")}


def test_a_delegations_talks_abroad_are_part_of_its_visit():
    text = "In Katowice, the delegation of Turkistan region met the Marshal of the Silesian Voivodeship."
    silesia = loc("adm:silesia", "Silesian Voivodeship", "region", "PL", 50.3, 19.0)
    links = run(text, "en", {KATOWICE: ("Katowice",), TURKISTAN_REGION: ("Turkistan region",),
                             silesia: ("Silesian Voivodeship",)})
    # the delegation travelled: the visit is to where the talks were held, the most specific place visited
    assert triples(links) == {("visit", "Turkistan Region", "Katowice")}


def test_a_ministers_talks_abroad_are_a_visit_to_where_they_were_held_ru():
    text = "1 сентября министр торговли Казахстана провёл в Урумчи переговоры с руководством Синьцзяна."
    links = run(text, "ru", {KZ: ("Казахстана",), URUMQI: ("Урумчи",), XINJIANG: ("Синьцзяна",)},
                date="2025-09-03")
    assert triples(links) == {("visit", "Kazakhstan", "Ürümqi")}


def test_an_envoys_talks_where_he_is_posted_stay_a_meeting_en():
    text = "Kazakhstan's Ambassador to Turkey met the governor of Bursa in Bursa on March 3."
    links = run(text, "en", {KZ: ("Kazakhstan",), TURKEY: ("Turkey",), BURSA: ("Bursa",)}, date="2025-03-04")
    assert {kind for kind, _, _ in triples(links)} == {"meeting"}


def test_the_sides_sign_a_memorandum_after_a_visit():
    # the visit produced the agreement: one event, drawn as its strongest kind
    text = ("A delegation of the Korean city of Daejeon visited Shymkent.\n"
            "Following talks with the akim of Shymkent, the sides signed a memorandum of cooperation.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), DAEJEON: ("Daejeon",)})
    assert triples(links) == {("partnership", "Shymkent", "Daejeon")}


def test_tourist_numbers_are_not_visits():
    text = "Last year 150,000 foreign tourists from Uzbekistan visited Shymkent."
    assert run(text, "en", {SHYMKENT: ("Shymkent",), UZBEKISTAN: ("Uzbekistan",)}) == []


def test_digest_with_meetings_in_several_countries():
    text = ("Kazakh diplomats held meetings abroad.\n"
            "The Ambassador of Kazakhstan to Norway met with members of the Storting.\n"
            "The Ambassador of Kazakhstan to Kuwait held talks with the Minister of Oil of Kuwait.\n"
            "In Mexico, the Kazakh ambassador met the chair of the Mexican friendship group.\n"
            "The embassy of Kazakhstan in Finland held a concert.")
    links = run(text, "en", {KZ: ("Kazakhstan",), NORWAY: ("Norway",), STORTING: ("Storting",),
                             KUWAIT: ("Kuwait",), MEXICO: ("Mexico",)},
                demonyms={"Kazakh": "KZ", "Mexican": "MX"}, date="2026-02-12")
    assert triples(links) == {("meeting", "Kazakhstan", "Norway"), ("meeting", "Kazakhstan", "Kuwait"),
                              ("meeting", "Kazakhstan", "Mexico")}
    assert {lk.date for lk in links} == {"2026-02-12"}
    assert len({lk.evidence.start for lk in links}) == 3  # each from its own sentence


def test_date_from_an_earlier_sentence_of_the_paragraph_and_none_when_unknown():
    text = "On 3 March 2019 the forum opened. The akim of Shymkent met the mayor of Seoul.\n" \
           "Later the akim of Shymkent visited Tashkent."
    links = run(text, "en", {SHYMKENT: ("Shymkent",), SEOUL: ("Seoul",), TASHKENT: ("Tashkent",)})
    assert {(lk.partner.name, lk.date) for lk in links} == {("Seoul", "2019-03-03"), ("Tashkent", None)}


def test_text_outside_the_body_is_ignored():
    text = "The akim of Shymkent visited Tashkent.\nRead also: the akim of Shymkent visited Seoul."
    art = replace(article(text, "en"), body_ranges=((0, text.index("\n")),))
    places = find_places(text, {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",), SEOUL: ("Seoul",)})
    assert triples(relations.extract_links(art, places, [])) == {("visit", "Shymkent", "Tashkent")}


def test_the_pages_line_counts_articles_and_date_range():
    """Links of three articles become one line of the page's view (viewstate, the one aggregation)."""
    from dashboard import viewstate
    from dashboard.catalog import Catalog

    def analyzed(art_id, date):
        # three reports of the visit, each in its own words (the same text twice is counted once)
        art = article(f"The akim of Shymkent visited Tashkent. Report {art_id}.", "en", date, art_id)
        places = find_places(art.text, {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",)})
        links = relations.extract_links(art, places, [])
        return AnalyzedArticle(article=art, links=tuple(links))

    dataset = Dataset(articles=(analyzed("a", "2020-05-01"), analyzed("b", None), analyzed("c", "2019-01-02")))
    catalog = Catalog.of_dataset(dataset)
    (agg,) = catalog.view(viewstate.Filters()).links
    assert (agg.kind, agg.home.name, agg.partner.name, agg.evidence_count) == ("visit", "Shymkent", "Tashkent", 3)
    assert catalog.article_names_by_line(viewstate.Filters()) == {agg.id: ["a", "b", "c"]}
    assert (agg.first_date, agg.last_date) == ("2019-01-02", "2020-05-01")


def test_every_kind_has_cues_in_every_language():
    for lang in ("en", "ru", "kk"):
        cues = relations.cues_for(lang)
        assert {kind for kind, _ in cues.kinds} == {"partnership", "visit", "meeting"}
        assert cues.negative is not None and cues.national_actor is not None


@pytest.mark.parametrize(("lang", "word", "is_actor"), [
    ("ru", "послом", True), ("ru", "после", False), ("ru", "последний", False),
    ("ru", "консулом", True), ("ru", "консультации", False),
    ("en", "consul", True), ("en", "consultations", False),
])
def test_actor_stems_do_not_match_other_words(lang, word, is_actor):
    # stems are word beginnings: "посл" of "посла" is also "после"; "consul" also "consultations"
    cues = relations.cues_for(lang)
    assert bool(cues.side_head.match(word)) is is_actor
    if lang == "ru" and word.startswith("консул") or lang == "en":
        assert bool(cues.national_actor.match(word)) is is_actor
