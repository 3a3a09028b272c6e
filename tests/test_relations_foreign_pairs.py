"""Two foreign sides signing with each other in a story about Kazakhstan's ties: their event, not ours, however
the sentence names them (bodies or officials of each, a Kazakh place said to take no part). Digest items written
for this test, run through the whole pipeline."""

from __future__ import annotations

import pytest
from _links import links

LEAD = {
    "ru": "Дайджест недели: Шымкент и Бухара подписали меморандум\n\nШымкент, 7 февраля 2025 года\n\n"
          "Шымкент и Бухара во вторник подписали меморандум о сотрудничестве в сфере туризма. ",
    "en": "Week in review: Shymkent and Bukhara sign a memorandum\n\nSHYMKENT, 7 February 2025\n\n"
          "Shymkent and Bukhara signed a memorandum on tourism on Tuesday. ",
    "kk": "Апта шолуы: Шымкент пен Бұхара меморандумға қол қойды\n\nШымкент, 2025 жылғы 7 ақпан\n\n"
          "Шымкент пен Бұхара сейсенбі күні туризм саласындағы ынтымақтастық туралы меморандумға қол қойды. ",
}


@pytest.mark.parametrize(("lang", "item"), [
    # the officials or the bodies of two foreign places are the subject: theirs, whatever else the clause names
    ("ru", "Без участия Казахстана в среду в Урумчи власти Урумчи и Бишкека подписали меморандум о прямом "
           "авиасообщении."),
    ("ru", "За пределами Казахстана в четверг было подписано ещё одно соглашение: в Душанбе мэр таджикской "
           "столицы и хоким Ташкента скрепили подписями договор о побратимстве двух столиц."),
    # Kazakh: two foreign places joined by "мен" open the clause, unmarked for case (the subject)
    ("kk", "Ыстамбұлда сәрсенбі күні Ыстамбұл мен Баку муниципалитеттері тарихи орталықтарды қалпына келтіру "
           "туралы хаттамаға қол қойды; бұл екі шетелдік қаланың келісімі, оған Қазақстан өңірлері қатыспайды."),
    # a two-letter name with its locative ending ("Ош|та") is the venue, not a third side
    ("kk", "Жұма күні Ошта Наманган мен Ош қалаларының басшылары туристік бағыттар туралы меморандумға қол қойды, "
           "алайда бұл құжатқа Қазақстан қатыспайды."),
])
def test_two_foreign_sides_signing_is_their_event(lang, item):
    got = links(LEAD[lang] + item)
    assert got == {("partnership", "Shymkent", "Bukhara")}, got


def test_the_officials_of_a_foreign_and_a_kazakh_place_are_still_our_tie_ru():
    got = links(LEAD["ru"] + "В четверг в Шымкенте мэр Бишкека и аким Шымкента подписали меморандум о "
                             "сотрудничестве в сфере транспорта.")
    assert ("partnership", "Shymkent", "Bishkek") in got, got


@pytest.mark.parametrize("text", [
    "Мэр Бурсы принял делегацию Шымкента\n\nШымкент, 12 марта 2025 года\n\n"
    "В понедельник делегацию Шымкента в ратуше принял мэр Бурсы Ахмет Йылмаз.\n\n"
    "Йылмаз незадолго до этого вернулся из Баку, где подписал соглашение о сотрудничестве в сфере логистики, "
    "и, по его словам, видит в Шымкенте следующего партнёра.",
    "The mayor of Bursa receives a Shymkent delegation\n\nSHYMKENT, 12 March 2025\n\n"
    "On Monday a Shymkent delegation was received at the city hall by Ahmet Yilmaz, the mayor of Bursa.\n\n"
    "Yilmaz had just returned from Baku, where he signed a logistics agreement, and he said he saw "
    "Shymkent as the next partner.",
])
def test_a_foreign_officials_own_journey_elsewhere_is_his_citys_trip(text):
    # the person recorded as the mayor of Bursa travelled to Baku: Bursa's trip, not a tie of Shymkent
    got = links(text)
    assert not any("Baku" in pair for pair in got), got
    assert ("visit", "Shymkent", "Bursa") in got, got


def test_a_foreign_delegation_spent_its_day_in_the_kazakh_place_named_where_it_was_en():
    # in a story that follows another Kazakh region, the town a foreign delegation spent its day in is its host
    got = links("Week in review: Kyzylorda talks water with its neighbours\n\nKYZYLORDA, 23 May 2025 — The akimat of "
                "Kyzylorda Region held a video conference with the government of Karakalpakstan on Wednesday to "
                "discuss water releases for the summer. Kyzylorda Region also hosted a seminar for farmers.\n\n"
                "A business delegation from Omsk spent Thursday in Pavlodar, touring a tractor plant and meeting "
                "local grain traders.")
    assert ("visit", "Pavlodar", "Omsk") in got, got
    assert not any(kind == "visit" and home == "Kyzylorda Region" for kind, home, _ in got), got


@pytest.mark.parametrize(("text", "expected"), [
    ("On the road with Shymkent's textile mission\n\nBURSA, 16 October 2024\n\n"
     "On Monday the Shymkent delegation toured two weaving mills in Bursa and met the city's mayor. That evening "
     "your correspondent watched from the back of the conference hall as the chamber signed a trade protocol with "
     "a business mission from Tbilisi.", {("visit", "Shymkent", "Bursa")}),
    ("С шымкентской делегацией в Казани\n\nКазань, 17 сентября 2024 года\n\n"
     "В понедельник делегация Шымкента прилетела в Казань и провела переговоры в мэрии. Там же, в актовом зале "
     "университета, корреспондент стал свидетелем того, как ректорат подписывал соглашение об обмене "
     "преподавателями с делегацией из Бишкека: шымкентские гости в церемонии не участвовали.",
     {("visit", "Shymkent", "Kazan")}),
])
def test_a_signing_watched_by_our_party_is_not_ours(text, expected):
    # the watchers are no party; the signing is between the hosts and a third foreign side
    assert links(text) == expected
