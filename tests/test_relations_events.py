"""One event, many mentions: a visit or talks that produced an agreement are that agreement; a visit to a
partner of long standing, or an agreement of another date, stays an event of its own.

Each article is written for this test in the style of regional reporting: the visit in the lead, the
signing one or two sentences later, background in between.
"""

from __future__ import annotations

import pytest
from _links import dated_links, links
from places import (
    ALMATY,
    BAKU,
    BURSA,
    CHINA,
    DAEJEON,
    GANJA,
    GAZIANTEP,
    ISTANBUL,
    JAMBYL_REGION,
    JAPAN,
    KAZAKHSTAN,
    SAMARKAND,
    SHYMKENT,
    TASHKENT,
    TBILISI,
    TURKISTAN,
    TURKISTAN_REGION,
    TURKIYE,
    UZBEKISTAN,
    XINJIANG,
    loc,
)
from test_relations import run, triples

from dashboard import pipeline

KAZAN = loc("gn:551487", "Kazan", "city", "RU", 55.79, 49.12)
ANTALYA = loc("gn:323777", "Antalya", "city", "TR", 36.91, 30.7)
KASHGAR = loc("gn:1280849", "Kashgar", "city", "CN", 39.47, 75.99)
IRAN = loc("cc:IR", "Iran", "country", "IR", 32.0, 53.0)
GANSU = loc("adm:CN-GS", "Gansu", "region", "CN", 36.0, 103.8)
ORENBURG_REGION = loc("adm:RU-ORE", "Orenburg Oblast", "region", "RU", 52.0, 56.0)
IRAQ = loc("cc:IQ", "Iraq", "country", "IQ", 33.0, 44.0)
LATVIA = loc("cc:LV", "Latvia", "country", "LV", 57.0, 25.0)
SHAANXI = loc("adm:CN-SN", "Shaanxi", "region", "CN", 35.0, 109.0)
XIAN = loc("gn:1790630", "Xi'an", "city", "CN", 34.26, 108.93)
ARYS = loc("gn:1526970", "Arys", "city", "KZ", 42.43, 68.81)
AKTOBE = loc("gn:610611", "Aktobe", "city", "KZ", 50.28, 57.17)
JURMALA = loc("gn:459201", "Jūrmala", "city", "LV", 56.97, 23.77)
BAYAN_OLGII = loc("adm:MN-071", "Bayan-Ölgiy", "region", "MN", 48.4, 89.9)
UNESCO = loc("org:UNESCO", "UNESCO", "organization", None, 48.85, 2.31)
SCO = loc("org:SCO", "Shanghai Cooperation Organisation", "organization", None, 39.9, 116.4)


