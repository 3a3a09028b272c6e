"""Realis from the verb that carries a cue (lang/realis.py), in sentences written for these tests."""

from __future__ import annotations

import pytest

from dashboard.lang.realis import HABITUAL, HAPPENED, NEGATED, ONGOING, PLANNED, realis


def verdict(lang: str, sentence: str, cue: str) -> str | None:
    i = sentence.index(cue)
    return realis(lang, sentence, i, i + len(cue))


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    ("en", "Eleven meetings were squeezed into five days, with a side trip to Izmir pencilled in for Thursday.",
     "trip", PLANNED),
    # Russian: tense, participles, a governing verb of intent, a noun cue and the verb that realises it
    ("ru", "После долгих переговоров о перспективах стороны всё же подписали меморандум.", "подписали", HAPPENED),
    ("ru", "Аким и губернатор планируют подписать дорожную карту до конца года.", "подписать", PLANNED),
    ("ru", "Делегация посетит Самарканд в конце апреля, сообщили в акимате.", "посетит", PLANNED),
    ("ru", "Из-за непогоды делегация так и не посетила Бухару.", "посетила", NEGATED),
    # done without it: the gerund under "without" did not happen ("after holding" did)
    ("en", "In Madrid the group changed planes without holding meetings and drove south to Murcia.", "meetings",
     NEGATED),
    ("en", "The guests left Izmir without signing the memorandum, which is still with the lawyers.", "signing",
     NEGATED),
    ("en", "After holding meetings in Madrid, the group drove south to Murcia.", "meetings", HAPPENED),
    ("ru", "Визит главы региона в Анкару состоялся по приглашению губернатора.", "Визит", HAPPENED),
    ("ru", "Визит главы региона в Анкару состоится осенью.", "Визит", PLANNED),
    # a cue noun coordinated with another before its negated verb: "встреч и соглашений там не было"
    ("ru", "Делегация приняла участие в выставке в Анкаре, где представила продукцию предприятий, однако отдельных "
           "встреч и соглашений там не было.", "встреч", NEGATED),
    # an interest is no event: the parse sees the noun of intent that governs the cue
    ("ru", "Мэрия Сеула выразила заинтересованность в установлении побратимства.", "побратимства", PLANNED),
    ("ru", "На полях форума был подписан меморандум о сотрудничестве двух областей.", "меморандум", HAPPENED),
    # Kazakh: past, intent, negation, an invitation to come (a verbal noun governed by the next verb)
    ("kk", "Екі өңірдің басшылары ынтымақтастық меморандумына қол қойды.", "меморандум", HAPPENED),
    ("kk", "Екі қала келесі жылы меморандумға қол қоймақ.", "меморандум", PLANNED),
    ("kk", "Ауа райына байланысты меморандумға қол қойылмады.", "меморандум", NEGATED),
    ("kk", "Губернатор әкімді Қазанға сапармен келуге шақырды.", "сапар", None),
    ("kk", "Делегация өткен аптада Ташкентке барды.", "барды", HAPPENED),
    # a converb ending its clause takes the sentence's final verb: a deed where it tells one, the request of a
    # verb of inviting or proposing ("invited them to come in the spring and see the orchards")
    ("kk", "Губернатор қазақстандық әріптестерін көктемде облысқа келіп, бау-бақшалармен танысуға шақырды.",
     "келіп", PLANNED),
    ("kk", "Мэр қонақтарды ескі қаланы аралатып, кешкі асқа шақырды.", "аралатып", HAPPENED),
    # a promise is a plan: "келіп, ... өткізуге уәде берді" (promised to come and hold)
    ("kk", "Бас дәрігердің айтуынша, Анкара клиникасының хирургтары көктемде облысқа келіп, шеберлік сыныбын "
           "өткізуге уәде берген.", "келіп", PLANNED),
    # ... but a promise in a later clause is not the converb's: its own chain closed with "танысқан болатын"
    ("kk", "Анкара мэриясының өкілдері былтыр күзде облысқа келіп, жылыжай кешендерімен танысқан болатын, сонда "
           "тараптар ынтымақтастықты құжатпен бекітуге уәде берген еді.", "келіп", HAPPENED),
    ("kk", "Делегация Ташкентке барып, хокимият басшылығымен келіссөздер жүргізді.", "барып", HAPPENED),
    # a noun that only holds the letters of the intent form -бақ/-мек ("бақтарын", gardens) is no plan (the vowel
    # stem's "аралады" is left to the cue windows)
    ("kk", "Бейсенбі күні делегация Қазығұрт ауданына барып, жеміс бақтарын аралады.", "барып", None),
    ("kk", "Қонақтар мектептің жаңа ғимаратына барып, мекеменің басшысымен кездесті.", "барып", HAPPENED),
    ("kk", "Делегация келесі аптада Ташкентке бармақшы.", "бармақшы", PLANNED),
    # a past participle with "жоқ" and a negative converb are a past negated
    ("kk", "Тараптар рейстерді талқылады, алайда құжатқа қол қойылған жоқ.", "құжатқа қол қойылған", NEGATED),
    ("kk", "Жол жабылғандықтан, бұл сапар болмай қалды.", "сапар", NEGATED),
    # the present-future in every person, also of a stem in "й" ("қояды", "қоямыз": will sign; "қойды": signed)
    ("kk", "Егер қаржы бөлінсе, біз көктемде облысқа қайта келіп, құжатқа қол қоямыз.", "келіп", PLANNED),
    ("kk", "Екі қаланың әкімдері меморандумға келесі аптада қол қояды.", "меморандум", PLANNED),
    ("kk", "Екі қаланың әкімдері меморандумға өткен аптада қол қойды.", "меморандум", HAPPENED),
    ("kk", "Біз Ташкентке сәуірде барамыз.", "барамыз", PLANNED),
    # a vowel stem's present-future ("арала-й-ды") ends a converb chain as a plan, a past ("танысты") as a deed
    ("kk", "Поляк компаниялары сәуірде қалаға келіп, кен орындарын аралайды.", "келіп", PLANNED),
    ("kk", "Поляк компаниялары наурызда қалаға келіп, кен орындарымен танысты.", "келіп", HAPPENED),
    # what an initiative, a proposal or a question is about was raised, not done
    ("kk", "Сапар кезінде бауырлас қалалар туралы бастама алғаш рет көтерілді.", "бауырлас", PLANNED),
    ("kk", "Кездесуде ынтымақтастық меморандумы жөнінде ұсыныс айтылды.", "меморандум", PLANNED),
    ("kk", "Бауырлас қалалар туралы келісімге кеше қол қойылды.", "келісім", HAPPENED),
    # English: tense, modals, intent, a noun cue's verb before it or a passive after it
    ("en", "The governor's delegation arrived in Tashkent on Monday.", "arrived", HAPPENED),
    ("en", "The mayor plans to visit Samarkand in the spring.", "visit", PLANNED),
    ("en", "The Ambassador of Kazakhstan to Slovenia met the mayor.", "met", HAPPENED),
    ("en", "The two regions signed a memorandum on trade.", "memorandum", HAPPENED),
    ("en", "A memorandum will be signed in May, officials said.", "memorandum", PLANNED),
    ("en", "Seoul expressed interest in twinning with the city.", "twinning", PLANNED),
    ("en", "Because of the storm the akim did not visit the port.", "visit", NEGATED),
    ("en", "After touring the port and signing a memorandum on future trade, the guests left.", "memorandum",
     HAPPENED),
    # the signing belongs to the clause it depends on, which is in the future
    ("en", "Before signing a memorandum, the sides will study the draft.", "memorandum", PLANNED),
    # "was to" + infinitive is an arrangement, whatever became of it
    ("en", "A stop in Bukhara, where the delegation was to meet carpet makers, fell through.", "meet", PLANNED),
    ("en", "At the airport the delegation was met by the deputy governor.", "met", HAPPENED),
    # an event whose own coordinated predicate calls it off did not happen; talks held beside a signing put
    # off did
    ("en", "A visit to a seed institute in Szeged had been on the original programme but was dropped when the "
           "talks ran long.", "visit", NEGATED),
    ("ru", "Визит в Бухару стоял в программе, но был отменён из-за погоды.", "Визит", NEGATED),
    # a phrasal verb of calling off; "was to have gone": arranged and not done; "was to go": arranged
    ("en", "The governor's visit to Kentau, which had been announced for May, was called off at the last minute.",
     "visit", NEGATED),
    ("en", "A group of Arys teachers, who were to have travelled to Osh on Friday, stayed at home because of snow.",
     "travelled", NEGATED),
    ("en", "The mayor was to travel to Shymkent in the spring, the embassy said.", "travel", PLANNED),
    # Kazakh: "болмай қалды" after a cue noun (did not come about); "маусымға белгіленген" (set for June)
    ("kk", "Арыстан Ошқа баруы тиіс болған мұғалімдердің сапары қардың кесірінен соңғы сәтте болмай қалды.",
     "сапар", NEGATED),
    ("kk", "Ош қаласынан келетін мұғалімдердің сапары маусым айына белгіленген.", "сапар", PLANNED),
    ("en", "The delegation held talks with the mayor but postponed the signing of the memorandum.", "talks",
     HAPPENED),
    # an event someone is invited to has not been held
    ("en", "The ambassador invited the governor to a meeting of the business council in Budapest in June.",
     "meeting", PLANNED),
    ("ru", "Посол пригласил акима на встречу деловых кругов в Будапеште.", "встречу", PLANNED),
    ("en", "The akim went to a meeting with the mayor of Bursa on Monday.", "meeting", HAPPENED),
    # a base form the tagger cannot tell from a past ("put") is no plan
    ("en", "On Tuesday the akim of Turkistan, Nurbol Sadykov, and the mayor of Kayseri, Memduh Aydın, put their "
           "signatures to a memorandum on tourism.", "memorandum", None),
])
def test_realis(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


def test_a_signed_memorandum_next_to_a_plan_word_is_a_partnership():
    from places import SHYMKENT, TASHKENT
    from test_relations import run, triples

    text = ("Делегация Шымкента во главе с акимом посетила Ташкент. В ходе встречи стороны обсудили "
            "перспективы взаимодействия и подписали меморандум о сотрудничестве.")
    links = run(text, "ru", {SHYMKENT: ("Шымкента",), TASHKENT: ("Ташкент",)}, date="2025-03-01")
    assert ("partnership", "Shymkent", "Tashkent") in triples(links)


def test_an_agreement_signed_at_the_end_of_a_meeting_is_a_partnership_not_a_meeting():
    from places import SHYMKENT, TASHKENT
    from test_relations import run, triples

    text = "Кездесу соңында Шымкент пен Ташкент ынтымақтастық туралы келісімге қол қойды."
    links = run(text, "kk", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)}, date="2025-03-01")
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}


