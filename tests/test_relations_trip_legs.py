"""The stops of a trip abroad told with no word of visiting ("the group drove south to X", "казахстанцы
перелетели в X", "делегация X-қа жетті"): read from the sentence's structure (a party as the subject, the place
as the destination or location of its predicate), while the story follows a Kazakh side's trip abroad.
Articles written for this test, run through the whole pipeline (real gazetteer and models)."""

from __future__ import annotations

import pytest
from _links import dated_links, links

# ------------------------------------------------------------------------------------------ English


def test_english_the_groups_next_stop_is_a_visit_of_the_trips_side():
    got = links(
        "Shymkent officials tour South Korea\n\n"
        "SHYMKENT, 14 May 2025 – A delegation of Shymkent led by deputy akim Daulet Kasymov spent the past week "
        "in South Korea, the city's press service said on Wednesday.\n\n"
        "The programme opened in Seoul with a seminar for exporters of cotton yarn and dried fruit.\n\n"
        "On the third day the group drove south to Gyeongju, where local officials showed the guests how the old "
        "royal quarter had been turned into a museum district.")
    assert ("visit", "Shymkent", "Gyeongju") in got, got


def test_english_a_party_named_in_the_sentence_starts_the_trip():
    got = links(
        "The delegation of the Turkistan region, eleven officials and hotel owners led by deputy akim Ruslan "
        "Tokenov, flew out through Istanbul and landed in Tbilisi in the early hours of Monday, 6 October 2025. "
        "On Wednesday the Kazakh group reached Kutaisi, whose city hall had prepared a presentation of the "
        "industrial zone.")
    assert ("visit", "Turkistan Region", "Tbilisi") in got, got
    assert ("visit", "Turkistan Region", "Kutaisi") in got, got
    assert not any(p == "Istanbul" for _k, _h, p in got), got  # a connection, no stop


def test_english_a_foreign_partys_journey_is_not_the_trips_stop():
    got = links(
        "A delegation from Gaziantep arrived in Shymkent on 3 June 2025 for three days of talks on textiles. "
        "On the last day the guests drove on to Tashkent, where they were expected at a trade fair.")
    assert not any(p == "Tashkent" for _k, _h, p in got), got  # their journey, not a Kazakh side's trip


def test_english_a_stop_hoped_for_is_no_visit():
    got = links(
        "A delegation of Shymkent spent three days in Uzbekistan in March 2025, holding talks in Tashkent on "
        "cross-border trade. The group hopes to travel to Samarkand in the autumn, when the new railway opens.")
    assert not any(p == "Samarkand" for _k, _h, p in got), got


# ------------------------------------------------------------------------------------------ Russian


def test_russian_the_party_flew_on_to_another_city():
    got = links(
        "Шымкент, 26 мая 2025 года. Делегация акимата Шымкента во главе с заместителем акима Ержаном Бекетовым "
        "с 19 по 23 мая находилась с рабочим визитом в Китае.\n\n"
        "В понедельник казахстанцы провели переговоры в Урумчи с руководством торговой палаты.\n\n"
        "В среду казахстанцы перелетели в Ланьчжоу, где им показали логистический центр.")
    assert ("visit", "Shymkent", "Lanzhou") in got, got


def test_russian_the_party_was_in_a_city_by_nightfall():
    got = links(
        "Туркестан, 12 февраля 2025 года. Делегация Туркестанской области во главе с заместителем акима "
        "Маратом Сатыбалдиевым на прошлой неделе побывала в Кыргызстане.\n\n"
        "Утром гости пересекли границу, а к ночи они были в Оше.")
    assert ("visit", "Turkistan Region", "Osh") in got, got


def test_russian_coming_back_to_a_city_is_no_new_stop():
    got = links(
        "Делегация Шымкента 4 июня 2025 года посетила Ташкент, где обсудила поставки хлопка.\n\n"
        "Вечером делегация вернулась в Алматы, а на следующий день – в Шымкент.")
    assert not any(p == "Almaty" for _k, _h, p in got), got


def test_russian_what_someone_saw_in_a_hypothetical_is_no_stop():
    got = links(
        "Делегация маслихата Шымкента в конце ноября 2024 года побывала в Беларуси.\n\n"
        "Лучшим итогом было бы, если бы наши депутаты смогли применить дома то, что увидели в Гомеле.")
    assert not any(p in ("Gomel", "Homyel'") for _k, _h, p in got), got