def test_a_visit_that_ended_in_a_memorandum_is_one_partnership_en():
    text = ("A delegation led by the deputy akim of Shymkent arrived in Daejeon on Monday for a three-day working "
            "visit, the city administration's press service said.\n"
            "The guests toured a science park and a pharmaceutical plant, where, according to the akimat, several "
            "companies showed interest in local production.\n"
            "At the end of the talks the sides signed a memorandum of cooperation in science and innovation.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), DAEJEON: ("Daejeon",)}, date="2025-09-30")
    assert triples(links) == {("partnership", "Shymkent", "Daejeon")}


def test_talks_in_the_same_sentence_as_the_signing_are_the_signing_en():
    text = ("The mayor of Bursa received the Shymkent delegation and signed a roadmap with the city, which "
            "the akimat described as the next step after years of contacts.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)})
    assert triples(links) == {("partnership", "Shymkent", "Bursa")}


def test_a_visit_to_a_sister_city_stays_a_visit_en():
    # the relationship was not made by this visit: both the visit and the standing partnership are drawn
    text = ("Shymkent and Bursa have been partners since 2012, and trade between them has grown every year.\n"
            "On Tuesday a delegation of Shymkent visited Bursa to discuss textile projects.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2025-10-02")
    assert triples(links) == {("partnership", "Shymkent", "Bursa"), ("visit", "Shymkent", "Bursa")}


def test_an_agreement_of_another_date_does_not_absorb_the_visit_ru():
    text = ("Делегация Шымкента во главе с заместителем акима 12 сентября 2025 года посетила Казань, где "
            "провела переговоры в мэрии.\n"
            "Напомним, меморандум о сотрудничестве между Шымкентом и Казанью был подписан 3 мая 2019 года.")
    links = run(text, "ru", {SHYMKENT: ("Шымкента", "Шымкентом"), KAZAN: ("Казань", "Казанью")},
                date="2025-09-14")
    assert triples(links) == {("visit", "Shymkent", "Kazan"), ("partnership", "Shymkent", "Kazan")}


def test_a_visit_and_the_memorandum_it_produced_ru():
    text = ("Делегация Оренбургской области находилась в Туркестанской области с рабочим визитом.\n"
            "Гости осмотрели индустриальную зону и встретились с предпринимателями региона.\n"
            "По итогам переговоров Туркестанская область и Оренбургская область подписали меморандум о "
            "сотрудничестве в сфере сельского хозяйства.")
    places = {TURKISTAN_REGION: ("Туркестанской области", "Туркестанская область"),
              ORENBURG_REGION: ("Оренбургской области", "Оренбургская область")}
    links = run(text, "ru", places)
    assert triples(links) == {("partnership", "Turkistan Region", "Orenburg Oblast")}


def test_a_visit_and_the_memorandum_it_produced_kk():
    text = ("Шымкент қаласының делегациясы Ташкент қаласына жұмыс сапарымен барды.\n"
            "Кездесу қорытындысы бойынша Шымкент пен Ташкент арасында ынтымақтастық туралы меморандумға қол "
            "қойылды.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_the_visit_to_another_city_of_the_trip_stays_kk():
    # the memorandum was signed in Tashkent; the same delegation's stop in Samarkand is a visit of its own
    text = ("Шымкент қаласының делегациясы Ташкент қаласына жұмыс сапарымен барды.\n"
            "Кездесу қорытындысы бойынша Шымкент пен Ташкент арасында ынтымақтастық туралы меморандумға қол "
            "қойылды.\n"
            "Делегация сондай-ақ Самарқанд қаласында болып, туристік кешенмен танысты.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",), SAMARKAND: ("Самарқанд",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent"), ("visit", "Shymkent", "Samarkand")}


@pytest.mark.parametrize("text", [
    "Regional akimat: a busy week\n\n"
    "TURKISTAN, 14 May 2025 - On 12 May the regional akim received the ambassador of Japan, and the two discussed "
    "cotton processing.\n\n"
    "Meanwhile a delegation of the city council of Bukhara came to Kentau. On 10 May the mayor of Kentau and the "
    "chairman of the Bukhara council signed a memorandum of cooperation in trade and culture.",
    "Неделя в акимате\n\n"
    "Туркестан, 14 мая 2025 года. 12 мая аким области принял посла Японии, стороны обсудили переработку хлопка.\n\n"
    "Тем временем в Кентау прибыла делегация города Бухары. 10 мая аким Кентау и хоким Бухары подписали меморандум "
    "о сотрудничестве в сфере торговли и культуры.",
    "Әкімдіктің апталық жаңалықтары\n\n"
    "Түркістан, 2025 жылғы 14 мамыр. 12 мамырда облыс әкімі Жапония елшісін қабылдап, мақта өңдеу мәселесін "
    "талқылады.\n\n"
    "Сонымен қатар Кентау қаласына Бұхара қаласының делегациясы келді. 10 мамырда Кентау қаласының әкімі мен Бұхара "
    "хокимі сауда және мәдениет салаларындағы ынтымақтастық туралы меморандумға қол қойды.",
])
def test_a_visit_told_without_a_time_is_the_signing_dated_right_after_it(text):
    # the story's date is the first day its body writes (the ambassador's, 12 May); the delegation's coming,
    # told with no time, may have begun before it: it is the visit of the memorandum signed on 10 May
    got = dated_links(text)
    assert ("partnership", "Kentau", "Bukhara", "2025-05-10") in got, got
    assert not any(kind == "visit" for kind, *_ in got), got


def test_a_visit_in_another_month_is_another_event_en():
    # the agreement of the story's day and a visit the story dates to another month are two events
    text = "\n".join([
        "Shymkent and Bursa signed a memorandum on cooperation in textiles on Tuesday.",
        "The document covers training, fairs and joint production.",
        "It builds on the talks held in April, when a delegation of Bursa came to Shymkent for a textile fair.",
    ])
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2025-11-12")
    assert triples(links) == {("partnership", "Shymkent", "Bursa"), ("visit", "Shymkent", "Bursa")}


def test_an_agreement_of_another_year_keeps_the_visit_kk():
    text = ("Шымкент қаласының делегациясы 12 қыркүйекте Ташкент қаласына барды.\n"
            "Екі қала арасындағы ынтымақтастық туралы меморандумға 2019 жылы қол қойылған болатын.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)}, date="2025-09-14")
    assert triples(links) == {("visit", "Shymkent", "Tashkent"), ("partnership", "Shymkent", "Tashkent")}


@pytest.mark.parametrize("lang, text, places", [
    ("en", "A delegation of Shymkent arrived in Bursa on Monday for a three-day visit.\n"
           "On Tuesday the akim and the mayor of Bursa signed a roadmap on trade and tourism for the next two years.\n"
           "The two cities signed their sister-city agreement ten years ago, in 2014.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}),
    ("ru", "Делегация Шымкента в понедельник прибыла в Бурсу с трёхдневным визитом.\n"
           "Во вторник аким и мэр Бурсы подписали дорожную карту по торговле и туризму на два года.\n"
           "Соглашение о побратимстве между Шымкентом и Бурсой было подписано десять лет назад, в 2014 году.",
     {SHYMKENT: ("Шымкента", "Шымкентом"), BURSA: ("Бурсу", "Бурсы", "Бурсой")}),
    ("kk", "Шымкент қаласының делегациясы дүйсенбіде Бурса қаласына үш күндік сапармен барды.\n"
           "Сейсенбіде әкім мен Бурса мэрі сауда және туризм жөніндегі жол картасына қол қойды.\n"
           "Шымкент пен Бурса арасындағы бауырлас қалалар туралы келісімге бұдан он жыл бұрын, 2014 жылы қол "
           "қойылған.",
     {SHYMKENT: ("Шымкент",), BURSA: ("Бурса",)}),
])
def test_an_agreement_recalled_from_another_year_is_an_event_of_its_own(lang, text, places):
    # the roadmap the visit made and the twinning of 2014 are two agreements of the pair; the visit is the roadmap's
    links = run(text, lang, places, date="2024-10-10")
    assert sorted((lk.kind, lk.partner.name, lk.date or "") for lk in links) == [
        ("partnership", "Bursa", ""), ("partnership", "Bursa", "2024-10-08")], links


def test_the_agreement_made_during_a_visit_is_dated_by_its_signing_en():
    text = ("A delegation of Shymkent visited Bursa on September 20-22.\n"
            "On September 21 the sides signed a memorandum on textile production.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2025-09-24")
    assert [(lk.kind, lk.date) for lk in links] == [("partnership", "2025-09-21")]


def test_an_agreement_whose_signing_has_no_day_of_its_own_is_dated_by_the_visit_en():
    text = ("A delegation of Shymkent visited Bursa on September 20-22.\n"
            "The sides signed a memorandum on textile production.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2025-09-24")
    assert [(lk.kind, lk.date) for lk in links] == [("partnership", "2025-09-20")]


CHELYABINSK_REGION = loc("adm:RU-CHE", "Chelyabinsk Oblast", "region", "RU", 54.5, 61.0)
KOSTANAY_REGION = loc("adm:KZ-39", "Kostanay Region", "region", "KZ", 51.5, 63.5)
KOSTANAY = loc("gn:1519928", "Kostanay", "city", "KZ", 53.21, 63.62)


def test_a_signing_read_from_the_parse_in_any_word_order_ru():
    # "Документ, подписанный сторонами": the document before its participle, the signers as its agent; the
    # city named inside the plan the document sets out is no side of it
    text = ("Делегация Костанайской области находилась 14–15 октября с рабочим визитом в Челябинской области.\n"
            "Документ, подписанный сторонами 14 октября в здании областного правительства, предусматривает "
            "открытие в Костанае торгового представительства южноуральских машиностроителей.")
    places = {KOSTANAY_REGION: ("Костанайской области",), CHELYABINSK_REGION: ("Челябинской области",),
              KOSTANAY: ("Костанае",)}
    links = run(text, "ru", places, date="2025-10-17")
    assert triples(links) == {("partnership", "Kostanay Region", "Chelyabinsk Oblast")}


def test_a_signing_read_from_the_parse_in_any_word_order_en():
    text = ("A delegation of Shymkent visited Bursa on Monday.\n"
            "The document signed by the two mayors in the town hall sets out joint textile projects.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2025-10-14")
    assert triples(links) == {("partnership", "Shymkent", "Bursa")}


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "On Wednesday the akim of Shymkent and Kaspar Lindqvist, deputy mayor of Uppsala, who had arrived the day "
           "before, signed a plan of joint events for the next two years, which, officials at the city hall said, "
           "should finally give practical content to a twinning that had long existed mostly on paper.",
     ("partnership", "Shymkent", "Uppsala")),
    ("ru", "В минувший вторник аким Шымкента и прибывший накануне вице-мэр Оша Каныбек Осмонов подписали программу "
           "совместных мероприятий на два года, которая, как отметили в акимате, должна наконец наполнить содержанием "
           "побратимские связи, долгое время существовавшие лишь на бумаге.",
     ("partnership", "Shymkent", "Osh")),
])
def test_a_signing_read_from_the_parse_beside_the_word_of_another_tie(lang, text, expected):
    # the plan signed now is the event; the twinning it should fill with content is what it serves, and the plan
    # (a document, no intention) makes no plan of its signing
    assert expected in links(text, date="2025-04-17")


def test_words_before_a_relative_pronoun_are_no_arguments_of_its_clause_ru():
    # the parse makes the coordinated subject that of "позволит" in the relative clause, whose plans would set
    # Bursa aside; the pronoun "который" opens that clause after them
    text = ("В четверг аким Туркестанской области и губернатор Бурсы, прибывший во главе делегации, подписали план "
            "действий, который, по словам сторон, позволит в течение года запустить совместные проекты и оживить "
            "побратимские отношения.")
    assert {(kind, home) for kind, home, _ in links(text, date="2025-04-17")} == {("partnership", "Turkistan Region")}


def test_a_recalled_agreement_signed_by_the_two_sides_at_a_venue_is_the_storys_pair_en():
    # the story's only event is an agreement; the older one "signed by the two universities in Baku" is between
    # the same sides, Baku only where they signed it
    text = ("A memorandum on joint research was signed in Shymkent on Tuesday between a Shymkent university and "
            "a university of Bursa.\n"
            "The new document builds on the general agreement signed by the two universities at a forum in Baku on "
            "17 November 2021, which laid the foundation for student exchanges.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), BAKU: ("Baku",)}, date="2025-04-16")
    assert sorted((lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links) == [
        ("partnership", "Shymkent", "Bursa", "2021-11-17"), ("partnership", "Shymkent", "Bursa", "2025-04-15")]


def test_a_recalled_agreement_signed_by_the_two_sides_at_a_venue_is_the_storys_pair_ru():
    text = ("Во вторник в Шымкенте подписан меморандум о совместных исследованиях между университетом Шымкента и "
            "университетом Бурсы.\n"
            "Новый документ продолжает общее соглашение, подписанное двумя университетами в Баку 17 ноября "
            "2021 года.")
    links = run(text, "ru", {SHYMKENT: ("Шымкенте", "Шымкента"), BURSA: ("Бурсы",), BAKU: ("Баку",)},
                date="2025-04-16")
    assert ("partnership", "Shymkent", "Bursa", "2021-11-17") in {
        (lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links}


def test_an_agreement_signed_by_the_sides_with_a_third_place_named_stays_unknown_en():
    # the negative: a foreign place other than the partner, not where they signed, is a party the sides are not
    text = ("A memorandum on joint research was signed in Shymkent on Tuesday between a Shymkent university and "
            "a university of Bursa.\n"
            "The document follows an agreement signed by the two universities with Konya on 17 November 2021.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), KONYA: ("Konya",)}, date="2025-04-16")
    assert ("partnership", "Shymkent", "Bursa", "2021-11-17") not in {
        (lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links}


KONYA = loc("adm:TR-42", "Konya Province", "region", "TR", 37.87, 32.49)
KHOREZM = loc("adm:UZ-XO", "Khorezm Region", "region", "UZ", 41.5, 60.9)
UFA = loc("gn:479561", "Ufa", "city", "RU", 54.74, 55.97)
BASHKORTOSTAN = loc("adm:RU-BA", "Bashkortostan", "region", "RU", 54.5, 56.0)
TALAS_REGION = loc("adm:KG-T", "Talas Region", "region", "KG", 42.3, 72.2)


def test_the_parties_of_a_signing_are_its_own_arguments_en():
    # the Kazakh regions belong to another clause: Khorezm and Konya signed, a foreign pair
    text = ("Khorezm, which this year also signed a cooperation agreement with the Turkish province of Konya, "
            "expects its trade with Kazakh regions to double by 2027.")
    links = run(text, "en", {KHOREZM: ("Khorezm",), KONYA: ("Konya",)}, demonyms={"Kazakh": "KZ"},
                country_lookup=True)
    assert links == []


def test_a_signing_in_a_where_clause_has_the_subject_of_the_main_clause_ru():
    text = ("Напомним, 12 сентября 2024 года делегация Туркестанской области побывала в Уфе, где подписала "
            "дорожную карту сотрудничества с Республикой Башкортостан.")
    places = {TURKISTAN_REGION: ("Туркестанской области",), UFA: ("Уфе",), BASHKORTOSTAN: ("Башкортостан",)}
    assert ("partnership", "Turkistan Region", "Bashkortostan") in triples(run(text, "ru", places))


def test_a_foreign_pair_beside_a_kazakh_clause_is_no_link_ru():
    text = ("Напомним, в июле Таласская область подписала меморандум с китайским Синьцзяном, а в августе "
            "делегация Жамбылской области провела в Шымкенте переговоры с руководством Таласа.")
    places = {TALAS_REGION: ("Таласская область",), XINJIANG: ("Синьцзяном",),
              JAMBYL_REGION: ("Жамбылской области",)}
    assert not any(lk.kind == "partnership" for lk in run(text, "ru", places))


def test_kazakh_places_belong_to_the_predicate_after_them_kk():
    # Kazakh is verb-final: the sides named before "келісімге қол қойылды" are the agreement's, not the trip's
    text = "Делегация сапарының екінші күні Шымкент пен Ташкент арасында ынтымақтастық туралы келісімге қол қойылды."
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_during_the_trip_first_told_is_the_trip_kk():
    # "жұмыс сапары барысында" points back to a trip only when one was reported before; as the first words
    # about it, it is the trip itself (an envoy's, inside the country of posting: a meeting)
    text = ("Еліміздің Ресейдегі елшісі Алтай Республикасына жұмыс сапары барысында өңір басшылығымен "
            "сауда мәселелерін талқылады.")
    from test_relations_actors import ALTAI_REPUBLIC, RUSSIA
    links = run(text, "kk", {RUSSIA: ("Ресейдегі",), ALTAI_REPUBLIC: ("Алтай Республикасына",)},
                country_lookup=True)
    assert triples(links) == {("meeting", "Kazakhstan", "Altai Republic")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "A Shymkent delegation led by the akim visited Bursa on Tuesday. The programme of the visit also "
           "provided for a trip to Gaziantep, but it was dropped at the last minute because of the weather.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), GAZIANTEP: ("Gaziantep",)}),
    ("ru", "Делегация Шымкента во вторник посетила Бурсу. Программа визита предусматривала и поездку в "
           "Газиантеп, однако от нее в итоге отказались: в среду гости продолжили встречи с предпринимателями "
           "и вечером вылетели домой через Стамбул.",
     {SHYMKENT: ("Шымкента",), BURSA: ("Бурсу",), GAZIANTEP: ("Газиантеп",), ISTANBUL: ("Стамбул",)}),
    ("kk", "Шымкент делегациясы сейсенбіде Бурсаға барды. Делегацияның Газиантепке баруы да жоспарланған еді, "
           "алайда бұл сапар бағдарламадан алынып тасталды.",
     {SHYMKENT: ("Шымкент",), BURSA: ("Бурсаға",), GAZIANTEP: ("Газиантепке",)}),
])
def test_a_place_of_a_trip_called_off_is_no_side_of_the_visit_that_happened(lang, text, names):
    # the trip to Gaziantep is the dropped trip's place: it does not join the visit named beside it
    links = run(text, lang, names, date="2026-03-05")
    assert triples(links) == {("visit", "Shymkent", "Bursa")}


def test_a_place_of_a_twinning_not_yet_signed_lends_no_side_to_the_partner_cities_ties_en():
    # Shymkent is the side of the hypothetical twinning only; Ganja's own sister cities are foreign-foreign
    text = ("Ganja, which has had sister-city ties with Tbilisi and with the Turkish city of Bursa for years, "
            "would become the first Azerbaijani partner city of Shymkent if the document is signed in autumn.")
    links = run(text, "en", {GANJA: ("Ganja",), TBILISI: ("Tbilisi",), BURSA: ("Bursa",), SHYMKENT: ("Shymkent",)},
                date="2026-03-06")
    assert triples(links) == set()


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # a thing received meets nobody; a person or a group received is a meeting
    ("en", "On Friday the Shymkent akimat said it had received an application from an Istanbul-based carrier "
           "to run charter flights to Antalya in the summer.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), ANTALYA: ("Antalya",)}, set()),
    ("en", "On Friday the akim of Shymkent received officials of the Istanbul municipality.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",)}, {("meeting", "Shymkent", "Istanbul")}),
    ("ru", "В пятницу аким Шымкента принял письмо мэрии Стамбула с предложением открыть рейсы в Анталью.",
     {SHYMKENT: ("Шымкента",), ISTANBUL: ("Стамбула",), ANTALYA: ("Анталью",)}, set()),
    # (guests received "from" a foreign city came on a trip of theirs: a visit)
    ("ru", "В пятницу аким Шымкента принял гостей из Стамбула.",
     {SHYMKENT: ("Шымкента",), ISTANBUL: ("Стамбула",)}, {("visit", "Shymkent", "Istanbul")}),
    # a noun that only says what kind another noun is tells of no event
    ("en", "A Shymkent tour operator has opened an office in Istanbul.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",)}, set()),
])
def test_what_was_received_decides_whether_anyone_met(lang, text, names, expected):
    assert triples(run(text, lang, names, date="2026-03-06")) == expected


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # a signing done by a bare division noun is the one of the place of that kind named last before it
    ("en", "Turkistan Region is no newcomer to such ties. In 2021 the region signed an agreement on trade and "
           "humanitarian cooperation with China's Gansu province, which opened Chinese shops to its dried fruit.",
     {TURKISTAN_REGION: ("Turkistan Region",), CHINA: ("China",), GANSU: ("Gansu province",)},
     {("partnership", "Turkistan Region", "Gansu")}),
    ("ru", "Для Туркестанской области это направление также важно: ещё в 2019 году регион подписал соглашение "
           "о сотрудничестве с провинцией Ганьсу, благодаря которому через границу проходят тысячи тонн грузов.",
     {TURKISTAN_REGION: ("Туркестанской области",), GANSU: ("провинцией Ганьсу",)},
     {("partnership", "Turkistan Region", "Gansu")}),
    ("kk", "Түркістан қаласы шетелдік серіктестерін көбейтіп келеді. 2019 жылы қала Түркияның Бурса қаласымен "
           "бауырлас қалалар туралы келісімге қол қойған.",
     {TURKISTAN: ("Түркістан",), TURKIYE: ("Түркияның",), BURSA: ("Бурса",)},
     {("partnership", "Turkistan", "Bursa")}),
    # the region named last is a foreign one: its own partner is no Kazakh tie
    ("kk", "Түркістан облысы Ганьсу провинциясымен келісімге қол қойды. Ганьсу провинциясы басқа "
           "серіктестерін де көбейтіп жатыр: биыл облыс Өзбекстанның Самарқанд облысымен осындай келісімге қол "
           "қойған.",
     {TURKISTAN_REGION: ("Түркістан облысы",), GANSU: ("Ганьсу",), UZBEKISTAN: ("Өзбекстанның",),
      SAMARKAND: ("Самарқанд",)},
     {("partnership", "Turkistan Region", "Gansu")}),
])
def test_a_side_that_signed_as_the_region_or_the_city(lang, text, names, expected):
    assert triples(run(text, lang, names, date="2026-03-06")) == expected


