"""Who is who in one article: the persons an article introduces with the place they act for, and the later
words that name them again by surname.

News introduces an actor once, with a role and a place ("the akim of Shymkent Gabit Syzdykbekov",
"Bursa Mayor Mustafa Bozbey", "Шымкент қаласының әкімі Ғабит Сыздықбеков", "Bulat Bakauov, governor of
Pavlodar region") and then writes only the surname ("Syzdykbekov met ...", "по словам Сыздыкбекова"). A
sentence that names its side that way names the actor's place. The record is built from the role
construction, not from a list of people: a role word (data: ``actor_role`` in ``triggers.json``), a place
mention next to it and a run of two or three capitalised words. A plural role with as many places as names
("Governors of Pavlodar and Tyumen regions, Bulat Bakauov and Alexander Moor") pairs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dashboard.lang import en, kk, ru
from dashboard.models import HOME_COUNTRY, Location, Place

ROLE_REACH_WORDS = 8  # how far before a name its role word may stand ("akim of Turkistan region Darkhan Satybaldy")
PLACE_REACH_WORDS = 4  # how far from the role word its place may stand
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*\.?")
_CLAUSE_BREAK = re.compile(r"[;:()«»\"“”]|\s[–—]\s")
_PHRASE_BREAK = re.compile(r"[,;:()«»\"“”]|\s[–—]\s")  # also a comma: the end of one person's title
_POSSESSIVE = re.compile(r"['’]s?$")


# English capitalised words that are nouns of offices, bodies and places, never a person's name
NOT_NAMES = {"en": en.COMMON | en.ORG_HEADS | en.ORG_WORDS | en.PLACE_OF | en.PLACE_AFTER | en.DIVISION_WORDS
             | frozenset(en.PLURAL_DIVISIONS) | en.ROLE_TITLES | en.APPOSITION_ROLES}


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # as first written: "Gabit Syzdykbekov"
    surname_forms: frozenset[str]
    location: Location
    role: str = ""  # the role word as written, lower-cased: "посла", "akim"


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor
    start: int  # article offsets of the surname
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() and not (len(self.text) > 1 and self.text.isupper())

    @property
    def initial(self) -> bool:  # "B." in "B. Bakauov"
        return len(self.text) == 2 and self.text[0].isupper() and self.text.endswith(".")


# a Russian surname in -ов/-ев/-ин declines as its own type, half noun, half adjective ("Тулегенов",
# "Тулегеновым", "Тулегеновой", "Тулегенова"): its case ending off, the masculine base
_RU_SURNAME = re.compile(r"^(\w{2,}(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой|ою|ы|ых|ыми)?$")


def surname_forms(word: str, lang: str) -> frozenset[str]:
    """The forms a surname may take in the language's cases ("Сапарбаевым" and "Сапарбаев" share one)."""
    word = _POSSESSIVE.sub("", word.rstrip("."))
    if lang == "ru":
        surname = _RU_SURNAME.match(ru.fold(word))
        return frozenset(ru.forms(word)) | ({surname.group(1)} if surname else set())
    if lang == "kk":
        return frozenset(kk.forms(word))
    return frozenset({word.casefold()})


def record(text: str, lang: str, places: Sequence[Place], role_stems: tuple[str, ...],
           sentences: Sequence[tuple[int, int]], *, divisions: dict[str, tuple[str, ...]] | None = None,
           home_roles: tuple[str, ...] = (), story_home: Location | None = None) -> list[Actor]:
    """Actors introduced with a role (``role_stems``: word beginnings, the language's ``actor_role`` cues) and a
    place, in order of introduction (one per surname: the first). A role with no place beside it but a
    division noun ("the marshal of the voivodeship", "губернатор области", "облыс әкімі"; ``divisions``: kind ->
    word beginnings) acts for the place of that kind the article named last. A role only Kazakhstan has
    (``home_roles``: akim) acts for a Kazakh place only, and with no place at all for the Kazakh place the story
    follows (``story_home``): "its akim, Yerlan Saparbekov" in a story about Turkistan."""
    mentions = sorted(((m.start, m.end, p.location) for p in places for m in p.mentions), key=lambda x: x[0])
    actors: dict[frozenset[str], Actor] = {}
    for s_start, s_end in sentences:
        words = [_Word(m.start() + s_start, m.end() + s_start, m.group())
                 for m in _WORD.finditer(text[s_start:s_end])]
        inside = [(a, b, loc) for a, b, loc in mentions if s_start <= a and b <= s_end]
        earlier = [(a, named_as(text, a, b, loc, divisions or {}), loc) for a, b, loc in mentions if a < s_end]
        for actor in _actors_of_sentence(text, lang, words, inside, role_stems, divisions or {}, earlier,
                                         home_roles, story_home):
            if not any(actor.surname_forms & known for known in actors):
                actors[actor.surname_forms] = actor
    return list(actors.values())


