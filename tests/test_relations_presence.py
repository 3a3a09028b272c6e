"""People at a place of the other side, told with no word of visiting: a group whose home the sentence writes ("a
group of doctors from Turkistan region", "врачи из Сеула", "the Shymkent youth boxing team") doing something at a
foreign place, or a foreign one's people at a Kazakh place, visited it; the place may be that of what they did
("began an internship in Seoul", "прошла стажировку в Сеуле"). Not a forum or exhibition merely attended, not a
doing only intended, not an ambassador at his posting, not people the sentence does not give a home. Articles
written for this test, in the style of regional reporting, run through the whole pipeline."""

from __future__ import annotations

import pytest
from _links import links


def test_english_a_group_from_a_kazakh_region_doing_an_internship_abroad_visited_that_city():
    got = links(
        "Turkistan cardiac surgeons look to Korea\n\n"
        "TURKISTAN, 20 December 2024 – The regional health department has signed up forty more nurses for its "
        "foreign training programme. In November a group of twelve doctors from the health department of Turkistan "
        "region began a two-week internship in Seoul, where they studied modern methods of cardiac rehabilitation, "
        "and the department hopes to send a second group to Busan next spring.")
    assert ("visit", "Turkistan Region", "Seoul") in got, got
    assert not any(p == "Busan" for _k, _h, p in got), got  # a hope, no trip


def test_english_a_team_named_for_its_city_spending_weeks_at_a_camp_abroad_visited_that_city():
    got = links(
        "Shymkent boxers return with medals\n\n"
        "SHYMKENT, 3 May 2025 – In April the Shymkent youth boxing team spent two weeks at a training camp in Baku, "
        "where it sparred with the Azerbaijani juniors, and its coach, Yerlan Mamyrov, said the boys had never "
        "worked so hard.")
    assert ("visit", "Shymkent", "Baku") in got, got


def test_english_an_orchestra_from_a_foreign_city_performing_in_a_kazakh_town_visited_it():
    got = links(
        "Kentau pupils learn from German musicians\n\n"
        "KENTAU, 2 October 2023 – The town's music school has a long memory of its European guests: in 2018 a youth "
        "orchestra from Dresden performed in Kentau and held workshops for local children, two of whom now play in "
        "the school's own ensemble.")
    assert ("visit", "Kentau", "Dresden") in got, got


def test_russian_surgeons_from_shymkent_training_in_seoul_visited_it():
    got = links(
        "Шымкентские хирурги внедряют корейские методики\n\n"
        "Шымкент, 12 апреля 2024 года. Сотрудничество городских медиков с Кореей имеет свою предысторию: еще в "
        "2019 году группа хирургов из Шымкента прошла месячную стажировку в Сеуле, а полученные тогда навыки, по "
        "словам врачей, позволили внедрить в городе ряд малоинвазивных операций.")
    assert ("visit", "Shymkent", "Seoul") in got, got


def test_russian_doctors_from_seoul_operating_in_a_turkistan_hospital_visited_turkistan():
    got = links(
        "Корейские врачи провели операции в Туркестане\n\n"
        "Туркестан, 14 марта 2025 года. На прошлой неделе врачи из Сеула провели двенадцать операций в областной "
        "больнице Туркестана, а местные хирурги ассистировали им и перенимали опыт.")
    assert ("visit", "Turkistan", "Seoul") in got, got


def test_russian_an_ensemble_on_tour_abroad_visited_the_city_of_its_concerts():
    got = links(
        "Домбристы Ордабасы готовятся к фестивалю\n\n"
        "Туркестан, 5 июня 2025 года. Ансамбль домбристов из Ордабасинского района уже представлял регион за "
        "рубежом: в 2021 году коллектив гастролировал по Монголии и дал три концерта в Улан-Баторе.")
    assert ("visit", "Ordabasy District", "Ulan Bator") in got, got


def test_no_visit_for_an_exhibition_attended_an_invitation_an_envoy_or_people_without_a_home():
    english = links(
        "Shymkent tour operators count the cost of fairs\n\n"
        "SHYMKENT, 10 May 2025 – In April tour operators from Shymkent presented their programmes at an exhibition "
        "in Istanbul, but no contracts followed. The consul invited exporters from Shymkent to an electronics fair in "
        "George Town in September.")
    assert not any(k == "visit" for k, _h, _p in english), english
    russian = links(
        "Посол Малайзии обсудил в Шымкенте развитие халал-индустрии\n\n"
        "Шымкент, 4 февраля 2025 года. «Азербайджанские реставраторы накопили огромный опыт в Баку и Шеки, и нам "
        "было бы полезно его использовать», — отметил аким города.")
    assert not any(k == "visit" for k, _h, _p in russian), russian


