"""Relations in Kazakh: the same rules again, on sentences written for them (case endings included)."""

from __future__ import annotations

import pytest
from _links import dated_links, links
from places import (
    ADDIS_ABABA,
    ALMATY,
    ASTANA,
    BURSA,
    DUBAI,
    GANJA,
    ISTANBUL,
    KUWAIT,
    MARIBOR,
    MEXICO,
    NORWAY,
    SAMARKAND,
    SAYRAM_DISTRICT,
    SEOUL,
    SHYMKENT,
    SLOVENIA,
    STEVENAGE,
    TASHKENT,
    TURKISTAN,
    TURKISTAN_REGION,
    URUMQI,
    loc,
)
from places import AFRICAN_UNION as AU
from places import EUROPEAN_UNION as EU
from places import KAZAKHSTAN as KZ
from places import SOUTH_KOREA as KOREA
from places import TURKIYE as TURKEY
from test_relations import run, triples

from dashboard import pipeline

HUE = loc("gn:1580240", "Huế", "city", "VN", 16.46, 107.6)


def test_kazakh_delegation_abroad_with_a_kazakh_date():
    text = "2017 жылғы 20-23 наурыз аралығында Түркістан облысының делегациясы Стамбұлға сапармен барды."
    links = run(text, "kk", {TURKISTAN_REGION: ("Түркістан облысының",), ISTANBUL: ("Стамбұл",)})
    assert [(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links] == [
        ("visit", "Turkistan Region", "Istanbul", "2017-03-20")]


def test_foreign_delegation_comes_to_shymkent():
    links = run("Корея делегациясы 14 сәуірде Шымкент қаласына келді.", "kk",
                {KOREA: ("Корея",), SHYMKENT: ("Шымкент",)}, date="2025-04-16")
    assert [(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links] == [
        ("visit", "Shymkent", "South Korea", "2025-04-14")]


def test_sister_cities():
    links = run("Шымкент пен Стивенейдж бауырлас қалалар болып табылады.", "kk",
                {SHYMKENT: ("Шымкент",), STEVENAGE: ("Стивенейдж",)})
    assert triples(links) == {("partnership", "Shymkent", "Stevenage")}


def test_meeting_with_the_korean_ambassador():
    links = run("Түркістан облысының әкімі Корея Республикасының елшісімен кездесті.", "kk",
                {TURKISTAN_REGION: ("Түркістан облысының",), KOREA: ("Корея Республикасының",)})
    assert triples(links) == {("meeting", "Turkistan Region", "South Korea")}


@pytest.mark.parametrize("text", [
    "Шымкент әкімі келесі жылы Сеулге сапармен баруды жоспарлап отыр.",
    "Сеул мэрі Шымкент әкімін Сеулге сапармен келуге шақырды.",
    "Сеул Шымкентпен бауырлас қалалар қатынастарын орнатуға қызығушылық білдірді.",
    "Шымкент пен Сеул арасындағы меморандумға күзде қол қойылмақ.",
])
def test_plans_invitations_and_interest_are_not_links(text):
    assert run(text, "kk", {SHYMKENT: ("Шымкент",), SEOUL: ("Сеул",)}) == []


def test_foreign_foreign_is_not_ours():
    text = "Шымкент әкімі Стамбұл мэрімен кездесті.\nҮрімжі мен Самарқанд бауырлас қалалар атанды."
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), ISTANBUL: ("Стамбұл",), URUMQI: ("Үрімжі",),
                             SAMARKAND: ("Самарқанд",)})
    assert triples(links) == {("meeting", "Shymkent", "Istanbul")}


def test_venue_with_a_locative_ending_is_not_the_partner():
    text = "Дубайдағы форумда Түркістан облысының әкімі Корея елшісімен кездесті."
    links = run(text, "kk", {DUBAI: ("Дубай",), TURKISTAN_REGION: ("Түркістан облысының",), KOREA: ("Корея",)})
    assert triples(links) == {("meeting", "Turkistan Region", "South Korea")}


def test_ambassador_of_kazakhstan_in_slovenia_meets_the_mayor_of_maribor():
    text = "Қазақстанның Словениядағы елшісі Марибор қаласының мэрімен кездесті."
    links = run(text, "kk", {KZ: ("Қазақстан",), SLOVENIA: ("Словения",), MARIBOR: ("Марибор",)})
    assert triples(links) == {("meeting", "Kazakhstan", "Maribor")}


def test_organisation_as_counterpart():
    text = ("Қазақстанның Африка одағы жанындағы тұрақты өкілі Аддис-Абебада "
            "Африка одағы комиссиясының төрағасымен кездесті.")
    links = run(text, "kk", {KZ: ("Қазақстан",), AU: ("Африка одағы",), ADDIS_ABABA: ("Аддис-Абеба",)})
    assert triples(links) == {("meeting", "Kazakhstan", "African Union")}


def test_eu_ambassadors_visit_then_the_delegation_goes_on():
    text = "ЕО елшілерінің делегациясы Шымкентке сапармен келді.\nКейін делегация Түркістан облысына барды."
    links = run(text, "kk", {EU: ("ЕО",), SHYMKENT: ("Шымкент",), TURKISTAN_REGION: ("Түркістан облысы",)})
    assert triples(links) == {("visit", "Shymkent", "European Union"),
                              ("visit", "Turkistan Region", "European Union")}


def test_digest_of_embassies():
    text = ("Қазақстанның Норвегиядағы елшісі Стортинг депутаттарымен кездесті.\n"
            "Қазақстанның Кувейттегі елшісі Кувейттің мұнай министрімен келіссөздер жүргізді.\n"
            "Мексикада Қазақстан елшісі достық тобының төрағасымен кездесті.")
    links = run(text, "kk", {KZ: ("Қазақстан",), NORWAY: ("Норвегия",), KUWAIT: ("Кувейт",),
                             MEXICO: ("Мексика",)}, date="2026-02-12")
    assert triples(links) == {("meeting", "Kazakhstan", "Norway"), ("meeting", "Kazakhstan", "Kuwait"),
                              ("meeting", "Kazakhstan", "Mexico")}