def test_russian_cues_are_matched_by_dictionary_form():
    from places import SAMARKAND, SHYMKENT
    from test_relations import run, triples

    text = "В прошлом месяце делегация Шымкента ездила в Самарканд, где обсуждала туристические маршруты."
    links = run(text, "ru", {SHYMKENT: ("Шымкента",), SAMARKAND: ("Самарканд",)}, date="2025-03-01")
    assert ("visit", "Shymkent", "Samarkand") in triples(links)


# Long sentences, where the verb that carries a cue stands far from it: the dependency parse (spaCy for
# English, natasha for Russian) finds it; a window of neighbouring words does not.
@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    ("en", "A memorandum on cooperation in agriculture, tourism and education, which the two regions had been "
           "discussing since 2019, was finally signed on Monday.", "memorandum", HAPPENED),
    ("en", "The agreement that the two mayors discussed in Tashkent last week will cover tourism and transport.",
     "agreement", PLANNED),
    ("en", "An invitation from the governor of Gyeongbuk to visit the province in the autumn was handed over.",
     "visit", PLANNED),
    ("ru", "Меморандум о сотрудничестве в сфере сельского хозяйства, туризма, образования и здравоохранения был "
           "подписан по итогам переговоров.", "Меморандум", HAPPENED),
    ("ru", "Визит, о котором стороны договорились ещё в прошлом году во время форума в Астане, так и не "
           "состоялся.", "Визит", NEGATED),
    ("ru", "Аким передал губернатору приглашение посетить Шымкент в дни празднования Наурыза.", "посетить",
     PLANNED),
    # a verb of meeting whose object is an offer: the offer was taken, nobody met
    ("ru", "Губернатор с благодарностью принял приглашение акима приехать в мае в Костанай.", "принял", PLANNED),
    ("en", "The governor accepted the akim's invitation to come to Kostanay in May.", "come", PLANNED),
    # a cue that only says what kind its noun is takes the noun's place under the verb: what is proposed is a plan
    ("en", "That visit produced no agreement, but the city maslikhat has since proposed a twinning arrangement "
           "between Turkistan and Gyeongju, two former capitals.", "twinning", PLANNED),
    ("en", "The two cities signed a twinning arrangement in the city hall on Monday.", "twinning", HAPPENED),
])
def test_realis_across_a_long_clause(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize("cue", ["бауырлас", "келісім жасау"])
def test_a_kazakh_proposal_about_a_signing_is_a_plan(cue):
    # "келісім жасау жөніндегі ұсынысы" (the proposal on making an agreement): a topic postposition may stand
    # between the verbal noun and the noun of proposal, and the cue may begin some words before them
    sentence = ("Сессияда ең көп талқыланған мәселе — депутаттың Кентау мен Измир арасында бауырлас қалалар туралы "
                "келісім жасау жөніндегі ұсынысы болды.")
    assert verdict("kk", sentence, cue) == PLANNED


def test_a_kazakh_plan_verb_in_any_form_makes_a_plan():
    # "жоспарланып отыр" (is being planned): the plan verb's stem, whatever its ending
    sentence = ("Сәуір айында облыс делегациясы Минск облысына барып, ынтымақтастық туралы меморандумға қол "
                "қоюы жоспарланып отыр.")
    start = sentence.index("барып")
    assert realis("kk", sentence, start, start + len("барып")) == PLANNED


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # an event called off by a verb that takes it back with a pronoun, however far the verb stands
    ("ru", "Программа предусматривала и поездку в Туркестан к мавзолею, однако от нее в последний момент "
           "отказались.", "поездку", NEGATED),
    ("en", "The programme also included a trip to Turkistan, but it was dropped after snow closed the road.",
     "trip", NEGATED),
    ("en", "A stop in Ankara, where the delegation had hoped to meet officials of the trade ministry, was "
           "dropped from the programme.", "meet", PLANNED),  # "hoped" is a wish, whatever the model's lemma
    # the noun before another noun that the verb takes back is not the one called off
    ("ru", "Программа визита предусматривала поездку в Туркестан, однако от нее отказались.", "визита", None),
    # Kazakh: the clause's final predicate drops it ("алынып тасталды"), however far from the converb
    ("kk", "Делегацияның Бакуге барып, кеме жасау зауыттарымен танысу жоспары ауа райына байланысты алынып "
           "тасталды.", "барып", NEGATED),
    # the active "шегерді" postpones as the passive does
    ("kk", "Ыстамбұлдан келуі тиіс кәсіпкерлер делегациясы сапарын күзге шегерді.", "сапарын", NEGATED),
    # a plan by the clause's final predicate, however far from the cue, with no verb of the cue's own before it
    ("kk", "Өңіраралық ынтымақтастық туралы келісімді күзде Ташкентте өтетін форумда бекіту жоспарланып отыр.",
     "келісімді", PLANNED),
    ("kk", "Меморандумға қол қойылды, ал келесі жылы сапар жоспарлануда.", "Меморандумға қол қойылды", HAPPENED),
    # put off by a verb of moving in the passive; active, the same verb is travel
    ("en", "A visit by the vice-governor to Turkistan, which had been pencilled in for March, has been moved to "
           "the second half of the year.", "visit", NEGATED),
    ("en", "After the signing the delegation moved on to Lublin and visited a fruit-storage plant.", "visited",
     HAPPENED),
])
def test_an_event_called_off_later_in_the_sentence(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


def test_a_kazakh_realising_verb_after_a_converb_is_its_auxiliary():
    # "атап өтті" is "noted": өт- (took place) is the converb's auxiliary there, and tells nothing of the talks
    sentence = "Елші рейс туралы келіссөздер әлі аяқталмағанын атап өтті."
    assert verdict("kk", sentence, "келіссөздер") is None
    assert verdict("kk", "Екі қаланың әкімдері арасындағы келіссөздер Астанада өтті.", "келіссөздер") == HAPPENED


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    # a consonant stem with -а/-е and -ды/-ді is the present-future: the event is ahead
    ("Қонақтар бүгін Отырар ауданына барып, кесенеге зиярат етеді, ал жұма күні елге қайтпақ.", "барып", PLANNED),
    ("Екі қаланың әкімдері келесі аптада Ташкентте кездеседі.", "кездеседі", PLANNED),
    ("Делегация Бурсаға барады.", "барады", PLANNED),
    # the past of the same stems happened; a vowel stem's past ends alike and is not read as a future
    ("Делегация кеше Бурсаға барды.", "барды", HAPPENED),
    ("Екі қаланың әкімдері Ташкентте кездесті.", "кездесті", HAPPENED),
    # verbs of becoming: "became sister cities" happened, "will become" is ahead
    ("Түркістан мен Әзербайжанның Шеки қаласы бауырлас қала атанды.", "бауырлас", HAPPENED),
    ("Сайрам мен Марғұлан бауырлас қалаларға айналды.", "бауырлас", HAPPENED),
    ("Келесі жылы Сайрам мен Марғұлан бауырлас қала атанады.", "бауырлас", PLANNED),
])
def test_kazakh_present_future(sentence, cue, expected):
    assert verdict("kk", sentence, cue) == expected