def test_the_two_officials_of_the_last_meeting_signed_what_the_memorandum_provides_for_is_no_party_en():
    # the place that says where Kashgar lies is no side; "the two officials" are the meeting's sides; the
    # countries the goods go to under the memorandum are what it provides for, not parties to it
    text = ("On Wednesday, in Almaty, the first deputy akim of Shymkent met the vice-mayor of Kashgar, in "
            "China's Xinjiang Uygur Autonomous Region. The two officials signed a memorandum on logistics, under "
            "which Shymkent's dry port is to handle goods bound for Uzbekistan and Iran.")
    links = run(text, "en", {ALMATY: ("Almaty",), SHYMKENT: ("Shymkent",), KASHGAR: ("Kashgar",),
                             CHINA: ("China",), XINJIANG: ("Xinjiang Uygur Autonomous Region",),
                             UZBEKISTAN: ("Uzbekistan",), IRAN: ("Iran",)}, date="2026-03-06")
    assert triples(links) == {("partnership", "Shymkent", "Kashgar")}


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # one sentence, two times: the agreement of 2022 and the visit of last year are two events
    ("en", "In 2022 the city of Shymkent signed a memorandum with Gaziantep, and a business delegation from "
           "Gaziantep spent three days in Shymkent last year.",
     {SHYMKENT: ("Shymkent",), GAZIANTEP: ("Gaziantep",)},
     {("partnership", "Shymkent", "Gaziantep"), ("visit", "Shymkent", "Gaziantep")}),
    # a delegation received at home came: a visit, whatever the aspect of the verb
    ("ru", "Прошлой осенью аким Шымкента принимал в городе делегацию Газиантепа во главе с вице-мэром.",
     {SHYMKENT: ("Шымкента",), GAZIANTEP: ("Газиантепа",)}, {("visit", "Shymkent", "Gaziantep")}),
    # "when the delegation was in Gaziantep": the time clause tells a visit that happened
    ("kk", "Бұл ұсынысты Шымкент делегациясы Газиантепте болған кезде қала мэрі айтқан еді.",
     {SHYMKENT: ("Шымкент",), GAZIANTEP: ("Газиантепте",)}, {("visit", "Shymkent", "Gaziantep")}),
])
def test_events_of_the_background_told_in_passing(lang, text, names, expected):
    assert triples(run(text, lang, names, date="2026-02-20")) == expected


def test_the_arrival_of_a_delegation_received_at_home_is_a_visit_en():
    text = ("The week opened on Monday with the arrival of a delegation from Ganja, whose leader was received at "
            "the akimat by the akim of Shymkent.")
    links = run(text, "en", {GANJA: ("Ganja",), SHYMKENT: ("Shymkent",)}, date="2026-03-06")
    assert triples(links) == {("visit", "Shymkent", "Ganja")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The Shymkent delegation, which changed planes in Istanbul on Thursday, arrived in Bursa on Friday.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), BURSA: ("Bursa",)}),
    ("en", "The Shymkent officials, who had flown in through Istanbul, arrived in Bursa on Friday.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), BURSA: ("Bursa",)}),
    ("ru", "Делегация Шымкента, летевшая с пересадкой в Стамбуле, в пятницу прибыла в Бурсу.",
     {SHYMKENT: ("Шымкента",), ISTANBUL: ("Стамбуле",), BURSA: ("Бурсу",)}),
    ("en", "The Shymkent delegation arrived in Bursa on Friday after a connecting flight through Istanbul.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), BURSA: ("Bursa",)}),
    ("en", "The Shymkent delegation arrived in Bursa on Friday by way of Istanbul.",
     {SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), BURSA: ("Bursa",)}),
])
def test_where_a_journey_changed_planes_is_no_side(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("visit", "Shymkent", "Bursa")}


