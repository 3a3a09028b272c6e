"""Kazakh: the alphabet facts every Kazakh rule shares (one copy of the letters).

Kazakh Cyrillic is the Russian alphabet plus nine letters. Seven of them are Kazakh's alone among the
Cyrillic alphabets GeoNames mixes in; і and һ are shared (Ukrainian "Стівенидж", Bashkir "Һельсинки"),
so they do not decide a language by themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.lang import words
from dashboard.names import fold

LETTERS = "әғқңөұүһі"  # lower case; the letters Russian lacks
LETTERS_UPPER = LETTERS.upper()
DECIDING = frozenset("әғқңөұү")  # a word with one of these is Kazakh (unless NOT_KAZAKH says otherwise)
NOT_KAZAKH = frozenset("їєґўҗҙҫҡӓӧӱӹ")  # letters of neighbouring alphabets Kazakh never writes
# The Russian letter each Kazakh one is heard as: "Шымкенттің" ~ "Шымкенттин", for spelling variants.
TO_RUSSIAN = str.maketrans(LETTERS, "агкноуухи")


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter Russian lacks (әғқңөұүһі, either case)."""
    return any(ch in LETTERS for ch in text.lower())


def looks_kazakh(name: str) -> bool:
    """A name only Kazakh would write: a deciding letter and none of a neighbouring alphabet."""
    letters = set(name.lower())
    return bool(letters & DECIDING) and not letters & NOT_KAZAKH


# ------------------------------------------------------------------------------------- word forms

# Suffix tables (after a stem ending in a vowel or a consonant, front or back vowels), by the slot each
# takes in a word: stem + plural + possessive + case (+ -ғы/-гі after a locative: Шымкенттегі). A word is
# peeled from its end, so each suffix peeled must sit in an earlier slot than the one peeled before it:
# "кейінгі" (later) is no "кей" + і + н + гі, and "облысының" is облыс + ы + ның.
_CASE, _POSSESSIVE, _PLURAL = 3, 2, 1
PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер")
GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")  # "Батумидің": Batumi's
GENITIVE = re.compile("(?:" + "|".join(GENITIVE_ENDINGS) + ")$")  # a word's genitive ending ("Ресейдің", of Russia)
LOCATIVE_ENDINGS = ("да", "де", "та", "те")  # "қаласында" (in the city)
# a possessed noun in the instrumental: what something was done by, with or at ("шақыруымен", at the invitation
# of; "қолдауымен", with the support of); the genitive before it is that means' owner
POSSESSED_INSTRUMENTAL = re.compile(r"(?:ы|і)(?:мен|менен)$")
# A count before a noun ("отыз фермер", "отызға жуық фермері", "15 маман", "бірнеше студент"): Kazakh counts
# with the noun in the singular, so a party of people may be written without the plural ending
COUNT = re.compile(r"(?:\d+|(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|"
                   r"сексен|тоқсан|жүз|мың)(?:ға|ге|қа|ке|дан|ден|тан|тен|нан|нен)?|бірнеше|көптеген)")
