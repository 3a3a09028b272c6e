"""Did the event a cue word names happen? Read from the verb that carries it, per language.

``realis(lang, sentence, start, end)`` looks at the clause of a cue word (``sentence[start:end]``) and
returns ``HAPPENED`` (a past indicative verb, a past participle: "подписали", "signed", "қол қойды"),
``PLANNED`` (future tense, intention, an infinitive governed by a verb of intent, a conditional: "подпишут",
"will sign", "plans to visit", "бармақ"), ``NEGATED`` ("не подписали", "did not visit", "қоймады") or
``None`` when the clause holds no verb that tells (a bare noun: "визит", "memorandum"); the caller then
falls back to its cue windows. The verb decides, not the nearest cue word: "обсудили перспективы и
подписали меморандум" is a signed memorandum although "перспективы" stands next to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.lang import Token, kk, parse, relative_objects, ru

HAPPENED, PLANNED, NEGATED, HABITUAL = "happened", "planned", "negated", "habitual"
NOT_HAPPENED = frozenset({PLANNED, NEGATED, HABITUAL})  # no event to draw: ahead, called off, or a habit
# a process going on as the story is told: talks of it are no meeting held, while people it finds somewhere are there
# ("группа археологов из Сианя работает в Отрарском районе") and a tie it tells stands
ONGOING = "ongoing"
# words of frequency that make a present tense a habit ("guests from Novosibirsk come more and more often", "every
# summer delegations arrive"), not the news present of one event
_FREQUENCY = frozenset({"often", "regularly", "usually", "frequently", "annually", "routinely", "every", "each",
                        "часто", "частый", "регулярно", "ежегодно", "обычно", "постоянно", "нередко", "ежемесячно",
                        "еженедельно", "каждый", "всегда"})
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(r"[;:()«»\"“”]|,\s*(?:а|но|однако|который|которая|которые|где|когда|чтобы|but|which|who|"
                           r"where|while|бірақ|алайда|ал|сондықтан|себебі|өйткені)\b", re.IGNORECASE)
_SCOPE_WORDS = 5  # how far from the cue word the carrying verb may stand


def realis(lang: str, sentence: str, start: int, end: int) -> str | None:
    """Realis of the cue ``sentence[start:end]``: from the dependency parse where the language has a parser
    (English, Russian), else from the words of its clause (Kazakh, or without the models)."""
    tokens = parse(lang, sentence)
    if tokens is not None:
        if _negated_next_verb(tokens, start, end):
            return NEGATED
        return _from_parse(lang, tokens, start, end)
    return _from_words(lang, sentence, start, end)


_NOT_ONLY = frozenset({"только", "лишь", "only", "just"})  # "не только состоялся": it did, and more


def _not_only(tokens: tuple[Token, ...], negation: Token) -> bool:
    """Is the negation the first word of "не только", "not only"?"""
    after = next((t for t in tokens if t.start >= negation.end), None)
    return after is not None and after.lemma.lower() in _NOT_ONLY
_NEGATION_REACH = 3  # "поездка ещё не состоялась", "визит так и не состоялся": "не" and a word or two before it


def _negated_next_verb(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Is a cue noun followed, in its own clause, by a finite verb with "не"/"not" right before it ("поездка
    ещё не состоялась")? Then the event did not happen, however the parse hung the words of a long sentence
    (it may hang "не" from "ещё" and the noun from another clause's verb)."""
    span = _span(tokens, start, end)
    if not span or any(_verbal(tokens[i]) for i in span):
        return False
    joined = set(span)  # the cue and the nouns coordinated with it ("встреч и соглашений там не было")
    for i in range(span[-1] + 1, len(tokens)):
        t = tokens[i]
        if t.pos == "CCONJ" and i + 1 < len(tokens) and tokens[i + 1].dep == "conj" and tokens[i + 1].head in joined:
            joined.add(i + 1)
            continue
        if i in joined:
            continue
        if t.pos == "PUNCT" or t.pos in ("SCONJ", "CCONJ") or t.pos in ("NOUN", "PROPN") and t.dep.startswith("nsubj"):
            return False  # the clause ends, or another subject begins its own
        if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") not in ("Inf", "Part", "Conv", "Ger"):
            return any(tokens[j].lemma.lower() in _NEGATIONS and tokens[j + 1].lemma.lower() not in _NOT_ONLY
                       for j in range(max(span[-1] + 1, i - _NEGATION_REACH), i))
    return False


def _from_words(lang: str, sentence: str, start: int, end: int) -> str | None:
    clause_start, clause_end = _clause(sentence, start, end)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence, clause_start, clause_end)]
    if lang == "kk" and words and words[-1][1] >= end and _KK_CONVERB.search(words[-1][2].lower()):
        # a Kazakh clause that ends in the cue's converb ("облысқа келіп, ... шақырды") has no tense of its own:
        # it runs on to the sentence's final predicate
        words += [(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence, clause_end)]
    cue = [i for i, (s, e, _) in enumerate(words) if s < end and start < e]
    if not cue:
        return None
    first, last = cue[0], cue[-1]
    if lang == "ru":
        return _ru(words, first, last)
    if lang == "kk":
        found = _kk(words, first, last)
        listed = next((w for w in words[last:last + _SCOPE_WORDS] if _KK_ACCUSATIVE_VERBAL_NOUN.search(w[2].lower())
                       and sentence[w[1]:w[1] + 1] == ","), None)
        if found is None and listed is not None and (
                _kk_plans(words[-_KK_FINAL_WORDS:])
                or _kk_plans([(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)][-_KK_FINAL_WORDS:])):
            # "келісімге қол қоюды, ... қатысуды және ... қабылдауды көздеп отыр": the cue's verbal noun is the first
            # of a list of objects of one verb, said once at the end of the clause, or of the sentence ("қол
            # қоюды, ал Кентау делегациясы ... баруды жоспарлап отыр")
            return PLANNED
        return found
    return _en(words, first, last)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


# ------------------------------------------------------------------------------------------ Russian

# verbs whose infinitive complement has not happened yet ("планируют подписать", "договорились посетить")
_RU_INTENT = frozenset({
    "планировать", "запланировать", "намереваться", "собираться", "хотеть", "захотеть", "мочь", "смочь",
    "договориться", "договариваться", "предложить", "предлагать", "пригласить", "приглашать", "готовиться",
    "рассчитывать", "надеяться", "решить", "решать", "обещать", "пообещать", "стремиться", "желать",
    "предстоять", "следовать", "нужно", "должный", "обсудить", "обсуждать", "поручить", "рассмотреть",
})
# Verbs that make a noun cue's event happen ("подписали меморандум", "визит состоялся", "стали побратимами")
_RU_REALIZING = frozenset({
    "подписать", "подписывать", "заключить", "заключать", "состояться", "пройти", "проходить", "завершиться",
    "завершить", "начаться", "открыться", "провести", "проводить", "быть", "стать", "становиться", "совершить",
    "нанести", "посетить", "прибыть", "побывать", "приехать", "принять", "встретиться", "установить",
    "скрепить", "утвердить", "оформить", "продолжиться", "организовать", "находиться", "пребывать",
})


_RU_VERB_POS = ("VERB", "INFN", "PRTF", "PRTS", "GRND")


@lru_cache(maxsize=50_000)
def _ru_reading(word: str) -> tuple[str | None, str | None, str]:
    """(part of speech, tense, dictionary form) of the reading that counts: the first verb-like reading,
    unless a reading before it is at least as likely as not ("встречу" is a noun and the verb "I'll meet")."""
    parses = ru.morph_vocab().parse(word.lower())
    for p in parses:
        if p.tag.POS in _RU_VERB_POS or p.score >= 0.5:
            return p.tag.POS, p.tag.tense, p.normal_form
    return parses[0].tag.POS, parses[0].tag.tense, parses[0].normal_form


