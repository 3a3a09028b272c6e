"""An envoy's title names one participant, and an event's best mention carries its day.

"Kazakhstan's Consul General in Istanbul" is one person of the sending country; the posting (Istanbul) is
where they live, not a second side. Where the envoy's counterpart names no place, the posting stands for
it, unless the story already told an event with that country, which the envoy then only joins. Talks on
another day than a visit are an event of their own, and a headline's mention of an agreement gives its
date to the body's sentence that writes the day.

Every sentence is written for these tests in the style of regional reporting.
"""

from __future__ import annotations

import pytest
from _links import dated_links, links
from places import (
    ABAI_REGION,
    ALMATY,
    ASHGABAT,
    ASTANA,
    AZERBAIJAN,
    BAKU,
    BISHKEK,
    BURSA,
    CHINA,
    DENIZLI,
    GAZIANTEP,
    ISTANBUL,
    JAMBYL_REGION,
    JAPAN,
    KARAGANDA_REGION,
    KARAGANDY,
    KATOWICE,
    KYRGYZSTAN,
    OMSK_OBLAST,
    OSH,
    POLAND,
    SEMEY,
    SEOUL,
    SHYMKENT,
    SOUTH_KOREA,
    TARAZ,
    TURKISTAN,
    TURKISTAN_REGION,
    TURKIYE,
    UZBEKISTAN,
    loc,
)
from places import KAZAKHSTAN as KZ
from places import MANGYSTAU_REGION as MANGYSTAU
from test_relations import run, triples

from dashboard import pipeline

JORDAN = loc("cc:JO", "Jordan", "country", "JO", 31.0, 36.0)

# --------------------------------------------------------------------------- an envoy joining a told event


def test_a_consul_who_joins_the_talks_adds_no_pair_en():
    text = ("A delegation of Shymkent led by the deputy akim held talks in Bursa on Tuesday about textile "
            "parks and student exchanges.\n"
            "Kazakhstan's Consul General in Istanbul, Daniyar Sarsenov, joined the meetings and promised help "
            "with visas.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), KZ: ("Kazakhstan",),
                             ISTANBUL: ("Istanbul",)}, date="2025-03-05")
    assert {(h, p) for _, h, p in triples(links)} == {("Shymkent", "Bursa")}


def test_the_ambassador_who_took_part_in_the_talks_is_no_new_event_en():
    text = ("In Katowice, the delegation of Karaganda region met the leadership of the city and discussed "
            "mining safety.\n"
            "The Ambassador of Kazakhstan to Poland, Aidos Nurlanov, took part in the talks.")
    links = run(text, "en", {KARAGANDA_REGION: ("Karaganda region",), KATOWICE: ("Katowice",),
                             KZ: ("Kazakhstan",), POLAND: ("Poland",)}, date="2025-05-20")
    assert ("meeting", "Kazakhstan", "Poland") not in triples(links)
    assert ("visit", "Karaganda Region", "Katowice") in triples(links)


def test_an_embassy_that_helped_organise_the_visit_is_no_side_en():
    text = ("A delegation of Turkistan region visited Seoul on June 3 to meet investors.\n"
            "Kazakhstan's embassy in Seoul, which helped organise the visit, said that trade had grown.")
    links = run(text, "en", {TURKISTAN_REGION: ("Turkistan region",), SEOUL: ("Seoul",), KZ: ("Kazakhstan",)},
                date="2025-06-05")
    assert triples(links) == {("visit", "Turkistan Region", "Seoul")}


# ------------------------------------------------------------------ the posting stands for a placeless party


def test_the_posting_stands_for_a_counterpart_without_a_place_ru():
    text = ("Посол Казахстана в Китае Ерлан Сапаров встретился с генеральным секретарём организации и обсудил "
            "подготовку кадров.")
    links = run(text, "ru", {KZ: ("Казахстана",), CHINA: ("Китае",)}, date="2026-02-12")
    assert triples(links) == {("meeting", "Kazakhstan", "China")}


def test_the_posting_stands_for_a_minister_without_a_country_en():
    text = "Kazakhstan's Ambassador to Turkey met the deputy foreign minister on March 3 to discuss transit."
    links = run(text, "en", {KZ: ("Kazakhstan",), TURKIYE: ("Turkey",)}, date="2025-03-04")
    assert triples(links) == {("meeting", "Kazakhstan", "Türkiye")}


# --------------------------------------------------------------- an envoy posted to Kazakhstan is received