def test_dateline_and_meeting_venue_in_the_capital_of_the_counterpart():
    text = ("Анкара, 5 наурыз. Қазақстанның Түркиядағы елшісі Анкарада "
            "Түркия сыртқы істер министрінің орынбасарымен кездесті.")
    ankara = loc("gn:323786", "Ankara", "city", "TR", 39.9, 32.9)
    links = run(text, "kk", {KZ: ("Қазақстан",), TURKEY: ("Түркия",), ankara: ("Анкара",)}, date="2025-03-06")
    assert [(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in links] == [
        ("meeting", "Kazakhstan", "Türkiye", "2025-03-05")]


def test_next_week_is_a_plan():
    text = "Қазақстанның Ресейдегі елшісі келесі аптада Қазан қаласына барып, басшылықпен кездеседі."
    russia = loc("cc:RU", "Russia", "country", "RU", 60.0, 90.0)
    kazan = loc("gn:551487", "Kazan", "city", "RU", 55.8, 49.1)
    assert run(text, "kk", {KZ: ("Қазақстан",), russia: ("Ресей",), kazan: ("Қазан",)}) == []


def test_the_delegations_meeting_in_tashkent_is_its_visit():
    text = "Ташкентте шымкенттік делегация Ташкент қаласының хокимімен кездесті."
    tashkent = loc("gn:1512569", "Tashkent", "city", "UZ", 41.3, 69.3)
    links = run(text, "kk", {tashkent: ("Ташкент",)}, demonyms={"шымкенттік": "KZ"})
    assert triples(links) == {("visit", "Kazakhstan", "Tashkent")}


def test_what_the_guests_did_abroad_on_their_way_is_theirs_kk():
    # a foreign delegation came to Almaty; on its way, in Bishkek, it signed with Bishkek: not Almaty's
    from places import ALMATY, BISHKEK, KYRGYZSTAN

    busan = loc("gn:1838524", "Busan", "city", "KR", 35.1, 129.04)
    text = ("Бусан делегациясы Алматыға Қырғызстаннан келді: 23 наурызда қонақтар Бішкекте болып, Қырғызстан "
            "астанасының мэриясымен туризм жөніндегі меморандумға қол қойған.")
    links = run(text, "kk", {busan: ("Бусан",), ALMATY: ("Алматыға",), KYRGYZSTAN: ("Қырғызстаннан", "Қырғызстан"),
                             BISHKEK: ("Бішкекте",)}, date="2026-03-27")
    assert triples(links) == {("visit", "Almaty", "Busan")}


def test_the_guests_of_foreign_hosts_are_the_kazakh_delegation_kk():
    # the Shymkent delegation travels; its hosts call it the guests, and where the guests go is its visit
    from places import TASHKENT

    text = ("Шымкент делегациясы Ташкентке барды. Келесі күні қонақтар Самарқанд қаласына аттанып, "
            "тарихи ескерткіштерді аралады.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкентке",), SAMARKAND: ("Самарқанд",)},
                date="2026-03-27")
    assert ("visit", "Shymkent", "Samarkand") in triples(links)


def test_the_last_predicate_of_a_kazakh_clause_owns_its_places_kk():
    # "бейнебайланыс арқылы" (by video link) is how they signed: one partnership, no meeting
    from places import TASHKENT

    text = ("Сәрсенбіде Шымкент қаласының әкімі мен Ташкент қаласының хокимі бейнебайланыс арқылы меморандумға "
            "қол қойды.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)}, date="2026-06-19")
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_a_place_the_guests_passed_through_is_no_side_kk():
    # "Стамбұл арқылы" (via Istanbul): the guests' route, not a place they visited
    istanbul_text = "Бурса делегациясы Шымкентке Стамбұл арқылы ұшып келді."
    links = run(istanbul_text, "kk", {loc("gn:750269", "Bursa", "city", "TR", 40.2, 29.06): ("Бурса",),
                                      SHYMKENT: ("Шымкентке",), ISTANBUL: ("Стамбұл",)}, date="2026-05-20")
    assert triples(links) == {("visit", "Shymkent", "Bursa")}


def test_talks_at_a_forum_held_in_the_capital_are_the_story_sides_kk():
    # the interview is about Shymkent; the forum's city is where the talks were, not who held them
    text = ("Шымкент қаласының әкімі Шымкент пен Түркияның Бурса қаласы арасындағы байланыс туралы айтты. "
            "2022 жылы Астанада өткен форумда әкім Бурса мэрімен кездесті.")
    bursa = loc("gn:750269", "Bursa", "city", "TR", 40.2, 29.06)
    from places import ASTANA
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), bursa: ("Бурса",), TURKEY: ("Түркияның",),
                             ASTANA: ("Астанада",)}, date="2026-05-20")
    assert ("meeting", "Shymkent", "Bursa") in triples(links)
    assert not any(home == "Astana" for _, home, _ in triples(links)), triples(links)


BAVARIA = loc("adm:DE-BY", "Bavaria", "region", "DE", 48.95, 11.4)
JIZZAKH_REGION = loc("adm:UZ-JI", "Jizzakh Region", "region", "UZ", 40.4, 67.7)
MAKTAARAL = loc("adm:KZ-MAK", "Maktaaral District", "region", "KZ", 40.85, 68.3)


@pytest.mark.parametrize(("text", "expected"), [
    # a foreign delegation met with at home came to the Kazakh side: a visit
    ("Түркістан облысының әкімі сәрсенбіде Бавария жерінің экономика министрлігінің делегациясымен кездесті.",
     {("visit", "Turkistan Region", "Bavaria")}),
    # met with in another Kazakh city, at a business council: the region's people went there too, a meeting
    ("Түркістан облысы әкімінің орынбасары сәрсенбіде Астанада өткен іскерлік кеңес аясында Бавария жерінің "
     "экономика министрлігінің делегациясымен кездесті.", {("meeting", "Turkistan Region", "Bavaria")}),
])
def test_a_delegation_met_with_travelled_unless_the_talks_were_elsewhere_kk(text, expected):
    names = {TURKISTAN_REGION: ("Түркістан облысы",), BAVARIA: ("Бавария",)}
    if "Астанада" in text:
        names[ASTANA] = ("Астанада",)
    assert triples(run(text, "kk", names, date="2026-02-20")) == expected