def lemma(lang: str, word: str) -> str:
    """The dictionary form of a word (Russian morphology); other languages' words as they are, lower-cased."""
    if lang != "ru" or not word[:1].isalpha():
        return word.lower()
    return _ru_reading(word)[2]


def _ru_verb_realis(words, i: int) -> str | None:
    pos, tense, _lemma = _ru_reading(words[i][2])
    negated = i > 0 and words[i - 1][2].lower() == "не"
    if pos == "VERB":
        if tense == "past":
            return NEGATED if negated else HAPPENED
        if tense == "futr":
            return NEGATED if negated else PLANNED
        return None  # present: reports of what is going on, or habits; let the cue windows decide
    if pos in ("PRTF", "PRTS"):
        before = {w.lower() for _, _, w in words[max(0, i - 3):i]}
        if {"будет", "будут", "будь"} & before:
            return PLANNED
        return HAPPENED if tense == "past" else None
    if pos == "GRND":
        return HAPPENED if tense in ("past", None) else None
    if pos == "INFN":
        for j in range(i - 1, max(-1, i - 4), -1):
            gov_pos, _tense, gov_lemma = _ru_reading(words[j][2])
            if gov_lemma in _RU_INTENT:
                return PLANNED
            if gov_pos == "VERB":
                return None
    return None


def _ru(words, first: int, last: int) -> str | None:
    if _ru_reading(words[first][2])[0] in _RU_VERB_POS:
        return _ru_verb_realis(words, first)  # the cue word itself: "подписали", "посетил", "подписанный"
    # a noun cue ("визит", "подписание", "меморандум"): the nearest verb that carries it
    order = sorted(range(max(0, first - _SCOPE_WORDS), min(len(words), last + 1 + _SCOPE_WORDS)),
                   key=lambda j: (abs(j - first), j))
    for j in order:
        if first <= j <= last:
            continue
        pos, _tense, verb = _ru_reading(words[j][2])
        if pos in ("VERB", "INFN", "PRTS", "GRND"):
            if verb not in _RU_REALIZING and pos != "PRTS":
                return None  # "выразил заинтересованность в установлении побратимства": the verb is about
                # something else; a past tense here says only that it was said
            return _ru_verb_realis(words, j)
    return None


# ------------------------------------------------------------------------------------------- Kazakh

# Kazakh is verb-final: the verb of a cue noun follows it ("меморандумға қол қойды"). Suffixes read right
# to left: a negative -ма/-ме/-ба/-бе/-па/-пе before the tense, the tense, then person endings.
_KK_PERSON = r"(?:м|ң|ңыз|ңіз|қ|к|мыз|міз|сың|сің|сыз|сіз)?"
# (after the negative's vowel the past is -ды/-ді and the participle -ған/-ген, never -ты/-ті or -қан/-кен:
# "қызметі", service, is no negated verb)
_KK_NEG_PAST = re.compile(r"(?:ма|ме|ба|бе|па|пе)(?:ды|ді|ған|ген)" + _KK_PERSON + r"$"
                         r"|(?:ма|ме|ба|бе|па|пе)й$")  # and the negative converb: "болмай қалды" (did not happen)
# "қол қойылған жоқ": a past participle and "жоқ" (there is none) is a past negated
_KK_NOT = "жоқ"
# Past -ды/-ді after a consonant (барды, келді, қойды); after a vowel it may be the present-future of a
# consonant stem (бар-а-ды "goes") or the past of a vowel stem (қабылда-ды "received"), and -айды/-ейді is
# the present of a vowel stem (қабылдайды): those are left to the cue windows.
_KK_PAST = re.compile(r"(?<![аеәыіоөұуүия])(?<![аеә]й)(?:ды|ді|ты|ті)" + _KK_PERSON + r"$"
                      r"|(?:ған|ген|қан|кен)(?:ды|ді|дар|дер|мын|мін)?$")
# Present-future (-ады, -йды) is left out: "барады" (goes) and "қабылдады" (received) end alike; the cue windows
# decide those ("я" is a stem's "й" and the present's "а": "қояды", will sign, not "қойды", signed).
# (the future participle also in its possessive and case forms: "қол қойылатыны туралы", about when it is signed)
# the intent form -мақ/-мек (бармақ, келмекпіз, қол қоймақшы, бармақшымыз) ends the word with at most a personal
# ending: not a noun that only holds its letters ("бақтарын", gardens; "мектеп", school; "мекемесі", institution)
_KK_PLANNED = re.compile(r"(?:мақ|мек|бақ|бек|пақ|пек)(?:шы|ші)?(?:пын|пін|пыз|піз|сың|сің|сыз|сіз|мын|мін|мыз|міз)?$"
                         r"|(?:атын|етін|йтын|йтін)(?:ы|і|ын|ін)?$"
                         r"|(?:са|се)(?:қ|ңыз|ңіз|м)?$|(?:уы|уі|мағы|мегі)$")
_KK_PLAN_WORDS = frozenset({"тиіс", "ниетті", "ниет", "мүмкін", "керек", "қажет", "уәде"})  # (уәде: a promise)
# stems of plan verbs in any of their forms: жоспарлап, жоспарлануда, жоспарланып отыр; көзделіп, көздеп (also the
# active "көздеп отыр", intends); күтілуде; "маусымға белгіленген" (set for June)
_KK_PLAN_STEMS = ("жоспарла", "көзде", "күтіл", "белгілен")


def _kk_word(word: str) -> str | None:
    w = word.lower()
    if len(w) < 4:
        return None
    if _KK_NEG_PAST.search(w):
        return NEGATED
    if w.startswith(_KK_PLAN_STEMS):
        return PLANNED  # "жоспарланған", "белгіленген": planned, set for, whatever the participle's tense
    if len(w) >= KK_ACCUSATIVE_VERBAL_NOUN_MIN and _KK_ACCUSATIVE_VERBAL_NOUN.search(w):
        return None  # "қол қоюды", "баруды": a verbal noun in the accusative, the object of a verb; not "жуды"
    if len(w) >= KK_VOWEL_STEM_PRESENT_MIN and _KK_VOWEL_STEM_PRESENT.search(w):
        return PLANNED  # "аралайды", "қабылдаймыз": the present-future of a vowel stem, never its past ("аралады")
    if _KK_PAST.search(w):
        return HAPPENED
    if _KK_PLANNED.search(w) or _kk_present_future(w):
        return PLANNED
    return None


# a vowel stem's present-future puts "й" between the stem and the personal ending ("арала-й-ды", will tour;
# "қабылда-й-мыз", we will receive), where its past has none ("аралады"); the few stems that end in "й" themselves
# ("қой-ды", put, signed) are short, so a long word is read
_KK_VOWEL_STEM_PRESENT = re.compile(r"[аеәыі]й(?:ды|ді|мын|мін|мыз|міз|сың|сің|сыз|сіз)$")
KK_VOWEL_STEM_PRESENT_MIN = 7


# postpositions of topic ("X туралы", about X) govern a noun: "бауырластық туралы келісім" is a brotherhood, not
# "we became brothers" (-тық is both the abstract noun's suffix and the past's first person plural)
_KK_TOPIC_POSTPOSITIONS = frozenset({"туралы", "жөнінде", "жайлы", "жөніндегі", "туралығы"})


_KK_PAST_FIRST_PLURAL = re.compile(r"(?:ды|ді|ты|ті)(?:қ|к)$")


def _kk_before_topic_postposition(words, i: int) -> bool:
    """Is the word at ``i`` a noun in -дық/-тық rather than a past in the first person plural?"""
    return i + 1 < len(words) and words[i + 1][2].lower() in _KK_TOPIC_POSTPOSITIONS \
        and bool(_KK_PAST_FIRST_PLURAL.search(words[i][2].lower()))


def kk_word_realis(word: str) -> str | None:
    """Realis of one Kazakh verb by its form alone ("жетті": happened, "барады": ahead), whatever its stem."""
    return _kk_word(word)