# ------------------------------------------------------------------------------------------ Kazakh


def test_kazakh_the_party_reached_a_city_with_a_verb_of_arriving():
    got = links(
        "Шымкент, 2025 жылғы 20 қазан. Шымкент қаласы әкімінің орынбасары бастаған делегация 12 қазанда "
        "Пәкістанға іссапармен барды.\n\n"
        "Алғашқы күні делегация Лахорда қала басшылығымен кездесті.\n\n"
        "Бейсенбі күні делегация Исламабадқа жетті.")
    assert ("visit", "Shymkent", "Islamabad") in got, got


def test_kazakh_the_people_of_a_town_reached_a_city_whose_noun_takes_the_case():
    got = links(
        "Арыс, 2025 жылғы 16 шілде. Арыс қаласының делегациясы 7 шілдеде Германияға барды.\n\n"
        "Бейсенбі күні арыстықтар Германияның Дуйсбург қаласына жетті.")
    assert ("visit", "Arys", "Duisburg") in got, got


def test_kazakh_a_stop_ahead_is_no_visit():
    got = links(
        "Шымкент қаласының делегациясы 2025 жылғы 12 қазанда Пәкістанға барды.\n\n"
        "Келесі аптада делегация Исламабадқа барады.")
    assert not any(p == "Islamabad" for _k, _h, p in got), got


def test_kazakh_a_city_named_before_a_genitive_noun_is_no_stop():
    got = links(
        "Түркістан облысының делегациясы 2025 жылғы маусымда Жапонияға барды.\n\n"
        "Университет ректоры келесі жылы Сендайға студенттердің алғашқы тобын жіберуге үміттенеді.")
    assert not any(p == "Sendai" for _k, _h, p in got), got



def test_russian_the_party_moved_on_to_another_city_by_train():
    # (after a signing, not a visit, the story follows no trip: the verb of moving is the cue by its lemma)
    got = links("Туркестан, 2 июня 2025 года. 27 мая в Сиане аким Туркестанской области и вице-губернатор провинции "
                "Шэньси подписали соглашение о сотрудничестве. 28 мая делегация переехала скоростным поездом в "
                "Ланьчжоу, где осмотрела тепличные комплексы.")
    assert ("visit", "Turkistan Region", "Lanzhou") in got, got


def test_english_a_place_travelled_through_is_no_side():
    got = links("SHYMKENT, September 17, 2025 - A group of entrepreneurs from Lahore arrived in Shymkent for the "
                "investment forum on Tuesday. Most of the Pakistani guests travelled to Kazakhstan through "
                "Tashkent, because there is still no direct flight.")
    assert ("visit", "Shymkent", "Lahore") in got, got
    assert not any(p == "Tashkent" for _k, _h, p in got), got


def test_english_a_foreign_partys_own_trip_abroad_is_not_ours():
    # the Penang side's delegation went to Jakarta: a story about Shymkent does not make it Shymkent's
    got = links("SHYMKENT, 12 June 2025 - The akim of Shymkent held a video-conference with the Chief Minister of "
                "the Malaysian state of Penang on Thursday. The Penang side also told the akim that its delegation "
                "had just returned from a halal trade fair in Jakarta, and suggested that Shymkent companies take "
                "part in the same fair next year.")
    assert ("meeting", "Shymkent", "Pulau Pinang") in got, got
    assert not any(k == "visit" for k, _h, _p in got), got


@pytest.mark.parametrize(("sentence", "partner"), [
    ("A team of six surgeons from Daegu spent April 22 to 24 in Shymkent, operating with local colleagues.",
     "Daegu"),
    ("The group from Shymkent spent the first three days in Kecskemét before driving on.", "Kecskemét"),
])
def test_english_time_spent_in_a_place_is_a_visit_whatever_the_words_for_the_time(sentence, partner):
    got = links("SHYMKENT, April 25, 2025 - " + sentence)
    assert ("visit", "Shymkent", partner) in got, got


def test_english_money_spent_in_a_place_is_no_visit():
    got = links("SHYMKENT, April 25, 2025 - The akimat of Shymkent spent two million tenge in Bursa on the stand.")
    assert not got, got


