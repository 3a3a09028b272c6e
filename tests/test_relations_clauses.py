"""Events told inside a clause of another: a document a relative clause signs, a cue noun with its light verb
in a Kazakh converb chain, a title after a name, an agreement announced in one sentence and told in the next."""

from __future__ import annotations

import pytest
from _links import dated_links, links

# ------------------------------------------------ "the programme, which the akim and the hokim signed": a signing


@pytest.mark.parametrize("text", [
    "Туркестан и Ташкентская область подвели итоги года\n\nТуркестан, 15 ноября 2025 г. – Программа приграничного "
    "сотрудничества, которую аким Туркестанской области Бахытжан Нуржанов и хоким Ташкентской области подписали 12 "
    "ноября в Ташкенте, стала самым объёмным документом в истории отношений двух регионов.",
    "Turkistan and Tashkent regions take stock\n\nTURKISTAN, 15 November 2025 - The cross-border programme, which the "
    "akim of Turkistan region and the governor of Tashkent region signed on 12 November in Tashkent, is the largest "
    "document in the history of the two regions.",
])
def test_a_document_a_relative_clause_signs_is_signed_by_that_clauses_parties(text):
    # Russian: "которую" is the clause's object and stands for "Программа" (gender and number agree); the parse of
    # the long sentence hangs the signers on "Программа", so the words between the pronoun and its verb are taken
    # as the clause's own. Before, the only link was a visit to the venue, Tashkent.
    assert dated_links(text) == {("partnership", "Turkistan Region", "Tashkent Region", "2025-11-12")}


def test_a_document_signed_in_a_relative_clause_is_signed_whatever_the_main_verb_plans():
    # the main clause is ahead ("will begin sending"), the relative clause that signs the memorandum is done
    text = ("Shymkent colleges go dual\n\nSHYMKENT, 14 March 2025 - Five of Shymkent's technical colleges will begin "
            "sending their second-year students into company workshops from September, under a dual-training "
            "memorandum that the city signed on Thursday with a delegation from Nuremberg, officials said.")
    assert ("partnership", "Shymkent", "Nuremberg", "2025-03-13") in dated_links(text)


def test_a_relative_clause_that_only_tells_of_the_event_does_not_decide_it():
    # "визит, который планировался на июль, отложен": the clause's past tense is the planning; the visit is
    # called off by its own predicate
    text = ("Аким Шымкента отложил поездку в Ташкент\n\nШымкент, 3 июня 2021 г. – Визит акима Шымкента в Ташкент, "
            "который планировался на июль, отложен из-за пандемии, сообщила пресс-служба акимата.")
    assert not any(kind == "visit" for kind, _home, _partner in links(text))


# ---------------------------------------------------- Kazakh: a cue noun with its light verb in a converb chain


@pytest.mark.parametrize("text, went", [
    ("Шымкент пен Тэгу\n\nШымкент, 2025 жылғы 14 мамыр – Әкімнің айтуынша, күзде ол Тэгуге сапар жасап, екі "
     "қаланың серіктестігіне арналған бес жылдық жол картасын ұсынбақ.", False),
    ("Шымкент пен Тэгу\n\nШымкент, 2025 жылғы 14 мамыр – Өткен аптада қала әкімі Тэгуге сапар жасап, екі "
     "қаланың серіктестігіне арналған бес жылдық жол картасын ұсынды.", True),
])
def test_a_kazakh_cue_noun_with_a_light_verb_takes_the_tense_of_the_chains_last_verb(text, went):
    # "сапар жасап, ... ұсынбақ": the converb "жасап" is the cue's own verb, and the final "-бақ" (intends to)
    # closes its chain: a plan; with "ұсынды" (presented) the trip was made
    assert (("visit", "Shymkent", "Daegu") in links(text)) is went


# --------------------------------------------------------------- Kazakh: a title after a name is a person


@pytest.mark.parametrize("obj", ["Ли Сон Хо мырзаны", "Анна Ковальска ханымды"])
def test_a_kazakh_title_after_a_name_is_the_person_received(obj):
    # "мырзаны" (Mr, accusative) is lower case and no word of the cue data: before, it read as a thing received
    # ("өтінішін қабылдады"), and the meeting was dropped
    text = ("Әкім елшіні қабылдады\n\nШымкент, 2025 жылғы 14 мамыр – Кеше Шымкент қаласының әкімі Ержан Омаров "
            f"Корея Республикасының Қазақстандағы елшісі {obj} қабылдады.")
    assert ("meeting", "Shymkent", "South Korea") in links(text)