# the present-future's personal endings after its vowel: "барамын", "барасың", "барады", "барамыз", "барасыз"
_KK_PRESENT_PERSON = r"(?:ды|ді|мын|мін|сың|сің|мыз|міз|сыз|сіз)(?:дар|дер)?"


def _kk_present_future(word: str) -> bool:
    """"барады", "келеміз", "өтеді", "зиярат етеді": a consonant stem, the vowel -а/-е and a personal ending is the
    present-future (goes, we will come), whose past would be "барды", "келдік". A vowel stem ("қабылда-ды",
    received) ends alike in its past, so only stems known to end in a consonant are read; a stem's final "й" and
    the vowel are written "я" ("қоямыз", we will sign)."""
    for stem in _KK_CONSONANT_STEMS:
        if stem.endswith("й"):
            stem, vowel = stem[:-1] + "я", ""
        else:
            vowel = "[аеә]"
        if word.startswith(stem) and re.fullmatch(vowel + _KK_PRESENT_PERSON, word[len(stem):]):
            return True
    return False


# Verb stems that make a noun cue's event happen: "қол қойды" (signed), "өтті" (took place), "болды" (was),
# "келді"/"барды" (came, went), "қабылдады" (received), "орнатты" (established), "бекітті" (approved), and the
# verbs of becoming: "бауырлас қала атанды", "бауырлас қалаға айналды" (became sister cities)
_KK_REALIZING = ("қой", "қоял", "өт", "бол", "кел", "бар", "қабылда", "орнат", "бекіт", "жаса", "ұйымдастыр",
                 "кездес", "ара", "сапарла", "жалғас", "атан", "айнал")
# the stems among them ending in a consonant, and the light verb "ет-" (зиярат етті, сапар етеді)
_KK_CONSONANT_STEMS = ("өт", "бол", "кел", "бар", "орнат", "бекіт", "ұйымдастыр", "кездес", "жалғас", "ет", "атан",
                       "айнал", "қой",
                       # and verbs of setting off, whose present-future ends a trip's chain as a plan ("Шымкентке
                       # аттанып, сол жерден еліне ұшып кетеді": will leave for Shymkent and fly home from there)
                       "кет", "ұш", "аттан", "жет", "қайт", "жүр")
# verbal nouns (-у, -уге, -уды: "келуге", "қол қоюға") are the complement of the next verb, which decides
_KK_VERBAL_NOUN = re.compile(r"(?:у|ю|уге|уға|юге|юға|уды|уді|юды|юді|уы|уі)$")


# verbs of agreeing, deciding and hoping ("келісті", "уағдаласты", "шешті", "шешім қабылдады", "үміттенеді"): with a
# verbal noun in the dative before them ("кездесуге", "баруға") they hold the event as a plan ("келісім", an
# agreement, is a noun)
_KK_AGREEING_STEMS = ("келіс", "уағдалас", "шеш", "үміттен")
_KK_DATIVE_VERBAL_NOUN = re.compile(r"(?:уге|уға|юге|юға)$")
_KK_AGREEING_REACH = 2  # "кездесуге бірауыздан келісті": an adverb may stand between

# a verbal noun in the accusative ("қоюды", "баруды", "келуді"): the object of the verb after it
_KK_ACCUSATIVE_VERBAL_NOUN = re.compile(r"(?:уды|уді|юды|юді)$")
KK_ACCUSATIVE_VERBAL_NOUN_MIN = 5  # "қоюды" and longer; a past of a short stem in -у ("жуды", washed) is not one


# nouns that make the verbal noun before them a topic: "жасасу мәселесі" (the question of concluding), "бару
# мүмкіндігі" (the possibility of going), "қол қою ұсынысы" (the proposal to sign), "қол қою ниеті" (the intention)
_KK_TOPIC_NOUNS = ("мәселе", "мүмкіндіг", "ұсыныс", "идея", "ниет")  # ("қол қою ниетін білдірді": the intention)
# nouns of what is put forward, not done: an initiative, a proposal, an idea, a question ("X туралы бастама")
_KK_PROPOSAL_NOUNS = ("бастама", "ұсыныс", "идея", "мәселе")


# a converb ("барып", "келіп", "болып") has no tense of its own: the clause's final predicate gives it
_KK_CONVERB = kk.CONVERB
_KK_PAST_PARTICIPLE = re.compile(r"(?:ған|ген|қан|кен)$")
# stems of calling off: postponed (шегерілді, and its active "сапарын көктемге шегерді"), put off (кейінге
# қалдырылды; the active "қалдырды" is also "left", so only the passive), stopped, moved to another date, pushed
# back (ысырылды, ысырды), dropped (алынып тасталды)
_KK_CANCELLING_STEMS = ("шегер", "қалдырыл", "тоқтатыл", "ауыстырыл", "ысыр", "тастал")
# stems of verbs that ask someone else to act: invite, propose, ask, call on, instruct; a converb chain they end
# ("келіп, танысуға шақырды": invited to come and see) tells their request
_KK_DIRECTIVE_STEMS = ("шақыр", "ұсын", "өтін", "сұра", "үнде", "тапсыр")
_KK_NEGATIVE_CONVERB = re.compile(r"(?:ма|ме|ба|бе|па|пе)й$")  # "болмай", "келмей": without coming about
_KK_FINAL_WORDS = 3  # the final predicate with its auxiliaries: "жоспарланып отыр", "қол қойылған еді"
# auxiliaries after a participle, whose own form tells no tense of the event: "келіскен болатын", "барған еді"
_KK_AUXILIARIES = frozenset({"болатын", "еді", "екен", "екенін"})


def _kk_plans(scope) -> bool:
    """Does a word of plan or need stand in the scope ("тиіс", "жоспарлап отыр", "көзделіп")?"""
    return any(w.lower() in _KK_PLAN_WORDS or w.lower().startswith(_KK_PLAN_STEMS) for _, _, w in scope)


def _kk_governing_verb(words, k: int) -> str:
    """The verb that governs the verbal noun at ``k``: the next word with a tense, past other verbal nouns it
    shares ("қол қоюды, ал ... баруды жоспарлап отыр": both objects of the plan); else the next word."""
    return next((v for _, _, v in words[k + 1:] if not _KK_VERBAL_NOUN.search(v.lower()) and _kk_word(v) is not None),
                words[k + 1][2]).lower()


def _kk_chain_end(words, last: int) -> int:
    """The end of the clause a converb at ``last`` runs on to: past the first participle with its auxiliary after
    it ("танысқан болатын"), a predicate no noun can be, else the end of the words. (A past in "-ды" is not
    told apart by its form from a noun's accusative: "жұмысты".)"""
    for k in range(last + 1, len(words) - 1):
        if _KK_PAST_PARTICIPLE.search(words[k][2].lower()) and words[k + 1][2].lower() in _KK_AUXILIARIES:
            return k + 2
    return len(words)