def test_russian_a_city_flown_to_and_left_at_once_by_road_is_a_stopover():
    got = links("Туркестан, 20 апреля 2025 года. 16 апреля делегация Сайрамского района вылетела в Баку, оттуда на "
                "машинах добралась до Гянджи, а на следующий день подписала меморандум с мэрией.")
    assert ("partnership", "Sayram District", "Ganja") in got, got
    assert not any(p == "Baku" for _k, _h, p in got), got


def test_english_a_crossing_by_ferry_to_a_city_is_the_trips_stop_and_there_it_signed():
    got = links(
        "Three cities in five days\n\nANKARA, 18 October 2024\n\n"
        "The Shymkent delegation landed in Istanbul early on Monday and spent the day in talks with exporters. "
        "On Tuesday the delegation crossed the Sea of Marmara by ferry to Bursa, a city that has courted "
        "Shymkent for years. There the sides signed a memorandum on textile trade.")
    # "by ferry to Bursa": the journey is the verb's, the vehicle only carries the destination
    assert ("partnership", "Shymkent", "Bursa") in got, got
    assert ("partnership", "Shymkent", "Istanbul") not in got, got


def test_english_the_storys_first_journey_is_of_the_side_its_lead_follows_and_the_akim_is_that_sides():
    got = links(
        "On the road in Hungary with a delegation from Arys\n\nBUDAPEST, 14 March 2025\n\n"
        "A grey Monday in Budapest was not the welcome the delegation from Arys had hoped for, but the akim of the "
        "railway town shrugged it off. On Tuesday the delegation drove an hour south to Kecskemét, the town the "
        "akim had in mind from the start. There the akim and the mayor of Kecskemét signed a memorandum on "
        "vocational training.")
    # no event has set a side before the leg: the one Kazakh side of the headline and lead is the party's, and
    # "the akim" with no place of his own, abroad with it, signs for it
    assert ("partnership", "Arys", "Kecskemét") in got, got


# --------------------------------------------------------------- a stop in a sentence with a cue of its own


def test_english_a_stop_told_beside_a_word_of_the_tour_is_the_trips_side():
    # "the tour" is a cue the events machinery reads, and finds no Kazakh side in the sentence: the group is
    # still the story's own party, whose trip the lead told
    got = links(
        "Kentau builders come home from Poland with ideas for the old town\n\n"
        "KENTAU, 20 May 2025 – Twelve engineers and foremen from Kentau returned on Sunday from a study tour of "
        "Poland, which the city akimat organised with the help of a construction chamber in Katowice.\n\n"
        "\"We went to see how a mining town lives after the mines,\" deputy akim Marat Sadykov said.\n\n"
        "On the last day of the tour, 16 May, the group stopped in Gliwice to see how old factory halls had been "
        "turned into offices and a concert venue, which several of the engineers called the most useful part "
        "of the programme.")
    assert ("visit", "Kentau", "Gliwice") in got, got


def test_russian_a_stop_told_beside_a_meeting_is_the_trips_side():
    got = links(
        "Сарыагаш, 12 апреля 2025 года. На прошлой неделе через пункт пропуска «Жибек жолы» проехала делегация "
        "Сарыагашского района во главе с акимом района Бахытжаном Есеновым, и потом аким признавался, что сорок "
        "минут на границе стали для него лучшим аргументом в переговорах с соседями.\n\n"
        "Во вторник, 8 апреля, члены делегации были в Андижане, где провели встречи в торговой палате и "
        "осмотрели оптовый рынок, откуда в Казахстан везут овощи и сухофрукты.")
    assert ("visit", "Saryagash District", "Andijon") in got, got


def test_english_a_meeting_planned_on_the_tour_is_no_stop():
    got = links(
        "Kentau builders come home from Poland with ideas for the old town\n\n"
        "KENTAU, 20 May 2025 – Twelve engineers and foremen from Kentau returned on Sunday from a study tour of "
        "Poland, which the city akimat organised with the help of a construction chamber in Katowice.\n\n"
        "Next year the group hopes to stop in Gliwice on a second tour, to meet the city's architects.")
    assert not any(p == "Gliwice" for _k, _h, p in got), got


# ------------------------------------------------- events of a trip abroad told with no Kazakh side in them


