"""Article -> Extraction: every place named in the body, with offsets, resolved against the gazetteer.

How it works, per article (only inside ``article.segments()``):

1. Tokenise; every word gets candidate base forms for its language (``lang.ru.forms`` /
   ``lang.kk.forms``; English only drops a possessive 's). Word lists live in the language drawers.
2. Greedy longest match of word n-grams against the gazetteer keys (pruned by key prefixes, so the cost
   is dict look-ups per word, never a scan of the gazetteer). Continents and macro-regions ("Central
   Asia") are matched too so they swallow their words, and then dropped.
3. Words that are demonyms (Korean, турецкий, қазақстандық) become ``Demonym`` evidence, not places.
4. Filters for things that look like places and are not: names inside organisation names (University
   of X, X University, short «quoted» names), the outlet's own name, person names (natasha PER spans in
   Russian, a surname-looking neighbour or a title before), month names next to a day number
   (Kazakh қазан = October), all-caps mastheads (KAZAKHSTAN TODAY); in Kazakh, a bare name a few plain
   words before the head of a body's name ("... университеті", "... одағы"). Each filter names itself
   (``_dropped_by``), so a measurement can count what it drops. A small town must earn its place: in
   English one below 15,000 people outside Central Asia (the gazetteer holds English-only towns from 5,000)
   needs the NER or ", <state or country>"; in Russian and Kazakh one abroad, a village at home, or a name
   the dictionary also reads as a person's ("Абай") needs a locative frame, a place word or a second mention.
5. Russian: natasha NER runs only over sentences holding a capitalised word the gazetteer did not
   match (and that is not part of a "Firstname Surname" pair): most sentences of a news text name
   known places only and skip the network. LOC spans the gazetteer did not match are retried with
   natasha's lemma and then a spelling-variant fallback (Стивенейдж ~ GeoNames Стивенедж) among places
   of the countries the article names; what still fails becomes an unresolved toponym (location None).
6. English and Kazakh: an unknown capitalised name in an unmistakable locative frame ("the city of X",
   "X Province", "visited X" with X a lone non-surname word, "X қаласында", "X провинциясының") is tried
   as a spelling variant (also transliterated: Гәнжә ~ Гянджа) among the article's countries, else kept
   unresolved. The frames are narrow: a wrong place costs more than a missing one.
7. A river, lake, mountain, forest or street named next to its own noun ("Сырдария өзені", "озеро Зайсан",
   "Royal Street") is an area found in the text, gazetteer or not: no marker, never a side.
8. Disambiguation: kind and population priors, a bonus for cities of a million people, plus the
   countries named in the article or through demonyms (Georgia is the country unless the US is in the
   text; "Paris, Texas" and "Alexandria, Egypt" are read inside the place written next to them), and the
   US states it names ("Allendale, N.J."); in English a name that is only another city's alternate
   ("Salisbury" for Harare) yields to a place called so outright.
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from dashboard.gazetteer import ALIKE_SPELLING, HOME_COUNTRIES, WORLD_MIN_POP, Gazetteer
from dashboard.lang import en, kk, ru, sentences
from dashboard.models import AREA, HOME_COUNTRY, Article, Demonym, Extraction, Location, Mention, NamedBody, Toponym
from dashboard.names import WORD_RE, fold, is_cyrillic, name_key, translit
from dashboard.relations.actors import surname_forms

log = logging.getLogger(__name__)


# Words after which a capitalised name is a person (titles and honorifics), and the surname endings of
# the region, in any of the articles' languages: a Russian article quotes English names and back.
PERSON_TITLES = en.PERSON_TITLES | ru.PERSON_TITLES
SURNAME_ENDINGS = en.SURNAME_ENDINGS + ru.SURNAME_ENDINGS + kk.SURNAME_ENDINGS
KIND_PRIOR = {"country": 5.0, "organization": 4.0, "region": 3.0, "landmark": 2.0, "city": 1.0}
CONTEXT_BONUS = 2.5
# A city of a million people is what a bare name means unless the text says otherwise ("Moscow" in a story
# about Louisiana floods is still Russia's); the comma rule ("Paris, Texas") still overrides.
MAJOR_CITY_POP = 1_000_000
MAJOR_CITY_BONUS = 2.9  # kept below country - city priors: "Мексике" is Mexico, not Mexico City
FUZZY_RATIO = 0.85
_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“"}
_SENT_END = set(".!?…:;\n")
_MAX_QUOTED_WORDS = 6
# A quote with a preposition of place in it is a phrase, not a name ("the richest tribe in Africa", «мы были в
# Шымкенте»); names of things seldom hold one («Голос Америки», "Astana Motors")
_PHRASE_PREPOSITIONS = frozenset({"in", "into", "near", "at", "from", "в", "во", "из", "на"})


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    seg: int
    forms: tuple[str, ...]
    sent_start: bool

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        return self.text.isupper()


@dataclass(slots=True)
class Match:
    start_tok: int
    end_tok: int
    start: int
    end: int
    text: str
    ids: list[int]
    query: str = ""
    location: Location | None = None
    fixed: bool = False  # chosen by the fallback, not by the prior
    keys: tuple[str, ...] = ()  # the gazetteer keys the words matched (empty when found another way)


@dataclass(slots=True)
class _Ctx:
    article: Article
    gaz: Gazetteer
    lang: str
    text: str
    tokens: list[Token] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    locs: list[tuple[int, int, int]] = field(default_factory=list)  # natasha LOC spans: start, end, entity
    ner_places: list[tuple[int, int]] = field(default_factory=list)  # English NER GPE/LOC/FAC spans
    ner_single_persons: list[tuple[int, int]] = field(default_factory=list)  # one-word English PERSON spans
    # English FAC and ORG spans: names of buildings and bodies, where a small town's name is part of the name
    ner_facilities: list[tuple[int, int]] = field(default_factory=list)
    ner_organisations: list[tuple[int, int]] = field(default_factory=list)
    ner: ru.NerText | None = None
    countries: set[str] = field(default_factory=set)  # countries the article names outright
    demonym_countries: set[str] = field(default_factory=set)  # and through their adjectives ("the Georgian city")
    country_mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, ISO) of each
    words: frozenset[str] | None = None  # every [\w-]+ word of the text, built on first use
    mention_counts: Counter = field(default_factory=Counter)  # candidate sets -> matches (repeat evidence)
    # the first two words of names read as a person's after a role ("мэрі Пак Сон Мин"): the same words later
    # ("Сағынбаев пен Пак Сон Мин") are that person again
    person_names: set[tuple[str, str]] = field(default_factory=set)
    person_surnames: frozenset[str] | None = None  # forms of the last words of full names, built on first use


# ------------------------------------------------------------------------------------------ public


def extract(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Places (with all mentions and the gazetteer's pick) and demonyms found in the article body."""
    lang = article.lang if article.lang in ("en", "ru", "kk") else "en"
    ctx = _Ctx(article=article, gaz=gazetteer, lang=lang, text=article.text)
    ctx.tokens = _tokenize(article, lang, gazetteer)
    ctx.blocked = _blocked_spans(article, ctx.tokens)
    matches, demonyms = _match(ctx)
    if lang == "ru":
        _natasha_spans(ctx, matches)
    elif lang == "en":
        _english_spans(ctx)
    ctx.countries = _named_countries(ctx, matches)
    ctx.demonym_countries = {d.country for d in demonyms}
    ctx.country_mentions = [(m.start, m.end, loc.country or "") for m in matches
                            for loc in (ctx.gaz.locations[i] for i in m.ids) if loc.kind == "country"]
    ctx.mention_counts = Counter(frozenset(m.ids) for m in matches)
    dropped = {id(m): _dropped_by(ctx, m) for m in matches}
    # one sense per story: a name the NER took for a person in one sentence is the place it reads as elsewhere
    # ("the delegation visited Batumi on Monday ... Batumi, whose partner cities include Savannah")
    kept_ids = {frozenset(m.ids) for m in matches if dropped[id(m)] is None}
    dropped.update({id(m): None for m in matches
                    if dropped[id(m)] == "ner_single_person" and frozenset(m.ids) in kept_ids})
    _one_person_per_surname(ctx, matches, dropped)
    bodies = [m for m in matches if dropped[id(m)] == "org_internal" and _names_an_acting_body(ctx, m)]
    matches = [m for m in matches if dropped[id(m)] is None]
    matches = _coordinated_divisions(ctx, matches)
    matches = _divisions_by_adjective(ctx, matches)
    matches += _fallback_locs(ctx, matches)
    if lang == "en":
        matches += _english_ner_places(ctx, matches)
        matches = _state_abbreviations(ctx, matches)
    if lang in ("en", "kk"):
        matches += _locative_unknowns(ctx, matches)
    matches += _named_features(ctx, matches)
    _resolve(ctx, matches, demonyms)
    _resolve(ctx, bodies, demonyms)
    named_bodies = tuple(NamedBody(m.location, Mention(m.text, m.start, m.end)) for m in bodies
                         if m.location is not None and m.location.kind == "city")
    return Extraction(toponyms=_group(ctx, matches), demonyms=tuple(demonyms), bodies=named_bodies)


# ---------------------------------------------------------------------------------------- tokenising


def _tokenize(article: Article, lang: str, gaz: Gazetteer | None = None) -> list[Token]:
    tokens: list[Token] = []
    for seg_i, (offset, seg) in enumerate(article.segments()):
        prev_end = 0
        for m in WORD_RE.finditer(seg):
            word, s, e = m.group(), m.start(), m.end()
            # "АҚШ-қа", "ҚР-ның": an abbreviation with a Kazakh case ending after a hyphen
            cut = re.match(r"^([^\W\d_]{2,6})[-‐](\w{1,6})$", word)
            if cut and cut.group(1).isupper() and cut.group(2).islower():
                word, e = cut.group(1), s + len(cut.group(1))
            if lang == "en" and re.search(r"['’]s$", word):
                word, e = word[:-2], e - 2
            # "London-based", "Abu Dhabi-born": a name with a lowercase word hyphened to it (the compound is
            # no name, while "Ust-Kamenogorsk", "Asia-Pacific" keep their capitals and "Gyeongsangbuk-do" is
            # a name whole)
            compound = re.match(r"^([A-Z][^\W\d_]*)[-‐]([a-z]+)$", word) if lang == "en" else None
            if compound and not (gaz and fold(word) in gaz.index):
                word, e = compound.group(1), s + len(compound.group(1))
            gap = seg[prev_end:s]
            sent_start = not tokens or tokens[-1].seg != seg_i or (
                _is_sentence_gap(gap) and not (lang == "en" and _abbreviation_stop(tokens[-1].text, gap)))
            prev_end = m.end()
            if lang == "ru":
                forms = ru.forms(word)
            elif lang == "kk":
                forms = kk.forms(word)
            else:
                forms = (fold(word),)
            tokens.append(Token(word, offset + s, offset + e, seg_i, forms, sent_start))
    if lang == "ru":
        # "в Смолевичском районе", "делегация Лидского района": a town's adjective before a district's noun names
        # the district, found at its town
        for k, tok in enumerate(tokens):
            if tok.cap and _before_a_district_noun(tokens, k):
                tokens[k] = replace(tok, forms=tuple(dict.fromkeys((*tok.forms, *ru.towns_of_adjective(tok.text)))))
    return tokens


def _before_a_district_noun(tokens: Sequence[Token], k: int) -> bool:
    """Russian: does a district's noun follow token ``k`` in its segment ("Лидского района")?"""
    return k + 1 < len(tokens) and tokens[k + 1].seg == tokens[k].seg \
        and fold(tokens[k + 1].text).startswith(ru.DISTRICT_NOUNS)


def _is_sentence_gap(gap: str) -> bool:
    g = gap.strip(" \t\xa0«»\"“”'()[]-–—")
    return bool(g) and g[-1] in _SENT_END or "\n" in gap or gap.strip().startswith(("—", "–", "-"))


def _abbreviation_stop(word: str, gap: str) -> bool:
    """The full stop of "St. Louis", "Mt. Vernon": it ends an abbreviated word, not a sentence."""
    return word[:1].isupper() and fold(word) in en.NAME_ABBREVIATIONS and gap.strip(" \xa0") == "."


def _gap_ok(ctx: _Ctx, a: Token, b: Token) -> bool:
    """Two words may belong to one name: same segment, only spaces (or a hyphen) between them, or the
    full stop of an abbreviated first word ("St. Louis")."""
    if a.seg != b.seg:
        return False
    gap = ctx.text[a.end:b.start]
    if "\n" in gap:
        return False
    return gap.strip(" \xa0-") == "" or ctx.lang == "en" and _abbreviation_stop(a.text, gap)


# ------------------------------------------------------------------------------------ blocked spans