def _kk(words, first: int, last: int) -> str | None:
    if last + 1 < len(words) and _KK_CONVERB.search(verb := words[last + 1][2].lower()) \
            and verb.startswith(_KK_REALIZING + ("ет",)):
        # a cue noun with the light verb after it ("Тэгуге сапар жасап, ... ұсынбақ"): the converb is the cue's
        # own verb, whose chain the sentence's final predicate closes
        last += 1
    if last > first and (_KK_CONVERB.search(words[last][2].lower()) or _kk_word(words[last][2]) is not None):
        # a cue of several words that ends in its verb ("делегация Хюэде өтетін фестивальге қатысып"): the verb
        # decides, not a participle that qualifies a noun inside the cue ("өтетін", which is held)
        first = last
    scope = words[first:min(len(words), last + 1 + _SCOPE_WORDS)]
    final = words[max(last + 1, len(words) - _KK_FINAL_WORDS):]
    if any(w.lower().startswith(_KK_CANCELLING_STEMS) for _, _, w in final) or first == last and any(
            _KK_NEGATIVE_CONVERB.search(a.lower()) and b.lower().startswith("қал") for (_, _, a), (_, _, b)
            in zip(final, final[1:], strict=False)):
        # "келісімге қол қою рәсімі тағы да кейінге шегерілді", "сапары қаңтар айына шегерілді": the clause's
        # final predicate calls the event off, however far it stands from the cue; so does "болмай қалды" (did
        # not come about) after a cue noun ("делегацияның сапары ... соңғы сәтте болмай қалды")
        return NEGATED
    if first > 0 and _KK_PAST_PARTICIPLE.search(qualifier := words[first - 1][2].lower()) \
            and qualifier.startswith(_KK_REALIZING) and (told := _kk_word(qualifier)) in (HAPPENED, NEGATED):
        # "2021 жылы қол қойылған меморандум ... көздеген еді": the cue noun's own past participle tells its event
        # (signed), whatever the clause then says the document envisaged
        return told
    between = words[last + 1:max(last + 1, len(words) - _KK_FINAL_WORDS)]
    if any(w.lower().startswith(_KK_PLAN_STEMS) for _, _, w in final) \
            and not any(_kk_word(w) in (HAPPENED, NEGATED) for _, _, w in between) \
            and not (last > first and _kk_word(words[last][2]) in (HAPPENED, NEGATED)):  # (a cue ending in its verb)
        # "келісімді күзде Ташкентте өтетін форумда бекіту жоспарланып отыр": planned by the clause's final
        # predicate, with no verb of the cue's own before it
        return PLANNED
    if _KK_CONVERB.search(words[last][2].lower()):
        # the predicate that closes the converb's chain: the sentence's final one, unless a finite verb closes it
        # sooner ("Шымкентке келіп, ... танысқан болатын, сонда ... бекітуге уәде берген еді": came and saw; the
        # promise after it is another clause's)
        words = words[:_kk_chain_end(words, last)]
        final = [w for w in words[-_KK_FINAL_WORDS:] if w not in scope]
        scope = [*scope, *final]
        if any(_KK_DATIVE_VERBAL_NOUN.search(a.lower()) and b.lower().startswith(_KK_DIRECTIVE_STEMS)
               for (_, _, a), (_, _, b) in zip(words[last + 1:], words[last + 2:], strict=False)):
            # "әріптестерін күзде облысқа келіп, ... танысуға шақырды": the converb and the verbal noun after it
            # are what the final verb invites, proposes or asks someone to do, not deeds of their own ("базарды
            # аралатып, кешкі асқа шақырды" showed the bazaar, then invited to dinner)
            return PLANNED
        if first == last and words[first][2].lower().startswith(_KK_REALIZING):
            # the cue is itself a verb ("қабылдап", received and ...): the clause's final predicate gives its
            # tense, whatever that verb is ("... талқылаған болатын", had discussed)
            # ("келіскен болатын": the participle before the auxiliary tells the tense; "өңдейтін кәсіпорындарды
            # аралады": a participle qualifying a noun does not, the last verb does)
            final = words[-_KK_FINAL_WORDS:]
            while len(final) > 1 and final[-1][2].lower() in _KK_AUXILIARIES:
                final = final[:-1]
            verdicts = [v for _, _, w in final if (v := _kk_word(w)) is not None]
            if verdicts and not _kk_plans(scope):
                return verdicts[-1]
    if _kk_plans(scope):
        return PLANNED  # "қол қоюы тиіс", "баруды жоспарлап отыр"
    told_after = [_kk_word(w) for _, _, w in words[last + 1:]] \
        if words[last][2].lower().endswith(kk.LOCATIVE_ENDINGS) else []
    if told_after and told_after[-1] == PLANNED and HAPPENED not in told_after and NEGATED not in told_after:
        # "... күзде Түркістанда өтетін екі өңір әкімдерінің кездесуінде қаралмақ": what will be done at the meeting
        # is ahead, and so is the meeting it is done at (the clause's last word tells, no past before it)
        return PLANNED
    topical = words[first:min(len(words), last + 1 + _SCOPE_WORDS + 1)]  # (one word more: a postposition)
    for k, (_, _, w) in enumerate(topical[1:], start=1):
        before = k - 2 if k >= 2 and topical[k - 1][2].lower() in _KK_TOPIC_POSTPOSITIONS else k - 1
        verbal_noun = topical[before][2].lower()
        if w.lower().startswith(_KK_TOPIC_NOUNS) and not re.search(r"(?:лар|лер)", w.lower()) \
                and _KK_VERBAL_NOUN.search(verbal_noun) and verbal_noun.startswith((*_KK_REALIZING, "қою")):
            # "келісім жасасу мәселесі", "қол қою мәселесі", "келісім жасау жөніндегі ұсынысы": the question of
            # signing is raised, or a signing proposed, not the signing (of another verb it is a topic of the
            # talks: "дамыту мәселелерін талқылады"; "қою" is қой- + -у)
            return PLANNED
    after = [w.lower() for _, _, w in words[last + 1:last + 4]]
    if any(a in _KK_TOPIC_POSTPOSITIONS and b.startswith(_KK_PROPOSAL_NOUNS)  # (the cue's noun may come first)
           for a, b in zip(after[:2], after[1:], strict=False)):
        # "бауырлас қалалар туралы бастама көтерілген": the cue is what an initiative, a proposal or a question is
        # about; that was raised, the event was not
        return PLANNED
    for k, (_, _, w) in enumerate(words[last + 1:-1], start=last + 1):
        noun = w.lower()
        if _KK_ACCUSATIVE_VERBAL_NOUN.search(noun) and noun.startswith((*_KK_REALIZING, "қою")) \
                and not (verb := _kk_governing_verb(words, k)).startswith(_KK_REALIZING) and _kk_word(verb) is not None:
            # "меморандумға ... қол қоюды ұсынды" (proposed to sign), "баруды жоспарлады": the signing or the
            # trip is what the verb after it proposes, plans or asks for, however far from the cue
            return PLANNED
        if _kk_word(w) is not None:
            break  # the cue's own predicate came first ("қол қойды және ... баруды жоспарлады")
    for k, (_, _, w) in enumerate(scope[:last - first + 2]):  # the cue's own verbal noun, or the word after it
        if _KK_DATIVE_VERBAL_NOUN.search(w.lower()) and any(
                n.lower().startswith(_KK_AGREEING_STEMS) and not n.lower().startswith("келісім")
                for _, _, n in scope[k + 1:k + 1 + _KK_AGREEING_REACH]):
            return PLANNED  # "шілдеде Нөкісте кездесуге келісті" (agreed to meet), "баруға шешім қабылдады"
    governed = False
    for k, (_, _, w) in enumerate(scope):
        if w.lower() == _KK_NOT and k > 0 and re.search(r"(?:ған|ген|қан|кен)$", scope[k - 1][2].lower()):
            return NEGATED
    for k, (_, _, w) in enumerate(scope):
        found = _kk_word(w) if not _kk_before_topic_postposition(words, first + k) else None
        if found is None:
            governed = governed or (k > 0 and bool(_KK_VERBAL_NOUN.search(w.lower())))
            continue
        if found == NEGATED:
            return NEGATED  # "сапары әлі нақтыланбаған" (the trip is not confirmed yet): whatever the verb, not done
        if found == PLANNED and not governed and _kk_present_future(w.lower()):
            return PLANNED  # "зиярат етеді", "барады": the clause's event is ahead, whatever its verb
        if governed or not w.lower().startswith(_KK_REALIZING):
            return None  # "келуге шақырды" (invited to come), "қызығушылық білдірді" (expressed interest)
        if k > 0 and _KK_CONVERB.search(scope[k - 1][2].lower()) and not scope[k - 1][2].lower().startswith(
                _KK_REALIZING):
            return None  # a converb before it is the main verb, this one its auxiliary: "атап өтті" (noted)
        return found
    return None


# ------------------------------------------------------------------------------------------ English

_EN_IRREGULAR_PAST = frozenset({"met", "went", "came", "held", "took", "made", "saw", "gave", "paid", "led",
                                "brought", "sent", "began", "spoke", "flew", "left", "won"})