def test_kazakh_talks_and_a_signing_in_towns_of_the_trip_are_the_trips_party():
    got = links(
        "Шымкент, 25 қараша 2025 жыл. Шымкент қалалық су басқармасының мамандары 16-20 қараша аралығында "
        "Израильде болды.\n\n"
        "17 қарашада Тель-Авивте мамандар қала муниципалитетінің су бөлімімен кездесіп, ағып кетуді анықтау "
        "жүйесінің жұмысын көрді.\n\n"
        "19 қарашада Хайфада меморандумға қол қойылды.")
    assert ("visit", "Shymkent", "Tel Aviv") in got, got  # talks on the trip: its visit to the town
    assert ("partnership", "Shymkent", "Haifa") in got, got  # signed there, with no counterpart named


def test_english_an_agreement_with_a_towns_body_on_the_trip_is_with_that_town():
    got = links(
        "Kentau, 25 November 2025. A delegation of the Kentau city akimat spent five days in Poland last week, "
        "visiting vocational schools in Katowice.\n\n"
        "On Wednesday a memorandum on vocational training was signed with the chamber of crafts of Gliwice.")
    assert ("partnership", "Kentau", "Gliwice") in got, got


def test_russian_a_foreign_towns_own_agreement_told_on_the_trip_is_no_link():
    got = links(
        "Шымкент, 25 ноября 2025 года. Делегация акимата Шымкента с 16 по 20 ноября находилась с рабочим визитом "
        "в Польше, где провела переговоры в Гданьске.\n\n"
        "Как отметили в акимате, Краков в прошлом году подписал аналогичный документ с Вильнюсом.")
    assert not any(p in ("Kraków", "Vilnius") for _k, _h, p in got), got  # (the akimat is only the source)


def test_kazakh_a_converbs_journey_takes_the_tense_of_its_clauses_verb():
    got = links(
        "Шымкент, 12 қараша 2025 жыл. Шымкент әкімдігінің делегациясы Мысырға барды.\n\n"
        "Жексенбі күні, 9 қарашада, ансамбль Александрияға барып, қаланың мәдениет орталығында концерт берді.")
    assert ("visit", "Shymkent", "Alexandria") in got, got


@pytest.mark.parametrize("text", [
    # the venue of a contest attended, told by "held in": no stop of a journey
    "Түркістан, 14 сәуір 2025 жыл. Өткен айда Түркістан қаласының мектеп оқушылары Дубайда өткен халықаралық "
    "робототехника жарысында үшінші орын алды.",
    # a planned internship, put off
    "Кентау, 21 мамыр 2025 жыл. Кентау колледжі студенттерінің Дрезденге жоспарланған тағылымдамасы визалық "
    "мәселелерге байланысты кейінге қалдырылды.",
])
def test_kazakh_a_contest_venue_and_a_planned_trip_are_no_visits(text):
    got = links(text)
    assert not any(k == "visit" for k, _h, _p in got), got


# ------------------------------------------ the story's own party named by a plain noun of people on the trip


def test_english_the_childrens_stop_on_the_ensembles_tour_is_a_visit():
    got = links(
        "Kentau, 9 October 2023. The folk ensemble of the Kentau music school came home on Saturday from a "
        "two-week tour of Germany, the culture department reported.\n\n"
        "Two days after the opening concert, on 30 September, the children played in Leipzig, where they also "
        "visited the local school of music.")
    assert ("visit", "Kentau", "Leipzig") in got, got


def test_russian_the_doctors_of_the_story_trained_abroad():
    got = links(
        "Сарыагаш, 10 марта 2024 года. Аким Сарыагашского района Нурлан Абдиев принял в понедельник "
        "представителей китайских клиник, которые предложили открыть в районе центр восточной медицины.\n\n"
        "В 2022 году группа врачей одного из санаториев прошла двухмесячную стажировку в Урумчи, где изучала "
        "иглорефлексотерапию.")
    assert ("visit", "Saryagash District", "Ürümqi") in got, got


@pytest.mark.parametrize("text", [
    # people qualified by their own country are not the story's party
    "Kentau, 9 October 2023. The folk ensemble of the Kentau music school came home on Saturday from a two-week "
    "tour of Germany.\n\nIn Leipzig, Polish students played at the same festival a day earlier.",
    # one person, the hosts' own
    "Kentau, 9 October 2023. The folk ensemble of the Kentau music school came home on Saturday from a two-week "
    "tour of Germany.\n\nThe mayor of Dresden, meanwhile, spent the week in Leipzig at a conference of mayors.",
])
def test_english_people_of_another_place_or_a_host_are_not_the_storys_party(text):
    got = links(text)
    assert not any(p in ("Leipzig", "Dresden") for _k, _h, p in got), got