def test_a_foreign_place_that_keeps_its_own_ties_is_no_kazakh_tie_en():
    # Bursa is the subject of the tie; "the Kazakh guests" of the next clause are not its partner (end to end:
    # the demonym is what the extractor would take for the Kazakh side)
    from dashboard import pipeline

    text = ("SHYMKENT, October 28, 2025 - A Shymkent delegation visited Bursa on Monday.\n\n"
            "Bursa also maintains sister-city ties with Tbilisi in Georgia and with Ganja in Azerbaijan, and city "
            "officials joked that the Kazakh guests were the first to ask to see the water tariffs.")
    links = pipeline.analyze_text(text, name="en_ties.txt").links
    assert triples(links) == {("visit", "Shymkent", "Bursa")}
    # a tie whose subject is a Kazakh place stays
    text = "Shymkent maintains sister-city ties with Bursa, and the Turkish guests praised the new park."
    assert triples(run(text, "en", {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, date="2026-03-06")) == {
        ("partnership", "Shymkent", "Bursa")}


def test_a_kazakh_delegation_from_a_region_is_that_regions_not_the_countrys():
    # "a Kazakh delegation, this one from Kostanay Region": the region the delegation came from is its side,
    # not the country of the demonym; a region named only as the venue does not outrank the country
    from dashboard.relations import Candidate, _home_of

    kostanay = loc("adm:KZ-39", "Kostanay Region", "region", "KZ", 51.5, 64.0)
    country = Candidate(KAZAKHSTAN, 11, 17, locative=False)
    assert _home_of([country, Candidate(kostanay, 50, 65, locative=False, origin=True)], 90).location == kostanay
    assert _home_of([country, Candidate(ALMATY, 50, 56, locative=True)], 90).location == KAZAKHSTAN
    assert _home_of([Candidate(ALMATY, 50, 56, locative=True), Candidate(kostanay, 60, 75, locative=False,
                                                                        origin=True)], 90).location == ALMATY


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The ambassador of Malaysia, who arrived in Shymkent on Monday, told the akim that Malaysian food "
           "companies already buy fruit from Uzbekistan and Tashkent.",
     {SHYMKENT: ("Shymkent",), UZBEKISTAN: ("Uzbekistan",), TASHKENT: ("Tashkent",)}),
    ("ru", "Прибывший в Шымкент в понедельник посол Малайзии сообщил акиму, что малайзийские компании уже "
           "закупают фрукты в Узбекистане и Ташкенте.",
     {SHYMKENT: ("Шымкент",), UZBEKISTAN: ("Узбекистане",), TASHKENT: ("Ташкенте",)}),
])
def test_places_in_what_someone_said_are_no_sides_of_the_event(lang, text, names):
    # the ambassador's arrival in Shymkent is an event; where the companies buy fruit is what he told
    links = run(text, lang, names, date="2026-01-20")
    assert not any(lk.partner.name in ("Uzbekistan", "Tashkent") for lk in links), triples(links)


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # a place tied to a thing as its goal, source or counterpart is the thing's, not a side of the event
    ("en", "The akim of Shymkent met the Turkish consul on Tuesday, and the two discussed shipments of dried "
           "apricots to Iran and a new flight from Istanbul.",
     {SHYMKENT: ("Shymkent",), IRAN: ("Iran",), ISTANBUL: ("Istanbul",)}, set()),
    ("ru", "Делегация из Бурсы прибыла в Шымкент во вторник рейсом из Стамбула, чтобы обсудить поставки "
           "текстиля в Иран.",
     {BURSA: ("Бурсы",), SHYMKENT: ("Шымкент",), ISTANBUL: ("Стамбула",), IRAN: ("Иран",)},
     {("visit", "Shymkent", "Bursa")}),
    # a place tied to a party, to the event or to the tie itself stays a side
    ("en", "On Tuesday the akim of Shymkent discussed cooperation with Bursa at a meeting with a delegation "
           "from the city.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}, {("meeting", "Shymkent", "Bursa")}),
    ("ru", "Во вторник аким Шымкента обсудил сотрудничество с Бурсой.",
     {SHYMKENT: ("Шымкента",), BURSA: ("Бурсой",)}, {("meeting", "Shymkent", "Bursa")}),
])
def test_a_place_tied_to_a_thing_is_no_side(lang, text, names, expected):
    links = run(text, lang, names, date="2026-03-06")
    assert {t for t in triples(links) if t[2] in ("Iran", "Istanbul")} == set()
    assert triples(links) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "accepted the invitation": a thing in the accusative before "қабылдады" meets nobody
    ("Шымкент қаласының әкімі Түркияның Бурса қаласына баруға шақыруды ризашылықпен қабылдады.", set()),
    # a person or a group received is a meeting, a name also after a hyphenated particle
    ("Шымкент қаласының әкімі Бурса қаласының мэрін қабылдады.", {("meeting", "Shymkent", "Bursa")}),
    ("Шымкент қаласының әкімі Бурса қаласының делегациясын қабылдады.", {("visit", "Shymkent", "Bursa")}),
    ("Шымкент қаласының әкімі Бурса қаласының мэрі Ахмет әл-Бурсиді қабылдады.", {("meeting", "Shymkent", "Bursa")}),
])
def test_what_was_received_decides_whether_anyone_met_kk(text, expected):
    names = {SHYMKENT: ("Шымкент",), BURSA: ("Бурса", "Бурсадан")}
    if "Түркияның" in text:
        names[TURKIYE] = ("Түркияның",)
    links = run(text, "kk", names, date="2026-03-06")
    assert triples(links) == expected


@pytest.mark.parametrize(("lang", "text", "names"), [
    # what a relative clause tells of a thing ("a plant whose products are exported to Iraq") is the thing's
    ("en", "On Monday the Shymkent delegation flew to Bursa and toured a textile plant whose products are "
           "exported to Iran and Iraq.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), IRAN: ("Iran",), IRAQ: ("Iraq",)}),
    ("ru", "В понедельник делегация Шымкента прибыла в Бурсу и осмотрела текстильную фабрику, продукция которой "
           "поставляется в Иран и Ирак.",
     {SHYMKENT: ("Шымкента",), BURSA: ("Бурсу",), IRAN: ("Иран",), IRAQ: ("Ирак",)}),
])
def test_a_place_in_what_a_clause_tells_of_a_thing_is_no_side(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("visit", "Shymkent", "Bursa")}


def test_a_place_in_the_clause_of_a_party_stays_its_side_ru():
    # the clause describes the ceremony, but Kazan stands in the delegation's phrase: the delegation's city
    text = ("Во вторник в Шымкенте прошла церемония подписания меморандума, ставшая главным событием визита "
            "делегации Казани.")
    links = run(text, "ru", {SHYMKENT: ("Шымкенте",), KAZAN: ("Казани",)}, date="2026-03-06")
    assert {(lk.home.name, lk.partner.name) for lk in links} == {("Shymkent", "Kazan")}


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # an organisation that only names a thing ("a UNESCO World Heritage site", "the summit of the SCO") is no side
    ("en", "On Tuesday the Japanese ambassador visited Turkistan and its mausoleum, a UNESCO World Heritage site.",
     {TURKISTAN: ("Turkistan",), UNESCO: ("UNESCO",), JAPAN: ("Japanese",)}, {("visit", "Turkistan", "Japan")}),
    ("en", "In September 2022 a Shymkent delegation travelled to Samarkand during the summit of the SCO.",
     {SHYMKENT: ("Shymkent",), SAMARKAND: ("Samarkand",), SCO: ("SCO",)}, {("visit", "Shymkent", "Samarkand")}),
    # one that is a party itself stays: the counterpart of a meeting, the body of a delegation
    ("en", "On Tuesday the akim of Shymkent met a delegation of UNESCO.",
     {SHYMKENT: ("Shymkent",), UNESCO: ("UNESCO",)}, {("meeting", "Shymkent", "UNESCO")}),
])
def test_an_organisation_that_names_a_thing_is_no_side(lang, text, names, expected):
    organisations = ("UNESCO", "Shanghai Cooperation Organisation")
    found = triples(run(text, lang, names, date="2026-03-06"))
    assert {t[1:] for t in found if t[2] in organisations} == {t[1:] for t in expected if t[2] in organisations}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # what the ambassador proposed is content of the talks, not a side of them
    ("ru", "В ходе беседы с акимом Туркестана посол Латвии предложил рассмотреть возможность сотрудничества "
           "между Туркестаном и курортным городом Юрмала.",
     {TURKISTAN: ("Туркестана", "Туркестаном"), LATVIA: ("Латвии",), JURMALA: ("Юрмала",)}),
    ("en", "During the talks with the akim of Turkistan, the Latvian ambassador suggested that Turkistan "
           "consider ties with the resort town of Jurmala.",
     {TURKISTAN: ("Turkistan",), LATVIA: ("Latvian",), JURMALA: ("Jurmala",)}),
])
def test_places_in_what_someone_proposed_are_no_sides(lang, text, names):
    links = run(text, lang, names, date="2026-03-06")
    assert not any(lk.partner.name == "Jūrmala" for lk in links), triples(links)


def test_a_visit_moved_to_another_season_did_not_happen_kk():
    text = "Баян-Өлгий аймағының басшысы Түркістанға келуі тиіс еді, алайда оның сапары күзге ауыстырылды."
    assert run(text, "kk", {TURKISTAN: ("Түркістанға",), BAYAN_OLGII: ("Баян-Өлгий",)}, date="2026-03-06") == []


def test_a_town_a_journey_passed_through_is_not_the_town_referred_back_to_en():
    # "the town's akim" is the akim of the town visited, not of the one the train passed through
    text = ("A delegation from Russia's Orenburg region visited Arys on Wednesday. The guests, who travelled by "
            "train via Aktobe, met with the town's akim, Murat Duisenbekov.")
    links = run(text, "en", {ORENBURG_REGION: ("Orenburg region",), ARYS: ("Arys",), AKTOBE: ("Aktobe",)},
                date="2026-03-06")
    assert {lk.home.name for lk in links} == {"Arys"}, triples(links)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Туркестанская область и китайская провинция Шэньси 12 сентября подписали соглашение о сотрудничестве в "
           "сфере туризма и торговли.\n\nДокумент был подписан в Сиане, административном центре провинции, в ходе "
           "визита делегации региона во главе с заместителем акима области."),
    ("en", "Turkistan Region and China's Shaanxi province signed an agreement on cooperation in tourism and trade on "
           "September 12.\n\nThe document was signed in Xi'an, the provincial capital, during a visit by a regional "
           "delegation led by the deputy akim."),
])
def test_a_document_told_before_signed_at_a_venue_keeps_its_parties(lang, text):
    # the venue of the signing is no party: the agreement is the one with the province told before
    names = {TURKISTAN_REGION: ("Туркестанская область", "Turkistan Region"), SHAANXI: ("Шэньси", "Shaanxi"),
             XIAN: ("Сиане", "Xi'an")}
    links = run(text, lang, {k: tuple(f for f in v if f in text) for k, v in names.items()}, date="2026-03-06")
    assert {(lk.kind, lk.partner.name) for lk in links if lk.kind == "partnership"} == {("partnership", "Shaanxi")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Turkistan Region is widening its ties. Meanwhile, a regional delegation returned on Wednesday from "
           "Uzbekistan, where on November 8 it signed a roadmap for tourism cooperation with Samarkand region."),
    ("ru", "Туркестанская область расширяет связи. В 2021 году делегация области уже ездила в соседний Самарканд и "
           "подписала там дорожную карту с Самаркандской областью."),
])
def test_the_storys_delegation_signed_where_the_sentence_names_no_kazakh_side(lang, text):
    samarkand_region = loc("adm:UZ-SA", "Samarkand Region", "region", "UZ", 39.6, 66.9)
    names = {TURKISTAN_REGION: ("Turkistan Region", "Туркестанская область"),
             samarkand_region: ("Samarkand region", "Самаркандской областью"), SAMARKAND: ("Самарканд",),
             UZBEKISTAN: ("Uzbekistan",)}
    links = run(text, lang, {k: tuple(f for f in v if f in text) for k, v in names.items()
                             if any(f in text for f in v)}, date="2026-03-06")
    assert ("partnership", "Turkistan Region", "Samarkand Region") in triples(links), triples(links)