_EN_MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "can", "should", "must", "'ll"})
_EN_INTENT = frozenset({"plan", "plans", "planned", "planning", "intend", "intends", "intended", "expect",
                        "expects", "expected", "hope", "hopes", "hoped", "agreed", "agree", "agrees", "invited",
                        "invite", "proposed", "propose", "wants", "want", "wanted", "aim", "aims", "seek",
                        "seeks", "scheduled", "due", "set", "upcoming", "forthcoming", "next", "future",
                        "decide", "decides", "decided", "resolved", "vowed", "promised", "undertook", "ready"})
_EN_NEGATION = frozenset({"not", "never", "no", "n't", "didn't", "hasn't", "haven't", "wasn't", "weren't"})


def _en_verb(words, i: int) -> str | None:
    """Realis of the verb at ``i`` from the words before it ("will sign", "plans to visit", "did not meet")."""
    word = words[i][2].lower()
    before = [w.lower() for _, _, w in words[max(0, i - 3):i]]
    if set(before) & _EN_NEGATION:
        return NEGATED
    if set(before) & _EN_INTENT or set(before) & _EN_MODALS or before[-1:] == ["to"]:
        return PLANNED  # "will sign", "plans to visit", "to visit" (but not "the Ambassador to Slovenia met")
    if word.endswith("ed") or word in _EN_IRREGULAR_PAST:
        return HAPPENED
    return None


def _en_verbish(word: str) -> bool:
    w = word.lower()
    return (w.endswith("ed") and w not in _EN_OTHER_VERBS) or w in _EN_IRREGULAR_PAST or w in _EN_VERBS


_EN_VERBS = frozenset({"sign", "signs", "visit", "visits", "meet", "meets", "hold", "holds", "pay", "pays",
                       "conclude", "concludes", "establish", "establishes", "ink", "inks"})
_EN_GERUNDS = frozenset({"signing", "visiting", "holding", "concluding", "meeting", "establishing", "inking"})
# past tenses that carry something else than the cue's event
_EN_OTHER_VERBS = frozenset({"expressed", "discussed", "proposed", "suggested", "considered", "announced",
                             "welcomed", "invited", "offered", "requested", "raised", "explored", "praised"})


def _en(words, first: int, last: int) -> str | None:
    if _en_verbish(words[first][2]):
        return _en_verb(words, first)  # "visited", "will visit"
    # a noun cue ("memorandum", "talks"): the verb before it ("signed a memorandum") or a passive after it
    for j in range(first - 1, max(-1, first - 5), -1):
        if _en_verbish(words[j][2]):
            return _en_verb(words, j)
        if words[j][2].lower() in _EN_GERUNDS:
            lead = {w.lower() for _, _, w in words[max(0, j - 8):j]}  # "after visiting X and signing"
            return HAPPENED if lead & {"after", "following"} else None  # "after signing a memorandum"
        if words[j][2].lower() in _EN_OTHER_VERBS:
            return None  # "expressed interest in twinning": the past tense is about the interest
    after = [w.lower() for _, _, w in words[last + 1:last + 5]]
    for k, w in enumerate(after):
        if _en_verbish(w) and w not in _EN_VERBS:
            lead = set(after[:k])
            if lead & _EN_NEGATION:
                return NEGATED
            return PLANNED if lead & (_EN_MODALS | {"be", "to"}) else HAPPENED  # "will be signed" / "was signed"
    return None


# ------------------------------------------------------------------------------ from the dependency parse

# Verbs and nouns that hold an event as a plan, a wish or an offer: an infinitive or a cue noun under them has
# not happened ("planned to visit", "the invitation to visit", "договорились подписать", "приглашение посетить")
_INTENT_LEMMAS = frozenset({
    *_RU_INTENT, "план", "планы", "приглашение", "предложение", "намерение", "готовность", "заинтересованность",
    "интерес", "перспектива", "возможность", "проект", "идея", "инициатива", "просьба", "желание",
    "plan", "intend", "expect", "hope", "agree", "invite", "propose", "want", "aim", "seek", "schedule", "wish",
    "prepare", "consider", "discuss", "suggest", "offer", "request", "invitation", "proposal", "intention",
    "readiness", "interest", "prospect", "possibility", "idea", "initiative", "draft", "need", "pledge", "promise",
    "commitment", "decide", "resolve", "vow", "undertake", "decision", "ready", "готовый",
})
_EN_REALIZING = frozenset({"sign", "hold", "pay", "conclude", "make", "establish", "become", "take", "visit",
                           "meet", "receive", "host", "attend", "arrive", "ink", "reach", "seal", "complete",
                           "finalise", "finalize", "conduct", "have", "be", "end", "begin", "start", "open",
                           "travel", "come", "go", "lead", "welcome", "adopt", "approve", "launch", "formalize"})
# Verbs that call an event off: under them it did not happen ("the meeting was postponed", "визит отложен")
_CANCELLING_LEMMAS = frozenset({"postpone", "delay", "cancel", "defer", "suspend", "drop", "scrap", "abandon",
                                "fail", "отложить", "откладывать", "перенести", "переносить", "отменить",
                                "отменять", "отказаться", "отказываться", "сорваться", "срываться"})
# phrasal verbs that call an event off: the verb with its particle ("was called off", "put off until spring")
_CANCELLING_PHRASALS = frozenset({("call", "off"), ("put", "off")})


def _cancelling(tokens: tuple[Token, ...], i: int) -> bool:
    """Does the verb at ``i`` call an event off ("postponed", "отменили", "was called off")?"""
    return tokens[i].lemma in _CANCELLING_LEMMAS or any(
        t.head == i and t.dep in ("prt", "compound:prt") and (tokens[i].lemma, t.lemma) in _CANCELLING_PHRASALS
        for t in tokens)


# verbs that, in the passive, put an event off to another time ("the visit has been moved to the autumn"); active,
# they tell of travel ("the delegation moved on to Lublin")
_RESCHEDULING_LEMMAS = frozenset({"move", "shift", "push", "reschedule"})
# verbs under which an event is arranged, not held: "the visit is planned for November", "a visit planned as
# part of talks on rice growing" (the talks too)
_SCHEDULING_LEMMAS = frozenset({"plan", "schedule", "expect", "envisage", "pencil", "slate", "запланировать",
                                "планировать", "намечать", "наметить", "ожидать"})
# verbs whose object is a topic, not an event held: "discussed twinning with Lahore"
_TOPIC_LEMMAS = frozenset({"discuss", "consider", "обсудить", "обсуждать", "рассмотреть", "рассматривать"})
# verbs of talking, whose topic is "about" something ("заговорили о побратимстве"): what they talk about is a topic,
# as what a verb of discussing takes as its object (not verbs of telling: "рассказал о визите", told of a visit held)
_TALKING_LEMMAS = frozenset({"talk", "speak", "говорить", "заговорить", "поговорить", "разговаривать"})


_PROPOSING_LEMMAS = frozenset({"propose", "suggest", "offer", "предложить", "предлагать"})


# prepositions of a verb's topic or aim: "о визите" (about), "к визиту" (towards); "на" only with the accusative
# ("на встречу", to the meeting; "на встрече" is where)
_ABOUT = frozenset({"о", "об", "обо", "про", "к", "ко", "about"})
_TOWARDS_WITH_ACCUSATIVE = frozenset({"на", "в", "во"})


