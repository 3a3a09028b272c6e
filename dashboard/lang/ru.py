"""Russian: natasha's models behind small functions (the only module that imports natasha).

- ``ner(text)``: named entities (PER, LOC, ORG) with character offsets, and each entity's dictionary form
  on demand (``NerText.lemma``: "Стивенейджем" -> "Стивенейдж");
- ``morph_vocab()``: the dictionary morphology (pymorphy2 through natasha's MorphVocab, no neural model).

Each model is loaded on first use (NER about 1 s, morphology 0.15 s) and dropped by ``release()``: a
long-running dashboard frees them after a build, and only a cache miss or an upload loads them again.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from dashboard.lang import Entity, LazyModel, Token, without_loops, words
from dashboard.names import fold, is_cyrillic

log = logging.getLogger(__name__)

PERSON, PLACE = "PER", "LOC"
_MISSING = "natasha is not installed; Russian NER and morphology off"


def _load_ner() -> dict:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return {"segmenter": Segmenter(), "ner": NewsNERTagger(emb), "emb": emb}


def _load_morph_tagger():
    from natasha import NewsMorphTagger

    return NewsMorphTagger(_NER.get()["emb"])


def _load_vocab():
    from natasha import MorphVocab

    return MorphVocab()


_NER = LazyModel(_load_ner, missing=_MISSING)
_MORPH_TAGGER = LazyModel(_load_morph_tagger, missing=_MISSING)  # only for lemmas of unknown LOC spans
_VOCAB = LazyModel(_load_vocab, missing=_MISSING)


def _load_syntax():
    from natasha import NewsSyntaxParser

    return NewsSyntaxParser(_NER.get()["emb"])


_SYNTAX = LazyModel(_load_syntax, missing=_MISSING)  # only for the sentences that can hold an event


class NerText:
    """natasha's reading of one text: its entities, and their dictionary forms when asked (the
    morphology runs over the text only then: most articles never need it)."""

    def __init__(self, doc) -> None:
        self._doc = doc
        self._spans = list(doc.spans)
        self.entities = [Entity(s.start, s.stop, s.type, s.text) for s in self._spans]
        self._morph_done = False

    def lemma(self, index: int) -> str:
        span = self._spans[index]
        if not self._morph_done:
            self._doc.tag_morph(_MORPH_TAGGER.get())
            self._morph_done = True
        try:
            span.normalize(morph_vocab())
            return span.normal or span.text
        except Exception as err:  # natasha's normaliser fails on odd tokens; the surface form still serves
            log.debug("no dictionary form for %r: %s", span.text, err)
            return span.text


def ner(text: str) -> NerText | None:
    """Named entities of ``text``; None when natasha is not installed."""
    models = _NER.get()
    if models is None:
        return None
    from natasha import Doc

    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_ner(models["ner"])
    return NerText(doc)


def morph_vocab():
    return _VOCAB.get()


@lru_cache(maxsize=50_000)
def _known_readings(lower: str) -> tuple:
    """The dictionary's readings of a lower-cased Cyrillic word it knows; () for any other word (the
    dictionary's guesses for unknown words tell nothing)."""
    vocab = morph_vocab()
    if not is_cyrillic(lower) or not vocab.word_is_known(lower):
        return ()
    return tuple(vocab.parse(lower))


def readings(word: str) -> tuple:
    """The dictionary's readings (normal form, tag) of a Russian word it knows, in any case; () otherwise."""
    return _known_readings(word.lower())


@lru_cache(maxsize=50_000)
def dictionary_bases(word: str) -> frozenset[str] | None:
    """The folded word and its dictionary forms when the dictionary knows it as a noun only ("Совета" ->
    совет, "Гомеля" -> гомель); None when it does not know it, or knows it as another part of speech, and
    ``forms`` must guess the base from the ending ("Шымкенте", "Новгородской"). A base guessed for a known
    noun is no base of it: "Совета" is no form of a "Совето"."""
    lower = word.lower()
    parses = _known_readings(lower)
    if not parses or any(p.pos != "NOUN" for p in parses):
        return None
    return frozenset({fold(lower), *(fold(p.normal) for p in parses)})


