"""Event dates in English, Russian and Kazakh prose."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.dates import anaphoric_days, find_dates, find_periods, parse_iso


def one(text: str, lang: str, reference=None):
    (found,) = find_dates(text, lang=lang, reference=reference)
    return found


@pytest.mark.parametrize(("text", "lang", "reference", "iso", "iso_end", "has_year"), [
    ("Meeting of 29 September 2018 in the city", "en", None, "2018-09-29", "2018-09-29", True),
    ("on September 29, 2018, the President", "en", None, "2018-09-29", "2018-09-29", True),
    ("visited Shymkent on April 14 to", "en", "2025-04-20", "2025-04-14", "2025-04-14", False),
    ("Dec. 5, 2019", "en", None, "2019-12-05", "2019-12-05", True),
    ("8-11 июня состоялся визит", "ru", "2016-06-20", "2016-06-08", "2016-06-11", False),
    ("Астана. 12 февраля. KAZAKHSTAN TODAY", "ru", date(2026, 2, 12), "2026-02-12", "2026-02-12", False),
    ("12 февраля 2026 г. в Астане", "ru", None, "2026-02-12", "2026-02-12", True),
    ("к 1-го мая", "ru", "2020-06-01", "2020-05-01", "2020-05-01", False),
    ("2017 жылғы 20-23 наурыз аралығында", "kk", None, "2017-03-20", "2017-03-23", True),
    ("2025 жылғы 14 сәуірде делегация", "kk", None, "2025-04-14", "2025-04-14", True),
    ("5 мамырда делегация келді", "kk", "2020-05-30", "2020-05-05", "2020-05-05", False),
    ("с 1 по 3 июля делегация", "ru", "2025-07-04", "2025-07-01", "2025-07-03", False),
    ("from 1 to 3 July 2025", "en", None, "2025-07-01", "2025-07-03", True),
    ("18-19 ақпанда делегация", "kk", "2025-02-20", "2025-02-18", "2025-02-19", False),
    ("published 14.04.2025", "en", None, "2025-04-14", "2025-04-14", True),
    ("date 2025-04-14 ASTANA", "en", None, "2025-04-14", "2025-04-14", True),
])
def test_written_dates(text, lang, reference, iso, iso_end, has_year):
    found = one(text, lang, reference)
    assert (found.iso, found.iso_end, found.has_year) == (iso, iso_end, has_year)


def test_offsets_point_at_the_written_date():
    text = "Делегация прибыла 8-11 июня в Лондон."
    found = one(text, "ru", "2016-06-01")
    assert text[found.start:found.end] == "8-11 июня"
    assert (found.day, found.month, found.year) == (8, 6, None)


def test_day_and_month_without_reference_have_no_iso():
    found = one("10 июня делегация побывала в Лондоне", "ru")
    assert found.iso is None and not found.has_year and found.month == 6


def test_year_is_the_latest_up_to_a_month_after_the_article_date():
    # a report of 5 January about 28 December speaks of the previous year
    assert one("28 декабря прошла встреча", "ru", "2025-01-05").iso == "2024-12-28"
    assert one("On 3 January the akim will meet", "en", "2024-12-30").iso == "2025-01-03"
    # a November report recalling a March meeting: this year's March, though next March is nearer
    assert one("12 марта посол провёл переговоры", "ru", "2026-11-13").iso == "2026-03-12"


@pytest.mark.parametrize("text,lang,expected", [
    ("The memorandum was signed on Tuesday in the governor's office.", "en", "2026-10-06"),
    ("On Thursday the delegation flew on to the coast.", "en", "2026-10-08"),  # the report's own day
    ("Во вторник делегация прибыла в Гомель.", "ru", "2026-10-06"),
    ("Соглашение подписали в среду.", "ru", "2026-10-07"),
    ("Делегация сейсенбіде облыс әкімдігінде болды.", "kk", "2026-10-06"),
    # a past weekday said so ("last Monday") is the same day counted back
    ("Отметим, что в минувший понедельник дипломат встретился с акимом.", "ru", "2026-10-05"),
    ("В прошлую среду стороны подписали соглашение.", "ru", "2026-10-07"),
    ("Әкім өткен жұмада Өзбекстан елшісін қабылдады.", "kk", "2026-10-02"),  # "жұма", four letters, inflected
    ("Делегация жұма күні Ташкентке аттанды.", "kk", "2026-10-02"),
])
def test_a_weekday_is_the_latest_such_day_up_to_the_article_date(text, lang, expected):
    # the article is of Thursday, 8 October 2026
    assert one(text, lang, "2026-10-08").iso == expected


@pytest.mark.parametrize("text,lang", [
    ("The sides will meet again next Friday.", "en"),
    ("Среди гостей были предприниматели, работающие в среде малого бизнеса.", "ru"),
    ("Делегация келесі сейсенбіде келеді.", "kk"),
    ("On Tuesday, 6 October, the guests arrived.", "en"),  # the written date is the date: found once
])
def test_a_weekday_of_another_week_or_another_word_is_no_day_of_its_own(text, lang):
    found = find_dates(text, lang=lang, reference="2026-10-08")
    assert not any(f.counted_back for f in found), found


@pytest.mark.parametrize("text,lang", [
    ("The memorandum was signed on Tuesday last week in the governor's office.", "en"),
    ("The talks of Tuesday of last week ended with a memorandum.", "en"),
    ("Соглашение подписали во вторник на прошлой неделе.", "ru"),
    ("На прошлой неделе во вторник стороны подписали соглашение.", "ru"),
    ("Ал өткен аптаның сейсенбісінде облыс әкімі елшіні қабылдады.", "kk"),
])
def test_a_weekday_of_last_week_is_that_day_of_the_calendar_week_before(text, lang):
    # the article is of Thursday, 8 October 2026: this week's Tuesday is the 6th, last week's the 29th
    assert one(text, lang, "2026-10-08").iso == "2026-09-29"


def test_last_week_elsewhere_in_the_sentence_leaves_the_weekday_in_this_week():
    assert one("The memorandum was signed on Tuesday, and last week the guests toured the port.", "en",
               "2026-10-08").iso == "2026-10-06"


def test_a_first_name_is_no_friday():
    assert find_dates("Жұмабек Жұмағалиұлы делегацияны қарсы алды.", lang="kk", reference="2026-10-08") == []


def test_a_weekday_without_an_article_date_has_no_day():
    assert find_dates("The memorandum was signed on Tuesday.", lang="en") == []


@pytest.mark.parametrize("text", [
    "Since 2018, investments totaling $9 billion", "план мероприятий на 2026 год", "5 марок и 12 книг",
    "32 мая", "the 7-20-25 Program", "Шымкентте 200 мың адам",
])
def test_non_dates_are_ignored(text):
    assert find_dates(text, lang="ru", reference="2025-01-01") == []


def test_several_dates_in_text_order_without_overlaps():
    found = find_dates("On April 13 they went to Turkistan; on April 14, 2025 to Shymkent.", lang="en")
    assert [(f.iso, f.has_year) for f in found] == [(None, False), ("2025-04-14", True)]


def test_parse_iso():
    assert parse_iso("2025-04-14") == date(2025, 4, 14)
    assert parse_iso(None) is None and parse_iso("14 April") is None


def test_kazakh_year_first_with_the_genitive_year_word():
    found = find_dates("2024 жылдың 3–7 наурыз күндері делегация Ташкентте болды.", lang="kk")
    assert [d.iso for d in found] == ["2024-03-03"]


def test_periods_are_months_and_years_without_a_day():
    from dashboard.dates import find_periods

    def periods(text):
        return [(p.year, p.month) for p in find_periods(text)]

    assert periods("the work launched during his visit to Tyumen in April") == [(None, 4)]
    assert periods("В сентябре 2018 года делегация находилась с визитом") == [(2018, 9)]
    assert periods("2024 жылдың мамырында спикер келді") == [(2024, 5)]
    assert periods("a twinning agreement signed in 2014") == [(2014, None)]
    # a day-level date is find_dates' business; a plan's span of years and the modal "may" are no periods
    assert periods("on 3 October 2024 they met") == []
    assert periods("a roadmap for 2025-2027") == []
    assert periods("the sides may sign it") == []


def test_a_date_never_runs_across_a_line():
    from dashboard.dates import find_dates

    found = find_dates("22 мая 2018\n\n18 и 19 мая прошли Дни культуры.")
    # not "2018 18-19 May" across the blank line; without a reference the second has no year
    assert [(d.start, d.end, d.iso, d.has_year) for d in found] == [(0, 11, "2018-05-22", True),
                                                                    (13, 24, None, False)]


@pytest.mark.parametrize("text,expected", [
    ("в марте делегация вернулась", [(None, 3)]),
    ("в начале августа 2025 года", [(2025, 8)]),
    ("2024 жылдың мамырында", [(2024, 5)]),
    # a Russian month takes no Kazakh endings, and is written in lower case: these are names
    ("с депутатом Марибель Мартинес Руис", []),
    ("на сцену вышла Мая Плисецкая", []),
])
def test_months_and_years_as_periods(text, expected):
    assert [(p.year, p.month) for p in find_periods(text)] == expected


@pytest.mark.parametrize(("text", "lang", "iso"), [
    ("Yesterday the akim received the consul general of Türkiye.", "en", "2026-03-04"),
    ("The memorandum was signed the day before yesterday in Bursa.", "en", "2026-03-03"),
    ("Вчера в акимате области подписали дорожную карту.", "ru", "2026-03-04"),
    ("Позавчера делегация вернулась из Ташкента.", "ru", "2026-03-03"),
    ("Кеше облыс әкімі Корея елшісін қабылдады.", "kk", "2026-03-04"),
    ("Кешегі кездесуде тараптар меморандумға қол қойды.", "kk", "2026-03-04"),
])
def test_yesterday_counts_back_from_the_article_date(text, lang, iso):
    found = one(text, lang, "2026-03-05")
    assert (found.iso, found.counted_back) == (iso, True)


@pytest.mark.parametrize(("text", "lang"), [
    ("Астана. 12 февраля. KAZAKHSTAN TODAY", "ru"),  # a masthead, not a day
    ("According to Kazakhstan Today, the delegation left.", "en"),
    ("Бүгінгі таңда екі қала арасында тікелей рейс жоқ.", "kk"),  # "nowadays"
])
def test_today_inside_a_name_or_an_idiom_is_no_day(text, lang):
    found = find_dates(text, lang=lang, reference="2026-02-12")
    assert not any(f.counted_back for f in found), found


@pytest.mark.parametrize(("text", "lang", "year", "month"), [
    ("Last year the akim of Shymkent visited Bursa.", "en", 2025, None),
    ("Three years ago the two cities signed a twinning agreement.", "en", 2023, None),  # a count in words
    ("2 years ago the two cities signed a twinning agreement.", "en", 2024, None),
    ("Год назад Туркестан подписал соглашение о побратимстве.", "ru", 2025, None),
    ("В прошлом месяце делегация побывала в Казани.", "ru", 2026, 2),
    ("Былтыр облыс делегациясы Бурсада болды.", "kk", 2025, None),
    ("Өткен жылы екі қала меморандумға қол қойды.", "kk", 2025, None),
    # a month said with a year counted back is that month of that year, one period
    ("In October last year a Shymkent delegation toured the port of Mersin.", "en", 2025, 10),
    ("В октябре прошлого года костанайская делегация побывала в Минске.", "ru", 2025, 10),
    ("Өткен жылдың қазанында аудан делегациясы Ошқа барды.", "kk", 2025, 10),
])
def test_a_year_or_month_counted_back_from_the_article_date(text, lang, year, month):
    periods = find_periods(text, reference="2026-03-05")
    if year is None:
        assert periods == []
    else:
        assert [(p.year, p.month) for p in periods] == [(year, month)]


@pytest.mark.parametrize(("text", "lang", "iso"), [
    ("Бұл ұсынысты осы айдың 11-інде облыс әкімі айтқан еді.", "kk", "2026-02-11"),
    ("Делегация прибыла 11-го числа и пробыла в городе три дня.", "ru", "2026-02-11"),
])
def test_a_day_of_this_month(text, lang, iso):
    assert one(text, lang, "2026-02-20").iso == iso


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the same day, the next day, chained: each refers to the last day told before it
    ("The delegation arrived in Bursa on 14 May 2025 and toured the port. Later that day the akim met the "
     "governor, and the next day the sides signed a memorandum.", "en",
     ["2025-05-14", "2025-05-14", "2025-05-15"]),
    ("Делегация прибыла в Казань 3 июня 2025 года. На следующий день стороны подписали соглашение, "
     "а в тот же день аким встретился с ректором университета.", "ru", ["2025-06-03", "2025-06-04", "2025-06-04"]),
    ("Делегация 12 наурызда Бұхараға келді. Келесі күні екі тарап меморандумға қол қойды. Сол күні әкім "
     "хокиммен кездесті.", "kk", ["2025-03-12", "2025-03-13", "2025-03-13"]),
    # a count of days or a week on from the day told before
    ("On June 3 the akim received the ambassador of Malaysia, and a week later a delegation flew to Kuala Lumpur; "
     "two days later it signed a memorandum in Penang.", "en", ["2025-06-03", "2025-06-10", "2025-06-12"]),
    ("3 июня аким принял посла Малайзии, а через неделю делегация вылетела в Куала-Лумпур. Спустя три дня "
     "стороны подписали меморандум.", "ru", ["2025-06-03", "2025-06-10", "2025-06-13"]),
    ("3 маусымда әкім Малайзия елшісін қабылдады, ал бір аптадан кейін делегация Куала-Лумпурға барды. Екі "
     "күннен кейін меморандумға қол қойылды.", "kk", ["2025-06-03", "2025-06-10", "2025-06-12"]),
])
def test_a_day_told_by_the_day_before_it(text, lang, expected):
    found = find_dates(text, lang=lang, reference="2025-06-20")
    days = sorted([*found, *anaphoric_days(text, found, date(2025, 6, 20))], key=lambda d: d.start)
    assert [d.iso for d in days] == expected


@pytest.mark.parametrize(("text", "lang"), [
    # a written date beside it says the day itself
    ("Делегация прибыла 15 апреля 2025 года. На следующий день, 16 апреля, гости отправились в Рудный.", "ru"),
    ("Делегация прибыла 15 апреля 2025 года. В среду, на следующий день после подписания, гости уехали.", "ru"),
    # nothing told before it
    ("The same day the akim received the ambassador of Japan.", "en"),
    # "today" in a quote is the day of writing, not a day of the story
    ("«Сегодня мы открываем новую страницу», — сказал аким. В тот же день он встретился с консулом.", "ru"),
    # a count from an event it names itself
    ("Делегация вернулась 31 мая. Через два дня после нашего возвращения университет посетил посол.", "ru"),
])
def test_no_day_told_by_the_day_before_it(text, lang):
    found = find_dates(text, lang=lang, reference="2025-06-20")
    assert anaphoric_days(text, found, date(2025, 6, 20)) == []


@pytest.mark.parametrize(("text", "iso"), [
    ("Девятнадцатого сентября прошлого года хоким Ферганы приезжал в Шымкент.", "2024-09-19"),
    ("Соглашение подписали двадцать первого мая 2023 года в Казани.", "2023-05-21"),
    ("Третьего марта делегация вернулась домой.", "2025-03-03"),
    ("Четырнадцатого числа посол Польши встретился с акимом.", "2025-04-14"),  # of the article's month
])
def test_a_russian_day_written_as_an_ordinal_word(text, iso):
    assert one(text, "ru", "2025-04-20").iso == iso


def test_an_ordinal_word_without_a_month_is_no_day():
    assert find_dates("В тридцать первом году и на втором этапе переговоров", lang="ru", reference="2025-04-20") == []


@pytest.mark.parametrize("text", ["Посол прибыл 31-го числа.", "Посол прибыл тридцать первого числа."])
def test_a_day_of_this_month_that_the_month_lacks_is_no_day(text):
    # an April article: there is no 31 April, and the article must not fail for it
    assert find_dates(text, lang="ru", reference="2025-04-20") == []


@pytest.mark.parametrize(("text", "lang", "iso"), [
    # a relative year beside the day is its year, though the same day this year is no later than the article
    ("The akim recalled that a group from the city had gone to Izmir on 10 March last year.", "en", "2024-03-10"),
    ("The memorandum was signed on March 10 of last year.", "en", "2024-03-10"),
    ("Напомним, 12 сентября прошлого года делегация побывала в Ланьчжоу.", "ru", "2024-09-12"),
    ("В прошлом году 3 июня аким принимал посла Японии.", "ru", "2024-06-03"),
    ("Делегация вернулась 12 сентября позапрошлого года.", "ru", "2023-09-12"),
    ("Былтыр 5 наурызда екі қала келісімге қол қойды.", "kk", "2024-03-05"),
    # the Kazakh month's stem voiced before a vowel suffix: қыркүйек -> қыркүйегінде
    ("Өткен жылдың 12 қыркүйегінде әкім елшіні қабылдады.", "kk", "2024-09-12"),
    # no relative year beside it: the latest such day
    ("On 10 March, last year's agreement was renewed.", "en", "2025-03-10"),
])
def test_a_day_with_a_relative_year_beside_it(text, lang, iso):
    assert one(text, lang, "2025-11-13").iso == iso


@pytest.mark.parametrize(("text", "lang", "iso"), [
    # a retrospective sentence gives its year before the day: the month of a year, a year after "in", "в ... году"
    ("В апреле 2021 года делегация города провела в Самарканде три дня, с 5 по 7 апреля, изучая работу гостевых "
     "домов.", "ru", "2021-04-05"),
    ("In the autumn of 2022 a small delegation from Kentau flew to Sardinia, arriving in Carbonia on 17 September "
     "after a night in Rome.", "en", "2022-09-17"),
    ("Всё изменилось в 2019 году, когда группа предпринимателей 14 мая прибыла в Измир на ярмарку.", "ru",
     "2019-05-14"),
    ("2020 жылы Арыс әкімі бастаған шағын делегация 3 қазанда Оршаға барды.", "kk", "2020-10-03"),
    # "of that year", "того же года": the year last written, in any sentence before
    ("The twinning was first discussed in 2016. A delegation arrived in Borjomi on July 2 of that year and signed "
     "a memorandum the next morning.", "en", "2016-07-02"),
    ("Переговоры начались в 2017 году. Делегация прибыла в Ош 3 мая того же года.", "ru", "2017-05-03"),
    # a span, a plan's year or a name is no time of the sentence: the latest such day
    ("Since 2014 the two towns have exchanged school groups, and on 12 May another one arrived.", "en",
     "2025-05-12"),
    ("The 2019 agreement was followed on 12 May by a visit of the mayor.", "en", "2025-05-12"),
    ("Дорожная карта на 2026 год была подписана 12 мая в Ташкенте.", "ru", "2025-05-12"),
    # a year of another sentence is not this one's
    ("In 2018 the cities signed a memorandum. On 12 May the mayor came to Shymkent.", "en", "2025-05-12"),
])
def test_a_day_takes_the_year_its_sentence_gives(text, lang, iso):
    assert one(text, lang, "2025-11-13").iso == iso


@pytest.mark.parametrize(("text", "lang", "reference", "iso"), [
    # the month was written with its year in an earlier sentence: the day is of that month, in a story with or
    # without a date of its own
    ("Engineers from the city's water utility spent a week in Izmir in March 2023, studying how the Turkish city "
     "meters its supply. The group, led by the utility's director, arrived on 13 March and was received by the "
     "deputy mayor.", "en", None, "2023-03-13"),
    ("В октябре 2021 года ансамбль из Кентау впервые выступил в Казани. Музыканты прилетели 8 октября и дали три "
     "концерта.", "ru", "2025-11-13", "2021-10-08"),
    ("2022 жылдың мамырында Сайрам ауданының мұғалімдері Ош қаласында болды. Топ 16 мамырда мектептермен "
     "танысты.", "kk", None, "2022-05-16"),
    # another month, or another year written between: not that year
    ("Engineers spent a week in Izmir in March 2023. The group arrived on 13 April.", "en", None, None),
    ("The utility's engineers went to Izmir in March 2023; in 2024 the Turkish side came back. The director "
     "arrived on 13 March.", "en", None, None),
])
def test_a_day_takes_the_year_its_month_was_written_with(text, lang, reference, iso):
    assert [d.iso for d in find_dates(text, lang=lang, reference=reference)] == [iso]


def test_the_next_day_after_a_paragraph_of_recall_goes_on_from_the_storys_own_day():
    text = ("On Tuesday the delegation signed a memorandum in Bursa.\n\n"
            "The deputy mayor recalled that a Bursa delegation had first come to Shymkent on 12 May 2023.\n\n"
            "The next day the group took the train to Ankara.")
    found = find_dates(text, lang="en", reference="2024-10-18")
    (next_day,) = anaphoric_days(text, found, date(2024, 10, 18))
    assert next_day.iso == "2024-10-16"  # the Wednesday after that Tuesday, not 13 May 2023


def test_the_next_day_inside_the_paragraph_of_recall_is_of_the_recalled_time():
    text = ("On Tuesday the delegation signed a memorandum in Bursa.\n\n"
            "A Bursa delegation had first come to Shymkent on 12 May 2023, and the next day it toured the mills.")
    found = find_dates(text, lang="en", reference="2024-10-18")
    (next_day,) = anaphoric_days(text, found, date(2024, 10, 18))
    assert next_day.iso == "2023-05-13"


@pytest.mark.parametrize("text, year", [("бұдан он жыл бұрын қол қойылған", 2014), ("десять лет назад подписали", 2014),
                                        ("signed ten years ago", 2014), ("бірнеше жыл бұрын", 2022),
                                        ("a few years ago", 2022), ("бір жыл бұрын қол қойылған", 2023)])
def test_a_count_of_years_ago_written_in_words_counts_back_that_many(text, year):
    # (the "жыл бұрын" inside "он жыл бұрын" is no "a year ago"; "several" is at least two)
    assert [p.year for p in find_periods(text, reference=parse_iso("2024-10-10"))] == [year]


@pytest.mark.parametrize(("text", "lang", "reference", "iso"), [
    # a review of the year the headline names: its days are that year's, not the latest such day by the date
    ("Turkistan region's 2023 in review: record tourists and a mining-town pact\n\nThe region ends the year with a "
     "record. On 18 April a group of tourism officials travelled to Antalya.", "en", "2024-04-18", "2023-04-18"),
    ("Чем запомнился Шымкенту 2025-й\n\nОткрыл год визит из Турции: 21 января в Шымкент прибыла делегация "
     "провинции Кайсери.", "ru", "2025-12-26", "2025-01-21"),
    ("Шымкенттің 2024 жылғы халықаралық шежіресі\n\nЖыл Түркиядан келген қонақтармен ашылды: 21 қаңтарда "
     "Шымкентке Кайсери делегациясы келді.", "kk", "2024-12-28", "2024-01-21"),
    # a year the headline looks ahead to is no year of the body's days; nor is one long past
    ("Kentau plans for 2025\n\nOn 3 December the akim met the mayor of Karakol.", "en", "2024-12-27", "2024-12-03"),
    ("Twenty years since 2004\n\nOn 3 December the akim met the mayor of Karakol.", "en", "2024-12-27", "2024-12-03"),
])
def test_a_day_takes_the_year_of_a_review_its_headline_names(text, lang, reference, iso):
    assert [d.iso for d in find_dates(text, lang=lang, reference=reference)][-1] == iso


@pytest.mark.parametrize("text,expected", [
    # a year that bounds a span is no time an event happened: "a programme until 2025" was not signed in 2025
    ("Хоким Ташкента в Шымкенте: подписана программа сотрудничества до 2025 года", []),
    ("The programme runs until 2025", []),
    # the year a tie has lasted since is when it began
    ("The two cities have been partners since 2014", [(2014, None)]),
    ("Шымкент пен Ташкент 2025 жылға дейінгі бағдарламаға қол қойды", []),
    ("план мероприятий на 2026 год", []),
    # a year of time stays one
    ("Меморандум подписали в 2019 году", [(2019, None)]),
    ("The memorandum was signed in 2019", [(2019, None)]),
    ("Меморандумға 2019 жылы қол қойылды", [(2019, None)]),
])
def test_a_year_that_bounds_a_span_is_no_period(text, expected):
    assert [(p.year, p.month) for p in find_periods(text)] == expected