def test_the_trips_own_beginning_or_end_is_a_stop_of_it():
    got = links(
        "Turkistan region courts German investors\n\n"
        "TURKISTAN, 20 November 2024 – A delegation of Turkistan region led by the deputy akim is on a working "
        "trip to Germany. The trip began in Berlin on 18 November and will end in Munich on Friday.")
    assert ("visit", "Turkistan Region", "Berlin") in got, got
    # a trip that only begins from the party's home names no stop there
    home = links(
        "Turkistan region courts German investors\n\n"
        "TURKISTAN, 20 November 2024 – A delegation of Turkistan region left for Germany on Monday. The trip began "
        "in Shymkent, where the group boarded a flight to Frankfurt.")
    assert not any(p == "Shymkent" for _k, _h, p in home), home


@pytest.mark.parametrize("text, stop", [
    ("Kentau, 12 May 2025. Eighteen teachers of Kentau's schools returned on Sunday from Japan, where they had "
     "spent three weeks studying how inclusive classrooms are run.\n\nThe course began on 20 April in Osaka, and "
     "the teachers said the first days were the hardest because of the language.", "Osaka"),
    ("Шымкент, 24 марта 2025 года. Двенадцать инженеров городского предприятия тепловых сетей Шымкента "
     "вернулись из Польши, где знакомились с тем, как там модернизируют котельные.\n\nСтажировка началась "
     "3 марта в Катовице и продлилась две недели, рассказал главный инженер предприятия.", "Katowice"),
    ("Сайрам, 2025 жылғы 14 қазан. Сайрам ауданының он фермері Түркиядан оралды, олар онда жылыжай "
     "шаруашылығын зерттеді.\n\nСапар 1 қазанда Измирде басталды, фермерлер алғашқы күні жергілікті "
     "кооперативтің жұмысымен танысты.", "İzmir"),
])
def test_a_party_back_from_abroad_is_followed_through_its_trip(text, stop):
    # people who came back from a country were there: the story then tells that trip, its course or its
    # journey the subject ("the course began in Osaka"), and the town is where they went
    got = links(text)
    assert any(k == "visit" and p == stop for k, _h, p in got), got


@pytest.mark.parametrize("text, stop", [
    ("Kentau, 12 May 2025. Eighteen teachers of Kentau's schools returned on Sunday from Japan, where they had "
     "spent three weeks studying how inclusive classrooms are run.\n\nNext year's course will begin in Osaka, "
     "the organisers said.", "Osaka"),
    ("Шымкент, 24 марта 2025 года. Двенадцать инженеров городского предприятия тепловых сетей Шымкента "
     "вернулись из Польши, где знакомились с тем, как там модернизируют котельные.\n\nСледующая стажировка "
     "может начаться осенью в Катовице, сообщили в предприятии.", "Katowice"),
])
def test_a_course_still_to_come_is_no_stop_of_the_trip(text, stop):
    got = links(text)
    assert not any(p == stop for _k, _h, p in got), got


def test_a_course_at_a_named_body_abroad_is_a_stop_at_the_bodys_town():
    # the course's place hangs from the body's proper name ("at the Armed Police University in Langfang"); a word
    # of that name that spells a small town of a country the article never names ("Police", Poland) is no side
    got = links(
        "Shymkent, 14 May 2024. Eight officers of the Shymkent police department have completed a ten-day "
        "seminar at the Armed Police University in Langfang, the department said on Tuesday.")
    assert ("visit", "Shymkent", "Langfang") in got, got
    assert not any(p == "Police" for _k, _h, p in got), got