COUNT_REACH_WORDS = 2  # "отызға жуық фермері": a word of approximation between
# the endings that make an adjective of a noun: "шымкенттік" (of Shymkent), "медициналық" (medical); of a country's
# name, evidence of the country ("қазақстандық", Kazakhstani)
ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")
_KK_SUFFIXES: tuple[tuple[str, int], ...] = tuple(
    (suffix, slot) for slot, suffixes in (
        (_CASE, (
            *GENITIVE_ENDINGS,
            # dative
            "ға", "ге", "қа", "ке", "на", "не", "а", "е",
            *LOCATIVE_ENDINGS, "нда", "нде",
            # ablative
            "дан", "ден", "тан", "тен", "нан", "нен",
            # accusative
            "ны", "ні", "ды", "ді", "ты", "ті", "н",
            # instrumental
            "мен", "бен", "пен", "менен", "бенен", "пенен",
            # attributive locative: Шымкенттегі, Астанадағы
            "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
        )),
        # possessive 1st and 2nd person plural: Қазақстанымыз (our Kazakhstan), елімізде; 3rd person
        # (облыс -> облысы), kept last so облысы is tried as a whole first
        (_POSSESSIVE, ("ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "сы", "сі", "ы", "і")),
        (_PLURAL, PLURAL_ENDINGS),
    )
    for suffix in suffixes)


@lru_cache(maxsize=100_000)
def forms(word: str) -> tuple[str, ...]:
    """Folded candidate bases of a Kazakh word: the word, then with its suffixes peeled off in their
    order (case, then possessive, then plural), then the same bases respelled with Russian letters (tried
    last: a Kazakh name wins)."""
    w = fold(word)
    seen = {w: None}
    frontier = [(w, _CASE + 1)]
    first = True
    while frontier:
        nxt = []
        for form, below in frontier:
            for suf, slot in _KK_SUFFIXES:
                # a two-letter base only straight off the word: Ошта -> Ош
                if slot < below and form.endswith(suf) and len(form) - len(suf) >= (2 if first else 3):
                    base = form[: -len(suf)]
                    if base not in seen:
                        seen[base] = None
                        nxt.append((base, slot))
        frontier, first = nxt, False
    respelled = [f.translate(TO_RUSSIAN) for f in seen]
    # Kazakh spelling drops the Russian soft sign or keeps it (Астрахан / Астрахань облысы): try both
    unsoftened = [f.replace("ь", "") for f in seen if "ь" in f]
    # Kazakh puts a vowel before a word-initial s and consonant (Ыстамбұл, Ыспания): tried without it, last
    unprothetic = [f[1:] for f in seen if _PROTHESIS.match(f)]
    return tuple(dict.fromkeys([*seen, *respelled, *unsoftened, *unprothetic]))


_PROTHESIS = re.compile(r"[ыі]с[бвгджзклмнпрстфхцчшщқғң]")

# A stem's last voiceless consonant is voiced before a vowel suffix: қыркүйек -> қыркүйегінде, кітап -> кітабы
_VOICED = {"к": "г", "қ": "ғ", "п": "б"}


def voiced_stem(stem: str) -> str | None:
    """The form a stem takes before a vowel suffix, when it differs ("қыркүйек" -> "қыркүйег"), else None."""
    voiced = _VOICED.get(stem[-1:])
    return stem[:-1] + voiced if voiced else None


# Kazakh writes ш where its neighbours' names have ч (Шымкент / Чимкент, Шолпан-Ата / Чолпон-Ата, Шыршық /
# Чирчик): a spelling variant starting with ш is also looked for among names starting with ч.
SH_FOR_CH = ("ш", "ч")
# and ә where Russian writes э or а at a foreign name's start (Әл-Айн / Эль-Айн, Әбу-Даби / Абу-Даби)
AE_FOR = ("ә", ("э", "а"))


# ------------------------------------------------------------------------------------- word lists

# Kazakh case endings that put a word in a place's role: at (-да), from (-дан), to (-ға), of-at (-дағы)
# (the bare dative -а/-е is left out: "Динара" is a name, not "to Dinar")
PLACE_CASES = words("да де та те нда нде дан ден тан тен нан нен ға ге қа ке на не дағы дегі тағы тегі "
                    "ндағы ндегі")
# Of those, the attributive locatives (-дағы): "Ташкенттегі форум", the forum in Tashkent
ATTRIBUTIVE_LOCATIVE = frozenset(c for c in PLACE_CASES if c.endswith(("ғы", "гі")))
# Of those, the endings of a side that receives visitors: to (-ға) and at (-да), not from
DATIVE_ENDINGS = ("ға", "ге", "қа", "ке", "на", "не")  # "Астанаға" (to Astana)
RECEIVING_CASES = (*DATIVE_ENDINGS, *LOCATIVE_ENDINGS, "нда", "нде")
# Nouns whose genitive complement is a place: the akim of X, the residents of X
OF_PLACE = ("әкім", "тұрғын", "мэр", "губернатор", "делегация")
PLURAL_DIVISIONS = {"облыстар": "облысы", "аудандар": "ауданы", "провинциялар": "провинциясы"}
# Kazakh: a capitalised name right before a generic place word in the possessive, the form a name takes
# ("Гәнжә қаласының", "Гилян провинциясы"); "Екі қаланың" (of two cities) has the plain form.
PLACE_WORDS = ("қаласы", "облысы", "ауданы", "провинциясы", "штаты", "өлкесі", "ауылы", "аймағы",
               "воеводствосы", "префектурасы", "округі")
# the first-level divisions among them: "Ыссықкөл облысы", "Селангор штаты" name a country's region
REGION_WORDS = ("облысы", "провинциясы", "штаты", "өлкесі", "аймағы", "воеводствосы", "префектурасы")
# The adjective of a division after its name ("Түркістан облыстық мәслихаты") -> the noun.
DIVISION_ADJECTIVES = {"облыстық": "облысы", "аудандық": "ауданы"}
SURNAME_ENDINGS = ("ұлы", "қызы", "улы", "кызы")
# "М. Әуезов атындағы университет": the name before "атындағы" (named after) is a person's, never a place
NAMED_AFTER_AFTER = ("атында", "атымен")
# The visitors of a story ("қонақтар", "қонақтарды"): word beginnings
GUEST_WORDS = ("қонақ",)
# Roles written before a person's name, in any form ("Бусан мэрі Пак Сон Мин", "хокимі Жасур Рашидов"):
# word beginnings
REGION_OFFICES = ("губернатор", "воевода", "маршал")  # a region's offices (en.REGION_OFFICES)
ROLE_TITLES = ("әкім", "мэр", "губернатор", "хоким", "елші", "консул", "басшы", "төраға", "министр",
               "президент", "маршал", "префект",
               # deputies, representatives and heads of offices ("мэрінің орынбасары Ван Лэй", "өкілі Дэвид Маклейн")
               "орынбасар", "вице-", "өкіл", "директор", "ректор", "хатшы", "бастығ", "меңгеруші", "кеңесші",
               "жетекші", "депутат", "сенатор", "спикер", "атташе")
# Demonstrative and personal pronouns in their cases: a closed class of words that are never names, though a
# sentence start capitalises them and a case ending peeled off leaves a town ("Бұдан" is no Buda + -н)
PRONOUNS = words("бұл бұның бұған бұны бұнда бұдан бұнан бұнымен мұның мұған мұны мұнда мұнан мұнымен "
                 "осы осының осыған осыны осында осыдан осымен сол соның соған соны сонда содан сонан сонымен "
                 "ол оның оған оны онда одан онымен олар олардың оларға оларды оларда олардан олармен "
                 "мына мынау мынаның мынаған мынаны мынада мынадан ана анау сондай мұндай осындай осылай солай")
COORDINATORS = words("және мен пен бен")
AND_PHRASES = ("және", "мен", "пен", "бен")
COMITATIVE_ENDINGS = ("мен", "пен", "бен")  # "делегациясымен кездесті": met with the delegation
# a converb ("барып", "келіп", "болып"): a verb with no tense of its own, whose clause runs on into the next
# predicate with the same subject ("Бұхараға барып, меморандумға қол қойды": went to Bukhara and signed there)
CONVERB = re.compile(r"(?:ып|іп|[аеәоөұүыіуи]п)$")
# the accusative, bare ("шақыруды") or after a possessive ("өтінішін", "делегациясын")
ACCUSATIVE_ENDINGS = ("ды", "ді", "ты", "ті", "ны", "ні", "ын", "ін")
# participles of "өту" (to be held) between a venue and its event: "Ташкентте өткен халықаралық туризм жәрмеңкесі"
HELD_PARTICIPLES = words("өткен өтетін өтіп өткізілген өткізілетін")

PAIR_JOINS = ("және", "мен", "пен", "бен")

# Nouns of water and land features and of streets as written after the name ("Арал теңізі", "Балқаш көлі", "Іле
# өзені", "Орқаш орманы", "Абай даңғылы").
# Only the possessive forms: a bare noun qualifies the next one ("Поти теңіз порты", the port of Poti by the sea).
FEATURE_HEADS = words("теңізі көлі өзені тауы таулары шығанағы бұғазы шөлі алабы "
                      "жағасы жағасында жағасындағы жағалауы жағалауында "  # the shore: "Есіл жағасындағы"
                      "орманы қорығы шатқалы аралы түбегі жотасы көшесі даңғылы "
                      # a mountain's slopes and foot: "Қаратау баурайындағы ауылдар", "Қаратау етегінде"
                      "баурайы баурайында баурайындағы етегі етегінде етегіндегі етегіне")
FEATURE_HEADS_BEFORE: frozenset[str] = frozenset()

# Heads of the names of bodies that are not a place's government ("Анкара ... университеті", "Ресей жазушылар
# одағы", "Қазақстан халқы Ассамблеясы"): a bare place name a few plain words before one is part of that name.
# Governments (әкімдік, мәслихат, министрлік) are left out: "Шымкент қаласы әкімдігі" acts for the city.
ORG_HEADS = words(
    "университет институт академия колледж училище мектебі одағы ассамблея қауымдастығы театр "
    "музей қорық-музей зауыт комбинат корпорация холдинг")
# Of those, bodies that sign and travel for themselves: the place in their name is their side of a link
ACTING_BODY_HEADS = words("университет институт академия колледж")
# (not "компаниясы", "орталығы": "Германия компаниясы" is a German company, "Қазақстан ... қаржы орталығына
# айналса" a country becoming a financial centre; they head descriptions as often as names)
# Case endings that end an organisation's name scan: a word in the genitive, locative, dative or ablative
# before the head is a phrase of its own ("Түркістан облысының университеттері": the region's universities).
NAME_BREAKING_CASES = (*GENITIVE_ENDINGS, *LOCATIVE_ENDINGS, "нда", "нде",
                       "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен",
                       # the attributive locative: "Сендай қаласындағы Тохоку университеті" is a university in Sendai
                       "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")


# Reported speech: a clause ended by a participle in the accusative ("атанғанын", "барғанымызды", "болатынын") that
# a final verb of saying governs ("... бауырлас атанғанын айтты", "... қол қойылғанын атап өтті"): what was said.
REPORTED_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен|атын|етін|йтын|йтін)(?:ын|ін|ды|ді|ымызды|імізді|ымды|імді)$")
SAYING_STEMS = ("айт", "жеткіз", "мәлімде", "хабарла", "түсіндір", "атап өт", "атап көрсет", "еске сал",
                "мәлім ет", "баса айт", "тілге тиек ет", "сенім білдір", "ескерт", "мойында", "растады")
SAYING_WORDS = 3  # a saying verb of up to two words and an adverb before it ("атап өтті", "баса айтты")


def reported_clause_end(text: str) -> int | None:
    """The end of the reported clause of a sentence whose final verb is one of saying ("Рахимова Наманган
    Бурсамен бауырлас атанғанын айтты": up to "атанғанын"), or None."""
    found = list(re.finditer(r"[^\W\d_]+", text))[-(SAYING_WORDS + 1):]
    for k in range(len(found) - 1):
        tail = " ".join(m.group().casefold() for m in found[k + 1:])
        if tail.startswith(SAYING_STEMS) and REPORTED_PARTICIPLE.search(found[k].group().casefold()):
            return found[k].end()
    return None


# the offices only Kazakhstan has, bare and in the nominative ("әкім қол қойды", "әкімдік қабылдады"): a subject the
# story already knows; the possessive ("Кентау әкімі", "қала әкімдігі") says whose, other cases are no subject
OFFICE_SUBJECTS = frozenset({"әкім", "әкімдік"})