def test_a_foreign_ambassador_to_kazakhstan_is_received_by_the_story_side_en():
    text = ("The akim of Turkistan region visited the new logistics centre on Monday.\n"
            "On June 5 the akim received South Korea's ambassador to Kazakhstan, who promised to help "
            "with contacts among Korean investors.")
    links = run(text, "en", {TURKISTAN_REGION: ("Turkistan region",), SOUTH_KOREA: ("South Korea",),
                             KZ: ("Kazakhstan",)}, date="2025-06-06")
    assert triples(links) == {("meeting", "Turkistan Region", "South Korea")}


def test_a_foreign_ambassador_received_in_a_kazakh_venue_kk():
    # "Таразда" is where they met, "Қазақстандағы" the envoy's posting: neither is the Kazakh side
    text = ("Жамбыл облысының әкімі Асқар Жұмабеков өңірдегі жаңа зауыттың жұмысымен танысты.\n"
            "5 қарашада облыс әкімі Таразда Қырғызстанның Қазақстандағы елшісі Эркин Сатыбалдиевпен кездесіп, "
            "шекара мәселелерін талқылады.")
    links = run(text, "kk", {JAMBYL_REGION: ("Жамбыл облысының",), TARAZ: ("Тараз",), KZ: ("Қазақстан",),
                             KYRGYZSTAN: ("Қырғызстан",)}, date="2025-11-06")
    assert ("meeting", "Kazakhstan", "Kyrgyzstan") not in triples(links)
    assert {lk.partner.name for lk in links} == {"Kyrgyzstan"}
    assert all(lk.home.name in ("Jambyl Region", "Taraz") for lk in links)


# ----------------------------------------------------------------------------- distinct events, best mention


def test_talks_on_another_day_than_the_visit_stay_an_event_of_their_own_en():
    text = ("A delegation of Shymkent visited Gaziantep on April 8 and toured carpet factories.\n"
            "The trip had been prepared in Almaty, where on April 2 the deputy akim of Shymkent met Turkey's "
            "consul general to discuss the programme.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), GAZIANTEP: ("Gaziantep",), ALMATY: ("Almaty",),
                             TURKIYE: ("Turkey",)}, date="2025-04-14")
    assert {(lk.kind, lk.partner.name, lk.date) for lk in links} == {
        ("visit", "Gaziantep", "2025-04-08"), ("meeting", "Türkiye", "2025-04-02")}


def test_the_mention_that_writes_the_day_dates_the_event_en():
    # the lead names the trip without its day (the dateline's is the report's); the body's sentence writes it
    text = ("SHYMKENT, April 14 – A delegation of Shymkent returned on Sunday from a six-day trip to Turkey, "
            "during which it toured weaving mills in Denizli, the akimat said.\n\n"
            "On April 10 the guests travelled on to Denizli, where they visited three towel factories.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), DENIZLI: ("Denizli",), TURKIYE: ("Turkey",)},
                date="2025-04-14")
    assert [(lk.kind, lk.partner.name, lk.date) for lk in links] == [("visit", "Denizli", "2025-04-10")]


def test_the_day_a_delegation_came_home_or_the_news_was_told_dates_no_event_en():
    # filed on Friday, 18 April: neither Wednesday (home) nor Thursday (the report) is the day of the signing,
    # which the story does not give; "it" of the clause "during which it signed" is the delegation
    text = ("SHYMKENT, April 18 – A delegation of Shymkent returned home on Wednesday from a week-long trip to "
            "Turkey, during which it signed a roadmap with Gaziantep, the akimat reported on Thursday.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), GAZIANTEP: ("Gaziantep",), TURKIYE: ("Turkey",)},
                date="2025-04-18")
    assert [(lk.kind, lk.partner.name, lk.date) for lk in links] == [("partnership", "Gaziantep", "2025-04-18")]


def test_a_bare_noun_for_the_side_in_a_clause_of_the_trip_is_the_delegation_en():
    text = ("A delegation of Shymkent came back from a trip to Turkey, during which the city signed a "
            "roadmap with Gaziantep.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), GAZIANTEP: ("Gaziantep",), TURKIYE: ("Turkey",)},
                date="2025-04-18")
    assert [(lk.kind, lk.home.name, lk.partner.name) for lk in links] == [("partnership", "Shymkent", "Gaziantep")]