@pytest.mark.parametrize("text", [
    "Kentau, 14 March 2025. A delegation of Kentau led by the akim arrived in Tbilisi on Monday, 10 March, and "
    "spent two days at the city's technical university and at a cement plant that is looking for partners in "
    "Central Asia.\n\nOn the second day the akim and his Georgian counterparts signed a memorandum on vocational "
    "training, which provides for internships of Kentau students at Georgian plants.\n\nFrom Tbilisi the "
    "delegation went on to Batumi, where it stayed until Thursday.",
    "Кентау, 14 марта 2025 года. Делегация Кентау во главе с акимом города в понедельник, 10 марта, прибыла в "
    "Тбилиси, где провела два дня на цементном заводе и в техническом университете.\n\nНа второй день аким и его "
    "грузинские коллеги подписали меморандум о профессиональной подготовке, который предусматривает стажировки "
    "кентауских студентов на грузинских заводах.\n\nИз Тбилиси делегация отправилась в Батуми, где пробыла до "
    "четверга.",
])
def test_an_agreement_with_a_country_is_with_the_town_the_party_then_stopped_in(text):
    # signed with "Georgian counterparts" while the party stayed in Tbilisi: with Tbilisi; the next stop of the
    # trip, in the same country, is a visit of its own, not folded into that agreement
    got = links(text)
    assert ("partnership", "Kentau", "Tbilisi") in got, got
    assert ("visit", "Kentau", "Batumi") in got, got


@pytest.mark.parametrize("text", [
    "Неделя в Измире: заметки кентауской учительницы\n\nКентау, 20 мая 2025 года. Я преподаю химию в "
    "школе №5 Кентау одиннадцать лет и до этой весны не была нигде дальше Алматы. Нашу группу из шести "
    "учителей отобрали в марте для обмена, который городской отдел образования организовал с турецкими "
    "коллегами. Мы вылетели в Измир в понедельник, 12 мая, и хозяева встретили нас в аэропорту с цветами. "
    "Пять дней мы сидели на уроках в двух лицеях, и меня поразило, сколько времени ученики проводят в "
    "лаборатории. Домой мы вернулись в субботу уставшими, но с планами.",
    "Измирдегі бір апта: кентаулық мұғалімнің жазбалары\n\nКентау, 2025 жылғы 20 мамыр. Мен Кентаудағы №5 "
    "мектепте он бір жыл химиядан сабақ беремін, осы көктемге дейін Алматыдан әрі барған емеспін. Біздің "
    "алты мұғалімнен тұратын тобымызды наурызда қалалық білім бөлімі түрік әріптестерімен ұйымдастырған "
    "алмасуға іріктеді. Дүйсенбі күні, 12 мамырда, Измирге барып, әуежайда бізді гүлмен қарсы алған "
    "қожайындармен таныстық. Бес күн бойы екі лицейдің сабақтарына қатыстық, оқушылардың зертханада көп "
    "уақыт өткізетіні мені таң қалдырды. Сенбіде үйге шаршап, бірақ жоспарға толы болып оралдық.",
])
def test_a_first_person_account_travels_as_we(text):
    # a teacher's own account of a trip: the writer's "we" (in Kazakh also the verb's ending alone, "барып ...
    # таныстық") is the travelling party, of the place the story follows
    got = links(text)
    assert ("visit", "Kentau", "İzmir") in got, got


@pytest.mark.parametrize("text", [
    "Gyeonggi delegation in Turkistan\n\nTurkistan, 12 March 2025. The akim of Turkistan region received "
    "a delegation of the Korean province of Gyeonggi on Tuesday. The delegation arrived in Turkistan on "
    "Monday from Tashkent, where it had spent two days at an investment forum.",
    "Делегация Кёнгидо в Туркестане\n\nТуркестан, 12 марта 2025 года. Аким Туркестанской области во "
    "вторник принял делегацию корейской провинции Кёнгидо. Делегация прилетела в Туркестан в понедельник "
    "из Ташкента, где накануне провела два дня на инвестиционном форуме.",
])
def test_a_place_the_travellers_came_from_after_an_earlier_stop_is_no_side(text):
    # "from Tashkent, where it had spent two days": an earlier stop of the guests' trip, not their home
    got = links(text)
    assert ("visit", "Turkistan Region", "Gyeonggi Province") in got, got
    assert not any(p == "Tashkent" for _k, _h, p in got), got


def test_where_the_party_came_from_abroad_is_no_side_of_the_agreement_signed_at_its_next_stop():
    # "From Seoul, ... travelled on to Ulsan, and ... the regional akimat and the Ulsan metropolitan government
    # signed": Seoul was the stop before, not a signatory
    text = ("Turkistan deputies in Korea\n\nTURKISTAN, 20 May 2025 – From Seoul, deputy Aidar Sultanov and two "
            "colleagues of the Turkistan regional maslikhat travelled on to Ulsan, and on 16 May the regional akimat "
            "and the Ulsan metropolitan government signed a memorandum of understanding on vocational training.")
    got = links(text)
    assert ("partnership", "Turkistan Region", "Ulsan") in got, got
    assert ("partnership", "Turkistan Region", "Seoul") not in got, got