def test_no_document_signed_is_negated():
    assert verdict("en", "The akim met the mayor of Győr; no document was signed.", "document was signed") == NEGATED
    assert verdict("en", "The akim met the mayor of Győr; a document was signed.", "document was signed") == HAPPENED


def test_a_kazakh_verb_cue_takes_the_tense_of_the_clauses_final_predicate():
    # "received (the envoy) and had discussed": the converb's event happened, whatever the final verb is
    sentence = "2 маусымда облыс әкімі елшіні қабылдап, келісімнің жобасын талқылаған болатын."
    assert verdict("kk", sentence, "қабылдап") == HAPPENED
    assert verdict("kk", "Әкім елшіні келесі аптада қабылдап, жобаны талқыламақ.", "қабылдап") == PLANNED


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # what is proposed is not done: a finite verb in the complement of a verb of proposing
    ("en", "The akim proposed that the two towns sign a memorandum of cooperation before the end of the year.",
     "memorandum", PLANNED),
    ("en", "The akim said that the two towns signed a memorandum of cooperation last year.", "memorandum", HAPPENED),
    # Kazakh: the question or the possibility of signing or going is raised, not the event itself
    ("kk", "Екі қала арасында бауырлас қалалар туралы келісім жасасу мәселесі өткен жылы көтерілген.",
     "бауырлас", PLANNED),
    ("kk", "Ал меморандумға қол қою мәселесі әлі пысықталу үстінде.", "меморандум", PLANNED),
    # a topic of talks is not the talks' own event
    ("kk", "Делегация Ташкентке барды, туризмді дамыту мәселесі талқыланды.", "барды", HAPPENED),
    # an agreement that is the object of a verb of proposing or planning is not signed; one agreed is
    ("en", "We have proposed a memorandum to a children's hospital in Dhaka, and a call is expected in March.",
     "memorandum", PLANNED),
    ("ru", "Аким предложил турецкой стороне меморандум о сотрудничестве в сфере туризма.", "меморандум", PLANNED),
    ("en", "The sides agreed a roadmap and signed a memorandum on cooperation.", "memorandum", HAPPENED),
    # Kazakh: a clause whose final predicate postpones or stops calls its event off, however far from the cue
    ("kk", "Шымкент пен Бурса арасындағы бауырлас қалалар туралы келісімге қол қою рәсімі тағы да кейінге шегерілді.",
     "бауырлас", NEGATED),
    ("kk", "Ал түрік делегациясының сапары Анкарадағы ресми іс-шараларға байланысты қаңтар айына шегерілді.",
     "сапар", NEGATED),
    # Kazakh: a signing or a trip in the accusative is what the verb after it proposes or plans, however far
    # from the cue word it stands; the cue's own predicate coming first keeps its tense
    ("kk", "Әкім қонақтарды қабылдап, екі қала арасындағы бауырластық туралы меморандумға биыл күзде Мары "
           "қаласында қол қоюды ұсынды.", "меморандум", PLANNED),
    ("kk", "Тараптар меморандумға қол қойды және келесі көктемде Бурсаға баруды жоспарлады.", "меморандум",
     HAPPENED),
    # the future participle in its possessive or case form: what was said is that it will be signed
    ("kk", "Әкім меморандумға күзде қол қойылатынын айтты.", "қол", PLANNED),
    # Russian: an infinitive after an invitation is the invitation's, even where the parse hangs it from the
    # verb that handed the invitation over
    ("ru", "Кроме того, Хидаят передал акиму приглашение губернатора провинции Западная Ява посетить Бандунг "
           "для обсуждения возможного установления партнерских связей.", "посетить", PLANNED),
    ("ru", "Посол также передал акиму письмо президента и приехал посетить Туркестан.", "посетить", HAPPENED),
    # a pledge or a promise holds its event as a plan
    ("en", "The mayor left Shymkent with a pledge of twinning with Sohar by the end of the year.", "twinning",
     PLANNED),
    ("en", "The governor gave a firm commitment to a visit to Turkistan in the spring.", "visit", PLANNED),
])
def test_proposals_and_questions_raised_are_not_done(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # an event that is the subject or object of a verb of scheduling is arranged, not held
    ("en", "A return visit by an Arys delegation to Orenburg is planned for November.", "visit", PLANNED),
    ("ru", "Ответный визит делегации Арыси в Оренбург запланирован на ноябрь.", "визит", PLANNED),
    # a verb of scheduling elsewhere leaves a held event alone
    ("en", "During the visit, which the akimat had planned for months, the sides signed a memorandum.", "memorandum",
     HAPPENED),
])
def test_an_event_scheduled_is_a_plan(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # an event that is itself the object of a verb of discussing is a topic, also as one of a list
    ("ru", "Аким и посол обсудили фармацевтику, текстиль и побратимство с Лахором.", "побратимство", PLANNED),
    ("ru", "Стороны обсудили побратимство двух городов.", "побратимство", PLANNED),
    # the results of a visit discussed: the visit was held
    ("ru", "Посол встретился с министром, обсудив итоги визита президента в Исламабад.", "визита", HAPPENED),
])
def test_an_event_discussed_is_a_topic(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


def test_an_event_told_as_part_of_a_plan_is_planned():
    sentence = ("A visit by a delegation from Aswan, which had been planned for this week as part of talks on rice "
                "growing, was postponed until October.")
    assert verdict("en", sentence, "talks") == PLANNED


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    # a negated predicate of any verb takes the event back: the trip "is not confirmed yet"
    ("Бухара хокимиятының өкілдері тәжірибе бөлісуге келісім берген, бірақ олардың сапары әлі "
     "нақтыланбаған.", "сапары", NEGATED),
    # postponed: "pushed back" as well as "put off"
    ("Самарқанд делегациясының сапары көктемге ысырылды.", "сапары", NEGATED),
    # a noun that ends like a negated past ("қызметі": service) negates nothing
    ("Делегация Бұхарада болып, келісімге қол қойды, деп хабарлады әкімдіктің баспасөз қызметі.",
     "қол қойды", HAPPENED),
])
def test_kazakh_negation_is_read_from_the_verbs_morphology(sentence, cue, expected):
    assert verdict("kk", sentence, cue) == expected