@dataclass(frozen=True, slots=True)
class Title:
    """A title written with the place its holder acts for ("the governor of Gyeonggi", "мэр Бурсы", "Тэгу
    мэрі"), with or without a name: what the bare title refers back to later ("the governor said")."""
    start: int  # article offset of the title word
    stem: str  # the title's word beginning as listed ("governor", "мэр")
    location: Location


def title_stem(word: str, stems: tuple[str, ...]) -> str | None:
    """The longest of ``stems`` the word begins with ("vice-governor" before "governor")."""
    folded = word.casefold()
    return max((s for s in stems if folded.startswith(s)), key=len, default=None)


def titles(text: str, lang: str, places: Sequence[Place], stems: tuple[str, ...],
           sentences: Sequence[tuple[int, int]]) -> list[Title]:
    """Every title word of ``stems`` written with its own place (``own_place``), in text order."""
    mentions = sorted(((m.start, m.end, p.location) for p in places for m in p.mentions), key=lambda x: x[0])
    out = []
    for s_start, s_end in sentences:
        words = [_Word(m.start() + s_start, m.end() + s_start, m.group())
                 for m in _WORD.finditer(text[s_start:s_end])]
        inside = [(a, b, loc) for a, b, loc in mentions if s_start <= a and b <= s_end]
        for word in words:
            stem = title_stem(word.text, stems)
            if stem is None:
                continue
            own = [(abs(a - word.start), loc) for a, b, loc in inside
                   if own_place(text, word.start, word.end, a, b, lang)]
            if own:
                out.append(Title(word.start, stem, min(own, key=lambda x: x[0])[1]))
    return out


TITLE_PLACE_CHARS = 24  # a place this close to a title is its own ("the mayor of Bursa", "Тэгу қаласының мэрі")
_COORDINATION = re.compile(r"[,;]|\b(?:and|и|мен|пен|бен|және|with|с)\b", re.IGNORECASE)


def own_place(text: str, start: int, end: int, place_start: int, place_end: int, lang: str) -> bool:
    """Is the place at ``place_start:place_end`` the own place of the title at ``start:end``, on the side the
    language writes it ("the mayor of Bursa", "Bursa Mayor"; "мэр Бурсы", "мэр города Бурсы"; "Бурса мэрі") and
    with nothing coordinated between ("the governor and the akim of Shymkent": Shymkent is the akim's)?"""
    if place_end <= start and lang in ("en", "kk"):
        gap = text[place_end:start]
    elif place_start >= end and lang in ("en", "ru"):
        gap = text[end:place_start]
        if lang == "en" and not gap.lstrip().startswith("of"):
            return False
    else:
        return False
    return len(gap) < TITLE_PLACE_CHARS and not _COORDINATION.search(gap)


def _is_role(word: _Word, role_stems: tuple[str, ...]) -> bool:
    return word.text.casefold().startswith(role_stems)


def _name_runs(words: list[_Word], places: list[tuple[int, int, Location]], role_stems,
               lang: str) -> list[tuple[int, int]]:
    """(first, last) word indices of runs of two or three capitalised words that are no place, no role and
    no common noun of the language ("Baku City Executive Power" is an office, not a person)."""
    common = NOT_NAMES.get(lang, frozenset())
    def free(w: _Word) -> bool:
        return (w.capitalised or w.initial) and not _is_role(w, role_stems) \
            and _POSSESSIVE.sub("", w.text).casefold() not in common \
            and not any(a < w.end and w.start < b for a, b, _ in places)

    runs, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and free(words[j]) and (j == i or words[j].start - words[j - 1].end <= 1):
            j += 1
        if 2 <= j - i <= 3 and not words[j - 1].initial and not _continues_a_name(words, i, places, role_stems):
            runs.append((i, j - 1))
        i = max(j, i + 1)
    return runs


_NAME_LINKS = frozenset({"of", "and", "for", "&"})  # lowercase words inside an English institution's name
_INSTITUTION_WORDS = en.ORG_HEADS | en.ORG_WORDS