def _blocked_spans(article: Article, tokens: list[Token]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    text = article.text
    # the outlet's own name (KAZAKHSTAN TODAY, Zakon.kz) is not a place
    if article.source and len(article.source) >= 4:
        for m in re.finditer(re.escape(article.source), text):
            spans.append((m.start(), m.end()))
    for offset, seg in article.segments():
        # short quoted names: «Стивенейдж», "Astana Motors" are organisations, brands, buildings
        for m in re.finditer(r"[«“\"„]([^«»“”\"\n]{1,80})[»”\"“]", seg):
            inner = m.group(1)
            words = WORD_RE.findall(inner)
            if len(words) <= _MAX_QUOTED_WORDS and not re.search(r"[.!?]\s", inner) \
                    and not any(w in _PHRASE_PREPOSITIONS for w in words[:-1]):
                spans.append((offset + m.start(), offset + m.end()))
    return spans


def _natasha_spans(ctx: _Ctx, matches: list[Match]) -> None:
    """natasha NER, only over the sentences where it can change the result: those with a capitalised
    Cyrillic word inside a sentence that the gazetteer did not match (a place it lacks, or a person whose
    name is also a town: "Алтай Абибуллаев"). The chosen sentences go through one NER call; spans are
    mapped back to article offsets. Sentences of known places and sentence-initial words alone - most of
    a news text - skip the network, its cost."""
    wanted = _ner_sentences(ctx, matches)
    if not wanted:
        return
    pieces, offsets, pos = [], [], 0
    for start, stop in wanted:
        pieces.append(ctx.text[start:stop])
        offsets.append((pos, start, stop - start))
        pos += stop - start + 1
    parsed = ru.ner("\n".join(pieces))
    if parsed is None:
        return
    body = list(ctx.article.body_ranges)
    for index, ent in enumerate(parsed.entities):
        piece = next((o for o in offsets if o[0] <= ent.start and ent.end <= o[0] + o[2]), None)
        if piece is None:
            continue
        start, stop = ent.start - piece[0] + piece[1], ent.end - piece[0] + piece[1]
        if not _inside(body, start, stop):
            continue
        if ent.label == ru.PERSON:
            ctx.persons.append((start, stop))
        elif ent.label == ru.PLACE:
            ctx.locs.append((start, stop, index))
    ctx.ner = parsed


def _english_spans(ctx: _Ctx) -> None:
    """spaCy's entities over the body: PERSON spans veto the place reading of their words, GPE/LOC/FAC
    spans are places (kept against the English word heuristics, and looked up when the gazetteer rules
    missed them)."""
    from dashboard.lang import en

    for offset, segment in ctx.article.segments():
        for ent in en.entities(segment):
            span = (offset + ent.start, offset + ent.end)
            if ent.label == en.PERSON:
                # a full name vetoes the place reading of its words; a lone word the model calls a person
                # is weaker evidence (it calls Konya and Izmir people): it vetoes small towns only
                # (the model keeps a possessive inside the span: "Mato Grosso's")
                (ctx.persons if " " in ent.text.strip() else ctx.ner_single_persons).append(_trim_span(ctx.text, *span))
            elif ent.label in en.PLACE_LABELS:
                ctx.ner_places.append(_trim_span(ctx.text, *span))
                if ent.label == en.FACILITY:
                    ctx.ner_facilities.append(ctx.ner_places[-1])
            elif ent.label == en.ORG:
                ctx.ner_organisations.append(_trim_span(ctx.text, *span))


_LEADING_ARTICLE = re.compile(r"(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """"the Limpopo province's" -> "Limpopo province": what a name match can cover."""
    lead = _LEADING_ARTICLE.match(text, start, end)
    if lead:
        start = lead.end()
    tail = _TRAILING_POSSESSIVE.search(text, start, end)
    return start, tail.start() if tail else end


def _english_ner_places(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """NER place spans that no gazetteer match covers: the whole span is looked up (the longest reading:
    "Cuyahoga County", not "Suffolk" out of "Suffolk County"), then without a leading article."""
    out = []
    covered = [(m.start, m.end) for m in matches]
    starts = [t.start for t in ctx.tokens]
    for s, e in ctx.ner_places:
        if _overlaps(covered, s, e) or _overlaps(ctx.blocked, s, e) or _overlaps(ctx.persons, s, e):
            continue
        # the span's tokens, found by bisection: a scan per span made long articles quadratic
        toks = [i for i in range(bisect_left(starts, s), bisect_left(starts, e)) if ctx.tokens[i].end <= e]
        while toks and fold(ctx.tokens[toks[0]].text) == "the":
            toks = toks[1:]
        if not toks or not ctx.tokens[toks[0]].cap:
            continue
        words = [ctx.tokens[i] for i in toks]
        key = " ".join(fold(t.text) for t in words)
        if key in ctx.gaz.nonplaces or any(_demonym(ctx, t) for t in words):
            continue
        ids = ctx.gaz.candidates(key, upper=all(t.upper for t in words))
        start, end = words[0].start, words[-1].end
        found = Match(toks[0], toks[-1] + 1, start, end, ctx.text[start:end], ids, query=ctx.text[start:end])
        if ids and (_names_a_feature(ctx, found) or _short_caps_word(ctx, found)):
            continue  # the model's LOC "the Aral Sea" is the sea, not the town GeoNames gives that name too
        if ids and (start, end) in ctx.ner_facilities and _only_small_towns(ctx, found):
            found.ids = []  # "the White House": a building the gazetteer cannot place, not a town so named
        out.append(found)
        covered.append((start, end))
    return out


def _ner_sentences(ctx: _Ctx, matches: list[Match]) -> list[tuple[int, int]]:
    """Article ranges of the sentences worth running NER on (see ``_natasha_spans``)."""
    covered = [(m.start, m.end) for m in matches] + ctx.blocked
    toks = ctx.tokens
    people = _person_name_tokens(ctx)
    triggers = [t.start for k, t in enumerate(toks)
                if t.cap and not t.upper and not t.sent_start and is_cyrillic(t.text) and k not in people
                and not _overlaps(covered, t.start, t.end) and not _demonym(ctx, t)]
    if not triggers:
        return []
    out = []
    for seg_start, seg_end in ctx.article.body_ranges:
        for s_start, s_stop in sentences(ctx.text[seg_start:seg_end]):
            start, stop = seg_start + s_start, seg_start + s_stop
            if any(start <= t < stop for t in triggers):
                out.append((start, stop))
    return out




def _person_name_tokens(ctx: _Ctx) -> set[int]:
    """Indexes of the words of "Firstname Surname" pairs (either order): NER is not needed to tell that
    an unknown name there is a person, and the gazetteer's own person rules cover place-like first names."""
    toks, out = ctx.tokens, set()
    for k, t in enumerate(toks):
        if not (t.cap and not t.upper and ru.SURNAME.search(fold(t.text))):
            continue
        if ctx.gaz.index.get(fold(t.text)):
            continue  # a known place that looks like a surname (Ростов)
        out.add(k)
        for n in (k - 1, k + 1):
            if 0 <= n < len(toks) and toks[n].cap and not toks[n].upper and _gap_ok(ctx, *sorted(
                    (toks[n], t), key=lambda x: x.start)):
                out.add(n)
    return out


def _lemma(ctx: _Ctx, index: int) -> str:
    """The dictionary form of natasha's LOC entity number ``index`` ("Стивенейджем" -> "Стивенейдж")."""
    return ctx.ner.lemma(index) if ctx.ner is not None else ""


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _starts_ner_place(ctx: _Ctx, m: Match) -> bool:
    """Does an NER place span start with this match? A match further inside a longer span is a part of
    another name ("Hub" of "Astana Hub", "Dame" of "Notre Dame"), judged by the word heuristics."""
    return any(s == m.start and m.end <= e for s, e in ctx.ner_places)


def _named_division_around(ctx: _Ctx, m: Match) -> bool:
    for s, e in ctx.ner_places:
        if s <= m.start and m.end <= e and (s, e) != (m.start, m.end):
            rest = {fold(w) for w in WORD_RE.findall(ctx.text[s:m.start] + " " + ctx.text[m.end:e])}
            if rest and rest <= en.DIVISION_WORDS:
                return True
    return False


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# ---------------------------------------------------------------------------------------- matching


def _match(ctx: _Ctx) -> tuple[list[Match], list[Demonym]]:
    toks, gaz = ctx.tokens, ctx.gaz
    matches: list[Match] = []
    demonyms: list[Demonym] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not tok.cap:
            country = _demonym(ctx, tok)
            if country:
                demonyms.append(Demonym(country, Mention(tok.text, tok.start, tok.end)))
            i += 1
            continue
        end, keys = _longest(ctx, i)
        if end == i + 1 and ctx.lang == "kk" and any(
                gaz.locations[x].kind == "country" for k in keys for x in gaz.candidates(k, upper=tok.upper)):
            pass  # a capitalised country name in Kazakh is the country: "Әзірбайжан", "Украинада" (its people
            # are written in lower case, "әзірбайжандар", and read as demonyms above)
        elif end == i + 1 or end < 0:
            country = _demonym(ctx, tok)
            if country:
                demonyms.append(Demonym(country, Mention(tok.text, tok.start, tok.end)))
                i += 1
                continue
        if end == i + 1 and ctx.lang == "ru" and (bases := ru.dictionary_bases(tok.text)) is not None:
            keys = [k for k in keys if k in bases]  # "Совета" (of the council) is no "Совето" (Soweto)
            end = end if keys else -1
        if end < 0:
            i += 1
            continue
        nonplace = next((gaz.nonplaces[k] for k in keys if k in gaz.nonplaces), None)
        if nonplace == "month" and not _date_context(ctx, i):
            nonplace = None
        area = next((gaz.areas[k] for k in keys if k in gaz.areas), None)
        if area is not None and _names_an_area(ctx, i, end):
            s, e = toks[i].start, toks[end - 1].end
            matches.append(Match(i, end, s, e, ctx.text[s:e], [area], keys=tuple(keys)))
            i = end
            continue
        if nonplace:
            i = end
            continue
        upper = all(t.upper for t in toks[i:end])
        ids: list[int] = []
        for k in keys:
            ids.extend(x for x in gaz.candidates(k, upper=upper) if x not in ids)
        if upper and end == i + 1 and len(tok.text) <= 3:
            # "EU", "UK": a listed abbreviation is read as what it abbreviates, not as a town spelled so (Eu)
            listed = {p >> 1 for k in keys for p in gaz.index.get(k, ()) if p & 1}
            ids = [x for x in ids if x in listed] or ids
        if ids:
            s, e = toks[i].start, toks[end - 1].end
            matches.append(Match(i, end, s, e, ctx.text[s:e], ids, keys=tuple(keys)))
            i = end
        else:
            i += 1
    return matches, demonyms


def _names_an_area(ctx: _Ctx, i: int, end: int) -> bool:
    """Is the continent, macro-region or sea at tokens [i, end) written as a name, its first word capitalised
    ("Europe", "Орталық Азия", "Каспийского моря"), not a common word that spells it ("arctic cold")?"""
    first = next((t for t in ctx.tokens[i:end] if fold(t.text) != "the"), ctx.tokens[i])
    return first.cap


def _longest(ctx: _Ctx, i: int) -> tuple[int, list[str]]:
    """End token index (exclusive) and keys of the longest gazetteer or non-place name starting at i."""
    toks, gaz = ctx.tokens, ctx.gaz
    best_end, best_keys = -1, []
    frontier = [(f, i + 1) for f in dict.fromkeys(toks[i].forms)]
    while frontier:
        nxt = []
        for key, j in frontier:
            if key in gaz.index or key in gaz.nonplaces:
                if j > best_end:
                    best_end, best_keys = j, [key]
                elif j == best_end and key not in best_keys:
                    best_keys.append(key)
            if j < len(toks) and j - i < gaz.max_words and key in gaz.prefixes and _gap_ok(ctx, toks[j - 1],
                                                                                             toks[j]):
                for f in dict.fromkeys(toks[j].forms):
                    k2 = f"{key} {f}"
                    if k2 in gaz.prefixes:
                        nxt.append((k2, j + 1))
        frontier = nxt
    return best_end, best_keys


def _date_context(ctx: _Ctx, i: int) -> bool:
    """A month name is a date next to a day number or the word for month (15 қазан, қазан айында)."""
    tok = ctx.tokens[i]
    before = ctx.text[max(0, tok.start - 6):tok.start]
    after = ctx.text[tok.end:tok.end + 12]
    return bool(re.search(r"\d[\s\xa0]*$", before) or re.match(r"\.?[\s\xa0]*(\d|ай|month|месяц)", after,
                                                                   re.IGNORECASE))


def _demonym(ctx: _Ctx, tok: Token) -> str | None:
    table = ctx.gaz.demonyms.get(ctx.lang, {})
    w = fold(tok.text)
    if ctx.lang == "en":
        return table.get(w)
    if ctx.lang == "ru":
        for part in w.split("-"):
            for k in range(len(part), 2, -1):
                stem, ending = part[:k], part[k:]
                if stem in table and (ending == "" or ending in ru.DEMONYM_ENDINGS):
                    return table[stem]
        return None
    # Kazakh: listed people names, or country + -лық/-лік (қазақстандық, британдық)
    for form in kk.forms(tok.text):
        if form in table:
            return table[form]
        for suf in kk.ADJECTIVE_ENDINGS:
            if form.endswith(suf):
                base = form[: -len(suf)]
                for b in kk.forms(base):
                    for loc_id in ctx.gaz.candidates(b, upper=False):
                        loc = ctx.gaz.locations[loc_id]
                        if loc.kind == "country":
                            return loc.country
    return None




# ----------------------------------------------------------------------------------------- filters


def _one_person_per_surname(ctx: _Ctx, matches: Sequence[Match], dropped: dict[int, str | None]) -> None:
    """One person per story: a surname read after a first name ("пластикалық хирург Джеймс Уилсон") is that
    person where it later stands alone ("Уилсон келесі жылы ... шақырды"), not the town so called, unless a
    place's preposition or case governs it there ("в Уилсоне", "Уилсонда"). Only small towns: a first name's
    reading is a guess, and a city's name ("Андижан") outweighs it."""
    surnames = frozenset().union(*(surname_forms(m.text, ctx.lang) for m in matches
                                   if dropped[id(m)] == "after_a_first_name"))
    if not surnames:
        return
    for m in matches:
        if dropped[id(m)] is None and m.end_tok - m.start_tok == 1 and _only_small_towns(ctx, m) \
                and not _a_home_town(ctx, m) and surname_forms(m.text, ctx.lang) & surnames \
                and not _governed_as_a_place(ctx, m):
            dropped[id(m)] = "surname_of_a_named_person"


def _governed_as_a_place(ctx: _Ctx, m: Match) -> bool:
    """Does a place's preposition ("в", "in") or, in Kazakh, a case of being at or coming from (-да, -дан,
    -дағы) or a division noun after it ("Уилсон қаласында") govern the one-word match?"""
    if ctx.lang == "en":
        return _after_place_preposition(ctx, m)
    if ctx.lang == "kk":
        word = fold(m.text)
        return _before_place_word(ctx, m) or any(  # ("Уилсон қаласында": the town's noun says so)
            word.endswith(ending) and len(word) > len(ending) + 2 for ending in kk.PLACE_CASES
            if ending not in kk.DATIVE_ENDINGS)  # (a person is told things: "Уилсонға")
    prev = ctx.tokens[m.start_tok - 1] if m.start_tok > 0 else None
    return prev is not None and fold(prev.text) in ru.PLACE_PREPOSITIONS


def _stem_written_lowercase(ctx: _Ctx, m: Match) -> bool:
    """Kazakh: does the article write the word's stem in lower case elsewhere, bare or with a case or possessive
    ending ("миссия", "миссиясын")? Kazakh has no dictionary here; the article's own spelling says a common noun.
    (Not with an adjective's ending: "хьюстондық" is made from the town's name.)"""
    stems = {k for k in m.keys if len(k) >= 4}
    return any(w[:1].islower() and w.startswith(stem) and len(w) - len(stem) <= STEM_ENDING_LETTERS
               and not w[len(stem):].startswith(kk.ADJECTIVE_ENDINGS) for w in _article_words(ctx) for stem in stems)


STEM_ENDING_LETTERS = 6  # "миссия|сының": a case and possessive ending, not another word that starts alike


def _appears_lowercase(ctx: _Ctx, word: str) -> bool:
    """Is ``word`` also written in lower case as a whole word somewhere in the article? The article's
    words are collected once (a regex search per candidate made long articles quadratic)."""
    lower = word.lower()
    if not re.fullmatch(r"[\w-]+", lower):
        return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", ctx.text) is not None
    return lower in _article_words(ctx)


def _article_words(ctx: _Ctx) -> frozenset[str]:
    """Every [\\w-]+ word of the article, collected once."""
    if ctx.words is None:
        ctx.words = frozenset(re.findall(r"[\w-]+", ctx.text))
    return ctx.words


def _keep(ctx: _Ctx, m: Match) -> bool:
    return _dropped_by(ctx, m) is None


def _dropped_by(ctx: _Ctx, m: Match) -> str | None:
    """The name of the filter that reads a gazetteer match as no place, or None when it is kept (the names
    let a measurement count what each filter gains and loses)."""
    toks = ctx.tokens
    if _overlaps(ctx.blocked, m.start, m.end):
        return "blocked"
    if _overlaps(ctx.persons, m.start, m.end) and not _is_country_only(ctx, m) \
            and not _a_division_named_whole(ctx, m) and not _after_a_role_word(ctx, m) \
            and not (ctx.lang == "en" and _after_place_preposition(ctx, m)
                     and (_placed_by_comma(ctx, m) or not _only_towns_below(ctx, m, CITY_NOT_A_PERSON))):
        # (a person is seldom "in X, <its state>": "camped in Matias Romero, Oaxaca State", a town named
        # after a person; nor "in" a city that size: "spent four days in George Town")
        return "person_span"
    if m.end_tok - m.start_tok == 1 and _surname_of_a_named_person(ctx, m):
        return "surname_of_a_named_person"
    if _named_after(ctx, m):
        return "named_after"
    if all(ctx.gaz.locations[i].kind == AREA for i in m.ids):
        return None  # "Europe", "the Caspian Sea": the filters below tell towns from words and features
    first = toks[m.start_tok]
    if _allcaps_masthead(ctx, m):
        return "allcaps_masthead"
    if _org_internal(ctx, m):
        return "org_internal"
    if _names_a_feature(ctx, m):
        return "names_a_feature"
    if ctx.lang == "en" and _overlaps(ctx.ner_single_persons, m.start, m.end) and _only_small_towns(ctx, m) \
            and not _office_of(ctx, m) and not _a_home_town(ctx, m) and not _after_place_preposition(ctx, m) \
            and not _described_as_a_place(ctx, m) and not _a_city_of_a_named_country(ctx, m):
        return "ner_single_person"
    if ctx.lang == "en" and _inside_a_name(ctx, m) and not _at_home(ctx, m) and _only_towns_below(ctx, m, 200_000):
        return "facility"  # "the White House", "Scripps Media": a building or a body, not a small town so called
    if ctx.lang == "en" and _short_caps_word(ctx, m):
        return "short_caps_word"
    if ctx.lang == "en" and _starts_ner_place(ctx, m):
        # the NER reads it as a place, and the word heuristics below are for when it does not; but a name
        # followed by a division word in the same span is another place ("Suffolk" of "Suffolk County"):
        # the whole span is looked up instead (_english_ner_places)
        return "named_division_around" if _named_division_around(ctx, m) else None
    if _short_caps_city(ctx, m):
        return "short_caps_city"
    if not _is_country_only(ctx, m) and _person_like(ctx, m):
        return "person_like"
    if ctx.lang == "en" and _country_as_first_name(ctx, m):
        return "country_as_first_name"
    single = m.end_tok - m.start_tok == 1
    if ctx.lang == "en" and single and not first.upper:
        w = fold(first.text)
        if w in en.COMMON or w in en.ORG_WORDS:
            return "common_word"
        if _appears_lowercase(ctx, first.text):
            return "appears_lowercase"  # the word also appears lowercase: a common word, not a name
        if first.sent_start and _only_small_towns(ctx, m):
            return "small_town_at_sentence_start"
        if _alternate_only_abroad(ctx, m) or _alternate_inside_name(ctx, m):
            return "alternate_in_a_name"
        prev = ctx.tokens[m.start_tok - 1] if m.start_tok > 0 else None
        if prev and prev.cap and _gap_ok(ctx, prev, first) and _only_small_towns(ctx, m) and _abroad(ctx, m):
            return "second_word_of_a_name"  # "Astana Hub": the second word of a longer name, not the town of Hub
    if ctx.lang not in ("ru", "kk"):
        if _only_towns_below(ctx, m, TOWN_EVIDENCE_POP) and not _at_home(ctx, m) and not _placed_by_comma(ctx, m) \
                and not _own_country_nearby(ctx, m) \
                and not (_after_place_preposition(ctx, m) and not any(k in ctx.gaz.nonplaces for k in m.keys)):
            return "small_town_without_evidence"  # the NER did not call it a place, nor does the text
        return None
    if ctx.lang == "kk" and single and fold(first.text) in kk.PRONOUNS:
        return "pronoun"
    if ctx.lang == "kk" and single and first.sent_start and _only_small_towns(ctx, m) \
            and _stem_written_lowercase(ctx, m):
        return "common_word_at_sentence_start"  # "Миссияны ... қоры ұйымдастырды" beside "миссия жетекшісі"
    if ctx.lang == "ru" and single and ru.no_noun_reading(first.text) and not _a_districts_town(ctx, m):
        return "no_noun_reading"  # "Самое заметное событие": an adjective read through Samoa's case forms
    if ctx.lang == "ru" and single and _only_small_towns(ctx, m) and m.end_tok < len(toks) \
            and ru.qualifies_next(first.text, toks[m.end_tok].text):
        return "adjective_of_a_phrase"  # "в Татарском академическом театре" is no Tatarsk
    if _only_towns_below(ctx, m, WORLD_MIN_POP) and not _at_home(ctx, m):
        return "small_town_for_english"  # indexed for English local news only (gazetteer.WORLD_LATIN_MIN_POP)
    if ctx.lang == "kk" and _respelled_only(ctx, m) and not _at_home(ctx, m) and not _before_place_word(ctx, m) and all(
            loc.kind == "region" or loc.kind == "city" and loc.population < SMALL_ABROAD_POP
            for loc in _by_main_name(ctx, m)):
        return "respelled_foreign_town"
    if single and _after_a_first_name(ctx, m):
        return "after_a_first_name"  # "Игорь Бабушкин", "Анна Глухова": a surname that is also a town
    # "Келесі айда" (next month) is no town in Chad: a capitalised sentence start is weak evidence
    if single and first.sent_start and _only_small_towns(ctx, m) and _abroad(ctx, m):
        return "small_town_at_sentence_start"
    if ctx.lang == "ru" and single and _only_small_towns(ctx, m) \
            and ru.common_noun_only(first.text, after=toks[m.start_tok - 1].text if m.start_tok else None) \
            and not (m.start_tok > 0 and fold(toks[m.start_tok - 1].text) in ru.SETTLEMENT_BEFORE):
        return "common_noun"  # "Советом депутатов" is a council, not Sovetskoye; "посёлок Дружба" is the village
    # and elsewhere a small place must earn its place ("Владимир Путин" is no Russian city)
    if _must_earn(ctx, m) and not _place_evidence(ctx, m):
        return "small_place_without_evidence"
    return None


# English: a town this small outside Central Asia is kept only when the NER reads it as a place or the text
# places it ("Red Oak, Iowa"): many are English words ("Media", "Justice", "Economy, Pa.").
TOWN_EVIDENCE_POP = 15_000


def _a_districts_town(ctx: _Ctx, m: Match) -> bool:
    """Russian: is the one-word match a town's adjective before a district's noun ("Наманганского района"), read as
    the town by its adjective's stem?"""
    return _before_a_district_noun(ctx.tokens, m.start_tok) \
        and bool(set(m.keys) & set(ru.towns_of_adjective(ctx.tokens[m.start_tok].text)))


def _respelled_only(ctx: _Ctx, m: Match) -> bool:
    """Kazakh: is the one-word match reached only by respelling the word's Kazakh letters as Russian ones?
    Kazakh writes a small foreign town or a division abroad as Russian does ("Бари"), so "Бәрі" (all of them)
    is no Bari. (A longer name's Kazakh letters may be its noun's ending alone: "Астрахань облысының"; so may a
    word's: "Дохаға" is Doha with the dative, its stem spelled as the gazetteer spells it.)"""
    word = fold(m.text)
    return m.end_tok - m.start_tok == 1 and kk.has_letters(m.text) \
        and not any(kk.has_letters(k) or word.startswith(k) for k in m.keys)


def _before_place_word(ctx: _Ctx, m: Match) -> bool:
    """Kazakh: is the name followed by its division noun ("Қыршехир провинциясының", "Бари қаласында")? The
    noun says it is a place, however its letters are spelled."""
    j = m.end_tok
    return j < len(ctx.tokens) and ctx.tokens[j].seg == ctx.tokens[j - 1].seg and not ctx.tokens[j].cap \
        and fold(ctx.tokens[j].text).startswith(kk.PLACE_WORDS)


def _at_home(ctx: _Ctx, m: Match) -> bool:
    return any(ctx.gaz.locations[i].country in HOME_COUNTRIES for i in m.ids)


def _only_towns_below(ctx: _Ctx, m: Match, population: int) -> bool:
    """Are the match's readings (by a place's own name, when it has such: "White House" is no Casablanca)
    all towns below ``population``?"""
    return bool(m.ids) and all(loc.kind == "city" and loc.population < population for loc in _by_main_name(ctx, m))


def _placed_by_comma(ctx: _Ctx, m: Match) -> bool:
    """Is the name followed by ", <a region, state or country>"?"""
    toks = ctx.tokens
    if m.end_tok >= len(toks) or ctx.text[m.end:toks[m.end_tok].start].strip() != ",":
        return False
    nxt = toks[m.end_tok]
    if fold(nxt.text).replace(".", "") in en.STATE_ABBREVIATIONS:
        return True
    end, keys = _longest(ctx, m.end_tok)
    return end > 0 and any(ctx.gaz.locations[i].kind in ("region", "country")
                           for k in keys for i in ctx.gaz.candidates(k, upper=nxt.upper))


CITY_NOT_A_PERSON = 100_000  # a city this size, named after "in", is that city even if NER reads a person
OWN_COUNTRY_REACH = 120  # characters: "a delegation from Borjomi, the resort in central Georgia"


def _own_country_nearby(ctx: _Ctx, m: Match) -> bool:
    """Is the town's own country named close by, in the same paragraph ("from Borjomi, the resort in central
    Georgia", "Georgia's Borjomi")? A person's name is seldom written next to the country of a namesake town."""
    countries = {ctx.gaz.locations[i].country for i in m.ids}
    lo, hi = max(0, m.start - OWN_COUNTRY_REACH), m.end + OWN_COUNTRY_REACH
    for start, end, iso in ctx.country_mentions:
        if lo <= start and end <= hi and iso in countries and "\n" not in ctx.text[min(end, m.end):max(start, m.start)]:
            return True
    return False


# A one-word town needs evidence when it is small and abroad, a village at home, or a word that morphology
# reads as a person's name rather than a place.
SMALL_ABROAD_POP = 500_000
SMALL_HOME_POP = 5_000


def _must_earn(ctx: _Ctx, m: Match) -> bool:
    if m.end_tok - m.start_tok != 1:
        return False
    locs = [ctx.gaz.locations[i] for i in m.ids]
    if not locs or any(loc.kind != "city" for loc in locs):
        return False
    if all(loc.country not in ctx.countries and loc.population < SMALL_ABROAD_POP for loc in locs):
        return True
    if all(loc.country == "KZ" and loc.population < SMALL_HOME_POP for loc in locs):
        return True
    # a name that may be a person's as well ("Абай", the poet, is also a town): the word's base, not its
    # inflected form, is what the dictionary knows
    base = next(iter(sorted(m.keys, key=len)), "") if ctx.lang == "kk" else ""
    if _only_small_towns(ctx, m) and _person_name_word(ctx, ctx.tokens[m.start_tok], word=base or None,
                                                      at_least=PERSON_READING_TO_EARN):
        return True
    return _person_name_word(ctx, ctx.tokens[m.start_tok])


def _after_a_first_name(ctx: _Ctx, m: Match) -> bool:
    i = m.start_tok
    if i == 0 or any(ctx.gaz.locations[j].kind != "city" for j in m.ids):
        return False
    prev = ctx.tokens[i - 1]
    if fold(prev.text) in PERSON_TITLES or fold(prev.text).startswith(ru.OF_PLACE + kk.OF_PLACE):
        return False  # "Аким Шымкента": Аким is a first name too, and here the title of the city's head
    # (a short word is a conjunction or particle far more often than a first name: Kazakh "Ал", "Бұл")
    return prev.cap and not prev.upper and len(prev.text) >= 4 and _gap_ok(ctx, prev, ctx.tokens[i]) \
        and not any(ctx.gaz.index.get(f) for f in prev.forms) and _person_name_word(ctx, prev, tags=("Name",))


# A town's one-word name that the dictionary reads as a person's this often must earn its place (the
# reading need not win: "Абай" is a first name in a third of its parses).
PERSON_READING_TO_EARN = 0.3


def _person_name_word(ctx: _Ctx, tok: Token, *, tags: tuple[str, ...] = ("Name", "Surn", "Patr"),
                      word: str | None = None, at_least: float | None = None) -> bool:
    """Does Russian morphology read the word as a first name, surname or patronymic rather than a place
    (Владимир, Динара, Гагарин; not Киров, Саратов)? Kazakh texts write Russian and Kazakh names alike.
    With ``at_least``, a person's reading of that weight is enough, whatever the place's."""
    vocab = ru.morph_vocab()
    word = (word or tok.text).lower()
    if ctx.lang == "kk" and kk.has_letters(word):
        word = word.translate(kk.TO_RUSSIAN)  # "Мәдина" is read as the Russian dictionary's "Мадина"
    if not is_cyrillic(word) or not vocab.word_is_known(word):
        return False  # an unknown word's parses are guesses from its ending (Шымкента -> a surname)
    parses = vocab.parse(word)
    person = sum(p.score for p in parses if any(t in str(p.tag) for t in tags))
    geo = sum(p.score for p in parses if "Geox" in str(p.tag))
    if at_least is not None:
        return person >= at_least
    return person >= 0.5 and person > geo


def _place_evidence(ctx: _Ctx, m: Match) -> bool:
    """NER says LOC, a locative frame (в Кирове, Киров қаласы, Омбыда), or another mention in the article."""
    if _overlaps([(s, e) for s, e, _ in ctx.locs], m.start, m.end):
        return True
    if ctx.mention_counts[frozenset(m.ids)] > 1:
        return True
    toks, i = ctx.tokens, m.start_tok
    prev = toks[i - 1] if i > 0 and toks[i - 1].seg == toks[i].seg else None
    nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].seg == toks[i].seg else None
    if _listed_with_places(ctx, m) or nxt and _plural_division(ctx, nxt):
        return True  # "Махамбет, Индер, Исатай аудандарында": one of a list of places
    if prev is not None and (country := _demonym(ctx, prev)) is not None \
            and any(ctx.gaz.locations[i].country == country for i in m.ids):
        return True  # "из белорусского Витебска": the adjective of the country the town lies in
    if ctx.lang == "ru" and _a_districts_town(ctx, m):
        return True  # "Маргиланский район": the district's noun calls the adjective's town a place
    if ctx.lang == "ru":
        # "в Кирове", "мэром Марибора", "жители Омска": a locative preposition or a noun that governs a place
        # (a compound title governs as its last part does: "вице-мэра Оша")
        return prev is not None and (fold(prev.text) in ru.LOCATIVE_BEFORE
                                     or fold(prev.text).rsplit("-", 1)[-1].startswith(ru.OF_PLACE))
    if nxt and not nxt.cap and fold(nxt.text).startswith(kk.PLACE_WORDS + kk.OF_PLACE):
        return True
    return _kk_case_ending(ctx, m) in kk.PLACE_CASES


_LIST_CONJUNCTIONS = frozenset({"and", "и", "және"})  # "по Баку и Гяндже": joined like a comma's list


def _listed_with_places(ctx: _Ctx, m: Match) -> bool:
    """Is the word joined by a comma or "and" to another word the gazetteer knows?"""
    toks, i = ctx.tokens, m.start_tok
    neighbours = [(i - 1, (i - 1, i)), (i + 1, (i, i + 1))]
    # (a conjunction is a token of its own: "Баку и Гяндже", the place beyond it)
    if i >= 2 and fold(toks[i - 1].text) in _LIST_CONJUNCTIONS:
        neighbours.append((i - 2, (i - 2, i)))
    if i + 2 < len(toks) and fold(toks[i + 1].text) in _LIST_CONJUNCTIONS:
        neighbours.append((i + 2, (i, i + 2)))
    for j, between in neighbours:
        if not 0 <= j < len(toks) or toks[j].seg != toks[i].seg or not toks[j].cap:
            continue
        a, b = toks[between[0]], toks[between[1]]
        gap = ctx.text[a.end:b.start].strip()
        if (gap in (",", "-", "–") or gap.lower() in _LIST_CONJUNCTIONS) \
                and any(ctx.gaz.index.get(f) for f in toks[j].forms):
            return True
    return False


def _kk_case_ending(ctx: _Ctx, m: Match) -> str:
    """What follows the matched name inside its word: "Омбыда" -> "да"."""
    word = fold(ctx.tokens[m.start_tok].text)
    names = {k for i in m.ids for k in _location_keys(ctx.gaz.locations[i])}
    base = max((f for f in ctx.tokens[m.start_tok].forms if f in names and word.startswith(f)), key=len, default="")
    return word[len(base):] if base else ""


def _ending_after_key(ctx: _Ctx, m: Match) -> str:
    """What follows the matched key inside the match's last word: "Түркістан облысының" -> "ның"."""
    word = fold(ctx.tokens[m.end_tok - 1].text)
    tails = [word[len(last):] for last in {k.split()[-1] for k in m.keys} if word.startswith(last)]
    return min(tails, key=len, default="")


def _location_keys(loc: Location) -> set[str]:
    return {name_key(loc.name), *(name_key(n) for _lang, n in loc.names)}


def _country_counts(ctx: _Ctx, matches: list[Match], *, kinds: tuple[str, ...] = ()) -> Counter[str]:
    """How often the article names each country without ambiguity (every reading of a match lies in that
    one country), counting only matches whose every reading is of ``kinds`` when given; Kazakhstan, the
    articles' home, counts once."""
    counts: Counter[str] = Counter({"KZ": 1})
    for m in matches:
        locs = [ctx.gaz.locations[i] for i in m.ids]
        if not locs or (kinds and not all(loc.kind in kinds for loc in locs)):
            continue
        ccs = {loc.country for loc in locs}
        if len(ccs) == 1 and None not in ccs:
            counts.update(c for c in ccs if c)
    return counts


def _named_countries(ctx: _Ctx, matches: list[Match]) -> set[str]:
    """Countries the article names as countries (or through their regions), plus Kazakhstan."""
    return set(_country_counts(ctx, matches, kinds=("country", "region")))


def _abroad(ctx: _Ctx, m: Match) -> bool:
    return all(ctx.gaz.locations[i].country not in ctx.countries for i in m.ids)


def _alternate_only(ctx: _Ctx, m: Match) -> bool:
    key = fold(ctx.tokens[m.start_tok].text)
    return all(ctx.gaz.locations[i].kind == "city" and name_key(ctx.gaz.locations[i].name) != key
               and all(name_key(n) != key for _lang, n in ctx.gaz.locations[i].names) for i in m.ids)


def _alternate_inside_name(ctx: _Ctx, m: Match) -> bool:
    """"John Bel Edwards" (Bel: an alternate of Bell), "Victoria Chen" (Chen: of Chenzhou): a word that is a
    place only through an alternate name, next to another capitalised word that is no place, is part of a
    person's name."""
    if not _alternate_only(ctx, m):
        return False
    toks = ctx.tokens
    for n in (m.start_tok - 1, m.end_tok):
        if not 0 <= n < len(toks):
            continue
        t = toks[n]
        pair = (t, toks[m.start_tok]) if n < m.start_tok else (toks[m.start_tok], t)
        if not (t.cap and not t.upper and _gap_ok(ctx, *pair)):
            continue
        w = fold(t.text)
        if w in en.ROLE_TITLES or w in en.ORG_HEADS or w in en.ORG_WORDS or w in en.PLACE_AFTER:
            continue
        if n < m.start_tok and t.sent_start and w in en.COMMON:
            continue  # "The", "In" before the name
        if not any(ctx.gaz.locations[i].kind in ("country", "region") for f in t.forms
                   for i in ctx.gaz.candidates(f, upper=False)):
            return True
    return False


def _alternate_only_abroad(ctx: _Ctx, m: Match) -> bool:
    """"Joanna Skrzydlewska" (Joanna: an alternate of Johannesburg), "Maka Botchorishvili" (of Makak): a
    one-word English match through a GeoNames alternate name only, in a country the article never names,
    followed by an unknown capitalised word, is a first name. (Kiev, Bombay alone stay places.)"""
    toks = ctx.tokens
    nxt = toks[m.end_tok] if m.end_tok < len(toks) else None
    if not (nxt and nxt.cap and not nxt.upper and _gap_ok(ctx, toks[m.start_tok], nxt)):
        return False
    w = fold(nxt.text)
    if (w in en.ROLE_TITLES or w in en.ORG_HEADS or w in en.ORG_WORDS or w in en.PLACE_AFTER
            or any(ctx.gaz.index.get(f) for f in nxt.forms)):
        return False
    key = fold(toks[m.start_tok].text)
    for i in m.ids:
        loc = ctx.gaz.locations[i]
        if loc.kind != "city" or loc.country in ctx.countries:
            return False
        if name_key(loc.name) == key or any(name_key(n) == key for _lang, n in loc.names):
            return False
    return True


def _is_country_only(ctx: _Ctx, m: Match) -> bool:
    return all(ctx.gaz.locations[i].kind in ("country", "organization") for i in m.ids)


def _a_division_named_whole(ctx: _Ctx, m: Match) -> bool:
    """A name of several words that is exactly a region's whole name and exactly the person span: the
    small English model reads some of them as people ("Tamil Nadu"), while a person's full name that is
    also a region's full name is rare (a one-word one, "Georgia", stays vetoed)."""
    return m.end_tok - m.start_tok > 1 and (m.start, m.end) in ctx.persons and any(
        ctx.gaz.locations[i].kind == "region" for i in m.ids)


def _office_of(ctx: _Ctx, m: Match) -> bool:
    """"the mayor of Győr", "governor of Kocaeli": the name after an office and "of" is the office's place,
    whatever the NER makes of a foreign-looking word."""
    toks = ctx.tokens
    return m.start_tok >= 2 and fold(toks[m.start_tok - 1].text) == "of" \
        and fold(toks[m.start_tok - 2].text) in en.ROLE_TITLES


HOME_TOWN_POP = 50_000  # a Kazakh town this big is the town, whatever the English NER says ("visited Ekibastuz")


def _after_place_preposition(ctx: _Ctx, m: Match) -> bool:
    """English: "in Riverdale", "travelling to Cirencester": a name right after a preposition of place (or a
    verb of travel), ending there (not "in Barr's office", not "in McGregor Hall"), is used as a place."""
    toks, i, j = ctx.tokens, m.start_tok, m.end_tok
    if i == 0 or not _gap_ok(ctx, toks[i - 1], toks[i]) or ctx.text[m.end:m.end + 1] in ("'", "’"):
        return False
    if j < len(toks) and toks[j].cap and _gap_ok(ctx, toks[j - 1], toks[j]):
        return False
    before = ctx.text[max(0, m.start - 30):m.start].lower()
    if fold(toks[i - 1].text) in en.COORDINATORS and i >= 3 and toks[i - 2].cap \
            and fold(toks[i - 3].text) in en.LOCATIVE_PREPOSITIONS:
        return True  # "stops in Hilversum and Almelo": the preposition governs both names
    return fold(toks[i - 1].text) in en.LOCATIVE_PREPOSITIONS or bool(en.AFTER_TRAVEL.search(before))


APPOSITION_WORDS = 4  # "Lenger, a hillside town": the article and at most a few words up to the noun
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+([\w'’ -]+)")


def _described_as_a_place(ctx: _Ctx, m: Match) -> bool:
    """English: "took the visitors to Lenger, a hillside town in Tole Bi district": a name that an apposition
    calls a town, city or district is that place, whatever the NER made of the lone word."""
    found = _APPOSITION.match(ctx.text, m.end)
    if found is None:
        return False
    phrase: list[str] = []  # the noun phrase up to its first function word: its head is its last word
    for word in found.group(1).split()[:APPOSITION_WORDS]:
        if fold(word) in en.FUNCTION_WORDS:
            break
        phrase.append(word)
    return bool(phrase) and fold(phrase[-1]) in en.PLACE_OF


def _a_home_town(ctx: _Ctx, m: Match) -> bool:
    return any(ctx.gaz.locations[i].country == HOME_COUNTRY and ctx.gaz.locations[i].population >= HOME_TOWN_POP
               for i in m.ids)


def _only_small_towns(ctx: _Ctx, m: Match) -> bool:
    locs = [ctx.gaz.locations[i] for i in m.ids]
    return all(loc.kind == "city" and loc.population < 200_000 for loc in locs)


def _a_city_of_a_named_country(ctx: _Ctx, m: Match) -> bool:
    """English: "a business mission from Jizzakh arrived", "cities such as Katowice, Bytom": a lone word the
    NER calls a person but that names a city of CITY_NOT_A_PERSON people in a country the article names is that
    city. A person is named in full at first mention (the lone surname after it is caught before this), so a
    lone word read as a person is the NER's guess at an unfamiliar word; not a word after a capitalised one
    ("Mehmet Aydın"), which may end a person's full name. A country named by its adjective counts ("the agreement
    with Kutaisi ... the mayor of the Georgian city")."""
    i = m.start_tok
    if i > 0 and ctx.tokens[i - 1].cap and _gap_ok(ctx, ctx.tokens[i - 1], ctx.tokens[i]):
        return False
    return any(loc.kind == "city" and loc.population >= CITY_NOT_A_PERSON
               and (loc.country in ctx.countries or loc.country in ctx.demonym_countries)
               for loc in _by_main_name(ctx, m))


def _surname_of_a_named_person(ctx: _Ctx, m: Match) -> bool:
    """"Japan's ambassador, Hiroshi Tanabe ... On Monday Tanabe was received": a lone word that is the surname
    of a full name the NER read elsewhere in the article is that person again, not the town so called. A
    country, a large Kazakh town and a name governed by a preposition of place ("in Tanabe", "в Конье") keep
    the place reading; so does a "full name" that is itself a place ("New Delhi" read as a person)."""
    if ctx.person_surnames is None:
        surnames: set[str] = set()
        for start, end in ctx.persons:
            words = ctx.text[start:end].split()
            if len(words) < 2 or " ".join(fold(w) for w in words) in ctx.gaz.index:
                continue
            surnames |= surname_forms(words[-1].strip(".,;:'’«»\"()"), ctx.lang)
        ctx.person_surnames = frozenset(surnames)
    if not ctx.person_surnames or _is_country_only(ctx, m) or _a_home_town(ctx, m):
        return False
    if not surname_forms(ctx.tokens[m.start_tok].text, ctx.lang) & ctx.person_surnames:
        return False
    prev = ctx.tokens[m.start_tok - 1] if m.start_tok > 0 else None
    if ctx.lang == "en":
        return not _after_place_preposition(ctx, m)
    return not (prev is not None and fold(prev.text) in ru.PLACE_PREPOSITIONS)


def _named_after(ctx: _Ctx, m: Match) -> bool:
    """"университет имени М. Ауэзова", "Әуезов атындағы университет", "a school named after Abai": the name
    an institution is named after is a person's (the writer Auezov, not the village of Auezov)."""
    toks, i = ctx.tokens, m.start_tok
    if ctx.lang == "en":
        return bool(en.NAMED_AFTER.search(ctx.text[max(0, m.start - 30):m.start]))
    if ctx.lang == "kk":
        j = m.end_tok
        return j < len(toks) and toks[j].seg == toks[j - 1].seg and fold(toks[j].text).startswith(kk.NAMED_AFTER_AFTER)
    j = i - 1
    while j >= 0 and len(toks[j].text) == 1 and toks[j].upper:  # initials: "имени М. О. Ауэзова"
        j -= 1
    return j >= 0 and toks[j].seg == toks[i].seg and fold(toks[j].text) in ru.NAMED_AFTER_BEFORE


def _allcaps_masthead(ctx: _Ctx, m: Match) -> bool:
    """KAZAKHSTAN TODAY: an all-caps Latin word inside a longer all-caps run is a name of something."""
    toks = ctx.tokens
    if not all(t.upper and t.text.isascii() and len(t.text) >= 4 for t in toks[m.start_tok:m.end_tok]):
        return False

    def caps_word(j: int) -> bool:
        return 0 <= j < len(toks) and toks[j].upper and toks[j].text.isascii() and len(toks[j].text) >= 4

    return (caps_word(m.end_tok) and _gap_ok(ctx, toks[m.end_tok - 1], toks[m.end_tok])) or (
        caps_word(m.start_tok - 1) and _gap_ok(ctx, toks[m.start_tok - 1], toks[m.start_tok]))


def _short_caps_city(ctx: _Ctx, m: Match) -> bool:
    """KITA, KIOGE: an upper-case acronym that happens to spell a town. A town in capitals is kept only
    as a dateline (first word of a paragraph: "ASTANA – ...")."""
    toks = ctx.tokens
    if not all(t.upper for t in toks[m.start_tok:m.end_tok]) or _is_country_only(ctx, m):
        return False
    if any(ctx.gaz.index.get(k) and any(p & 1 for p in ctx.gaz.index[k]) for k in toks[m.start_tok].forms):
        return False  # a listed abbreviation (ЮКО)
    first = toks[m.start_tok]
    return not (m.start_tok == 0 or toks[m.start_tok - 1].seg != first.seg
                or first.sent_start and _DATELINE_AFTER.match(ctx.text, m.end))


# What follows a dateline's town at a sentence start: "WASHINGTON (AP) -", "IMMOKALEE –", "ALMATY, Kazakhstan -"
_DATELINE_AFTER = re.compile(r"(?:,[ \t]*[A-Za-z][A-Za-z. ]{1,25})?[ \t]*(?:[–—-]|\([A-Z][A-Za-z]{1,12}\))")


def _inside_a_name(ctx: _Ctx, m: Match) -> bool:
    """Is the match inside the name of a building (an NER FAC span) or of a body (an ORG span longer than the
    match: the small model calls many lone towns ORG, "Stevenage" among them)?"""
    return _overlaps(ctx.ner_facilities, m.start, m.end) or any(
        s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in ctx.ner_organisations)


def _short_caps_word(ctx: _Ctx, m: Match) -> bool:
    """"EU", "UN": a word of two or three capitals that spells a town's name (Eu, Un) is an abbreviation of
    something else, whatever the NER makes of it; a listed abbreviation (UK, ЮКО) is matched as one."""
    toks = ctx.tokens[m.start_tok:m.end_tok]
    return (len(toks) == 1 and toks[0].upper and len(toks[0].text) <= 3 and _only_small_towns(ctx, m)
            and not any(p & 1 for k in toks[0].forms for p in ctx.gaz.index.get(k, ())))


def _org_internal(ctx: _Ctx, m: Match) -> bool:
    toks = ctx.tokens
    if ctx.lang == "en":
        # X [Capitalised words] University / X FC ...
        j = m.end_tok
        for _ in range(4):
            if j >= len(toks) or not _gap_ok(ctx, toks[j - 1], toks[j]) or not toks[j].cap:
                break
            if fold(toks[j].text) in en.ORG_HEADS:
                return True
            j += 1
        # University of X, Bank of X; also "Auezov South Kazakhstan University" preceded by a name
        k = m.start_tok - 1
        if k >= 1 and fold(toks[k].text) == "of" and fold(toks[k - 1].text) in en.ORG_OF:
            return True
    if ctx.lang == "kk" and not _kk_case_ending(ctx, m) and not _ending_after_key(ctx, m):
        # a bare name, then up to five plain words, then a body's head: "Мәскеу мемлекеттік халықаралық
        # қатынастар институтының", "Анкара Хаджы Байрам Уәли университеті"
        j = m.end_tok
        while j < len(toks) and j - m.end_tok < 6 and _gap_ok(ctx, toks[j - 1], toks[j]):
            if any(f in kk.ORG_HEADS for f in toks[j].forms):
                return True
            if fold(toks[j].text).endswith(kk.NAME_BREAKING_CASES):
                break
            j += 1
    return False


def _written_with_an_initial(ctx: _Ctx, m: Match) -> bool:
    """Does the article write this name after a person's initial anywhere ("M. Auezov", "Х. Ясауи")? A name
    so written is a person's: a body named with it is named after that person, not after a town."""
    word = ctx.tokens[m.start_tok].text
    stem = re.escape(word[:max(4, len(word) - 2)])  # the inflected forms too: "М. Әуезов|а", "Х.А. Ясауи"
    return re.search(rf"(?<![\w.])(?:[^\W\d_]\.\s?){{1,2}}{stem}", ctx.text) is not None


def _names_an_acting_body(ctx: _Ctx, m: Match) -> bool:
    """Is the name inside the name of a university, an institute or a hospital ("University of Nairobi",
    "Buketov Karaganda University", "Анкара ... университеті"), a body that signs and travels for itself?"""
    toks = ctx.tokens
    if _written_with_an_initial(ctx, m):
        return False  # "Auezov University" after "M. Auezov South Kazakhstan University": named after the writer
    if _must_earn(ctx, m):
        return False  # a word of the name that spells a small town in a country the article never names: "the
        # People's Police University" is none in Police, Poland
    heads = kk.ACTING_BODY_HEADS if ctx.lang == "kk" else en.ACTING_BODY_HEADS
    k = m.start_tok - 1
    if ctx.lang == "en" and k >= 1 and fold(toks[k].text) == "of" and fold(toks[k - 1].text) in heads:
        return True
    # the name right before the head, with only words of kind between ("Karaganda State University", "Қарағанды
    # мемлекеттік университеті"); not a name further off ("Auezov South Kazakhstan University": the writer)
    for t in toks[m.end_tok:m.end_tok + 4]:
        if any(f in heads for f in t.forms):
            return True
        if ctx.lang == "kk" and t.cap or ctx.lang == "en" and fold(t.text) not in en.BODY_KIND_WORDS:
            return False
    return False


_FEATURE_HEADS = {"en": (en.FEATURE_HEADS, en.FEATURE_HEADS_BEFORE), "ru": (ru.FEATURE_HEADS, ru.FEATURE_HEADS_BEFORE),
                  "kk": (kk.FEATURE_HEADS, kk.FEATURE_HEADS_BEFORE)}


def _qualifies_next(ctx: _Ctx, h: int) -> bool:
    """Is the English feature noun at h a modifier of the noun after it ("the Aktau sea port", "a lake
    resort"), so that the name before it is no feature's? A modifier is singular and written in lower case,
    and the next word is no function word ("the Karatau mountains that", "the Ili river and")."""
    toks = ctx.tokens
    head = fold(toks[h].text)
    if ctx.lang != "en" or toks[h].cap or head.endswith("s") or h + 1 >= len(toks) \
            or not _gap_ok(ctx, toks[h], toks[h + 1]):
        return False
    nxt = fold(toks[h + 1].text)
    return not toks[h + 1].cap and nxt.isalpha() and nxt not in en.FUNCTION_WORDS and nxt not in en.FEATURE_HEADS \
        and ctx.text[toks[h].end:toks[h + 1].start].strip() == ""


def _names_a_feature(ctx: _Ctx, m: Match) -> bool:
    """Is the name a water or land feature's ("the Aral Sea basin", "Аральского моря", "Арал теңізі", "Lake
    Balkhash") rather than the town of that name? The feature noun stands next to it."""
    after, before = _FEATURE_HEADS[ctx.lang]
    toks = ctx.tokens
    # (districts are named after their rivers: "the Keles River", "Бадам өзені")
    towns_only = not any(ctx.gaz.locations[i].kind in ("country", "region") and not ctx.gaz.locations[i].is_district
                         for i in m.ids)
    if m.end_tok - m.start_tok > 1 and any(f in after for f in toks[m.end_tok - 1].forms):
        return towns_only  # GeoNames lists "Aral Sea", "Аральское море" among the town's own names
    if m.end_tok < len(toks) and _gap_ok(ctx, toks[m.end_tok - 1], toks[m.end_tok]) \
            and any(f in after for f in toks[m.end_tok].forms) and not _qualifies_next(ctx, m.end_tok):
        return towns_only
    k = m.start_tok - 1
    if k >= 0 and fold(toks[k].text) in _ALONG and towns_only and m.end_tok - m.start_tok == 1:
        return True  # "вдоль Сырдарьи", "along the Syr Darya": what one goes along is a river, a road or a border
    return k >= 0 and _gap_ok(ctx, toks[k], toks[m.start_tok]) and any(f in before for f in toks[k].forms)


_ALONG = frozenset({"вдоль", "along"})


def _person_like(ctx: _Ctx, m: Match) -> bool:
    toks = ctx.tokens
    prev = toks[m.start_tok - 1] if m.start_tok > 0 else None
    nxt = toks[m.end_tok] if m.end_tok < len(toks) else None
    if prev and fold(prev.text) in PERSON_TITLES and _gap_ok(ctx, prev, toks[m.start_tok]):
        return True
    if ctx.lang == "en" and m.end_tok - m.start_tok == 1 and nxt and nxt.cap and not nxt.upper \
            and _gap_ok(ctx, toks[m.start_tok], nxt) and not any(ctx.gaz.index.get(f) for f in nxt.forms):
        # "Foreign Minister Maka Botchorishvili", "Sydney Park, head of the office"
        if prev and prev.cap and fold(prev.text) in en.ROLE_TITLES and _gap_ok(ctx, prev, toks[m.start_tok]):
            return True
        after = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?([^\W\d_]+)", ctx.text[nxt.end:nxt.end + 40])
        if after and fold(after.group(1)) in en.APPOSITION_ROLES:
            return True
    if ctx.lang == "en" and m.end_tok - m.start_tok == 1 and m.start_tok >= 2 \
            and all(ctx.gaz.locations[i].kind == "city" for i in m.ids):
        # "the mayor of Konya, Ugur Ibrahim Altay": two unknown capitalised words before a one-word town
        # are a person's given names, and the town is their surname
        p1, p2 = toks[m.start_tok - 2], toks[m.start_tok - 1]
        if all(_unknown_given_name(ctx, t) for t in (p1, p2)) and _gap_ok(ctx, p1, p2) \
                and _gap_ok(ctx, p2, toks[m.start_tok]):
            return True
    if ctx.lang == "en" and m.end_tok - m.start_tok == 1 and prev and nxt \
            and all(ctx.gaz.locations[i].kind == "city" for i in m.ids) \
            and _unknown_given_name(ctx, prev) and _unknown_given_name(ctx, nxt) \
            and _gap_ok(ctx, prev, toks[m.start_tok]) and _gap_ok(ctx, toks[m.start_tok], nxt):
        return True  # "Ricardo Lima Ferreira": a town between a given name and a surname is a middle name
    if m.end_tok - m.start_tok == 1 and nxt and (fold(toks[m.start_tok].text), fold(nxt.text)) in ctx.person_names:
        return True
    if m.end_tok - m.start_tok == 1 and prev and (fold(prev.text), fold(toks[m.start_tok].text)) in ctx.person_names:
        return True  # the second word of a name read as a person's: "елшісі Ван Лимен"
    if ctx.lang in ("ru", "kk") and m.end_tok - m.start_tok == 1 and prev and nxt and nxt.cap \
            and not nxt.sent_start and _gap_ok(ctx, prev, toks[m.start_tok]) \
            and _gap_ok(ctx, toks[m.start_tok], nxt) \
            and (ctx.lang == "kk" or not any(ctx.gaz.index.get(f) for f in nxt.forms)) \
            and fold(prev.text).startswith(ru.ROLE_TITLES if ctx.lang == "ru" else kk.ROLE_TITLES) \
            and (ctx.lang == "kk" or _only_small_towns(ctx, m)) and fold(toks[m.start_tok].text) in m.keys \
            and not (ctx.lang == "ru" and fold(prev.text).startswith(ru.HOME_ROLE_TITLES) and _a_home_town(ctx, m)):
        # "Бусан мэрі Пак Сон Мин", "мэр Пак Сон Мин": a role, then a word in its plain form and another
        # capitalised one is a person's name (a town after a role is the role's genitive: "мэр Бурсы"; Kazakh
        # puts the role's place before it, "Бусан мэрі", so after it even a capital is a first name, and the
        # word after it a surname even where it reads as a town too: "елшісі Софи Лоранды", "елшісі Ван Лимен"; but
        # a Kazakh town after a Kazakh office is the office's, whatever its declension: "аким Кентау Ербол Жумабеков")
        ctx.person_names.add((fold(toks[m.start_tok].text), fold(nxt.text)))
        return True
    if ctx.lang in ("ru", "kk") and m.end_tok - m.start_tok == 1 and _ends_a_name_after_a_role(ctx, m):
        return True
    word_after = toks[m.end_tok + 1] if m.end_tok + 1 < len(toks) else None
    if nxt and _surname(ctx, nxt) and _gap_ok(ctx, toks[m.end_tok - 1], nxt) \
            and not (ctx.lang == "ru" and word_after and set(word_after.forms) & ru.GENERIC) \
            and not (ctx.lang == "ru" and prev and fold(prev.text) in ru.PLACE_PREPOSITIONS) \
            and not (ctx.lang == "ru" and _disagree_in_case(toks[m.end_tok - 1].text, nxt.text)):
        # "Алтай Абибуллаев": a first name that is also a town, followed by a surname (a country or a
        # region before a name is the posting: "Ambassador to Kazakhstan Aleška Simkić"); a "surname" before a
        # division noun is the adjective of the town's region ("города Коканд Ферганской области"); a Russian
        # preposition of place before it governs the town, never a given name ("Во вторник в Брно Жумабеков"); a
        # given name agrees in case with its surname, so a town in another case is no given name ("директор
        # гимназии города Бреста Ирина Ковальчук", but "акимом города Сериком Тулегеновым")
        return m.end_tok - m.start_tok == 1 and all(ctx.gaz.locations[i].kind == "city" for i in m.ids)
    return False


def _disagree_in_case(first: str, second: str) -> bool:
    """Can the two Russian words be read in no common case (so they are no given name and surname)?"""
    a, b = ru.cases(first), ru.cases(second)
    return bool(a) and bool(b) and not a & b


def _after_a_role_word(ctx: _Ctx, m: Match) -> bool:
    """Russian: "Аким Шымкента встретился ...": at a sentence start the NER reads the title "Аким" (also a first
    name) and the place after it as a person; a place right after a role word is the role's place."""
    i = m.start_tok
    return ctx.lang == "ru" and i > 0 and _gap_ok(ctx, ctx.tokens[i - 1], ctx.tokens[i]) \
        and fold(ctx.tokens[i - 1].text) in ru.OFFICE_TITLES and not _ends_a_name_after_a_role(ctx, m)


NAME_WORDS_AFTER_A_ROLE = 3  # a person's given names before the surname that a town shares


def _ends_a_name_after_a_role(ctx: _Ctx, m: Match) -> bool:
    """Russian and Kazakh: "елшісі Хишам Абдель-Азиз Салемді", "послом Хишамом Абдель-Азизом Салемом": a town's
    name (Salem) at the end of a run of capitalised words the gazetteer does not know, right after a role, is
    the surname of the person the role names."""
    toks, i = ctx.tokens, m.start_tok
    if any(ctx.gaz.locations[x].kind != "city" for x in m.ids):
        return False
    nxt = toks[m.end_tok] if m.end_tok < len(toks) and toks[m.end_tok].seg == toks[i].seg else None
    if nxt is not None and not nxt.cap and (set(nxt.forms) & ru.GENERIC or fold(nxt.text).startswith(kk.PLACE_WORDS)):
        return False  # "Анкара қаласының", "города Салем": the division noun makes it the place

    def given_name(tok: Token) -> bool:
        # a given name before the surname: in Russian unknown to the gazetteer (Kazakh writes a role's place before
        # the role, so after it even a town's name is a given name: "елшісі Пак Чжон Хунды"), no surname itself,
        # and in Kazakh in its plain form (only the last word of a name takes the case: "Хишам Абдель-Азиз Салемді")
        return tok.cap and not tok.upper and not fold(tok.text).startswith(roles) \
            and (ctx.lang == "kk" or not any(ctx.gaz.index.get(f) for f in tok.forms)) \
            and not _surname(ctx, tok) and not (ctx.lang == "kk" and fold(tok.text).endswith(kk.NAME_BREAKING_CASES))

    roles = ru.ROLE_TITLES if ctx.lang == "ru" else kk.ROLE_TITLES
    j = i - 1
    while j >= 0 and i - j <= NAME_WORDS_AFTER_A_ROLE and given_name(toks[j]) and _gap_ok(ctx, toks[j], toks[j + 1]):
        j -= 1
    if j == i - 1 or j < 0 or not _gap_ok(ctx, toks[j], toks[j + 1]):
        return False  # no given name between (a town right after a role is the role's: "мэр Бурсы")
    return fold(toks[j].text).startswith(roles)


def _unknown_given_name(ctx: _Ctx, tok: Token) -> bool:
    w = fold(tok.text)
    return (tok.cap and not tok.upper and not tok.sent_start and w not in en.COMMON and w not in en.ROLE_TITLES
            and w not in en.ORG_HEADS and w not in en.ORG_WORDS and w not in en.PLACE_AFTER
            and w not in PERSON_TITLES and not _demonym(ctx, tok)
            and not any(ctx.gaz.index.get(f) or f in ctx.gaz.nonplaces for f in tok.forms))


def _country_as_first_name(ctx: _Ctx, m: Match) -> bool:
    """"Jordan Smith, a consultant", "Georgia Menon said": a one-word country opening a sentence or
    a clause, followed by an unknown capitalised word and then a comma or a verb of saying, is a person."""
    toks = ctx.tokens
    if m.end_tok - m.start_tok != 1 or m.end_tok >= len(toks):
        return False
    first, nxt = toks[m.start_tok], toks[m.end_tok]
    opens = first.sent_start or ctx.text[max(0, first.start - 2):first.start].strip() in (",", "—", "–")
    if not (opens and nxt.cap and not nxt.upper and _gap_ok(ctx, first, nxt)):
        return False
    w = fold(nxt.text)
    if w in en.ROLE_TITLES or w in en.ORG_HEADS or w in en.ORG_WORDS or w in en.PLACE_AFTER or w in en.COMMON \
            or any(ctx.gaz.index.get(f) or f in ctx.gaz.nonplaces for f in nxt.forms):
        return False
    return bool(re.match(r"\s*(?:,|said\b|says\b|told\b|added\b|noted\b)", ctx.text[nxt.end:nxt.end + 8]))


def _surname(ctx: _Ctx, tok: Token) -> bool:
    w = fold(tok.text)
    return (tok.cap and not tok.upper and len(w) > 4
            and (w.endswith(SURNAME_ENDINGS) or is_cyrillic(w) and bool(ru.SURNAME.search(w)))
            and not any(ctx.gaz.index.get(f) for f in tok.forms))


_DOTTED_CAPITALS = re.compile(r"(?:[A-Z]\.){2,3}")


def _state_abbreviations(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """"Fresno, Calif.", "Allendale, N.J.", "Walker County (Ga.)": the state or province abbreviation after a
    town and a comma or an opening bracket (or, dotted capitals, anywhere: "In D.C., ..."),
    closed by its full stop, is that state (and replaces whatever its letters matched alone: "Mont." is
    no Mons)."""
    toks, text = ctx.tokens, ctx.text
    found: list[Match] = []
    for k in range(1, len(toks)):
        tok, prev = toks[k], toks[k - 1]
        code = en.STATE_ABBREVIATIONS.get(fold(tok.text).replace(".", ""))
        if not code or not tok.cap:
            continue
        dotted = _DOTTED_CAPITALS.fullmatch(tok.text) is not None  # "D.C.", "N.J.", "B.C.": no other reading
        after_a_town = prev.cap and prev.seg == tok.seg and text[prev.end:tok.start].strip() in (",", "(") \
            and (tok.text.endswith(".") or text[tok.end:tok.end + 1] == ".")
        if not (dotted or after_a_town):
            continue
        loc_id = ctx.gaz.id_of(f"adm:{code}")
        if loc_id is not None:
            found.append(Match(k, k + 1, tok.start, tok.end, tok.text, [loc_id]))
    return _replacing(matches, found)


def _replacing(matches: list[Match], found: list[Match]) -> list[Match]:
    """The matches with ``found`` in place of every one they overlap: a reading from a wider context (a state's
    abbreviation, a shared plural noun, a division's adjective) over what the words alone matched."""
    if not found:
        return matches
    spans = [(m.start, m.end) for m in found]
    return [m for m in matches if not _overlaps(spans, m.start, m.end)] + found


# ------------------------------------------------------------------------------- coordinated divisions

# A plural division noun after coordinated names shares its noun with each of them: "Павлодарской и Омской
# областями", "the Khovd and Bayan-Ölgii provinces", "Павлодар және Омбы облыстары". Plural form (folded) ->
# the singular a gazetteer name is written with.
_PLURAL_DIVISIONS = {"ru": ru.PLURAL_DIVISIONS, "en": en.PLURAL_DIVISIONS}
_COORDINATORS = en.COORDINATORS | ru.COORDINATORS | kk.COORDINATORS


def _plural_division(ctx: _Ctx, tok: Token) -> str | None:
    w = fold(tok.text)
    if ctx.lang == "kk":
        return next((kk.PLURAL_DIVISIONS[f] for f in kk.forms(tok.text) if f in kk.PLURAL_DIVISIONS), None)
    return _PLURAL_DIVISIONS.get(ctx.lang, {}).get(w)


def _coordinated_divisions(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """Each name of a coordinated chain before a plural division noun, read as that division; the reading
    replaces whatever matched the word alone (the town of Khovd in "the Khovd and Bayan-Ölgii provinces")."""
    toks, found = ctx.tokens, []
    for d, tok in enumerate(toks):
        singular = _plural_division(ctx, tok) if d else None
        if singular is None:
            continue
        chain, j = [], d - 1
        while j >= 0 and toks[j].cap and toks[j].seg == tok.seg:
            ids = _division_ids(ctx, toks[j], singular)
            if not ids:
                break
            chain.append((j, ids))
            k = j - 1
            while k >= 0 and fold(toks[k].text) in _COORDINATORS and toks[k].seg == tok.seg:
                k -= 1  # "и", "а также", "and"
            gap = ctx.text[toks[k].end:toks[j].start] if k >= 0 else ""
            if k < 0 or k == j - 1 and gap.strip() != ",":
                break
            j = k
        if len(chain) < 2:
            continue
        for j, ids in chain:
            found.append(Match(j, j + 1, toks[j].start, toks[j].end, toks[j].text, ids))
    return _replacing(matches, found)


# A name right before a division's adjective names that division: "the Turkistan regional maslikhat",
# "Туркестанского областного маслихата", "Түркістан облыстық мәслихаты". Adjective stem (folded) -> the
# singular noun a gazetteer name is written with.
_DIVISION_ADJECTIVES = {"en": en.DIVISION_ADJECTIVES, "ru": ru.DIVISION_ADJECTIVES, "kk": kk.DIVISION_ADJECTIVES}


def _divisions_by_adjective(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """Each name right before a division's adjective, read as that division (the body is the region's, not its
    namesake city's); the reading replaces whatever matched the word alone."""
    toks, found = ctx.tokens, []
    for j, (tok, nxt) in enumerate(zip(toks, toks[1:], strict=False)):
        if not tok.cap or nxt.seg != tok.seg or ctx.text[tok.end:nxt.start].strip():
            continue
        word = fold(nxt.text)
        singular = next((s for stem, s in _DIVISION_ADJECTIVES[ctx.lang].items() if word.startswith(stem)), None)
        ids = _division_ids(ctx, tok, singular) if singular is not None else []
        if ids:
            found.append(Match(j, j + 1, tok.start, tok.end, tok.text, ids))
    return _replacing(matches, found)


def _division_ids(ctx: _Ctx, tok: Token, singular: str) -> list[int]:
    """Regions named "<word> <singular>" in any base form of the word (Омской -> "омская область")."""
    ids: list[int] = []
    for form in tok.forms:
        for loc_id in ctx.gaz.candidates(f"{form} {singular}", upper=False):
            if ctx.gaz.locations[loc_id].kind == "region" and loc_id not in ids:
                ids.append(loc_id)
    return ids


# ---------------------------------------------------------------------------------------- fallback


def _fallback_locs(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """natasha LOC spans the gazetteer did not match: lemma look-up, spelling variants, else unresolved."""
    out = []
    covered = [(m.start, m.end) for m in matches]
    countries = set(_country_counts(ctx, matches))
    for s, e, index in ctx.locs:
        if _overlaps(covered, s, e) or _overlaps(ctx.blocked, s, e) or _overlaps(ctx.persons, s, e):
            continue
        lemma = _lemma(ctx, index)
        toks = [i for i, t in enumerate(ctx.tokens) if s <= t.start and t.end <= e]
        if not toks or not ctx.tokens[toks[0]].cap:
            continue
        if any(_demonym(ctx, ctx.tokens[i]) for i in toks):
            continue
        words = [fold(w) for w in WORD_RE.findall(lemma)]
        key = " ".join(words)
        if key in ctx.gaz.nonplaces or any(fold(ctx.tokens[i].text) in ctx.gaz.nonplaces for i in toks):
            continue
        if len(toks) == 2 and _surname(ctx, ctx.tokens[toks[1]]):
            continue  # "Алтай Абибуллаев": natasha sometimes calls a person a LOC
        words = [w for w in words if w not in ru.GENERIC]  # "Графства Харфордшир" -> "харфордшир"
        if not words:
            continue
        key = " ".join(words)
        ids = ctx.gaz.candidates(key, upper=False)
        m = Match(toks[0], toks[-1] + 1, s, e, ctx.text[s:e], ids, query=lemma)
        if not ids and not (len(toks) == 1 and _dictionary_toponym(ctx, ctx.tokens[toks[0]])):
            # (a name the dictionary knows as a place of its own, "Сибирь", is no misspelling of a town: not
            # Симбирск; the gazetteer lacks it, as it lacks the other vague regions)
            loc_id = _fuzzy(ctx, key, countries)
            if loc_id is not None:
                m.ids = [loc_id]
                m.fixed = True
        if _keep(ctx, m):
            out.append(m)
            covered.append((s, e))
    return out


# the other romanisations of Cyrillic letters that the place's own country uses (Georgian, Turkic: Borjomi, Hajdu)
_ROMANISATIONS = (("zh", "j"), ("kh", "h"), ("dzh", "j"))


def _dictionary_toponym(ctx: _Ctx, tok: Token) -> bool:
    """Does the Russian dictionary know the word as a geographical name ("Сибири", "Поволжье")?"""
    return ctx.lang == "ru" and any("Geox" in str(p.tag) for p in ru.readings(tok.text))


def _fuzzy(ctx: _Ctx, key: str, countries: set[str]) -> int | None:
    """Best spelling variant among names of the article's countries (Стивенейдж ~ Стивенедж), compared
    as written and transliterated (Kazakh Гәнжә ~ Russian Гянджа: ganzha ~ gyandzha)."""
    if " " in key or len(key) < 4:
        return None
    best, best_id = FUZZY_RATIO, None
    keys = [key]
    if ctx.lang == "kk" and key.startswith(kk.SH_FOR_CH[0]):
        keys.append(kk.SH_FOR_CH[1] + key[1:])  # Kazakh Шолпан-Ата, Шыршық ~ Чолпон-Ата, Чирчик
    if ctx.lang == "kk" and key.startswith(kk.AE_FOR[0]):
        keys += [first + key[1:] for first in kk.AE_FOR[1]]  # Kazakh Әл-Айн ~ Эль-Айн
    for variant in keys:
        for cc in sorted(countries):
            best, best_id = _closest_spelling(variant, ctx.gaz.fuzzy.get((cc, variant[0]), ()), best, best_id)
    if best < 1.0 and is_cyrillic(key):
        # a town indexed by its Latin name only (under 15,000 people abroad, or a bigger one with no name in the
        # article's script): its name against the word's transliteration ("Боржоми" ~ Borjomi); a closer one
        # than the nearest written name wins ("Ансан" is Ansan, not Asan)
        latin = translit(key)
        spellings = {latin, *(latin.replace(a, b) for a, b in _ROMANISATIONS)}  # Borzhomi / Borjomi
        starts = {spelling[:2] for spelling in spellings}
        for cc in sorted(countries):
            for name, loc_id in ctx.gaz.towns_of(cc):
                if name[:2] not in starts or abs(len(name) - len(latin)) > 3:
                    continue  # (a cheap filter first: thousands of towns per country)
                for spelling in spellings:
                    matcher = SequenceMatcher(None, spelling, name)
                    if matcher.quick_ratio() > best and (r := matcher.ratio()) > best:
                        best, best_id = r, loc_id
    return best_id


def _fuzzy_region(ctx: _Ctx, key: str, countries: set[str]) -> int | None:
    """The first-level division of a named country (not Kazakhstan: its own are all indexed) whose name is
    spelled closest to ``key``, the word before a Kazakh division noun ("Ыссықкөл облысы" ~ Ыстықкөл облысы,
    "Селангор штаты" ~ Selangor): compared as written and transliterated."""
    word = key.replace("-", "")
    best, best_id = FUZZY_RATIO, None
    for cc in sorted(countries - {"KZ"}):
        best, best_id = _closest_spelling(word, ctx.gaz.regions_of(cc), best, best_id)
    return best_id


def _closest_spelling(word: str, names: Iterable[tuple[str, int]], best: float, best_id: int | None
                      ) -> tuple[float, int | None]:
    """Of (name, id) pairs, the one spelled closer to ``word`` than ``best`` (compared as written and
    transliterated; names more than 3 letters longer or shorter are not compared), with its ratio; else
    (``best``, ``best_id``) unchanged."""
    latin = translit(word)
    for name, loc_id in names:
        if abs(len(name) - len(word)) > 3:
            continue
        r = max(SequenceMatcher(None, word, name).ratio(), SequenceMatcher(None, latin, translit(name)).ratio())
        if r > best:
            best, best_id = r, loc_id
    return best, best_id


# ------------------------------------------------------------------------- unknown names in locative use

_MAX_UNKNOWN_WORDS = 3


def _locative_unknowns(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """Capitalised names the gazetteer lacks, used as places in an unmistakable locative frame: tried
    as a spelling variant among the article's countries, else kept unresolved (location None). The
    frames are narrow on purpose: a wrong place costs more than a missing one."""
    toks = ctx.tokens
    covered = [(m.start, m.end) for m in matches]
    out: list[Match] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and j - i < _MAX_UNKNOWN_WORDS and _unknown_name_word(ctx, toks[j]) and (
                j == i or _gap_ok(ctx, toks[j - 1], toks[j])):
            j += 1
        if j == i:
            i += 1
            continue
        s, e = toks[i].start, toks[j - 1].end
        free = not _overlaps(covered, s, e) and not _overlaps(ctx.blocked, s, e) \
            and not _overlaps(ctx.persons, s, e) and not (toks[i].sent_start and j - i == 1)
        if free and not _locative_frame(ctx, i, j) and _kk_case_of_place(ctx, i, j):
            # "Хұжандқа барып": a Kazakh case of place on a word the gazetteer lacks is a town of the article's
            # countries in another spelling, or no place at all (a person's name takes the same endings)
            loc_id = next((found for form in toks[i].forms[1:] if (found := _fuzzy(ctx, form, ctx.countries))), None)
            if loc_id is not None and ctx.gaz.locations[loc_id].country != HOME_COUNTRY:
                m = Match(i, j, s, e, ctx.text[s:e], [loc_id], query=toks[i].text, fixed=True)
                if not _person_like(ctx, m):
                    out.append(m)
                    covered.append((s, e))
        elif free and _locative_frame(ctx, i, j):
            key = " ".join(toks[k].forms[0] for k in range(i, j))
            m = Match(i, j, s, e, ctx.text[s:e], [], query=" ".join(t.text for t in toks[i:j]))
            # ("Ыссықкөл облысына", "Эронго аймағынан": before a region's noun, a region first, then a town)
            region_noun = ctx.lang == "kk" and j < len(toks) and fold(toks[j].text).startswith(kk.REGION_WORDS)
            loc_id = _fuzzy_region(ctx, key, ctx.countries) if region_noun else None
            if loc_id is None:
                loc_id = _fuzzy(ctx, key, ctx.countries)
            if loc_id is not None:
                m.ids, m.fixed = [loc_id], True
            if not _person_like(ctx, m):
                out.append(m)
                covered.append((s, e))
        i = j
    return out + _repeats(ctx, out, covered)


def _repeats(ctx: _Ctx, found: list[Match], covered: list[tuple[int, int]]) -> list[Match]:
    """Other mentions of a name first recognised in a locative frame, in any inflection (Гәнжәдегі), also its
    plain form ("Ансан қаласы" beside "Ансандағы", whose stem it is)."""
    by_key = {fold(m.text): m for m in found if m.end_tok - m.start_tok == 1}
    # (Kazakh: the name without its case of place, "Ансан" of "Ансандағы"; not a word the gazetteer knows as no
    # place, "Қазан" the month beside "Қазандағы", nor one opening a sentence)
    stems = {stem: m for m in found if m.end_tok - m.start_tok == 1 and ctx.lang == "kk"
             for stem in (fold(m.text)[:-len(ending)] for ending in _KK_PLACE_CASE_ENDINGS
                          if fold(m.text).endswith(ending)) if len(stem) >= 4 and stem not in ctx.gaz.nonplaces}
    out = []
    for k, tok in enumerate(ctx.tokens):
        if not tok.cap or _overlaps(covered, tok.start, tok.end):
            continue
        first = next((by_key[f] for f in tok.forms if f in by_key), None)
        if first is None and not tok.sent_start:
            first = stems.get(fold(tok.text))
        if first is not None:
            out.append(Match(k, k + 1, tok.start, tok.end, tok.text, list(first.ids), query=first.query,
                             fixed=first.fixed))
    return out


def _unknown_name_word(ctx: _Ctx, tok: Token) -> bool:
    w = fold(tok.text)
    return (tok.cap and not tok.upper and len(w) >= 3 and w not in en.COMMON and w not in en.ORG_HEADS
            and w not in ctx.gaz.nonplaces and not _demonym(ctx, tok)
            and not any(ctx.gaz.index.get(f) for f in tok.forms))


def _kk_case_of_place(ctx: _Ctx, i: int, j: int) -> bool:
    """Kazakh: is a single word a name with a case ending of place (to, in, from: "Хұжандқа", "Хұжандта")?"""
    return ctx.lang == "kk" and j - i == 1 and len(ctx.tokens[i].forms) > 1 \
        and fold(ctx.tokens[i].text).endswith(_KK_PLACE_CASE_ENDINGS)


_KK_PLACE_CASE_ENDINGS = tuple(kk.PLACE_CASES)


def _locative_frame(ctx: _Ctx, i: int, j: int) -> bool:
    toks = ctx.tokens
    nxt = toks[j] if j < len(toks) and _gap_ok(ctx, toks[j - 1], toks[j]) else None
    if ctx.lang == "kk":
        return nxt is not None and not nxt.cap and fold(nxt.text).startswith(kk.PLACE_WORDS)
    before = ctx.text[max(0, toks[i].start - 30):toks[i].start].lower()
    if nxt and nxt.cap and fold(nxt.text) in en.PLACE_AFTER:
        return True
    if re.search(r"\b(?:" + "|".join(sorted(en.PLACE_OF)) + r")\s+of\s+$", before):
        return True
    # after a verb of travel only one word that ends the name: "visited Zlatoborsk", not "visited
    # Nazarbayev University", "visited Hazrat Sultan Mosque" or "visited Tokayev's residence"
    tail = ctx.text[toks[j - 1].end:toks[j - 1].end + 2]
    if j - i != 1 or _surname(ctx, toks[i]) or tail[:1] in "'’" or (
            j < len(toks) and toks[j].cap and _gap_ok(ctx, toks[j - 1], toks[j])):
        return False
    return any(re.search(rf"\b{v}\s+$", before) for v in en.LOCATIVE_VERBS)


# ------------------------------------------------------------------- named features the gazetteer lacks

_MAX_FEATURE_WORDS = 2


def _named_features(ctx: _Ctx, matches: list[Match]) -> list[Match]:
    """Rivers, lakes, mountains, forests and streets named next to their feature noun ("Сырдария өзенінің",
    "озеро Зайсан", "the Cauvery River", "Royal Street"): the noun is the evidence that the name is a place,
    gazetteer or not. They become areas (``AREA``: found in the text, no marker, never a side of a line), which
    also keeps the town that shares the name ("Есіл жағасындағы", "Tokyo Bay") off the map. An unresolved name
    (English NER) on the same words gives way to the feature."""
    after, before = _FEATURE_HEADS[ctx.lang]
    toks = ctx.tokens
    taken = [(m.start, m.end) for m in matches if m.ids or m.location] + list(ctx.blocked)
    out: list[Match] = []
    for h, head in enumerate(toks):
        span = None
        if any(f in after for f in head.forms):
            span = _feature_name(ctx, h, -1)
        if span is None and any(f in before for f in head.forms):
            span = _feature_name(ctx, h, +1)
        if span is None:
            continue
        start_tok, end_tok = span
        s, e = toks[start_tok].start, toks[end_tok - 1].end
        if _overlaps(taken, s, e):
            continue
        name = ctx.text[s:e]
        loc = Location(key="feature:" + fold(name), name=name, kind=AREA, country=None, lat=0.0, lon=0.0)
        out.append(Match(start_tok, end_tok, s, e, name, [], query=name, location=loc, fixed=True))
        taken.append((s, e))
    matches[:] = [m for m in matches if m.ids or m.location or not _overlaps([(f.start, f.end) for f in out],
                                                                               m.start, m.end)]
    return out


def _feature_name(ctx: _Ctx, h: int, step: int) -> tuple[int, int] | None:
    """Token span of the name written before (step -1) or after (+1) the feature noun at h; in English a
    capitalised noun is part of the name ("Royal Street", "Lake Tahoe"), elsewhere it is not ("озеро Зайсан")."""
    toks = ctx.tokens
    if _qualifies_next(ctx, h):
        return None
    k = h
    while 0 <= k + step < len(toks) and abs(k - h) < _MAX_FEATURE_WORDS and _feature_name_word(ctx, toks[k + step]) \
            and _gap_ok(ctx, *sorted((toks[k], toks[k + step]), key=lambda t: t.start)):
        k += step
    if k == h:
        return None
    lo, hi = min(h, k), max(h, k) + 1
    name = [t for t in toks[lo:hi] if t is not toks[h]]
    if len(name) > 1 and name[0].sent_start and ctx.lang != "en" and not ctx.gaz.index.get(name[0].forms[0]):
        lo, name = lo + (step < 0), name[1:]  # "Былтыр Ыстықкөл ...": a capitalised word opening the sentence
    if len(name) == 1 and name[0].sent_start and _appears_lowercase(ctx, name[0].text):
        return None  # a common word opening the sentence ("Биік тауы"), not a name
    with_head = ctx.lang == "en" and toks[h].cap
    if not with_head:
        lo, hi = (lo, hi - 1) if step < 0 else (lo + 1, hi)
    return lo, hi


def _feature_name_word(ctx: _Ctx, tok: Token) -> bool:
    w = fold(tok.text)
    return tok.cap and len(w) >= 2 and w not in en.COMMON and not _demonym(ctx, tok)


# ---------------------------------------------------------------------------------- disambiguation


def _resolve(ctx: _Ctx, matches: list[Match], demonyms: Sequence[Demonym] = ()) -> None:
    counts = _country_counts(ctx, matches)
    counts.update(d.country for d in demonyms)  # "Russian President ... in Moscow"
    states = _named_states(ctx, matches)
    if states:
        counts["US"] += 1  # a named state names its country ("Virginia" is also a town in South Africa)

    def state_of(loc: Location) -> str | None:  # a US town's state, or the state itself
        if loc.key.startswith("adm:US-"):
            return loc.key[4:]
        loc_id = ctx.gaz.id_of(loc.key)
        return ctx.gaz.states.get(loc_id) if loc_id is not None else None

    def best(locs: list[Location]) -> Location:
        return max(locs, key=lambda loc: _score(loc, counts, state_of(loc) in states))

    ordered = sorted(matches, key=lambda m: m.start)
    for m in ordered:
        if m.ids:
            m.location = best(_by_main_name(ctx, m))
    for m in ordered:
        if m.location is not None and m.location.kind == "city" and m.location.country != HOME_COUNTRY \
                and _beside_a_region_office(ctx, m):
            m.location = _namesake_region(ctx, m.location) or m.location
    # "Paris, Texas", "Alexandria, Egypt", "Allendale, N.J.": a name right before ", <region or country>" is
    # read inside it
    for m, nxt in zip(ordered, ordered[1:], strict=False):
        if len(m.ids) > 1 and nxt.location and nxt.location.kind in ("region", "country") and re.fullmatch(
                r",\s*", ctx.text[m.end:nxt.start]):
            same = [ctx.gaz.locations[i] for i in m.ids if ctx.gaz.locations[i].country == nxt.location.country]
            in_state = [loc for loc in same if f"adm:{state_of(loc)}" == nxt.location.key]
            if in_state or same:
                m.location = best(in_state or same)
    # "Atlanta, Georgia": a name right after "<place>, " is read inside that place's country when it can be.
    for prev, m in zip(ordered, ordered[1:], strict=False):
        if prev.location and len(m.ids) > 1 and re.fullmatch(r",\s*", ctx.text[prev.end:m.start]):
            same = [ctx.gaz.locations[i] for i in m.ids if ctx.gaz.locations[i].country == prev.location.country]
            if same and prev.location.kind != "country":
                m.location = best(same)


def _beside_a_region_office(ctx: _Ctx, m: Match) -> bool:
    """Is the name written with a region's office ("the Samarkand governor", "governor of Konya", "губернатором
    Коньи", "Конья губернаторы")? (Offices of either level are not: "әкім", a hokim.)"""
    toks = ctx.tokens
    nxt = toks[m.end_tok] if m.end_tok < len(toks) else None
    if nxt is not None and _region_office(ctx.lang, nxt.text) and _gap_ok(ctx, toks[m.end_tok - 1], nxt):
        return True
    i = m.start_tok
    if ctx.lang == "en":
        return i >= 2 and fold(toks[i - 1].text) == "of" and _region_office(ctx.lang, toks[i - 2].text)
    return ctx.lang == "ru" and i >= 1 and _region_office(ctx.lang, toks[i - 1].text) \
        and _gap_ok(ctx, toks[i - 1], toks[i])


# the endings a region's office takes in each language: the office itself, not its administration ("хокимията")
_OFFICE_ENDINGS = {"en": ("", "s", "'s", "’s"), "ru": ("", "а", "у", "ом", "е", "ы", "ой"),
                   "kk": ("", "ы", "і", "ының", "інің", "ымен", "імен", "ына", "іне", "ын", "ін")}


def _region_office(lang: str, word: str) -> bool:
    offices = {"en": en.REGION_OFFICES, "ru": ru.REGION_OFFICES, "kk": kk.REGION_OFFICES}[lang]
    folded = fold(word)
    return any(folded.startswith(o) and folded[len(o):] in _OFFICE_ENDINGS[lang] for o in offices)


def _namesake_region(ctx: _Ctx, city: Location) -> Location | None:
    """The region of the city's own country named after it ("Samarkand" -> Samarkand Region, "Konya" -> Konya
    Province), if the gazetteer has one."""
    for noun in en.REGION_NOUNS:
        for i in ctx.gaz.candidates(name_key(f"{city.name} {noun}"), upper=False):
            loc = ctx.gaz.locations[i]
            if loc.kind == "region" and loc.country == city.country:
                return loc
    return None


def _by_main_name(ctx: _Ctx, m: Match) -> list[Location]:
    """The readings of an English name, less those through an alternate that is another name altogether
    when some place is called so outright: "Salisbury" is Harare's colonial name and "White House"
    Casablanca's meaning, while the English town is Salisbury by its own name. A short form that shares a
    word with the main name ("Petersburg") stays a reading of it."""
    locs = [ctx.gaz.locations[i] for i in m.ids]
    if ctx.lang != "en" or not m.keys or len(locs) < 2:
        return locs
    keys = set(m.keys)
    own = [loc for loc in locs if keys & _location_keys(loc)]
    if not own:
        return locs
    words = {w for k in keys for w in k.split()}
    # (an exonym spelled like the main name is the same name: "Hanover" is Hannover's English spelling)
    return [loc for loc in locs if loc in own or loc.kind != "city"
            or words & {w for k in _location_keys(loc) for w in k.split()}
            or any(SequenceMatcher(None, k, name_key(loc.name)).ratio() >= ALIKE_SPELLING for k in keys)]


def _named_states(ctx: _Ctx, matches: list[Match]) -> set[str]:
    """The US states the article names ("N.J.", "Virginia": a state's name read first as the state, not as a
    town of that name), as ISO 3166-2 codes."""
    out = set()
    for m in matches:
        states = {ctx.gaz.locations[i].key for i in m.ids if ctx.gaz.locations[i].key.startswith("adm:US-")}
        if len(states) == 1 and not any(ctx.gaz.locations[i].kind == "country" for i in m.ids):
            out.add(next(iter(states))[4:])
    return out


def _score(loc: Location, context: Counter, in_named_state: bool = False) -> float:
    score = KIND_PRIOR.get(loc.kind, 1.0)
    if in_named_state:
        score += CONTEXT_BONUS  # a town of a state the article names, over its namesakes elsewhere
    if loc.kind == "city":
        score += math.log10(max(loc.population, 10)) / 7
        if loc.population >= MAJOR_CITY_POP:
            score += MAJOR_CITY_BONUS
    if loc.country and context.get(loc.country):
        score += CONTEXT_BONUS
    return score


# ---------------------------------------------------------------------------------------- grouping


def _group(ctx: _Ctx, matches: list[Match]) -> tuple[Toponym, ...]:
    groups: dict[str, list[Match]] = {}
    for m in sorted(matches, key=lambda m: m.start):
        key = m.location.key if m.location else "?" + fold(m.query or m.text)
        groups.setdefault(key, []).append(m)
    out = []
    for ms in groups.values():
        loc = ms[0].location
        query = loc.name_in(ctx.lang) if loc else (ms[0].query or ms[0].text)
        mentions = tuple(Mention(m.text, m.start, m.end) for m in ms)
        out.append(Toponym(query=query, lang=ctx.lang, mentions=mentions, location=loc))
    return tuple(out)