def test_a_foreign_place_that_describes_a_party_is_no_side_en():
    # an apposition says what or where the partner is; the region in it signed nothing
    # (end to end: "Silla" is also a place the gazetteer knows)
    from dashboard import pipeline

    text = ("TURKISTAN, May 22, 2025 – Turkistan, the administrative centre of Turkistan region, has signed a "
            "sister-city agreement with Gyeongju, the ancient royal capital of Korea's Silla kingdom in North "
            "Gyeongsang Province.")
    links = pipeline.analyze_text(text, name="en_gyeongju.txt").links
    assert {(lk.kind, lk.partner.name) for lk in links} == {("partnership", "Gyeongju")}
    # a venue's description may name the party: the region whose capital hosted the signing
    emilia = loc("adm:IT-45", "Emilia-Romagna", "region", "IT", 44.5, 11.0)
    bologna = loc("gn:3181928", "Bologna", "city", "IT", 44.49, 11.34)
    wko = loc("adm:KZ-27", "West Kazakhstan Region", "region", "KZ", 50.0, 51.0)
    text = ("On Tuesday West Kazakhstan Region signed the document in Bologna, the Emilia-Romagna capital, with "
            "the government of the Italian region.")
    links = run(text, "en", {wko: ("West Kazakhstan Region",), emilia: ("Emilia-Romagna",), bologna: ("Bologna",)},
                date="2026-03-06")
    assert ("partnership", "West Kazakhstan Region", "Emilia-Romagna") in triples(links), triples(links)


def test_a_memorandum_of_understanding_with_a_place_is_with_that_place_en():
    golestan = loc("adm:IR-GO", "Golestan Province", "region", "IR", 37.0, 55.0)
    kyzylorda_region = loc("adm:KZ-43", "Kyzylorda Region", "region", "KZ", 44.8, 64.5)
    text = "Kyzylorda region has signed a memorandum of understanding with Golestan province in northern Iran."
    links = run(text, "en", {kyzylorda_region: ("Kyzylorda region",), golestan: ("Golestan province",),
                             IRAN: ("Iran",)}, date="2026-03-06")
    assert triples(links) == {("partnership", "Kyzylorda Region", "Golestan Province")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    # both stops of a journey are stops: the one before "and" and the one after it
    ("kk", "Бурса қаласының делегациясы Шымкентке Стамбұл мен Алматы арқылы ұшып келді.",
     {BURSA: ("Бурса",), SHYMKENT: ("Шымкентке",), ISTANBUL: ("Стамбұл",), ALMATY: ("Алматы",)}),
    ("ru", "Делегация Бурсы прибыла в Шымкент через Стамбул и Алматы.",
     {BURSA: ("Бурсы",), SHYMKENT: ("Шымкент",), ISTANBUL: ("Стамбул",), ALMATY: ("Алматы",)}),
    ("en", "The Bursa delegation flew to Shymkent via Istanbul and Almaty on Monday.",
     {BURSA: ("Bursa",), SHYMKENT: ("Shymkent",), ISTANBUL: ("Istanbul",), ALMATY: ("Almaty",)}),
])
def test_every_stop_of_a_journey_through_two_is_no_side(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("visit", "Shymkent", "Bursa")}


GREECE = loc("cc:GR", "Greece", "country", "GR", 39.0, 22.0)


def test_a_verb_of_meeting_whose_subject_is_a_thing_meets_nobody():
    # "the road meets the railway" is no meeting, and its places are no one else's: the akim's meeting keeps
    # its own Kazakh side
    text = ("Shymkent's new ring road, the akim said, meets the railway from China at the border, and the akim of "
            "Turkistan region met the ambassador of Iran on Monday.")
    links = run(text, "en", {SHYMKENT: ("Shymkent",), CHINA: ("China",), TURKISTAN_REGION: ("Turkistan region",),
                             IRAN: ("Iran",)}, date="2026-03-06")
    assert triples(links) == {("meeting", "Turkistan Region", "Iran")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # goods went to their markets: nobody travelled
    ("en", "The Zhetysai district's exports grew by a fifth this year: most of the fibre again went to China, while "
           "knitted garments from its two factories went to Lithuania, Poland and, for the first time, Germany.",
     set()),
    ("ru", "Жетысайский хлопок в этом году ушёл в Китай и Турцию, а трикотаж местных фабрик впервые отправился в "
           "Германию.", set()),
    # people, a share of a party, and a host that received someone did move or host
    ("en", "Most of the delegation of Shymkent went to Bukhara on Tuesday.", {("visit", "Shymkent", "Bukhara")}),
    ("en", "On Tuesday the Saryagash district welcomed a delegation from Chirchiq.",
     {("visit", "Saryagash District", "Chirchiq")}),
    ("ru", "Во вторник часть делегации Шымкента отправилась в Бухару.", {("visit", "Shymkent", "Bukhara")}),
])
def test_a_verb_of_travel_whose_subject_is_a_thing_took_nobody_anywhere(lang, text, expected):
    assert links(text, date="2025-10-17") == expected


@pytest.mark.parametrize(("lang", "text", "names", "expected"), [
    # a relative clause tells of its own noun: the ties a foreign city keeps are that city's, whatever Kazakh
    # place the main clause names
    ("en", "The deputy mayor said Kutaisi, which has long kept sister-city ties with towns in Greece and Latvia, "
           "sees Shymkent as its gateway to Central Asia.",
     {GREECE: ("Greece",), LATVIA: ("Latvia",), SHYMKENT: ("Shymkent",)}, set()),
    ("ru", "Как отметил вице-мэр, Кутаиси, который давно поддерживает побратимские связи с городами Греции и "
           "Латвии, видит в Шымкенте свои ворота в Центральную Азию.",
     {GREECE: ("Греции",), LATVIA: ("Латвии",), SHYMKENT: ("Шымкенте",)}, set()),
    # a clause of place is no such clause: "Uzbekistan, where talks were held" leaves the visitors their side
    ("en", "A delegation of the Turkistan region spent two days in Uzbekistan, where talks in Tashkent ended with "
           "a memorandum.",
     {TURKISTAN_REGION: ("Turkistan region",), UZBEKISTAN: ("Uzbekistan",), TASHKENT: ("Tashkent",)},
     {("visit", "Turkistan Region", "Tashkent")}),
])
def test_a_relative_clause_tells_of_its_own_noun(lang, text, names, expected):
    assert triples(run(text, lang, names, date="2026-03-06")) == expected


def test_ties_a_foreign_place_has_are_its_own_ru():
    # "у X есть связи с Y": X holds the ties (the possessor of the existential verb), a foreign place: no Kazakh tie
    text = "У Гянджи уже есть побратимские связи с Бурсой, а Шымкент только изучает опыт турецких городов."
    links = run(text, "ru", {GANJA: ("Гянджи",), BURSA: ("Бурсой",), SHYMKENT: ("Шымкент",)}, date="2026-03-06")
    assert triples(links) == set()
    # the ties a Kazakh place has stay
    text = "У Шымкента уже есть побратимские связи с Бурсой."
    links = run(text, "ru", {BURSA: ("Бурсой",), SHYMKENT: ("Шымкента",)}, date="2026-03-06")
    assert triples(links) == {("partnership", "Shymkent", "Bursa")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "A trade mission from Turkey spent Tuesday in Shymkent, where it held talks with the akim.",
     {TURKIYE: ("Turkey",), SHYMKENT: ("Shymkent",)}),
    ("en", "On Tuesday the akim of Shymkent received a business mission from Turkey.",
     {TURKIYE: ("Turkey",), SHYMKENT: ("Shymkent",)}),
])
def test_a_trade_mission_is_a_travelling_party(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("visit", "Shymkent", "Türkiye")}


@pytest.mark.parametrize(("lang", "text", "cue", "verb"), [
    ("en", "The delegation held talks with the mayor of Bursa.", "talks", "held"),
    ("en", "The akim met the consul of Turkey.", "met", "met"),
    ("ru", "Делегация провела переговоры в Бурсе.", "переговор", "провела"),  # a cue may end inside its word
    ("ru", "Стороны подписали соглашение о сотрудничестве.", "соглашение о сотрудничестве", "подписали"),
    ("en", "A memorandum of understanding.", "memorandum", None),  # no verb at all
])
def test_the_verb_that_carries_a_cue(lang, text, cue, verb):
    from dashboard.lang import parse
    from dashboard.relations.frames import verb_carrying

    tokens = parse(lang, text)
    start = text.index(cue)
    found = verb_carrying(tokens, start, start + len(cue))
    assert (tokens[found].text if found is not None else None) == verb


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Talks with the mayor of Shymkent and a tour of the technology park were the main points of the "
           "programme of the Bursa delegation on Tuesday.", {BURSA: ("Bursa",), SHYMKENT: ("Shymkent",)}),
    ("ru", "Во вторник аким Шымкента провёл переговоры с делегацией Бурсы.",
     {BURSA: ("Бурсы",), SHYMKENT: ("Шымкента",)}),
    ("kk", "Сейсенбіде Шымкент қаласының әкімі Бурса делегациясымен келіссөздер жүргізді.",
     {BURSA: ("Бурса",), SHYMKENT: ("Шымкент",)}),
])
def test_talks_with_the_partners_own_delegation_are_its_visit(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("visit", "Shymkent", "Bursa")}