def _in_an_institutions_name(words: list[_Word], link: int) -> bool:
    """Does the run of capitalised words and lowercase links ending before word ``link`` hold an institution's
    head ("Department", "Agency")? Then the name goes on after the link; not so "Bulat Bakauov and Alexander
    Moor", two people."""
    j = link - 1
    while j >= 0 and words[j + 1].start - words[j].end <= 1 and (words[j].text[:1].isupper()
                                                                 or words[j].text in _NAME_LINKS):
        if words[j].text.casefold() in _INSTITUTION_WORDS:
            return True
        j -= 1
    return False


def _continues_a_name(words: list[_Word], i: int, places, role_stems) -> bool:
    """Is the run starting at word ``i`` the tail of a longer proper name ("the Baku City Executive Power",
    "the EU Member States")? Its word before is then capitalised and neither a role nor a place."""
    if i == 0 or words[i].start - words[i - 1].end > 1:
        return False
    before = words[i - 1]
    if before.text in _NAME_LINKS and _in_an_institutions_name(words, i - 1):
        return True  # "the Department of Entrepreneurship and Industrial-Innovative Development"
    return before.text[:1].isupper() and not _is_role(before, role_stems) \
        and not any(a < before.end and before.start < b for a, b, _ in places)


def _place_near(text: str, words: list[_Word], k: int, places, lo: int, hi: int) -> list[tuple[int, Location]]:
    """Places within words ``lo..hi`` (word indices) around the role word ``k``, nearest first, none across a
    clause break."""
    if not words:
        return []
    span_lo, span_hi = words[max(0, lo)].start, words[min(len(words) - 1, hi)].end
    out = []
    for a, b, loc in places:
        if span_lo <= a and b <= span_hi:
            between = text[min(b, words[k].start):max(a, words[k].end)]
            if not _CLAUSE_BREAK.search(between):
                out.append((a, loc))
    return sorted(out, key=lambda x: abs(x[0] - words[k].start))


def named_as(text: str, start: int, end: int, location: Location, divisions: dict[str, tuple[str, ...]]) -> str:
    """The kind the mention ``text[start:end]`` names its place as: by the division noun in it or right after
    it ("Навоий облысы" is a region even where the gazetteer has only the city; "Жетісай ауданы" a district,
    which "облыс әкімі" does not mean), else the place's own kind."""
    inside = len(_WORD.findall(text, start, end))
    for m in list(_WORD.finditer(text, start, min(len(text), end + 48)))[1:inside + 4]:
        if m.start() > end and _NOT_ONE_NAME.search(text, end, m.start()):
            break  # a date or a new clause between: "TURKISTAN, 12 November 2024 – The region's deputy akim"
        word = m.group().casefold()
        if word.endswith(_ADJECTIVE_ENDINGS):
            continue  # "Astana Regional Investment Forum", "областной": an adjective names no division
        kind = division_kind(word, divisions)
        if kind is not None:
            return kind
        if m.end() > end and not (m.group()[:1].isupper() or word in _COORDINATORS):
            break  # (a list names its kind once, after the last name: "Мақтаарал мен Жетісай аудандары")
    return "district" if location.is_district else location.kind


_COORDINATORS = frozenset(w.casefold() for w in (*en.AND_PHRASES, *ru.AND_PHRASES, *kk.AND_PHRASES))
_NOT_ONE_NAME = re.compile(r"[\d.;:()–—]|\s-\s")


# adjectives made from division nouns: English "regional", Russian "областной", "городская", Kazakh "облыстық"
_ADJECTIVE_ENDINGS = ("al", "ой", "ий", "ый", "ая", "ое", "ые", "ых", "лық", "лік", "дық", "дік", "тық", "тік")


def division_kind(word: str, divisions: dict[str, tuple[str, ...]]) -> str | None:
    """The kind ("region", "city", "district") of a division noun, by the word beginnings of ``divisions``."""
    folded = word.casefold()
    return next((kind for kind, stems in divisions.items() if folded.startswith(stems)), None)


def named_last(named: Sequence[tuple[int, str, Location]], kind: str | None, before: int) -> Location | None:
    """Of (offset, kind it is named as, place) mentions, the place of ``kind`` named last before ``before``:
    what a bare division noun ("the voivodeship", "облыс", "город") refers to."""
    return next((loc for at, named_kind, loc in reversed(named) if at < before and named_kind == kind), None)