@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    # "-тық/-тік" before "туралы" is the abstract noun (brotherhood), not "we ... -ed": the verb after it decides
    ("Арыс ауданының екі мектебі Орша қаласының гимназияларымен бауырластық туралы келісім жасаспақ, ал аудандық "
     "білім бөлімі меморандум жобасын дайындап жатыр.", "бауырлас", PLANNED),
    ("Өткен жұмада Кентау мен Жезқазған бауырластық туралы келісім жасасты.", "бауырлас", HAPPENED),
    # a first person plural past stays a past ("we signed"), and a future participle before "туралы" a plan
    ("— Біз былтыр Бурсада ынтымақтастық жөнінде келісімге қол қойдық, — деді әкім.", "қол қойдық", HAPPENED),
    ("Екі тарап меморандумға қашан қол қойылатыны туралы келесі аптада хабарлайды.", "қол қойылатыны", PLANNED),
])
def test_kazakh_a_noun_in_tyq_before_a_topic_postposition_is_no_past(sentence, cue, expected):
    assert verdict("kk", sentence, cue) == expected


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # a present with a word of frequency is a habit, no event to draw
    ("ru", "По словам акима, туристы из Бишкека и Ташкента всё чаще приезжают в Туркестан на выходные.", "приезжают",
     HABITUAL),
    ("en", "Delegations from Bursa come to Shymkent every summer for the textile fair.", "come", HABITUAL),
    # the news present of one event, and a past, stay what they were
    ("ru", "Делегация из Бурсы сегодня прибывает в Шымкент.", "прибывает", ONGOING),  # going on, no habit
    ("ru", "Каждый год делегация Шымкента ездила в Бурсу на ярмарку.", "ездила", HAPPENED),
])
def test_a_present_with_a_word_of_frequency_is_a_habit(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # the subject of a passive of intent is what is intended, while the passive is present
    ("en", "The akim also announced that a video-conference with the authorities of Mombasa is being prepared "
           "for late January.", "video-conference", PLANNED),
    ("en", "A memorandum on tourism has been proposed to the Bursa side.", "memorandum", PLANNED),
    # a past perfect of preparing is a step before an event that was held
    ("en", "The visit had been prepared on 5 August, when the consul met the akim in Saryagash.", "visit",
     HAPPENED),
    # an event noun as the subject of "may" or "must" is what may or must happen; "managed to" did happen
    ("ru", "Аким добавил, что ответный визит мэра Сумгаита в Кентау может состояться весной.", "визит", PLANNED),
    ("ru", "Встреча делегаций должна пройти в Ташкенте в ноябре.", "Встреча", PLANNED),
    ("ru", "Визит мэра Сумгаита в Кентау смог состояться только в мае.", "Визит", HAPPENED),
    # "не" before the cue noun's own verb, however the parse hangs the words of a long sentence
    ("ru", "Посол пригласил нашу делегацию на выставку в Нью-Дели в марте, и мы это приглашение приняли, но "
           "поездка ещё не состоялась, так что говорить о результатах рано.", "поездк", NEGATED),
    ("ru", "Визит делегации Бухары в Туркестан не только состоялся, но и принёс соглашение.", "Визит", HAPPENED),
])
def test_an_event_that_is_prepared_or_may_happen_has_not_happened(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # deciding or agreeing to do it is a plan, in English by the verb, in Kazakh by the dative verbal noun
    ("en", "The sides compared forecasts for the river, and decided to meet in person in July, most likely in Nukus.",
     "meet", PLANNED),
    ("kk", "Тараптар өзен суының болжамын салыстырып, шілдеде Нөкісте бетпе-бет кездесуге келісті.", "кездесу",
     PLANNED),
    ("kk", "Аудан әкімдігі келесі айда Ошқа баруға шешім қабылдады.", "бару", PLANNED),
    # (a verbal noun in the dative further on is another thing agreed: the cue's own verb tells the cue)
    ("kk", "Екі қаланың басшылары бейнеконференция өткізіп, алмасуларды қайта бастауға уағдаласты.",
     "бейнеконференция өткізіп", HAPPENED),
    # a cue that holds its own relative clause: that clause's verb tells it, not the verb the noun hangs from
    ("en", "The sides relied on the monitoring agreement that the region and Karakalpakstan signed on 12 September "
           "2018.", "agreement that the region and Karakalpakstan signed", HAPPENED),
    ("en", "The sides discussed the agreement that Shymkent and Bursa will sign in May.",
     "agreement that Shymkent and Bursa will sign", PLANNED),
])
def test_what_was_decided_and_what_a_cues_own_clause_tells(lang, sentence, cue, expected):
    start = sentence.index(cue)
    assert realis(lang, sentence, start, start + len(cue)) == expected