def test_a_weekday_in_the_body_dates_the_signing_of_the_lead_en():
    text = ("SHYMKENT, March 5 – Shymkent and the Turkish city of Gaziantep have signed a memorandum on textiles.\n\n"
            "The memorandum was signed on Wednesday at Gaziantep's city hall by the akim of Shymkent and the "
            "mayor of Gaziantep.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), GAZIANTEP: ("Gaziantep",)}, date="2026-03-05")
    assert [(lk.kind, lk.partner.name, lk.date) for lk in links] == [("partnership", "Gaziantep", "2026-03-04")]


def test_the_day_of_coming_home_is_not_the_day_of_the_visit_kk():
    text = ("Түркістан қаласының делегациясы 6 қазанда Бурсаға барып, қала басшылығымен кездесті. "
            "Делегация 9 қазанда Түркістанға оралды.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), BURSA: ("Бурса",)}, date="2025-10-10")
    assert {(lk.kind, lk.partner.name, lk.date) for lk in links} == {("visit", "Bursa", "2025-10-06")}


def test_a_datelines_filing_date_is_not_the_date_of_its_sentence_ru():
    text = "Шымкент, 22 мая. Делегация Шымкента 19 мая посетила Бурсу, где осмотрела текстильные фабрики."
    links = run(text, "ru", {SHYMKENT: ("Шымкент",), BURSA: ("Бурс",)}, date="2025-05-22")
    assert [(lk.kind, lk.partner.name, lk.date) for lk in links] == [("visit", "Bursa", "2025-05-19")]


def test_a_visit_with_its_own_day_keeps_the_turkistan_city_side_kk():
    text = ("Түркістан қаласының делегациясы 6 қазанда Бурсаға барып, қала басшылығымен кездесті.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), BURSA: ("Бурса",)}, date="2025-10-08")
    assert [(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links] == [
        ("visit", "Turkistan", "Bursa", "2025-10-06")]


# ------------------------------------------------------------------- events that are not the story's events



def test_a_foreign_host_receiving_guests_of_a_third_country_is_their_event_ru():
    text = ("Аким Мангистауской области 20 мая побывал в Баку, где вместе с главой исполнительной власти Баку "
            "Эльданом Гасановым подписал меморандум о сотрудничестве.\n"
            "Любопытно, что всего за неделю до визита мангистауской делегации Гасанов принимал в Баку гостей "
            "из Ашхабада, с которыми обсуждал морское сообщение.")
    links = run(text, "ru", {MANGYSTAU: ("Мангистауской области", "мангистауской"), BAKU: ("Баку",),
                             ASHGABAT: ("Ашхабада",)}, date="2025-05-22")
    assert {p for _, _, p in triples(links)} == {"Baku"}


def test_the_visit_named_as_a_time_is_no_new_visit_en():
    text = ("The akim of Mangystau region visited Baku on May 20 and signed a memorandum with the city.\n"
            "A week before the Kazakh visit, the mayor of Baku had received guests from Ashgabat.")
    links = run(text, "en", {MANGYSTAU: ("Mangystau region",), BAKU: ("Baku",), ASHGABAT: ("Ashgabat",)},
                date="2025-05-22")
    assert "Ashgabat" not in {p for _, _, p in triples(links)}


def test_a_postponed_visit_did_not_happen_kk():
    text = ("Түркістан қаласының делегациясы 5 тамызда Ош қаласына барды.\n"
            "Делегацияның Бішкекке де баруы жоспарланған еді, алайда Қырғызстан астанасындағы кездесулер "
            "қазан айына шегерілді.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), OSH: ("Ош",), BISHKEK: ("Бішкек",)}, date="2025-08-07")
    assert triples(links) == {("visit", "Turkistan", "Osh")}


def test_a_postponed_meeting_did_not_happen_en_ru():
    en = "The meeting of the akim of Shymkent with the mayor of Bursa was postponed until October."
    ru = "Встреча акима Шымкента с мэром Бурсы перенесена на октябрь."
    assert run(en, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}) == []
    assert run(ru, "ru", {SHYMKENT: ("Шымкента",), BURSA: ("Бурсы",)}) == []


def test_an_envoy_received_at_home_is_no_part_of_the_trip_to_his_country_kk():
    # the talks in Baku belong to the visit; the ambassador's meeting in Astana three days earlier does not,
    # though both are with Azerbaijan, and its side stays the country, not a city of the trip
    text = ("Түркістан қаласының делегациясы 4 қазанда Бакуге барды.\n"
            "Сол күні Түркістан қаласының әкімі Әзербайжанның мәдениет министрімен кездесті.\n"
            "Бағдарлама алдын ала Астанада пысықталған еді: 1 қазанда Әзербайжанның Қазақстандағы елшісі "
            "Түркістан қаласының әкімімен кездесті.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), BAKU: ("Баку",), AZERBAIJAN: ("Әзербайжан",),
                             ASTANA: ("Астана",), KZ: ("Қазақстан",)}, date="2025-10-08")
    assert {(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links} == {
        ("visit", "Turkistan", "Baku", "2025-10-04"), ("meeting", "Turkistan", "Azerbaijan", "2025-10-01")}


def test_a_tour_of_a_country_told_place_by_place_is_those_places_visits_en():
    text = ("KARAGANDA – A delegation of the Karaganda region has wrapped up a two-day tour of Poland, the "
            "akimat said on Thursday.\n"
            "On Monday, 3 February, the guests visited Katowice, where they toured a mining school.\n"
            "The next day the delegation travelled to Krakow and visited a steel plant.")
    krakow = loc("gn:3094802", "Kraków", "city", "PL", 50.06, 19.94)
    links = run(text, "en", {KARAGANDA_REGION: ("Karaganda region",), POLAND: ("Poland",),
                             KATOWICE: ("Katowice",), krakow: ("Krakow",)}, date="2025-02-06")
    assert {p for _, _, p in triples(links)} == {"Katowice", "Kraków"}


def test_two_spellings_of_a_namesake_centre_are_one_side():
    from dashboard.relations import _capital_of
    saran = loc("gn:1519725", "Saran", "city", "KZ", 49.8, 72.83)
    assert _capital_of(KARAGANDY, KARAGANDA_REGION) and not _capital_of(saran, KARAGANDA_REGION)


# --------------------------------------------------------------------------------- an office by its level



def test_the_regional_akim_acts_for_the_storys_region_kk():
    text = ("Абай облысының әкімдігі Семей қаласында инвесторлар форумын өткізді.\n"
            "12 маусымда облыс әкімі Омбы облысының губернаторымен бейнебайланыс арқылы кездесті.")
    links = run(text, "kk", {ABAI_REGION: ("Абай облысының",), SEMEY: ("Семей",), OMSK_OBLAST: ("Омбы облысының",)},
                date="2025-06-14")
    assert triples(links) == {("meeting", "Abai Region", "Omsk Oblast")}


def test_the_city_akim_acts_for_the_storys_city_ru():
    text = ("В Семее прошёл форум инвесторов Абайской области.\n"
            "12 июня аким города провёл видеоконференцию с губернатором Омской области.")
    links = run(text, "ru", {ABAI_REGION: ("Абайской области",), SEMEY: ("Семее",), OMSK_OBLAST: ("Омской области",)},
                date="2025-06-14")
    assert triples(links) == {("meeting", "Semey", "Omsk Oblast")}


def test_the_regional_akim_acts_for_the_storys_region_en():
    text = ("Semey hosted an investment forum of the Abai region on Monday.\n"
            "On June 12 the regional akim held a video call with the governor of Omsk Oblast.")
    links = run(text, "en", {ABAI_REGION: ("Abai region",), SEMEY: ("Semey",), OMSK_OBLAST: ("Omsk Oblast",)},
                date="2025-06-14")
    assert triples(links) == {("meeting", "Abai Region", "Omsk Oblast")}


def test_an_envoy_received_at_home_stays_the_country_beside_a_city_of_it_kk():
    # the ambassador's meeting is with Azerbaijan; a later sentence's talk of a Baku route (only "noted", a
    # converb's auxiliary, not an event) neither replaces it with Baku nor makes it give way to a Baku link
    text = ("Шымкент қаласының әкімі кеше Әзербайжанның Қазақстандағы Төтенше және өкілетті елшісін қабылдап, "
            "екі тарап арасындағы сауда байланыстарын талқылады.\n"
            "Елші Баку – Шымкент тікелей рейсін ашу жоспары әлі келіссөздер кезеңінде екенін атап өтті.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), AZERBAIJAN: ("Әзербайжан",), BAKU: ("Баку",),
                             KZ: ("Қазақстан",)}, date="2025-10-08")
    assert {(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links} == {
        ("meeting", "Shymkent", "Azerbaijan", "2025-10-07")}


def test_an_agreement_told_as_a_year_ago_takes_no_day_from_the_headline_ru():
    # the headline's mention would take the story's date; the body says it was a year before: no day is known
    text = ("Аким Туркестана — о побратимстве с Кёнджу и новых партнерах\n\n"
            "Год назад Туркестан подписал соглашение о побратимстве с южнокорейским Кёнджу, и с тех пор "
            "города обменялись тремя делегациями.")
    # (through the pipeline, which reads the first line as the headline)
    assert dated_links(text, date="2025-10-09") == {("partnership", "Turkistan", "Gyeongju", None)}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The ambassador of Japan to Kazakhstan, Kenji Morita, paid his first visit to the Jambyl region on "
           "Wednesday and held talks with the akim.", {JAMBYL_REGION: ("Jambyl region",), JAPAN: ("Japan",),
                                                         KZ: ("Kazakhstan",)}),
    ("ru", "Посол Японии в Казахстане Кэндзи Морита в среду впервые посетил Жамбылскую область и провел "
           "переговоры с акимом.", {JAMBYL_REGION: ("Жамбылскую область",), JAPAN: ("Японии",),
                                    KZ: ("Казахстане",)}),
    ("kk", "Жапонияның Қазақстандағы елшісі Кэндзи Морита сәрсенбіде Жамбыл облысына алғаш рет сапармен келіп, "
           "облыс әкімімен кездесті.", {JAMBYL_REGION: ("Жамбыл облысына",), JAPAN: ("Жапонияның",),
                                       KZ: ("Қазақстандағы",)}),
])
def test_an_envoy_posted_to_kazakhstan_touring_a_region_meets_it(lang, text, names):
    # the ambassador lives in Kazakhstan: his trip to a region crosses no border, it is a meeting with Japan
    assert triples(run(text, lang, names, date="2026-05-21")) == {("meeting", "Jambyl Region", "Japan")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "TARAZ, October 9 - On Monday the akim of the Jambyl region received the consul general of "
           "Uzbekistan.\n\nThe Jambyl region has also signed a cooperation agreement with Turkey's Denizli "
           "province, the akimat said.\n\nThe signing ceremony took place on Tuesday at the akimat in Taraz.",
     {JAMBYL_REGION: ("Jambyl region",), UZBEKISTAN: ("Uzbekistan",), DENIZLI: ("Denizli province",),
      TARAZ: ("Taraz",)}),
    ("ru", "Тараз, 9 октября. В понедельник аким Жамбылской области принял генерального консула Узбекистана."
           "\n\nЖамбылская область также подписала соглашение о сотрудничестве с турецкой провинцией Денизли."
           "\n\nЦеремония подписания состоялась во вторник в акимате.",
     {JAMBYL_REGION: ("Жамбылской области", "Жамбылская область"), UZBEKISTAN: ("Узбекистана",),
      DENIZLI: ("провинцией Денизли",)}),
])
def test_a_signing_ceremony_told_later_dates_the_agreement(lang, text, names):
    links = run(text, lang, names, date="2026-10-09")
    assert ("partnership", "Jambyl Region", "Denizli", "2026-10-06") in {
        (lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links}


def test_an_envoy_known_by_surname_travelling_inside_kazakhstan_is_no_visit_en():
    # the record knows Morita as Japan's ambassador; his trip to Taraz crosses no border
    text = ("On Tuesday the akim of the Jambyl region received the ambassador of Japan to Kazakhstan, Kenji "
            "Morita.\nOn Wednesday Morita travelled to Taraz, where he opened a Japanese language centre.")
    links = run(text, "en", {JAMBYL_REGION: ("Jambyl region",), JAPAN: ("Japan",), KZ: ("Kazakhstan",),
                             TARAZ: ("Taraz",)}, date="2026-05-21")
    assert "visit" not in {lk.kind for lk in links}
    assert ("meeting", "Jambyl Region", "Japan") in triples(links)


def test_a_dateline_on_a_line_of_its_own_is_the_filing_date_en():
    # the story's own day is the first one its body names (Wednesday), not the line that dates the report
    text = ("TARAZ, Thursday, October 22, 2026\n\n"
            "The Jambyl region's week at the forum ended on Wednesday with a long day of meetings.\n\n"
            "The akim of the Jambyl region met the governor of Turkey's Denizli province to talk about textiles.")
    links = run(text, "en", {JAMBYL_REGION: ("Jambyl region",), DENIZLI: ("Denizli province",),
                             TARAZ: ("TARAZ",)}, date="2026-10-22")
    assert {(lk.kind, lk.partner.name, lk.date) for lk in links} == {("meeting", "Denizli", "2026-10-21")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # a foreign ambassador touring a Kazakh region lives in Kazakhstan: a meeting, no border crossed
    ("ru", "Во вторник посол Иордании посетил Жамбылскую область и встретился с акимом.",
     {JAMBYL_REGION: ("Жамбылскую область",), JORDAN: ("Иордании",)}),
    ("en", "On Tuesday Jordan's ambassador visited Jambyl region and toured a fertiliser plant.",
     {JAMBYL_REGION: ("Jambyl region",), JORDAN: ("Jordan",)}),
])
def test_a_foreign_ambassador_touring_a_kazakh_region_meets_it(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("meeting", "Jambyl Region", "Jordan")}


