"""Who made a journey: the owner of the means a trip came about by ("at the invitation of the compatriots") is
no traveller of its own; foreign guests who set off from the Kazakh city the story has them at, for a third
country, made a trip of theirs, not ours, and so did guests of one country flying to a city of it: they went
home. Talks on the sidelines of a forum abroad are a meeting with whom one met there, no part of the trip."""

from __future__ import annotations

import pytest
from _links import links


def test_the_compatriots_whose_invitation_took_a_craftsman_abroad_are_no_travellers_of_their_own():
    # "қандастардың шақыруымен" (at the invitation of the compatriots): the genitive owns the means of the trip;
    # before, the compatriots (kandas, who resettle: no official traveller) counted against the craftsman's visit
    text = ("Созақтық шебер Моңғолияда сабақ берді\n\nСозақ, 2025 жылғы 14 қазан. Созақ ауданының киіз үй шебері "
            "Ерлан Тұрсынбаев 2023 жылғы шілдеде Моңғолиядағы қандастардың шақыруымен Баян-Өлгий аймағына барып, "
            "бір ай бойы ондағы жас шеберлерге уық июді үйретті.")
    assert ("visit", "Sozak District", "Bayan-Ölgiy") in links(text)


def test_kandas_who_resettled_in_a_district_still_make_no_visit():
    text = ("Сайрамға қандастар көшіп келді\n\nСайрам, 2024 жылғы 3 наурыз. Өткен аптада Сайрам ауданына "
            "Моңғолиядан қырық қандас отбасы көшіп келді.")
    assert not any(kind == "visit" for kind, _home, _partner in links(text))


@pytest.mark.parametrize("text", [
    "Шаньдунская делегация в Шымкенте\n\nШымкент, 7 марта 2024 г. – Делегация китайской провинции Шаньдун во главе "
    "с вице-губернатором Ли Мином прибыла в Шымкент, где осмотрела химический кластер и провела переговоры в "
    "акимате. Из Шымкента гости отправились в Ташкент, где, по данным узбекских СМИ, также намерены обсудить "
    "проекты в химической промышленности.",
    "Шаньдунская делегация в Шымкенте\n\nШымкент, 7 марта 2024 г. – Делегация китайской провинции Шаньдун во главе "
    "с вице-губернатором Ли Мином прибыла в Шымкент, где осмотрела химический кластер и провела переговоры в "
    "акимате. Из Шымкента делегация отправилась в Ташкент.",
    "Shandong delegation in Shymkent\n\nSHYMKENT, 7 March 2024 - A delegation from China's Shandong province led by "
    "vice-governor Li Ming arrived in Shymkent on Wednesday, touring the chemical cluster and holding talks at the "
    "akimat. From Shymkent the guests flew to Tashkent, where they are due to discuss similar projects.",
])
def test_guests_who_leave_our_city_for_a_third_country_make_no_visit_of_ours(text):
    # the story follows foreign guests who came to our city, so "the guests" and "the delegation" setting off from
    # it are theirs; before, Shymkent was read as the Kazakh party's origin and Tashkent as its destination
    got = links(text)
    assert ("visit", "Shymkent", "Shandong") in got, got
    assert not any(p == "Tashkent" for _k, _h, p in got), got


def test_our_own_delegation_setting_off_from_home_still_makes_its_visit():
    text = ("Шымкентская делегация в Ташкенте\n\nШымкент, 7 марта 2024 г. – Делегация акимата Шымкента во главе с "
            "заместителем акима отправилась в Ташкент, где провела переговоры с хокимиятом узбекской столицы.")
    assert ("visit", "Shymkent", "Tashkent") in links(text)


def test_our_delegation_from_the_city_the_guests_visited_still_travels_for_us():
    # "a business delegation from Shymkent": the party's own place, not where the guests set off from (without that
    # reading, the Omani guests the story follows would make the trip theirs)
    text = ("Omani traders in Shymkent\n\nSHYMKENT, 22 April 2025 - An Omani trade mission led by a deputy minister "
            "spent Tuesday in Shymkent, where it held talks with the city's leadership, toured two industrial zones "
            "and, before leaving in the evening, saw the city sign a cooperation agreement with the port city of "
            "Sohar. In March a business delegation from Shymkent spent three days in Muscat, where, according to the "
            "akimat, it met the Omani Chamber of Commerce and visited the free zone at Duqm.")
    assert ("visit", "Shymkent", "Muscat") in links(text)