def test_a_kazakh_cue_first_in_a_list_of_things_planned_is_planned():
    # the list's one verb stands at the end: "(it) intends to sign ..., to take part ... and to receive ..."
    sentence = ("Әкімдік Бурса мэриясымен бауырлас қалалар туралы келісімге қол қоюды, Анкарадағы халықаралық "
                "көрмеге қатысуды және Ыстамбұлдан делегация қабылдауды көздеп отыр.")
    assert verdict("kk", sentence, "келісімге қол қою") == PLANNED


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # what "was proposed" is still only proposed, whatever the tense of the passive
    ("en", "A sister-city agreement between Shymkent and Tulsa was proposed during the talks.", "sister-city",
     PLANNED),
    ("ru", "В ходе переговоров было предложено соглашение о побратимстве Шымкента и Талсы.", "соглашение", PLANNED),
    # a cue that says what kind its noun is: the noun's word decides ("a twinning pledge" is a promise)
    ("en", "The Omani mission brought a twinning pledge to Shymkent.", "twinning", PLANNED),
    # a step before an event that was held stays a step: the event happened
    ("en", "The sister-city agreement was signed in Tulsa on Monday.", "sister-city", HAPPENED),
])
def test_a_proposed_agreement_is_no_agreement(lang, sentence, cue, expected):
    start = sentence.index(cue)
    assert realis(lang, sentence, start, start + len(cue)) == expected