def test_a_kazakh_request_of_a_named_side_is_still_a_thing_received():
    # a genitive before the accusative is the owner of a thing ("Ресейдің шақыруын"), no name before a title
    text = ("Әкімдік шақыруды қабылдады\n\nШымкент, 2025 жылғы 14 мамыр – Кеше Шымкент қаласының әкімі Ресейдің "
            "Қазан қаласының шақыруын қабылдады.")
    assert not any(kind == "meeting" for kind, _home, _partner in links(text))


# ----------------------------------------- an agreement announced without sides, told with them in the next sentence


@pytest.mark.parametrize("text", [
    "Kentau's year abroad\n\nKENTAU, 22 December 2023 - In March a delegation of Kentau spent three days in Bishkek "
    "at a mining exhibition. June brought the year's only signed document at municipal level. On 6 June the akim of "
    "Kentau and the mayor of Katowice signed a memorandum of cooperation in the Polish city.",
    "Кентаудың шетелдік жылы\n\nКентау, 2023 жылғы 22 желтоқсан – Наурызда Кентау делегациясы Бішкекте үш күн "
    "болды. Жылдың ең маңызды құжатына маусымда қол қойылды. 6 маусымда Катовицеде Кентау әкімі мен Катовице "
    "мэрі ынтымақтастық туралы меморандумға қол қойды.",
])
def test_an_agreement_announced_without_sides_is_the_one_the_next_sentence_tells(text):
    # before, the announcement took the sides of the story's last event (a partnership with Bishkek)
    found = links(text)
    assert ("partnership", "Kentau", "Katowice") in found, found
    assert ("partnership", "Kentau", "Bishkek") not in found, found


# ------------------------------------------------------- a Kazakh place a journey set off from is no party


@pytest.mark.parametrize("text", [
    "Толебийские фермеры в Польше\n\nГруппа из пятнадцати фермеров Толебийского района вернулась из ознакомительной "
    "поездки в Польшу. Группа вылетела 26 сентября 2022 года из Алматы, а на следующий день прибыла в Люблин.",
    "Tolebi farmers in Poland\n\nA group of fifteen farmers from Tolebi district has returned from a study trip to "
    "Poland. The group flew from Almaty on 26 September 2022 and reached Lublin the next day.",
    "Төле би фермерлері Польшада\n\nТөле би ауданының делегациясы 2022 жылғы қыркүйекте Польшаға барды. Топ 26 "
    "қыркүйекте Алматыдан ұшып, келесі күні Люблинге жетті.",
])
def test_the_kazakh_city_a_group_flew_from_is_no_side_of_its_trip(text):
    # "вылетела из Алматы", "flew from Almaty", "Алматыдан ұшып": the "from" of a verb of setting off is the
    # airport; the group is the district's (before: a visit Almaty-Lublin)
    found = links(text)
    assert ("visit", "Tolebi District", "Lublin") in found, found
    assert not any(home == "Almaty" for _kind, home, _partner in found), found


def test_a_delegation_from_a_kazakh_city_is_that_citys_however_it_flew():
    # "делегация из Алматы": the phrase qualifies the party, not the verb of setting off
    text = ("Алматинцы в Люблине\n\nВ сентябре 2022 года делегация из Алматы вылетела в Польшу и 27 сентября прибыла "
            "в Люблин.")
    assert ("visit", "Almaty", "Lublin") in links(text)



# ---------------------------------- "побывала в Ташкенте, где стороны подписали": the sides of the trip just told