def test_a_kazakh_ambassador_with_a_delegation_abroad_leaves_the_visit_a_visit():
    text = "On Tuesday the akim of Shymkent, accompanied by the Kazakh ambassador, visited Turkey."
    assert triples(run(text, "en", {SHYMKENT: ("Shymkent",), TURKIYE: ("Turkey",)}, date="2026-03-06")) == {
        ("visit", "Shymkent", "Türkiye")}


def test_the_same_day_in_another_paragraph_is_the_day_told_before_it_ru():
    # the page prints its date under the headline (the day after the signing); "в тот же день" of the last
    # paragraph is the signing's Tuesday, not the page's date
    text = ("Шымкент и Газиантеп подписали меморандум\n\n"
            "23 апреля 2025, 12:18\n\n"
            "Меморандум о торгово-экономическом сотрудничестве подписали во вторник, 22 апреля, аким Шымкента и "
            "мэр турецкого Газиантепа.\n\n"
            "Стороны договорились о создании совместной рабочей группы по текстильной промышленности.\n\n"
            "В тот же день аким Шымкента встретился с Чрезвычайным и Полномочным Послом Польши в Казахстане.")
    links = run(text, "ru", {SHYMKENT: ("Шымкент",), GAZIANTEP: ("Газиантеп",), POLAND: ("Польши",)},
                date="2025-04-23")
    assert {(lk.kind, lk.partner.name, lk.date) for lk in links} == {
        ("partnership", "Gaziantep", "2025-04-22"), ("meeting", "Poland", "2025-04-22")}