@pytest.mark.parametrize("word, expected", [
    ("жоспарланған", PLANNED),  # planned: a past participle of a verb of planning holds its event ahead
    ("белгіленген", PLANNED),  # set (for a date)
    ("барған", HAPPENED),
    ("жетті", HAPPENED),
])
def test_kazakh_word_realis_reads_a_plan_verb_before_its_tense(word, expected):
    from dashboard.lang.realis import kk_word_realis
    assert kk_word_realis(word) == expected


def test_kazakh_a_verbal_noun_in_the_accusative_is_no_past_and_waits_for_the_sentences_verb():
    # "қол қоюды" (the signing, as an object) ends like a past tense in -ды; its verb is the plan at the end of
    # the sentence, past a clause opened by "ал"
    text = ("Екінші жартыжылдықта Шымкент әкімдігі Хошиминмен ынтымақтастық туралы меморандумға қол қоюды, ал Кентау "
            "делегациясы Габровоға жауап сапармен баруды жоспарлап отыр.")
    cue = "ынтымақтастық туралы меморандум"
    at = text.index(cue)
    assert realis("kk", text, at, at + len(cue)) == PLANNED
    from dashboard.lang.realis import kk_word_realis
    assert kk_word_realis("қоюды") is None
    assert kk_word_realis("барды") == HAPPENED