@pytest.mark.parametrize("text", [
    "Шымкент и Ташкент создают фонд\n\nШымкент, 14 ноября 2022 г. Акимат Шымкента и хокимият Ташкента в понедельник "
    "подписали соглашение о совместном инвестиционном фонде. Летом делегация Шымкента побывала в Узбекистане. В "
    "сентябре 2019 года делегация Шымкента во главе с тогдашним акимом побывала в Ташкенте, где стороны подписали "
    "меморандум о торгово-экономическом сотрудничестве, а в 2021 году в Шымкенте открылся торговый дом, в котором "
    "сегодня представлено около сорока производителей.",
    "Shymkent and Tashkent set up a fund\n\nSHYMKENT, 14 November 2022 - The akimat of Shymkent and the hokimiyat of "
    "Tashkent on Monday signed an agreement on a joint investment fund. In summer a Shymkent delegation visited "
    "Uzbekistan. In September 2019 a Shymkent delegation led by the then akim visited Tashkent, where the sides "
    "signed a memorandum on trade, and in 2021 a trade house opened in Shymkent, where today some forty producers "
    "are represented.",
])
def test_the_sides_of_a_signing_where_a_trip_went_are_that_trips(text):
    # "the sides" are the trip's pair told in the same sentence, not the story's last event (Shymkent-Uzbekistan);
    # and "today" in a later clause is no date of a sentence that opens in September 2019: the 2019 memorandum is
    # an event of its own, with no day, beside the agreement of 14 November 2022
    found = dated_links(text)
    assert ("partnership", "Shymkent", "Tashkent", "2022-11-14") in found, found
    assert ("partnership", "Shymkent", "Tashkent", None) in found, found
    assert not any(kind == "partnership" and partner == "Uzbekistan" for kind, _h, partner, _d in found), found


# ------------------------------------------- "делегация самаркандского хокимията": the adjective's city is the party's


def test_a_city_adjective_in_a_partys_genitive_names_the_partys_city():
    # the adjective qualifies "хокимията", no side noun of the cue data; the side noun before it ("делегация")
    # makes the phrase the party's: the recalled visit of March 2022 is Samarkand's
    text = ("Туркестан и Самарканд подписали дорожную карту\n\nТуркестан, 14 июня 2023 г. – Аким Туркестана и хоким "
            "Самарканда вчера подписали дорожную карту сотрудничества. Города связаны не первый год. Меморандум о "
            "побратимстве Туркестан и Самарканд подписали ещё в 2021 году, а в марте 2022 года делегация "
            "самаркандского хокимията приезжала в Туркестан на празднование Наурыза.")
    assert ("visit", "Turkistan", "Samarkand") in links(text)


def test_an_office_named_for_a_city_is_no_party_of_its_city():
    # "представительство дубайской логистической группы" (an office): no party, as "делегация" or "представители"
    text = ("Шымкент и ОАЭ\n\nШымкент, 22 мая 2025 г. – В 2023 году делегация Шымкента побывала в Абу-Даби, где "
            "провела переговоры с руководством эмиратской энергетической компании, а в прошлом году в городе "
            "открылось представительство дубайской логистической группы.")
    found = links(text)
    assert ("visit", "Shymkent", "Abu Dhabi") in found, found
    assert not any(partner == "Dubai" for _kind, _home, partner in found), found


# ---------------------------------------------------- a Russian surname in another case is the same person


def test_a_russian_surname_in_the_instrumental_and_the_nominative_is_one_actor():
    # "с первым заместителем акима города Ержаном Тулегеновым" introduces him; "Тулегенов ... подписали" is him:
    # before, the two forms shared no form ("тулегеновым" read as an adjective), and the signing had no Kazakh side
    text = ("Шымкент и Ташкент\n\nШымкент, 12 сентября 2024 г. – Делегация Шымкента во главе с первым заместителем "
            "акима города Ержаном Тулегеновым вернулась из трехдневной поездки по Узбекистану. Уже 9 сентября в "
            "Ташкенте состоялись переговоры в хокимияте узбекской столицы, по итогам которых Тулегенов и заместитель "
            "хокима Ташкента Бахтиёр Рахимов подписали дорожную карту сотрудничества двух городов.")
    assert ("partnership", "Shymkent", "Tashkent", "2024-09-09") in dated_links(text)



def test_a_headline_agreement_until_a_year_is_the_bodys_agreement():
    # "до 2025 года" is the programme's span, no time of the signing: the headline and the body tell one event
    text = ("Хоким Ташкента в Шымкенте: подписана программа сотрудничества до 2025 года\n\nШымкент, 18 ноября 2022 г. "
            "– Сегодня аким Шымкента и хоким Ташкента подписали программу сотрудничества двух городов на 2023–2025 "
            "годы.")
    assert dated_links(text) == {("partnership", "Shymkent", "Tashkent", "2022-11-18")}


