"""Foreign guests followed through a tour of Kazakh towns: each town they went on to is a visit of theirs, told
with or without a word of visiting, and the story follows them from the sentence that has their delegation
travel through a Kazakh place. Also the dateline that opens a lead, parsed apart from the lead's words, so that
the lead's subject is read as the signing's party. Articles written for this test, run through the whole pipeline
(real gazetteer and models)."""

from __future__ import annotations

from _links import dated_links, links

from dashboard.lang import dateline_end, parse

# ------------------------------------------------------------------------------------------ the tour's stops


def test_english_a_tour_ending_in_a_town_of_the_region_follows_the_guests_to_each_stop():
    got = dated_links(
        "Korean delegation wraps up Turkistan region tour\n\n"
        "TURKISTAN, 17 April 2025 - A delegation from the South Korean province of Chungcheongbuk-do ended a "
        "four-day tour of the Turkistan region on Thursday in Kentau, where the visitors inspected the town's "
        "excavator plant and talked to its managers about spare parts.\n\n"
        "The tour began on Monday in Shymkent, where the city's deputy akim, Marat Orazov, received the "
        "twelve-member delegation, which included managers of manufacturers based in Cheongju and Chungju, and "
        "took them to the Ontustik industrial zone.\n\n"
        "The next day the guests drove to Sairam district, where the district akim showed them a dairy farm and "
        "a greenhouse complex.", date="2025-04-17")
    kept = {(k, h, p, d) for k, h, p, d in got if p == "North Chungcheong Province"}
    assert ("visit", "Shymkent", "North Chungcheong Province", "2025-04-14") in kept, got
    assert ("visit", "Sayram District", "North Chungcheong Province", "2025-04-15") in kept, got
    # (the managers' towns are the guests' own, no side of their own)
    assert not any(p in ("Cheongju", "Chungju") for _k, _h, p, _d in got), got


def test_russian_a_foreign_delegations_journey_through_the_region_makes_it_the_guests():
    got = dated_links(
        "Делегация Шэньси побывала в трёх городах области\n\n"
        "Туркестан, 12 марта 2025 года. Делегация китайской провинции Шэньси во главе с вице-губернатором Ли Мином "
        "завершила трёхдневную поездку по Туркестанской области, в ходе которой стороны подписали меморандум о "
        "сотрудничестве в сельском хозяйстве.\n\n"
        "Во вторник гости в сопровождении заместителя акима области посетили Кентау, где осмотрели "
        "трансформаторный завод.\n\n"
        "В среду делегация побывала в Арыси – крупном железнодорожном узле, через который идут поезда из Китая в "
        "Узбекистан.", date="2025-03-12")
    assert any(k == "partnership" and h == "Turkistan Region" and p == "Shaanxi" for k, h, p, _d in got), got
    assert ("visit", "Kentau", "Shaanxi", "2025-03-11") in got, got  # the object of "посетили"
    assert ("visit", "Arys", "Shaanxi", "2025-03-12") in got, got  # the railway clause after the dash describes
    assert not any(p == "Uzbekistan" for _k, _h, p, _d in got), got


def test_russian_a_place_the_guests_visited_told_again_is_the_same_visit():
    got = dated_links(
        "Шымкент, 5 июня 2024 г. – Делегация Намангана во главе с хокимом города прибыла в Шымкент 3 июня. "
        "Гости провели переговоры в акимате и посетили текстильную фабрику.\n\n"
        "Вечером гости вернулись в Шымкент из Сайрама, где осмотрели теплицы, и в 2026 году, по словам хокима, "
        "надеются открыть здесь торговый дом.", date="2024-06-05")
    visits = [(h, d) for k, h, p, d in got if k == "visit" and p == "Namangan" and h == "Shymkent"]
    assert visits == [("Shymkent", "2024-06-03")], got


def test_kazakh_guests_from_abroad_followed_to_districts_day_by_day():
    got = dated_links(
        "Шымкент, 2024 жылғы 12 қыркүйек – Моңғолияның Ховд аймағынан келген делегация осы аптада Шымкент қаласы "
        "мен Түркістан облысының бірқатар ауданында болып, сауда мен білім беру салаларындағы байланыстарды "
        "кеңейту жөнінде уағдаласты.\n\n"
        "Сәрсенбі күні қонақтар Түркістан облысының Сайрам ауданына барып, аудан әкімімен кездесті.\n\n"
        "Бейсенбі күні делегация Қазығұрт ауданында болып, жеміс бақтарын аралады.", date="2024-09-12")
    assert ("visit", "Sayram District", "Hovd", "2024-09-11") in got, got
    assert ("visit", "Kazygurt District", "Hovd", "2024-09-12") in got, got


