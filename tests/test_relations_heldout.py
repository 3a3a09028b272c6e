"""Relation rules added after the held-out evaluation, each on sentences written for this test."""

from __future__ import annotations

from places import ALMATY, GANJA, OSH, SAMARKAND, SHYMKENT, TASHKENT, TURKISTAN, TURKISTAN_REGION, loc
from places import MANGYSTAU_REGION as MANGYSTAU
from places import TURKIYE as TURKEY
from test_relations import run, triples

ANKARA = loc("gn:323786", "Ankara", "city", "TR", 39.9, 32.9)
KYZYLORDA_REGION = loc("adm:KZ-43", "Kyzylorda Region", "region", "KZ", 44.8, 64.5)
XIAN = loc("gn:1790630", "Xi'an", "city", "CN", 34.3, 108.9)
AKTOBE_REGION = loc("adm:KZ-15", "Aktobe Region", "region", "KZ", 48.5, 58.5)
ORENBURG_REGION = loc("adm:RU-ORE", "Orenburg Oblast", "region", "RU", 52.0, 56.0)
GILAN = loc("adm:IR-GIL", "Gilan Province", "region", "IR", 37.3, 49.6)


def test_memorandum_signed_following_the_meeting_is_a_partnership_ru():
    links = run("По итогам встречи Шымкент и Ташкент подписали меморандум о сотрудничестве.", "ru",
                {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_memorandum_signed_following_the_meeting_is_a_partnership_kk():
    links = run("Кездесу қорытындысы бойынша Шымкент пен Ташкент арасында меморандумға қол қойылды.", "kk",
                {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_a_draft_discussed_at_the_meeting_is_no_new_meeting():
    text = ("Кездесуде Түркістан облысы мен Анкара арасындағы ынтымақтастық туралы келісімнің жобасы "
            "қаралды.")
    assert run(text, "kk", {TURKISTAN_REGION: ("Түркістан облысы",), ANKARA: ("Анкара",)}) == []


def test_kazakh_being_in_a_foreign_city_is_a_visit():
    text = "Шымкент қаласының делегациясы Самарқанд қаласында болып, көрмені аралады."
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), SAMARKAND: ("Самарқанд",)})
    assert triples(links) == {("visit", "Shymkent", "Samarkand")}


def test_an_event_that_took_place_at_home_is_no_visit():
    text = "Шымкентте болып өткен кездесуге Анкара қаласының өкілдері қатысты."
    assert ("visit", "Shymkent", "Ankara") not in triples(
        run(text, "kk", {SHYMKENT: ("Шымкентте",), ANKARA: ("Анкара",)}))


def test_video_conference_is_a_meeting():
    text = "Маңғыстау облысының әкімі Иранның Гилян провинциясының губернаторымен бейнеконференция өткізді."
    links = run(text, "kk", {MANGYSTAU: ("Маңғыстау облысының",), GILAN: ("Гилян провинциясының",)})
    assert triples(links) == {("meeting", "Mangystau Region", "Gilan Province")}


def test_signed_action_plan_is_a_partnership():
    text = "Ақтөбе облысы мен Орынбор облысы арасында іс-шаралар жоспарына қол қойылды."
    links = run(text, "kk", {AKTOBE_REGION: ("Ақтөбе облысы",), ORENBURG_REGION: ("Орынбор облысы",)})
    assert triples(links) == {("partnership", "Aktobe Region", "Orenburg Oblast")}


def test_planned_memorandum_far_from_the_plan_word_is_no_partnership():
    text = ("Келесі жылы Шымкент делегациясы Ош қаласына барып, бауырлас қалалар туралы меморандумға "
            "қол қоюды жоспарлап отыр.")
    assert run(text, "kk", {SHYMKENT: ("Шымкент",), OSH: ("Ош",)}) == []


def test_region_stands_for_its_namesake_city_and_absorbs_the_meeting():
    text = ("Түркістан облысының әкімі Анкара қаласының вице-мэрі бастаған делегацияны қабылдады. "
            "Қонақтар Түркістанға 14 мамырда келді. Түркия делегациясы Түркістанда студенттермен кездесті.")
    links = run(text, "kk", {TURKISTAN_REGION: ("Түркістан облысының",), TURKISTAN: ("Түркістанға", "Түркістанда"),
                             ANKARA: ("Анкара",), TURKEY: ("Түркия",)}, date="2025-05-15")
    assert triples(links) == {("visit", "Turkistan Region", "Ankara")}


def test_a_sentence_with_its_own_foreign_place_does_not_borrow_the_previous_visit():
    text = ("Шымкент қаласының делегациясы Сиань қаласына барды. "
            "Қызылорда облысының делегациясы Гәнжә қаласында болып, қала басшылығымен кездесті.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), XIAN: ("Сиань",), KYZYLORDA_REGION: ("Қызылорда облысының",),
                             GANJA: ("Гәнжә",)})
    assert triples(links) == {("visit", "Shymkent", "Xi'an"), ("visit", "Kyzylorda Region", "Ganja")}


def test_touristic_complex_is_not_about_tourists():
    text = "Делегация Шымкента посетила Самарканд и ознакомилась с работой туристического комплекса."
    links = run(text, "ru", {SHYMKENT: ("Шымкента",), SAMARKAND: ("Самарканд",)})
    assert triples(links) == {("visit", "Shymkent", "Samarkand")}



def test_the_parties_sign_in_a_sentence_without_places():
    text = "Shymkent officials visited Tashkent on May 3. The parties signed a memorandum of cooperation."
    links = run(text, "en", {SHYMKENT: ("Shymkent",), TASHKENT: ("Tashkent",)})
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}  # the visit's outcome: one event


def test_two_kazakh_sides_joined_by_and_both_link():
    text = "Delegations of Shymkent and Turkistan region visited Samarkand for an investment forum."
    links = run(text, "en", {SHYMKENT: ("Shymkent",), TURKISTAN_REGION: ("Turkistan region",),
                             SAMARKAND: ("Samarkand",)})
    assert triples(links) == {("visit", "Shymkent", "Samarkand"), ("visit", "Turkistan Region", "Samarkand")}


def test_the_two_cities_refer_to_the_last_agreement_not_the_last_trip():
    text = ("Шымкент пен Ташкент арасында меморандумға қол қойылды. Делегация Самарқанд қаласында болды. "
            "Меморандум аясында екі қала жастар алмасуын ұйымдастырады.")
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",), SAMARKAND: ("Самарқанд",)})
    assert ("partnership", "Shymkent", "Samarkand") not in triples(links)


def test_tourists_a_few_words_after_the_verb_are_no_delegation():
    text = "В 2024 году Шымкент посетили более 150 тысяч иностранных туристов, в основном из Узбекистана."
    uzbekistan = loc("cc:UZ", "Uzbekistan", "country", "UZ", 41.0, 64.0)
    assert run(text, "ru", {SHYMKENT: ("Шымкент",), uzbekistan: ("Узбекистана",)}) == []


def test_a_foreign_consuls_posting_in_kazakhstan_is_not_the_kazakh_side():
    almaty, turkey = ALMATY, TURKEY
    text = ("Делегация Туркестанской области посетила Анкару 3 сентября. "
            "Кроме того, аким встретился с генеральным консулом Турции в Алматы.")
    links = run(text, "ru", {TURKISTAN_REGION: ("Туркестанской области",), ANKARA: ("Анкару",),
                             turkey: ("Турции",), almaty: ("Алматы",)})
    assert ("meeting", "Almaty", "Türkiye") not in triples(links)
    assert ("visit", "Turkistan Region", "Ankara") in triples(links)