def _named_by_division(text: str, words: list[_Word], k: int, divisions: dict[str, tuple[str, ...]],
                       earlier: list[tuple[int, str, Location]]) -> Location | None:
    """The place a division noun near the role word ``k`` (three words after it, two before) names: of its
    kind, named last before it ("the marshal of the voivodeship" after "Lublin Voivodeship"; "облыс әкімі"
    after "Павлодар облысы"); not across a clause break ("the akim of the city, the head of ...")."""
    for j in (*range(k + 1, min(len(words), k + 4)), *range(max(0, k - 2), k)):
        kind = division_kind(words[j].text, divisions)
        lo, hi = sorted((words[j].end, words[k].start)) if j < k else (words[k].end, words[j].start)
        if kind is not None and not _PHRASE_BREAK.search(text, lo, hi):
            return named_last(earlier, kind, words[j].start)
    return None


def _actors_of_sentence(text: str, lang: str, words: list[_Word], places, role_stems,
                        divisions: dict[str, tuple[str, ...]] | None = None,
                        earlier: list[tuple[int, str, Location]] | None = None,
                        home_roles: tuple[str, ...] = (), story_home: Location | None = None) -> list[Actor]:
    out: list[Actor] = []
    runs = _name_runs(words, places, role_stems, lang)
    used_runs: set[int] = set()
    for r, (first, last) in enumerate(runs):
        if r in used_runs:
            continue
        # a role word before the name: "the akim of Shymkent Gabit Syzdykbekov", "Bursa Mayor Mustafa Bozbey"
        # (never across the name before: "the akim, Nurzhan Ermekbayev, and Gujarat's commissioner, Anjali
        # Mehta": the akim is Ermekbayev)
        previous_name = runs[r - 1][1] if r > 0 else -1
        role = next((k for k in range(first - 1, max(-1, first - 1 - ROLE_REACH_WORDS, previous_name), -1)
                     if _is_role(words[k], role_stems)), None)
        if role is not None and not _CLAUSE_BREAK.search(text, words[role].end, words[first].start):
            at_home = bool(home_roles) and _is_role(words[role], home_roles)
            sides = [p for p in places if p[2].country == HOME_COUNTRY] if at_home else places
            near = _place_near(text, words, role, sides, role - PLACE_REACH_WORDS, first - 1)
            later = [i for i, (f, _) in enumerate(runs) if i > r and not _CLAUSE_BREAK.search(
                text, words[last].end, words[f].start) and f - runs[i - 1][1] <= 2]
            if len(near) >= 2 and len(later) == len(near) - 1:
                # "Governors of Pavlodar and Tyumen regions, Bulat Bakauov and Alexander Moor": in order
                ordered = sorted(near, key=lambda x: x[0])
                names = [runs[r], *(runs[i] for i in later)]
                for (_, loc), (f, la) in zip(ordered, names, strict=True):
                    out.append(_actor(words, f, la, loc, lang, words[role].text))
                used_runs.update(later)
                continue
            if near:
                out.append(_actor(words, first, last, near[0][1], lang, words[role].text))
                continue
            named = _named_by_division(text, words, role, divisions or {}, [
                (a, kind, loc) for a, kind, loc in earlier or [] if not at_home or loc.country == HOME_COUNTRY])
            if named is not None:
                out.append(_actor(words, first, last, named, lang, words[role].text))
                continue
            if at_home and story_home is not None and role == first - 1 and all(
                    loc.key == story_home.key for _, _, loc in places if loc.country == HOME_COUNTRY):
                # (the title right before the name, not "the akim met Hasan Yavuz, governor of Konya"; and not
                # beside another Kazakh place: "the delegation of East Kazakhstan led by the akim")
                out.append(_actor(words, first, last, story_home, lang, words[role].text))
                continue
        # a role after the name: "Bulat Bakauov, governor of Pavlodar region"
        after = [k for k in range(last + 1, min(len(words), last + 1 + 3)) if _is_role(words[k], role_stems)]
        if after and text[words[last].end:words[last].end + 2].lstrip().startswith(","):
            near = _place_near(text, words, after[0], places, after[0] - 2, after[0] + PLACE_REACH_WORDS)
            if near:
                out.append(_actor(words, first, last, near[0][1], lang, words[after[0]].text))
    return out


def _actor(words: list[_Word], first: int, last: int, location: Location, lang: str, role: str) -> Actor:
    name = " ".join(w.text for w in words[first:last + 1]).rstrip(".")
    return Actor(name=name, surname_forms=surname_forms(words[last].text, lang), location=location,
                 role=role.casefold())