def test_a_document_signed_at_a_venue_of_the_partners_country_is_the_agreement_told():
    # "подписали документ в Пекине": the parse hangs the venue on the document, which stays a bare one, the
    # agreement with Lanzhou told before; Beijing is where it was signed
    text = ("Ланьчжоу и Шымкент\n\nШымкент, 26 ноября 2019 г. – 8 ноября в Пекине аким Шымкента и мэр Ланьчжоу "
            "подписали меморандум о сотрудничестве. «Мы подписали документ в Пекине, а теперь наполняем его "
            "конкретным содержанием», – сказал аким журналистам.")
    found = links(text)
    assert ("partnership", "Shymkent", "Lanzhou") in found, found
    assert ("partnership", "Shymkent", "Beijing") not in found, found


@pytest.mark.parametrize("text", [
    "Kentau's year\n\nKENTAU, 22 December 2023 - On 6 June the akim of Kentau and the mayor of Katowice signed a "
    "memorandum of cooperation in the Polish city. Both towns grew up around mines, and the memorandum foresees a "
    "first group of Kentau engineers going to Silesia for training in 2024.",
    "Год Кентау\n\nКентау, 22 декабря 2023 г. – 6 июня аким Кентау и мэр Катовице подписали меморандум о "
    "сотрудничестве. Меморандум предусматривает стажировку инженеров из Кентау в Силезии в 2024 году.",
])
def test_a_document_whose_content_a_present_tense_tells_is_the_one_told_before(text):
    # "the memorandum foresees ... in 2024": the agreement of 6 June 2023 again, not another one of 2024 (nor one
    # with Silesia, where the training is to be)
    found = dated_links(text)
    assert found == {("partnership", "Kentau", "Katowice", "2023-06-06")}, found


def test_twinned_districts_are_twinned_as_towns_are():
    # the twinning cue names any division, as "sister regions" does: "became twinned districts"
    text = ("Saryagash twins with a Tashkent region district\n\nSARYAGASH, 18 September 2024 - The Saryagash district "
            "of Turkistan region and the Bostanliq district of Tashkent region became twinned districts on Tuesday, "
            "when their heads signed a memorandum at the district akimat.")
    assert any(kind == "partnership" and home == "Saryagash District" for kind, home, _partner in links(text))


@pytest.mark.parametrize("text", [
    "Туркестанская область и Шэньси\n\nТуркестан, 23 мая 2025 г. – Делегация Туркестанской области подписала в Сиане "
    "меморандум с провинцией Шэньси. Еще в 2021 году, в разгар пандемии, аким Туркестанской области и губернатор "
    "провинции провели видеоконференцию, на которой обсуждались поставки зерна.",
    "Turkistan region and Shaanxi\n\nTURKISTAN, 23 May 2025 - A Turkistan region delegation signed a memorandum with "
    "Shaanxi province in Xi'an. As early as 2021, at the height of the pandemic, the akim of the Turkistan region and "
    "the governor of the province held a video conference on grain supplies.",
])
def test_a_foreign_office_named_by_a_bare_division_noun_acts_for_the_place_named_before(text):
    # "губернатор провинции", "the governor of the province": Shaanxi, named before as a province; the video
    # conference of 2021 is a meeting of its own beside the memorandum of 2025
    assert ("meeting", "Turkistan Region", "Shaanxi") in links(text)


def test_places_of_a_clause_of_time_with_its_own_subject_sign_nothing():
    # "when relations between Kazakhstan and Uzbekistan were warming": a state of things beside the signing, whose
    # subject is its own; "the two cities" who signed are the story's pair. Before, the clause's countries signed.
    text = ("Shymkent and Tashkent renew ties\n\nSHYMKENT, 18 April 2024 - The akim of Shymkent and the khokim of "
            "Tashkent met in the Uzbek capital on Tuesday. The two cities signed their first cooperation agreement "
            "in March 2019, when relations between Kazakhstan and Uzbekistan were warming rapidly.")
    got = links(text)
    assert ("partnership", "Shymkent", "Tashkent") in got, got
    assert ("partnership", "Kazakhstan", "Uzbekistan") not in got, got


def test_a_clause_of_time_that_tells_a_visit_still_tells_it():
    text = ("Shymkent and Bursa\n\nSHYMKENT, 18 April 2024 - Shymkent and Bursa signed a memorandum in May 2019, when "
            "a Bursa delegation led by the deputy mayor visited Shymkent.")
    got = links(text)
    assert ("partnership", "Shymkent", "Bursa") in got, got