def test_a_place_inside_a_phrase_naming_another_event_as_a_time_is_that_events_en():
    # "after his Tashkent visit" dates the visit to Shymkent; Tashkent is the other trip's, no side of this one
    text = "The mayor of Bursa came to Shymkent on Monday, after his Tashkent visit, to discuss a textile park."
    links = run(text, "en", {BURSA: ("Bursa",), SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",)}, date="2026-03-06")
    assert triples(links) == {("visit", "Shymkent", "Bursa")}


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "On Friday the Bursa delegation ended a two-day visit to Shymkent, the outcome of which was a memorandum "
           "on textile cooperation.", {BURSA: ("Bursa",), SHYMKENT: ("Shymkent",)}),
    ("ru", "В пятницу делегация Бурсы завершила двухдневный визит в Шымкент, итогом которого стал меморандум о "
           "сотрудничестве в текстильной отрасли.", {BURSA: ("Бурсы",), SHYMKENT: ("Шымкент",)}),
])
def test_an_agreement_a_visit_resulted_in_is_between_the_visits_sides(lang, text, names):
    assert triples(run(text, lang, names, date="2026-03-06")) == {("partnership", "Shymkent", "Bursa")}


@pytest.mark.parametrize("text", [
    "On Saturday a delegation of the Shymkent akimat returned from Bursa with a signed memorandum on textile "
    "cooperation.",
    "В субботу делегация акимата Шымкента вернулась из Бурсы с подписанным меморандумом о сотрудничестве в "
    "текстильной отрасли.",
])
def test_a_trip_that_came_back_with_a_signed_agreement_is_that_agreement(text):
    links = pipeline.analyze_text(text, name="t", date="2026-03-09").links
    assert triples(links) == {("partnership", "Shymkent", "Bursa")}


@pytest.mark.parametrize("text", [
    "Делегация Туркестанской области вернулась из Республики Корея, где провела переговоры с руководством "
    "провинции Чхунчхон-Пукто и подписала меморандум о сотрудничестве в сфере здравоохранения.",
    "The Turkistan region delegation is back from South Korea, where it held talks with the leadership of North "
    "Chungcheong Province and signed a memorandum on cooperation in health care.",
])
def test_a_signing_coordinated_with_talks_shares_their_counterpart(text):
    links = pipeline.analyze_text(text, name="t", date="2025-05-22").links
    assert ("partnership", "Turkistan Region", "North Chungcheong Province") in triples(links)


def test_a_time_inside_a_verb_cue_is_no_event_told_before_en():
    # "this week" points at the week, not back at a visit: after an earlier event the trip is still new
    text = ("On Monday the akim of Zhetysai district received the ambassador of Pakistan.\n"
            "A delegation of cotton growers from Zhetysai came back this week from Multan, where they attended a "
            "cotton fair.")
    links = pipeline.analyze_text(text, name="t", date="2025-06-20").links
    assert ("visit", "Multan") in {(lk.kind, lk.partner.name) for lk in links}



@pytest.mark.parametrize(("lang", "text", "places"), [
    ("en", "The Shymkent delegation flew to Bursa on 14 October, and on 15 October, in the town hall, the two cities "
           "signed a memorandum on cooperation in health care.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}),
    ("ru", "14 октября делегация Шымкента вылетела в Казань, дорога через Москву заняла почти сутки, а 15 октября "
           "в городской ратуше Шымкент и Казань подписали меморандум о сотрудничестве в здравоохранении.",
     {SHYMKENT: ("Шымкента", "Шымкент"), KAZAN: ("Казань",)}),
])
def test_a_visit_told_by_its_first_day_made_the_agreement_signed_the_next_day(lang, text, places):
    links = run(text, lang, places, date="2025-10-20")
    assert [lk.kind for lk in links] == ["partnership"]


def test_the_headline_that_names_the_agreement_does_not_keep_the_visit_apart_ru():
    # the headline sums the story up: its agreement is the one the visit of 12 September made
    text = "\n".join([
        "Как Туркестан нашёл побратима в турецкой Бурсе",
        "Соглашение о побратимстве между Туркестаном и Бурсой было подписано 12 сентября, во время визита "
        "делегации городского акимата в Турцию, продлившегося четыре дня. Документ скрепили подписями аким "
        "Туркестана и мэр Бурсы.",
    ])
    links = run(text, "ru", {TURKISTAN: ("Туркестан", "Туркестаном", "Туркестана"),
                             BURSA: ("Бурсе", "Бурсой", "Бурсы"), TURKIYE: ("Турцию",)}, date="2025-11-20")
    assert triples(links) == {("partnership", "Turkistan", "Bursa")}


@pytest.mark.parametrize(("lang", "text", "places"), [
    ("ru", "Шымкент подписал меморандум о сотрудничестве с Казанью в 2019 году, а в октябре прошлого года "
           "делегация Шымкента побывала в Казани на выставке медицинской техники.",
     {SHYMKENT: ("Шымкент", "Шымкента"), KAZAN: ("Казанью", "Казани")}),
    ("en", "Shymkent signed a memorandum of cooperation with Bursa in 2019, and in October last year a Shymkent "
           "delegation visited Bursa for a textile fair.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",)}),
])
def test_a_visit_in_a_month_of_another_year_did_not_make_the_agreement(lang, text, places):
    links = run(text, lang, places, date="2025-04-17")
    assert sorted(lk.kind for lk in links) == ["partnership", "visit"]


@pytest.mark.parametrize("lang, text, places", [
    ("en", "On Monday a delegation of Turkistan region signed a memorandum on textiles with the city of Bursa.\n"
           "Kazakhstan's ambassador to Türkiye, who accompanied the guests throughout the trip, recalled that the two "
           "countries had signed an intergovernmental agreement on vocational education.",
     {TURKISTAN_REGION: ("Turkistan region",), BURSA: ("Bursa",), KAZAKHSTAN: ("Kazakhstan",),
      TURKIYE: ("Türkiye",)}),
    ("ru", "В понедельник делегация Туркестанской области подписала с Бурсой меморандум о сотрудничестве в "
           "текстильной отрасли.\nПосол Казахстана в Турции, сопровождавший гостей, напомнил, что обе страны "
           "подписали межправительственное соглашение о профессиональном образовании.",
     {TURKISTAN_REGION: ("Туркестанской области",), BURSA: ("Бурсой",), KAZAKHSTAN: ("Казахстана",),
      TURKIYE: ("Турции",)}),
    ("kk", "Дүйсенбіде Түркістан облысының делегациясы Бурса қаласымен тоқыма саласы бойынша меморандумға қол "
           "қойды.\nҚазақстанның Түркиядағы елшісі екі елдің кәсіптік білім беру туралы үкіметаралық келісімге "
           "қол қойғанын еске салды.",
     {TURKISTAN_REGION: ("Түркістан облысының",), BURSA: ("Бурса",), KAZAKHSTAN: ("Қазақстанның",),
      TURKIYE: ("Түркиядағы",)}),
])
def test_the_two_countries_signed_is_the_states_agreement_beside_the_towns(lang, text, places):
    # "the two countries" names the story's pair at the level of their countries; the region's memorandum with
    # Bursa does not stand in for the states' own agreement
    links = run(text, lang, places, date="2025-10-08")
    assert triples(links) == {("partnership", "Turkistan Region", "Bursa"),
                              ("partnership", "Kazakhstan", "Türkiye")}, triples(links)


def test_it_that_signed_is_the_storys_side_unless_the_sentence_named_a_foreign_party_first():
    story = ("Turkistan region looks to Korea\n\nTURKISTAN, 5 May 2025 – The akim of Turkistan region met investors "
             "from Ulsan on Monday to discuss a petrochemical cluster. ")
    got = links(story + "In 2021 it signed an agreement on trade with China's Gansu province, which officials credit "
                        "with opening the Chinese market to local cotton yarn.", date="2025-05-05")
    assert ("partnership", "Turkistan Region", "Gansu") in got, got
    got = links(story + "The Korean firm is no newcomer to the region: in 2023 it signed a joint-venture agreement "
                        "with a metalworks in Navoi, in Uzbekistan.", date="2025-05-05")
    assert not any(kind == "partnership" for kind, _h, _p in got), got


def test_led_to_a_place_where_the_sides_signed_and_a_clause_after_a_semicolon_tells_no_side():
    got = links(
        "Turkistan region sums up its year abroad\n\n"
        "TURKISTAN, 28 December 2023 – In February the regional akim led a delegation to Uzbekistan's Samarkand "
        "Region, where on 9 February the sides signed a roadmap on cross-border trade, tourism and water use; the "
        "document foresees a joint trade centre at the border and direct bus routes between Turkistan and "
        "Samarkand.")
    assert ("partnership", "Turkistan Region", "Samarkand Region") in got, got
    assert not any(p == "Samarkand" for _k, _h, p in got), got  # the bus routes' end, no party


def test_ethnic_kazakhs_who_resettle_make_no_visit_but_their_delegation_does():
    kazakh = links(
        "Арысқа алғашқы қандастар көшіп келді\n\n"
        "Арыс, 11 маусым 2024 жыл. Ресейдің Омбы облысынан көшіп келген қандастардың алғашқы тобы Арыс қаласына "
        "орналасты, оларға қалалық әкімдік баспана берді.")
    assert not any(k == "visit" for k, _h, _p in kazakh), kazakh
    russian = links(
        "Кандасы выбирают Туркестанскую область\n\n"
        "Туркестан, 11 октября 2024 года. С начала года в Туркестанскую область переехали 2318 кандасов, "
        "большинство из них — из Навоийской и Ташкентской областей Узбекистана.")
    assert not any(k == "visit" for k, _h, _p in russian), russian
    english = links(
        "Resettlers settle in Kazygurt\n\n"
        "SHYMKENT, 5 September 2025 – This year about four hundred kandas who moved from China's Xinjiang came "
        "to Kazygurt district, where the akimat has set aside land for houses.")
    assert not any(k == "visit" for k, _h, _p in english), english
    delegation = links(
        "Гости из Ташкента в Сарыагаше\n\n"
        "Сарыагаш, 14 октября 2024 года. В минувшую пятницу в Сарыагаш прибыла делегация Казахского "
        "национального культурного центра Ташкента во главе с его председателем.")
    assert any(k == "visit" and p == "Tashkent" for k, _h, p in delegation), delegation