def test_a_semicolon_ends_the_reach_of_an_intent_verb_after_it():
    # the parse hangs "signed" on "want" across the semicolon; the signing stands on its own, the tournament is
    # the plan
    sentence = ("On 6 June the akim of Kentau and the mayor of the mining town signed a memorandum on cooperation; "
                "the two towns want to hold a joint football tournament next year.")
    cue = sentence.index("memorandum")
    assert realis("en", sentence, cue, cue + len("memorandum")) == HAPPENED
    plan = sentence.index("hold")
    assert realis("en", sentence, plan, plan + len("hold")) == PLANNED


@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    # a coordinated predicate that denies the event was done takes it back
    ("en", "A similar memorandum between Turkistan and a Hungarian town has been under discussion since last "
           "spring but has not yet been signed, the akimat said.", "memorandum", NEGATED),
    # one that denies a later step does not: the agreement was signed
    ("en", "The memorandum was signed in March but has not been put into practice yet.", "memorandum", HAPPENED),
    ("ru", "Меморандум с венгерским городом был подписан в марте, но до сих пор не выполнен.", "Меморандум",
     HAPPENED),
])
def test_a_conjunct_that_denies_the_signing_takes_the_agreement_back(lang, sentence, cue, expected):
    start = sentence.index(cue)
    assert realis(lang, sentence, start, start + len(cue)) == expected