def common_noun_only(word: str, *, after: str | None = None) -> bool:
    """Does the dictionary know ``word`` only as a common noun, with no reading as a place's name ("Советом" is
    a council, "Дружба" friendship; "Орёл" is also the city, "Гомеля" only the city)? After a preposition,
    only the readings in a case it governs count: "выехала в Асан" has no common noun "асан" (a nominative)."""
    parses = _known_readings(word.lower())
    if after is not None and (governed := GOVERNED_CASES.get(after.lower())) is not None:
        parses = tuple(p for p in parses if p.feats.get("Case") in governed)
    return bool(parses) and all(p.pos == "NOUN" and "Geox" not in str(p.tag) for p in parses)


def names_people(word: str) -> bool:
    """Does the dictionary know ``word`` only as an animate noun ("ветераны", "аксакалов", "школьники"), so that
    an adjective before it qualifies people, who can travel and be a side, rather than things ("ковры")?"""
    parses = _known_readings(word.lower())
    return bool(parses) and all(p.pos == "NOUN" and p.feats.get("Animacy") == "Anim" for p in parses)


def no_noun_reading(word: str) -> bool:
    """Does the dictionary know ``word`` only as a word that names nothing, no noun and no place ("Самое" is
    "the most", never Samoa; "Кстати", "Можно")?"""
    parses = _known_readings(word.lower())
    return bool(parses) and all(p.pos not in ("NOUN", "PROPN") and "Geox" not in str(p.tag) for p in parses)


def qualifies_next(word: str, following: str) -> bool:
    """Can ``word`` be an adjective agreeing with the lower-case word after it, in case, number and (in the
    singular) gender ("в Татарском академическом театре": "татарский", not the town Tatarsk)?"""
    if not following or not following[0].islower():
        return False

    def agreement(p) -> tuple:
        number = p.feats.get("Number")
        return p.feats.get("Case"), number, p.feats.get("Gender") if number == "Sing" else None
    adjectives = {agreement(p) for p in _known_readings(word.lower()) if p.pos == "ADJ"}
    return bool(adjectives) and any(agreement(p) in adjectives for p in _known_readings(following.lower())
                                    if p.pos in ("ADJ", "NOUN"))


# settlement words after which a common noun is a town's name ("посёлок Дружба", "в городе Бор")
SETTLEMENT_BEFORE = words("город городе города городу городом г пос поселок посёлок посёлке поселке село села "
                          "селе аул аула ауле станция станции")


@lru_cache(maxsize=10_000)
def cases(word: str) -> frozenset[str]:
    """The cases the dictionary morphology (or its guess for an unknown word) can read ``word`` in ("бреста":
    Gen; "ирина": Nom); empty for a word that is not Cyrillic."""
    if not word or not is_cyrillic(word.lower()):
        return frozenset()
    return frozenset(case for p in morph_vocab().parse(word.lower()) if (case := p.feats.get("Case")))


@lru_cache(maxsize=10_000)
def is_genitive(word: str) -> bool:
    """Can the dictionary morphology (or its guess for an unknown word) read ``word`` as a genitive?"""
    return "Gen" in cases(word)


@lru_cache(maxsize=256)
def parse(text: str) -> tuple[Token, ...] | None:
    """natasha's morphology and dependency parse of one sentence (None without natasha); lemmas from the
    dictionary morphology. Cached: relations ask once per cue of the same sentence."""
    models, syntax, vocab = _NER.get(), _SYNTAX.get(), _VOCAB.get()
    tagger = _MORPH_TAGGER.get()
    if models is None or syntax is None or vocab is None or tagger is None:
        return None
    from natasha import Doc

    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_morph(tagger)
    doc.parse_syntax(syntax)
    index = {t.id: i for i, t in enumerate(doc.tokens)}
    out = []
    for t in doc.tokens:
        t.lemmatize(vocab)
        out.append(Token(t.start, t.stop, t.text, (t.lemma or t.text).lower(), t.pos or "", t.rel or "",
                         index.get(t.head_id, -1), dict(t.feats or {})))
    return without_loops(tuple(out))