def test_kazakh_a_foreign_delegation_without_a_kazakh_place_leaves_our_farmers_trip_ours():
    got = links(
        "Түркістан, 2025 жылғы 14 сәуір. Түркістан облысы мен Ферғана облысы ауыл шаруашылығы саласындағы "
        "ынтымақтастық туралы меморандумға қол қойды.\n\n"
        "Ферғана облысының делегациясы өңірге екі күндік сапармен келді.\n\n"
        "2022 жылғы қыркүйекте облыстың отызға жуық фермері Ферғанаға барып, жергілікті кластерлердің жұмысымен "
        "танысқан еді.", date="2025-04-14")
    assert ("visit", "Turkistan Region", "Fergana") in got, got  # our farmers' trip, not the guests'


# ------------------------------------------------------------------------------------------ the dateline


def test_a_dateline_is_parsed_apart_from_the_leads_words():
    text = ("SHYMKENT, 14 March 2025 – The European Bank for Reconstruction and Development (EBRD) and the "
            "Shymkent city administration signed on Thursday a loan agreement.")
    tokens = parse("en", text)
    assert tokens is not None
    signed = next(i for i, t in enumerate(tokens) if t.text == "signed")
    assert tokens[signed].dep == "ROOT", [(t.text, t.dep, t.head) for t in tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)
    ru_text = "Шымкент, 29 сентября 2022 г. – Делегация Самарканда и аким Шымкента подписали меморандум."
    ru_tokens = parse("ru", ru_text)
    assert ru_tokens is not None
    verb = next(i for i, t in enumerate(ru_tokens) if t.text == "подписали")
    assert ru_tokens[verb].head == -1, [(t.text, t.dep, t.head) for t in ru_tokens]
    assert all(ru_text[t.start:t.end] == t.text for t in ru_tokens)
    # a place, a comma and a date: a clause that opens with a year, or a comma clause that is no date, is none
    assert dateline_end(text) == text.index("The")
    assert dateline_end(ru_text) == ru_text.index("Делегация")
    almaty = "ALMATY, Kazakhstan, March 14, 2025 – "
    assert dateline_end(almaty + "The akim said") == len(almaty)
    assert dateline_end("In 2023, trade reached $1.2 billion – a record for the region.") is None
    assert dateline_end("Kazakhstan, which signed 12 deals in 2024 – a record – hopes for more.") is None


def test_english_an_international_bank_after_a_dateline_is_the_agreements_party():
    got = links(
        "Development bank lends to Shymkent\n\n"
        "SHYMKENT, 14 March 2025 – The European Bank for Reconstruction and Development (EBRD) and the Shymkent "
        "city administration signed on Thursday a loan agreement of up to 40 million US dollars that will pay "
        "for new water mains.")
    assert ("partnership", "Shymkent", "European Bank for Reconstruction and Development") in got, got


# ------------------------------------------------------------------------------------------ organisations


def test_an_organisation_named_again_by_its_head_noun_is_the_talks_counterpart():
    # "the bank's country manager", "представитель банка", "Банк өкілі" (a bare noun opening the sentence): the
    # organisation the article named with that head
    en = links(
        "World Bank prepares canal loan for Otrar\n\n"
        "TURKISTAN, 17 November 2022 - The World Bank is preparing a loan to rebuild irrigation canals in the Otrar "
        "district of the Turkistan region, officials said after talks in the regional centre.\n\n"
        "The bank's country manager, Anna Kowalska, held talks with the akim of the Turkistan region on 16 November "
        "in Turkistan, where the two discussed the share of co-financing.")
    assert ("meeting", "Turkistan Region", "World Bank") in en, en
    ru = links(
        "Всемирный банк готовит заём для Отрара\n\n"
        "Туркестан, 17 ноября 2022 года. Всемирный банк готовит новый заём на восстановление оросительных каналов "
        "в Отрарском районе.\n\n"
        "Представитель банка Анна Ковальская 16 ноября провела переговоры с акимом Туркестанской области.")
    assert ("meeting", "Turkistan Region", "World Bank") in ru, ru
    kk = links(
        "Дүниежүзілік банк Отырарға несие дайындап жатыр\n\n"
        "Түркістан, 2022 жылғы 17 қараша. Дүниежүзілік банк Отырар ауданындағы арналарды қалпына келтіруге жаңа "
        "несие дайындап жатыр. Банк өкілі Анна Ковальская 16 қарашада Түркістан облысының әкімімен кездесті.")
    assert ("meeting", "Turkistan Region", "World Bank") in kk, kk


def test_a_national_donor_agency_stands_for_its_country():
    got = links(
        "Korean agency backs Sairam greenhouses\n\n"
        "SHYMKENT, 5 August 2021 - The Korea International Cooperation Agency (KOICA) and the akimat of Sairam "
        "district signed a grant agreement on Wednesday for three greenhouse complexes.")
    assert ("partnership", "Sayram District", "South Korea") in got, got
    kk = links(
        "Шымкент, 2021 жылғы 5 тамыз – Корея халықаралық ынтымақтастық агенттігі (KOICA) мен Сайрам ауданының "
        "әкімдігі кеше жылыжай шаруашылығын дамыту туралы келісімге қол қойды.")
    assert ("partnership", "Sayram District", "South Korea") in kk, kk