def test_the_region_akim_is_not_the_akim_of_a_district_named_last_kk():
    # "облыс әкімі" acts for the oblast named last, not for the districts listed after it ("аудандары")
    text = ("Түркістан облысының делегациясы Жизақ облысында болды. Мақтаарал мен Сайрам аудандарын Жизақпен "
            "байланыстыратын жол туралы айтылды.\n"
            "Сәрсенбі күні Астанада облыс әкімінің орынбасары Дәурен Сейітов Бавария жерінің делегациясымен "
            "кездесті.")
    names = {TURKISTAN_REGION: ("Түркістан облысының",), JIZZAKH_REGION: ("Жизақ облысында", "Жизақпен"),
             MAKTAARAL: ("Мақтаарал",), SAYRAM_DISTRICT: ("Сайрам",), BAVARIA: ("Бавария",), ASTANA: ("Астанада",)}
    links = run(text, "kk", names, date="2026-02-20")
    assert ("meeting", "Turkistan Region", "Bavaria") in triples(links)
    assert not any(lk.home.name in ("Maktaaral District", "Sayram District") for lk in links)


def test_the_heads_of_the_two_cities_who_met_at_a_forum_are_the_storys_sides_kk():
    # the forum's name and its venue are no side: the two cities' heads met, so it is the story's pair
    text = ("Шымкент мен Бурса арасындағы байланыс тереңдей түсті.\n"
            "Шымкент әкімі наурызда Бурсаға барып, қала мэрімен кездесті.\n"
            "Сол жылдың қыркүйегінде Түркістанда өткен Түркі мемлекеттері ұйымының мәдениет форумы кезінде екі "
            "қаланың басшылары тағы кездесіп, жаңа жобаларды пысықтаған еді.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), BURSA: ("Бурса", "Бурсаға"), TURKISTAN: ("Түркістанда",)},
                date="2025-11-20")
    assert ("meeting", "Shymkent", "Bursa") in triples(links)
    assert not any(lk.home.name == "Turkistan" for lk in links)


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("kk", "Шымкент делегациясы Гянджада болды. Гянджаның өзі де байланыстарын кеңейтіп келеді: өткен айда "
           "қалаға Түркияның Бурса қаласынан іскерлер делегациясы келді.",
     {SHYMKENT: ("Шымкент",), GANJA: ("Гянджада", "Гянджаның"), BURSA: ("Бурса",)}),
    ("en", "A Shymkent delegation visited Ganja. Ganja itself is widening its ties: last month a business "
           "delegation from Bursa came to the city.",
     {SHYMKENT: ("Shymkent",), GANJA: ("Ganja",), BURSA: ("Bursa",)}),
])
def test_a_delegation_that_came_to_the_city_named_last_abroad_is_theirs(lang, text, names):
    # "the city" it came to is Ganja, named last: Bursa's delegation in Ganja is no Kazakh tie
    links = run(text, lang, names, date="2025-11-20")
    assert triples(links) == {("visit", "Shymkent", "Ganja")}
    assert not any("Bursa" in lk.evidence.text or "Бурса" in lk.evidence.text for lk in links)


def test_a_foreign_pair_named_by_case_before_its_cue_is_theirs_kk():
    # "Батумидің ... Одесса қаласымен бауырлас": Batumi's sister city is Odesa; Mangystau only hears of it
    batumi = loc("gn:615532", "Batumi", "city", "GE", 41.64, 41.63)
    odesa = loc("gn:698740", "Odesa", "city", "UA", 46.48, 30.73)
    ukraine = loc("cc:UA", "Ukraine", "country", "UA", 49.0, 32.0)
    mangystau = loc("adm:KZ-47", "Mangystau Region", "region", "KZ", 44.3, 53.5)
    text = ("Аджария тарапы Батумидің Украинаның Одесса қаласымен көптен бері бауырлас екенін, порттық тәжірибені "
            "Маңғыстаумен бөлісуге дайын екенін жеткізді.")
    links = run(text, "kk", {mangystau: ("Маңғыстаумен",), batumi: ("Батумидің",), odesa: ("Одесса",),
                             ukraine: ("Украинаның",)}, date="2026-08-27")
    assert links == []
    # a country in the genitive before its own city only says where the city lies
    text = "2019 жылы Шымкент Түркияның Бурса қаласымен бауырлас қалалар туралы келісімге қол қойған."
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TURKEY: ("Түркияның",), BURSA: ("Бурса",)}, date="2026-08-27")
    assert triples(links) == {("partnership", "Shymkent", "Bursa")}


def test_a_city_and_the_region_named_after_it_in_kazakh_are_one_side():
    # GeoNames spells the town Mangistau and the region Mangystau: their Kazakh names say they are one side
    from dashboard.relations import _capital_of

    town = loc("gn:608668", "Mangistau", "city", "KZ", 43.69, 51.32, kk="Маңғыстау", ru="Мангистау")
    region = loc("adm:KZ-47", "Mangystau Region", "region", "KZ", 44.3, 53.5, kk="Маңғыстау облысы",
                 ru="Мангистауская область")
    assert _capital_of(town, region)
    assert not _capital_of(loc("gn:1", "Aktau", "city", "KZ", 43.65, 51.16, kk="Ақтау"), region)