def mentions(text: str, lang: str, actors: Sequence[Actor], start: int, end: int) -> list[ActorMention]:
    """Words of ``text[start:end]`` that name a recorded actor by surname."""
    if not actors:
        return []
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if not word[:1].isupper():
            continue
        forms = surname_forms(word, lang)
        actor = next((a for a in actors if a.surname_forms & forms), None)
        if actor is not None:
            out.append(ActorMention(actor, m.start(), m.end()))
    return out


# ------------------------------------------------------------------ institutions the story follows

@dataclass(frozen=True, slots=True)
class Institution:
    """A university, hospital, school or theatre as the article names it: its head noun (``institution_anaphor``
    in ``triggers.json``, by dictionary form) and the place it stands for, None where its name gives none
    ("Uludag University"): a later bare "the university" is that body, not an older one."""
    head: str
    location: Location | None
    start: int  # article offsets of the head noun
    end: int


@dataclass(frozen=True, slots=True)
class InstitutionReference:
    """A bare head noun that names the body again: "the school's rector", "ректор университета", "университет
    ... қол қойды"."""
    institution: Institution
    start: int
    end: int


_EN_DETERMINERS = frozenset({"the", "this", "our", "its"})
_RU_DETERMINERS = ("сам", "этот", "эта", "это", "тот", "наш", "свой", "данн")
# a describing word before a Kazakh head noun: an adjective ("медициналық"), "-ғы" ("қазіргі"), a located one
# ("Алматыдағы")
_KK_DESCRIPTIVE = re.compile("(?:" + "|".join((*kk.ADJECTIVE_ENDINGS, "ғы", "гі", "қы", "кі",
                                                *kk.ATTRIBUTIVE_LOCATIVE)) + ")$")
_KK_LOCATED = tuple(kk.ATTRIBUTIVE_LOCATIVE)  # "Алматыдағы университет": the body in that place
BODY_NAME_GAP_WORDS = 3  # "Shymkent Higher Medical School", "Самаркандского государственного университета"
BODY_PLACE_AFTER_WORDS = 6  # "Uludag University in the Turkish city of Bursa"


def _institution_head(word: str, lang: str, heads: dict[str, str]) -> tuple[str, str] | None:
    """The head class of an institution noun in the singular ("school's" -> school, "университета" -> университет,
    "вуз" -> университет, "университетінің" -> университет), with the endings after it (Kazakh: "інің"); None
    for any other word or a plural."""
    if lang == "en":
        key = _POSSESSIVE.sub("", word).casefold()
        return (heads[key], "") if key in heads else None
    if lang == "ru":
        readings = [r for r in ru.readings(word) if r.normal in heads]
        if not readings or not any("plur" not in str(r.tag) for r in readings):
            return None
        return heads[readings[0].normal], ""
    folded = word.casefold()
    head = next((h for h in heads if folded.startswith(h)), None)
    if head is None or folded[len(head):].startswith(kk.PLURAL_ENDINGS):
        return None
    return heads[head], folded[len(head):]


def _a_name(text: str, words: list[_Word], k: int) -> bool:
    """Is ``words[k]`` capitalised as a name is, not as the first word of a sentence ("Сейсенбіде университет")?"""
    return words[k].capitalised and k > 0 and not words[k - 1].text.endswith(".") \
        and not re.search(r"[.!?\n]", text[words[k - 1].end:words[k].start])


def _adjective_ru(word: str) -> bool:
    readings = ru.readings(word)
    return bool(readings) and all(r.tag.POS in ("ADJF", "PRTF") for r in readings) \
        and not word.lower().startswith(_RU_DETERMINERS)