def loaded() -> bool:
    return _NER.loaded() or _MORPH_TAGGER.loaded() or _VOCAB.loaded() or _SYNTAX.loaded()


def release() -> None:
    for model in (_MORPH_TAGGER, _SYNTAX, _NER, _VOCAB):
        model.release()
    parse.cache_clear()
    _known_readings.cache_clear()  # (the readings hold the dictionary's tag objects)


# ------------------------------------------------------------------------------------- word forms

# ending -> nominative endings it may replace. Longest ending first wins per rule, but every rule
# that fits contributes candidates: the index decides which candidate is a real name.
_RU_NOUN = {
    "ом": ("", "о"), "ем": ("", "ь", "й", "е"), "ой": ("а",), "ей": ("я", "ь"), "ою": ("а",),
    "ью": ("ь",), "а": ("", "о", "ь"), "я": ("ь", "й", "е"), "у": ("", "а", "о"), "ю": ("я", "ь", "й"),
    "е": ("", "а", "я", "о", "й", "ь"), "и": ("ь", "я", "а", "й"), "ы": ("а", ""), "ах": ("ы", "и", "а"),
    "ях": ("и", "я"), "ов": ("ы",), "ев": ("и",), "ам": ("ы", "а"), "ям": ("и",), "ами": ("ы",),
    "ями": ("и",),
}
_RU_ADJ_STEMS_ENDINGS = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю",
                         "ая", "яя", "ое", "ее", "ий", "ый", "ые", "ие", "ых", "их", "ыми", "ими")
_RU_ADJ_NOMINATIVES = ("ий", "ый", "ая", "ое", "ые", "ие", "ой")
_MIN_STEM = 2


@lru_cache(maxsize=100_000)
def forms(word: str) -> tuple[str, ...]:
    """Folded candidate base forms of a Russian word, the word itself first."""
    w = fold(word)
    out = [w]
    if not is_cyrillic(w):
        return (w,)
    for end, bases in _RU_NOUN.items():
        if w.endswith(end) and len(w) - len(end) >= _MIN_STEM:
            stem = w[: -len(end)]
            out.extend(stem + b for b in bases)
    for end in _RU_ADJ_STEMS_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: -len(end)]
            out.extend(stem + b for b in _RU_ADJ_NOMINATIVES)
    head, dash, tail = w.partition("-")
    if dash and tail:
        # a compound adjective's first part is invariable (Восточно-Казахстанской); writers often inflect it
        # too (Восточной-Казахстанской): read it back as the compound stem
        for end in _RU_ADJ_STEMS_ENDINGS:
            if head.endswith(end) and len(head) - len(end) >= 3:
                out.extend(f"{head[: -len(end)]}о-{form}" for form in forms(tail))
                break
    return tuple(dict.fromkeys(out))


# A relational adjective made from a town's name ("Лидский", "Смолевичского", "Бостанлыкском", "Гродненского"):
# the name is its stem, or the stem with the ending the adjective's suffix took off
_TOWN_ADJECTIVE = re.compile(r"^(?P<stem>\w{2,}?)(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)$")
_TOWN_ENDINGS = ("", "а", "и", "ы", "о", "ь", "я", "ск")
# the nouns of a district a town's adjective names ("Лидский район", "в Смолевичском районе", "Ошского округа")
DISTRICT_NOUNS = ("район", "округ", "уезд")


def towns_of_adjective(word: str) -> tuple[str, ...]:
    """Folded names of the towns a relational adjective may be made from ("смолевичском" -> "смолевичи", ...,
    "гродненского" -> "гродно"); the gazetteer decides which is a town."""
    m = _TOWN_ADJECTIVE.match(fold(word))
    if m is None or not is_cyrillic(m.group("stem")):
        return ()
    stem = m.group("stem")
    out = [stem + ending for ending in _TOWN_ENDINGS]
    if stem.endswith("ен") and len(stem) > 4:
        out += [stem[:-2] + "о", stem[:-2] + "а"]  # "Гродненский" of Гродно, "Сумской" aside
    return tuple(out)