def test_a_converb_clause_runs_on_into_the_signing_that_follows_kk():
    # "went to Bukhara and signed there": the converb's places are the signing's, one event
    bukhara = loc("gn:1217662", "Bukhara", "city", "UZ", 39.77, 64.42)
    text = ("Түркістан қаласының делегациясы Бұхара қаласына іссапармен барып, туризм және мәдениет салаларындағы "
            "ынтымақтастық туралы меморандумға қол қойды.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), bukhara: ("Бұхара",)}, date="2026-03-06")
    assert ("partnership", "Turkistan", "Bukhara") in triples(links)
    # "the two cities" are no province: the province the guests came from is not the signing's party
    gansu = loc("adm:CN-GS", "Gansu", "region", "CN", 36.0, 103.8)
    kyzylorda = loc("gn:1521406", "Kyzylorda", "city", "KZ", 44.85, 65.51)
    text = ("Қызылорда қаласына Қытайдың Ганьсу провинциясынан делегация келіп, екі қала арасында жаңа келісімге "
            "қол қойылды.")
    links = run(text, "kk", {kyzylorda: ("Қызылорда",), gansu: ("Ганьсу",)}, date="2026-03-06")
    assert ("partnership", "Kyzylorda", "Gansu") not in triples(links)


@pytest.mark.parametrize(("lang", "text", "names"), [
    # where the flight began, a stop named after it, says nothing of whose the travellers are
    ("kk", "Шымкент қаласының делегациясы Бурсаға сапармен барды. Делегация Бурсаға Алматыдан Стамбұл арқылы "
           "ұшып барып, қаладағы тоқыма фабрикаларында болды.",
     {SHYMKENT: ("Шымкент",), BURSA: ("Бурса",), ALMATY: ("Алматыдан",), ISTANBUL: ("Стамбұл",)}),
    ("en", "A Shymkent delegation travelled to Bursa this week. The delegation flew from Almaty via Istanbul and "
           "visited textile factories in Bursa on Tuesday.",
     {SHYMKENT: ("Shymkent",), BURSA: ("Bursa",), ALMATY: ("Almaty",), ISTANBUL: ("Istanbul",)}),
])
def test_where_a_route_began_is_no_side_of_the_storys_delegation(lang, text, names):
    links = run(text, lang, names, date="2026-03-06")
    assert {lk.home.name for lk in links} == {"Shymkent"}, triples(links)


def test_a_signing_that_runs_on_from_a_trip_has_the_trips_kazakh_side():
    # the delegation's own place is named only in the lead; "Анкарада болып, ... келісімге қол қойды" is one
    # subject's trip and signing, so the signing has the trip's Kazakh side and the trip folds into it
    text = ("Шымкент ғалымдары Түркиямен байланысты кеңейтуде\n\n"
            "Шымкент қаласының жоғары оқу орындары биыл шетелдік әріптестерімен байланысын едәуір кеңейтті. "
            "Педагогикалық университеттің делегациясы Түркия астанасы Анкарада болып, сейсенбі, 12 наурызда Анкара "
            "университетімен ғылыми ынтымақтастық туралы келісімге қол қойды, деп хабарлады университеттің баспасөз "
            "қызметі.")
    links = pipeline.analyze_text(text, name="t", date="2026-03-14").links
    assert triples(links) == {("partnership", "Shymkent", "Ankara")}


def test_talks_of_a_delegation_that_came_from_the_partner_are_its_visit_kk():
    # "Ташкенттен ... келген ... делегациясы": the place of origin stands a few words before its delegation
    text = ("Ташкенттен көрмеге арнайы келген фермерлер делегациясы тұқым, тыңайтқыш және суару техникасын жеткізу "
            "мәселелері бойынша Шымкенттің жергілікті кәсіпорындарымен келіссөздер жүргізді.")
    assert triples(run(text, "kk", {TASHKENT: ("Ташкенттен",), SHYMKENT: ("Шымкенттің",)}, date="2025-11-28")) == {
        ("visit", "Shymkent", "Tashkent")}


def test_a_cue_that_ends_in_its_verb_is_read_by_that_verb():
    # "өтетін" (which is held) qualifies the culture days inside the cue; the delegation's "қатысып" tells it
    # happened (days of culture are no forum whose venue the place would be)
    text = ("Өткен жылы маусымда Түркістан қаласының мәдениет қызметкерлерінен құралған делегация Хюэде өтетін "
            "дәстүрлі мәдениет күндеріне қатысып, қазақ өнерін көрсетті.")
    links = run(text, "kk", {TURKISTAN: ("Түркістан",), HUE: ("Хюэде",)}, date="2025-04-23")
    assert triples(links) == {("visit", "Turkistan", "Huế")}


def test_a_mission_named_by_its_division_noun_is_the_storys_travelling_party():
    # "облыстың іскерлер миссиясы" (the region's business mission): a travelling party, like a delegation, whose
    # Kazakh side is the region the story follows
    text = ("Түркістан облысы Пәкістанның Пенджаб провинциясымен ынтымақтастықты дамытып келеді.\n\n"
            "Өткен жылдың қарашасында облыстың іскерлер миссиясы Лахорда болып, жергілікті сауда-өнеркәсіп "
            "палатасымен келіссөздер жүргізген еді.")
    links = pipeline.analyze_text(text, name="t", date="2025-03-04").links
    assert ("visit", "Turkistan Region", "Lahore") in triples(links), triples(links)


def test_a_signing_after_a_converb_cut_inside_its_word_runs_on_from_the_talks():
    # the cue "кездес" ends inside "кездесіп": the whole word is the converb, so the protocol is the talks' sides'
    text = ("Моңғолияның Баян-Өлгий аймағының губернаторы Түркістанға 7 тамызда келді. Келесі күні губернатор "
            "Түркістан қаласының әкімімен кездесіп, мәдени ынтымақтастық туралы хаттамаға қол қойды.")
    links = pipeline.analyze_text(text, name="t", date="2025-08-10").links
    assert ("partnership", "Turkistan", "Bayan-Ölgiy") in triples(links), triples(links)


@pytest.mark.parametrize("text", [
    "Түркістан, 28 желтоқсан 2024 жыл. Сәуірде Түркістан облысының әкімі Конья губернаторымен келіссөздер "
    "өткізіп, мәдени мұра саласындағы ынтымақтастық туралы меморандумға қол қойды.",
    "Түркістан, 28 желтоқсан 2024 жыл. Сәуірде Түркістан облысы мен Конья провинциясы арасында келіссөздер өтіп, "
    "меморандумға қол қойылды.",
])
def test_a_signing_runs_on_from_talks_whose_light_verb_is_the_converb(text):
    # "келіссөздер өткізіп" (having held talks): the converb is the noun cue's light verb, a word after it; the
    # signing is the talks' outcome, one event of the strongest kind
    got = links(text)
    assert ("partnership", "Turkistan Region", "Konya Province") in got, got
    assert ("meeting", "Turkistan Region", "Konya Province") not in got, got


def test_talks_ended_by_a_finite_verb_do_not_lend_their_sides_across_a_clause_break():
    # "ал" (whereas) opens a clause of its own: the Kazakh ministry's memorandum is not the talks' agreement
    got = links("Түркістан, 28 желтоқсан 2024 жыл. Сәуірде Түркістан облысының әкімі Конья губернаторымен "
                "келіссөздер өткізіп, ал министрлік Ыстамбұлда бір компаниямен меморандумға қол қойды.")
    assert ("partnership", "Turkistan Region", "Konya Province") not in got, got


def test_kazakh_an_agreement_between_two_foreign_sides_is_theirs():
    got = links("Арыс, 2025 жылғы 30 шілде. Бұған дейін Ташкентте Кения мен Өзбекстанның ауыл шаруашылығы "
                "министрліктері арасында мақта өсіру туралы келісімге қол қойылған, ал қонақтар Қазақстандағы "
                "тәжірибені де көргісі келетінін айтты.")
    assert not any(k == "partnership" for k, _h, _p in got), got
    got = links("Түркістан, 2025 жылғы 30 шілде. Кеше Түркістан облысы мен Өзбекстанның Самарқанд облысы арасында "
                "ынтымақтастық туралы келісімге қол қойылды.")
    assert ("partnership", "Turkistan Region", "Samarkand Region") in got, got


def test_a_document_in_the_dative_is_signed_by_the_verb_at_the_clauses_end():
    # Kazakh puts the verb last: the signatories stand between the document ("құжатқа") and "қол қойды"
    got = links(
        "Шекарадағы комиссия\n\n"
        "Түркістан, 2024 жылғы 13 маусым. Кеше Сарыағашта Түркістан облысы мен көрші Ташкент облысының бірлескен "
        "комиссиясының кезекті отырысы өтті. "
        "Хаттамаға облыс әкімінің орынбасары Ерлан Сейітов пен Ташкент облысы хокимінің бірінші орынбасары "
        "Бахтияр Назаров қол қойды.")
    assert ("partnership", "Turkistan Region", "Tashkent Region") in got, got


def test_a_document_named_far_from_a_plan_is_still_no_signing():
    got = links(
        "Түркістан облысы мен Ташкент облысы\n\n"
        "Түркістан, 2024 жылғы 13 маусым. Хаттамаға облыс әкімінің орынбасары мен Ташкент облысы хокимінің "
        "бірінші орынбасары келесі айда қол қоюы тиіс.")
    assert not any(k == "partnership" for k, _h, _p in got), got


def test_kazakh_a_clause_opened_by_al_tells_its_own_predicate():
    # "..., ал Шымкент өзбек тарапымен ... талқылап отыр": the Kazakh place of a clause opened by "ал" ("while") is
    # no side of the agreement the clause before it tells
    got = links(
        "Шымкент делегациясы Ташкентте болды\n\n"
        "Шымкент, 12 наурыз 2025 жыл. Сейсенбіде Шымкент қаласының делегациясы Ташкент қаласында болып, қала "
        "хокимиятының өкілдерімен кездесті. Естеріңізге сала кетейік, Қырғызстанның Бішкек қаласы мен Ташкент "
        "облысы былтыр ынтымақтастық туралы меморандумға қол қойған, ал Шымкент өзбек тарапымен жаңа "
        "бағыттарды талқылап отыр.", date="2025-03-12")
    assert ("visit", "Shymkent", "Tashkent") in got, got
    assert not any(k == "partnership" for k, _h, _p in got), got


def test_kazakh_people_who_came_from_a_foreign_city_visited_the_kazakh_place_they_work_in():
    # "Ыстамбұл қаласынан келген ... хирургтердің тобы" (a group of surgeons who came from Istanbul): the past
    # participle of coming, before the people it tells of, is their visit; "келетін" (who will come) is a plan
    got = links(
        "Ыстамбұлдық хирургтер Түркістанда балаларға ота жасады\n\n"
        "Түркістан, 6 желтоқсан 2024 жыл. Дүйсенбіде Түркияның Ыстамбұл қаласынан келген балалар хирургтерінің "
        "тобы Түркістан қаласындағы облыстық балалар ауруханасында жұмысын бастады. Келесі жылы Анкарадан "
        "келетін кардиологтар Түркістанда шеберлік сабақтарын өткізеді.", date="2024-12-06")
    assert ("visit", "Turkistan", "Istanbul") in got, got
    assert not any(p == "Ankara" for _k, _h, p in got), got


def test_kazakh_people_who_went_to_a_foreign_city_visited_it():
    # "Лейпцигке барған топ" (the group that went to Leipzig): the past participle of going, before the party it
    # tells of, is that party's trip, as "келген" is of a party that came
    got = links(
        "Сайрам ауданының мұғалімдері Германиядан оралды\n\n"
        "Сайрам, 2 наурыз 2025 жыл. Сайрам ауданының он мұғалімі Германиядағы тағылымдамадан елге оралды. "
        "24 ақпанда Лейпцигке барған топ қаладағы кәсіптік колледждердің жұмысымен танысып, сабақтарға қатысты. "
        "Келесі жылы Дрезденге баратын мұғалімдер тобы қазір іріктеліп жатыр.", date="2025-03-02")
    assert ("visit", "Sayram District", "Leipzig") in got, got
    assert not any(p == "Dresden" for _k, _h, p in got), got


def test_a_fair_held_abroad_on_dates_written_before_held_is_a_venue_not_a_visit():
    # "Ыстамбұлда 12–15 наурыз аралығында өткен ... көрмесіне": the dates stand between the place and "өткен",
    # which still carries the place to the fair; attending it is no visit to Istanbul
    got = links(
        "Түркістандық тоқымашылар Ыстамбұлдан оралды\n\n"
        "Түркістан, 20 наурыз 2025 жыл. Ыстамбұлда 12–15 наурыз аралығында өткен халықаралық тоқыма көрмесіне "
        "Түркістан облысынан барған кәсіпкерлер тобы өз бұйымдарын ұсынып, жаңа тапсырыстар алды.",
        date="2025-03-20")
    assert not any(p == "Istanbul" for _k, _h, p in got), got


def test_a_fair_abroad_where_the_delegation_met_its_hosts_is_a_visit():
    # attending a fair held in a city is no visit to it, unless they met someone there: "Измирде өткен ...
    # жәрмеңкесіне қатысып, ... басшылығымен кездескен" is a visit
    got = links(
        "Сарыағаш делегациясы Түркиядан оралды\n\n"
        "Сарыағаш, 14 қазан 2025 жыл. Сарыағаш ауданының делегациясы Измирде өткен халықаралық туризм "
        "жәрмеңкесіне қатысып, Измир муниципалитетінің басшылығымен кездескен болатын.", date="2025-10-14")
    assert ("visit", "Saryagash District", "İzmir") in got, got


def test_a_visit_and_an_agreement_dated_on_following_days_are_one_event_beside_a_standing_twinning():
    # the twinning is a partnership of long standing; the delegation that came on 3 October and the roadmap
    # signed "next day, 4 October" are still one event: the roadmap
    got = dated_links(
        "Кентау мен Бурса бауырластығына он екі жыл\n\n"
        "Кентау, 6 қазан 2024 жыл. Кентау қаласы мен Түркияның Бурса қаласы арасындағы бауырластық қатынастарға "
        "он екі жыл толды. 3 қазанда, бейсенбі күні, Бурса делегациясы Кентауға келді. Келесі күні, 4 қазанда, "
        "тараптар ынтымақтастықтың жол картасына қол қойды.", date="2024-10-06")
    assert ("partnership", "Kentau", "Bursa", "2024-10-04") in got, got
    assert not any(k == "visit" for k, _h, _p, _d in got), got


def test_a_foreign_region_spelled_another_way_before_its_kazakh_noun_is_that_region_and_holds_its_capital():
    # "Ыссықкөл облысы" (the gazetteer spells it Ыстықкөл), "Селангор штаты" (indexed by its Latin name only): the
    # word before a division noun is compared with the divisions of the countries the article names
    trip = links(
        "Сарыағаш ауданының әкімі: біз курорттарымызды дамытамыз\n\n"
        "Сарыағаш, 20 қазан 2025 жыл. Аудан әкімі журналистерге берген сұхбатында өткен айдағы сапар туралы айтты. "
        "Қыркүйекте аудан делегациясы Қырғызстанның Ыссықкөл облысына барып, шипажайлардың жұмысымен танысты.")
    assert ("visit", "Saryagash District", "Issyk-Kul Region") in trip, trip
    assert not any(p == "Kyrgyzstan" for _k, _h, p in trip), trip
    signed = links(
        "Шымкент пен Шах-Алам меморандумға қол қойды\n\n"
        "Шымкент, 8 қараша 2024 жыл. Сапардың басты нәтижесі – Шымкент пен Малайзияның Селангор штатының астанасы "
        "Шах-Алам қаласы арасында 5 қарашада қол қойылған ынтымақтастық туралы меморандум.")
    assert ("partnership", "Shymkent", "Shah Alam") in signed, signed
    assert not any(p in ("Selangor", "Malaysia") for _k, _h, p in signed), signed


def test_people_who_came_from_a_foreign_region_and_are_at_a_kazakh_place_visited_it():
    got = links(
        "Баян-Өлгийлік жастар Ордабасыда демалды\n\n"
        "Ордабасы, 14 тамыз 2023 жыл. Моңғолиядағы Баян-Өлгий аймағынан келген жиырма бес оқушы Ордабасы "
        "ауданындағы «Қайнар» жазғы лагерінде бір апта демалып, тарихи жерлермен танысты.")
    assert ("visit", "Ordabasy District", "Bayan-Ölgiy") in got, got
    # goods that came from there are no visit
    goods = links(
        "Ордабасыға жаңа техника келді\n\n"
        "Ордабасы, 14 тамыз 2023 жыл. Моңғолиядағы Баян-Өлгий аймағынан келген жиырма бес вагон жүн Ордабасы "
        "ауданындағы фабрикаға жеткізілді.")
    assert not any(k == "visit" for k, _h, _p in goods), goods


def test_a_name_before_a_regions_noun_is_looked_for_among_regions_first():
    got = links(
        "Намибия делегациясы Созақта\n\n"
        "Созақ, 26 маусым 2025 жыл. Намибия Республикасының Эронго аймағынан келген делегация 25 маусымда Созақ "
        "ауданында болып, аудан әкімімен кездесті. Қонақтардың айтуынша, Эронго аймағындағы кеніштерде Қытай "
        "компаниялары да жұмыс істейді.")
    assert ("visit", "Sozak District", "Erongo") in got, got


def test_coming_to_a_view_is_no_journey():
    # "ортақ пікірге келіп" (came to a common view): "кел-" after a noun of a mind's state is an idiom; the
    # ambassador's invitation to Baku after it is a plan
    got = links(
        "Әзірбайжан елшісі Кентауда болды\n\n"
        "Кентау, 2025 жылғы 12 ақпан. Әзірбайжанның Қазақстандағы елшісі сейсенбі күні Кентау қаласының әкімімен "
        "кездесті. Кездесу соңында тараптар ынтымақтастықты кеңейту қажет деген ортақ пікірге келіп, елші "
        "қалалық мәслихат депутаттарын Бакуге шақырды.")
    assert ("meeting", "Kentau", "Azerbaijan") in got, got
    assert not any(k == "visit" for k, _h, _p in got), got


def test_a_stop_written_as_after_which_the_party_went_on_is_no_counterpart():
    # "Измирден кейін Бурсаға барып ... қол қойды": after Izmir, in Bursa, the agreement is Bursa's
    got = links(
        "Кентау делегациясы Түркияда\n\nКентау, 2025 жылғы 20 сәуір. Кентау қаласының делегациясы сейсенбі "
        "күні Измирге барып, қала мэриясының басшылығымен кездесті. Делегация Измирден кейін Бурсаға барып, "
        "бауырлас қала туралы келісімге қол қойды.")
    assert ("partnership", "Kentau", "Bursa") in got, got
    assert not any(k == "partnership" and p == "İzmir" for k, _h, p in got), got


def test_people_from_abroad_met_on_our_partys_trip_abroad_visited_no_kazakh_place():
    # at a fair in Tashkent, a businessman "who came from Istanbul" and is interested in building in Saryagash
    # came to Tashkent, not to Saryagash
    got = links(
        "Сарыағаш кәсіпкерлері Ташкент көрмесінде\n\nСарыағаш, 2025 жылғы 20 сәуір. Сарыағаш ауданының "
        "кәсіпкерлері сейсенбі күні Ташкентке барып, халықаралық көрмеге қатысты. Көрмеде Стамбұлдан келген "
        "кәсіпкер Мехмет Йылмаз журналистерге Сарыағаш ауданында шипажай салуға қызығушылық танытып отырғанын "
        "айтты.")
    assert not any(p == "Istanbul" for _k, _h, p in got), got


def test_back_from_a_course_held_abroad_the_course_is_followed_to_its_town():
    # "Кореяда өткен ... курсынан оралды": back from a course held in Korea; "Оқу ... Сеулде басталды": the course
    # (its noun the party) began in Seoul
    got = links(
        "Кентау мұғалімдері біліктілігін арттырды\n\nКентау, 2025 жылғы 20 мамыр. Кентау қаласындағы "
        "мектептердің сегіз мұғалімі Кореяда өткен екі апталық біліктілікті арттыру курсынан оралды. Оқу 5 "
        "мамырда Сеулде басталды, мұғалімдер алғашқы аптада цифрлық сабақ әдістерін үйренді.")
    assert ("visit", "Kentau", "Seoul") in got, got
    assert not any(p == "South Korea" for _k, _h, p in got), got


def test_a_speaker_is_no_side_of_a_foreign_pair_she_tells_of():
    # "Рахимова Наманган ... Бурса қаласымен бауырлас атанғанын айтты": what she said names both sides of the
    # twinning (Namangan and Bursa), so the speaker's district is none of them
    text = ("Сайрам Наманганмен\n\nСайрам ауданының әкімі Гүлнара Рахимова сейсенбіде Наманган қалалық кеңесінің "
            "делегациясын қабылдады. Рахимова Наманган бұған дейін Түркияның Бурса қаласымен бауырлас атанғанын, сол "
            "тәжірибе Сайрам үшін де пайдалы болатынын айтты.")
    got = links(text)
    assert ("visit", "Sayram District", "Namangan") in got, got
    assert not any(kind == "partnership" for kind, _h, _p in got), got


def test_a_speaker_is_the_side_of_an_agreement_she_tells_of_with_one_foreign_place():
    # "... Бурса қаласымен меморандумға қол қойылғанын айтты": what she said names one side; hers is the other
    text = ("Сайрам Наманганмен\n\nСайрам ауданының әкімі Гүлнара Рахимова сейсенбіде Наманган қалалық кеңесінің "
            "делегациясын қабылдады. Рахимова өткен жылы Бурса қаласымен меморандумға қол қойылғанын айтты.")
    assert ("partnership", "Sayram District", "Bursa") in links(text)


def test_guests_who_came_to_a_festival_from_abroad_and_were_received_visited():
    # "Фестивальге Анкарадан келген ... топты ... әкімі қабылдап": Ankara is where they came from, not the venue
    # of the festival they came to
    text = ("Шымкентте аспаздар фестивалі өтті\n\nФестивальге Анкарадан келген алты аспаздан тұратын топты 18 мамырда "
            "Шымкент қаласының әкімі қабылдап, қонақтармен бірге орталық алаңдағы жас аспаздардың сайысын тамашалады.")
    assert ("visit", "Shymkent", "Ankara") in links(text, date="2024-05-20")


@pytest.mark.parametrize("party", ["он бес дәрігері", "15 дәрігері", "жиырмаға жуық дәрігері", "бірнеше маманы"])
def test_a_counted_party_in_the_singular_travelled(party):
    # Kazakh counts with the singular ("он бес дәрігер", not "дәрігерлер"): a counted party of people went
    text = ("Түркістан облысының дәрігерлері Анкарада\n\nТүркістан, 2024 жылғы 20 наурыз. Өткен жылдың күзінде "
            f"облыстың {party} Анкараға барып, қала ауруханаларында екі апта тәжірибе алмасты.")
    assert ("visit", "Turkistan Region", "Ankara") in links(text), party


def test_one_person_of_a_trade_is_no_party_counted():
    # "облыстың дәрігері" without a count is one doctor, of whom the story says no more than that
    text = ("Түркістан дәрігерлері Анкарада\n\nТүркістан, 2024 жылғы 20 наурыз. Облыстың бас дәрігері Анкара "
            "ауруханаларының тәжірибесін мақтады.")
    assert not any(kind == "visit" for kind, _h, _p in links(text))


@pytest.mark.parametrize("verb", ["келген еді", "келген болатын"])
def test_a_visit_told_in_the_pluperfect_happened(verb):
    # "келген еді", "келген болатын" (had come): a past participle with its auxiliary tells a past event, as an
    # article recalling earlier contacts writes it
    text = ("Түрік мамандары Отырарда\n\nОтырар, 2023 жылғы 5 қыркүйек. Бурсадан мамандар Отырар ауданына алғаш рет "
            f"2019 жылы {verb}.")
    assert ("visit", "Otyrar District", "Bursa") in links(text)


def test_a_visit_in_the_pluperfect_under_a_plan_is_still_a_plan():
    text = ("Түрік мамандары\n\nОтырар, 2023 жылғы 5 қыркүйек. Бурсадан мамандар Отырар ауданына келесі жылы келуі "
            "тиіс еді.")
    assert not any(kind == "visit" for kind, _h, _p in links(text))


def test_the_country_of_a_place_passed_through_is_passed_through_too():
    # "Ресейдің Алтай Республикасы арқылы": the guests came through Russia's Altai Republic, not from Russia
    text = ("Моңғолиялық қонақтар Кентауда\n\nКентау, 2025 жылғы 21 наурыз. Өлгийден келген қонақтар Ресейдің Алтай "
            "Республикасы арқылы жер жолымен келді.")
    got = links(text)
    assert not any(p in ("Russian Federation", "Russia", "Altai Republic") for _k, _h, p in got), got


def test_kazakh_bare_party_noun_is_the_storys_party_after_our_envoys_talks():
    # Kazakh has no article: "ансамбль" bare, in the nominative, is the ensemble told of; our ambassador's talks
    # where he is posted, told in between, leave the district the story's side
    got = links(
        "Төлеби ансамблі Мысырда\n\nЛенгер, 2025 жылғы 27 қазан – Төлеби ауданының «Алатау» ансамблі Мысырда өткен "
        "мәдениет күндеріне қатысып, елге оралды.\n\n19 қазанда Қазақстанның Мысырдағы елшісі Мысыр мәдениет "
        "министрінің орынбасарымен кездесті.\n\n22 қазанда ансамбль Александрия қаласына барып, кітапхананың "
        "залында концерт берді.")
    assert ("visit", "Tolebi District", "Alexandria") in got, got
    assert not any(h == "Kazakhstan" and p == "Alexandria" for _k, h, p in got), got


def test_the_guests_named_by_their_country_going_to_a_town_written_with_its_noun_are_the_storys_guests():
    # "Арыс қаласына барып": the dative on the division noun writes the town as where the guests went, so the
    # "тәжік делегациясы" of the story about Dushanbe's deputies came from Dushanbe (the story also names Khujand)
    got = links(
        "Душанбе депутаттары Шымкентте\n\n"
        "Шымкент, 2022 жылғы 15 қараша. Тәжікстан астанасы Душанбе қаласы халық депутаттары Мәжілісінің делегациясы "
        "Шымкентке ресми сапармен келді. Кеше қала мәслихатында екі қаланың өкілді органдары арасындағы "
        "ынтымақтастық туралы келісімге қол қойылды.\n\n"
        "Бүгін таңертең тәжік делегациясы Түркістан облысына қарасты Арыс қаласына барып, жаңа мектепті аралады.\n\n"
        "Еске салайық, облыс бұрын Хұжанд қаласымен де байланыс орнатқан.")
    assert ("visit", "Arys", "Dushanbe") in got, got
    assert ("visit", "Arys", "Tajikistan") not in got, got


def test_the_document_signed_on_a_day_the_next_sentence_writes_dates_the_agreement_announced_before():
    # "Құжатқа 23 қарашада ... қол қойды": the document the lead announced was signed on the 23rd, within the
    # delegation's stay of 22-24 November (the visit's first day is no date of the signing)
    got = dated_links(
        "Түркістан мен Бурса тарихи мұраны бірлесіп сақтауға уағдаласты\n\n"
        "Түркістан, 2023 жылғы 28 қараша – Түркістан қаласы мен Түркияның Бурса қаласы мәдени туризмді дамыту "
        "саласындағы ынтымақтастық туралы меморандумға қол қойды. Құжатқа 23 қарашада Бурсада Түркістан қаласының "
        "әкімі Нұрлан Әбдікәрімов пен Бурса қаласы мэрінің орынбасары Осман Текин қол қойды.\n\n"
        "Түркістан делегациясы 22-24 қараша аралығында Бурсада болып, қаланың қалпына келтіру шеберханаларын "
        "аралады.")
    assert ("partnership", "Turkistan", "Bursa", "2023-11-23") in got, got


def test_people_who_came_from_abroad_at_a_body_of_a_kazakh_place_visited_it():
    # "Қазығұрт ауданының жастар орталығында": the genitive says whose, the possessed noun's locative where
    got = links(
        "Қазығұрт, 2022 жылғы 3 маусым. Германияның Лейпциг қаласынан келген үш жас ерікті биылғы сәуір айынан бері "
        "Қазығұрт ауданының жастар ресурстық орталығында ағылшын және неміс тілдерінен тегін үйірмелер жүргізіп жүр.")
    assert ("visit", "Kazygurt District", "Leipzig") in got, got


def test_a_party_that_took_part_in_something_held_abroad_and_came_home_was_there():
    # "... Ыстықкөл облысында өткен оқу-жаттығуға қатысып, елге оралды": took part in the exercise held in
    # Issyk-Kul region, then came home (the going home is the end of the trip, not a denial of it)
    got = links(
        "Шымкент, 2025 жылғы 16 қыркүйек – Шымкент қаласы Төтенше жағдайлар департаментінің 24 құтқарушысы "
        "Қырғызстанның Ыстықкөл облысында өткен халықаралық оқу-жаттығуға қатысып, елге оралды.")
    assert ("visit", "Shymkent", "Issyk-Kul Region") in got, got