def institutions(text: str, lang: str, places: Sequence[Place], heads: dict[str, str],
                 adjective_city: Callable[[str], Location | None],
                 inside_names: Sequence[tuple[int, int, Location]] = ()
                 ) -> tuple[list[Institution], list[InstitutionReference]]:
    """The bodies the article names (their head noun and place, in text order) and the bare head nouns that name
    them again, each resolved to the body of its head named last before it. A body's place is a place written
    inside its name before the head ("Shymkent Higher Medical School", "Қарағанды медициналық университеті"), a
    city's adjective beginning it ("Шымкентского гуманитарного университета"; ``adjective_city``), "of" a place
    ("University of Nairobi") or where it stands ("Uludag University in the Turkish city of Bursa",
    "Алматыдағы университет"). A bare noun: in English after "the", "this", "our", "its"; in Russian and Kazakh a
    lower-case head with no describing word before it ("в медицинском институте" is another body).
    ``inside_names``: the places found inside bodies' names, which are no place mentions of their own."""
    mentions = sorted([(m.start, m.end, p.location) for p in places for m in p.mentions] + list(inside_names),
                      key=lambda x: x[0])
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    bodies: list[Institution] = []
    references: list[InstitutionReference] = []
    for i, word in enumerate(words):
        found = _institution_head(word.text, lang, heads)
        if found is None:
            continue
        head, endings = found
        location = _body_place(text, lang, words, i, endings, mentions, adjective_city)
        before = words[i - 1] if i else None
        gap = text[before.end:word.start] if before else ""
        if location is not None or _a_name(text, words, i):
            bodies.append(Institution(head, location, word.start, word.end))
            continue
        # (a capital that opens a sentence makes no name: "Банк өкілі ... кездесті" is the bank named before, in
        # Russian and Kazakh; the word before may hold the full stop, "жатыр.")
        if before is None or before.text.endswith(".") or re.search(r"[.!?\n]", gap):
            bare = lang in ("ru", "kk")
        elif gap.strip():
            bare = False
        else:
            bare = (lang == "en" and before.text.casefold() in _EN_DETERMINERS
                    or lang == "ru" and not _a_name(text, words, i - 1) and not _adjective_ru(before.text)
                    or lang == "kk" and not _a_name(text, words, i - 1)
                    and not _KK_DESCRIPTIVE.search(before.text.casefold()))
        if bare:
            # the story's own Kazakh body before a foreign one named since ("в самом университете" after "Самаркандский
            # университет сотрудничает"): foreign bodies are named again by name
            body = next((b for b in reversed(bodies) if b.head == head and b.location is not None
                         and b.location.country == HOME_COUNTRY), None) \
                or next((b for b in reversed(bodies) if b.head == head), None)
            if body is not None and body.location is not None:
                references.append(InstitutionReference(body, word.start, word.end))
    return bodies, references


def _body_place(text: str, lang: str, words: list[_Word], i: int, endings: str,
                mentions: Sequence[tuple[int, int, Location]],
                adjective_city: Callable[[str], Location | None]) -> Location | None:
    """The place the name of the body headed by ``words[i]`` gives it (see ``institutions``), or None."""
    head = words[i]
    # an organisation whose name holds the head ("the Asian Development Bank", "Всемирный банк"): the body is it
    named = next((loc for a, b, loc in mentions if a <= head.start and head.end <= b and loc.kind == "organization"),
                 None)
    if named is not None:
        return named
    first = words[max(0, i - BODY_NAME_GAP_WORDS)].start
    before = [(a, b, loc) for a, b, loc in mentions if first <= a and b <= head.start
              and not re.search(r"[,;:()«»\"“”]", text[b:head.start])]
    if before:
        a, b, loc = before[-1]
        inner = [w for w in words[:i] if w.start >= b]
        if lang == "en" and all(w.capitalised for w in inner):
            return loc  # "Shymkent Higher Medical School"
        if lang == "kk" and not any(w.capitalised for w in inner) and (
                text[a:b].casefold().endswith(_KK_LOCATED) or endings[:1] in ("ы", "і")):
            return loc  # "Қарағанды медициналық университеті", "Алматыдағы университет"
    if lang in ("ru", "kk"):
        for w in words[max(0, i - BODY_NAME_GAP_WORDS):i]:
            if w.capitalised and (city := adjective_city(w.text)) is not None:
                return city  # "Шымкентского гуманитарного университета"
    if lang in ("en", "ru") and i + 1 < len(words):
        following = words[i + 1]
        if lang == "en" and following.text not in ("of", "in"):
            return None
        if lang == "ru" and following.text not in ("в", "во"):
            following = head  # "университет Ташкента": the place right after the head
        stop = words[min(len(words) - 1, i + BODY_PLACE_AFTER_WORDS)].end
        for a, b, loc in mentions:
            if following.end <= a and b <= stop and not re.search(r"[,;:()«»\"“”.]", text[head.end:a]):
                gap = text[following.end:a].split()
                if lang == "ru" and gap or lang == "en" and following.text == "of" and gap not in ([], ["the"]):
                    return None
                return loc  # "University of Nairobi", "Uludag University in the Turkish city of Bursa"
    return None