def test_a_group_received_from_a_foreign_city_came_on_a_visit():
    english = links(
        "Ordabasy looks for Chinese investors\n\n"
        "SHYMKENT, 10 September 2025 – Yesterday Ordabasy district received a group of investors from the Chinese "
        "city of Xi'an, who toured a site near the Badam river where they would like to build a cold store.")
    assert ("visit", "Ordabasy District", "Xi’an") in english, english
    assert not any(k == "meeting" for k, _h, _p in english), english
    russian = links(
        "Инвесторы из Сианя в Сайраме\n\n"
        "Сайрам, 10 сентября 2025 года. Вчера Сайрамский район принял группу инвесторов из китайского города "
        "Сиань, которые осмотрели участок у реки.")
    assert ("visit", "Sayram District", "Xi’an") in russian, russian
    # received elsewhere in Kazakhstan, they did not come to the host's place: talks
    astana = links(
        "Turkistan officials in the capital\n\n"
        "ASTANA, 10 September 2025 – On Tuesday in Astana the deputy akim of Turkistan region received a group "
        "of businessmen from Baku.")
    assert ("meeting", "Turkistan Region", "Baku") in astana, astana
    # an envoy received is still talks: he came from his posting, not on a trip from his country
    envoy = links(
        "Consul in Ordabasy\n\n"
        "SHYMKENT, 10 September 2025 – Yesterday the akim of Ordabasy district received the consul general of "
        "China in Almaty, Wang Lei, and discussed a cold store near the Badam river.")
    assert not any(k == "visit" for k, _h, _p in envoy), envoy


def test_guests_counted_in_thousands_are_no_delegation():
    got = links(
        "Saryagash sums up the year\n\n"
        "SARYAGASH, 20 December 2023 – The akim of Saryagash district told the maslikhat on Wednesday that its "
        "resorts received more than 38,000 foreign guests this year, most of them from Uzbekistan, Russia and "
        "Kyrgyzstan.")
    assert got == set(), got


def test_a_course_of_training_done_abroad_is_a_visit_there_one_planned_or_provided_for_is_not():
    russian = links(
        "Шымкентские хирурги учатся у корейцев\n\n"
        "Шымкент, 10 июня 2025 года. Сотрудничество медиков Шымкента с Кореей имеет свою предысторию: ещё в "
        "2019 году группа шымкентских хирургов прошла месячную стажировку в Сеуле, а полученные навыки позволили "
        "внедрить в городе малоинвазивные операции.")
    assert ("visit", "Shymkent", "Seoul") in russian, russian
    kazakh = links(
        "Кентау дәрігерлері Кореяның тәжірибесін енгізуде\n\n"
        "Кентау, 10 маусым 2025 жыл. Кентау қалалық ауруханасының төрт дәрігері өткен жылы Сеулдегі клиникада "
        "тағылымдамадан өтті, енді олар инсульт хаттамасын енгізіп жатыр.")
    assert ("visit", "Kentau", "Seoul") in kazakh, kazakh
    english = links(
        "Kentau hospital learns from Korea\n\n"
        "KENTAU, 10 June 2025 – Kentau's city hospital knows the Korean system well: last year four of its doctors "
        "completed a two-month internship at a university clinic in Seoul.")
    assert ("visit", "Kentau", "Seoul") in english, english
    planned = links(
        "Шымкентские врачи и Урумчи\n\n"
        "Шымкент, 10 июня 2025 года. В сентябре группа шымкентских врачей может пройти стажировку в Урумчи, если "
        "будут решены вопросы с финансированием.")
    assert not any(p == "Ürümqi" for _k, _h, p in planned), planned
    kazakh_planned = links(
        "Қазығұрт колледжі Кореяға қарайды\n\n"
        "Қазығұрт, 10 маусым 2025 жыл. Қазығұрт колледжінің басшылығы келесі жылы үздік он студентті Сеулде "
        "тағылымдамадан өткізуді жоспарлап отыр.")
    assert not any(k == "visit" for k, _h, _p in kazakh_planned), kazakh_planned


def test_years_spent_somewhere_are_a_career_not_a_visit():
    career = links(
        "What Shymkent's twin-city ledger shows\n\n"
        "SHYMKENT, 15 February 2024 – Having spent three decades in Kazakhstan's foreign service, the last four of "
        "them at our embassy in Ankara, I have watched this ritual from both sides of the table.")
    assert not any(p == "Ankara" for _k, _h, p in career), career
    trip = links(
        "Shymkent officials in Ankara\n\n"
        "SHYMKENT, 15 February 2024 – A delegation of the Shymkent akimat spent three days in Ankara last week, "
        "meeting the city's transport department.")
    assert ("visit", "Shymkent", "Ankara") in trip, trip


@pytest.mark.parametrize("text, expected", [
    (
        "Кентау колледжі халықаралық байланыстарын кеңейтуде\n\nКентау, 2025 жылғы 20 қазан. Кентау "
        "политехникалық колледжі биыл шетелдік серіктестерімен бірнеше жоба бастады. Сейсенбі күні колледж "
        "басшылығы Ресейдің Омбы қаласындағы көлік колледжінің оқытушыларымен онлайн кездесу өткізді.",
     ("meeting", "Kentau", "Omsk")),
    (
        "Таможенники Шымкента перенимают опыт\n\nШымкент, 20 октября 2025 года. Департамент государственных "
        "доходов по Шымкенту продолжает обмен опытом с зарубежными коллегами. Во вторник руководитель "
        "департамента провёл видеоконференцию с руководством таможни, расположенной в Новосибирске, и обсудил "
        "обмен данными о грузах.",
     ("meeting", "Shymkent", "Novosibirsk")),
])
def test_talks_held_online_are_the_storys_sides_and_nobody_travelled(text, expected):
    # a video conference with a body "in" a foreign town, no Kazakh side named: the story's side met that town,
    # and the town in a clause of its own ("расположенной в Новосибирске") is no visit
    got = links(text)
    assert expected in got, got
    assert not any(k == "visit" for k, _h, _p in got), got


@pytest.mark.parametrize("text", [
    "Deputies report on foreign ties\n\nThe head of the Turkistan region's external relations department reminded the "
    "deputies on Wednesday that cross-border work still rests on the agreement that Turkistan region and Tashkent "
    "region signed in 2022, under which two joint logistics centres have opened. In April a group of deputies of "
    "the regional maslikhat went to Samarkand, where they studied the local council's work on tourism.",
    "Депутаты отчитались о внешних связях\n\nНачальник управления внешних связей Туркестанской области напомнил "
    "депутатам в среду, что основой приграничного сотрудничества остаётся соглашение между Туркестанской и "
    "Ташкентской областями, подписанное в 2022 году. В апреле группа депутатов областного маслихата побывала в "
    "Самарканде, где знакомилась с работой местного кенгаша в сфере туризма.",
])
def test_a_visit_to_a_town_of_another_region_is_no_part_of_an_agreement_with_this_one(text):
    # Samarkand lies 280 km from the centre of Tashkent Region, but in Samarkand Region, whose centre is much nearer:
    # the deputies' trip did not make the Tashkent agreement
    got = links(text)
    assert ("visit", "Turkistan Region", "Samarkand") in got, got


@pytest.mark.parametrize("text, day", [
    ("Seoul surgeons in Shymkent\n\nSHYMKENT, 17 April 2025 – A group of seven surgeons from Seoul's Hanbit Medical "
     "Center arrived in Shymkent on Tuesday, and on Wednesday the Shymkent city hospital and the Seoul centre signed a "
     "memorandum of cooperation that provides for internships for young surgeons.", "2025-04-16"),
    ("Түркістан мен Конья\n\nТүркістан, 2023 жылғы 12 мамыр. 8 мамырда Түркістанға Конья университетінің ректоры "
     "бастаған делегация келіп, 10 мамырда екі университет ынтымақтастық туралы меморандумға қол қойды.",
     "2023-05-10"),
    ("Shymkent academy in Türkiye\n\nSHYMKENT, 15 March 2024 – In Istanbul, where the delegation of the Shymkent "
     "medical academy arrived on Monday, the rector held talks with the leadership of a health sciences university, "
     "and on Tuesday, 12 March, the sides signed a memorandum on exchanges of lecturers.", "2024-03-12"),
])
def test_an_agreement_signed_days_after_the_arrival_its_sentence_tells_is_dated_by_its_signing(text, day):
    # the visit that made it gives way to the partnership, whose day is the one its own clause writes
    from _links import dated_links
    got = {(kind, partner, when) for kind, _home, partner, when in dated_links(text)}
    assert any(kind == "partnership" and when == day for kind, _p, when in got), got


@pytest.mark.parametrize(("text", "expected"), [
    # a stop told by a participle: talks in the first city are the trip's visit, the city it went on to another
    ("Shymkent sent a business delegation abroad last week. The delegation, headed by deputy akim Daniyar "
     "Mussabekov, held B2B meetings with pharmacy chains and hospital buyers in Baku on 1 October, where the guests "
     "presented some 40 products, before travelling on to Tbilisi.",
     {("visit", "Shymkent", "Baku"), ("visit", "Shymkent", "Tbilisi")}),
    # crossing to a town is travelling there, and the town after it is no person the NER guessed
    ("On Tuesday rescuers of the Syrdarya region crossed to Saryagash for a joint flood drill.",
     {("visit", "Saryaghash", "Syrdarya Region")}),
    # a remote meeting named with a word between "online" and its noun
    ("On Monday the chamber of entrepreneurs of Shymkent held an online B2B session with traders from Bishkek.",
     {("meeting", "Shymkent", "Bishkek")}),
])
def test_cue_words_in_their_other_forms_en(text, expected):
    assert links(text, date="2024-10-09") == expected