def test_the_next_day_dates_its_event_by_the_day_before_it_kk():
    text = ("Шымкент қаласының делегациясы 6 қазанда Бурсаға барып, қала басшылығымен кездесті.\n\n"
            "Келесі күні делегация Стамбулға аттанып, сол жерде Түркияның Сауда министрлігінің өкілдерімен "
            "келіссөз жүргізді.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), BURSA: ("Бурса",), ISTANBUL: ("Стамбул",)},
                date="2025-10-10")
    assert {(lk.kind, lk.partner.name, lk.date) for lk in links} == {
        ("visit", "Bursa", "2025-10-06"), ("visit", "Istanbul", "2025-10-07")}


@pytest.mark.parametrize("text", [
    # papers write the title in lower case, and the parse makes "general" the subject's head
    "On October 1, the consul general of Uzbekistan in Almaty met the akim of Turkistan region to discuss cotton.",
    "On October 1, Uzbekistan's consul general in Almaty came to Turkistan region and met the akim.",
    # an article in the title is no title word: "Consul General of the Republic of Uzbekistan in Almaty"
    "On October 1, the Consul General of the Republic of Uzbekistan in Almaty came to Turkistan region.",
])
def test_a_consul_generals_posting_in_kazakhstan_is_no_side_en(text):
    country = ("Republic of Uzbekistan",) if "Republic" in text else ("Uzbekistan",)
    links = run(text, "en", {UZBEKISTAN: country, ALMATY: ("Almaty",), TURKISTAN_REGION: ("Turkistan region",)},
                date="2024-10-05")
    assert triples(links) == {("meeting", "Turkistan Region", "Uzbekistan")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "On 6 June the ambassador of Georgia to Kazakhstan met the akim of Turkistan Region to discuss wine "
           "exports and the transit of fruit through the Black Sea port of Poti."),
    ("ru", "6 июня посол Грузии в Казахстане встретился с акимом Туркестанской области и обсудил экспорт вина "
           "и транзит фруктов через черноморский порт Поти."),
])
def test_the_envoys_own_country_is_the_side_of_the_meeting_not_a_town_of_it_discussed(lang, text):
    links = pipeline.analyze_text(text, name="t", date="2025-06-10").links
    assert triples(links) == {
        ("meeting", "Turkistan Region", "Georgia")}