# ------------------------------------------------------------------------------------- word lists

# Generic words natasha may tag as a location on their own ("Графства", "Земли" = the Earth).
GENERIC = words(
    "графство область район регион край округ провинция штат земля город село страна республика "
    "континент мир столица улица проспект площадь озеро река море океан остров горы гора")
# An inflected Russian/Kazakh surname or patronymic (Сыздыкбековым, Кушерова, Метшиным, Ивановичем).
SURNAME = re.compile(r"(?:[оеё]в|[иы]н)(?:а|у|ым|ой|ою|ом|е|ы|ых|ыми)?$|(?:ск|цк)(?:ий|ая|ого|ому|им|ой|ую|ом)$"
                     r"|(?:енко|швили|дзе|янц?|ұлы|қызы|ович|евич|овна|евна)\w*$")
DEMONYM_ENDINGS = words(
    "ий ый ая ое ие ые ого его ому ему им ым ом ем ой ей ую юю их ых ими ыми о а ы и е у ом ам ами ах ов ев")
# prepositions of a party's origin: "делегация из Бурсы", "делегация от Газиантепа"
ORIGIN_PREPOSITIONS = words("из от")
PLACE_PREPOSITIONS = words("в во из до под близ около")  # they govern a place's case: never before a given name
# the cases each of them governs (a word in no such case is not their complement)
GOVERNED_CASES = {"в": {"Acc", "Loc"}, "во": {"Acc", "Loc"}, "из": {"Gen"}, "до": {"Gen"}, "под": {"Acc", "Ins"},
                  "близ": {"Gen"}, "около": {"Gen"}}
LOCATIVE_BEFORE = PLACE_PREPOSITIONS | words("город городе города городу городом г пос село села аул аула")
# Nouns whose genitive complement is a place: the mayor of X, the residents of X (stems: every case form)
OF_PLACE = ("мэр", "губернатор", "аким", "жител", "делегаци", "администраци", "горсовет", "власт",
            "побратим", "окрестност", "пригород", "центр")
# Words of almost every Russian sentence: counted against Kazakh letters to tell the two apart.
FUNCTION_WORDS = frozenset(
    ["и", "в", "на", "с", "по", "что", "не", "для", "от", "о", "об", "к", "из", "за", "при", "как", "это", "также",
     "а", "но"])
# Day numbers written as ordinal words ("Девятнадцатого сентября", "двадцать первое мая", "четырнадцатого
# числа"): each stem with its day; any adjective ending follows (ORDINAL_ENDING)
_ORDINAL_UNITS = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят")
_ORDINAL_TEENS = ("десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат",
                  "семнадцат", "восемнадцат", "девятнадцат")
ORDINAL_DAY_STEMS: tuple[tuple[str, int], ...] = (
    *((stem, day) for day, stem in enumerate(_ORDINAL_UNITS, start=1)),
    *((stem, day) for day, stem in enumerate(_ORDINAL_TEENS, start=10)),
    ("двадцат", 20), ("тридцат", 30), (r"тридцать\s+перв", 31),
    *((r"двадцать\s+" + stem, day) for day, stem in enumerate(_ORDINAL_UNITS, start=21)),
)
ORDINAL_ENDING = r"ь?(?:его|ого|ое|ем|ом|ым|ому|ему|е)"
PERSON_TITLES = words("г-н г-жа господин госпожа мистер миссис")
# "университет имени М. Ауэзова", "колхоз им. Ленина": the name after these words is a person's, never a place
NAMED_AFTER_BEFORE = words("имени им")
# Roles written before a person's name ("мэр Пак Сон Мин", "хоким Жасур Рашидов"): word beginnings
# The heads of a place, whose genitive after them is their place ("аким Шымкента", "мэр Бурсы")
OFFICE_TITLES = words("аким акима акиму акимом мэр мэра мэру мэром губернатор губернатора губернатору губернатором "
                      "хоким хокима хокиму хокимом")