@pytest.mark.parametrize(("lang", "text"), [
    # an agreement told first by the region and the envoy's country, then by who signed: one agreement, between
    # the district (a district of the region) and the city; "документ подписал аким" puts the document before
    # its verb, whatever the parse of the long sentence made of it
    ("ru", "Во вторник аким Туркестанской области принял посла Египта в Казахстане, который предложил региону "
           "египетский опыт выращивания длинноволокнистого хлопка. Уже в четверг меморандум был подписан. Церемония "
           "прошла по видеосвязи: со стороны Жетысайского района документ подписал аким района, со стороны "
           "египетского партнёра — директор института хлопка в Гизе."),
    ("kk", "Сейсенбі күні Түркістан облысының әкімі Мысырдың Қазақстандағы елшісін қабылдады. Бейсенбі күні "
           "меморандумға қол қойылды. Рәсім бейнебайланыс арқылы өтті: құжатқа Жетісай ауданының әкімі мен "
           "Гизадағы мақта институтының директоры қол қойды."),
])
def test_an_agreement_told_by_the_region_then_by_its_district_is_the_districts(lang, text):
    assert links(text, date="2025-04-17") == {("meeting", "Turkistan Region", "Egypt"),
                                              ("partnership", "Zhetisay District", "Giza")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # what a document provides, told in a relative clause after it, names no party of it
    ("en", "On the sidelines of the session the akimat of Turkistan region and the khokimiyat of Samarkand region "
           "signed an agreement on tourism, which provides for joint routes, exchanges of guides and common "
           "advertising campaigns on the markets of Turkey and the Gulf states.",
     {("partnership", "Turkistan Region", "Samarkand Region")}),
    ("ru", "На полях заседания акимат Туркестанской области и хокимият Самаркандской области подписали соглашение о "
           "сотрудничестве в сфере туризма, которое предполагает совместные маршруты, обмен экскурсоводами и общие "
           "рекламные кампании на рынках Турции и стран Персидского залива.",
     {("partnership", "Turkistan Region", "Samarkand Region")}),
    # a relative clause that tells the signing itself keeps its parties
    ("ru", "Документ, который скрепили подписями заместитель акима Шымкента и вице-мэр Дебрецена, предусматривает "
           "ежегодный обмен творческими коллективами.", {("partnership", "Shymkent", "Debrecen")}),
])
def test_what_a_document_provides_names_no_party_of_it(lang, text, expected):
    assert links(text, date="2025-04-17") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a relative clause that tells what a party does names no side of the sentence's event
    ("en", "On Thursday the akimat of Kentau signed a memorandum with Silk Road Freight, a logistics firm "
           "headquartered in Xi'an that runs depots in Lanzhou and Kashgar.", {("partnership", "Kentau", "Xi’an")}),
    # one that says where its party is, or who the travelling party is, keeps that place
    ("ru", "Во вторник в Туркестане соглашение подписали аким Туркестанской области и председатель текстильной "
           "компании, которая находится в Денизли.", {("partnership", "Turkistan Region", "Denizli")}),
    ("ru", "Польская делегация, в которую вошли вице-маршал Люблинского воеводства и мэр города Люблина, 20 февраля "
           "прибыла в Шымкент.", {("visit", "Shymkent", "Lublin")}),
])
def test_a_relative_clause_that_tells_what_a_party_does_names_no_side(lang, text, expected):
    assert links(text, date="2025-04-17") == expected


def test_a_headline_trip_is_not_folded_into_an_agreement_the_body_dates_in_another_year():
    # the headline sums up this week's trip; the memorandum "signed in 2021, when ..." is an older event of the
    # pair, not the agreement the trip made: both stay
    got = dated_links(
        "Lyon charity delegation visits Saryagash hospital\n\n"
        "The district hospital of Saryagash has received a dialysis unit and two monitors from a Lyon-based medical "
        "charity that has worked with the hospital since 2021, when the two sides signed their first memorandum of "
        "cooperation. The unit was handed over on Wednesday by the charity director, who said the next shipment "
        "would follow in the spring.", date="2025-10-16")
    assert ("partnership", "Saryaghash", "Lyon", None) in got, got
    assert any(k == "visit" and p == "Lyon" for k, _h, p, _d in got), got


@pytest.mark.parametrize("text", [
    # a clause whose subject is a foreign city tells that city's own ties, however the story's side stands near
    "Shymkent and Bursa mark the thirteenth year of their twinning\n\n"
    "The mayor of Bursa, Mustafa Karaca, was received by the akim of Shymkent on Friday. Karaca spoke at length "
    "about the programmes Bursa has built with its partner city of Plovdiv in Bulgaria, which he offered as a model "
    "of what Shymkent might expect from the new roadmap.",
    # ... or whose subject a foreign city owns through "whose"
    "Shymkent delegation returns from Georgia\n\n"
    "A delegation of Shymkent visited Batumi on Monday. The mayor of Batumi, whose partner cities include Savannah "
    "in the United States, said the port city wanted closer ties with Central Asia.",
    "Делегация Шымкента вернулась из Грузии\n\n"
    "В понедельник делегация Шымкента посетила Батуми. Батуми, в свою очередь, заключил соглашения о побратимстве "
    "с Саванной и Одессой.",
])
def test_a_foreign_places_own_ties_are_not_the_storys(text):
    got = links(text, date="2025-05-20")
    assert not any(p in ("Plovdiv", "Savannah", "Odesa") for _k, _h, p in got), got


def test_a_party_that_came_from_a_foreign_city_is_the_delegation_of_the_next_sentence():
    # "The largest foreign group came from Osh": a party's coming from a town is its visit, and "the delegation"
    # of the next sentence is that party; tourists who "came from abroad" are nobody's visit
    got = links(
        "Shymkent celebrates Nauryz with guests from three countries\n\n"
        "Shymkent marked Nauryz over the weekend with concerts and fairs in every district of the city. The largest "
        "foreign group came from Osh. The delegation, led by deputy mayor Bakyt Toktorov and including a komuz "
        "ensemble, arrived on Friday and was received by the akim of Shymkent, who showed the guests the old town. "
        "According to the tourism department, about a fifth of the tourists who came from abroad were from "
        "Uzbekistan.", date="2025-03-24")
    assert ("visit", "Shymkent", "Osh") in got, got
    assert not any(p == "Uzbekistan" for _k, _h, p in got), got


def test_a_story_without_a_dateline_goes_on_past_its_first_date():
    # no dateline: the first written date is the first event's, not the filing day, so the later days of the
    # story ("12 марта", "в понедельник, 16 марта") are its events' own
    got = dated_links(
        "Коротко: внешние связи Шымкента\n\n"
        "С 11 по 13 марта 2026 года делегация Шымкента во главе с акимом города находилась с рабочим визитом в "
        "Минске. 12 марта руководители двух городов подписали соглашение о сотрудничестве между Шымкентом и "
        "столицей Беларуси.\n\nВ понедельник, 16 марта, аким Шымкента встретился с послом Венгрии.")
    assert ("partnership", "Shymkent", "Minsk", "2026-03-12") in got, got
    assert ("meeting", "Shymkent", "Hungary", "2026-03-16") in got, got


def test_a_day_after_the_dateline_is_still_no_event_day():
    # a dateline files the story: a later day in it is a plan's or a deadline's
    got = dated_links(
        "Шымкент и Минск\n\nШымкент, 10 марта 2026 года. Делегация Шымкента побывала в Минске. Следующая встреча "
        "назначена на 20 марта.")
    assert ("visit", "Shymkent", "Minsk", "2026-03-10") in got, got


@pytest.mark.parametrize("text, absent", [
    ("Shymkent ties in brief: a Kazan agreement, a Punjab video call and Minsk on the horizon\n\nSHYMKENT, 16 "
     "October 2021 - Deputy akim Serik Omarov and the mayor of Kazan signed an agreement on trade on Thursday.",
     "Minsk"),
    ("Коротко\n\nПодборка новостей о связях Шымкента за неделю: новое соглашение с Казанью, встреча с послом Японии, "
     "перенесённый визит и первые поставки в Минск.\n\nВ среду аким Шымкента и мэр Казани подписали соглашение.",
     "Minsk"),
])
def test_a_summary_list_after_a_colon_holds_one_event_per_item(text, absent):
    # each short item of the list names its own event: a place of one item is no side of another's cue
    got = links(text)
    assert not any(p == absent for _k, _h, p in got), got
    assert ("partnership", "Shymkent", "Kazan") in got, got


def test_a_list_of_the_visits_places_after_a_colon_stays_the_visits():
    got = links("Shymkent delegation in Turkey\n\nSHYMKENT, 16 October 2021 - A delegation of Shymkent visited three "
                "cities last week: Bursa, Izmir and Ankara.")
    assert {("visit", "Shymkent", p) for p in ("Bursa", "İzmir", "Ankara")} <= got, got


@pytest.mark.parametrize("text, talks", [
    ("SHYMKENT, 24 June 2025 - A delegation from Nairobi held talks at the Shymkent akimat on trade in "
     "tea and cotton.\n\nThe two sides first spoke last year: in November 2024 the akim of Shymkent held a video "
     "conference with Kenya's ambassador in Moscow about direct trade.", ("meeting", "Shymkent", "Kenya")),
    ("Шымкент, 2025 жылғы 24 маусым – Найробиден келген делегация Шымкент қаласының әкімдігінде болып, шай "
     "және мақта саудасы туралы келіссөз жүргізді.\n\nЕкі тарап арасындағы байланыс былтыр басталған еді. 2024 "
     "жылдың қараша айында Шымкент әкімі Кенияның Мәскеудегі елшісімен бейнебайланыс арқылы сөйлесті.",
     ("meeting", "Shymkent", "Kenya")),
])
def test_talks_recalled_by_another_year_are_no_part_of_the_storys_visit(text, talks):
    # the visit of the story's days (dated by the dateline) takes no talks whose sentence writes only a month of
    # another year
    got = links(text)
    assert ("visit", "Shymkent", "Nairobi") in got, got
    assert talks in got, got