def test_a_received_envoy_is_a_meeting_whatever_the_parse_takes_for_the_subject():
    # the parse makes "the day" the subject of "received"; the ambassador received is someone met all the same
    text = ("On Friday, the day the delegation flew home, the akim of Turkistan Region, Yerlan Sarsenbayev, "
            "received Qatar's ambassador to Kazakhstan, Sheikh Hamad Al Thani, at the akimat.")
    links = pipeline.analyze_text(text, name="t", date="2025-02-09").links
    assert triples(links) == {("meeting", "Turkistan Region", "Qatar")}


@pytest.mark.parametrize(("lang", "text", "home"), [
    ("kk", "Бәрі 2024 жылғы 5 сәуірде Мысыр Араб Республикасының Қазақстандағы елшісі ауданға келген күннен "
           "басталды. Елші Жетісай ауданының әкімімен кездесіп, су үнемдеу технологияларын талқылады.",
     "Zhetisay District"),
    ("ru", "Новый посол Египта в Казахстане вручил верительные грамоты в марте. В пятницу посол встретился с "
           "акимом Шымкента и обсудил поставки хлопка.", "Shymkent"),
    ("en", "The new Ambassador of Egypt to Kazakhstan presented his credentials in March. On Friday the ambassador "
           "met the akim of Shymkent to discuss cotton.", "Shymkent"),
])
def test_an_envoy_named_again_by_role_is_the_envoy_introduced_before(lang, text, home):
    links = pipeline.analyze_text(text, name="t", date="2024-04-12").links
    assert triples(links) == {("meeting", home, "Egypt")}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "11 февраля генеральный консул Казахстана в Стамбуле Айгерим Нурланова посетила Кайсери, где "
           "встретилась с мэром города и обсудила поставки хлопковой пряжи в Шымкент."),
    ("en", "On 11 February Kazakhstan's Consul General in Istanbul, Aigerim Nurlanova, travelled to Kayseri, where "
           "she met the mayor and discussed supplies of cotton yarn to Shymkent."),
])
def test_the_envoy_who_went_is_the_traveller_not_the_mayor_she_met(lang, text):
    # the mayor stands nearer the verb of travel, but he is the one met: the consul lives in Turkey, no border
    links = pipeline.analyze_text(text, name="t", date="2025-02-12").links
    assert ("meeting", "Kazakhstan", "Kayseri") in triples(links)
    assert not any(lk.kind == "visit" for lk in links)