def test_a_signatory_from_a_foreign_town_is_the_side_of_an_agreement_signed_at_a_fair_elsewhere():
    # "with a maker from Chemnitz at the fair in Frankfurt": the venue is no side, the maker's town is
    text = ("Shymkent at Heimtextil\n\nSHYMKENT, 20 January 2025 – Shymkent's akimat signed a memorandum with a "
            "German textile machinery maker from Chemnitz on 14 January at the Heimtextil fair in Frankfurt, where "
            "eleven companies from the city showed their fabrics.")
    assert ("partnership", "Shymkent", "Chemnitz") in links(text)


@pytest.mark.parametrize("text, home, partner", [
    # the place they came back from, however a clause after it goes on ("where they joined"), was the trip
    ("Veterans back from Belarus\n\nTURKISTAN, 17 February 2024 - A delegation of eleven veterans from Turkistan "
     "region returned home on Friday from Belarus, where they had joined comrades at memorial ceremonies.",
     "Turkistan Region", "Belarus"),
    # "елге" (home) goes with its own verb, "оралды", in a clause after the comma: they were there first
    ("Отырар ардагерлері Моңғолияда\n\nОтырар, 2024 жылғы 5 тамыз. Отырар ауданының ардагерлері Баян-Өлгий "
     "аймағында бір апта болып, елге оралды.", "Otyrar District", "Bayan-Ölgiy"),
])
def test_a_trip_told_with_its_way_home_is_a_visit(text, home, partner):
    assert ("visit", home, partner) in links(text)


def test_an_earlier_stop_before_the_arrival_is_still_no_partner():
    # "arrived ... from Almaty, where it had spent three days": Almaty was their stop before, Tashkent their own
    got = links("Guests from Tashkent\n\nSHYMKENT, 17 February 2024 - A delegation from Tashkent arrived in Shymkent "
                "on Friday from Bishkek, where it had spent three days.")
    assert ("visit", "Shymkent", "Tashkent") in got and not any(p == "Bishkek" for _k, _h, p in got), got


def test_a_stop_the_tour_set_out_from_is_no_home_of_the_travellers():
    # "From Bursa" hangs on the verb: where the story's troupe had been, not whose troupe it is ("a troupe from
    # Bursa" would be Bursa's own, travelling between two Turkish cities)
    text = ("Shymkent theatre in Turkey\n\nSHYMKENT, 14 October 2024 - The Shymkent drama theatre has returned from a "
            "tour of Turkey. The troupe performed in Bursa on 5 October. From Bursa the troupe travelled by bus to "
            "Eskişehir, where on 9 October it performed at the invitation of the city theatres.")
    assert ("visit", "Shymkent", "Eskişehir", "2024-10-09") in dated_links(text)
    theirs = links("Guests in Turkey\n\nSHYMKENT, 14 October 2024 - A delegation of Shymkent visited Bursa on 5 "
                   "October. A troupe from Bursa travelled to Eskişehir on 9 October.")
    assert not any(p == "Eskişehir" for _k, _h, p in theirs), theirs


def test_russian_the_stop_the_party_set_out_from_was_a_stop_of_the_trip():
    # "Из Стамбула делегация отправилась в Бурсу": the party had been in Istanbul, where the story told it opened
    # a trade house without a word of visiting
    got = links(
        "Туркестан, 6 апреля 2024 г. Делегация Туркестанской области во главе с заместителем акима Бауржаном "
        "Сейткуловым побывала в Турции. 2 апреля в Стамбуле состоялось открытие торгового дома региона, который будет "
        "продвигать продукцию местных производителей. Из Стамбула делегация отправилась в Бурсу, где 4 апреля "
        "Сейткулов и генеральный секретарь муниципалитета Бурсы подписали дорожную карту сотрудничества.")
    assert ("partnership", "Turkistan Region", "Bursa") in got, got
    assert ("visit", "Turkistan Region", "Istanbul") in got, got