HOME_ROLE_TITLES = ("аким",)  # offices only Kazakh places have: the town after one is its place
REGION_OFFICES = ("губернатор", "воевод", "маршал")  # a region's offices (en.REGION_OFFICES)
ROLE_TITLES = ("аким", "мэр", "губернатор", "хоким", "посол", "консул", "глав", "председател", "министр",
               "президент", "маршал", "префект",
               # deputies, representatives and heads of offices, who are named as often ("заместитель мэра Ван Лэй")
               "заместител", "вице-", "представител", "директор", "ректор", "секретар", "руководител", "начальник",
               "советник", "депутат", "сенатор", "спикер", "атташе")
SURNAME_ENDINGS = ("ович", "евич", "ов", "ова", "ев", "ева", "ин", "ина", "енко", "ский", "ская", "ян", "баев",
                   "баева", "беков", "бекова", "швили", "дзе", "оглу")
# Plural division nouns after a list of names ("Павлодарской и Омской областями") -> the singular.
PLURAL_DIVISIONS = {**dict.fromkeys(("области", "областей", "областям", "областями", "областях"), "область"),
                    **dict.fromkeys(("края", "краев", "краям", "краями", "краях"), "край"),
                    **dict.fromkeys(("районов", "районы", "районам", "районами", "районах"), "район")}
# The adjective of a division after its name ("Туркестанского областного маслихата") -> the noun.
DIVISION_ADJECTIVES = {"областн": "область", "районн": "район", "краев": "край"}
COORDINATORS = words("и а также")
# words before a place that say it takes no part: "Без участия Казахстана ... подписали", "outside Kazakhstan"
EXCLUDING = ("без", "без участия", "за пределами", "вне")
AND_PHRASES = ("и", "а также")
PAIR_JOINS = ("и", "с", "со")


def oblast_adjectives(city: str) -> tuple[str, ...]:
    """The Russian adjectives an oblast named after its centre may take: Могилёв -> Могилёвская, Витебск ->
    Витебская, Донецк -> Донецкая, Одесса -> Одесская, Сумы -> Сумская, Запорожье -> Запорожская,
    Хмельницкий -> Хмельницкая. A neuter centre takes "-ская" on its stem or, when it ends in "-но", inserts
    "-ен-" (Иваново -> Ивановская, Гродно -> Гродненская, Ровно -> Ровенская): which one is the language's habit
    of each name, so all are offered; each is only ever read before "область". Empty for a name the rules do not
    cover."""
    word = city.strip()
    low = word.lower()
    if not word or " " in word:
        return ()
    if low.endswith(("ий", "ый")):
        return (word[:-2] + "ая",)
    if low.endswith(("ье", "ья")):
        word = word[:-2]
    elif low[-1] in "оеё":
        stem = word[:-1]
        if not stem or stem[-1].lower() not in "бвгдзклмнпрстфх":
            return ()
        made = [stem + "ская"]
        if stem[-1].lower() == "н":
            made += [stem + "енская", stem[:-1] + "енская"]
        return tuple(made)
    elif low.endswith(("а", "я", "ы", "и")):
        word = word[:-1]
    low = word.lower()
    if low.endswith(("ск", "цк")):
        return (word + "ая",)
    if low.endswith(("с", "ц")):
        return (word + "кая",)
    if low.endswith("ь"):
        return (word + "ская",)
    if low[-1] in "бвгджзйклмнпрстфхчшщ":
        return (word + "ская",)
    return ()

# Nouns of water and land features and of streets (dictionary forms): "Аральское море", "озеро Балхаш", "река
# Или", "улица Абая" name the feature, not the town of that name.
FEATURE_HEADS = words("море озеро река залив пролив горы хребет бассейн пустыня водохранилище канал остров "
                      "полуостров")
FEATURE_HEADS_BEFORE = words("озеро река гора хребет пустыня водохранилище остров полуостров улица проспект "
                             "площадь бульвар берег")  # ("на правом берегу Сырдарьи": the river, not the region)