@pytest.mark.parametrize("text", [
    "Туркестан и Конья подписали меморандум\n\nТуркестан, 22 октября 2025 г. – Акимат Туркестанской области и "
    "губернаторство турецкой провинции Конья во вторник подписали меморандум о сотрудничестве в сфере "
    "сельхозмашиностроения. В среду утром турецкие гости вылетели в Стамбул, откуда отправятся домой.",
    "Turkistan and Konya sign a memorandum\n\nTURKISTAN, 22 October 2025 - The Turkistan region akimat and the "
    "governorship of Turkey's Konya province signed a memorandum on farm machinery on Tuesday. On Wednesday morning "
    "the Turkish guests flew to Istanbul.",
])
def test_guests_a_demonym_gives_a_country_who_fly_to_a_city_of_it_went_home(text):
    # "турецкие гости вылетели в Стамбул": the party is Turkey's, the place is in Turkey; before, it was read as a
    # leg of the trip of the story's Kazakh side
    got = links(text)
    assert not any(p == "Istanbul" for _k, _h, p in got), got
    assert any(k == "partnership" and h == "Turkistan Region" for k, h, _p in got), got


def test_our_own_party_flying_on_to_another_city_abroad_still_makes_a_leg():
    text = ("Туркестанская делегация в Турции\n\nТуркестан, 22 октября 2025 г. – Делегация Туркестанской области во "
            "вторник провела переговоры в Анкаре. В среду утром казахстанские гости вылетели в Стамбул.")
    assert ("visit", "Turkistan Region", "Istanbul") in links(text)


def test_guests_of_a_country_who_arrived_from_a_city_of_it_came_here():
    text = ("Malaysian rectors in Shymkent\n\nSHYMKENT, 15 November 2024 - Auezov University and a Malaysian technical "
            "university signed a memorandum on academic mobility on Thursday. The Malaysian guests arrived from Kuala "
            "Lumpur on Wednesday and spent two days touring the laboratories.")
    got = links(text)
    assert any(p in ("Kuala Lumpur", "Malaysia") for _k, _h, p in got), got


def test_talks_on_a_forums_sidelines_abroad_stay_a_meeting_beside_the_trip():
    # a delegation in Britain for a forum in London met Birmingham's council there ("форум аясында", within the
    # forum): Birmingham is whom it met, no town it went to, and the talks are no part of its trip to Manchester
    kk = links(
        "Шымкент делегациясы Ұлыбританияда\n\n"
        "Шымкент, 2025 жылғы 21 қараша. Шымкент қаласының делегациясы Ұлыбританияға жасаған бір апталық "
        "іссапарынан оралды. Қала әкімінің орынбасары бастаған топ 18 қарашада Лондонда өткен инвестициялық "
        "форумға қатысты.\n\n"
        "Форум аясында шымкенттік делегация Бирмингем қалалық кеңесінің өкілдерімен кездесті.\n\n"
        "19 қарашада делегация Манчестерге барып, қаланың көлік басқармасымен танысты.")
    assert ("meeting", "Shymkent", "Birmingham") in kk, kk
    assert ("visit", "Shymkent", "Manchester") in kk, kk
    en = links(
        "Shymkent officials in Britain\n\n"
        "SHYMKENT, 21 November 2025 - A delegation of Shymkent returned on Friday from a week-long trip to the "
        "United Kingdom, where it took part in an investment forum in London on 18 November.\n\n"
        "On the sidelines of the forum the delegation met representatives of Birmingham City Council.\n\n"
        "On 19 November the delegation travelled to Manchester to study the city's tram network.")
    assert ("meeting", "Shymkent", "Birmingham") in en, en