def test_guests_from_a_foreign_city_who_did_something_came_to_the_storys_place():
    # "guests" have come to a host: where the sentence names no Kazakh place, the story's own is theirs
    russian = links(
        "Латвийские профессора прочитали лекции в Шымкенте\n\n"
        "Шымкент, 6 февраля 2026 года. Всю эту неделю в педагогическом университете Шымкента шли открытые занятия "
        "для учителей городских школ. Гости из Риги провели курс по методике преподавания естественных наук. "
        "Весной университет отправит своих преподавателей на стажировку в Таллин.")
    assert ("visit", "Shymkent", "Riga") in russian, russian
    assert not any(p == "Tallinn" for _k, _h, p in russian), russian
    english = links(
        "Latvian professors lecture in Shymkent\n\n"
        "SHYMKENT, 6 February 2026 – All this week the pedagogical university of Shymkent has held open classes for "
        "teachers of the city's schools. The guests from Riga gave a course on teaching natural sciences.")
    assert ("visit", "Shymkent", "Riga") in english, english


def test_people_who_came_from_abroad_came_to_the_storys_place_in_three_languages():
    # no Kazakh place in the sentence: people "from" a foreign town who arrived, or met someone, came to the
    # place the story follows
    english = links(
        "Shymkent heart centre widens its foreign ties\n\n"
        "SHYMKENT, 7 March 2025 – The regional cardiology centre in Shymkent has spent the winter building ties "
        "with clinics abroad, its chief doctor, Marat Seitov, told reporters on Friday. A team of three heart "
        "surgeons from Ankara arrived on 4 February and operated alongside the centre's doctors for a week, he "
        "said, while a second team from Izmir is expected in the spring.")
    assert ("visit", "Shymkent", "Ankara") in english, english
    assert not any(p == "Izmir" for _k, _h, p in english), english  # expected: a plan
    russian = links(
        "Сарыагашский район принимает гостей\n\n"
        "Сарыагаш, 7 марта 2025 года. Аким Сарыагашского района рассказал журналистам о работе с зарубежными "
        "партнерами. В феврале из Ташкента приехали руководители нескольких санаториев и три дня знакомились с "
        "курортами района. В апреле район ждет туроператоров из Бишкека.")
    assert ("visit", "Saryagash District", "Tashkent") in russian, russian
    assert not any(p == "Bishkek" for _k, _h, p in russian), russian
    kazakh = links(
        "Кентауға тау-кен мамандары келді\n\n"
        "Кентау, 7 наурыз 2025 жыл. Кентау қаласының әкімі қаланың халықаралық байланыстары туралы айтып берді. "
        "Ақпанда Анкарадан тау-кен мамандары келіп, бірнеше кәсіпорынды аралады.")
    assert ("visit", "Kentau", "Ankara") in kazakh, kazakh


def test_people_from_abroad_who_met_someone_here_visited_and_ours_back_from_abroad_did_not():
    met = links(
        "Kentau hosts a music week\n\n"
        "KENTAU, 7 March 2025 – Kentau's akim spoke about the town's music week. Musicians from Bishkek, who "
        "played every evening on the central square, met pupils of the local music school on Thursday.")
    assert ("visit", "Kentau", "Bishkek") in met, met
    assert not any(k == "meeting" for k, _h, _p in met), met
    back = links(
        "Tolebi pupils win medals\n\n"
        "LENGER, 7 March 2025 – Good news came this week from Tolebi district. A team of schoolchildren came back "
        "on Tuesday from Kazan with two medals won at a robotics olympiad.")
    # our pupils home again are no people of Kazan who came here (and an olympiad attended is no visit)
    assert not any(p == "Kazan" for _k, _h, p in back), back
    russian_back = links(
        "Школьники Толебийского района вернулись с медалями\n\n"
        "Ленгер, 7 марта 2025 года. Хорошие новости пришли из Толебийского района. Команда школьников во вторник "
        "вернулась из Казани с двумя медалями олимпиады по робототехнике.")
    assert not any(p == "Kazan" for _k, _h, p in russian_back), russian_back


def test_people_from_a_place_came_from_its_country_not_from_a_place_of_another_they_passed_by():
    english = links(
        "Turkistan perinatal centre trains with Korean neonatologists\n\n"
        "TURKISTAN, 28 November 2024 – The Turkistan perinatal centre welcomes foreign colleagues, its chief "
        "doctor said on Thursday. In September a team of neonatologists from Seoul came to Turkistan for five "
        "days, straight from a similar mission in Ulaanbaatar.")
    assert ("visit", "Turkistan", "Seoul") in english, english
    assert not any(p == "Ulan Bator" for _k, _h, p in english), english
    russian = links(
        "Корейские неонатологи в Туркестане\n\n"
        "Туркестан, 28 ноября 2024 года. Перинатальный центр Туркестана принимает зарубежных коллег, рассказала "
        "главный врач. В сентябре в Туркестан приехала группа неонатологов из Сеула, сразу после такой же миссии "
        "в Улан-Баторе.")
    assert ("visit", "Turkistan", "Seoul") in russian, russian
    assert not any(p == "Ulan Bator" for _k, _h, p in russian), russian