def test_russian_a_town_first_named_on_the_way_was_passed_through():
    # "а из Улан-Батора до Эрдэнэта добиралась на машинах": the capital is where the flight landed, no stop
    got = links(
        "Кентау, 9 сентября 2024 г. Делегация Кентау во главе с акимом вылетела в Монголию 5 сентября с пересадкой в "
        "Астане, а из Улан-Батора до Эрдэнэта добиралась на машинах почти шесть часов. 6 сентября аким Кентау и мэр "
        "Эрдэнэта подписали в Эрдэнэте меморандум о сотрудничестве.")
    assert not any(p == "Ulan Bator" for _k, _h, p in got), got


def test_russian_a_place_the_sides_only_discussed_is_no_stop_of_the_trip():
    got = links(
        "Шымкент, 21 октября 2025 г. Делегация молодёжного ресурсного центра Шымкента на этой неделе находится в "
        "Новосибирске. В понедельник шымкентцы провели в Новосибирске встречу с активистами областного совета "
        "молодёжи. Во время нынешнего визита стороны также обсудили возможность провести летом 2026 года совместный "
        "палаточный лагерь в Республике Алтай, однако окончательного решения пока нет.")
    assert ("visit", "Shymkent", "Novosibirsk") in got, got
    assert not any(p == "Altai Republic" for _k, _h, p in got), got


@pytest.mark.parametrize("text, visit", [
    ("SHYMKENT, 21 February 2023 – Thirty-two rescuers of Shymkent's emergency department landed back home on "
     "Monday evening, ending a fortnight of work in the Turkish province of Hatay.", ("Shymkent", "Hatay")),
    ("TOLEBI, 13 October 2025 – Twelve dairy farmers from Tolebi district returned home on Sunday after a two-week "
     "internship at family farms in Bavaria.", ("Tolebi District", "Bavaria")),
    ("Шымкент, 21 февраля 2023 г. Спасатели департамента по ЧС Шымкента вернулись домой в понедельник после "
     "двухнедельной работы в Стамбуле.", ("Shymkent", "Istanbul")),
])
def test_a_party_back_home_after_its_time_abroad_was_there(text, visit):
    # the trip told by its end: "returned home after a two-week internship in Bavaria"; the day they came back is
    # not the trip's (the story's date stands for it)
    got = dated_links(text)
    assert any(k == "visit" and (h, p) == visit for k, h, p, _d in got), got
    assert not any(d and d.endswith(("02-20", "10-12")) for _k, _h, _p, d in got), got


# ------------------------------------------------------------------------------------------ a relative clause of place


@pytest.mark.parametrize("text", [
    "Шымкент и Гянджа подписали меморандум в ходе государственного визита в Азербайджан\n\n"
    "Шымкент, 20 сентября 2025 г. – Меморандум о сотрудничестве между Шымкентом и Гянджой был подписан в четверг "
    "в Баку, куда накануне с государственным визитом прилетел Президент Казахстана. Документ подписали аким "
    "Шымкента и глава исполнительной власти Гянджи.\n\n"
    "Переговоры главы государства с Президентом Азербайджана прошли в узком и расширенном составах.",
    "Shymkent and Ganja sign memorandum during state visit\n\n"
    "SHYMKENT, 20 September 2025 - The memorandum between Shymkent and Ganja was signed on Thursday in Baku, "
    "where the President of Kazakhstan had arrived on a state visit the day before. It was signed by the akim of "
    "Shymkent and the head of Ganja's executive power.\n\n"
    "The talks of the head of state with the President of Azerbaijan were held in narrow and extended formats.",
])
def test_the_place_a_relative_clause_of_arrival_hangs_from_is_the_journeys_destination(text):
    got = links(text)
    assert ("visit", "Kazakhstan", "Baku") in got, got
    assert ("partnership", "Shymkent", "Ganja") in got, got
    # the head of state's talks in the country he visited are that visit's
    assert ("meeting", "Kazakhstan", "Azerbaijan") not in got, got


def test_the_trip_an_agreement_was_signed_on_is_no_visit_of_its_own():
    got = links(
        "Сайрам и Андижан: год спустя\n\n"
        "Сайрамский район и Андижанскую область связывает соглашение о сотрудничестве в сельском хозяйстве, "
        "подписанное 14 октября 2024 года в Ташкенте, куда делегация района приезжала на форум межрегионального "
        "сотрудничества.")
    assert any(k == "partnership" and p == "Andijan Region" for k, _h, p in got), got
    assert not any(k == "visit" for k, _h, _p in got), got  # a trip to a forum on which the agreement was signed