def _aimed_at(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the oblique noun at ``i`` what its verb is about or aims at, by its preposition and case?"""
    if tokens[i].dep not in ("obl", "prep", "pobj"):
        return False
    marks = [t.lemma.lower() for t in tokens if t.head == i and t.dep == "case"]
    return any(m in _ABOUT or m in _TOWARDS_WITH_ACCUSATIVE and tokens[i].feats.get("Case") == "Acc" for m in marks)


def _object_of(tokens: tuple[Token, ...], i: int, verb: int) -> bool:
    """Is token ``i`` the verb's object, itself or as one of a list ("обсудили фармацевтику, текстиль и
    побратимство"), or the subject of its passive ("a memorandum has been proposed")?"""
    seen = set()
    while tokens[i].dep == "conj" and tokens[i].head >= 0 and i not in seen:
        seen.add(i)
        i = tokens[i].head
    if tokens[i].head == verb and tokens[i].dep in ("obj", "dobj"):
        return True
    if tokens[i].head == verb and tokens[i].dep in ("nsubjpass", "nsubj:pass") and (
            tokens[verb].lemma in _PROPOSING_LEMMAS or not any(
                t.head == verb and t.dep.startswith("aux") and t.feats.get("Tense") == "Past"
                and t.feats.get("VerbForm") == "Fin" for t in tokens)):
        # a passive's subject is what the verb acts on, now: "a video call is being prepared" (not "the visit
        # had been prepared on 5 August", a step before a visit that was held); what "was proposed" is still
        # only proposed ("A sister-city agreement between Shymkent and Tulsa was proposed during the talks")
        return True
    return _goal_of(tokens, i, verb)


def _goal_of(tokens: tuple[Token, ...], i: int, verb: int) -> bool:
    """Is token ``i`` where the verb sends someone: "invited Kudaibergenov to a meeting", "пригласил на
    встречу" (an event one is invited to has not been held)?"""
    t = tokens[i]
    if t.dep == "pobj" and t.head >= 0:
        prep = tokens[t.head]
        return prep.head == verb and prep.lemma.lower() == "to"
    return t.head == verb and t.dep == "obl" and t.feats.get("Case") == "Acc" \
        and any(k.head == i and k.dep == "case" and k.text.lower() in ("на", "в", "во") for k in tokens)


_MODALS = _EN_MODALS | {"wo", "бы", "будет", "будут", "буду", "будем", "будете", "будешь"}  # "wo" of "won't"
_NEGATIONS = _EN_NEGATION | {"не", "ни", "нет"}
_WITHOUT = frozenset({"without", "без"})
_CLIMB_STEPS = 5  # how far a cue noun looks up for the predicate that carries it
_ARGUMENTS = ("obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass")  # a verb's subject and object


# verbs whose place is where someone is wanted or awaited, not where their subject went: "invited Shymkent
# businesses to Ufa", "a group of engineers is expected in Kentau", "пригласили в Казань", "ожидается в Шымкенте"
_AWAITING_LEMMAS = frozenset({"invite", "expect", "await", "plan", "schedule", "want", "hope", "propose", "offer",
                              "urge", "пригласить", "приглашать", "ожидать", "ожидаться", "ждать", "планировать",
                              "запланировать", "намечать", "наметить", "предложить", "предлагать", "позвать"})


def awaits(token: Token) -> bool:
    """Does the verb want or await someone where its place is (invite, expect, plan), rather than tell that its
    subject went or was there? By its lemma, or by its form where the small English model lemmatises it wrongly."""
    return token.lemma in _AWAITING_LEMMAS or token.text.lower() in {"invited", "expected", "awaited"}


def intends(token: Token) -> bool:
    """Does the word hold an event as a plan or a wish? By its lemma, or for English by its form too: the
    small English model lemmatises some of them wrongly ("hoped" -> "hop")."""
    return token.lemma in _INTENT_LEMMAS or token.text.lower() in _EN_INTENT


def _verbal(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") or token.feats.get("VerbForm") in ("Part", "Conv", "Ger")


def _children(tokens: tuple[Token, ...], i: int) -> list[Token]:
    return [t for t in tokens if t.head == i]


def _from_parse(lang: str, tokens: tuple[Token, ...], start: int, end: int) -> str | None:
    """The cue's predicate decides: the cue itself when it is a verb, else the verb its noun depends on
    (through nouns: "signing of a memorandum", "an agreement on cooperation"). A noun of intent on the way
    ("the invitation to visit", "plans for a memorandum") is a plan; no predicate at all (a headline, a list)
    tells nothing."""
    span = _span(tokens, start, end)
    if not span:
        return None
    node = next((i for i in span if tokens[i].head not in span), span[0])
    # a cue that holds its own relative clause ("the agreement that the region and Karakalpakstan signed"): that
    # clause's verb tells the event, not the verb the noun hangs from ("relying on the agreement")
    # (outside the cue's words, a relative clause that signs it: "a memorandum that the city signed on Thursday",
    # whatever the sentence's main verb plans with it; not one that tells of it: "визит, который планировался")
    node = next((i for i in range(len(tokens)) if tokens[i].head == node and _verbal(tokens[i])
                 and tokens[i].dep in _RELATIVE_CLAUSES and (i in span or tokens[i].lemma in _REALIZING_PARTICIPLES
                                                             and _signs_its_antecedent(tokens, i))), node)
    # so does its own past participle of a verb that makes it happen ("Меморандум с Бухарой, подписанный в 2021
    # году, обещал ...": signed, whatever the document then promised)
    node = next((i for i, t in enumerate(tokens) if t.head == node and t.dep in ("acl", "amod")
                 and t.feats.get("VerbForm") == "Part" and t.feats.get("Tense") == "Past"
                 and t.lemma in _REALIZING_PARTICIPLES), node)
    # a cue that only says what kind its noun is ("a sister-city agreement", "a twinning arrangement"): the noun is
    # the event's word
    seen = {node}  # (a parse may hold a cycle)
    while (tokens[node].dep == "compound" or tokens[node].dep == "amod" and not _verbal(tokens[node])) \
            and tokens[node].head >= 0 and tokens[node].head not in seen and not _verbal(tokens[tokens[node].head]):
        node = tokens[node].head
        seen.add(node)
        if intends(tokens[node]):
            return PLANNED  # "a twinning pledge", "a sister-city proposal"
    cue_node, cue_is_verb = node, _verbal(tokens[node])
    if not cue_is_verb and _called_off_after(tokens, span[-1]):
        return NEGATED
    steps, below = 0, node
    while not _verbal(tokens[node]):
        parent = tokens[node].head
        if parent < 0 or steps == _CLIMB_STEPS:
            return None
        if intends(tokens[parent]) and not _verbal(tokens[parent]):
            return PLANNED  # "the invitation to visit", "plans for a twinning agreement"
        below, node, steps = node, parent, steps + 1
    verb = tokens[node]
    # the cue's noun is the subject of its predicate ("the visit was dropped", "визит может состояться")
    subject_cue = not cue_is_verb and below == cue_node and tokens[below].dep in _SUBJECTS
    if subject_cue and _called_off_by_a_conjunct(tokens, node):
        return NEGATED  # "a visit to Szeged had been on the programme but was dropped": its own later predicate
    if subject_cue and any(t.head == node and t.dep in ("acomp", "attr") and intends(t) for t in tokens):
        return PLANNED  # "a memorandum with Izmir is ready, and it will be signed in July": ready, not signed
    if not cue_is_verb and verb.lemma in _SCHEDULING_LEMMAS:
        return PLANNED  # "a return visit is planned for November", "визит запланирован на осень"
    if subject_cue and verb.lemma in _MAY and any(
            t.head == node and t.dep == "xcomp" and t.feats.get("VerbForm") == "Inf" for t in tokens):
        return PLANNED  # "ответный визит может состояться весной": the event is what may or must happen
    if not cue_is_verb and intends(verb) and verb.lemma not in _AGREEING_LEMMAS and _object_of(tokens, cue_node, node):
        return PLANNED  # "we have proposed a memorandum to a hospital in Dhaka": what is proposed is not signed
    if not cue_is_verb and intends(verb) and _aimed_at(tokens, below):
        # "договорились о визите делегации", "пригласили на встречу", "готовятся к визиту": what the verb of intent
        # is about or aims at has not happened (not where it happened: "на встрече обсудили", at the meeting)
        return PLANNED
    if subject_cue and verb.lemma in _TOPIC_LEMMAS and not any(t.head == node and t.dep in ("obj", "dobj")
                                                              for t in tokens):
        # "A memorandum with ... Doha, discussed at the previous forum, has not yet been signed": the parse makes the
        # event's noun the subject of a verb of discussing with no object (a participle misread); what was discussed
        # is only a topic
        return PLANNED
    if not cue_is_verb and verb.lemma in _TALKING_LEMMAS and _aimed_at(tokens, below):
        return PLANNED  # "стороны впервые заговорили о побратимстве": a topic raised ("talked about twinning" too)
    if not cue_is_verb and verb.lemma in _TOPIC_LEMMAS and _object_of(tokens, cue_node, node):
        # "обсудили ... побратимство с Лахором", "discussed twinning with Lahore": the event itself is the topic
        # (not "обсудив итоги визита": the results of a visit held)
        return PLANNED
    if cue_is_verb and any(t.head == node and t.dep in ("obj", "dobj") and intends(t) and i not in span
                           for i, t in enumerate(tokens)):
        # "принял приглашение приехать", "received a proposal": an offer taken, not a meeting held (the cue's own
        # document is no offer: "подписали план мероприятий" signed a plan)
        return PLANNED
    if not cue_is_verb and verb.lemma == "be" and verb.feats.get("Tense") == "Pres" and tokens[below].dep == "prep" \
            and tokens[below].lemma.lower() == "in" and below == tokens[cue_node].head:
        return ONGOING  # "the administration is now in talks with Gyeongsangbuk-do": a state going on, as the
        # Russian imperfective present ("ведёт переговоры"), no talks held
    if not cue_is_verb and verb.lemma in _OWN_PLAN_LEMMAS and verb.feats.get("Tense") == "Pres" and any(
            t.head == node and t.dep == "xcomp" and t.feats.get("VerbForm") == "Inf" for t in tokens):
        # "Мы рассчитываем подписать соглашение весной, во время визита акима в Минск": the parse hangs the
        # visit on the hope, whose time is the planned signing's: both ahead
        return PLANNED
    if _nothing_done(tokens, node, cue_node if not cue_is_verb else None):
        return NEGATED  # "signed nothing new this time", "no agreement was signed"
    verdict = _predicate_realis(tokens, node)
    if not cue_is_verb and verb.lemma not in _EN_REALIZING and verb.lemma not in _RU_REALIZING \
            and not intends(verb) and verdict == HAPPENED:
        return None  # "discussed the memorandum": the past tense is about something else (a future one still
        # says the event is ahead: "the twinning will allow ...")
    return verdict


_RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})