def test_the_akim_who_went_abroad_to_meet_a_governor_stays_a_visit_ru():
    text = "11 февраля аким Шымкента посетил Кайсери, где встретился с губернатором провинции и мэром города."
    links = pipeline.analyze_text(text, name="t", date="2025-02-12").links
    assert triples(links) == {("visit", "Shymkent", "Kayseri")}


# ------------------------------------------------------------------ a minister's office, a capital as venue


@pytest.mark.parametrize("text", [
    "SHYMKENT, 10 September 2025 – The akim of Shymkent received a delegation of Bursa on Monday. On 2 September "
    "the ambassador of Türkiye to Kazakhstan met the minister of trade and integration in Astana to discuss a "
    "joint industrial park.",
    "Шымкент, 10 сентября 2025 года. Аким Шымкента принял делегацию Бурсы в понедельник. 2 сентября посол Турции "
    "в Казахстане встретился в Астане с министром торговли и интеграции, чтобы обсудить совместный индустриальный "
    "парк.",
    "Шымкент, 2025 жылғы 10 қыркүйек. Шымкент әкімі дүйсенбі күні Бурса делегациясын қабылдады. 2 қыркүйекте "
    "Түркияның Қазақстандағы елшісі Астанада сауда және интеграция министрімен кездесті.",
])
def test_an_envoy_meeting_a_minister_in_the_capital_meets_kazakhstan(text):
    got = {(lk.kind, lk.home.name, lk.partner.name) for lk in pipeline.analyze_text(text, name="t").links}
    assert ("meeting", "Kazakhstan", "Türkiye") in got, got  # the story's city did not take part
    assert ("meeting", "Shymkent", "Türkiye") not in got, got


def test_an_envoy_who_came_from_astana_meets_the_akim_he_called_on():
    got = {(lk.kind, lk.home.name, lk.partner.name) for lk in pipeline.analyze_text(
        "Туркестан, 12 февраля 2025 года. Посол Польши в Казахстане, приехавший из Астаны, встретился с акимом "
        "Туркестанской области и обсудил программу сотрудничества.", name="t").links}
    assert got == {("meeting", "Turkistan Region", "Poland")}, got


def test_an_envoys_talks_in_two_kazakh_places_on_two_days_are_two_meetings():
    # talks are held in a day: those of the 9th in Shymkent and of the 10th in Turkistan are two meetings, and a
    # mention with no time of its own (the headline, the lead) is no witness that they were one
    got = links(
        "Malaysian ambassador holds talks in Turkistan\n\n"
        "TURKISTAN, 11 September 2025 - The ambassador of Malaysia to Kazakhstan, Datuk Azlan Hashim, spent two "
        "days in the south of the country this week, and by Wednesday evening he had heard the word \"halal\" in "
        "more meetings than he could count. On Tuesday, 9 September, the akim of Shymkent received Hashim at the "
        "city hall. On Wednesday, 10 September, the diplomat travelled on to Turkistan, where the governor of the "
        "region held talks with him on tourism.")
    assert ("meeting", "Shymkent", "Malaysia") in got, got
    assert any(k == "meeting" and h in ("Turkistan", "Turkistan Region") and p == "Malaysia" for k, h, p in got), got


def test_russian_an_envoy_received_is_met_though_the_parse_hangs_the_next_clause_on_the_verb():
    got = links(
        "Шымкент, 12 апреля 2025 года. В пятницу аким Шымкента принял в своём кабинете посла Беларуси в "
        "Казахстане, и разговор, начавшийся с поставок белорусских автобусов, очень скоро перешёл к "
        "сотрудничеству больниц.")
    assert ("meeting", "Shymkent", "Belarus") in got, got