def test_a_delegation_the_akim_receives_at_a_festival_at_home_came_for_it():
    russian = links(
        "В Туркестане открылся фестиваль народного творчества\n\n"
        "Туркестан, 13 сентября 2025 года. В пятницу, в день открытия фестиваля, аким Туркестанской области "
        "принял в Туркестане делегацию министерства культуры Венгрии во главе с заместителем министра.")
    assert any(k == "visit" and p == "Hungary" for k, _h, p in russian), russian
    assert not any(k == "meeting" for k, _h, _p in russian), russian


def test_people_sent_somewhere_went_there_and_goods_sent_or_people_to_be_sent_did_not():
    russian = links(
        "Туркестанская область отправила спасателей\n\n"
        "Туркестан, 20 февраля 2023 года. 8 февраля группа из 40 спасателей Туркестанской области была направлена "
        "в Анталью, где они работали десять дней. Кроме того, в Анталью отправлено 20 вагонов муки.")
    assert ("visit", "Turkistan Region", "Antalya") in russian, russian
    english = links(
        "Turkistan region sends rescuers\n\n"
        "TURKISTAN, 20 February 2023 – On 8 February Turkistan region sent a team of forty rescuers to Antalya.")
    assert ("visit", "Turkistan Region", "Antalya") in english, english
    kazakh = links(
        "Түркістан облысы құтқарушыларды жіберді\n\n"
        "Түркістан, 20 ақпан 2023 жыл. 8 ақпанда Түркістан облысының 40 құтқарушысы Түркияның Анталья қаласына "
        "жіберілді.")
    assert ("visit", "Turkistan Region", "Antalya") in kazakh, kazakh
    goods = links(
        "Гуманитарная помощь из Туркестанской области\n\n"
        "Туркестан, 20 февраля 2023 года. В рамках гуманитарной помощи из Туркестанской области в Анталью "
        "отправлено 20 вагонов муки.")
    assert not any(k == "visit" for k, _h, _p in goods), goods
    planned = links(
        "Түркістан облысы фермерлерді жібермек\n\n"
        "Түркістан, 20 ақпан 2023 жыл. Облыс әкімдігі келесі жылы фермерлердің шағын тобын Бразилияға жібермек.")
    assert not any(p == "Brazil" for _k, _h, p in planned), planned


@pytest.mark.parametrize("text", [
    "Shymkent, 5 September 2024. A delegation of the Shymkent sports department spent three days in Chuncheon "
    "last week, where it toured the city's training centres.\n\nAt the Asian Junior Wrestling Championships in "
    "Bishkek, which ended on Sunday, four wrestlers of the Shymkent sports school won bronze medals.",
    "Шымкент, 5 сентября 2024 года. Делегация управления спорта Шымкента на прошлой неделе провела три дня в "
    "Чхунчхоне, где осмотрела тренировочные центры города.\n\nНа чемпионате Азии среди юниоров в Бишкеке, "
    "который завершился в воскресенье, четыре борца шымкентской спортшколы завоевали бронзовые медали.",
])
def test_a_championship_abroad_merely_competed_at_is_no_stop_of_the_trip(text):
    # like a forum or a fair abroad: a named sports event is where its town is, not a stop of the party's trip
    got = links(text)
    assert ("visit", "Shymkent", "Chuncheon") in got, got
    assert not any(p == "Bishkek" for _k, _h, p in got), got


@pytest.mark.parametrize("text", [
    "Kentau, 26 February 2026 - The Kentau transformer plant has shipped its first order to Mongolia, the plant's "
    "director said. A group of engineers from Ulaanbaatar is expected in Kentau in April to inspect the next batch "
    "before it is shipped.",
    "Shymkent, 2 October 2025 - The Shymkent delegation signed an agreement with Chelyabinsk region at the forum in "
    "Orenburg. The Bashkortostan delegation, for its part, invited Shymkent businesses to Ufa for an agricultural "
    "exhibition next spring.",
])
def test_people_awaited_or_invited_somewhere_have_not_gone_there(text):
    # "is expected in Kentau", "invited ... to Ufa": the verb wants someone at the place; its subject went nowhere
    got = links(text)
    assert not any(k == "visit" and p in ("Ulan Bator", "Ufa") for k, _h, p in got), got


@pytest.mark.parametrize("text", [
    "Мырзакент, 15 мая 2020 г. Прорыв дамбы затопил несколько сёл района. В четверг делегация Сырдарьинской области "
    "Узбекистана привезла в Мактааральский район двадцать пять грузовиков с цементом и продуктами.",
    "Мырзакент, 15 мая 2020 г. Прорыв дамбы затопил несколько сёл района. В четверг врачи из Сырдарьинской области "
    "Узбекистана провели в Мактааральском районе приём пострадавших.",
])
def test_russian_people_of_a_foreign_region_and_its_country_came_from_the_region(text):
    # the region and the country it lies in are one home, the region's: "of Syrdarya region of Uzbekistan"
    got = links(text)
    assert ("visit", "Maktaaral District", "Syrdarya Region") in got, got