def _signs_its_antecedent(tokens: tuple[Token, ...], verb: int) -> bool:
    """Is the relative pronoun of the clause at ``verb`` what it signs ("that the city signed", "which was
    signed", "которое подписали")?"""
    return bool(relative_objects(tokens, verb))
_REALIZING_PARTICIPLES = frozenset({"sign", "conclude", "ink", "seal", "подписать", "заключить", "скрепить",
                                    "оформить", "утвердить"})


def _span(tokens: tuple[Token, ...], start: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start < end and start < t.end]


def predicate(lang: str, sentence: str, start: int, end: int) -> int | None:
    """The index (into ``parse(lang, sentence)``) of the predicate that carries the words ``sentence[start:end]``:
    the first verbal word up the tree from them, as ``realis`` climbs; None without a parse or a predicate."""
    tokens = parse(lang, sentence)
    span = _span(tokens, start, end) if tokens else []
    if not tokens or not span:
        return None
    node = next((i for i in span if tokens[i].head not in span), span[0])
    for _ in range(_CLIMB_STEPS + 1):
        if _verbal(tokens[node]):
            return _outside_a_later_relative_clause(tokens, span[-1], node)
        node = tokens[node].head
        if node < 0:
            return None
    return None


_RELATIVE_PRONOUNS = frozenset({"который", "which", "who", "whom", "whose"})


def _outside_a_later_relative_clause(tokens: tuple[Token, ...], last: int, verb: int) -> int | None:
    """The predicate of words ending at ``last`` whose climb reached ``verb``: where that verb's own relative
    pronoun stands after the words, they are no argument of the relative clause it opens (a long sentence's parse
    may make "аким ... и губернатор Бурсы, прибывший ..., подписали план, который позволит ..." the subject of
    "позволит"); their predicate is then the last sentence root before the pronoun."""
    pronoun = next((i for i, t in enumerate(tokens) if t.head == verb and i > last
                    and t.lemma.lower() in _RELATIVE_PRONOUNS), None)
    if pronoun is None:
        return verb
    return next((i for i in range(pronoun - 1, last, -1) if tokens[i].head < 0 and _verbal(tokens[i])), None)


# verbs of possibility and obligation whose subject, an event noun, is what may or must happen ("визит может
# состояться", "встреча должна пройти"); not "смог состояться" (it did)
_MAY = frozenset({"мочь", "должный", "должен"})

# verbs of intent that, with an agreement for object, approve it ("the sides agreed a roadmap")
_AGREEING_LEMMAS = frozenset({"agree", "договориться", "согласовать"})


def _called_off_after(tokens: tuple[Token, ...], cue: int) -> bool:
    """Is the cue noun taken back by a pronoun that a later verb calls off ("поездку в Туркестан ..., однако
    от нее отказались"; "a stop in Ankara was planned, but it was dropped")? The pronoun stands next to the
    verb (the parse of long sentences often hangs it elsewhere) and refers to the nearest event noun: no
    other noun stands between as an argument of a verb."""
    for i in range(cue + 1, len(tokens)):
        if not _cancelling(tokens, i) or not _verbal(tokens[i]):
            continue
        near = range(max(cue + 1, i - _PRONOUN_REACH), min(len(tokens), i + 2))
        pronoun = next((j for j in near if j != i and tokens[j].pos == "PRON"
                        and tokens[j].lemma.lower() not in _NOT_BACK_REFERENCES), None)
        if pronoun is not None and not any(tokens[k].pos in ("NOUN", "PROPN") and tokens[k].dep in _ARGUMENTS
                                           for k in range(cue + 1, min(pronoun, i))):
            return True
    return False


def _called_off_by_a_conjunct(tokens: tuple[Token, ...], verb: int) -> bool:
    """Has the verb a coordinated predicate of calling off that shares its subject ("had been planned but was
    dropped", "было запланировано, но отменено"), or one that denies the event was done ("has been under
    discussion but has not yet been signed", "обсуждается, но пока не подписан")?"""
    return any(t.head == verb and t.dep == "conj" and _verbal(t) and (
        _cancelling(tokens, i) or _denies_doing(tokens, i))
        and not any(k.head == i and k.dep in _SUBJECTS for k in tokens) for i, t in enumerate(tokens))


# verbs that tell an event done but not what its subject is ("was not a success", "не стал"): denied, they deny
# no event
_COPULAS = frozenset({"be", "have", "become", "быть", "стать", "становиться", "находиться"})