@pytest.mark.parametrize("sentence", [
    "Poland's ambassador to Kazakhstan called on the akim of Shymkent on Tuesday to go over the programme of the "
    "spring visit.",
    "On Tuesday the ambassador of Poland paid a farewell call on the akim of Shymkent.",
])
def test_english_an_envoy_calling_on_an_akim_is_a_meeting(sentence):
    assert ("meeting", "Shymkent", "Poland") in links("SHYMKENT, March 5, 2025 - " + sentence)


def test_english_an_envoy_calling_on_an_akim_to_do_something_urges_and_meets_no_one():
    got = links("SHYMKENT, March 5, 2025 - In an interview, the ambassador of Poland called on the akim of Shymkent "
                "to open a direct flight to Warsaw.")
    assert not any(k == "meeting" for k, _h, _p in got), got


@pytest.mark.parametrize("text", [
    "Hungarian ambassador in Shymkent\n\nSHYMKENT, 14 March 2024 – The akim of Shymkent on Wednesday received the "
    "Ambassador of Hungary to Kazakhstan, who arrived with a delegation of rectors and business people. After the "
    "talks a memorandum of cooperation between Shymkent and Debrecen was signed at the akimat.",
    "Посол Венгрии в Шымкенте\n\nШымкент, 14 марта 2024 года. Аким Шымкента в среду принял Чрезвычайного и "
    "Полномочного Посла Венгрии в Казахстане, прибывшего с делегацией ректоров и предпринимателей. По итогам "
    "переговоров в акимате был подписан меморандум о сотрудничестве между Шымкентом и Дебреценом.",
])
def test_talks_with_an_envoy_stay_beside_the_memorandum_a_city_of_his_country_signed(text):
    got = links(text)
    assert ("meeting", "Shymkent", "Hungary") in got, got
    assert ("partnership", "Shymkent", "Debrecen") in got, got


def test_our_delegation_at_our_own_embassy_abroad_meets_no_foreign_party():
    # the only foreign place is where Kazakhstan's embassy is posted (Kazakh marks it as the embassy's, "Мысырдағы
    # елшілігінде"): the delegation met its own country's envoy
    kazakh = dated_links(
        "Шымкент университеті Мысырмен келісім жасады\n\n"
        "Шымкент, 14 ақпан 2025 жыл. Мысырдағы сапар барысында делегация Қазақстанның Мысырдағы елшілігінде болып, "
        "елші Мұрат Бекмағамбетовпен кездесті.", date="2025-02-14")
    assert not any(h == "Kazakhstan" for _k, h, _p, _d in kazakh), kazakh


def test_an_envoy_named_again_by_role_beside_his_countrys_adjective_stands_for_the_country_en():
    # "Hungarian experience" names the envoy's own country: it does not stop "the Ambassador" from being the
    # envoy, whose talks stand for Hungary, not for the city of the mission he came with, nor are they that
    # mission's visit
    text = ("The Ambassador of Hungary to Kazakhstan, Gergely Tóth, spent three days in the south this week with a "
            "business mission from Debrecen. On Monday the Ambassador was received by the akim of Shymkent, who "
            "asked about Hungarian experience in district heating.")
    assert links(text, date="2025-04-17") == {("meeting", "Shymkent", "Hungary"), ("visit", "Shymkent", "Debrecen")}


def test_a_consul_general_written_short_is_an_envoy_posted_here():
    # "генконсул": a consul general posted in Almaty meets the district he tours, he pays it no visit
    got = links("Генконсул Германии побывал в Сайрамском районе\n\nСайрам, 16 апреля 2019 года. Генеральный консул "
                "Германии в Алматы встретился с акимом Сайрамского района.")
    assert ("meeting", "Sayram District", "Germany") in got, got
    assert not any(k == "visit" for k, _h, _p in got), got


def test_the_kazakh_city_a_diplomat_came_from_is_no_side():
    # the consul came to Shymkent from Almaty, the consulate's seat: the talks are Shymkent's
    got = links("Қытай консулы Шымкентте\n\nШымкент, 2023 жылғы 12 сәуір. Қытайдың Алматыдағы бас консулы бүгін "
                "Шымкент қаласының әкімімен кездесті. Алматыдан арнайы келген дипломат бұл сапардың оңтүстік "
                "өңірлерге жасаған алғашқы сапары екенін атап өтті.")
    assert ("meeting", "Shymkent", "China") in got, got
    assert not any(h == "Almaty" for _k, h, _p in got), got