@pytest.mark.parametrize("lang, sentence, cue, expected", [
    # the document's own past participle of signing tells its event, whatever the document then promised
    ("ru", "Меморандум с Бухарой, подписанный в 2021 году, обещал совместные туры, но автобус ходил один сезон.",
     "Меморандум", HAPPENED),
    ("kk", "Бұхарамен 2021 жылы қол қойылған меморандум бірлескен туристік бағыттарды көздеген еді.", "меморандум",
     HAPPENED),
    ("kk", "Бұхарамен әлі қол қойылмаған меморандум бірлескен туристік бағыттарды көздейді.", "меморандум",
     NEGATED),
    # not a participle of the future, nor a document with no participle under a verb of promising
    ("kk", "Бұхарамен қол қойылатын меморандум бірлескен туристік бағыттарды көздейді.", "меморандум", PLANNED),
    ("ru", "Стороны пообещали подписать меморандум с Бухарой до конца года.", "меморандум", PLANNED),
    # a document said to be ready is not yet signed
    ("en", "A memorandum with Bukhara on heritage tours is ready and will be signed in May.", "memorandum", PLANNED),
])
def test_a_documents_own_past_participle_of_signing_tells_its_event(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


@pytest.mark.parametrize(("text", "cue", "verdict"), [
    ("Город ведёт переговоры о сотрудничестве с Бурсой.", "переговоры", ONGOING),
    ("Район проводит консультации с коллегами из Оша.", "консультации", ONGOING),
    ("Город провёл переговоры с Бурсой.", "переговоры", HAPPENED),
    ("Город проведёт переговоры с Бурсой.", "переговоры", PLANNED),
])
def test_a_russian_imperfective_present_tells_a_process_going_on(text, cue, verdict):
    i = text.index(cue)
    assert realis("ru", text, i, i + len(cue)) == verdict


# What a verb of intent is about or aims at, by its preposition and case, has not happened, however far the cue
# hangs below it; where an event took place ("на встрече", "в ходе визита") is no aim.
@pytest.mark.parametrize(("lang", "sentence", "cue", "expected"), [
    ("ru", "Тогда же стороны договорились о регулярных видеоконференциях, однако первая из них так и не "
           "состоялась.", "видеоконференциях", PLANNED),
    ("ru", "Аким и хоким договорились о визите делегации Шымкента в Ташкент весной.", "визите", PLANNED),
    ("ru", "Стороны договорились о подписании меморандума о сотрудничестве в сфере туризма.", "меморандума",
     PLANNED),
    ("ru", "Делегация Туркестана готовится к визиту в Бурсу.", "визиту", PLANNED),
    ("ru", "На встрече в Ташкенте стороны договорились о сотрудничестве в сфере туризма.", "встрече", HAPPENED),
    ("ru", "В ходе визита стороны договорились о сотрудничестве в сфере туризма.", "визита", HAPPENED),
])
def test_what_a_verb_of_intent_is_about_has_not_happened(lang, sentence, cue, expected):
    assert verdict(lang, sentence, cue) == expected


# Kazakh: a cue in the locative is where the clause's predicate is done; a predicate ahead puts it ahead.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Жол картасының орындалуы күзде Түркістанда өтетін облыс әкімі мен Ташкент облысы хокимінің кездесуінде "
     "қаралмақ.", PLANNED),
    ("Кеше Түркістанда өткен облыс әкімі мен Ташкент облысы хокимінің кездесуінде жол картасының орындалуы "
     "қаралды.", None),
])
def test_a_kazakh_cue_in_the_locative_takes_a_predicate_ahead(sentence, expected):
    assert verdict("kk", sentence, "кездесуінде") == expected


# What a verb of talking is about is a topic raised, as what a verb of discussing takes as its object; a verb of
# telling says nothing against the event it tells of (the clause's other words decide).
@pytest.mark.parametrize(("sentence", "cue", "expected"), [
    ("Тогда же стороны впервые заговорили о побратимстве, однако пандемия надолго отодвинула эти планы.",
     "побратимстве", PLANNED),
    ("Осенью аким Сайрама и хоким Риштана долго говорили о побратимстве двух районов.", "побратимстве", PLANNED),
    ("На встрече с журналистами аким рассказал о визите в Бурсу, который состоялся в прошлом месяце.", "визите",
     None),
])
def test_what_a_verb_of_talking_is_about_is_a_topic(sentence, cue, expected):
    assert verdict("ru", sentence, cue) == expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    # English tells talks going on as a state in the present: "is in talks", as the Russian "ведёт переговоры"
    ("The regional administration is now in talks with Gyeongsangbuk-do about a similar arrangement.", "talks",
     ONGOING),
    ("The two cities are in negotiations with each other on a sister-city agreement.", "negotiations", ONGOING),
    # the past is a report; a place the party is in is no state of talks
    ("The akim was in talks with the governor of Gyeongsangbuk-do on Monday.", "talks", HAPPENED),
    ("The delegation is in Bursa for talks with the mayor.", "talks", None),
])
def test_english_talks_told_as_a_present_state_are_going_on(text, cue, expected):
    i = text.index(cue)
    assert realis("en", text, i, i + len(cue)) == expected


def test_talks_going_on_in_english_are_no_meeting_held():
    from _links import links

    text = ("Turkistan seasonal workers\n\nTURKISTAN, 5 June 2024 - Forty farm workers from the Turkistan region left "
            "for South Korea on Tuesday. The regional administration is now in talks with Gyeongsangbuk-do about a "
            "similar arrangement for next year.")
    assert not any(kind == "meeting" for kind, _home, _partner in links(text))