def _denies_doing(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the verb at ``i`` a negated verb of doing the event ("has not been signed", "не подписан")?"""
    lemma = tokens[i].lemma.lower()
    return (lemma in _EN_REALIZING or lemma in _RU_REALIZING) and lemma not in _COPULAS and _negated(tokens, i)


# verbs of one's own plan (not a proposal or invitation made at some event: "во время визита предложил подписать")
_OWN_PLAN_LEMMAS = frozenset({"планировать", "намереваться", "собираться", "рассчитывать", "надеяться", "хотеть",
                              "plan", "intend", "expect", "hope", "want", "aim"})
_NOTHING = frozenset({"nothing"})  # (not "none": "met none other than the mayor")
_DONE_TO = ("obj", "dobj", "nsubjpass", "nsubj:pass")  # what was signed, held or agreed


def _nothing_done(tokens: tuple[Token, ...], verb: int, cue: int | None) -> bool:
    """Does the verb do nothing: its object "nothing" ("signed nothing new"), or the cue noun it does
    determined by "no" ("no agreement was signed")? Only the cue's own event: the visit during which nothing was
    signed happened."""
    def no(k: int) -> bool:
        return any(t.head == k and t.dep == "det" and t.lemma.lower() == "no" for t in tokens)
    if cue is not None:
        return tokens[cue].head == verb and tokens[cue].dep in _DONE_TO and no(cue)
    return any(t.head == verb and t.dep in _DONE_TO and (t.lemma.lower() in _NOTHING or no(k))
               for k, t in enumerate(tokens))


def _negated(tokens: tuple[Token, ...], i: int) -> bool:
    """Does a word of negation modify the verb at ``i`` ("not", "не", a negative polarity), not as "not only"?"""
    return any((k.lemma in _NEGATIONS and k.dep in ("neg", "advmod", "det") or k.feats.get("Polarity") == "Neg")
               and not _not_only(tokens, k) for k in _children(tokens, i))


_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")
_PRONOUN_REACH = 4  # "от нее в итоге отказались", "it was later dropped"
_NOT_BACK_REFERENCES = frozenset({"себя", "который", "which", "that", "who", "we", "мы", "они", "they", "i", "я"})


def _predicate_realis(tokens: tuple[Token, ...], i: int, depth: int = 0) -> str | None:
    verb = tokens[i]
    kids = _children(tokens, i)
    if _negated(tokens, i) or _cancelling(tokens, i):
        return NEGATED
    if verb.dep == "xcomp" and verb.head >= 0 and tokens[verb.head].lemma == "be" \
            and any(k.dep == "aux" and k.lemma == "to" for k in kids):
        # "was to travel": arranged, not told as done; "was to have travelled": arranged and not done
        return NEGATED if any(k.dep == "aux" and k.lemma == "have" for k in kids) else PLANNED
    if verb.lemma in _RESCHEDULING_LEMMAS and any(k.dep in ("nsubjpass", "nsubj:pass") for k in kids):
        return NEGATED  # "the visit has been moved to the autumn", "pushed back": not held when planned
    if verb.head >= 0 and tokens[verb.head].lemma.lower() in _WITHOUT and verb.dep in ("pcomp", "pobj", "obl"):
        return NEGATED  # "changed planes without holding meetings": what is done without it did not happen
    arguments = [j for j, t in enumerate(tokens) if t.head == i and t.dep in _ARGUMENTS]
    if any(t.head in arguments and t.dep == "det" and t.lemma in ("no", "ни") for t in tokens):
        return NEGATED  # "no document was signed", "no talks were held"
    if intends(verb) and depth > 0:
        return PLANNED  # the cue's verb is the complement of an intent verb
    if verb.dep in ("ccomp", "xcomp") and verb.head >= 0 and intends(tokens[verb.head]) \
            and verb.feats.get("Tense") != "Past" and verb.feats.get("VerbForm") == "Fin":
        return PLANNED  # "proposed that the two towns sign a memorandum": what is proposed is not done
    if any((k.lemma in _MODALS or k.text.lower() in _MODALS) and k.dep.startswith("aux") for k in kids) \
            or verb.feats.get("Mood") == "Cnd":
        return PLANNED  # "will sign", "would visit", "подписали бы", "будет подписан"
    if any(k.dep == "mark" and k.lemma in ("if", "если", "unless") for k in kids):
        return PLANNED  # a condition
    form, tense = verb.feats.get("VerbForm"), verb.feats.get("Tense")
    if form == "Ger" or verb.feats.get("Aspect") == "Prog":
        # "after signing", "interest in twinning", "before signing ... will study": the gerund's event is the
        # one of the predicate (or the noun of intent) it depends on
        governor, steps = verb.head, 0
        while governor >= 0 and not _verbal(tokens[governor]) and not intends(tokens[governor]):
            governor, steps = tokens[governor].head, steps + 1
            if steps > len(tokens):
                return None  # (a parse may loop: heads that never reach the root)
        if governor < 0 or depth >= 2:
            return None
        if intends(tokens[governor]) and not _verbal(tokens[governor]):
            return PLANNED
        if any(t.lemma in ("after", "following", "после") and t.head == verb.head for t in tokens) \
                or tokens[verb.head].lemma in ("after", "following"):
            return HAPPENED  # "after signing a memorandum, the guests left"
        return _predicate_realis(tokens, governor, depth + 1)
    if form == "Inf":
        governor = verb.head
        if governor < 0 and not any(k.lemma == "to" and k.dep in ("aux", "mark") for k in kids) \
                and verb.lemma.isascii():
            if _habit(tokens, i):
                return HABITUAL  # "delegations from Bursa come to Shymkent every summer"
            # an English base form heading the sentence is a headline's present ("X and Y renew ..."), or a past
            # the tagger cannot tell from it ("the mayors put their signatures to a memorandum")
            return None
        if verb.dep in ("xcomp", "ccomp", "csubj", "advcl", "acl") and governor >= 0 and depth < 2:
            if intends(tokens[governor]):
                return PLANNED  # "plans to visit", "договорились подписать"
            if tokens[governor].lemma == "be" and verb.dep == "xcomp":
                return PLANNED  # "where the delegation was to meet exporters": an arrangement, not a report
            if any(t.head == governor and t.dep in ("obj", "dobj") and intends(t) and not _verbal(t)
                   for t in tokens):
                return PLANNED  # "передал приглашение губернатора посетить Бандунг": the infinitive is the
                # invitation's, whatever verb the parse hangs it from
            if _verbal(tokens[governor]) and verb.dep == "xcomp":
                return _predicate_realis(tokens, governor, depth + 1)  # "managed to sign", "успели подписать"
        return PLANNED  # "to visit Tashkent": a purpose or a plan, not a report
    if tense == "Fut":
        return PLANNED
    if form == "Part" and tense != "Past" or form == "Conv" and verb.feats.get("Aspect") != "Perf":
        return None  # a present participle or an imperfective converb describes, it does not report
    if tense == "Past" or form in ("Part", "Conv"):
        if verb.head >= 0 and verb.dep in ("xcomp", "ccomp") and intends(tokens[verb.head]) \
                and depth < 2 and not _across_a_semicolon(tokens, i, verb.head):
            return _predicate_realis(tokens, verb.head, depth + 1)
        return HAPPENED
    if tense == "Pres" and _habit(tokens, i):
        return HABITUAL  # "всё чаще приезжают гости из Бишкека", "delegations come every summer"
    if tense == "Pres" and form == "Fin" and verb.feats.get("Aspect") == "Imp" and not verb.lemma.isascii():
        return ONGOING  # "ведёт переговоры о сотрудничестве с Бурсой": a Russian imperfective present tells a
        # process going on, where a report tells its events in the past
    return None  # present tense: news present; the cue windows decide


def _across_a_semicolon(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """Does a semicolon stand between the words ``i`` and ``j``? It joins clauses that stand on their own, so a
    parse that hangs one on the other across it ("signed a memorandum; the two towns want to hold a tournament")
    is wrong."""
    lo, hi = sorted((i, j))
    return any(t.text == ";" for t in tokens[lo + 1:hi])


def _habit(tokens: tuple[Token, ...], i: int) -> bool:
    """Does a word of frequency modify the verb at ``i`` ("всё чаще", "every summer", "ежегодно")?"""
    return any(t.lemma.lower() in _FREQUENCY and _dominated_by(tokens, j, i) for j, t in enumerate(tokens))


_CLAUSE_DEPS = frozenset({"conj", "parataxis", "advcl", "ccomp", "xcomp", "acl", "acl:relcl", "relcl", "csubj"})


def _dominated_by(tokens: tuple[Token, ...], j: int, i: int, reach: int = 3) -> bool:
    """Is token ``j`` within ``reach`` steps below token ``i`` in the parse, in its own clause ("every" of "every
    summer" of "come"; not the "ежегодно" of a conjoined clause)?"""
    for step in range(reach):
        if step and tokens[j].dep in _CLAUSE_DEPS:
            return False
        j = tokens[j].head
        if j == i:
            return True
        if j < 0:
            return False
    return False
