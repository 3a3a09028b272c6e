"""Places of one article -> links between the Kazakh side and foreign counterparts.

A link is (kind, home, partner, date, evidence sentence). The extractor reads the article body
sentence by sentence (paragraphs split at line breaks, then ``lang.sentences``) and uses cue
words kept as data in ``data/triggers.json``:

* **Triggers** name the kind of event: partnership (sister cities, memoranda, cooperation
  agreements), visit (a delegation or leader crosses a border), meeting (talks, receptions).
  A trigger with a negative cue close to it (plans, proposals, invitations, interest, future
  tense) is dropped: what has not happened is not a line on the map.
* **Realis** comes first from the predicate that carries the cue (``lang/realis.py``): in English and
  Russian from the dependency parse of the sentence (spaCy, natasha's syntax; only sentences with a cue are
  parsed): negation, modal and future auxiliaries, infinitives under intent words, nouns of intent on the way
  up ("the invitation to visit"); in Kazakh from verb morphology. The negative cue windows decide only where
  the clause has no predicate that tells.
* **Signings** (``frames.py``): a signing verb and its document make a partnership in any word order
  ("Документ, подписанный сторонами"), and its parties are the places among its own dependents and its
  subject's phrase (a conjoined verb shares its subject; "which" stands for its noun; a "where" clause has the
  main clause's subject), so a foreign pair that signed borrows no Kazakh side from another clause, and one
  signed by "the sides" is the story's pair.
* **Actors** (``actors.py``): a person introduced with a role and a place ("the akim of Shymkent Gabit
  Syzdykbekov", "Bursa Mayor Mustafa Bozbey", a plural role paired in order) is that place where a later
  sentence names them by surname alone, in any case form; "еліміз" / "нашей страны" outside a quotation is
  Kazakhstan; a Russian region's adjective before a side's noun ("Оренбургскую делегацию") is that region;
  an office named by its level and no place ("облыс әкімі", "аким города", "the regional akim") is the
  story's region or city. A recorded person of a foreign place among two foreign parties ("Гасанов принимал
  в Баку гостей из Ашхабада") makes the event theirs: the story's side is not carried into it.
* **Envoys.** "Kazakhstan's Consul General in Istanbul", "Жапонияның Қазақстандағы елшісі" is one participant:
  the posting is where the envoy lives, not a second side. Where the counterpart names no place the posting
  stands for it ("Посол Казахстана в КНР встретился с генсеком APSCO"), unless the story already told an
  event with that country, which the envoy then joins ("took part in the talks"); an envoy posted to
  Kazakhstan is received by the story's side.
* **One event, many mentions.** A visit or talks that produced an agreement between the same sides are that
  agreement (one partnership, dated by the day its own sentence writes for the signing, else by the visit's
  start, the visit to the partner itself before a trip to its country; a sentence telling the signing of the
  last agreement and naming no other side dates it too); a visit to a partner of long standing, or an
  agreement whose sentence writes another day, month or year, stays an event of its own. Talks are folded
  into a visit mention by mention, only within its time and never when held in Kazakhstan; of an event's
  remaining mentions, the one dated by its own sentence (else its paragraph) is the evidence and gives the
  date, not a headline's or lead's.
* **Pairs.** Sides written as pairs ("A и B, C и D подписали") give one partnership per pair.
* **The story's side.** The Kazakh city or region the headline and lead name most is the side of later
  sentences that speak of "the delegation", "the guests" before any event has set one; a side taken so
  gives way to one a sentence names for the same kind and partner, and a partner named only as a country
  becomes the one city or region of that country the same side is linked with elsewhere in the article (an
  agreement, also the only one of that country the article names, or its headline and lead name, unless its
  sentence names a minister: a country stands for its ministers). "The akim", "the akimat" with no place of
  their own (only Kazakh places have them; in English and Russian as the subject of a verb not of saying), and
  in an interview "our team", "к нам приезжали", "бізге ... келді", are that side.
* **Not ours.** A person recorded as a foreign place's official, travelling to or from another foreign place
  ("Ковальская вернулась из Чэнду"), makes that place's trip; a signing our party watched ("watched as the
  chamber signed with a mission from Baku", "стал свидетелем того, как") has no Kazakh side unless the clause
  watched names one.
* **Grouping.** Each place in a sentence belongs to the trigger it follows (places before the first
  trigger belong to the first one; in Kazakh, verb-final, the trigger after it in its clause), so "visit of
  the SKO delegation to Britain for the anniversary of twinning between Shymkent and Stevenage" gives a visit
  SKO–Britain and a partnership Shymkent–Stevenage, not four mixed pairs.
* **Back references** ("по итогам встречи", "кездесуде", "following the talks") point at an event
  already reported: their cue word starts no new event, so "по итогам встречи подписан меморандум"
  is a partnership, and a draft "discussed at the meeting" is no meeting of the places it names.
* **Home** is the most specific Kazakh place of the group (Kazakh sides joined by "and / и / пен"
  each link: "delegations of Shymkent and Turkistan region") (city > region > country), else of the
  sentence, else carried from the article context (the party whose visit the article follows),
  when the sentence speaks of that party (a delegation word, a national actor, "during the
  visit"). **Kazakhstan** stands as home only when nothing more specific is available, which is
  what national actors (ambassador, president, foreign ministry) give. *Where a national actor
  is drawn:* at Kazakhstan's country point (the ``cc:KZ`` Location the geocoder gives), not at
  Astana: the ambassador in Ljubljana acts for the country, and an Astana point would merge
  national diplomacy with links of the city of Astana itself.
* **Partner** is every foreign place of the group, reduced to the most specific ones: a country
  gives way to a city or region of that country in the same group (and, for a visit, a region to a city
  inside it: "Ufa, the capital of Bashkortostan" is where the delegation went; and where a journey started,
  "from Gorgan", "Татарстаннан", gives way to any other foreign place of the visit), and a place written as a
  location ("in Ethiopia", "в Хельсинки", "Анкарада") gives way to a counterpart of another
  country or an organisation; for talks, to any counterpart ("met the Turkish deputy minister in
  Ankara" is a meeting with Turkey). Demonyms ("Korean ambassador", "корейский посол") count as
  their country; a national institution (the Storting) as its country; landmarks and continents
  as nothing. An envoy's counterpart is the posting: the country ("посол Казахстана в КНР") or an
  organisation the envoy is accredited to ("при Африканском союзе", "representative to the AU");
  an organisation merely met at the posting is not. Without a Kazakh side in the sentence, two
  foreign places (Urumqi–Samarkand) make no link, nor do two foreign sides at a Kazakh venue. A
  dateline ("ASTANA –", "Туркестан, 15 марта") is where the story was filed, not a side.
* **Same side**: a region stands for its namesake centre (Turkistan Region / Turkistan) when both
  link the same partner, and a regional side's visit absorbs its meetings with the visited place's
  country ("the Turkish guests met students"). "The parties / the two cities signed ..." in a sentence
  without places is the pair of the last agreement, else of the last visit.
* **Kind**: "as part of the visit" makes every pair of the sentence a visit; talks held abroad by a party
  that does not live there are a visit to where they were held ("talks in Urgench with the Khorezm
  leadership"); a visit whose nearest actor is a Kazakh envoy already resident abroad (ambassador, embassy,
  diplomat) is a meeting, because no border is crossed. Per sentence and pair the strongest kind wins
  (partnership > visit > meeting); per article meetings of a pair that also has a visit are
  part of that visit, a trip to a country told place by place is those places' visits, and a link whose
  ends both have more specific versions of the same kind (Kazakhstan–Britain beside SKO–London) is dropped.
  An event called off (postponed, отложен, шегерілді) did not happen; one named as a time ("a week before
  the visit", "до визита") is a reference, no new event.
* **Date**: the first dated expression of the sentence, else the last one earlier in the same
  paragraph (a dateline's filing date, "SHYMKENT, April 14 –", dates neither), else the article's event
  date: the first date in the body within a month before the header date (news is filed a day or two
  after the event), else the header date; a day and month without a year take the article's year (see
  ``dates.py``); None when unknown.
"""

from __future__ import annotations

import json
import logging
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, partial
from itertools import islice, pairwise

from dashboard import articles as articles_mod
from dashboard import gazetteer
from dashboard.dates import FoundPeriod, anaphoric_days, find_dates, find_periods, looks_back, parse_iso
from dashboard.lang import Token, en, kk, parse, ru
from dashboard.lang import sentences as split_sentences
from dashboard.lang.realis import HABITUAL, HAPPENED, NEGATED, NOT_HAPPENED, ONGOING, PLANNED, lemma, predicate, realis
from dashboard.models import (
    AREA,
    HOME_COUNTRY,
    LINK_KINDS,
    Article,
    Demonym,
    Link,
    Location,
    Mention,
    NamedBody,
    Place,
    distance_km,
)
from dashboard.names import name_key
from dashboard.relations import actors as actors_mod
from dashboard.relations import frames as frames_mod
from dashboard.settings import PACKAGE_DATA_DIR

log = logging.getLogger(__name__)

EVENT_DATE_LOOKBACK_DAYS = 31  # a story reports what happened within the month before it was filed
TRIGGERS_FILE = PACKAGE_DATA_DIR / "triggers.json"

_STRENGTH = {kind: rank for rank, kind in enumerate(reversed(LINK_KINDS))}  # meeting 0 < visit 1 < partnership 2
_SPECIFICITY = {"city": 3, "landmark": 3, "region": 2, "country": 1, "organization": 0}
_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:[–—-]\s|[,.]\s*(?:[^\W\d_]+\.?\s+)?\d)")  # " –", ", 5 May", ", April 17"
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|[–—]")
_CLAUSE_OR_SENTENCE_BREAK = re.compile(r"[,;:()\n]|\s[-–—]\s|[–—]|[.!?](?=\s)")


# ------------------------------------------------------------------------------------------ cues


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled cue patterns for one language (see data/triggers.json)."""

    lang: str
    kinds: tuple[tuple[str, re.Pattern], ...]
    kind_lemmas: dict[str, str]  # dictionary form -> kind (Russian)
    visit_frame: re.Pattern | None
    back_reference: re.Pattern | None
    signing_reference: re.Pattern | None  # "the signing ceremony took place on Tuesday": dates the last agreement
    negative: re.Pattern | None
    negative_future: re.Pattern | None
    non_event: re.Pattern | None
    standing_relation: re.Pattern | None
    side_head: re.Pattern | None
    currency: re.Pattern | None
    sending: tuple[str, ...]  # verbs of sending (lemmas; Kazakh stems): people sent somewhere travelled there
    training: dict[str, tuple[str, ...]]  # verbs and nouns of a course of training done abroad (frames.trained_at)
    event_name_before: re.Pattern | None  # head nouns that follow the places of their name (en, kk)
    event_name_after: re.Pattern | None  # head nouns that precede them (ru "Форум ... Казахстана и России")
    national_actor: re.Pattern | None
    national_office: re.Pattern | None  # offices of the state (a minister, the government): the country's side
    generic_quantifier: re.Pattern | None  # "every", "каждый" right before a cue: events in general, no event
    indefinite_quantifier: re.Pattern | None  # "several", "несколько" before a demonym: unnamed places, no side
    resident_abroad: re.Pattern | None
    travelling: re.Pattern | None
    not_the_event_day: re.Pattern | None  # coming home, reporting: a date in their clause is not the event's
    going_back: re.Pattern | None  # "back", "обратно" beside a verb of travel: a journey home, no visit
    during_the_trip: re.Pattern | None  # "during that visit": the sentence's events are of a trip told before
    sidelines: re.Pattern | None  # "on the sidelines of the forum": talks at an event, not on a trip to anyone
    outcome: re.Pattern | None  # "итогом которого стало соглашение": an agreement that is an event's result
    group_anaphor: re.Pattern | None
    delegation: re.Pattern | None
    people: re.Pattern | None  # roles, delegations, guests and envoys: who can be received at a meeting
    attended: re.Pattern | None  # forums, exhibitions: a party there merely attended (frames.whereabouts)
    remote: re.Pattern | None  # "video conference", "онлайн": talks where nobody travelled
    sides: re.Pattern | None
    sides_countries: tuple[str, ...]  # nouns of a sides anaphor that names the pair's countries ("the two countries")
    home_country_words: re.Pattern | None
    signing_frame: dict[str, tuple[str, ...]]  # lemmas of signing verbs and of documents (frames.signings)
    signing_hint: re.Pattern | None  # a word that may be one of those verbs: only such sentences are parsed
    relation_nouns: frozenset[str]  # lemmas of the tie between sides ("cooperation with Bursa": a side)
    whereabouts: dict[str, tuple[str, ...]]  # where a travelling party went or was (frames.whereabouts)
    located_body: re.Pattern | None  # a hospital, a company: a place "in" which is where that party is
    background: re.Pattern | None  # "For reference:", "Ранее сообщалось": a paragraph of background
    capital_before: re.Pattern | None  # "the capital of" Tatarstan: the mention names its capital
    capital_after: re.Pattern | None  # Tatarstan "capital's", Татарстан "астанасы"
    means_before: re.Pattern | None  # "by" video link: a meeting cue that is the means of another event
    means_after: re.Pattern | None  # (Kazakh) video link "арқылы"
    actor_roles: tuple[str, ...]  # word beginnings of the roles that introduce a person (actors.record)
    actor_home_roles: tuple[str, ...]  # of those, the offices only Kazakhstan has (akim)
    titles: tuple[str, ...]  # word beginnings of a foreign place's leaders, named again by title alone
    institutions: frozenset[str]  # lemmas of bodies a story is about ("the institute signed": the story's side)
    # those lemmas, and organisation_anaphor's (bank, agency: never signers by themselves), -> the kind of body they
    # name (actors.institutions)
    institution_heads: dict[str, str]
    actor_divisions: dict[str, tuple[str, ...]]  # kind -> word beginnings of the division nouns (actors.record)
    offices: tuple[tuple[str, re.Pattern], ...]  # ("region" | "district" | "city", an office by its level, no place)
    first_person_places: tuple[tuple[str, re.Pattern], ...]  # (level, "ауданымыз", "наш город": the story's own)
    first_person: re.Pattern | None  # "we", "мы", "біз", "қабылдадым": an interview's answers, the interviewee
    locative_before: frozenset[str]
    locative_suffixes: tuple[str, ...]
    origin_before: frozenset[str]
    origin_suffixes: tuple[str, ...]
    transit_before: frozenset[str]
    transit_after: frozenset[str]
    departure: tuple[str, ...]  # verbs of setting off (lemmas; Kazakh: stems): their "from" is where a journey began
    transit_phrases: re.Pattern | None  # phrases ending right before a place the journey passed through
    landed: re.Pattern | None  # a verb of landing ending right before a place ...
    onward: re.Pattern | None  # ... and the journey going on right after it: a stopover
    landed_then_onward: re.Pattern | None  # both, after the place (Kazakh)
    previous_stop: re.Pattern | None  # right after a place of origin: the travellers were there before
    accredited_before: frozenset[str]
    lowercase_demonyms: bool
    accredited_after: frozenset[str]
    before_words: int
    after_words: int
    future_before_words: int
    future_after_words: int


def _compile(patterns: Iterable[str]) -> re.Pattern | None:
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile(_NO_LETTER_BEFORE + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


# Word beginnings of the signing verbs: a sentence without one is not parsed for a signing (parsing costs).
_SIGNING_HINTS = {"en": [r"sign", r"ink", r"conclu", r"seal"], "ru": [r"подпис", r"заключ", r"скреп"]}


# Kazakh person endings after a verb's tense: "қабылдады|м" (I received), "бардық" (we went), "болған|мыз"
_KK_PERSON_ENDING = r"(?:м|қ|к|мыз|міз|мын|мін|быз|біз|пыз|піз|сыз|сіз|ңыз|ңіз)?"


def _with_person_endings(pattern: str) -> str:
    """A Kazakh cue written to end with its verb's tense ("қабылда(?:ды|ған|п)\\b") takes any person: the data
    writes the third person, an interview's answers speak in the first."""
    return pattern[:-2] + _KK_PERSON_ENDING + r"\b" if pattern.endswith(r")\b") and kk.has_letters(pattern) \
        else pattern


@cache
def _raw_cues() -> dict:
    return json.loads(TRIGGERS_FILE.read_text(encoding="utf-8"))


@cache
def cues_for(lang: str) -> Cues:
    """Cues of ``lang``; an unknown language gets the union of all of them."""
    data = _raw_cues()

    def pick(section: dict) -> list[str]:
        if lang in section:
            return list(section[lang])
        return [p for key, value in section.items() if not key.startswith("_") for p in value]

    kinds = tuple((kind, pattern) for kind in LINK_KINDS
                  if (pattern := _compile(map(_with_person_endings, pick(data["kinds"][kind])))) is not None)
    window = data.get("negative_window", {})
    return Cues(
        lang=lang,
        kinds=kinds,
        kind_lemmas={lemma: kind for kind, lemmas in data.get("kind_lemmas", {}).get(lang, {}).items()
                     for lemma in lemmas},
        visit_frame=_compile(pick(data["visit_frame"])),
        back_reference=_compile(pick(data.get("back_reference", {}))),
        signing_reference=_compile(pick(data.get("signing_reference", {}))),
        negative=_compile(pick(data["negative"])),
        negative_future=_compile(pick(data["negative_future"])),
        non_event=_compile(pick(data["non_event"])),
        standing_relation=_compile(pick(data["standing_relation"])),
        currency=_compile(pick(data.get("currency", {}))),
        sending=tuple(pick(data.get("sending", {}))),
        training={key: tuple(value) for key, value in data.get("training", {}).get(lang, {}).items()},
        side_head=_compile([*pick(data["side_head"]), *pick(data["delegation_word"])]),  # a party can be a side
        event_name_before=_compile(pick(data["event_name"]["before"])),
        event_name_after=_compile(pick(data["event_name"]["after"])),
        attended=_compile([*pick(data["event_name"]["before"]), *pick(data["event_name"]["after"])]),
        remote=_compile(pick(data.get("remote_meeting", {}))),
        national_actor=_compile(pick(data["national_actor"])),
        national_office=_compile(pick(data.get("national_office", {}))),
        generic_quantifier=re.compile(r"(?<![\w-])(?:" + "|".join(pick(data["generic_quantifier"]))
                                      + r")\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
        if data.get("generic_quantifier") else None,
        indefinite_quantifier=re.compile(r"(?<![\w-])(?:" + "|".join(pick(data["indefinite_quantifier"]))
                                         + r")\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
        if data.get("indefinite_quantifier") else None,
        resident_abroad=_compile(pick(data["resident_abroad_actor"])),
        travelling=_compile([*pick(data["travelling_actor"]), *pick(data["delegation_word"])]),  # a party travels
        not_the_event_day=_compile(pick(data.get("not_the_event_day", {}))),
        going_back=_compile(pick(data.get("going_back", {}))),
        during_the_trip=_compile(pick(data.get("during_the_trip", {}))),
        sidelines=_compile(pick(data.get("sidelines", {}))),
        outcome=_compile(pick(data.get("outcome", {}))),
        group_anaphor=_compile([*pick(data["group_anaphor"]), *pick(data["delegation_word"]),
                                *_definite_people(lang, pick(data.get("people_noun", {})))]),
        delegation=_compile(pick(data["delegation_word"])),
        people=_compile([*pick(data["actor_role"]), *pick(data["delegation_word"]), *pick(data["group_anaphor"]),
                         *pick(data["resident_abroad_actor"]), *pick(data["travelling_actor"]),
                         *pick(data.get("received_people", {})), *pick(data.get("people_noun", {}))]),
        sides=_compile(pick(data["sides_anaphor"])),
        sides_countries=tuple(pick(data.get("sides_countries", {}))),
        home_country_words=_compile(data.get("home_country_words", {}).get(lang, [])),
        signing_frame={key: tuple(value) for key, value in data.get("signing_frame", {}).get(lang, {}).items()},
        relation_nouns=frozenset(data.get("relation_noun", {}).get(lang, ())),
        whereabouts={key: tuple(value) for key, value in data.get("whereabouts", {}).get(lang, {}).items()},
        located_body=_compile(pick(data.get("located_body", {}))),
        background=_compile(pick(data.get("background_paragraph", {}))),
        capital_before=_compile_edge([r"(?<!\w)(?:" + p + ")" for p in pick(data.get("capital_of", {}).get(
            "before", {}))], r"\s+$"),
        capital_after=_compile_edge(pick(data.get("capital_of", {}).get("after", {})), ""),
        means_before=_compile_edge([r"(?<!\w)(?:" + p + ")" for p in pick(data.get("means_of_event", {}).get(
            "before", {}))], r"\s+$"),
        means_after=_compile_edge([r"\w*\s+(?:" + p + r")(?!\w)" for p in pick(data.get("means_of_event", {}).get(
            "after", {}))], ""),
        signing_hint=_compile(_SIGNING_HINTS.get(lang, [])),
        actor_roles=tuple(pick(data.get("actor_role", {}))),
        actor_home_roles=tuple(pick(data.get("actor_home_role", {}))),
        titles=tuple(w.casefold() for w in pick(data.get("title_reference", {}))),
        institutions=frozenset(w.casefold() for w in pick(data.get("institution_anaphor", {}))),
        institution_heads={w.casefold(): data.get("institution_kin", {}).get(lang, {}).get(w.casefold(), w.casefold())
                           for w in (*pick(data.get("institution_anaphor", {})),
                                     *pick(data.get("organisation_anaphor", {})))},
        actor_divisions={kind: tuple(w.casefold() for w in pick(words))
                         for kind, words in data.get("actor_division", {}).items() if not kind.startswith("_")},
        offices=tuple((level, pattern) for level in ("region", "district", "city")
                      if (pattern := _compile(pick(data.get("office_of_level", {}).get(level, {})))) is not None),
        first_person=_compile(pick(data.get("first_person", {}))),
        first_person_places=tuple(
            (level, pattern) for level in ("region", "district", "city")
            if (pattern := _compile(pick(data.get("first_person_place", {}).get(level, {})))) is not None),
        locative_before=frozenset(w.lower() for w in pick(data["locative_before"])),
        locative_suffixes=tuple(sorted(pick(data["locative_suffix"]), key=len, reverse=True)),
        origin_before=frozenset(w.lower() for w in pick(data["origin_before"])),
        origin_suffixes=tuple(sorted(pick(data["origin_suffix"]), key=len, reverse=True)),
        transit_before=frozenset(w.lower() for w in data.get("transit", {}).get("before", [])),
        transit_after=frozenset(w.lower() for w in data.get("transit", {}).get("after", [])),
        departure=tuple(data.get("transit", {}).get("departure", {}).get(lang, [])),
        landed=_compile_edge(data["transit"].get("landed"), r"\s+$"),
        onward=_compile_edge(data["transit"].get("onward"), ""),
        landed_then_onward=_compile_edge(data["transit"].get("landed_then_onward"), ""),
        previous_stop=_compile_edge(data["transit"].get("previous_stop"), ""),
        transit_phrases=re.compile(r"(?<![\w-])(?:" + "|".join(data["transit"]["before_phrases"]) + r")\s+$",
                                   re.IGNORECASE) if data.get("transit", {}).get("before_phrases") else None,
        lowercase_demonyms=lang in ("ru", "kk"),
        accredited_before=frozenset(w.lower() for w in pick(data["accredited"]["before"])),
        accredited_after=frozenset(w.lower() for w in pick(data["accredited"]["after"])),
        before_words=int(window.get("before_words", 6)),
        after_words=int(window.get("after_words", 4)),
        future_before_words=int(window.get("future_before_words", 6)),
        future_after_words=int(window.get("future_after_words", 8)),
    )


# ------------------------------------------------------------------------------------- sentences


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into Article.text
    end: int
    text: str
    paragraph: tuple[int, int]


def sentences(article: Article) -> Iterator[Sentence]:
    """Sentences of the article body; paragraphs end at line breaks (news sites put one per line)."""
    for offset, segment in article.segments():
        pos = 0
        for part in [*_PARAGRAPH_BREAK.finditer(segment), None]:
            stop = part.start() if part else len(segment)
            paragraph = segment[pos:stop]
            para_span = (offset + pos, offset + stop)
            for s_start, s_stop in split_sentences(paragraph):
                text = paragraph[s_start:s_stop]
                if text.strip():
                    start = offset + pos + s_start
                    yield Sentence(start, start + len(text), text, para_span)
            if part:
                pos = part.end()


# ------------------------------------------------------------------------------------ candidates


@dataclass(frozen=True, slots=True)
class Candidate:
    """One side-capable place (or demonym's country) mentioned in a sentence; offsets are sentence-relative."""

    location: Location
    start: int
    end: int
    locative: bool
    actor: bool = False  # named by a recorded person's surname ("Гасанов" for Baku), not by the place itself
    origin: bool = False  # written as where a journey started: "from Gorgan", "из Навои", "Татарстаннан"
    envoy: bool = False  # named by the surname of a recorded ambassador or consul, who lives in the host country
    route: bool = False  # where a route began, a stop named after it: "Астанадан Варшава арқылы", "from Almaty via"

    @property
    def is_home(self) -> bool:
        return self.location.country == HOME_COUNTRY


def _side(location: Location, country_of: Callable[[str], Location | None]) -> Location | None:
    """The Location that can stand at one end of a link for a place found in the text, or None.

    Landmarks (a university, a football ground) are not ends: their city is. A national
    institution (the Storting, UKEF) stands for its country; an international organisation (no
    country: the EU, the African Union) stands for itself. Continents and seas have no side.
    """
    if location.kind == "landmark":
        return None
    if location.kind == "organization":
        return country_of(location.country) if location.country else location
    return location if location.country else None


def _division_stems(cues: Cues) -> tuple[str, ...]:
    """Word beginnings of the language's division nouns ("қала", "облыс", "аудан"; actor_division in the cues), with
    a Kazakh stem's final consonant voiced as a vowel ending makes it ("аймақ" -> "аймағынан")."""
    stems = [stem for stems in cues.actor_divisions.values() for stem in stems]
    if cues.lang == "kk":
        stems += [voiced for stem in stems if (voiced := kk.voiced_stem(stem)) is not None]
    return tuple(stems)


def _is_locative(sentence: str, start: int, end: int, location: Location, cues: Cues) -> bool:
    """Is the place written as a location (venue, posting) rather than as a counterpart?"""
    # skip "г." / "the" / "city of" between the preposition and the name
    return _marked(sentence, start, end, location, cues.locative_suffixes, cues.locative_before,
                   {"г", "гор", "город", "городе", "the", "city", "of", "town"}, on_the_noun=_division_stems(cues))



def _marked(sentence: str, start: int, end: int, location: Location, suffixes: tuple[str, ...],
            before_words: frozenset[str], skipped: set[str], *, on_the_noun: tuple[str, ...] = ()) -> bool:
    """Does a case ending of ``suffixes`` end the place's word, or a word of ``before_words`` stand before it
    (past the ``skipped`` words)? ``on_the_noun``: the word beginnings of division nouns whose ending, right after
    the name, counts too ("Алматы қаласындағы")."""
    rest = sentence[end:_word_end(sentence, end)].lower()
    if rest:  # the mention is the name and the rest of the word its case ending: "Словения|дағы"
        if rest in suffixes:
            return True
    elif suffixes:
        written = sentence[start:end].lower()
        known = {location.name.lower(), *(n.lower() for _, n in location.names)}
        # the mention covers the inflected word: "Астанада", but not "Африка одағы" (a name ending like one)
        # (a short name's stem is its whole name: "Ош|та")
        if written not in known and any(written.endswith(sfx) and (len(written) > len(sfx) + 2
                                                                   or written[:-len(sfx)] in known)
                                        for sfx in suffixes):
            return True
    if on_the_noun and suffixes and not rest:
        # the ending on the division noun after the name: "Алматы қаласындағы", "Ташкент облысынан"
        nxt = _WORD.match(sentence, end + 1) if sentence[end:end + 1] == " " else None
        word = nxt.group().lower() if nxt else ""
        stem = next((d for d in on_the_noun if word.startswith(d)), None)
        if stem is not None and len(word) > len(stem) + 2 and word.endswith(suffixes):
            return True
    before = [w.lower() for w in _WORD.findall(sentence[max(0, start - 40):start])]
    qualified = False  # one adjective before a division noun: "from the Chinese city of", "из китайского города"
    if len(before) >= 2 and before[-2] in before_words and _RU_ADJECTIVE_BEFORE_NAME.search(before[-1]) \
            and sentence[start:start + 1].isupper():
        before.pop()  # "из узбекского Гулистана": a Russian adjective right before the name, the country's
        qualified = True
    while before:
        if before[-1] in skipped:
            popped = before.pop()
            if popped in _DIVISION_NOUNS and not qualified and len(before) >= 2 and before[-1] not in before_words \
                    and before[-2] in before_words | skipped:
                before.pop()
                qualified = True
            continue
        break
    return bool(before) and before[-1] in before_words


_DIVISION_NOUNS = frozenset({"city", "town", "region", "города", "области"})
_RU_RELATIVE_ADJECTIVE = r"[а-яё]{3,}(?:ского|цкого|ской|цкой)"  # "узбекского", "турецкой": of a country or a town
_RU_ADJECTIVE_BEFORE_NAME = re.compile(_RU_RELATIVE_ADJECTIVE + r"$|[а-яё]{3,}(?:ного|ной)$")


def _is_dateline(sentence: Sentence, start: int, end: int) -> bool:
    """"ASTANA – A delegation...", "Туркестан, 15 марта 2023 г. Аким...": where the story was filed."""
    return sentence.start == sentence.paragraph[0] and start == 0 and bool(_DATELINE_TAIL.match(sentence.text, end))


EVENT_NAME_WORDS = 5  # "Форум межрегионального сотрудничества Казахстана и России": the name's reach


def _event_name_head(text: str, start: int, end: int, cues: Cues) -> int | None:
    """Where the head noun of the forum's or council's name that holds the place starts, if one does. A
    name's head is capitalised ("the Kazakhstan-Russia Interregional Cooperation Forum", "Форум ...
    Казахстана и России"); "a forum in Astana" names a venue."""
    if cues.event_name_after:
        for head in cues.event_name_after.finditer(text, 0, start):
            if _names(text, head.end(), start, head.start()):
                return head.start()
    if cues.event_name_before:
        for head in cues.event_name_before.finditer(text, end):
            return head.start() if _names(text, end, head.start(), head.start()) else None
    return None


_STRETCH_BREAK = re.compile(r"[,;:.!?]")
HELD_AFTER_WORDS = 5  # "Бакуде 4–6 қазан аралығында өткен": the dates of the event may stand before "held"
EVENT_VENUE_WORDS = 4  # "on the sidelines of an investment forum in Tashkent", "на выставке халал-продукции в Дубае"
# the heads of events held somewhere, in any language: English and Russian put the place after them ("a forum in
# Tashkent", "форума в Ташкенте"), Kazakh before ("Ташкенттегі форум")
_EVENT_HEADS = re.compile(r"(?<![^\W\d_])(?:forum|summit|conference|festival|expo|exhibition|fair|форум|саммит|"
                          r"конференци|фестивал|выставк|ярмарк|көрме|жәрмеңке|конференция|фестиваль)", re.IGNORECASE)


# how far after a place the head of the event it names may stand: "Ташкенттегі форум", "the Astana International
# Forum", "Digital Almaty халықаралық форумы"
EVENT_NAME_AFTER_PLACE_WORDS = 2


def _venue_of_an_event(text: str, cand: Candidate, *, only_of_the_event: bool = False) -> bool:
    """Is the place written as where a forum, fair or exhibition was held ("an investment forum in Tashkent",
    "выставки в Урумчи", "Ташкенттегі форум", "Ташкентте өткен халықаралық туризм жәрмеңкесі": the participle
    "held" carries the place to the event's name)? ``only_of_the_event``: the place belongs to the event's phrase
    alone, the event named before it ("took part in the exhibition in Baku"), or in Kazakh by the participle, not
    to a verb of travel with the event after it ("побывала в Казани на выставке": a visit to Kazan)."""
    before = list(_WORD.finditer(text, _clause_start(text, cand.start), cand.start))[-EVENT_VENUE_WORDS:]
    after = list(_WORD.finditer(text, _word_end(text, cand.end)))[:HELD_AFTER_WORDS + 2 + EVENT_NAME_WORDS]
    # the participle "held" right after the place, or after the event's dates ("Бакуде 4–6 қазан аралығында өткен
    # ... жәрмеңкесі"), in one stretch of the clause
    held_at = next((k for k, w in enumerate(after[:HELD_AFTER_WORDS]) if w.group().casefold() in kk.HELD_PARTICIPLES
                    and not _STRETCH_BREAK.search(text, _word_end(text, cand.end), w.start())), None)
    held = held_at is not None
    after = after[held_at or 0:][:2 + EVENT_NAME_WORDS]
    word = text[cand.start:_word_end(text, cand.end)].casefold()
    attributive = any(word.endswith(ending) and len(word) > len(ending) + 1  # "Ташкенттегі форум"
                      for ending in kk.ATTRIBUTIVE_LOCATIVE)
    after = after if held else after[:EVENT_NAME_AFTER_PLACE_WORDS] if attributive or not only_of_the_event else []
    return any(_EVENT_HEADS.match(w.group()) for w in (*before, *after))


def _in_an_events_name(text: str, cand: Candidate) -> bool:
    """Does the place open or stand inside an event's name, its head a word or two after it?"""
    end = _word_end(text, cand.end)
    after = list(_WORD.finditer(text, end))[:EVENT_NAME_AFTER_PLACE_WORDS]
    return any(_EVENT_HEADS.match(w.group()) and not _CLAUSE_BREAK.search(text, end, w.start()) for w in after)


def _names(text: str, gap_start: int, gap_end: int, head: int) -> bool:
    return text[head].isupper() and _word_gap(text, gap_start, gap_end) <= EVENT_NAME_WORDS \
        and not _CLAUSE_BREAK.search(text, gap_start, gap_end)


def _is_origin(sentence: str, start: int, end: int, location: Location, cues: Cues) -> bool:
    """Is the place written as where a journey started ("from Gorgan", "из Навои", "Татарстаннан")?"""
    return _marked(sentence, start, end, location, cues.origin_suffixes, cues.origin_before,
                   {"г", "города", "the", "city", "of", "town", "region", "области"}, on_the_noun=_division_stems(cues))


ROUTE_STOP_WORDS = 3  # "Астанадан Варшава арқылы": the stop after the start, at most a few words on


def _word_end(sentence: str, end: int) -> int:
    """Past the rest of the word a mention ends in: its case ending ("Словения|дағы", "Астана|дан")."""
    while end < len(sentence) and sentence[end].isalpha():
        end += 1
    return end


def _words_after(sentence: str, end: int, reach: int) -> list[str]:
    """The words within ``reach`` characters after the word a mention ending at ``end`` stands in."""
    word_end = _word_end(sentence, end)
    return _WORD.findall(sentence[word_end:word_end + reach])


def _begins_a_route(sentence: str, end: int, cues: Cues) -> bool:
    """Does a stop follow the place that ends at ``end``: "via"/"через" right after it, or a capitalised name
    and "арқылы" ("Астанадан Варшава арқылы ұшып")? Then the place is where a flight or a drive began, which
    says nothing of whose the travellers are."""
    after = _words_after(sentence, end, 60)
    if after and after[0].lower() in cues.transit_before:
        return True
    for k, word in enumerate(after[:ROUTE_STOP_WORDS]):
        if word.lower() in cues.transit_after:
            return k > 0 and all(w[:1].isupper() for w in after[:k])
    return False


def _compile_edge(patterns: list[str] | None, anchor: str) -> re.Pattern | None:
    """Cue patterns to match at a place's edge: ending right before it (``anchor`` "\\s+$") or from right after it."""
    return re.compile(r"(?:" + "|".join(patterns) + r")" + anchor, re.IGNORECASE) if patterns else None


LANDED_REACH_CHARS = 60  # "Прибыв утром 14 мая 2025 года в": the verb of landing and the words up to the place


def _stopover(sentence: str, start: int, end: int, cues: Cues) -> bool:
    """"flew to Warsaw and from there went on to Lublin", "Бакуге ұшып барып, сол күні Гәнжәге жетті": a place the
    travellers only landed in, the journey going on at once, is no side of it."""
    if cues.landed_then_onward and cues.landed_then_onward.match(sentence, end):
        return True
    return bool(cues.landed and cues.onward and cues.landed.search(sentence, max(0, start - LANDED_REACH_CHARS), start)
                and cues.onward.match(sentence, end))


TRANSIT_OWNER_REACH_WORDS = 3  # "Ресейдің Алтай Республикасы арқылы": the place's name and its division word


def _in_transit(sentence: str, start: int, end: int, location: Location, cues: Cues) -> bool:
    """"via Istanbul", "через Стамбул", "Стамбұл арқылы": a place the journey passed through, no side of it."""
    if _marked(sentence, start, end, location, (), cues.transit_before, set()) or _stopover(sentence, start, end, cues):
        return True
    if cues.transit_phrases and cues.transit_phrases.search(sentence, max(0, start - 40), start):
        return True  # "changed planes in Istanbul", "flown in through Ho Chi Minh City", "с пересадкой в Стамбуле"
    after = _words_after(sentence, end, 40)
    if after and after[0].lower() in cues.transit_after:
        return True
    # the first of two stops: "Тбилиси мен Алматы арқылы"; the second: "via Almaty and Istanbul", "через X и Y"
    if len(after) >= 3 and after[0].lower() in _AND and after[1][:1].isupper() \
            and after[2].lower() in cues.transit_after:
        return True
    # a country whose region or town the journey passed through: "Ресейдің Алтай Республикасы арқылы"
    # (``after`` already starts past the case ending a mention may leave out)
    if location.kind == "country" and kk.GENITIVE.search(sentence, start, _word_end(sentence, end)) and after \
            and after[0][:1].isupper() \
            and any(w.lower() in cues.transit_after for w in after[1:TRANSIT_OWNER_REACH_WORDS + 1]):
        return True
    before = _WORD.findall(sentence[max(0, start - 40):start])
    return len(before) >= 3 and before[-1].lower() in _AND and before[-2][:1].isupper() \
        and before[-3].lower() in cues.transit_before


_COMPOUND_MODIFIER = re.compile(r"-[^\W\d_A-ZА-ЯЁ]")  # a hyphen and a lower-case word: "English-language"


def _names_its_capital(text: str, start: int, end: int, cues: Cues) -> bool:
    """Is the place at ``text[start:end]`` written as the owner of a capital ("the capital of Tatarstan", "the
    Tatarstan capital's", "в столицу Татарстана", "Татарстанның астанасы")?"""
    return bool(cues.capital_before and cues.capital_before.search(text, max(0, start - 30), start)
                or cues.capital_after and cues.capital_after.match(text, end))


_APPOSITION_GAP = re.compile(r"\s*[,–—-]\s*(?:the\s+|its\s+|a\s+)?(?:capital\s+of\s+(?:the\s+)?)?"
                             r"|\s*[,–—-]\s*(?:столиц[аеуыи]\w*\s+)?", re.IGNORECASE)
CAPITAL_KM = 30  # a country's point is its capital's (gazetteer): a town this near it is the capital


def _capital_in_the_article(owner: Location, places: Sequence[Place]) -> int | None:
    """The index in ``places`` of the town the article names that is the capital of ``owner``: of a country,
    the town at its point; of a region, its biggest town in the gazetteer, when the article names it (Kazan for
    "the capital of Tatarstan"); else None."""
    towns = [i for i, p in enumerate(places) if p.location.kind == "city" and p.location.country == owner.country]
    if owner.kind == "country":
        found = [i for i in towns
                 if distance_km((places[i].location.lat, places[i].location.lon), (owner.lat, owner.lon)) <= CAPITAL_KM]
    elif owner.kind == "region":
        # (the region's biggest town, as capitals mostly are: not Kentau for "the capital of Turkistan region")
        found = [i for i in towns if _in_region(places[i].location, owner)
                 and places[i].location.key == _biggest_town_of(owner)]
    else:
        return None
    return found[0] if len(found) == 1 else None


@cache
def _biggest_town_of(region: Location) -> str | None:
    """The key of the most populous town of the gazetteer that lies in ``region``."""
    gaz = gazetteer.load()
    inside = [gaz.locations[i] for _, i in gaz.towns_of(region.country or "")]
    inside = [loc for loc in inside if loc.population and _in_region(loc, region)]
    return max(inside, key=lambda loc: loc.population).key if inside else None


def _capitals_named(text: str, places: Sequence[Place], cues: Cues) -> list[Place]:
    """``places`` with each mention written as the owner of a capital ("в столицу Татарстана", "the Tatarstan
    capital's executive committee") moved to that capital, when the article names it: the side of an event there,
    and the place of a person holding an office there, is the town."""
    moved: dict[int, list[Mention]] = {}
    kept: list[Place] = []
    for place in places:
        stays = []
        for m in place.mentions:
            town = _capital_in_the_article(place.location, places) if place.location.kind in ("region", "country") \
                and _names_its_capital(text, m.start, m.end, cues) else None
            if town is not None and any(_APPOSITION_GAP.fullmatch(text, t.end, m.start) for p in places
                                        if p.location.kind == "city" for t in p.mentions if t.end <= m.start):
                town = None  # "in Bologna, the Emilia-Romagna capital": a town is named, the phrase describes it
            if town is None:
                stays.append(m)
            else:
                moved.setdefault(town, []).append(m)
        kept.append(replace(place, mentions=tuple(stays)))
    if not moved:
        return list(places)
    return [replace(p, mentions=tuple(sorted((*p.mentions, *moved.get(i, ())), key=lambda m: m.start)))
            for i, p in enumerate(kept) if p.mentions or i in moved]


def _candidates(sentence: Sentence, places: Sequence[Place], demonyms: Sequence[Demonym],
                country_of: Callable[[str], Location | None], cues: Cues) -> list[Candidate]:
    out: list[Candidate] = []
    for place in places:
        for m in place.mentions:
            if sentence.start <= m.start and m.end <= sentence.end \
                    and not _is_dateline(sentence, m.start - sentence.start, m.end - sentence.start) \
                    and not _in_transit(sentence.text, m.start - sentence.start, m.end - sentence.start,
                                        place.location, cues):
                side = _side(place.location, country_of)
                if side is not None and not _names_a_currency(sentence.text, m.start - sentence.start,
                                                              m.end - sentence.start, cues):
                    s, e = m.start - sentence.start, m.end - sentence.start
                    origin = _is_origin(sentence.text, s, e, place.location, cues)
                    # (a Kazakh place a journey set off from: "Группа вылетела из Алматы" is no party of Almaty's)
                    route = origin and (_begins_a_route(sentence.text, e, cues) or side.country == HOME_COUNTRY
                                        and frames_mod.departed_from(cues.lang, sentence.text, s, e, cues.departure))
                    out.append(Candidate(side, s, e, _is_locative(sentence.text, s, e, place.location, cues),
                                         origin=origin, route=route))
    for demonym in demonyms:
        m = demonym.mention
        s_rel = m.start - sentence.start
        if cues.lowercase_demonyms and m.text[:1].isupper() and s_rel > 0:
            continue  # "Турецкий парк", "Казахстанская правда": in Russian and Kazakh a capital means a name
        inside = sentence.start <= m.start and m.end <= sentence.end
        if inside and _COMPOUND_MODIFIER.match(sentence.text, s_rel + len(m.text)):
            continue  # "English-language courses", "Turkish-made looms": a language or make, no party
        if inside and _unnamed_places(sentence.text, s_rel, s_rel + len(m.text), cues):
            continue  # "с несколькими узбекскими и кыргызскими городами": unnamed towns of those countries, no side
        if inside and _qualifies_a_side(sentence.text, s_rel + len(m.text), cues):
            # "the Hungarian city", "the Turkish mining town": the town of that country named last, else the country
            # (English writes one named before with "the": "a Japanese city of comparable size" is a new one)
            lead = _DEFINITE_BEFORE_DEMONYM.search(sentence.text, max(0, s_rel - 30), s_rel) \
                if cues.lang == "en" else None
            referent = _division_of_demonym(sentence.text, s_rel + len(m.text), demonym.country, m.start, places,
                                            cues) if cues.lang != "en" or lead is not None else None
            location = referent or country_of(demonym.country)
            if location is not None:
                s, e = m.start - sentence.start, m.end - sentence.start
                # (the town referred to may be where something is: "переговоры, проведённые в китайском городе";
                # so may a capital or town the story does not name, the country standing for it: "at the forum in
                # the Egyptian capital")
                locative = (referent is not None or _before_a_town_noun(sentence.text, e, cues)) and _is_locative(
                    sentence.text, lead.start() if lead else s, e, location, cues)  # "in the eastern Hungarian city"
                if referent is None or not any(c.location.key == referent.key and c.locative == locative
                                               for c in out):
                    # (one the sentence names in the same role already: "signed with the University of Debrecen
                    # ... a semester in the eastern Hungarian city")
                    out.append(Candidate(location, s, e, locative=locative))
    if cues.lang == "ru":
        # "Оренбургскую делегацию", "губернатор Челябинской": a region's adjective before a side's head noun
        # stands for the region, as a demonym stands for its country (the word itself is no place marker)
        for word in _WORD.finditer(sentence.text):
            region = _region_of_adjective(word.group())
            if region is not None and _qualifies_a_side(sentence.text, word.end(), cues) \
                    and not any(c.start < word.end() and word.start() < c.end for c in out):
                out.append(Candidate(region, word.start(), word.end(), locative=False))
    if cues.lang in ("ru", "kk"):
        # "группа шымкентских предпринимателей", "шымкенттік кәсіпкерлер": a city's adjective stands for a city the
        # article names, as a demonym stands for its country
        cities = [(p.location, m.text) for p in places if p.location.kind == "city" for m in p.mentions]
        named_bodies: list[Candidate] = []
        for word in _WORD.finditer(sentence.text):
            if any(c.start < word.end() and word.start() < c.end for c in out):
                continue
            if word.group()[:1].isupper() and word.start() > 0:
                # "главный врач Кентауской городской больницы": a body named for its city, which is that body's
                # side where the sentence names none of its own (as the bodies of English names, _with_bodies)
                city = _named_body_city(sentence.text, word, cues, cities)
                if city is not None and (side := _side(city, country_of)) is not None:
                    named_bodies.append(Candidate(side, word.start(), word.end(), locative=False))
                continue  # ("Шымкентский университет" mid-sentence: a name's first word, no side of its own)
            city = _city_of_adjective(word.group(), cues.lang, cities)
            if city is not None and (_qualifies_a_side(sentence.text, word.end(), cues)
                                     or _qualifies_a_body(sentence.text, word.end(), cues)
                                     or _qualifies_people(sentence.text, word.end(), cues)
                                     or _owned_by_a_side(sentence.text, word.start(), cues)
                                     or cues.lang == "kk" and _KK_PLURAL.search(word.group().lower())):
                side = _side(city, country_of)
                if side is not None:
                    out.append(Candidate(side, word.start(), word.end(), locative=False))
        # (only beside a side of the other kind: a body alone would stand for a pair the story told before, "the
        # university and Nakhchivan State University signed")
        out += [b for b in named_bodies if any(c.is_home != b.is_home for c in out)
                and not _names_its_side(out, b.location)]
    if cues.home_country_words and not any(c.is_home for c in out):
        for word in cues.home_country_words.finditer(sentence.text):
            home = country_of(HOME_COUNTRY)
            if home is not None and not _quoted(sentence.text, word.start()):
                out.append(Candidate(home, word.start(), word.end(), locative=False))
                break
    return _without_location_qualifiers(sentence.text, _with_marks_of_the_list(
        sentence.text, sorted(_without_framework_names(sentence.text, out, cues), key=lambda c: c.start), cues))


def _names_a_currency(text: str, start: int, end: int, cues: Cues) -> bool:
    """Is the place named as a currency's issuer ("45 million US dollars", "долларов США", "АҚШ доллары")?"""
    if cues.currency is None:
        return False
    after = _WORD.match(text, _word_end(text, end) + 1)
    before = _WORD.findall(text[max(0, start - 20):start])
    return after is not None and cues.currency.fullmatch(after.group().lower()) is not None \
        or bool(before) and cues.currency.fullmatch(before[-1].lower()) is not None


# between two members of one list: "из Ташкента, Минска и Баку", "from Tashkent, Minsk and Baku", "Ташкент, Минск
# және Бакуден"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:и|and|және|или|or)\s+)?|\s+(?:и|and|және|или|or)\s+)")


def _with_marks_of_the_list(text: str, cands: list[Candidate], cues: Cues) -> list[Candidate]:
    """The members of a list share the mark of its place: a preposition before the first ("делегации из Ташкента,
    Минска, Бреста и Баку", "gathered teachers from Tashkent, Minsk and Baku") marks them all as where journeys
    started or where something is; a Kazakh case ending on the last one marks those before it."""
    if len(cands) < 2:
        return cands
    out = list(cands)
    order = range(len(out) - 2, -1, -1) if cues.lang == "kk" else range(1, len(out))
    for i in order:
        j = i + 1 if cues.lang == "kk" else i - 1  # the member whose mark this one shares
        lo, hi = sorted((i, j))
        if not _LIST_GAP.fullmatch(text, _word_end(text, out[lo].end), out[hi].start):
            continue
        marked = out[j]
        if (marked.origin or marked.locative) and not (out[i].origin or out[i].locative):
            out[i] = replace(out[i], origin=marked.origin, locative=marked.locative)
    return out


def _names_its_side(cands: Sequence[Candidate], place: Location, *, venues: bool = True) -> bool:
    """Does the sentence name a side of the place's kind (Kazakh or foreign) itself, other than the country the place
    lies in? A body's place stands in for a side only where it does not. With ``venues=False`` a place written as
    where something is ("в Узбекистане") does not count as one."""
    home = place.country == HOME_COUNTRY
    return any(c.is_home == home and (venues or not c.locative)
               and not (c.location.kind == "country" and c.location.country == place.country) for c in cands)


def _with_bodies(sentence: Sentence, cands: list[Candidate], bodies: Sequence[NamedBody],
                 country_of: Callable[[str], Location | None]) -> list[Candidate]:
    """The sentence's candidates, and the places inside the names of universities and hospitals it names for a
    side (Kazakh or foreign) it gives no place of its own, or only the country the body lies in:
    "signed a memorandum with the University of Nairobi", "a delegation of Buketov Karaganda University signed an
    agreement in Poznań", "a video-conference with Andijan State University in Uzbekistan"."""
    out = list(cands)
    for body in bodies:
        m = body.mention
        if not (sentence.start <= m.start and m.end <= sentence.end) or _names_its_side(out, body.location):
            continue
        side = _side(body.location, country_of)
        if side is not None:
            out.append(Candidate(side, m.start - sentence.start, m.end - sentence.start, locative=False))
    return sorted(out, key=lambda c: c.start)


# between a city and the region or country that says where it lies: "Kashgar, in China's Xinjiang", "Bursa
# (Turkey)", "Kecskemét in Bács-Kiskun County", "Кашгар (Синьцзян)", "Chirchiq, in the neighbouring Tashkent region
# of Uzbekistan" (a describing word before the region; "of" its country)
_QUALIFIER_GAP = re.compile(
    r"\s*,?\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?|\s*\(\s*|['’]s\s+|\s+of\s+(?:the\s+)?"
    # an apposition that says the city is the region's seat: "Ufa, the capital of", "Чэнду – административным
    # центром провинции"
    r"|\s*(?:,|\s[-–—])\s*(?:the\s+)?(?:administrative\s+)?(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?"
    r"(?:(?:province|state|region|county|prefecture)\s+of\s+)?"
    r"|\s*(?:,|\s[-–—])\s*(?:административн\w+\s+)?(?:центр\w*|столиц\w+)\s+"
    # (a country's adjective in the genitive may say whose division it is: "китайской провинции")
    r"(?:(?:[^\W\d_]+(?:ой|ей|ого|его)\s+)?(?:провинци|област|регион|штат|кра|республик|префектур|уезд)\w*\s+)?"
    # the division's noun after its country's adjective ("центра | китайской | провинции Юньнань")
    r"|\s+(?:провинци|област|штат|префектур|уезд)\w*\s+", re.IGNORECASE)
_LIST_OR_QUALIFIER_GAP = re.compile(r"\s*,\s*")  # "Kecskemét, Bács-Kiskun County": a list unless it is near


def _without_location_qualifiers(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A region or country written right after a city to say where the city lies is no side of its own: the
    vice-mayor of Kashgar, in China's Xinjiang, is Kashgar's. The chain may go on ("in China's Xinjiang")."""
    dropped: set[int] = set()
    for i, city in enumerate(cands):
        if city.is_home or i in dropped:
            continue
        # Kazakh writes the region first, the city (or a prefecture) after "қарасты" (belonging to): "Шэньси
        # провинциясына қарасты Шиань қаласы" is Xi'an's, "Шыңжаң Ұйғыр автономиялық ауданына қарасты Ақсу аймағы"
        # is Aksu's
        before = cands[i - 1] if i > 0 else None
        if before is not None and before.location.country == city.location.country \
                and city.location.kind in ("city", "region") and before.location.kind in ("country", "region") \
                and before.location.key != city.location.key \
                and _KK_BELONGING_GAP.fullmatch(text, before.end, city.start) is not None:
            dropped.add(i - 1)
        if city.location.kind != "city":
            continue
        edge = city.end
        for j in range(i + 1, len(cands)):
            after = cands[j]
            where = after.location
            said = _QUALIFIER_GAP.fullmatch(text, edge, after.start) is not None  # the writer says it lies there
            listed = _LIST_OR_QUALIFIER_GAP.fullmatch(text, edge, after.start) is not None
            if where.country != city.location.country or where.kind not in ("country", "region") \
                    or not (said or listed and (where.kind == "country" or _in_region(city.location, where))):
                break
            dropped.add(j)
            edge = after.end
    return [c for k, c in enumerate(cands) if k not in dropped]


_KK_BELONGING_GAP = re.compile(r"[^\W\d_]*\s+(?:[^\W\d_]+\s+){0,3}(?:қарасты|құрамындағы)\s+"
                               # or the region's centre: "Ганьсу провинциясының әкімшілік орталығы Ланьчжоу"
                               r"|[^\W\d_]*\s+(?:[^\W\d_]+\s+){0,3}(?:әкімшілік\s+)?(?:орталығы|астанасы)\s+",
                               re.IGNORECASE)


def _dash_opened(text: str) -> bool:
    """Does the text open with a dash: direct speech, an interview's turn?"""
    return text.lstrip().startswith(("–", "—", "-"))


def _quoted(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation (a speaker's "our country" is theirs) or in a sentence of direct speech?"""
    return _in_quotation(text, pos) or _dash_opened(text)


def _in_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside quotation marks opened before it in the sentence?"""
    before = text[:pos]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”") \
        or before.count('"') % 2 == 1


def _without_framework_names(text: str, cands: list[Candidate], cues: Cues) -> list[Candidate]:
    """Places that together name a bilateral forum or council ("the Kazakhstan-Russia Interregional
    Cooperation Forum") are part of its name, not sides. One place in an event's name is its host ("the
    Tashkent Investment Forum"), a venue like any other, so it stays."""
    heads: dict[int, list[Candidate]] = {}
    for c in cands:
        head = _event_name_head(text, c.start, c.end, cues)
        if head is not None:
            heads.setdefault(head, []).append(c)
    named = {id(c) for group in heads.values() if len({c.location.key for c in group}) >= 2 for c in group}
    # nor does a pair joined by a dash before a body's noun ("the Hungary–Kazakhstan parliamentary friendship
    # group", "Қазақстан – Түркия достық тобының"): the name of a bilateral body
    # and a pair so joined that names a route, its noun before or after it ("рейс Шымкент – Стамбул", "Шымкент –
    # Наманған бағытын ашу", "the Shymkent-Istanbul flight"): a line between two towns, neither a side
    for a, b in zip(cands, cands[1:], strict=False):
        if a.location.country != b.location.country and _PAIR_DASH.fullmatch(text, a.end, b.start) \
                and (_BODY_AFTER_PAIR.match(text, _word_end(text, b.end))
                     or _ROUTE_AFTER_PAIR.match(text, _word_end(text, b.end))
                     or _ROUTE_BEFORE_PAIR.search(text, max(0, a.start - ROUTE_NOUN_CHARS), a.start)):
            named |= {id(a), id(b)}
    return [c for c in cands if id(c) not in named]


_PAIR_DASH = re.compile(r"\s*[-–—]\s*")
# the nouns of a route between two towns: after the pair (English, Kazakh), before it (Russian)
_ROUTE_AFTER_PAIR = re.compile(r"\s+(?:[a-zа-яёәғқңөұүһі-]+\s+)?(?:route|flights?|air\s+link|highway|railway|"
                               r"бағыт|рейс|әуе\s+рейс|маршрут|тас\s+жол|теміржол)", re.IGNORECASE)
_ROUTE_BEFORE_PAIR = re.compile(r"(?:рейс\w*|авиарейс\w*|маршрут\w*|авиасообщени\w*|сообщени\w*|трасс\w*|"
                                r"route|flights?)\s+(?:по\s+направлению\s+)?$", re.IGNORECASE)
ROUTE_NOUN_CHARS = 40  # "рейсов по направлению | Шымкент – Стамбул"
# the head of a bilateral body's name, at most three words after the pair ("parliamentary friendship group")
_BODY_AFTER_PAIR = re.compile(r"(?:\s+[a-zа-яёәғқңөұүһі-]+){0,3}?\s+(?:group|society|association|council|committee|"
                              r"chamber|club|тоб|қоғам|қауымдаст|кеңес|палата)", re.IGNORECASE)


_RU_REGION_NOUNS = (("ая", "область"), ("ий", "край"))  # "Оренбургская область", "Алтайский край"


@cache
def _region_of_adjective(word: str) -> Location | None:
    """The region a Russian adjective names ("оренбургскую" -> Оренбургская область), from the gazetteer's
    own region names: each nominative form of the adjective (``ru.forms``) with each region noun is looked up
    as a name."""
    if "ск" not in word.lower() and "цк" not in word.lower():
        return None
    forms = ru.forms(word)
    gaz = gazetteer.load()
    for adjective, noun in _RU_REGION_NOUNS:
        for form in forms:
            if form.endswith(adjective):
                for i in gaz.candidates(name_key(f"{form} {noun}"), upper=False):
                    if gaz.locations[i].kind == "region":
                        return gaz.locations[i]
    return None


_RU_CITY_ADJECTIVE = "ский"  # "шымкентский" of Шымкент, "стамбульский" of Стамбул (its soft sign folds away)
_KK_CITY_ADJECTIVE = re.compile(f"(?:{'|'.join(kk.ADJECTIVE_ENDINGS)})(?:тар|тер)?$")  # "шымкенттік", "арыстықтар"
_KK_PLURAL = re.compile(r"(?:тар|тер)$")  # "шымкенттіктер": the people of the city, a side on their own
CITY_ADJECTIVE_MIN_STEM = 4  # "ошский" of Ош is too short to tell from other words
KK_CASE_ENDING_CHARS = 5  # "Шымкент|тегі": what a Kazakh mention may carry after the adjective's stem


def _city_of_adjective(word: str, lang: str, cities: Sequence[tuple[Location, str]]) -> Location | None:
    """The city an adjective names, of the cities the article itself names (each with a mention's text):
    Russian "-ский" whose stem is a base form of the mention ("шымкентских" -> "Шымкенте"), Kazakh "-лық" whose
    stem begins the mention ("шымкенттік" -> "Шымкентте"). Only named cities, so an adjective of a word is no
    city ("французский")."""
    folded = word.lower()
    if lang == "ru":
        if "ск" not in folded:
            return None  # (every form ending in "-ский" keeps the word's own "ск": most words need no forms)
        # (a final soft sign comes and goes: "Казань" -> "казанский", "Стамбул" -> "стамбульский")
        stems = {f[: -len(_RU_CITY_ADJECTIVE)].rstrip("ь") for f in ru.forms(word) if f.endswith(_RU_CITY_ADJECTIVE)}
        stems = {stem for stem in stems if len(stem) >= CITY_ADJECTIVE_MIN_STEM}
        return next((loc for loc, text in cities if stems & {f.rstrip("ь") for f in ru.forms(text)}), None) \
            if stems else None
    m = _KK_CITY_ADJECTIVE.search(folded) if lang == "kk" else None
    if m is None or m.start() < CITY_ADJECTIVE_MIN_STEM:
        return None
    stem = folded[: m.start()]
    return next((loc for loc, text in cities if text.lower().startswith(stem)
                 and len(text) - len(stem) <= KK_CASE_ENDING_CHARS), None)


BODY_NAME_WORDS = 3  # "Кентауской городской больницы", "Стамбульского медицинского университета"


def _named_body_city(text: str, word: re.Match, cues: Cues, cities: Sequence[tuple[Location, str]]
                     ) -> Location | None:
    """The city whose adjective begins the name of a body (a hospital, a university, a theatre) written right after
    it, among the cities the article names."""
    if cues.located_body is None or not _head_after(text, word.end(), cues.located_body, BODY_NAME_WORDS):
        return None
    return _city_of_adjective(word.group(), cues.lang, cities)


INDEFINITE_REACH_CHARS = 40  # "несколькими узбекскими и | кыргызскими": the quantifier and two words before the demonym
DIVISION_HEAD_WORDS = 3  # "узбекскими и кыргызскими | городами": the division noun a few words after the demonym


def _unnamed_places(text: str, start: int, end: int, cues: Cues) -> bool:
    """Does the demonym at ``start``-``end`` qualify towns or regions of its country counted but not named ("several
    Uzbek cities", "с несколькими узбекскими городами", "бірнеше өзбек қаласымен")? (People so counted are still
    of that country: "met several Turkish investors".)"""
    if cues.indefinite_quantifier is None \
            or not cues.indefinite_quantifier.search(text, max(0, start - INDEFINITE_REACH_CHARS), start):
        return False
    return _division_noun_after(text, end, DIVISION_HEAD_WORDS, cues)[0] is not None


SIDE_HEAD_WORDS = 4  # "the Turkish deputy foreign minister": the head noun a few words after the demonym


def _qualifies_a_side(text: str, after: int, cues: Cues) -> bool:
    """Does a demonym ending at ``after`` qualify a person, body or place that can be a side ("Korean
    ambassador", "турецкая делегация", "the Uzbek and Turkish ministers", "a Turkish city"), rather than a
    thing ("the Estonian film")?"""
    if cues.side_head is None:
        return True
    if cues.lang not in _PHRASE_ENDS:
        return _head_after(text, after, cues.side_head, SIDE_HEAD_WORDS)
    # only a head inside the demonym's own phrase: "veterans of the Afghan war from Turkistan region", "учителей
    # английского языка из Туркестанской области" (the war is Afghan, the language English; the region no head)
    for word in islice(_WORD.finditer(text, after), SIDE_HEAD_WORDS):
        if cues.side_head.match(word.group()):
            return True
        if _PHRASE_ENDS[cues.lang](word.group()):
            return False
    return False


# Where the phrase of an adjective ends: English at its first function word but "and" ("the Uzbek and Turkish
# ministers"), Russian at the first word the dictionary knows as a common noun, its head ("турецкий генеральный
# консул" passes the adjective)
_PHRASE_ENDS: dict[str, Callable[[str], bool]] = {
    "en": lambda word: word.lower() in en.FUNCTION_WORDS and word.lower() not in en.COORDINATORS,
    "ru": ru.common_noun_only,
}


def _qualifies_a_body(text: str, after: int, cues: Cues) -> bool:
    """Does a city's adjective ending at ``after`` qualify a body that acts for its city ("один из шымкентских
    университетов подписал", "шымкенттік зауыт")? Only a city's: a demonym before a school or a hospital is
    as often an ethnic school or a hospital a country built here ("турецкий лицей" in Shymkent)."""
    return cues.located_body is not None and _head_after(text, after, cues.located_body, SIDE_HEAD_WORDS)


def _owned_by_a_side(text: str, before: int, cues: Cues) -> bool:
    """Does a side's noun stand right before a Russian city adjective starting at ``before``, whose phrase is
    that side's genitive ("делегация самаркандского хокимията", "представители бухарского университета")? The
    adjective's city is then the side's, whatever the noun it qualifies."""
    if cues.lang != "ru":
        return False
    previous = list(_WORD.finditer(text, max(0, before - SIDE_HEAD_CHARS), before))
    if not previous or text[previous[-1].end():before].strip():
        return False
    # (a party: people, or a travelling group; not "представительство дубайской группы", an office)
    word = previous[-1].group()
    return ru.names_people(word) or lemma(cues.lang, word) in cues.whereabouts.get("party", ())


SIDE_HEAD_CHARS = 30  # the word before: "делегация", "представители"


def _qualifies_people(text: str, after: int, cues: Cues) -> bool:
    """Does an adjective ending at ``after`` qualify people, by the dictionary's animacy of the first noun after
    it ("шымкентские ветераны", "группа туркестанских аксакалов")? People of a city are its side, whatever
    their trade; a list of side nouns never holds them all. Russian only: the other languages mark no
    animacy."""
    if cues.lang != "ru":
        return False
    for word in islice(_WORD.finditer(text, after), SIDE_HEAD_WORDS):
        readings = ru.readings(word.group())
        if any(r.pos == "NOUN" for r in readings):
            return ru.names_people(word.group())
    return False


DEMONYM_DIVISION_WORDS = 2  # "the Turkish mining town", "венгерского города": the division noun right after
_CAPITAL_NOUN = re.compile(r"capital|столиц|астана", re.IGNORECASE)


def _before_a_town_noun(text: str, end: int, cues: Cues) -> bool:
    """Is the next word after ``end`` a noun of a capital or a town ("the Egyptian capital", "в турецком городе")?"""
    word = next(_WORD.finditer(text, end), None)
    return word is not None and (_CAPITAL_NOUN.match(word.group()) is not None
                                 or actors_mod.division_kind(word.group(), cues.actor_divisions) == "city")


_DEFINITE_BEFORE_DEMONYM = re.compile(r"(?:\bthe|['’]s)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)
_NAME_FOLLOWS = re.compile(r"\s+(?:of\s+)?[«\"]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")


def _division_of_demonym(text: str, after: int, country: str, at: int, places: Sequence[Place], cues: Cues
                         ) -> Location | None:
    """The place a demonym ending at ``after`` and a division noun refer back to ("in Debrecen, Shymkent and the
    Hungarian city signed", "Soma ... the mayor of the Turkish mining town", "венгерского города"): of that
    country and that kind, the one named last before ``at`` (an offset in the article); None where the text named
    none (then the demonym stands for its country)."""
    noun, kind = _division_noun_after(text, after, DEMONYM_DIVISION_WORDS, cues)
    if noun is None or _NAME_FOLLOWS.match(text, noun.end()) or _PLURAL_OF[cues.lang].search(noun.group()):
        # (a name in apposition is the place itself: "the Japanese city of Toyama", "городом Чхонан"; many towns
        # are no one town named: "с российскими городами")
        return None
    named = [(mention.start, place.location) for place in places for mention in place.mentions
             if mention.start < at and place.location.country == country and _level(place.location) == kind
             and place.location.kind != "country"]
    return max(named, key=lambda row: row[0])[1] if named else None


def _division_noun_after(text: str, after: int, reach: int, cues: Cues) -> tuple[re.Match | None, str | None]:
    """The first division noun among the ``reach`` words after ``after``, and its kind ("region", "city",
    "district"); (None, None) where there is none."""
    return next(((w, k) for w in islice(_WORD.finditer(text, after), reach)
                 if (k := actors_mod.division_kind(w.group(), cues.actor_divisions)) is not None), (None, None))


def _head_after(text: str, after: int, heads: re.Pattern, reach: int) -> bool:
    """Does a word that ``heads`` matches stand among the ``reach`` words after ``after``?"""
    return any(heads.match(m.group()) for m in islice(_WORD.finditer(text, after), reach))


def _country_resolver(places: Sequence[Place], extra: Callable[[str], Location | None]):
    by_country = {p.location.country: p.location for p in places if p.location.kind == "country"}

    def country_of(iso2: str) -> Location | None:
        iso2 = iso2.upper()
        if iso2 in by_country:
            return by_country[iso2]
        found = extra(iso2)
        if found is None:
            log.debug("no location for demonym country %s", iso2)
        return found

    return country_of


# -------------------------------------------------------------------------------------- triggers


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int
    end: int


def _word_gap(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end])) if end > start else 0


def _negated(text: str, trigger: Trigger, negatives: list[tuple[int, int, int, int]]) -> bool:
    """Is a negative cue within its window before (``wb`` words) or after (``wa`` words) the trigger?"""
    for s, e, wb, wa in negatives:
        if s < trigger.end and trigger.start < e:
            return True
        while e < trigger.start and text[e].isalpha():
            e += 1  # "invit|ed the akim to visit": count whole words from the cue's word
        if e <= trigger.start and _word_gap(text, e, trigger.start) < wb:
            return True
        end = trigger.end
        while end < len(text) and text[end].isalpha():
            end += 1  # "посетил|и более ... туристов": count from the end of the trigger's word
        if s >= trigger.end and _word_gap(text, end, s) < wa:
            return True
    return False


def _negative_cues(text: str, cues: Cues) -> list[tuple[int, int, int, int]]:
    out = []
    for pattern, before, after in ((cues.negative, cues.before_words, cues.after_words),
                                   (cues.negative_future, cues.future_before_words, cues.future_after_words)):
        if pattern:
            out += [(m.start(), m.end(), before, after) for m in pattern.finditer(text)]
    return out + _non_event_actors(text, cues)


def _non_event_actors(text: str, cues: Cues) -> list[tuple[int, int, int, int]]:
    """Words of actors whose trips are no official event ("tourists"), unless the word only says what kind
    another noun is ("the tourist information system", "tourist routes"): then it names no one who travelled;
    and people counted in thousands ("received more than 38,000 foreign guests"): a crowd, no delegation."""
    if not cues.non_event:
        return []
    return [(m.start(), m.end(), cues.before_words, cues.after_words) for m in cues.non_event.finditer(text)
            if not frames_mod.names_a_kind_of_thing(cues.lang, text, m.start(), m.end())
            and not _owns_the_means(text, m.start(), cues)] + [
        (s, e, cues.before_words, cues.after_words) for s, e in _crowds(text, cues)]


def _owns_the_means(text: str, start: int, cues: Cues) -> bool:
    """Is the actor's word at ``start`` a Kazakh genitive that owns the means of the event, not its traveller
    ("қандастардың шақыруымен барып": went at the invitation of the compatriots)?"""
    if cues.lang != "kk":
        return False
    words = list(islice(_WORD.finditer(text, start), 2))
    return len(words) == 2 and kk.GENITIVE.search(words[0].group().lower()) is not None \
        and kk.POSSESSED_INSTRUMENTAL.search(words[1].group().lower()) is not None


_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:[ ,.\u00a0]\d{3})+(?![\d])|(?<![\w.,])\d{4,}(?![\d.,])"
                        r"|(?<!\w)(?:thousands?|тысяч\w*|мыңдаған|мың)(?!\w)", re.IGNORECASE)
CROWD_NOUN_WORDS = 3  # "38,000 foreign guests", "2318 кандасов": the people noun a few words after the number
_YEARS = range(1900, 2101)


def _crowds(text: str, cues: Cues) -> list[tuple[int, int]]:
    """Spans of people counted in thousands: a number of a thousand or more (not a year) with a noun of people
    among the few words after it."""
    if cues.people is None:
        return []
    out = []
    for m in _THOUSANDS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits and (len(digits) < 4 or int(digits) in _YEARS):
            continue
        words = list(islice(_WORD.finditer(text, m.end()), CROWD_NOUN_WORDS))
        noun = next((w for w in words if cues.people.match(w.group().lower())), None)
        if noun is not None:
            out.append((m.start(), noun.end()))
    return out


def _lemma_triggers(text: str, cues: Cues, found: list[Trigger]) -> list[Trigger]:
    """Cue words by dictionary form ("ездила", "съездят" -> visit), where no pattern matched the word."""
    if not cues.kind_lemmas:
        return []
    out = []
    for m in _WORD.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in found):
            continue
        kind = cues.kind_lemmas.get(lemma(cues.lang, m.group()))
        if kind is not None:
            out.append(Trigger(kind, m.start(), m.end()))
    return out


_AFTER_AN_EVENT = re.compile(r"(?:after|following|после|по итогам)\b", re.IGNORECASE)
GENERIC_REACH_CHARS = 40  # "every official meeting": the quantifier and at most one word before the cue
GOING_BACK_WORDS_BEFORE, GOING_BACK_WORDS_AFTER = 1, 2  # "flew back to", "отправилась обратно в", "кері оралды"


def _triggers(text: str, cues: Cues, *, reported: bool = True
              ) -> tuple[list[Trigger], list[Trigger], list[Trigger]]:
    """(live triggers without overlaps, strongest kept; visit frames; the triggers of events that did not
    happen, which still own the places of their clause) of one sentence. ``reported``: whether
    the article has reported an event before this sentence; only then does "during the trip" point back
    to one (else it is how the trip is first told: "during his working trip to Altai, the ambassador ...").
    "At the meeting" names no parties, so it never starts an event of its own."""
    negatives = _negative_cues(text, cues)
    found = [Trigger(kind, m.start(), m.end()) for kind, pattern in cues.kinds for m in pattern.finditer(text)]
    found += _lemma_triggers(text, cues, found)
    if cues.sending:  # "a team of rescuers was sent to Hatay": people sent went there
        found += [Trigger("visit", s, e) for s, e in frames_mod.sends_people(
            cues.lang, text, cues.sending, _people_noun(cues), cues.people)
            if not any(t.start < e and s < t.end for t in found)]
    # "received an application", "принял решение": a verb of receiving whose object is a thing meets nobody
    found = [t for t in found if t.kind != "meeting" or not frames_mod.receives_a_thing(
        cues.lang, text, t.start, t.end, cues.people)]
    found = [t for t in found if not frames_mod.names_a_kind_of_thing(cues.lang, text, t.start, t.end)]
    if cues.generic_quantifier is not None:  # "discussed at nearly every meeting": no one meeting
        found = [t for t in found if not cues.generic_quantifier.search(text, max(0, t.start - GENERIC_REACH_CHARS),
                                                                        t.start)]
    # "where that road meets the railways": a verb of meeting whose subjects are things meets nobody (an event
    # that is not, whose clause's places are no one else's)
    party = _party_noun(cues, [])
    # (and "knitted garments went to Russia": a verb of travel whose subjects are things took nobody anywhere)
    done_by_things = {t for t in found if t.kind == "meeting" and frames_mod.met_by_things(
        cues.lang, text, t.start, t.end, cues.people, party)
        or t.kind == "visit" and frames_mod.moved_by_things(cues.lang, text, t.start, t.end, cues.people, party)}
    if cues.signing_frame and cues.signing_hint and cues.signing_hint.search(text):
        # the signing read from the parse: a verb and its document in any order ("Документ, подписанный ..."),
        # also beside a cue of another agreement ("подписали план ..., который наполнит побратимские отношения")
        agreements = [t for t in found if t.kind == "partnership"]
        found += [Trigger("partnership", s, e) for s, e in frames_mod.signings(cues.lang, text, cues.signing_frame)
                  if not any(t.start < e and s < t.end for t in agreements)]
    if cues.back_reference:  # "по итогам встречи ... подписан меморандум": the meeting was reported already
        refs = [(m.start(), m.end()) for m in cues.back_reference.finditer(text)]
        # (told for the first time, a visit named as a time is one, and so are talks told as past: "two days
        # after his meeting with the governor, the ambassador ...")
        found = [t for t in found if not any(s < t.end and t.start < e for s, e in refs)
                 or not reported and (t.kind == "visit" or t.kind == "meeting" and any(
                     s < t.end and t.start < e and _AFTER_AN_EVENT.match(text, s) for s, e in refs))]
    if reported:  # "that visit was organised with the help of the embassy": the visit told before, no new event
        documents = frozenset(cues.signing_frame.get("documents", ()))
        found = [t for t in found if not frames_mod.told_before(cues.lang, text, t.start, t.end, documents)]
    # "signed a memorandum by video link", "меморандумға бейнебайланыс арқылы қол қойылды": the link is how the
    # other event was held, no meeting of its own
    found = [t for t in found if not (t.kind == "meeting" and _means_of_another(text, t, found, cues))]
    found.sort(key=lambda t: (-_STRENGTH[t.kind], t.start))
    kept: list[Trigger] = []
    for t in found:  # strongest first, so an overlapping weaker reading is dropped
        if not any(t.start < k.end and k.start < t.end for k in kept):
            kept.append(t)
    going_back = [(m.start(), m.end(), GOING_BACK_WORDS_BEFORE, GOING_BACK_WORDS_AFTER)
                  for m in cues.going_back.finditer(text)] if cues.going_back else []
    # (only beside the trigger's own verb: "Баян-Өлгий аймағында болып, елге оралды" was there, then came home)
    dead = [t for t in kept if t in done_by_things or _not_happened(text, t, negatives, cues)
            or t.kind == "visit" and _negated(text, t, [g for g in going_back if not t.start <= g[0] < t.end
                                                        and _clause_of(text, g[0]) == _clause_of(text, t.start)])]
    live = sorted((t for t in kept if t not in dead), key=lambda t: t.start)
    frames = []
    if cues.visit_frame:
        for m in cues.visit_frame.finditer(text):
            frame = Trigger("visit", m.start(), m.end())
            if not _not_happened(text, frame, negatives, cues):
                frames.append(frame)
    # "прошла месячную стажировку в Сеуле": trainees went where they trained (a frame: their side may be the story's)
    frames += [Trigger("visit", s, e) for s, e in frames_mod.trained_at(cues.lang, text, cues.training)
               if not any(f.start < e and s < f.end for f in frames) and not any(
                   t.start < e and s < t.end for t in live)
               and not _not_happened(text, Trigger("visit", s, e), negatives, cues)]
    return live, frames, dead


REMOTE_REACH_CHARS = 30  # "онлайн кездесу өткізді", "held talks by video link": the word beside the meeting cue
MEANS_REACH_CHARS = 40  # "signed a memorandum on vocational training by video link"


def _means_of_another(text: str, trigger: Trigger, found: Sequence[Trigger], cues: Cues) -> bool:
    """Is this meeting cue written as the means of another event of the sentence ("by video link", "по
    видеосвязи", "бейнебайланыс арқылы")?"""
    def beside(t: Trigger) -> bool:  # the other event's cue in the same clause, a few words off
        lo, hi = (t.end, trigger.start) if t.end <= trigger.start else (trigger.end, t.start)
        return 0 <= hi - lo <= MEANS_REACH_CHARS and not re.search(r"[,;:()–—]", text[lo:hi])
    if not any(t.kind != "meeting" and beside(t) for t in found):
        return False
    before = cues.means_before is not None and cues.means_before.search(text, max(0, trigger.start - 20),
                                                                          trigger.start) is not None
    after = cues.means_after is not None and cues.means_after.match(text, trigger.end) is not None
    return before or after


def _not_happened(text: str, trigger: Trigger, negatives: list[tuple[int, int, int, int]], cues: Cues) -> bool:
    """The verb that carries the cue decides (tense, mood, negation, a governing verb of intent: see
    lang/realis.py); only where the clause has no verb that tells do the negative cue windows decide."""
    verdict = realis(cues.lang, text, trigger.start, trigger.end)
    if verdict == HABITUAL and trigger.kind == "partnership":
        verdict = None  # a tie that stands is told in the present ("Актау и Сумгаит являются побратимами")
    if verdict == ONGOING:
        verdict = HABITUAL if trigger.kind == "meeting" else None  # (see realis.ONGOING)
    if verdict in NOT_HAPPENED:
        return True
    if verdict == HAPPENED:  # only actors of no official event (tourists) still count against it
        return _negated(text, trigger, _non_event_actors(text, cues))
    return _negated(text, trigger, negatives)


def _clause_of(text: str, pos: int) -> int:
    return len(_CLAUSE_BREAK.findall(text, 0, pos))


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``text[pos]`` begins: past the last clause break before it."""
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)), default=0)


# a Kazakh clause opened by a contrastive conjunction: "..., ал Сарыағаш ауданы ...", "; бірақ ..."
_KK_CONTRAST = re.compile(r"[,;]\s*(?:ал|бірақ|алайда|дегенмен|әйтсе де)\s", re.IGNORECASE)


def _kk_contrasted_clause(text: str, cand: Candidate, owner: Trigger) -> bool:
    """Kazakh: does a contrastive conjunction open a clause between the place and its trigger, the place's clause
    having no trigger of its own (the trigger stands before that clause)?"""
    if owner.start > cand.start:
        return False  # (the verb-final trigger after the place is its own clause's predicate)
    return any(owner.end <= m.start() and m.end() <= cand.start for m in _KK_CONTRAST.finditer(text))


def _alone_after_a_semicolon(text: str, cand: Candidate, owner: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Does the place stand after a semicolon that follows its owner, in a stretch up to the next one with no
    cue of its own?"""
    semicolon = text.rfind(";", 0, cand.start)
    if semicolon < owner.end:
        return False
    end = text.find(";", cand.end)
    return not any(semicolon < t.start and (end < 0 or t.start < end) for t in triggers)


_LIST_ITEM_BREAK = re.compile(r",|;|\s(?:and|и|және)\s", re.IGNORECASE)
SUMMARY_LIST_ITEMS = 3  # "...: a Kazan agreement, a Punjab video call and Minsk on the horizon"
SUMMARY_ITEM_WORDS = 6  # each item a short noun phrase ("новое соглашение с белорусской столицей")


def _in_another_list_item(text: str, cand: Candidate, owner: Trigger) -> bool:
    """Does the place stand in one item of a list after a colon, and its owner in another ("Подборка новостей:
    новое соглашение с белорусской столицей, встреча с представителем ООН, перенесённый визит")? Each item is an
    event of its own, named to sum up the story: the meeting is not with Minsk."""
    colon = text.rfind(":", 0, cand.start)
    if colon < 0 or owner.start < colon:
        return False  # ("visited three cities: Bursa, Izmir and Ankara": the list is the visit's places)
    breaks = [colon + 1, *(m.start() for m in _LIST_ITEM_BREAK.finditer(text, colon + 1)), len(text)]
    if len(breaks) - 1 < SUMMARY_LIST_ITEMS or any(_word_gap(text, a, b) > SUMMARY_ITEM_WORDS
                                                   for a, b in pairwise(breaks)):
        return False  # (clauses, not a list of names: "жетті: әуежайдан шыққан бойда қонақтар Тбилисиде ...")
    item = next(i for i in range(len(breaks) - 1) if breaks[i] <= cand.start < breaks[i + 1])
    return not breaks[item] <= owner.start < breaks[item + 1]


# a relative clause of place after a comma: ", куда ...", ", where ...", ", to which ..."
_WHERE_TO = re.compile(r",\s+(?:" + "|".join(sorted(frames_mod.WHERE_TO)) + r"|to\s+which)\s", re.IGNORECASE)


def _owner(text: str, cand: Candidate, triggers: list[Trigger], *, verb_final: bool = False) -> Trigger:
    """The trigger a place belongs to: in its own clause the trigger it follows (or the clause's first
    one: "X and Y signed a memorandum"); in a clause without a trigger, the last trigger before it
    ("visited Tashkent, Samarkand and Bukhara"), else the first after it ("In Mexico, the ambassador met")."""
    clause = _clause_of(text, cand.start)
    if _WHERE_TO.match(text, cand.end):
        # "подписан в Баку, куда в тот же день с визитом прибыл Президент": the relative adverb's clause tells a
        # journey whose destination is the place it hangs from
        trip = [t for t in triggers if t.kind == "visit" and _clause_of(text, t.start) == clause + 1]
        if trip:
            return trip[0]
    same = [t for t in triggers if _clause_of(text, t.start) == clause]
    if same:
        before = [t for t in same if t.start <= cand.start]
        if verb_final:
            # Kazakh: the predicate follows its arguments, and the clause's last one is its main predicate
            # ("X мен Y бейнебайланыс арқылы меморандумға қол қойды": by video link, they signed)
            after = [t for t in same if t.start > cand.start]
            return after[-1] if after else before[-1]
        return before[-1] if before else same[0]
    before = [t for t in triggers if t.start <= cand.start]
    return before[-1] if before else triggers[0]


def _parties_of_signing(text: str, trigger: Trigger, group: list[Candidate], cands: list[Candidate], cues: Cues
                        ) -> tuple[list[Candidate], bool]:
    """The places of a signing are those the parse attaches to it (its subject, object, "with" and "between"
    phrases), wherever they stand in the sentence; the sentence's other places are no party to it. Returns
    (the parties, whether the parse decided); without a parse, or when the parse names only one side, the
    trigger's group by word order."""
    if cues.lang not in ("en", "ru"):
        return group, False
    scope = frames_mod.signing_scope(cues.lang, text, trigger.start, trigger.end, cues.signing_frame)
    if scope is None:
        return group, False
    parties = [c for c in cands if any(s < c.end and c.start < e for s, e in scope)]
    # a place the parse hangs in a loop has no role it can read: word order keeps it
    looped = set(frames_mod.detached(cues.lang, text, [(c.start, c.end) for c in group]))
    parties += [c for c in group if c not in parties and (c.start, c.end) in looped]
    if any(c.is_home for c in parties):
        return parties, True
    foreign = {c.location.key for c in parties if not c.is_home}
    if len(foreign) >= 2:
        return parties, True  # a foreign pair signed ("Khorezm signed with Konya"): no Kazakh side to borrow
    # one side named by a noun the parse cannot place ("signed a roadmap with the city"), or a subject the
    # parse attached elsewhere: the places of the signing's own clause, by word order ("received the Shymkent
    # delegation and signed a roadmap with the city"); never one from another clause ("..., а в августе
    # делегация Жамбылской области провела переговоры")
    clause = _clause_of(text, trigger.start)
    own_clause = [c for c in group if _clause_of(text, c.start) == clause]
    # (the parse's foreign party keeps its place beside the Kazakh one the clause names: "хоким Ферганской области
    # осмотрел ..., а вечером вместе с акимом Мактааральского района подписал протокол")
    if not own_clause:
        return parties, True  # "The document was signed by the head of the department, ..., and by the mayor of Gomel"
    return [*own_clause, *(c for c in parties if c not in own_clause and any(h.is_home for h in own_clause))], True


_KK_CLAUSE_OPENERS = re.compile(r"[:;]")


# a bare division noun as where a journey went: "қалаға" (to the city), "в город", "to the city"
_BARE_DESTINATION = {"kk": re.compile(r"(?<![\w-])(қала|облыс|өңір|аудан)(?:ға|ге|қа|ке)(?![\w-])", re.IGNORECASE),
                     "ru": re.compile(r"(?<![\w-])в\s+(город|област|регион|район)\w*", re.IGNORECASE),
                     "en": re.compile(r"(?<![\w-])to\s+the\s+(city|region|province|town)\b", re.IGNORECASE)}


def _destination_by_kind(text: str, trigger: Trigger, cues: Cues, ctx: _Context, offset: int) -> Location | None:
    """Where a journey told with a bare division noun went ("өткен айда қалаға Измирден делегация келді"): the
    place of that kind named last before it, the way a bare signing side is read."""
    pattern = _BARE_DESTINATION.get(cues.lang)
    clause = _clause_of(text, trigger.start)
    for m in pattern.finditer(text) if pattern else ():
        if _clause_of(text, m.start()) != clause:
            continue
        return actors_mod.named_last(ctx.named, actors_mod.division_kind(m.group(1), cues.actor_divisions),
                                     offset + m.start())
    return None


def _bare_division(word: str, cues: Cues) -> bool:
    """Is the word a division noun in the nominative ("облыс", "қала"; "область", "город")?"""
    folded = word.casefold()
    if cues.lang == "kk":
        return any(folded in stems for stems in cues.actor_divisions.values())
    if not folded.startswith(tuple(stem for stems in cues.actor_divisions.values() for stem in stems)):
        return False
    return ru.morph_vocab().parse(folded)[0].tag.case == "nomn"


def _signing_side_by_kind(text: str, trigger: Trigger, cues: Cues, ctx: _Context, offset: int, *,
                          foreign_before: bool = False) -> Location | None:
    """The side of a signing done by a bare division noun ("в 2019 году область подписала соглашение с ...",
    "in 2021 the city signed", "2019 жылы қала ... келісімге қол қойған"): the place of that kind named last
    before it, home or foreign, the way "облыс әкімі" names its region; or by a bare noun of the body the story
    is about ("the institute signed"): the story's side. From the parse in English and Russian; in Kazakh, such
    a noun in the nominative before the trigger in its clause with no name right before it ("Түркістан қаласы"
    names its side itself)."""
    found: tuple[str, int] | None = None
    if cues.lang != "kk" and cues.signing_frame and not foreign_before \
            and frames_mod.local_signer(cues.lang, text, trigger.start, trigger.end, cues.signing_frame):
        return ctx.actor_home  # "местный завод подписал соглашение с компанией из Чэнду": the story's own town's
    if cues.lang != "kk" and cues.signing_frame:
        found = frames_mod.signing_anaphor(cues.lang, text, trigger.start, trigger.end, cues.signing_frame,
                                           cues.institutions)
    if found is None and cues.lang in ("kk", "ru"):  # (the Russian parse of a long sentence may miss the subject)
        found = _bare_noun_before(text, trigger, lambda word: _bare_division(word, cues))
    if found is None and cues.lang == "kk":  # "университет ... меморандумға қол қойды"
        found = _bare_noun_before(text, trigger, lambda word: word.casefold() in cues.institutions)
    if found is None:
        return None
    word, at = found
    if word.casefold() in _STORYS_OWN_SIGNER or lemma(cues.lang, word).lower() in _STORYS_OWN_SIGNER:
        # "In 2021 it signed an agreement with China's Gansu province", "the akimat signed"; but "Hévíz has done
        # this before: last year it signed ..." is the foreign party the sentence named first
        return None if foreign_before else ctx.actor_home
    if lemma(cues.lang, word).lower() in cues.institutions or word.casefold() in cues.institutions:
        # "the institute signed": the story's own body, whose article follows its home ("Shymkent institute
        # turns thirty")
        return ctx.actor_home
    return actors_mod.named_last(ctx.named, actors_mod.division_kind(word, cues.actor_divisions), offset + at)


_STORYS_OWN_SIGNER = frozenset({"it", "akimat", "акимат"})  # a body or place with no name: the story's own side
_EN_BARE_DIVISION = re.compile(r"(?:the|our)\s+(district|city|town|region)\s+$", re.IGNORECASE)


def _receiving_side_by_kind(text: str, trigger: Trigger, cues: Cues, ctx: _Context, offset: int) -> Location | None:
    """The host of a receiving verb given by a bare division noun ("the district received a group of farmers",
    "аудан ... қонақтарды қабылдады"): the Kazakh place of that kind named last before it (only a Kazakh one
    hosts: the visitors are the other side)."""
    if cues.lang == "en":
        m = _EN_BARE_DIVISION.search(text, _clause_start(text, trigger.start), trigger.start)
        found = (m.group(1), m.start(1)) if m else None
    else:
        found = _bare_noun_before(text, trigger, lambda word: _bare_division(word, cues))
    if found is None:
        return None
    word, at = found
    return actors_mod.named_last([n for n in ctx.named if n[2].country == HOME_COUNTRY],
                                 actors_mod.division_kind(word, cues.actor_divisions), offset + at)


def _bare_noun_before(text: str, trigger: Trigger, accepts: Callable[[str], bool]) -> tuple[str, int] | None:
    """(word, offset) of the first word before the trigger in its clause that ``accepts`` takes, with no
    capitalised word right before it (a name that makes it a name's part: "Түркістан қаласы")."""
    words = list(_WORD.finditer(text, _clause_start(text, trigger.start), trigger.start))
    return next(((w.group(), w.start()) for k, w in enumerate(words) if accepts(w.group())
                 and (k == 0 or not words[k - 1].group()[:1].isupper())), None)


def _foreign_subject_without_home(text: str, trigger: Trigger, cands: Sequence[Candidate], cues: Cues) -> bool:
    """Is the tie or the talks a foreign place's own: the subject of the predicate that carries the cue is a
    named foreign place, and no Kazakh place or actor stands in that predicate's clause? (English and Russian,
    from the parse.)"""
    if cues.lang not in ("en", "ru"):
        return False
    roles = frames_mod.predicate_roles(cues.lang, text, trigger.start, trigger.end)
    if roles is None:
        return False
    subject, clause = roles

    def inside(c: Candidate, ranges: list[tuple[int, int]]) -> bool:
        return any(s < c.end and c.start < e for s, e in ranges)

    if any(c.is_home and not _excluded(text, c) for c in cands if inside(c, clause)):
        return False
    in_subject = [c for c in cands if inside(c, subject)]
    if in_subject:
        return all(not c.is_home and not c.actor for c in in_subject)
    # the subjects are people or bodies of two foreign places: "власти Урумчи и Бишкека подписали", "мэр
    # таджикской столицы и хоким Ташкента скрепили подписями договор"
    owners = [[c for c in cands if inside(c, ranges)] for ranges in
              frames_mod.subjects_owners(cues.lang, text, trigger.start, trigger.end) or []]
    places = {c.location.key for group in owners for c in group}
    return len(places) >= 2 and all(not c.is_home and not c.actor for group in owners for c in group)


_EXCLUDING = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(
    {*en.EXCLUDING, *ru.EXCLUDING}, key=len, reverse=True))) + r")\s+$", re.IGNORECASE)


def _excluded(text: str, cand: Candidate) -> bool:
    """Is the place written as one that takes no part ("Без участия Казахстана", "outside Kazakhstan")?"""
    return bool(_EXCLUDING.search(text, max(0, cand.start - 40), cand.start))


KK_PAIR_REACH_WORDS = 6  # "X-тың Y қаласымен көптен бері бауырлас": the pair stands a few words before its cue


def _foreign_pair_by_case(text: str, trigger: Trigger, cands: Sequence[Candidate], cues: Cues) -> bool:
    """Kazakh names a partnership's two sides by case, right before its cue: the genitive one and the one
    "with" it ("Батумидің Одесса қаласымен ... бауырлас"). Are both foreign? Then it is their tie."""
    if cues.lang != "kk":
        return False
    clause_start = _clause_start(text, trigger.start)
    before = [c for c in cands if clause_start <= c.start and c.end <= trigger.start
              and _word_gap(text, c.end, trigger.start) <= KK_PAIR_REACH_WORDS]
    with_ = [c for c in before if _met_with(text, c.start, c.end, cues) or _met_with_head(text, c.end, cues)]
    # (a country in the genitive right before its own city says where it lies: "Түркияның Бурса қаласымен")
    of = [c for c in before if text[c.start:c.end + 12].split()[0].casefold().endswith(kk.GENITIVE_ENDINGS)
          and not any(0 <= w.start - c.end <= 1 and c.location.kind == "country"
                      and w.location.country == c.location.country for w in with_)]
    if bool(with_) and bool(of) and all(not c.is_home for c in (*with_, *of)) and not any(c.is_home for c in before):
        return True
    # "Кения мен Өзбекстанның министрліктері арасында ... келісімге қол қойылған": the two sides "between" which it
    # was signed, joined by "мен", are both foreign
    # "Ыстамбұл мен Баку муниципалитеттері ... қол қойды": two foreign places joined by "мен", unmarked for case
    # (the subject, or the nouns of one), open the clause of the cue and no Kazakh place stands in it
    opening = sorted((c for c in cands if clause_start <= c.start and c.end <= trigger.start and not c.locative),
                     key=lambda c: c.start)
    if len(opening) >= 2 and not any(c.is_home for c in opening) and _kk_unmarked(text, opening[1]) \
            and len(text[opening[0].end:opening[1].start].split()) == 1 \
            and _KK_AND.fullmatch(text[opening[0].end:opening[1].start].strip()) \
            and not _WORD.search(_KK_CLAUSE_LEAD.sub("", text[clause_start:opening[0].start])):
        return True
    between = _KK_BETWEEN.search(text, clause_start, trigger.start)
    if between is None:
        return False
    sides = [c for c in cands if clause_start <= c.start and c.end <= between.start()]
    def joined(a: Candidate, b: Candidate) -> bool:  # "Кения мен Өзбекстан"
        words = text[a.end:b.start].split()
        return len(words) == 1 and bool(_KK_AND.fullmatch(words[0]))
    return not any(c.is_home for c in sides) and any(
        joined(a, b) and _word_gap(text, b.end, between.start()) <= KK_PAIR_REACH_WORDS for a, b in pairwise(sides))


# what may stand before a clause's subject: a time or a place of the event ("сәрсенбі күні", "Ыстамбұлда")
_KK_CLAUSE_LEAD = re.compile(r"[\w-]+(?:да|де|та|те|нда|нде)\b|[\w-]+\s+күні\b|\d+[\w-]*|[,\s]+", re.IGNORECASE)


def _kk_unmarked(text: str, cand: Candidate) -> bool:
    """Kazakh: does the place's word end with no case ending after its name ("Баку", "Баку муниципалитеттері")?"""
    return _word_end(text, cand.end) == cand.end


_KK_BETWEEN = re.compile(r"(?<![\w-])арасында(?:ғы)?(?![\w-])", re.IGNORECASE)
_KK_AND = re.compile(r"(?:мен|пен|бен|және)", re.IGNORECASE)


def _with_the_partner_alone(text: str, trigger: Trigger, cands: Sequence[Candidate], partners: Sequence[Location],
                            cues: Cues) -> bool:
    """Is every place of the sentence a partner named by its name, each written as the one "with" whom the
    agreement the cue names was made ("the memorandum with Bukhara", "Бұхарамен ... қол қойылған меморандум")?
    (A demonym is not: "подписавший документ с российской стороны" says who signed; nor "the city's growing ties
    with Turkey, ... a signed document", the "with" of another noun.)"""
    keys = {p.key for p in partners}
    return bool(cands) and all(
        c.location.key in keys and text[c.start:c.start + 1].isupper()
        and _the_agreements_counterpart(text, trigger, c, cues) for c in cands)


KK_LABEL_WORDS = 2  # a paragraph's label is a word or two after its place, with no predicate


def _the_agreements_counterpart(text: str, trigger: Trigger, cand: Candidate, cues: Cues) -> bool:
    """Is the place written "with" an agreement: with its document or signing verb in English and Russian ("the
    memorandum with Bukhara", "that the region signed with Khovd province"), before the cue in its clause with the
    comitative in Kazakh ("Бұхарамен 2021 жылы қол қойылған меморандум")?"""
    if cues.lang == "kk":
        return cand.end <= trigger.start and _met_with(text, cand.start, cand.end, cues) \
            and not re.search(r"[,;:]", text[cand.end:trigger.start]) \
            and _word_gap(text, cand.end, trigger.start) <= KK_PAIR_REACH_WORDS \
            and len(_WORD.findall(text, cand.end)) > KK_LABEL_WORDS  # (not a label: "Коньямен бауырластық.")
    return frames_mod.agreements_counterpart(cues.lang, text, cand.start, cand.end, cues.signing_frame)


def _met_with_head(text: str, end: int, cues: Cues) -> bool:
    """The word after a place is its head noun with the comitative: "Одесса қаласымен"."""
    nxt = _WORD.match(text, end + 1) if end < len(text) and text[end] == " " else None
    return nxt is not None and nxt.group().casefold().endswith(kk.COMITATIVE_ENDINGS)


def _guests_abroad(text: str, trigger: Trigger, group: list[Candidate], homes: list[Candidate], cues: Cues
                   ) -> bool:
    """Kazakh, read without a parse: "Бусан делегациясы Алматыға келді: қонақтар Бішкекте болып, ...
    меморандумға қол қойған" - where the sentence has a Kazakh side receive ("Алматыға", "Алматыда"), the
    guests are the foreign visitors, and what they did in a clause of their own naming foreign places only
    is theirs. (Where a Kazakh delegation travels, the hosts call it the guests: "қонақтар Новосібірге
    аттанды" is the story's side.)"""
    if cues.lang != "kk" or not group or any(c.is_home for c in group):
        return False
    if not any(text[c.start:c.end].casefold().endswith(kk.RECEIVING_CASES) for c in homes):
        return False
    opener = max((m.end() for m in _KK_CLAUSE_OPENERS.finditer(text, 0, trigger.start)), default=0)
    return any(w.casefold().startswith(kk.GUEST_WORDS) for w in _WORD.findall(text[opener:trigger.start]))


def _our_guests_elsewhere(text: str, trigger: Trigger, group: Sequence[Candidate], cues: Cues, ctx: _Context
                          ) -> bool:
    """While the story follows foreign guests around Kazakhstan, what "the guests" or "they" did in another
    foreign place ("Before flying in, the guests had also spent two days in Samarkand, where they signed a
    similar memorandum") is their own trip, not a tie of ours: the subject of the event's verb is the guests
    (Russian and English, by the parse) and the sentence writes no Kazakh place as a side. The Kazakh place
    the story has them at, written as where they set off from, is none ("Из Шымкента делегация отправилась в
    Ташкент")."""
    if ctx.guests is None or ctx.trip_abroad is not None or not cues.whereabouts or ctx.event is None:
        return False
    here = ctx.event[0]
    left_here = [c for c in group if c.is_home and c.origin and _same_side(c.location, here)
                 and not _named_after_its_delegation(text, c, cues)]
    if any(c.is_home and not c.actor and c not in left_here for c in group) \
            or not any(not c.is_home and c.location.key != ctx.guests.key for c in group):
        return False
    # (the guests by name only: "the delegation" and "they" may be our own party, told of on its earlier trip,
    # unless they leave the place the story has the guests at)
    return frames_mod.subject_among(cues.lang, text, trigger.start, trigger.end,
                                    _GUEST_LEMMAS + (_DELEGATION_LEMMAS if left_here else ()))


_GUEST_LEMMAS = ("guest", "visitor", "гость", "посетитель")  # people who came to a host
_DELEGATION_LEMMAS = ("delegation", "делегация")


def _foreign_traveller_elsewhere(text: str, trigger: Trigger, group: Sequence[Candidate], cues: Cues) -> bool:
    """A person the story knows to be of a foreign place, the subject of a journey to or from another foreign
    place ("Ковальская [the mayor of Łódź] вернулась из китайского Чэнду"), made a trip of that place's own: no
    tie of ours, when no Kazakh place is a side of it (Russian and English: the subject by the parse, else the
    person who opens the verb's clause)."""
    if trigger.kind != "visit" or cues.lang == "kk" or any(c.is_home and not c.actor for c in group):
        return False
    travellers = [c for c in group if c.actor and not c.is_home]
    if not travellers:
        return False
    roles = frames_mod.predicate_roles(cues.lang, text, trigger.start, trigger.end)
    subjects = [c for c in travellers if roles is not None and any(s < c.end and c.start < e for s, e in roles[0])
                or c.end <= trigger.start and _clause_start(text, trigger.start) <= c.start
                and not any(o.end <= trigger.start and o.start < c.start for o in group)]
    # (the traveller's region holds the place the party came from: "делегация из Гулистана во главе с заместителем
    # хокима Сырдарьинской области" is one party, of one place)
    return bool(subjects) and all(
        any(not _within(c.location, s.location) and not _within(s.location, c.location)
            and not _in_region(c.location, s.location) for s in subjects)
        for c in group if not c.actor) and any(not c.actor for c in group)


PARTY_ADJECTIVE_CHARS = 30  # "турецкие | гости": the country's adjective a word or two before the party's noun


def _party_going_home(text: str, start: int, end: int, group: Sequence[Candidate], cues: Cues) -> bool:
    """A party the sentence gives a foreign country by its adjective, the subject of the journey verb at
    ``start``-``end`` to a place of that country ("В среду утром турецкие гости вылетели в Стамбул", "the Turkish
    guests flew to Istanbul"), went home: no tie of ours, when no Kazakh place is a side of it (Russian and English:
    the subject by the parse)."""
    if cues.lang == "kk" or any(c.is_home for c in group):
        return False
    if any(c.origin for c in group):
        return False  # (not where they came from: "the Malaysian guests arrived from Johor Bahru" came here)
    countries = [c for c in group if c.location.kind == "country" and not (c.locative or c.actor)]
    went = [c for c in group if c not in countries]
    if not countries or not went or not all(any(_within(c.location, t.location) for t in countries) for c in went):
        return False  # (first what needs no parse)
    roles = frames_mod.predicate_roles(cues.lang, text, start, end)
    if not roles or not roles[0]:
        return False
    subject = roles[0][0][0]
    theirs = [c for c in countries if c.end <= subject and subject - c.end <= PARTY_ADJECTIVE_CHARS
              and not re.search(r"[,;:()]", text[c.end:subject])]
    return bool(theirs) and all(any(_within(c.location, t.location) for t in theirs) for c in went)


def _standing(text: str, trigger: Trigger, cues: Cues) -> bool:
    """Does this partnership cue name a relation that already stands ("their sister-city relationship", "have
    been partners since 2019") rather than one made now ("became sister cities", "signed a memorandum")?"""
    return bool(cues.standing_relation and cues.standing_relation.match(text, trigger.start)) \
        and realis(cues.lang, text, trigger.start, trigger.end) != HAPPENED


def _at_the_level_of_the_anaphor(sentence: Sentence, cues: Cues, ctx: _Context, pair: tuple[Location, Location]
                                 ) -> tuple[Location, list[Location], bool]:
    """The story's pair as "the sides" name it: "the two countries", "обе страны", "екі ел" are the pair's
    countries ("Kazakhstan's ambassador recalled that the two countries had signed an agreement"), any other
    anaphor the pair itself. Returns (home, [partner], carried)."""
    home, partner = pair
    named = [m.group() for m in cues.sides.finditer(sentence.text)] if cues.sides else []
    if any(word.casefold().startswith(cues.sides_countries) for found in named for word in found.split()[1:]):
        home_country, partner_country = ctx.country_of(home.country or ""), ctx.country_of(partner.country or "")
        if home_country is not None and partner_country is not None:
            ctx.between_countries.add(sentence.start)
            return home_country, [partner_country], True
    return home, [partner], True


def _remote(text: str, trigger: Trigger, cues: Cues) -> bool:
    """Are the talks of the trigger held remotely ("a video conference with", "онлайн кездесу")?"""
    return cues.remote is not None and cues.remote.search(
        text, max(0, trigger.start - REMOTE_REACH_CHARS), trigger.end + REMOTE_REACH_CHARS) is not None


def _sides_met(text: str, trigger: Trigger, cues: Cues) -> bool:
    """Are "the sides" ("the two mayors", "екі қаланың басшылары", "стороны") the subject of this meeting: in its
    clause, before it (Kazakh, English) or right after it (Russian: "встретились стороны")?"""
    if cues.sides is None:
        return False
    clause = _clause_of(text, trigger.start)
    return any(_clause_of(text, m.start()) == clause and (m.end() <= trigger.start or m.start() - trigger.end <= 2)
               for m in cues.sides.finditer(text))


ARRIVED_FROM_WORDS = 4  # "Анкарадан тау-кен мамандары келіп": the place of origin a few words before the verb
_KK_COMING = re.compile(r"(?<![\w-])кел[\w-]*", re.IGNORECASE)  # the verb "to come" and its forms
_KK_CAME_PARTICIPLE = re.compile(r"келген\w*", re.IGNORECASE)  # "Сеулден келген топ": the group from Seoul
_KK_COMING_BACK = re.compile(r"(?:қайтып|оралып)\s+$", re.IGNORECASE)  # "қайтып келді": came back, a return


def _people_came_from(text: str, cand: Candidate, cues: Cues, trigger: Trigger | None = None, *,
                      own: bool = False) -> bool:
    """Is the foreign place where people came from in person: people "from" it who are their clause's subject
    ("a team of surgeons from Ankara arrived", "musicians from Bishkek met pupils"), the source of the verb of
    coming whose subject is people ("из Ташкента приехали руководители санаториев"), in Kazakh the ablative
    before a verb of coming ("Анкарадан мамандар келіп", "Сеулден келген топ")? With ``own``, only where the
    place is theirs, written with the people ("a team from Seoul", Kazakh "Сеулден келген топ"), not where a
    journey only began ("Самарқаннан келді": they came on from Samarkand)."""
    if not cand.origin or cand.is_home:
        return False
    if cues.lang == "kk":
        coming = _KK_COMING.search(text, cand.end)
        return coming is not None and _word_gap(text, cand.end, coming.start()) <= ARRIVED_FROM_WORDS \
            and not _CLAUSE_OR_SENTENCE_BREAK.search(text, cand.end, coming.start()) \
            and not _KK_COMING_BACK.search(text, 0, coming.start()) \
            and not (own and not _KK_CAME_PARTICIPLE.fullmatch(coming.group()))
    people = _people_noun(cues)
    return frames_mod.party_home(cues.lang, text, cand.start, cand.end, people) or not own and trigger is not None \
        and frames_mod.people_came_from(cues.lang, text, cand.start, cand.end, trigger.start, trigger.end, people)


def _came_from_abroad(text: str, trigger: Trigger, group: Sequence[Candidate], cues: Cues, ctx: _Context) -> bool:
    """Did people of the event come from abroad with no Kazakh place named as where they came ("a team of
    surgeons from Ankara arrived on 4 February and operated alongside our doctors", "Анкарадан мамандар
    келіп")? They came to the place the story follows. Only where every foreign place of the event is where its
    people came from, and the story does not follow a trip abroad."""
    # (a person of the party's country, its leader, is of the party: "... во главе с заместителем хокима области")
    origins = {c.location.country for c in group if not c.is_home and c.origin}
    # (so is the party's own country, written as what it is: "the Hungarian contingent, a group from Kecskemét")
    foreign = [c for c in group if not c.is_home and not ((c.actor or c.location.kind == "country" and not c.locative)
                                                          and c.location.country in origins)]
    # ("район посетила делегация из узбекского Гулистана": a delegation from there, visiting the story's district)
    return bool(foreign) and ctx.trip_abroad is None and all(c.origin for c in foreign) \
        and any(_people_came_from(text, c, cues, trigger)
                or trigger.kind == "visit" and _delegation_of(text, c, cues) for c in foreign)


def _delegation_before(text: str, trigger: Trigger, cues: Cues, words: int = 6, *, met_elsewhere: bool = False
                       ) -> bool:
    """Is a delegation the subject of this trigger: named in the same clause, a few words before it? One met
    with ("делегациясымен кездесті") travelled too, to the Kazakh side, unless the talks were held in another
    Kazakh place (``met_elsewhere``: "in Astana, at the business council")."""
    if cues.delegation is None:
        return False
    clause = _clause_of(text, trigger.start)
    return any(m.end() <= trigger.start and _clause_of(text, m.start()) == clause
               and _word_gap(text, m.end(), trigger.start) < words
               and not (met_elsewhere and _met_with(text, m.start(), m.end(), cues))
               for m in cues.delegation.finditer(text))


DELEGATION_OF_WORDS = 2  # "Khorasan Razavi delegation", "делегация Хорезмской области", "delegation from Bursa"
DELEGATION_FROM_WORDS = 6  # a place of origin before a delegation: "Ұланбатырдан форумға арнайы келген ... делегациясы"


# "делегация из узбекского Гулистана": "from" and the adjective of the place's country between them
_FROM_A_COUNTRYS = re.compile(r"\s+из\s+" + _RU_RELATIVE_ADJECTIVE + r"\s+", re.IGNORECASE)


def _delegation_of(text: str, cand: Candidate, cues: Cues) -> bool:
    """Is the place the origin of a delegation written beside it: "the Khorasan Razavi delegation", "a
    delegation from Bursa", "делегация Ферганской области", "Ганьсу делегациясы"? Such a party travelled."""
    if cues.delegation is None:
        return False
    before_reach = DELEGATION_FROM_WORDS if cand.origin else DELEGATION_OF_WORDS
    for m in cues.delegation.finditer(text):
        if m.start() >= cand.end and _word_gap(text, cand.end, m.start()) <= before_reach \
                and not _CLAUSE_OR_SENTENCE_BREAK.search(text, cand.end, m.start()):
            return True  # the place before its delegation (also Kazakh, head-final)
    return _named_after_its_delegation(text, cand, cues)


def _a_kazakh_party(text: str, cands: Sequence[Candidate], cues: Cues) -> bool:
    """Does the sentence name a Kazakh party: a Kazakh place written as where a journey set off, or as its
    delegation's ("A delegation of the Kentau akimat visited Ekibastuz")?"""
    return any(c.is_home and (c.origin or _delegation_of(text, c, cues)) for c in cands)


def _named_after_its_delegation(text: str, cand: Candidate, cues: Cues) -> bool:
    """English and Russian: is the place written after a delegation noun as whose the delegation is ("a business
    delegation from Shymkent", "делегация Ферганской области", "делегация из Навои"), not where it went or set off
    from ("Из Шымкента делегация отправилась в Ташкент")?"""
    if cues.delegation is None or cues.lang == "kk":
        return False
    return any(m.end() <= cand.start and (
        _of_the_delegation(text, _word_end(text, m.end()), cand.start, cues.lang)
        or _FROM_A_COUNTRYS.fullmatch(text, _word_end(text, m.end()), cand.start) is not None)
        and not _CLAUSE_OR_SENTENCE_BREAK.search(text, m.end(), cand.start)
        and (cues.lang == "ru" or re.search(r"\b(?:of|from)\s+(?:the\s+)?$", text[m.end():cand.start]))
        for m in cues.delegation.finditer(text))  # "delegation of/from X", "делегация X" (the genitive or "из X")


def _of_the_delegation(text: str, start: int, end: int, lang: str) -> bool:
    """Do the words between a delegation noun and a place say whose the delegation is: few, and in Russian a
    genitive chain ("делегация палаты ремёсел Лейпцига"), not a verb and its preposition ("делегация
    отправилась в Тюлькубасский район", where it went)?"""
    words = _WORD.findall(text[start:end])
    return len(words) <= DELEGATION_OF_WORDS and (
        lang != "ru" or all(ru.is_genitive(w) or w.casefold() in ru.ORIGIN_PREPOSITIONS for w in words))


def _met_with(text: str, start: int, end: int, cues: Cues) -> bool:
    """Is the word at ``start:end`` the one met with, not the one who went ("делегациясымен кездесті",
    "с делегацией ... встретился")?"""
    word_end = _WORD.match(text, start)
    whole = text[start:word_end.end()] if word_end else text[start:end]
    if cues.lang == "kk":
        return whole.casefold().endswith(kk.COMITATIVE_ENDINGS)
    before = _WORD.findall(text[max(0, start - 12):start])
    return bool(before) and before[-1].casefold() in ("с", "со", "with")


def _nearest_actor_is_resident(text: str, at: Trigger, cues: Cues) -> bool:
    """Is the actor who went on a visit an envoy living abroad (so: no border crossed)? The one who went is the
    actor nearest before the cue, not one met with ("the consul visited Kayseri, where she met the mayor", "посол
    ... совершил поездку в провинцию Конья, где провёл переговоры с губернатором"); failing one, the nearest."""
    before, after = [], []
    for pattern, resident in ((cues.resident_abroad, True), (cues.travelling, False)):
        for m in pattern.finditer(text) if pattern else ():
            if m.end() <= at.start:
                if not _met_with(text, m.start(), m.end(), cues):
                    before.append((at.start - m.end(), resident))
            else:
                after.append((abs(m.start() - at.end), resident))
    return min(before or after or [(0, False)])[1]


# ---------------------------------------------------------------------------------- the extractor


Days = tuple[date, date]  # first and last day of what a sentence dates ("May 20-22": three days)


@dataclass(slots=True)
class _Context:
    """What earlier sentences of the article established."""

    actor_home: Location | None = None  # home of the last visit or meeting
    visit: tuple[Location, Location] | None = None  # (home, partner) of the last visit
    event: tuple[Location, Location] | None = None  # (home, partner) of the last visit or meeting
    links: list[Link] = field(default_factory=list)
    carried: set[tuple[str, str, str]] = field(default_factory=set)  # (kind, home, partner) of homes not written
    standing: set[tuple[int, str]] = field(default_factory=set)  # (sentence start, home) of standing partnerships
    sentence_no: dict[int, int] = field(default_factory=dict)  # sentence start -> its number in the article
    own_time: dict[int, Days | FoundPeriod] = field(default_factory=dict)  # sentence start -> the time it writes
    date_source: dict[int, int] = field(default_factory=dict)  # sentence start -> FROM_LEAD / ... of its date
    lead_told: bool = False  # the lead's date is a day the body writes ("on Friday morning"), not the filing
    held_at_home: set[int] = field(default_factory=set)  # sentence starts of talks held in Kazakhstan
    on_sidelines: set[int] = field(default_factory=set)  # sentence starts of talks on the sidelines of an event
    # (sentence start, place key) of a signing's venue a relative clause makes a trip's destination ("signed in
    # Minsk, where the delegation had come")
    signed_on_trip: set[tuple[int, str]] = field(default_factory=set)
    with_envoy: set[int] = field(default_factory=set)  # sentence starts of talks with a foreign envoy
    # (sentence start, side key) of talks our envoy abroad held ("Посол Казахстана в Пакистане встретился с
    # министром"): the posting's, no part of a state visit the sentence recalls
    envoy_abroad: set[tuple[int, str]] = field(default_factory=set)
    # (offset, the kind it is named as, place) of every mention, in order: "Навоий облысы" is named as a region
    # even where the gazetteer has only the city
    named: list[tuple[int, str, Location]] = field(default_factory=list)
    # keys of the places the article names only as where a forum or fair was held ("at the forum in Samarkand"),
    # read on first use (most articles never ask)
    venues_only: Callable[[], frozenset[str]] = frozenset
    reference: date | None = None  # the article's date
    # (sentence start, kind, home, partner) -> the time the clause of the link's trigger writes
    clause_time: dict[tuple[int, str, str, str], Days | FoundPeriod] = field(default_factory=dict)
    cue_at: dict[tuple[int, str, str, str], int] = field(default_factory=dict)  # ... -> where its trigger stands
    # (outer, inner) keys of places the text writes one inside the other ("the Nookat district of the Osh
    # region", "Түркістан облысының Ордабасы ауданы"): the inner one is the more specific end of a link
    contains: set[tuple[str, str]] = field(default_factory=set)
    envoy_country: Location | None = None  # the foreign country of the envoy the article introduced last
    # the Kazakh side whose party is abroad: its last visit went to a foreign place (not a foreign party's to us)
    trip_abroad: Location | None = None
    # the foreign side whose party the story follows around Kazakhstan: its last visit came to a Kazakh place
    guests: Location | None = None
    legs: set[tuple[int, str, str]] = field(default_factory=set)  # (sentence start, home, partner) of trip stops
    # (sentence start, country key) -> the one city or region of that country the sentence names as no venue
    # ("гости из Гянджи ... глава второго по величине города Азербайджана подписали"): where an agreement said to
    # be with the country was made
    named_inside: dict[tuple[int, str], Location] = field(default_factory=dict)
    national: set[int] = field(default_factory=set)  # sentence starts that name an office of the state (a minister)
    states_only: set[int] = field(default_factory=set)  # of those, the ones that name no region, city or district
    lead_end: int = 0  # where the headline and lead end (``TOPIC_LEAD_CHARS``): the story's own partners are there
    headline_end: int = 0  # where the headline ends (0 without one): it sums the story up, whenever its events were
    # whether the headline tells of a forum, fair or festival held in a Kazakh place: talks held with a delegation
    # there are on its sidelines ("met the Konya delegation"), though one the akim receives is a visit that came
    # for it ("принял делегацию министерства культуры Венгрии")
    event_at_home: bool = False
    # (our side, sentence number) of the last agreement told with our side alone ("в Шымкенте подписан меморандум")
    announced: tuple[Location, int] | None = None
    country_of: Callable[[str], Location | None] = lambda _iso: None  # a country's Location by its ISO code
    # sentence starts whose agreement "the two countries" signed: the states' own, which no town's agreement
    # of the same countries stands in for (see _reduce)
    between_countries: set[int] = field(default_factory=set)
    # (sentence start, partner key) of visits whose Kazakh side the sentence writes as where they came: the
    # visitors' country stands for the place they came from
    came_here: set[tuple[int, str]] = field(default_factory=set)
    cued: bool = False  # whether the sentence read last has cues of its own (live, framing or not happened)
    next_sentence: Sentence | None = None  # the sentence after the one read, in its paragraph (None at its end)
    # (offset, place) of every mention of a foreign place, in order (what the next sentence names)
    mentions_abroad: list[tuple[int, Location]] = field(default_factory=list)
    first_person: bool = False  # whether it is of an interview's answers or a first-person account: "we" travel
    live_kinds: frozenset[str] = frozenset()  # the kinds of its live cues, when none is of an event that did not happen


_AND = sorted({*en.AND_PHRASES, *ru.AND_PHRASES, *kk.AND_PHRASES}, key=len, reverse=True)  # longest first
_COORDINATOR = re.compile(r"\s*(?:,|" + "|".join(map(re.escape, _AND)) + r")\s*", re.IGNORECASE)


# a conjunction right before a cue: the cue is a second predicate of the clause before it
_VERB_COORDINATION = re.compile(r"(?:,\s*|\s)(?:and|also|и|а также|және|әрі)\s+(?:also\s+|then\s+|затем\s+|также\s+)?$",
                                re.IGNORECASE)


_PAIR_JOIN = re.compile(r"\s*(?:" + "|".join(map(re.escape, sorted(
    {*en.PAIR_JOINS, *ru.PAIR_JOINS, *kk.PAIR_JOINS}, key=len, reverse=True))) + r")\s*", re.IGNORECASE)


def _paired_sides(text: str, group: Sequence[Candidate]) -> list[tuple[Location, Location]]:
    """Kazakh and foreign sides written as pairs ("A и B, C и D"): (home, partner) of each pair."""
    ordered = sorted(group, key=lambda c: c.start)
    pairs, i = [], 0
    while i + 1 < len(ordered):
        a, b = ordered[i], ordered[i + 1]
        if a.is_home != b.is_home and not (a.locative or b.locative) \
                and _PAIR_JOIN.fullmatch(text[a.end:b.start]):
            home, partner = (a, b) if a.is_home else (b, a)
            pairs.append((home.location, partner.location))
            i += 2
        else:
            i += 1
    return pairs


def _coordinated(text: str, a: Candidate, b: Candidate) -> bool:
    """"Delegations of Shymkent and Turkistan region", "Шымкент пен Түркістан облысы": two Kazakh sides of
    one event, joined by a conjunction (neither a venue)."""
    first, second = sorted((a, b), key=lambda c: c.start)
    return not (a.locative or b.locative) and bool(_COORDINATOR.fullmatch(text[first.end:second.start]))


_BETWEEN_BEFORE = re.compile(r"(?:between|между)\s+(?:[^\W\d_]+\s+){0,5}$", re.IGNORECASE)
_BETWEEN_AFTER = re.compile(r"^(?:\s+[^\W\d_]+){0,3}?\s+арасында", re.IGNORECASE)
BETWEEN_REACH_CHARS = 60  # "between the business associations of Namangan and Osh"


def _between_foreign_sides(text: str, group: Sequence[Candidate]) -> bool:
    """Are two foreign places of different countries the two sides "between" which the event is ("a meeting
    between the business associations of Namangan and Osh", "между Андижаном и Ошем", "Андижан мен Жалал-Абад
    арасында")? Then it is their event, wherever it was held and whoever hosted it."""
    foreign = sorted((c for c in group if not c.is_home), key=lambda c: c.start)
    for a, b in zip(foreign, foreign[1:], strict=False):
        if a.location.country == b.location.country or not _coordinated(text, a, b):
            continue
        if _BETWEEN_BEFORE.search(text, max(0, a.start - BETWEEN_REACH_CHARS), a.start) \
                or _BETWEEN_AFTER.match(text[b.end:b.end + BETWEEN_REACH_CHARS]):
            return True
    return False


def _home_of(cands: Sequence[Candidate], anchor: int) -> Candidate | None:
    """The Kazakh side: a city or region not named as a venue before the country ("a Kazakh delegation,
    this one from Kostanay region"); a counterpart-like mention before a venue or a journey's start ("in
    Astana, the akim of Turkistan region met...", "В Туркестан посол прибыл из Шымкента"); then the most
    specific; then the nearest to the trigger."""
    if not cands:
        return None
    national = any(c.location.kind == "country" for c in cands)
    return max(cands, key=lambda c: (national and c.location.kind != "country" and not c.locative,
                                     0 if c.origin else 1 if c.locative else 2,
                                     _SPECIFICITY.get(c.location.kind, 0), -abs(c.start - anchor)))


TITLE_WORDS_AFTER = 2  # "Consul General in Istanbul", "of Kazakhstan to Poland", "в Казахстане"
TITLE_WORDS_BEFORE = {"kk": 3}  # "Жапонияның Қазақстандағы Төтенше және өкілетті елшісі"; elsewhere adjacent
_POSSESSIVE = re.compile(r"['’]s\b")


def _envoy_titles(text: str, cands: Sequence[Candidate], cues: Cues) -> tuple[set[int], set[int]]:
    """The candidates (by index) that are an envoy's posting, and those that are the envoy's own (sending)
    country. Postings: "Kazakhstan's Consul General in Istanbul",
    "the Ambassador of Kazakhstan to Poland", "посол Казахстана в Польше", "Жапонияның Қазақстандағы
    елшісі". The envoy is one participant, of the sending country; the posting is where they live, not a
    second side. A title is the envoy word with the names right before it (a head-final language lets
    title adjectives in between and puts nothing of the title after the head) and the names after it
    joined by prepositions or capitalised title words ("General"), each next to the last, with no
    punctuation between; its posting is the name written as a location or after "to"."""
    if not cues.resident_abroad:
        return set(), set()

    def gap(a: int, b: int, *, after: bool) -> int | None:
        between = _POSSESSIVE.sub("", text[a:b])
        if _CLAUSE_BREAK.search(between):
            return None
        found = _WORD.findall(between)
        if after and any(not (w[0].isupper() or (len(w) <= 3 and w.islower()) or w in en.ENVOY_TITLE_WORDS)
                         for w in found):
            return None  # a verb or a noun: the next name belongs to the rest of the clause
        return sum(1 for w in found if w.lower() != "the")  # "Consul General of the Republic of Korea"

    order = sorted(range(len(cands)), key=lambda i: cands[i].start)
    postings, sending = set(), set()
    for m in cues.resident_abroad.finditer(text):
        members: set[int] = set()
        edge, allowed = m.end(), (0 if cues.lang == "kk" else TITLE_WORDS_AFTER)
        for i in (i for i in order if cands[i].start >= m.end()):
            g = gap(edge, cands[i].start, after=True)
            if g is None or g > allowed:
                break
            members.add(i)
            edge = cands[i].end
        edge, allowed = m.start(), TITLE_WORDS_BEFORE.get(cues.lang, 0)
        for i in (i for i in reversed(order) if cands[i].end <= m.start()):
            g = gap(cands[i].end, edge, after=False)
            if g is None or g > allowed or cues.lang != "kk" and cands[i].locative:
                break  # (before the title, only Kazakh puts the posting: "В Туркестан посол прибыл" is where to)
            members.add(i)
            edge, allowed = cands[i].start, 0
        postings |= {i for i in members if cands[i].locative}
        sending |= {i for i in members if not cands[i].locative and cands[i].location.kind == "country"}
    return postings, sending - postings


def _accredited(text: str, cand: Candidate, cues: Cues) -> bool:
    """Is an envoy accredited to this organisation ("representative to the AU", "при АС", "АО жанындағы")?"""
    before = [w.lower() for w in _WORD.findall(text[max(0, cand.start - 30):cand.start])]
    while before and before[-1] == "the":
        before.pop()
    after = [w.lower() for w in _WORD.findall(text[cand.end:cand.end + 30])]
    return bool(before and before[-1] in cues.accredited_before) or bool(after and after[0] in cues.accredited_after)


def _partners(cands: Sequence[Candidate], text: str, cues: Cues, *, envoy: bool, any_venue_gives_way: bool,
              posted: bool = False, visit: bool = False, envoy_countries: frozenset[str] = frozenset()
              ) -> list[Location]:
    """The counterparts among the foreign places of one trigger group (see the module docstring). The countries
    of ``envoy_countries`` (an envoy's own, at a meeting) keep their place beside towns of theirs, which give way."""
    foreign = [c for c in cands if not c.is_home]
    # a region written right beside a city of its own as where it lies is no place visited of its own (an
    # agreement's may be the region's: "signed with Shaanxi province, whose capital Xi'an")
    foreign = [c for c in foreign if not (visit and c.location.kind == "region" and any(
        o.location.kind == "city" and _locates(text, c, o) for o in foreign))]
    origins = [c for c in foreign if c.origin]
    # (nor is the region or country the origin lies in, written to locate it: "из индийского города Коимбатур,
    # штат Тамилнад")
    others = [c for c in foreign if not c.origin and not (c.location.kind == "country" and all(
        o.location.country == c.location.country for o in origins)) and not (
        c.location.kind == "region" and origins and all(_in_region(o.location, c.location) for o in origins))]
    if origins and others and (visit or not all(c.locative for c in others)):
        # (of an agreement too: "From Seoul, the deputies travelled on to Ulsan, and ... the regional akimat and the
        # Ulsan metropolitan government signed": Seoul was their stop before; but an agreement or talks "with a
        # maker from Chemnitz at the fair in Frankfurt" name only a venue beside it, no side)
        # "from Gorgan the delegation travelled to Tehran", "the Bashkir delegation came to Aktobe from
        # Tatarstan": where a journey started is a stop before this one when the visit names another foreign
        # place (its destination, or the visitors' own, named before); alone, or beside its own country, it is
        # the visitors' home ("guests from Navoi", "a Russian delegation from Kostroma"), and so it is beside
        # a place that is neither, only talked about ("guests from Brno landed in Shymkent still talking about
        # Bishkek")
        first = min(o.start for o in origins)
        if any(c.locative or c.start < first or any(o.location.country == c.location.country for o in origins)
               for c in others):
            foreign = [c for c in foreign if not c.origin]
        else:
            foreign = [c for c in foreign if c.origin]
    if envoy:
        # an envoy's counterpart is where they are accredited: the country of posting ("посол в КНР") or
        # an organisation they represent Kazakhstan at; an organisation merely met there is not
        accredited = {c.location.key for c in foreign
                      if c.location.kind == "organization" and _accredited(text, c, cues)}
        posted = posted or any(c.locative and c.location.kind == "country" for c in foreign)
        foreign = [replace(c, locative=False) if c.location.key in accredited else c for c in foreign
                   if not (posted and c.location.kind == "organization" and c.location.key not in accredited)]
    counterparts = [c for c in foreign if not c.locative]
    kept = []
    for c in foreign:
        if any_venue_gives_way and c.locative and not counterparts \
                and _venue_of_an_event(text, c, only_of_the_event=True):
            # nor, for an agreement or talks, the city of a forum or fair they were held at where no counterpart is
            # named ("подписала соглашения с регионами Узбекистана на форуме в Самарканде")
            continue
        if c.locative and counterparts and (any_venue_gives_way or all(
                o.location.country != c.location.country or o.location.kind == "organization"
                for o in counterparts)):
            # a venue or posting beside a counterpart of another country; for talks and signings, any venue
            # ("met the Turkish deputy minister in Ankara" is a meeting with Turkey, not with Ankara; "signed in
            # Nukus by the akim and the chairman of Karakalpakstan" a partnership with Karakalpakstan)
            continue
        kept.append(c.location)
    out: list[Location] = []
    sending = {loc.country for loc in kept if loc.key in envoy_countries}
    for loc in kept:
        if loc.key not in envoy_countries and loc.country in sending:
            continue  # the Georgian ambassador's talks that mention Poti are with Georgia
        if loc.kind == "country" and loc.key not in envoy_countries \
                and any(o.country == loc.country and o.kind != "country" for o in kept):
            continue  # Slovenia beside Maribor
        if all(o.key != loc.key for o in out):
            out.append(loc)
    return out


LOCATOR_GAP_WORDS = 2  # "Техас штатындағы Хьюстон", "Houston, Texas", "из Хьюстона (штат Техас)": a division noun


def _locates(text: str, region: Candidate, place: Candidate) -> bool:
    """Is the region, of the place's country, written right beside the place, in one stretch of the clause, as
    where it lies? However far the region's centre ("Houston, Texas"), unless another division's is much nearer
    (a list: "from Tashkent region, Samarkand and Bukhara")."""
    far = _distance_from_region(place.location, region.location)
    if far is None or _nearer_another_division(place.location, region.location, far):
        return False
    gap = (region.end, place.start) if region.end <= place.start else (place.end, region.start)
    between = text[gap[0]:gap[1]]
    return _word_gap(text, *gap) <= LOCATOR_GAP_WORDS and not re.search(r"[.;:!?]", between) \
        and not any(w.group().casefold() in _AND for w in _WORD.finditer(between))  # ("Texas and Houston")


# How far from a region's centre a city of the same country is taken to lie inside it (the reference scorer's
# tolerance for regions): the capital of Bashkortostan, the administrative centre of Gansu.
REGION_RADIUS_KM = 300


def _visited_places(partners: list[Location]) -> list[Location]:
    """A visit goes to the most specific place it names: a region gives way to a city inside it ("Ufa, the
    capital of Bashkortostan"; "Lanzhou, the centre of Gansu province"). Agreements and talks keep their
    regions: there a city beside the region is where it was signed or held."""
    cities = [p for p in partners if p.kind == "city"]
    return [p for p in partners if not (p.kind == "region" and any(_in_region(c, p) for c in cities))]


def _in_region(city: Location, region: Location) -> bool:
    """Does the city lie in the region? The gazetteer keeps no first-level codes for cities: a city of the
    region's country near its centre counts ("Kashgar, in Xinjiang"; "Kecskemét" and Bács-Kiskun County),
    unless another division of that country and tier has its centre much nearer (Samarkand, 280 km from the
    centre of Tashkent Region, lies in Samarkand Region; Lanzhou, at the edge of a long Gansu, is about as near
    Ningxia's centre as Gansu's)."""
    far = _distance_from_region(city, region)
    return far is not None and far <= REGION_RADIUS_KM and not _nearer_another_division(city, region, far)


def _nearer_another_division(city: Location, region: Location, far: float) -> bool:
    """Has another division of the region's country and tier its centre under ``NEARER_DIVISION_SHARE`` as far
    from the city as the region's (``far``)?"""
    return any(distance_km((city.lat, city.lon), point) < NEARER_DIVISION_SHARE * far
               for point in _division_points(region))


def _near_region(city: Location, region: Location) -> bool:
    """Is the city of the region's country and within ``REGION_RADIUS_KM`` of its centre?"""
    far = _distance_from_region(city, region)
    return far is not None and far <= REGION_RADIUS_KM


def _distance_from_region(city: Location, region: Location) -> float | None:
    """How far the city is from the centre of a region of its own country (km); None for other pairs."""
    if not (city.kind == "city" and region.kind == "region" and city.country == region.country):
        return None
    return distance_km((city.lat, city.lon), (region.lat, region.lon))


NEARER_DIVISION_SHARE = 0.5  # a division whose centre is under half as far holds the city instead


@cache
def _division_points(region: Location) -> tuple[tuple[float, float], ...]:
    """The centres of the other divisions of the region's country and tier (first-level regions, districts,
    US counties)."""
    tier = region.key.split(":")[0], region.is_district
    return tuple((loc.lat, loc.lon) for loc in gazetteer.load().locations
                 if loc.kind == "region" and loc.country == region.country and loc.key != region.key
                 and (loc.key.split(":")[0], loc.is_district) == tier)


KK_LIGHT_VERB_WORDS = 2  # "келіссөздер өткізіп", "ресми сапармен барып": a noun cue's verb, a word or two after


def _kk_speaker_of_both_sides(text: str, cands: Sequence[Candidate], triggers: Sequence[Trigger]
                              ) -> Candidate | None:
    """The speaker of a Kazakh sentence of reported speech ("Рахимова Наманган ... Бурса қаласымен бауырлас
    атанғанын айтты"), a person opening it, where what she said holds a cue and names two sides itself (Namangan
    and Bursa): she is no side of it. Where it names one ("... Бурсамен меморандумға қол қойылғанын айтты"), her
    place is the other: None."""
    said_end = kk.reported_clause_end(text)
    speaker = cands[0] if said_end is not None and cands and cands[0].actor else None
    if speaker is None or said_end is None \
            or not any(speaker.end <= t.start and t.end <= said_end for t in triggers):
        return None
    told = [c.location for c in cands[1:] if c.end <= said_end and not c.locative]
    sides = {loc.key for loc in told if not any(o.key != loc.key and _within(loc, o) for o in told)}
    return speaker if len(sides) >= 2 else None


def _kk_runs_on(text: str, previous: Trigger, trigger: Trigger, cues: Cues) -> bool:
    """Kazakh: does the previous cue end in a converb whose clause runs on into this one, with no clause break
    between ("Бұхара қаласына іссапармен барып, ... меморандумға қол қойды": signed there, the same people)?"""
    if cues.lang != "kk":
        return False
    # the cue's own word (whole: a cue may end inside, "кездес|іп"), or the light verb of a noun cue right after
    # it ("келіссөздер өткізіп", "сапармен барып")
    words = list(_WORD.finditer(text, previous.start, trigger.start))[:1 + KK_LIGHT_VERB_WORDS]
    converb = next((w for w in words if kk.CONVERB.search(w.group().casefold())), None)
    if converb is None or "," in text[previous.start:converb.start()]:
        return False
    # (a comma after a converb, and commas of a list, run on; a colon, a dash or "ал" (whereas) do not)
    between = text[converb.end():trigger.start]
    return not _KK_CLAUSE_OPENERS.search(between) and not re.search(r"[()–—]|\s-\s|(?<!\w)(?:ал|бірақ|алайда)(?!\w)",
                                                                    between, re.IGNORECASE)


# English nouns of people by their suffix, which English marks as Russian marks animacy: "archaeologists",
# "economists", "historians", "technicians" (a stem of three letters at least: not "lists")
_ENGLISH_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:ist|ian)$")


def _party_noun(cues: Cues, triggers: Sequence[Trigger]) -> Callable[[Token], bool]:
    """Can this parsed noun be a party to an event, or the event or tie itself? A person, body or place
    (``side_head``, ``people``: English marks no animacy), any noun of people the morphology marks animate
    ("бригада кардиохирургов из Хайдарабада": surgeons travel, shipments do not), a cue of the sentence ("visit",
    "talks"), a document, or a tie ("cooperation")."""
    documents = frozenset(cues.signing_frame.get("documents", ()))

    def party(token: Token) -> bool:
        lemma = token.lemma.lower()
        return token.feats.get("Animacy") == "Anim" or token.pos == "NOUN" and bool(_ENGLISH_AGENT_NOUN.match(lemma)) \
            or bool(cues.side_head and (cues.side_head.match(token.text.lower()) or cues.side_head.match(lemma))) \
            or bool(cues.people and cues.people.match(lemma)) \
            or lemma in documents or lemma in cues.relation_nouns \
            or any(t.start <= token.start < t.end for t in triggers)
    return party


def _agreement_signed_at_a_venue(text: str, trigger: Trigger, group: Sequence[Candidate], cues: Cues,
                                 ctx: _Context) -> Link | None:
    """"Документ был подписан в Сиане": a bare document signed where only a venue of the last agreement's
    partner country is named is that agreement, between its parties; the venue is no party. The agreement, or
    None."""
    foreign = [c for c in group if not c.is_home]
    last = _last_agreement(ctx)
    if last is None or any(c.is_home and not _same_side(c.location, last.home) for c in group):
        return None  # the signing names another Kazakh party ("signed in the Łódź city hall by Arystanov", the
        # akim of Shymkent, after "the Kazakh side" of the lead): the sentence's own pair
    if not foreign or not all(c.locative for c in foreign) \
            or not any(c.location.country == last.partner.country for c in foreign):
        return None
    told = frames_mod.signs_a_document_told_before(cues.lang, text, trigger.start, trigger.end, cues.signing_frame)
    return last if told else None


def _envoy_of(text: str, group: Sequence[Candidate], cues: Cues) -> bool:
    """Is an ambassador or a consul named with a foreign country of the group as his own ("посол Иордании",
    "Jordan's ambassador", "Иордания елшісі", "the ambassador of Jordan"): a foreign envoy, who lives in
    Kazakhstan? ("accompanied by the ambassador, visited Turkey" names no envoy of Turkey.)"""
    if cues.resident_abroad is None:
        return False
    countries = [c for c in group if not c.is_home and c.location.kind == "country"]
    for m in cues.resident_abroad.finditer(text):
        for c in countries:
            between = text[min(c.end, m.end()):max(c.start, m.start())]
            words = [w.lower() for w in _WORD.findall(between)]
            if not words or words == ["s"] or (words == ["of"] and c.start > m.end()):
                return True
    return False


def _places_of_unreal_clauses(text: str, cands: Sequence[Candidate], triggers: Sequence[Trigger], cues: Cues
                              ) -> list[Candidate]:
    """Of ``cands``, the places whose own predicate, none of the triggers', tells a plan or what did not happen:
    "the delegation went back on Wednesday, and a business forum is planned in Namangan for the spring", "met the
    ambassador, who invited him to Seoul". Such a place is no side of the sentence's events. [] without a parse."""
    tokens = parse(cues.lang, text) if cands else None
    if not tokens:
        return []
    taken = {predicate(cues.lang, text, t.start, t.end) for t in triggers}

    def own_clause(c: Candidate) -> bool:
        # (an event's purpose is the event's own: "visited Shymkent to strengthen ties with the EU")
        verb = predicate(cues.lang, text, c.start, c.end)
        return verb is not None and verb not in taken \
            and not (tokens[verb].dep == "advcl" and tokens[verb].head in taken)
    return [c for c in cands if own_clause(c) and realis(cues.lang, text, c.start, c.end) in (PLANNED, NEGATED)]


def _no_place_after(trigger: Trigger, cands: Sequence[Candidate]) -> bool:
    """Does the sentence name no place after the cue (a signing told last, its parties told before it)?"""
    return not any(c.start > trigger.end for c in cands)


def _a_signing(text: str, trigger: Trigger, cues: Cues) -> bool:
    """Does the partnership cue itself tell a signing ("signed a memorandum", "подписание дорожной карты"), not
    only name a document ("реализация меморандума")?"""
    return bool(cues.signing_hint and cues.signing_hint.search(text, trigger.start, trigger.end))


_COUNTERPART_AFTER = re.compile(r"\s+(?:with|с|со)\s[^,;:()]*", re.IGNORECASE)


def _with_counterpart(text: str, end: int) -> int:
    """Where a phrase naming an event ends, with the counterpart written right after it ("meeting| with the
    governor of X next week"): up to the next comma."""
    m = _COUNTERPART_AFTER.match(text, end)
    return m.end() if m else end


def _places_by_event(text: str, cands: list[Candidate], triggers: list[Trigger], frames: list[Trigger],
                     dead: list[Trigger], cues: Cues
                     ) -> tuple[dict[Trigger, list[Candidate]], list[Candidate], list[Candidate]]:
    """The roles of a sentence's places: each event (trigger) with the places that can be its sides, the
    places set aside as no side of any (a thing's goal or source, what someone said or proposed, the places of
    an event that did not happen), and of those the ones that describe another place (no party to a signing
    either, whose parties the parse reads on its own)."""
    verb_final = cues.lang == "kk"
    groups: dict[Trigger, list[Candidate]] = {t: [] for t in triggers}
    # a place that belongs to an event which did not happen is no side of another one ("the programme of the
    # visit included a trip to Turkistan, but it was dropped": Turkistan is not the visit's)
    owners = sorted([*triggers, *dead], key=lambda t: t.start)
    set_aside: list[Candidate] = []  # the places of events that did not happen, and of what someone said
    reported = frames_mod.reported_content(cues.lang, text) if cues.lang in ("en", "ru") else []
    things = set(frames_mod.places_of_things(cues.lang, text, [(c.start, c.end) for c in cands],
                                             _party_noun(cues, [*triggers, *frames, *dead])))
    things |= set(frames_mod.names_of_things(cues.lang, text, [(c.start, c.end) for c in cands
                                                               if c.location.kind == "organization"],
                                             _party_noun(cues, [])))
    # "Gyeongju, the ancient capital of Korea's Silla kingdom in North Gyeongsang Province": a foreign place that
    # describes another place (a Kazakh one there may be the other side of a tie: "Оша – города-побратима Шымкента")
    # ("the document was signed in Bologna, the Emilia-Romagna capital": a venue's description may name the party)
    venues = {(c.start, c.end) for c in cands if c.locative}
    described = {span for span, anchor in frames_mod.places_describing_places(
        cues.lang, text, [(c.start, c.end) for c in cands], cues.people) if anchor not in venues}
    describing = [c for c in cands if (c.start, c.end) in described and not c.is_home]
    # "ties with more than twenty cities in Turkey and China": countries of places the text does not name, no
    # party to a signing either
    unnamed = set(frames_mod.countries_of_unnamed_places(cues.lang, text, [(c.start, c.end) for c in cands
                                                                           if c.location.kind == "country"]))
    describing += [c for c in cands if (c.start, c.end) in unnamed and c not in describing]
    if cues.lang in ("en", "ru"):
        # relative clauses that tell what a document provides ("подписали соглашение, которое предполагает кампании
        # на рынках Турции") or what a party is or does ("a company based in Urumqi that already operates terminals
        # in Kashgar"): their foreign places are no party either
        delegation = frozenset(cues.whereabouts.get("party", ()))
        clauses = [span for t in triggers if t.kind == "partnership"
                   for span in frames_mod.document_content(cues.lang, text, t.start, t.end, cues.signing_frame)]
        cue_spans = [(t.start, t.end) for t in [*triggers, *frames, *dead]]
        clauses += frames_mod.describing_clauses(cues.lang, text, cue_spans, cues.signing_frame,
                                                 lambda tok: tok.lemma.lower() in delegation)
        # and a clause that tells a foreign place's own ties ("Batumi has built partnerships with cities from
        # Ukraine to Israel")
        clauses += frames_mod.foreign_places_own_ties(
            cues.lang, text, [(t.start, t.end) for t in triggers if t.kind == "partnership"],
            [(c.start, c.end) for c in cands if not c.is_home], [(c.start, c.end) for c in cands if c.is_home])
        describing += [c for c in cands if any(s <= c.start and c.end <= e for s, e in clauses) and not c.is_home
                       and c not in describing]
    things |= {(c.start, c.end) for c in describing}
    # "after his Kyrgyzstan visit": a place inside a phrase naming another event as a time is that event's
    # (with its counterpart, up to the clause's comma: "ahead of his meeting with the governor of X next week,")
    referred = [(m.start(), _with_counterpart(text, m.end())) for m in cues.back_reference.finditer(text)] \
        if cues.back_reference else []
    unreal = _places_of_unreal_clauses(text, [c for c in cands if not c.is_home], triggers, cues)

    def in_reference(c: Candidate) -> bool:
        return any(s <= c.start and c.end <= e for s, e in referred)
    # (a Kazakh place in such a phrase too, where another one stands outside it: "ahead of his meeting with the
    # governor of Turkistan Region, the ambassador visited a plant in Shymkent")
    other_home = any(c.is_home and not in_reference(c) for c in cands)
    speaker = _kk_speaker_of_both_sides(text, cands, triggers) if verb_final else None
    for c in cands:
        if (not c.is_home or other_home) and in_reference(c) or c in unreal or c is speaker:
            set_aside.append(c)
            continue
        if (c.start, c.end) in things:
            # "discussed shipments to Iran", "a flight from Istanbul": the thing's place; "a UNESCO World
            # Heritage site": an organisation that names a thing
            set_aside.append(c)
            continue
        owner = _owner(text, c, owners, verb_final=verb_final)
        if _alone_after_a_semicolon(text, c, owner, owners) or _in_another_list_item(text, c, owner):
            # "signed a roadmap ...; the document foresees bus routes between Turkistan and Samarkand": a clause
            # after a semicolon stands on its own, and one with no cue tells no event
            set_aside.append(c)
            continue
        if verb_final and _kk_contrasted_clause(text, c, owner):
            # "Хұжанд ... Баткен облысымен келісім жасаған, ал Сарыағаш ауданы тәжік тарапымен ... байланыс орнатып
            # отыр": a clause opened by "ал" ("while") tells its own predicate; its places are no side of the cue
            set_aside.append(c)
            continue
        said = next(((s, e) for s, e in reported if s <= c.start and c.end <= e), None)
        if said is not None and not (said[0] <= owner.start < said[1]):
            # a place in what someone said ("told the akim that Malaysian firms buy from Russia") is no side of
            # the event the sentence reports outside it
            set_aside.append(c)
            continue
        if owner in groups:
            groups[owner].append(c)
        else:
            set_aside.append(c)
    for trigger in triggers:
        # "Кутаиси, который поддерживает побратимские связи с городами Украины, ... рассматривает Шымкент": a
        # relative clause tells of its own noun and that noun's ties; only its words are the tie's parties
        scope = frames_mod.relative_clause_scope(cues.lang, text, trigger.start, trigger.end) \
            if groups[trigger] and cues.lang in ("en", "ru") else None
        if scope is None or any(c.start <= scope[0][0] < c.end and c.is_home for c in cands):
            continue  # (a Kazakh place's clause may tell of its own ties: "Shymkent, which signed with Bursa")
        inside = [c for c in groups[trigger] if any(s <= c.start < e for s, e in scope[1])]
        set_aside += [c for c in groups[trigger] if c not in inside]
        groups[trigger] = inside
    for previous, trigger in pairwise(triggers):
        if not groups[trigger] and _kk_runs_on(text, previous, trigger, cues):
            # "Ганьсу провинциясынан делегация келіп, екі қала арасында ... қол қойылды": "the two cities" are
            # no province; the story's two cities signed
            named = cues.sides.search(text, previous.end, trigger.end) if cues.sides else None
            words = named.group().split() if named else []
            kinds = {actors_mod.division_kind(w, cues.actor_divisions) for w in words} - {None}
            if not kinds or any(not c.is_home and c.location.kind in kinds for c in groups[previous]):
                # (the trip's country that only says where its town lies, "Ресейдің Омбы облысында", is no side)
                earlier = groups[previous]
                groups[trigger] = [c for c in earlier if c.is_home or c.location.kind != "country" or not any(
                    o is not c and not o.is_home and o.location.country == c.location.country for o in earlier)]
        elif not groups[trigger] and _VERB_COORDINATION.search(text, 0, trigger.start):
            # "the mayor of Bursa received the Shymkent delegation and signed a roadmap with the city":
            # coordinated predicates share their subject and object, so the places of the first are the second's
            groups[trigger] = list(groups[previous])
        elif not groups[trigger] and trigger.kind == "partnership" and previous.kind == "visit" \
                and cues.outcome is not None and cues.outcome.search(text, previous.end, trigger.start):
            # "завершила визит в Туркестанскую область, итогом которого стало соглашение": the agreement the
            # visit resulted in is between the visit's sides
            groups[trigger] = list(groups[previous])
    for i, trigger in enumerate(triggers):
        if trigger.kind != "partnership" or groups[trigger] or not _no_place_after(trigger, cands) \
                or not _a_signing(text, trigger, cues):
            continue
        # "побывала в Бухаре, где был подписан меморандум", "в ходе визита состоялось подписание", "was received
        # by the governor, and the two sides signed a memorandum": an agreement whose clause names no party, told
        # after an event of the same sentence, was made at that event, between its sides (a signing: "обсудив
        # итоги визита в Исламабад и реализацию меморандума" tells of no agreement made then)
        before = next((t for t in reversed(triggers[:i]) if t.kind in ("visit", "meeting") and groups[t]), None)
        if before is not None:
            groups[trigger] = list(groups[before])
    return groups, set_aside, describing


def _sentence_links(sentence: Sentence, cands: list[Candidate], cues: Cues, ctx: _Context) -> list[Link]:
    """The links of one sentence: its events, then the stops of a trip abroad the story is following."""
    links = _event_links(sentence, cands, cues, ctx)
    _follow_the_trip(sentence.text, cands, links, cues, ctx)
    legs = _legs_of_the_trip(sentence, cands, links, cues, ctx) or _events_of_the_trip(sentence, cands, links, cues,
                                                                                         ctx)
    for leg in legs:
        ctx.visit = ctx.event = (leg.home, leg.partner)
    return links + legs


def _events_of_the_trip(sentence: Sentence, cands: Sequence[Candidate], links: Sequence[Link], cues: Cues,
                        ctx: _Context) -> list[Link]:
    """An event of the trip abroad the story follows, told with no Kazakh side ("17 қарашада Тель-Авивте
    мамандар ... кездесіп", "19 қарашада Хайфада меморандумға қол қойылды", "Сапар нәтижесінде Хайфа қаласының су
    компаниясымен меморандумға қол қойылды"): the trip's party is that side, in a town of the country its last
    stop was in. Talks there are the party's visit to the town (talks held on a visit are part of it); an
    agreement is with the one town named as its counterpart, else with the one it was signed in. Never where the
    sentence names a Kazakh side (the events machinery read it) or a party of another country."""
    home = ctx.trip_abroad
    if links or home is None or ctx.visit is None or ctx.visit[0].key != home.key or not ctx.live_kinds \
            or any(c.is_home for c in cands):
        return []
    country = ctx.visit[1].country
    if any(c.location.country != country for c in cands):
        return []
    # (not a town of what is only planned or discussed: "стороны также обсудили возможность провести ... лагерь в
    # Республике Алтай")
    towns = [c for c in cands if c.location.kind != "country" and not (c.origin or c.route or c.actor or c.envoy)
             and realis(cues.lang, sentence.text, c.start, c.end) not in NOT_HAPPENED]
    venues = {c.location.key: c.location for c in towns if c.locative}
    if "partnership" in ctx.live_kinds:
        counterparts = {c.location.key: c.location for c in towns if not c.locative}
        if any(frames_mod.acting_subject(cues.lang, sentence.text, c.start, c.end) for c in towns):
            return []  # the town's own deed: "Казань ... в прошлом году подписала аналогичный документ с Ошем"
        kind, found = "partnership", counterparts or venues
    elif ctx.live_kinds <= {"visit", "meeting"}:
        kind, found = "visit", venues
    else:
        return []
    if len(found) != 1:
        return []
    partner = next(iter(found.values()))
    if kind == "visit":
        ctx.legs.add((sentence.start, home.key, partner.key))
    return [Link(kind=kind, home=home, partner=partner, date=None,
                 evidence=Mention(sentence.text, sentence.start, sentence.end))]


def _written_as_destination(text: str, cand: Candidate, cues: Cues) -> bool:
    """Is the place written as where someone went or was ("to Busan", "в Китае", "Пәкістанға")?"""
    return cand.locative or _case_of_whereabouts(text, cand, cues)


def _case_of_whereabouts(text: str, cand: Candidate, cues: Cues, *, on_the_noun: bool = True) -> bool:
    """Kazakh: does a case ending of destination or location end the place's word ("Исламабад|қа", "Шеки|де"), or,
    ``on_the_noun``, its division noun right after it ("Арыс қаласына")? (``frames.whereabouts`` reads the noun's
    ending itself, and needs to know which word carries it.)"""
    return _marked(text, cand.start, cand.end, cand.location, cues.whereabouts.get("suffixes", ()), frozenset(), set(),
                   on_the_noun=_division_stems(cues) if on_the_noun else ())


def _follow_the_trip(text: str, cands: Sequence[Candidate], links: Sequence[Link], cues: Cues, ctx: _Context) -> None:
    """Which way the story's last visit went: a Kazakh side's party that went to a foreign place is abroad
    ("the delegation of the region spent a week in Malaysia", "делегация Пәкістанға барды") until a foreign
    party is told coming to a Kazakh place ("a delegation from Busan came to Shymkent"). A trip on which an
    agreement was signed ("Гости из Гянджи прилетели в Туркестан ... подписали меморандум") turns the story the
    same way; the guests are of the one town their journey is written to have started from, where the agreement
    names only its country. So does a foreign delegation that is the sentence's party beside a Kazakh place, where
    no Kazakh party is ("Делегация провинции Ганьсу завершила поездку по Туркестанской области")."""
    def journeyed_to(c: Candidate) -> bool:
        """(an agreement's sentence turns the story only where it tells the party's journey too)"""
        marked = _case_of_whereabouts(text, c, cues, on_the_noun=False)
        return bool(cues.whereabouts) and frames_mod.whereabouts(
            cues.lang, text, c.start, c.end, cues.whereabouts, case_marked=marked) is not None

    for link in links:
        if link.kind not in ("visit", "partnership"):
            continue
        went_to = journeyed_to if link.kind == "partnership" else partial(_written_as_destination, text, cues=cues)
        # (a town of the Kazakh region the link names: "a delegation from North Gyeongsang ended its tour of
        # southern Kazakhstan in Kentau" came to Kentau, of Turkistan Region)
        at_home = [c for c in cands if c.is_home and (_same_side(c.location, link.home) or (
            link.home.kind == "region" and c.location.kind != "country"
            and (_inside(c.location, link.home, ctx) or _in_region(c.location, link.home))))]
        abroad = [c for c in cands if not c.is_home and c.location.key == link.partner.key and not c.route]
        if any(went_to(c) for c in at_home):
            towns = {c.location.key: c.location for c in cands if c.origin and c.location.kind != "country"
                     and c.location.country == link.partner.country}
            guests = next(iter(towns.values())) if link.partner.kind == "country" and len(towns) == 1 else link.partner
            ctx.trip_abroad, ctx.guests = None, guests
        elif any(went_to(c) or link.kind == "visit" and _came_back_from(text, c, cues) for c in abroad):
            ctx.trip_abroad, ctx.guests = link.home, None
        elif any(_delegation_of(text, c, cues) for c in abroad) and at_home \
                and not any(_written_as_destination(text, c, cues) for c in abroad) \
                and not _a_kazakh_party(text, cands, cues):
            # the foreign side's delegation is the sentence's party and no Kazakh one is, the Kazakh side a place
            # the sentence names ("Делегация провинции Ганьсу завершила поездку по Туркестанской области, в ходе
            # которой стороны подписали меморандум"): the story follows guests, whichever way its words of
            # journey go
            ctx.trip_abroad, ctx.guests = None, link.partner


KK_CAME_BACK_WORDS = 3  # "Жапониядан қайтып оралды": the ablative a few words before the verb of coming back
KK_CAME_BACK_COURSE_WORDS = 6  # "Жапонияда өткен екі апталық оқу курсынан оралды": the course's words between


def _came_back_from(text: str, cand: Candidate, cues: Cues) -> bool:
    """Did the party come back from the place ("returned from South Korea, where", "вернулись из Южной Кореи",
    "Жапониядан оралды")? The story may go on to tell that trip. Kazakh: the place's ablative, then a verb of
    coming back (its stem) a few words on in the same clause; or the place of a course held there, which they
    came back from ("Жапонияда өткен оқу курсынан оралды")."""
    if cues.lang != "kk":
        return cand.origin and frames_mod.came_back_from(cues.lang, text, cand.start, cand.end)
    stems = tuple(cues.whereabouts.get("return_verbs", ()))
    clause_end = _CLAUSE_OR_SENTENCE_BREAK.search(text, cand.end)
    words = [w.group().casefold() for w in islice(_WORD.finditer(
        text, _word_end(text, cand.end), clause_end.start() if clause_end else len(text)), KK_CAME_BACK_COURSE_WORDS)]
    if cand.locative and words[:1] == ["өткен"]:
        reach = KK_CAME_BACK_COURSE_WORDS  # "Жапонияда өткен екі апталық оқу курсынан оралды": a course held there
    elif cand.origin:
        reach = KK_CAME_BACK_WORDS
    else:
        return False
    return bool(stems) and any(w.startswith(stems) for w in words[:reach])


def _legs_of_the_trip(sentence: Sentence, cands: Sequence[Candidate], links: Sequence[Link], cues: Cues,
                      ctx: _Context) -> list[Link]:
    """The visit to the place a Kazakh side's party went on to or stayed in, told with no word of visiting
    ("On the second day the group drove south to Melaka", "В среду казахстанцы перелетели в Сиань", "Бейсенбі
    күні делегация Исламабадқа жетті"): the party of the trip abroad the story follows, or the one of the only
    Kazakh side the sentence names ("The delegation of Turkistan Region ... landed in Kuala Lumpur"), which
    starts that trip. Only in a sentence without cues of its own (the events machinery reads those), and only
    its last stop: "landed in Budapest and were driven straight to Kecskemét" went to Kecskemét."""
    if not cues.whereabouts or links:
        return []
    if ctx.cued:
        # the events machinery read the sentence's cues and found no foreign side: where the story follows foreign
        # guests, "Во вторник делегация отправилась в Тюлькубасский район" is their stop, unless a cue is of an
        # agreement or of an event that did not happen ("the trip to Shymkent planned for Thursday was called off")
        # ("A delegation of the Kentau akimat visited Ekibastuz" is our own party's trip, not the guests')
        if not (ctx.live_kinds and ctx.live_kinds <= {"visit", "meeting"}) \
                or _a_kazakh_party(sentence.text, cands, cues):
            return []
        if any(c.is_home for c in cands) or ctx.guests is not None or (
                ctx.trip_abroad is None and (ctx.actor_home is None or ctx.actor_home.kind == "country")):
            return _guests_stops(sentence, cands, cues, ctx)
        # the story's own party abroad, whose stop the cues did not reach ("On the last day of the tour the group
        # stopped in Rotterdam", "сарыагашцы были в Ташкенте, где провели встречи"): read as a leg below
    text = sentence.text
    people = _people_noun(cues)
    stops = [c for c in cands if not (c.is_home or c.origin or c.route or c.actor or c.envoy
                                      or c.location.kind == "country")]

    def coming_here() -> list[Link]:
        return _people_from_abroad(sentence, cands, cues, ctx, people) or _guests_stops(sentence, cands, cues, ctx)

    if not stops:
        return coming_here()
    # the party's own place: a Kazakh place not written as where something is or where the journey began ("The
    # delegation from Kentau", "a group of doctors from Turkistan region" are its people), the most specific of
    # those ("Kentau, ... in Turkistan Region")
    # ("гости из Казахстана" abroad are the story's party, of the Kazakh place it follows)
    homes_of_people = {c.location.key for c in cands if c.is_home and not c.locative and not c.route
                       and c.location.kind != "country"
                       and frames_mod.party_home(cues.lang, text, c.start, c.end, people)}
    named = {c.location.key: c.location for c in cands if c.is_home and not c.locative and not c.route
             and (not c.origin or _delegation_of(text, c, cues) or c.location.key in homes_of_people)}
    named = {k: loc for k, loc in named.items() if not any(
        o != k and (_inside(other, loc, ctx) or _in_region(other, loc))
        for o, other in named.items())}
    if len(named) == 1:
        home = next(iter(named.values()))
    elif not named and ctx.trip_abroad is not None:
        home = ctx.trip_abroad
    elif not named and ctx.guests is None and (not ctx.links or ctx.cued) and ctx.actor_home is not None \
            and ctx.actor_home.kind != "country":
        # the story's first journey, of the Kazakh side its headline and lead follow ("On the road in Georgia with a
        # delegation from Kentau" ... "On Tuesday the delegation drove south to Rustavi"): that side's trip starts
        home = ctx.actor_home
    else:
        return coming_here()
    found = []
    # any people are the party where the sentence writes their home ("a group of doctors from Turkistan region");
    # the story's own party is its delegation, its guests ("the delegation", not "Azerbaijani restorers")
    for c in stops:
        if _in_transit(text, c.start, c.end, c.location, cues):
            continue
        verb = _went_or_was(text, c, cues, _first_person_frame(cues) if ctx.first_person else None, people=people,
                            attended=cues.attended, unnamed_people=home.key not in homes_of_people)
        if verb is not None:
            found.append((c, verb))
    if not found:
        # the foreign place was the party's own, not a stop ("Делегация Сырдарьинской области ... привезла в
        # Мактааральский район 25 грузовиков"): they came here
        return coming_here()
    stop, verb = max(found, key=lambda cv: cv[0].start)
    if _party_going_home(text, *verb, cands, cues):
        return []  # "турецкие гости вылетели в Стамбул": the guests went home, no leg of a trip of ours
    ctx.trip_abroad = home
    if not named:
        ctx.carried.add(("visit", home.key, stop.location.key))
    ctx.legs.add((sentence.start, home.key, stop.location.key))
    if (at := _clause_time(text, verb[0], ctx.reference)) is not None:
        ctx.clause_time[(sentence.start, "visit", home.key, stop.location.key)] = at
    return [Link(kind="visit", home=home, partner=stop.location, date=None,
                 evidence=Mention(text, sentence.start, sentence.end))]


def _first_person_frame(cues: Cues) -> dict[str, Sequence[str]]:
    """The whereabouts frame where the speaker's "we" is the travelling party (an interview's answers, a
    first-person account): "We flew to Munich", "Мы вылетели в Урумчи", "Біз Токиоға ұштық", "барып ... болдық"."""
    frame = cues.whereabouts
    return {**frame, "party": [*frame.get("party", ()), *frame.get("first_person", ())],
            "verb_person": frame.get("first_person_endings", ())}


def _definite_people(lang: str, nouns: Iterable[str]) -> list[str]:
    """People named again ("the farmers visited ranches", "the doctors"; in Kazakh the bare noun, "ансамбль"): those
    the story told of before, its party, as "the guests" are."""
    # (not "they": it names the hosts as often as the party, measured on the written sets)
    nouns = list(nouns)
    if not nouns:
        return []
    if lang == "kk":
        # Kazakh has no article: the bare noun, in the nominative with no possessive or case ending, is the
        # subject told of before ("22 қазанда ансамбль Александрия қаласына барып", "өнерпаздар Каирге жетті")
        plural = "|".join(kk.PLURAL_ENDINGS)
        return [r"(?<![\w-])(?:" + "|".join(nouns) + r")(?:" + plural + r")?(?![\w-])"]
    return [r"\bthe\s+(?:[a-z-]+\s+)?(?:" + "|".join(nouns) + ")"] if lang == "en" else []


def _people_noun(cues: Cues) -> Callable[[Token], bool]:
    """Does a parsed noun name people, who travel (a delegation, the guests, doctors, "врачи", an orchestra)? The
    Russian dictionary marks animacy; English and Kazakh nouns of people are data."""
    party = frozenset(cues.whereabouts.get("party", ()))

    def people(token: Token) -> bool:
        lemma = token.lemma.lower()
        if cues.resident_abroad is not None and cues.resident_abroad.match(lemma):
            return False  # an ambassador lives where he is posted: his talks there are meetings
        # (the whole word: "akim" is a person, "akimat" his office)
        return token.feats.get("Animacy") == "Anim" or lemma in party \
            or bool(cues.people and (cues.people.fullmatch(lemma) or cues.people.fullmatch(token.text.lower())))
    return people


def _people_from_abroad(sentence: Sentence, cands: Sequence[Candidate], cues: Cues, ctx: _Context,
                        people: Callable[[Token], bool]) -> list[Link]:
    """The mirror of a leg abroad: people written as coming from one foreign place, whose clause has them at a
    Kazakh place, visited it ("In 2018 a youth orchestra from Dresden performed in Kentau", "Врачи из Сеула
    провели операции в областной больнице Туркестана"), told with no word of visiting."""
    text = sentence.text
    homes = {c.location.key: c.location for c in cands if not c.is_home and not (c.route or c.actor or c.envoy)
             and (frames_mod.party_home(cues.lang, text, c.start, c.end, people)
                  or cues.lang == "kk" and c.origin and _kk_people_came_from(text, c, cues))}
    # (the most specific: "Делегация Сырдарьинской области Узбекистана" is of the region)
    homes = {k: loc for k, loc in homes.items()
             if not any(o != k and _within(other, loc) for o, other in homes.items())}
    if len(homes) != 1:
        return []
    guests = next(iter(homes.values()))
    found = [c.location for c in _kazakh_stops(text, cands, cues, people=people, attended=cues.attended)]
    origin = next(c for c in cands if c.location.key == guests.key)
    if not found and cues.lang == "kk" and ctx.trip_abroad is None:
        # "... келген жиырма бес оқушы Ордабасы ауданындағы лагерінде демалды": where the sentence has them (not
        # while the story follows our party abroad, where such people are met: "Пусан қаласынан келген кәсіпкер
        # ... Төлеби ауданында база салуға қызығушылық танытты" at a fair in Tashkent)
        # (or at a body of the place: "Қазығұрт ауданының жастар орталығында", at the district's youth centre)
        found = [c.location for c in cands if c.is_home and c.location.kind != "country" and c.start > origin.end
                 and (c.locative or _case_of_whereabouts(text, c, cues) or _kk_at_its_body(text, c, cues))]
    hosts = {c.location.key: c.location for c in cands if c.is_home and c.actor and c.location.kind != "country"}
    if not found and (len(hosts) == 1 or not any(c.is_home for c in cands) and ctx.trip_abroad is None
                      and ctx.actor_home is not None and ctx.actor_home.kind != "country") \
            and frames_mod.guests_from(cues.lang, text, origin.start, origin.end, _GUEST_LEMMAS) is not None:
        # "Гости из Риги провели курс по методике преподавания": guests came to a host, the one the sentence
        # names by its actor ("у нас были гости из Кашгара": the interviewee's place) or the story's own place
        found = list(hosts.values()) or [loc for loc in (ctx.actor_home,) if loc is not None]
    if not found:
        return []
    stop = found[-1]
    ctx.legs.add((sentence.start, stop.key, guests.key))
    return [Link(kind="visit", home=stop, partner=guests, date=None,
                 evidence=Mention(text, sentence.start, sentence.end))]


KK_POSSESSED_WORDS = 3  # "Қазығұрт ауданының жастар ресурстық орталығында": the possessed noun a few words on


def _kk_at_its_body(text: str, cand: Candidate, cues: Cues) -> bool:
    """Kazakh: is the place written in the genitive (on it or on its division noun) with a noun a few words on
    that carries a case of location or destination ("Қазығұрт ауданының жастар орталығында", at Kazygurt
    district's youth centre)? The possessed noun says where, the genitive whose."""
    end = _word_end(text, cand.end)
    after = list(islice(_WORD.finditer(text, end), KK_POSSESSED_WORDS + 1))
    genitive = kk.GENITIVE.search(text[cand.start:end].casefold()) is not None
    if not genitive and after and after[0].group().casefold().startswith(_division_stems(cues)) \
            and kk.GENITIVE.search(after[0].group().casefold()):
        genitive, after = True, after[1:]  # ("ауданының": the genitive on the division noun)
    suffixes = tuple(cues.whereabouts.get("suffixes", ()))
    return genitive and any(w.group().casefold().endswith(suffixes) and len(w.group()) > 4
                            and not _STRETCH_BREAK.search(text, end, w.start())
                            for w in after[:KK_POSSESSED_WORDS])


KK_CAME_PEOPLE_WORDS = 4  # "аймағынан келген жиырма бес оқушы": the people a few words after "келген"


def _kk_people_came_from(text: str, cand: Candidate, cues: Cues) -> bool:
    """Kazakh: are people written as having come from the place ("Баян-Өлгий аймағынан келген жиырма бес оқушы",
    "Анкарадан келген дәрігерлер")? The place's ablative (on it or its division noun), then "келген", then a noun
    of people a few words on."""
    words = list(islice(_WORD.finditer(text, _word_end(text, cand.end)), KK_CAME_PEOPLE_WORDS + 2))
    if words and words[0].group().casefold().startswith(_division_stems(cues)):
        words = words[1:]  # ("аймағынан келген": the ablative on the division noun)
    return bool(words) and words[0].group().casefold() == "келген" and cues.people is not None and any(
        cues.people.match(w.group().casefold()) for w in words[1:KK_CAME_PEOPLE_WORDS + 1])


def _went_or_was(text: str, cand: Candidate, cues: Cues, frame: Mapping[str, Sequence[str]] | None = None, *,
                 people: Callable[[Token], bool] | None = None, attended: re.Pattern | None = None,
                 unnamed_people: bool = False) -> tuple[int, int] | None:
    """``frames.whereabouts`` for a candidate: its case ending read here, and a city or region noun after it that
    may carry the case instead ("Дуйсбург қаласына")."""
    divisions = cues.actor_divisions.get("city", ()) + cues.actor_divisions.get("region", ())
    return frames_mod.whereabouts(cues.lang, text, cand.start, cand.end, cues.whereabouts if frame is None else frame,
                                  case_marked=_case_of_whereabouts(text, cand, cues, on_the_noun=False),
                                  divisions=divisions,
                                  people=people, attended=attended, unnamed_people=unnamed_people)


def _kazakh_stops(text: str, cands: Sequence[Candidate], cues: Cues, frame: Mapping[str, Sequence[str]] | None = None,
                  *, people: Callable[[Token], bool] | None = None,
                  attended: re.Pattern | None = None) -> list[Candidate]:
    """The Kazakh places below a country that a party went to or was at (``_went_or_was``), in text order: not
    where a journey began or passed through, nor an actor's or envoy's place."""
    return [c for c in cands if c.is_home and c.location.kind != "country"
            and not (c.origin or c.route or c.actor or c.envoy)
            and not _in_transit(text, c.start, c.end, c.location, cues)
            and _went_or_was(text, c, cues, frame, people=people, attended=attended) is not None]


def _guests_stops(sentence: Sentence, cands: Sequence[Candidate], cues: Cues, ctx: _Context) -> list[Link]:
    """The mirror of a trip abroad: foreign guests the story follows around Kazakhstan ("On Tuesday the
    delegation drove to Sairam", "Сәрсенбі күні қонақтар Созақ ауданына барды", "гости посетили Кентау") visited
    the Kazakh place they went on to, each place its own visit, once. Only where the place is written as where the
    party went or was, and the sentence names no foreign place but the guests' own country's or one a clause after
    the stop describes it by (the guests' side is the story's)."""
    if ctx.guests is None or ctx.trip_abroad is not None:
        return []
    text = sentence.text
    # the guests, not our own officials: "the akim himself attended a session in Astana" is no stop of theirs
    # (and a verb of visiting takes its place as object: "гости посетили Кентау"; in the story of our own trip that
    # verb is an event's cue, read by the events machinery)
    frame = {**cues.whereabouts, "party": [w for w in cues.whereabouts.get("party", ())
                                           if not w.casefold().startswith(cues.actor_home_roles or ("\0",))],
             "object_verbs": [*cues.whereabouts.get("object_verbs", ()),
                              *cues.whereabouts.get("guests_object_verbs", ())]}
    found = _kazakh_stops(text, cands, cues, frame)
    if not found:
        return []
    stop = max(found, key=lambda c: c.start)
    # a foreign place may only be the guests' own ("received the delegation, which included managers of
    # manufacturers based in Pohang and Gumi") or one a clause after the stop tells of, describing it ("побывала
    # в Арыси – крупном железнодорожном узле, через который идут поезда из Китая в Узбекистан"); any other is a
    # side of the sentence's own
    if any(not c.is_home and c.location.country != ctx.guests.country
           and (c.start < stop.end or not _CLAUSE_BREAK.search(text, stop.end, c.start)) for c in cands):
        return []
    if any(lk.kind == "visit" and lk.home.key == stop.location.key and lk.partner.key == ctx.guests.key
           for lk in ctx.links):
        return []  # "The guests reached Turkistan via Dubai": the visit to Turkistan the story told, told again
    ctx.legs.add((sentence.start, stop.location.key, ctx.guests.key))
    return [Link(kind="visit", home=stop.location, partner=ctx.guests, date=None,
                 evidence=Mention(text, sentence.start, sentence.end))]


_KK_SIGNED = re.compile(r"\s*(?:\S+\s+){0,3}?қол\s+қой", re.IGNORECASE)


def _signed_here(text: str, trigger: Trigger, cues: Cues) -> bool:
    """Does the partnership cue tell a signing, by itself ("подписали соглашение") or, in Kazakh, by the "қол қой-"
    right after the document ("меморандумға қол қойдық")? Not a document only named ("реализацию меморандума")."""
    return _a_signing(text, trigger, cues) or cues.lang == "kk" and (
        bool(_KK_SIGNED.match(text, trigger.end)) or "қол қой" in text[trigger.start:trigger.end].casefold())


def _sides_of_another_kind(text: str, start: int, places: Sequence[Location], cues: Cues) -> bool:
    """Does the text after ``start`` name the sides by a division noun no place of ``places`` is ("екі қала
    арасында" beside a province)? Then the sides are others than those places."""
    found = cues.sides.search(text, start) if cues.sides else None
    if found is None:
        return False
    kinds = {actors_mod.division_kind(w.group(), cues.actor_divisions) for w in _WORD.finditer(found.group())}
    kinds.discard(None)
    return bool(kinds) and not any(p.kind in kinds for p in places)


def _event_links(sentence: Sentence, cands: list[Candidate], cues: Cues, ctx: _Context) -> list[Link]:
    text = sentence.text
    triggers, frames, dead = _triggers(text, cues, reported=bool(ctx.links))
    ctx.cued = bool(triggers or frames or dead)
    ctx.live_kinds = frozenset() if dead else frozenset(t.kind for t in (*triggers, *frames))
    if not triggers and not frames:
        return []
    # "the Ordabasy district of the Turkistan region and the Nookat district of the Osh region signed": each end
    # is its most specific place, the region that holds it only says where it is
    keys = {c.location.key for c in cands}
    cands = [c for c in cands if c.location.kind != "region" or not any((c.location.key, k) in ctx.contains
                                                                        for k in keys)]
    postings, sending = _envoy_titles(text, cands, cues)
    # "the ambassador of Georgia ... the port of Poti": the envoy's country is the side of the meeting, not a town
    # of it the talks touched on
    envoy_countries = frozenset(cands[i].location.key for i in sending if not cands[i].is_home)
    # an envoy posted abroad meets there; one posted to Kazakhstan ("Korea's ambassador to Kazakhstan")
    # is received by a Kazakh side the sentence may give only by role ("the akim"): the story's
    posted_abroad = any(not cands[i].is_home and cands[i].location.kind == "country" for i in postings)
    hosted_envoy = any(cands[i].is_home for i in postings)
    home_country = next((c.location for c in cands if c.is_home and c.location.kind == "country"), None)
    # where the envoy's counterpart names no place ("Посол Казахстана в КНР встретился с генсеком APSCO")
    # the posting stands for it, unless the story already told an event with that country, which the envoy
    # then joins ("the Ambassador of Kazakhstan to Poland took part in the talks")
    told = {lk.partner.country for lk in ctx.links}
    stand_ins = [cands[i] for i in sorted(postings) if not cands[i].is_home and cands[i].location.country not in told]
    cands = [c for i, c in enumerate(cands) if i not in postings]
    # "a university hospital in Busan signed": a foreign place where a party of the event is, not its venue
    bodies = set(frames_mod.places_of_bodies(cues.lang, text, [(c.start, c.end) for c in cands
                                                                if c.locative and not c.is_home], cues.located_body))
    cands = [replace(c, locative=False) if (c.start, c.end) in bodies else c for c in cands]
    if not triggers:
        triggers = frames
    verb_final = cues.lang == "kk"
    groups, set_aside, describing = _places_by_event(text, cands, triggers, frames, dead, cues)
    stand_ins_of: dict[Trigger, list[Candidate]] = {t: [] for t in triggers}
    for c in stand_ins:
        stand_ins_of[_owner(text, c, triggers, verb_final=verb_final)].append(c)

    national = bool(cues.national_actor and cues.national_actor.search(text))
    anaphor = bool(cues.group_anaphor and cues.group_anaphor.search(text))
    # "the akim met the governor of Orenburg region": an office only Kazakhstan has, named without its place,
    # is the story's Kazakh side
    akim = bool(cues.actor_home_roles) and any(w.group().casefold().startswith(cues.actor_home_roles)
                                              for w in _WORD.finditer(text))
    envoy = bool(cues.resident_abroad and cues.resident_abroad.search(text))
    sides = bool(cues.sides and cues.sides.search(text))
    # an envoy posted to Kazakhstan who came from Astana ("посол Польши в Казахстане, приехавший из Астаны,
    # встретился с акимом области") came from the posting's capital, no side of the meeting
    set_aside += [c for c in cands if hosted_envoy and c.is_home and c.origin and c not in set_aside]
    # (also one named by the surname the story recorded: "Morita arrived in the region from Astana and was
    # received by the akim of Turkistan region")
    set_aside += [c for c in cands if c.is_home and c.origin and c not in set_aside
                  and any(o.envoy and not o.is_home for o in cands)
                  and any(o.is_home and not (o.origin or o.locative) for o in cands)]
    # so is the Kazakh city a foreign diplomat came from to the place the story follows ("Алматыдан арнайы келген
    # дипломат", the consulate's seat), where the sentence names no other Kazakh side
    set_aside += [c for c in cands if envoy and c.is_home and c.origin and c.location.kind != "country"
                  and ctx.actor_home is not None and not _same_side(c.location, ctx.actor_home)
                  and not any(o.is_home and not o.origin for o in cands) and c not in set_aside]
    # a Kazakh place where the travellers' route began ("Астанадан Варшава арқылы ұшып") is no side when the
    # story follows another Kazakh place: the delegation is that place's, it only flew from there
    set_aside += [c for c in cands if c.route and c.is_home and ctx.actor_home is not None
                  and not _same_side(c.location, ctx.actor_home) and c not in set_aside]
    # so is a foreign one ("Жиддадан Дубай арқылы ұшып келіп", "flew in from New Delhi via Almaty") beside the
    # travellers' own place, in the sentence or in the event the story follows: they only took off there
    theirs = [c.location for c in cands if not c.is_home and not c.route and c not in set_aside] \
        or ([ctx.event[1]] if ctx.event is not None else [])
    set_aside += [c for c in cands if c.route and not c.is_home and theirs and c not in set_aside
                  and not any(_same_side(c.location, t) for t in theirs)]
    # the story's guests, named by a bare noun, coming from another town of their own country than the one the
    # story told them from ("Гости прилетели из Баку в Шымкент" of a delegation from Sheki): where they flew from
    # (the noun before the town: "Бішкектен келген 30 құтқарушы", rescuers who came from Bishkek, are its own)
    told_sides = [t for t in _sides_told(ctx) if t.kind in ("city", "region")]
    guests_at = cues.group_anaphor.search(text) if anaphor and cues.group_anaphor else None
    if guests_at is not None and told_sides:
        set_aside += [c for c in cands if c.origin and not c.is_home and c.location.kind == "city"
                      and guests_at.start() < c.start
                      and c not in set_aside and not any(o.location.country == c.location.country
                                                         for o in cands if not o.is_home and o is not c)
                      and any(t.country == c.location.country for t in told_sides)
                      and not any(_within(c.location, t) or _within(t, c.location) or t.kind == "region"
                                  and _in_region(c.location, t) for t in told_sides)]
    # and a place the travellers came from that a clause has them at before ("arrived in Astana from Tashkent,
    # where it had spent three days"): an earlier stop of their trip, whoever they are; but not the place they
    # came back from ("returned home from Belarus, where they had joined ..."), which was the trip
    set_aside += [c for c in cands if c.origin and cues.previous_stop and cues.previous_stop.match(text, c.end)
                  and not _came_back_from(text, c, cues) and c not in set_aside]
    # so is a town of another country than the travellers' own, written before it ("Узбекский министр прилетел в
    # Туркестан из Москвы")
    set_aside += [c for c in cands if c.origin and not c.is_home and c.location.kind != "country"
                  and (own := {o.location.country for o in cands if o.start < c.start and not o.is_home
                               and o.location.kind == "country" and not (o.origin or o.locative)})
                  and c.location.country not in own and c not in set_aside]
    for group in groups.values():
        group[:] = [c for c in group if c not in set_aside]
    ctx.signed_on_trip.update((sentence.start, c.location.key) for t, group in groups.items() if t.kind == "visit"
                              for c in group if _WHERE_TO.match(text, c.end) and any(
                                  o.kind == "partnership" and o.end <= c.start for o in triggers))
    sentence_homes = [c for c in cands if c.is_home and c not in set_aside]
    # (home, partner) -> (kind, home, partner, the time its trigger's clause writes); a pair told twice in one
    # sentence at two times ("signed in 2022 ..., and its delegation came last year") keeps both events
    best: dict[tuple, tuple[str, Location, Location, Days | FoundPeriod | None]] = {}
    decided: dict[Trigger, tuple[Location, bool]] = {}  # each trigger's Kazakh side, and whether it was carried
    visited: dict[Trigger, list[Location]] = {}  # each visit trigger's places visited
    trips: list[tuple[Location, Location]] = []  # (home, place) of every visit told, kept or not
    for trigger, group in groups.items():
        kind = "visit" if frames and trigger.kind == "meeting" else trigger.kind
        scoped = False
        if kind == "partnership":
            ordered = group
            group, scoped = _parties_of_signing(text, trigger, group, [c for c in cands if c not in describing], cues)
            before = [t for t in triggers if t.end <= trigger.start]
            if scoped and not any(not c.is_home for c in group) and before and cues.lang != "kk":
                if any(not c.is_home for c in ordered) and _VERB_COORDINATION.search(text, before[-1].end,
                                                                                     trigger.start):
                    # "провела переговоры с руководством провинции X и подписала меморандум": a signing coordinated
                    # with the talks shares their counterpart, which the parse hangs on the first verb only
                    group, scoped = ordered, False
                elif before[-1].kind == "visit" and cues.outcome is not None \
                        and cues.outcome.search(text, before[-1].end, trigger.start):
                    # "вернулась из Познани с подписанным меморандумом": the trip's outcome, between its sides
                    group, scoped = list(groups[before[-1]]), False
                elif any(not c.is_home for c in ordered) and _no_place_after(trigger, cands) \
                        and _a_signing(text, trigger, cues):
                    # "побывала в Бухаре, где был подписан меморандум": no party after the signing, whose places
                    # are the earlier event's (_places_by_event): made at that event
                    group, scoped = ordered, False
        if kind in ("partnership", "meeting") and _foreign_subject_without_home(text, trigger, cands, cues):
            continue  # "Tucson also maintains sister-city ties with Guadalajara, and ... the Kazakh guests"
        if kind != "visit" and (seen := frames_mod.witnessed(cues.lang, text, trigger.start, trigger.end)) \
                and not any(c.is_home and seen[0] <= c.start < seen[1] for c in cands):
            continue  # "your correspondent watched as the chamber signed a protocol with a mission from Baku": the
            # watchers are no party, and the clause watched names no Kazakh one
        if kind == "partnership" and _foreign_pair_by_case(text, trigger, cands, cues):
            continue  # "Батумидің Одесса қаласымен бауырлас екенін": Batumi's sister is Odesa, not ours
        if _guests_abroad(text, trigger, group, sentence_homes, cues) \
                or _our_guests_elsewhere(text, trigger, group, cues, ctx) \
                or _foreign_traveller_elsewhere(text, trigger, group, cues) \
                or trigger.kind == "visit" and _party_going_home(text, trigger.start, trigger.end, group, cues):
            continue
        pairs = _paired_sides(text, group) if kind == "partnership" else []
        if len(pairs) >= 2:  # "Павлодарской и Омской, Мангистауской и Астраханской ... подписаны": pair by pair
            for home_side, partner in pairs:
                best[(home_side.key, partner.key)] = (kind, home_side, partner, None)
            continue
        homes = [c for c in group if c.is_home]
        home_cand = _home_of(homes, trigger.start) or (None if scoped else _home_of(sentence_homes, trigger.start))
        home = home_cand.location if home_cand else None
        partners = _partners(group, text, cues, envoy=envoy, any_venue_gives_way=kind != "visit",
                             posted=posted_abroad, visit=kind == "visit",
                             envoy_countries=envoy_countries if kind == "meeting" else frozenset())
        if not partners and stand_ins_of[trigger]:
            partners = _partners(group + stand_ins_of[trigger], text, cues, envoy=envoy,
                                 any_venue_gives_way=kind != "visit", visit=kind == "visit")
        trip = next((t for t in reversed(visited) if t.end <= trigger.start), None)
        visited_end = max((d.end for d in groups[trip] if not d.is_home), default=trip.end) if trip else 0
        if kind == "partnership" and not partners and trip is not None and _signed_here(text, trigger, cues) \
                and not any(not c.is_home for c in cands if c.start > visited_end and c not in set_aside) \
                and not _sides_of_another_kind(text, visited_end, visited[trip], cues):
            # "наша делегация побывала в Мултане, и там ... подписали соглашение", "делегация Ченнайға барды,
            # сол сапарда біз ... меморандумға қол қойдық": a signing after the trip in the same sentence, with
            # no foreign party of its own, was made there, with the place the trip went to (not one "between the
            # two cities", whose names the sentence does not give: "Ганьсу провинциясынан делегация келіп, екі
            # қала арасында келісімге қол қойылды")
            partners = visited[trip]
            if home is None:
                home, carried = decided[trip]
        if kind == "meeting" and home_country is not None and not akim and cues.national_office \
                and cues.national_office.search(text) and partners \
                and all(c.locative or c.origin for c in sentence_homes if c.location.kind != "country"):
            # "the ambassador of Uzbekistan met the minister of trade in Astana": a minister's office is the
            # country's, and the capital only where the talks were held
            home_cand, home = None, home_country
        if kind == "meeting" and _between_foreign_sides(text, group):
            continue  # "hosted a meeting between the business associations of Namangan and Osh": theirs
        foreign_here = [c for c in group if not c.is_home]
        homes_here = [c for c in group if c.is_home]
        if kind in ("visit", "meeting") and foreign_here and all(c.envoy and c.locative for c in foreign_here) \
                and homes_here and all(c.location.kind == "country" for c in homes_here):
            continue  # "делегация Қазақстанның Мысырдағы елшілігінде болып, елші ... кездесті": our delegation met our
            # own embassy; the country it is posted in is no party
        if home_cand is not None and home_cand.locative and len({p.country for p in partners}) > 1 \
                and not (national and home is not None and home.kind == "country"):
            continue  # Uzbek and Turkish ministers meeting in Astana: a Kazakh venue, not a Kazakh side (nor the
            # story's: "в Туркестане встретились представители деловых кругов Самарканда и Каракола")
        if kind == "meeting" and home_cand is not None and partners and (
                home_cand.locative and _venue_of_an_event(text, home_cand)
                or not (home_cand.locative or home_cand.origin) and _in_an_events_name(text, home_cand)):
            # "Алматыда өткен Digital Almaty форумы аясында Түркістан облысының әкімі ... кездесіп", "the akim met
            # the minister on the sidelines of the Astana International Forum": the forum's Kazakh city is where they
            # met, or part of its name; the side is the one who met, named in the sentence or followed by the story
            actors = [c for c in sentence_homes if not (c.locative or c.origin) and not _same_side(
                c.location, home_cand.location) and c.location.kind != "country"]
            if actors:
                home_cand = min(actors, key=lambda c: abs(c.start - trigger.start))
                home = home_cand.location
            elif not home_cand.locative and ctx.actor_home is not None and ctx.actor_home.kind != "country" \
                    and not _same_side(ctx.actor_home, home_cand.location):
                # (a venue written as one, "in Astana", is left to the rule below)
                home_cand, home = None, ctx.actor_home
        if home_cand is not None and home_cand.locative and partners \
                and (envoy or kind == "meeting" or kind == "visit" and anaphor) \
                and all(c.locative for c in sentence_homes) and ctx.actor_home is not None \
                and ctx.actor_home.kind != "country" and home is not None and ctx.actor_home.key != home.key \
                and not (kind == "visit" and any(_delegation_of(text, c, cues) for c in group if not c.is_home)):
            # a Kazakh place named only as where something is, is no side; the one the article follows is:
            # "the akim met the Turkish consul general in Almaty" in a story about Kyzylorda (the consul's
            # posting), talks "at a forum held in Astana", and "the guests spent the day in Milan at a round
            # table prepared by the trade agency's office in Almaty" (the visitors did not travel from there)
            # (but where a foreign delegation travelled, the Kazakh place it spent its day in is where it went: "A
            # business delegation from Orenburg spent Thursday in Aktobe")
            home_cand, home = None, ctx.actor_home
        carried = False
        if home is not None and home.kind == "country" and not national and kind != "partnership" \
                and ctx.actor_home is not None and ctx.actor_home.kind != "country":
            home, carried = ctx.actor_home, True  # "Делегация РК" in an article about the SKO delegation
        if kind == "meeting" and sides and ctx.event and _sides_met(text, trigger, cues):
            # "екі қаланың басшылары ... форумы кезінде кездесіп", "the two mayors met at the forum": the story's
            # two sides met; the forum's or the venue's places are no side
            home, partners, carried = ctx.event[0], [ctx.event[1]], True
        story_pair = ctx.event or ((last.home, last.partner) if (last := _last_agreement(ctx)) else None)
        # "делегация Шымкента побывала в Ташкенте, где стороны подписали меморандум": the sides are those of the
        # trip the sentence told before the signing, written there, not the story's last event's
        trips_pair = (decided[trip][0], visited[trip][0]) if trip is not None and trip.kind == "visit" \
            and visited[trip] and trip in decided else None
        signers = trips_pair or story_pair
        if kind == "partnership" and signers and cues.sides and not any(
                not c.is_home and not c.locative for c in group) \
                and frames_mod.signed_by(cues.lang, text, trigger.start, trigger.end, cues.sides, cues.signing_frame,
                                     kk_nouns=cues.sides_countries):
            # "Документ, подписанный сторонами ...": the parties of the story's event (or its agreement) signed it;
            # a place named elsewhere in the sentence ("a trade office in Kostanay") is not a side of the signing,
            # nor where they signed it ("signed by the sides in Baku on 17 November 2021")
            home, partners, carried = _at_the_level_of_the_anaphor(sentence, cues, ctx, signers)
            carried = carried and trips_pair is None
        if kind == "partnership" and (agreed := _agreement_signed_at_a_venue(text, trigger, group, cues, ctx)):
            home, partners, carried = agreed.home, [agreed.partner], True
        if home is None and not cands and kind == "partnership" and ctx.event and ctx.next_sentence \
                and (next_abroad := _named_abroad_in(ctx.next_sentence, ctx)) \
                and not any(_same_side(p, side) for p in next_abroad for side in _sides_told(ctx)) \
                and any(t.kind == "partnership" for t in _triggers(ctx.next_sentence.text, cues)[0]):
            continue  # "June brought the year's only signed document. On 14 June Kentau and Katowice signed ...": an
            # agreement announced with no side, and told in the next sentence with a partner new to the story, is
            # that one (with the story's own partner it is the story's agreement, as below)
        if home is None and not cands and kind == "partnership" and ctx.event:
            # "the two cities have been partners", "it ended with the signing of memoranda": an agreement whose
            # sides no word names is between the sides of the story's last agreement, else of its last event
            last = _last_agreement(ctx)
            home, partners, carried = (last.home, [last.partner], True) if last else (
                ctx.event[0], [ctx.event[1]], True)
        if home is None and kind == "partnership" and cues.standing_relation and ctx.actor_home is not None \
                and cues.standing_relation.search(text, trigger.start, trigger.end + 1) and partners \
                and not any(c.is_home for c in cands) and all(c.start >= trigger.end for c in group):
            # "the mayors of the sister cities, Aberdeen and Shirvan": the noun first, its cities after it, are
            # the story's city's partners ("Urumqi and Samarkand became sister cities" is theirs alone)
            home, carried = ctx.actor_home, True
        if home is None and kind == "partnership" and partners and ctx.actor_home is not None and cues.delegation \
                and frames_mod.signed_by_a_delegation(cues.lang, text, trigger.start, trigger.end, cues.delegation,
                                                      cues.signing_frame):
            # "a regional delegation returned from Uzbekistan, where it signed a roadmap with Samarkand region":
            # the story's delegation, whose side the sentence does not name
            home, carried = ctx.actor_home, True
        if home is None and kind == "partnership" and partners and cues.lang != "kk" \
                and (noun := frames_mod.noun_of_clause(cues.lang, text, trigger.start, trigger.end)) is not None:
            # "returned from a working trip to Hungary, during which an agreement was signed with Bács-Kiskun",
            # "поездки в Венгрию, в ходе которой было подписано соглашение": signed on the trip, by its side
            trip = next((t for t in decided if t.kind == "visit" and t.start < noun[1] and noun[0] < t.end), None)
            if trip is not None:
                home, carried = decided[trip]
        if home is None and partners and ctx.actor_home is not None \
                and frames_mod.done_by_us(cues.lang, text, trigger.start, trigger.end) \
                and realis(cues.lang, text, trigger.start, trigger.end) == HAPPENED:
            # "мы подписали в Лионе соглашение с мэрией Лиона", "we met the mayor", said the akim: the story's
            # side
            home, carried = ctx.actor_home, True
        if home is None and kind in ("meeting", "visit") and partners \
                and frames_mod.receives_a_party(cues.lang, text, trigger.start, trigger.end) \
                and (side := _receiving_side_by_kind(text, trigger, cues, ctx, sentence.start)) is not None:
            home, carried = side, True  # "On 3 February the district received a group of farmers from Jizzakh"
        if home is not None and home.country == HOME_COUNTRY and kind == "meeting" and partners \
                and any(c.origin and not c.is_home and c.location.country in {p.country for p in partners}
                        for c in group) \
                and not any(c.is_home and c.locative and not _same_side(c.location, home) for c in cands) \
                and frames_mod.receives_a_party(cues.lang, text, trigger.start, trigger.end):
            # "Ordabasy district received a group of investors from Xi'an": on a trip of theirs to the host's place
            # (not where the host received them elsewhere: "in Astana, the deputy akim of the region received ...")
            kind = "visit"
        if home is None and kind == "partnership" and partners:
            # "в 2019 году область подписала соглашение с Витебской областью": the region named last
            side = _signing_side_by_kind(text, trigger, cues, ctx, sentence.start,
                                         foreign_before=any(not c.is_home and c.start < trigger.start for c in cands))
            if side is not None and side.country == HOME_COUNTRY:
                home, carried = side, True
        if home is None and kind == "partnership" and partners and ctx.actor_home is not None \
                and ctx.actor_home.kind != "country" and _with_the_partner_alone(text, trigger, cands, partners, cues):
            # "The memorandum with Bukhara, signed in 2021, ...", "Бұхарамен 2021 жылы қол қойылған меморандум": an
            # agreement told by its counterpart alone, no party of the sentence signing it, is the story's side's
            home, carried = ctx.actor_home, True
        if home is None and kind == "partnership" and partners and ctx.announced is not None \
                and 0 < ctx.sentence_no.get(sentence.start, 0) - ctx.announced[1] <= ANNOUNCED_REACH_SENTENCES:
            # "В понедельник в Шымкенте подписан меморандум ... Документ подписали руководитель управления и главный
            # врач Гомельского кардиоцентра": the agreement announced with our side alone, its partner detailed next
            home, carried = ctx.announced[0], True
        previous = next((t for t in reversed(decided) if t.end <= trigger.start), None)
        if home is None and kind == "partnership" and partners and previous is not None and (
                _kk_runs_on(text, previous, trigger, cues)
                or cues.lang != "kk" and _VERB_COORDINATION.search(text, previous.end, trigger.start)
                or cues.lang != "kk" and previous.kind in ("visit", "meeting") and _a_signing(text, trigger, cues)
                and _no_place_after(trigger, cands)
                or previous.kind == "visit" and cues.outcome is not None
                and cues.outcome.search(text, previous.end, trigger.start)):
            # "делегациясы Аддис-Абебада болып, ... келісімге қол қойды", "the delegation arrived in Cebu and
            # signed ...": coordinated predicates share their subject, so the signing has the trip's Kazakh side
            home, carried = decided[previous]
        if home is None:
            # (talks held online with a foreign party and no Kazakh side named, "кластер басшылығы Гиза
            # қаласындағы институттың мамандарымен онлайн кездесу өткізді", are the story's side's: nobody travelled)
            # (but guests came to a host: "the guests from Kazan and the Model UN club signed a memorandum" is an
            # agreement with the story's side)
            hosted = kind == "partnership" and any(
                not c.is_home and frames_mod.guests_from(cues.lang, text, c.start, c.end, _GUEST_LEMMAS) is not None
                for c in group)
            if kind == "partnership" and not hosted or ctx.actor_home is None or not (
                    anaphor or national or frames or hosted_envoy or akim or hosted
                    or kind == "meeting" and _remote(text, trigger, cues)
                    or kind in ("visit", "meeting") and _came_from_abroad(text, trigger, group, cues, ctx)):
                continue  # partnerships name both sides; foreign-foreign pairs are not ours
            # parties of two foreign countries, a person of one among them ("Гасанов принимал в Баку гостей из
            # Ашхабада"): their event, not the story's
            if len({p.country for p in partners} | {c.location.country for c in group
                                                    if c.actor and not c.is_home}) > 1:
                continue
            # so are travellers of one foreign country where the trip went to another ("the Penang side said its
            # delegation had just returned from a fair in Jakarta"), unlike our tour of two ("a trip to Malaysia
            # and Indonesia, ... with Selangor and Surabaya")
            # (the travellers are named before the verb, where they went after it: English and Russian order)
            went = {c.location.country for c in group if not c.is_home and c.locative and c.start > trigger.start}
            travellers = {c.location.country for c in group if not c.is_home and not c.locative
                          and c.end <= trigger.start}
            if kind == "visit" and cues.lang != "kk" and went and travellers and not went & travellers:
                continue
            # (or of one country, from one of its towns to another: "делегация из Гулистана посетила Ташкент")
            # (not a stop they set out from: "From Bursa the troupe travelled to Eskişehir" is the story's tour)
            came = [c.location for c in group if not c.is_home and c.origin and c.end <= trigger.start
                    and not frames_mod.an_earlier_stop(cues.lang, text, c.start, c.end, trigger.start, trigger.end)]
            gone = [c.location for c in group if not c.is_home and c.start > trigger.start
                    and not (c.origin or c.actor)]
            if kind == "visit" and cues.lang != "kk" and came and gone and not any(
                    _same_side(a, b) or _within(a, b) or _within(b, a) for a in came for b in gone):
                continue
            destination = _destination_by_kind(text, trigger, cues, ctx, sentence.start)
            if destination is not None and destination.country != HOME_COUNTRY:
                continue  # "a delegation from Izmir came to the city" after a paragraph on Ganja: theirs
            home, carried = ctx.actor_home, True
        if kind == "visit" and partners and any(c.origin and not c.is_home for c in group) \
                and (delegations := [c.location for c in group if c.origin and not c.is_home
                                     and c.location.kind == "city" and _delegation_of(text, c, cues)
                                     and cues.delegation is not None
                                     and cues.delegation.search(text, max(0, c.start - 40), c.start)]) \
                and all(p.kind != "city" for p in partners if p.key not in {d.key for d in delegations}):
            # "делегация из узбекского Гулистана во главе с заместителем хокима Сырдарьинской области": the party is
            # of the town it came from, more specific than its leader's region
            partners = delegations
        if kind == "visit" and partners and any(c.origin and not c.is_home for c in group) and (came_from := {
                c.location.country for c in group if _people_came_from(text, c, cues, own=True)}):
            # people of a place came from its country, whatever place of another country the sentence has them pass
            # by ("a team from Seoul came to us, straight from a mission in Ulaanbaatar")
            partners = [p for p in partners if p.country in came_from] or [
                c.location for c in group if c.location.country in came_from and not c.is_home][:1]
        domestic = any(not _same_side(c.location, home) for c in sentence_homes)
        if not partners and ctx.visit and not any(not c.is_home for c in cands) and not domestic:
            # ("Кентау әкімдігінің делегациясы Қарағанды қаласында болды": a Kazakh delegation in another Kazakh
            # city is no foreign visitors' trip going on)
            # (only when the sentence names no foreign place itself: "the delegation was in Ganja and
            # met the city's leaders" is about Ganja, not about the previous paragraph's visit)
            if anaphor and kind != "partnership" and ctx.visit[0].key != home.key:
                partners = [ctx.visit[1]]  # "the delegation travelled to Turkistan Region": same visitors
            elif kind == "partnership" and sides and ctx.visit[0].key == home.key:
                partners = [ctx.visit[1]]  # "the sides signed a memorandum" after a visit to Shymkent
        elif not partners and anaphor and kind == "visit" and not any(not c.is_home for c in cands) and not domestic:
            # "Signed today ... The delegation arrived in Shymkent yesterday": the travelling party of a story whose
            # last told event is an agreement of this side, and no visit yet, is the partner's (the trip that made it)
            last = ctx.links[-1] if ctx.links else None
            if last is not None and last.kind == "partnership" and last.home.key == home.key:
                partners = [last.partner]
        if kind == "meeting" and not envoy:
            # (talks in another Kazakh place than the side's: "in Astana, the deputy akim met the Bavarian
            # delegation" is no visit to the side)
            met_elsewhere = any(c.is_home and c.locative and not _same_side(c.location, home) for c in sentence_homes)
            venue_cands = [c for c in group if c.locative and not c.is_home and c.location.kind == "city"]
            venues = [c.location for c in venue_cands]
            # talks on the sidelines of a forum abroad are talks with whom one met, the forum's city a venue: "met
            # the khokim of Namangan at a forum in Tashkent", "на полях форума KazanForum в Казани встретился с
            # мэром Казани" (a meeting, not a visit)
            at_an_event = bool(venue_cands) and all(_venue_of_an_event(text, c) for c in venue_cands)
            # ("именно на её полях провёл встречу с делегацией провинции Хэбэй": the exhibition a sentence before)
            on_the_sidelines = cues.sidelines is not None and bool(cues.sidelines.search(sentence.text))
            # ("a video conference with colleagues from a school in Lodz": the school is in Lodz, nobody went there)
            remote = _remote(text, trigger, cues)
            met = [c.location for c in cands if not c.is_home and c not in venue_cands and not c.locative]
            if at_an_event and met and all(p.key in {v.key for v in venues} for p in partners):
                # "Бакуде өткен форум аясында Әзербайжанның экономика министрімен кездесіп": the forum's city is
                # where they met, the minister's country whom
                partners = list({p.key: p for p in met}.values())
            if on_the_sidelines:
                # whoever was met came to the event, as did our side: neither visited the other, and the talks
                # are no part of a visit our side paid the event's country ("Форум аясында шымкенттік делегация
                # Бирмингем қалалық кеңесінің өкілдерімен кездесті", the forum in London)
                ctx.on_sidelines.add(sentence.start)
            elif remote and not at_an_event and (here := [
                    c.location for c in venue_cands if _clause_of(text, c.start) == _clause_of(text, trigger.start)]):
                # nobody travelled: the place "in" which the other party stays is its side ("колледждің
                # Найроби қаласындағы ... әріптестерімен онлайн кездесу", a meeting with Nairobi); not one in
                # another clause only ("пока предприниматели находились в Кашгаре, ... провёл по видеосвязи
                # встречу")
                partners = list({v.key: v for v in here}.values())
            elif venues and all(p.country == venues[0].country for p in partners) and not at_an_event and not remote:
                # talks held abroad by a party that does not live there: the party travelled, and the
                # place it went to is where they were held ("talks in Urgench with the Khorezm leadership",
                # "провёл в Урумчи переговоры с руководством СУАР")
                kind, partners = "visit", list({v.key: v for v in venues}.values())
            elif _delegation_before(text, trigger, cues, met_elsewhere=met_elsewhere):
                kind = "visit"  # "the delegation met the marshal of Silesia": talks on a trip abroad
            elif cues.delegation is not None and cues.lang in ("ru", "en") and home_cand is not None \
                    and home_cand.locative and any(not c.locative for c in group if not c.is_home) \
                    and frames_mod.held_by_a_delegation(cues.lang, text, trigger.start, trigger.end, cues.delegation):
                # "Делегация Ферганской области во главе с хокимом ... провела переговоры в Шымкенте": the
                # foreign delegation held its talks in the Kazakh place it had travelled to
                kind = "visit"
            elif not met_elsewhere and not venue_cands and not remote and any(
                    c.location in partners and _people_came_from(text, c, cues) for c in group):
                kind = "visit"  # "musicians from Bishkek met pupils of the local school": they came here
            elif not met_elsewhere and not venue_cands and not ctx.event_at_home and any(
                    not c.is_home and c.location in partners and _delegation_of(text, c, cues) for c in group):
                # "a meeting with the Almaty mayor is among the programme of the Khorasan Razavi delegation": talks
                # with the delegation of the partner itself are that delegation's visit (not where they were
                # held in a third country: "met the Kairouan delegation at a session in Riyadh")
                kind = "visit"
        if kind == "visit" and partners and all(p.kind == "country" for p in partners) \
                and (hosted_envoy or any(c.envoy and not c.is_home for c in group)
                     or home.kind != "country" and _envoy_of(text, group, cues)):
            # the Japanese ambassador to Kazakhstan touring Pavlodar region crosses no border; nor does "посол
            # Иордании посетил Жамбылскую область", whose posting goes without saying
            kind = "meeting"
        if kind == "visit" and home.kind == "country":
            anchor = frames[0] if frames else trigger
            if _nearest_actor_is_resident(text, anchor, cues):
                kind = "meeting"  # the Kazakh ambassador in Slovenia going to Maribor crosses no border
        if kind == "visit" and partners and home.country == HOME_COUNTRY:
            # our party abroad had been where it set out from on its way: "Из Стамбула делегация отправилась в
            # Бурсу", "From Samarkand the delegation travelled on to Bukhara" (a stop of the tour, not its home),
            # where the story told of the place before without a tie of its own ("2 апреля в Стамбуле состоялось
            # открытие торгового дома"); not a place first named on the way ("вылетела в Монголию ..., а из
            # Улан-Батора до Эрдэнэта добиралась на машинах" passed through), nor where the story told its time
            # already ("signed in Debrecen ... From Debrecen the delegation went on to Szeged": the agreement's stay)
            partners += [c.location for c in group if not c.is_home and c.origin
                         and all(p.key != c.location.key for p in partners)
                         and any(at < sentence.start and loc.key == c.location.key for at, _, loc in ctx.named)
                         and not any(lk.partner.key == c.location.key for lk in ctx.links)
                         and frames_mod.an_earlier_stop(cues.lang, text, c.start, c.end, trigger.start, trigger.end)]
        if kind == "visit":
            # a forum, fair or exhibition abroad is a venue: attending it is no visit to its city ("took part in
            # an industrial exhibition in Baku"), unless the sentence also names the city as no venue
            # (not where the visitors came from: "Фестивальге Анкарадан келген топты ... қабылдады")
            # (nor when they met someone there, which the sentence tells by talks of its own: "Өлгийде өткен
            # фестиваліне қатысып, аймақ басшылығымен кездескен")
            at_event = {c.start: not c.origin and _venue_of_an_event(text, c, only_of_the_event=True) for c in group}
            met_there = any(t.kind == "meeting" and realis(cues.lang, text, t.start, t.end) not in NOT_HAPPENED
                            for t in triggers)
            at_events = set() if met_there else {
                c.location.key for c in group if not c.is_home and at_event[c.start]} - {
                c.location.key for c in group if not c.is_home and not at_event[c.start]}
            partners = _visited_places([p for p in partners if p.key not in at_events])
        also = [c.location for c in homes if home_cand is not None and not carried and c is not home_cand
                and c.location.key != home.key and _coordinated(text, c, home_cand)]
        if kind == "partnership" and home is not None and not partners and not carried:
            ctx.announced = (home, ctx.sentence_no.get(sentence.start, 0))  # its partner may be told next
        decided[trigger] = (home, carried)
        if kind == "visit" and partners:
            visited[trigger] = partners
            trips += [(home, p) for p in partners]
            if home_cand is not None and not carried and _written_as_destination(text, home_cand, cues):
                ctx.came_here.update((sentence.start, p.key) for p in partners)
        told_at = _clause_time(text, trigger.start, ctx.reference)
        for partner, side in [(p, h) for h in (home, *also) for p in partners]:
            pair: tuple = (side.key, partner.key)
            held = best.get(pair)
            if held is not None and held[3] is not None and told_at is not None and not _times_agree(held[3], told_at):
                pair = (side.key, partner.key, trigger.start)  # another event of the same pair
            if pair not in best or _STRENGTH[kind] > _STRENGTH[best[pair][0]]:
                best[pair] = (kind, side, partner, told_at)
                ctx.cue_at[(sentence.start, kind, side.key, partner.key)] = trigger.start
                if carried:
                    ctx.carried.add((kind, side.key, partner.key))
                if kind == "partnership" and _standing(text, trigger, cues):
                    ctx.standing.add((sentence.start, side.key))
                if kind == "meeting" and (hosted_envoy or any(c.is_home and c.locative for c in group)):
                    ctx.held_at_home.add(sentence.start)
                if kind == "meeting" and any(c.envoy and not c.is_home for c in group):
                    ctx.with_envoy.add(sentence.start)
                if kind == "meeting" and envoy and side.kind == "country":
                    ctx.envoy_abroad.add((sentence.start, side.key))
        log.debug("trigger %r -> home %s%s, partners %s", text[trigger.start:trigger.end], home.name,
                  " (carried)" if carried else "", [p.name for p in partners])
    evidence = Mention(text, sentence.start, sentence.end)
    links = [Link(kind=k, home=h, partner=p, date=None, evidence=evidence) for k, h, p, _t in best.values()]
    for k, h, p, told_at in best.values():
        if told_at is not None:
            ctx.clause_time[(sentence.start, k, h.key, p.key)] = told_at
    # a trip that made the sentence's agreement ("the delegation was in Omsk region and signed ...") is still
    # the trip the next sentences follow ("the guests went on to Novosibirsk")
    for trip_home, place in trips:
        if not any(lk.kind == "visit" for lk in links) and any(
                lk.kind == "partnership" and lk.home.key == trip_home.key and lk.partner.key == place.key
                for lk in links):
            ctx.actor_home, ctx.visit, ctx.event = trip_home, (trip_home, place), (trip_home, place)
    # the sentence's most specific partner is what the next sentences refer back to ("met the vice-mayor of
    # Kashgar, in China's Xinjiang ... The two officials signed": with Kashgar)
    for link in sorted(links, key=lambda lk: _SPECIFICITY.get(lk.partner.kind, 0)):
        if link.kind in ("visit", "meeting") and not (posted_abroad and link.home.kind == "country"):
            # (talks of our ambassador where he is posted, "Қазақстанның Мысырдағы елшісі ... кездесті", told inside
            # a district's trip leave the district the story's side: "ансамбль Александрия қаласына барып")
            ctx.actor_home = link.home
        if link.kind == "visit":
            ctx.visit = (link.home, link.partner)
        if link.kind in ("visit", "meeting"):
            ctx.event = (link.home, link.partner)
    return links


def _not_the_event_day(text: str, start: int, end: int, cues: Cues) -> bool:
    """Is the date at ``start:end`` in the clause of a verb of coming home or of reporting ("returned home on
    Sunday from a six-day trip", "делегация 21 наурызда оралды", "the akimat reported on Friday")? It is the
    day a trip ended or the news was told, not the day the visit began nor of what was done during it."""
    if cues.not_the_event_day is None:
        return False
    lo = max((m.end() for m in _CLAUSE_OR_SENTENCE_BREAK.finditer(text, 0, start)), default=0)
    after = _CLAUSE_OR_SENTENCE_BREAK.search(text, end)
    hi = after.start() if after else len(text)
    # (not a day of what is reported: "told deputies that on Tuesday the akim had held a video conference")
    return any(not _COMPLEMENTIZER.search(text, verb.end(), start)
               for verb in cues.not_the_event_day.finditer(text, lo, hi))


_COMPLEMENTIZER = re.compile(r"(?<![\w-])(?:that|что)(?![\w-])", re.IGNORECASE)  # what is said follows it


def _in_background(text: str, at: int, cues: Cues) -> bool:
    """Is ``text[at]`` in a paragraph of background ("For reference: ... on 12 November the summit ...",
    "Ранее сообщалось, что ...")?"""
    if cues.background is None:
        return False
    opening = _PARAGRAPH_OPENING.match(text, text.rfind("\n", 0, at) + 1)
    return opening is not None and cues.background.match(text, opening.end()) is not None


_PARAGRAPH_OPENING = re.compile(r"[ \t\-–—«\"“]*")  # what may stand before a paragraph's first word


def _lead_event_date(article: Article, reference, cues: Cues, dateline: tuple[int, int] | None = None
                     ) -> tuple[str | None, bool]:
    """The article's own event date: the first dated day in the body within a month before the
    header date ("arrived on May 20" in a story filed on May 21), else a dateline's filing date ("Анкара,
    5 наурыз."), else the header date itself; and whether the body wrote it (the day the story tells, not
    the day it was filed). The ``dateline`` (the printed date a header-less story took as its date) is the
    filing, not an event."""
    if reference is None:
        return None, False
    filed = None
    for number, (offset, segment) in enumerate(article.segments()):
        for found in find_dates(segment, lang=article.lang, reference=reference):
            day = parse_iso(found.iso)
            if dateline is not None and (offset + found.start, offset + found.end) == dateline \
                    or _on_a_line_of_its_own(article.text, offset + found.start, offset + found.end):
                continue  # the page's printed date is its filing, not an event's
            if _not_the_event_day(segment, found.start, found.end, cues) \
                    or _in_background(article.text, offset + found.start, cues) \
                    or looks_back(segment, found) and number > LEAD_SEGMENTS:
                # ("накануне" past the lead goes back from the day the story told, not from the report's)
                continue
            if day is not None and 0 <= (reference - day).days <= EVENT_DATE_LOOKBACK_DAYS:
                if _filing_date(article, offset + found.start, offset + found.end):
                    filed = filed or found.iso
                    continue
                log.debug("event date %s at %d", found.iso, offset + found.start)
                return found.iso, True
    return filed or reference.isoformat(), False


DATELINE_PARAGRAPHS = 2
LEAD_SEGMENTS = DATELINE_PARAGRAPHS  # body ranges 0-2: the headline, the dateline's paragraph and the lead after it
DATELINE_CHARS = 40  # "SHYMKENT, April 14 –", "Шымкент, 22 мая.": the place and date a story was filed from
# a longer one names its place in a few words, each set off by a comma: "SAIRAM DISTRICT, Turkistan region, 22 April
# 2026 -" (not a first sentence that ends with its date: "A delegation of EU ambassadors visited Shymkent on 14 April.")
LONG_DATELINE_CHARS = 64
_LONG_DATELINE_PLACE = re.compile(r"(?:[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2},\s*){1,3}")
# (the date may end in its year's word, "18 октября 2024 года —", before the dash, the full stop or the line end)
_DATELINE_DATE_END = re.compile(r"\s*(?:г\.|ж\.|года|жылы)?[ \t]*(?:[–—-]\s|\.\s|\n|$)|\s*[гж]\.\s")


def _filing_date(article: Article, start: int, end: int) -> bool:
    """Is the date at ``start:end`` the filing date of a dateline? "SHYMKENT, April 14 – A delegation ...
    returned from a six-day trip" dates the report, not the sentence it opens nor the ones after it (it
    stays the story's own date when the body names no other day: ``_lead_event_date``)."""
    firsts = [r[0] for r in article.body_ranges[:DATELINE_PARAGRAPHS]] or [0]  # the headline may be the first
    return any(body <= start and not re.search(r"[.!?]\s", article.text[body:start]) and (
        end - body <= DATELINE_CHARS or end - body <= LONG_DATELINE_CHARS and _LONG_DATELINE_PLACE.fullmatch(
            article.text, body, start)) for body in firsts) and bool(_DATELINE_DATE_END.match(article.text, end))


# where a mention's date came from, weakest first: the story's lead, the paragraph, the sentence itself
FROM_LEAD, FROM_PARAGRAPH, FROM_SENTENCE = range(3)


def _event_date(dates_in_text: list, sentence: Sentence, lead_date: str | None,
                reference: date | None = None) -> tuple[str | None, int]:
    """The sentence's first date, else the paragraph's last dated one before it, else the lead date; with
    where it came from. ``dates_in_text`` is find_dates over the whole text, computed once per article:
    slicing the text per sentence made long articles quadratic."""
    starts = [d.start for d in dates_in_text]
    lo = bisect_left(starts, sentence.start)
    for d in dates_in_text[lo:bisect_left(starts, sentence.end)]:
        if d.end <= sentence.end:
            return d.iso, FROM_SENTENCE  # a day and month without a known year gives None, not a guess
    p_start, _ = sentence.paragraph
    before = [d for d in dates_in_text[bisect_left(starts, p_start):lo] if d.iso and d.end <= sentence.start]
    when, source = (before[-1].iso, FROM_PARAGRAPH) if before else (lead_date, FROM_LEAD)
    day = parse_iso(when)
    if day is not None and any(not period.holds(day) for period in find_periods(sentence.text, reference=reference)):
        return None, FROM_SENTENCE  # "В ноябре 2024 года аким принимал посла", "год назад": that time, no day told
    return when, source


def _event_dates(article: Article, reference: date | None, cues: Cues) -> list:
    """The dates of the article that may date an event: not the filing date, not a day of coming home or of
    reporting, not one after the story's filing; and the days told by them ("the same day", "на следующий
    день")."""
    found = find_dates(article.text, lang=article.lang, reference=reference)
    filed = reference
    if reference is not None and articles_mod.date_guessed(article):
        # a date read from the body's first sentence ("С 11 по 13 марта 2026 года делегация ...") is that event's:
        # the story was filed after it, and may go on to later days ("16 марта аким встретился")
        first = next((d for d in found if d.iso is not None and any(s <= d.start < e for s, e in article.body_ranges)),
                     None)
        if first is not None and not _filing_date(article, first.start, first.end) \
                and not _on_a_line_of_its_own(article.text, first.start, first.end):
            filed = None
    days = [d for d in found
            if not _filing_date(article, d.start, d.end) and not _not_the_event_day(article.text, d.start, d.end, cues)
            and not _after(d.iso, filed)]
    return sorted([*days, *anaphoric_days(article.text, days, reference)], key=lambda d: d.start)


def _after(iso: str | None, reference: date | None) -> bool:
    """Is the day later than the article's? Such a day ("с первого января", "by 1 March") is a plan's or a
    deadline's, never the day of an event the story reports."""
    day = parse_iso(iso)
    return day is not None and reference is not None and day > reference


ANNOUNCED_REACH_SENTENCES = 2  # how far the partner of an agreement announced with our side alone is looked for
SIGNING_REFERENCE_REACH = 3  # sentences between an agreement and the "signing ceremony" that dates it


def _named_abroad_in(sentence: Sentence, ctx: _Context) -> list[Location]:
    """The foreign places a sentence names."""
    return [loc for at, loc in ctx.mentions_abroad if sentence.start <= at < sentence.end]


def _sides_told(ctx: _Context) -> list[Location]:
    """The foreign sides of the story's events told so far."""
    return [lk.partner for lk in ctx.links] + ([ctx.event[1]] if ctx.event else [])


def _last_agreement(ctx: _Context) -> Link | None:
    """The story's last agreement told so far."""
    return next((lk for lk in reversed(ctx.links) if lk.kind == "partnership"), None)


def _details_the_last_agreement(sentence: Sentence, cands: Sequence[Candidate], cues: Cues, ctx: _Context) -> bool:
    """Does a sentence that makes no link tell the signing of the story's last agreement? "The signing ceremony
    took place on Tuesday"; or an agreement announced in one sentence and detailed in the next: "The memorandum
    was signed in Bursa on Thursday by Temirbekova", a signing that happened and names no side but that
    agreement's own."""
    if cues.signing_reference and cues.signing_reference.search(sentence.text):
        return True
    last = _last_agreement(ctx)
    if last is None or not any(t.kind == "partnership" for t in _triggers(sentence.text, cues)[0]):
        return False
    return all(_same_side(c.location, last.home) or _within(c.location, last.partner)
               or _within(last.partner, c.location) for c in cands)


def _date_the_last_agreement(dates_in_text: list, sentence: Sentence, ctx: _Context, reference: date | None) -> None:
    """"The signing ceremony took place on Tuesday": the day it writes is the day of the story's last agreement,
    told a few sentences before with only the story's (or its paragraph's) date."""
    when, source = _event_date(dates_in_text, sentence, None, reference)
    if source != FROM_SENTENCE or when is None:
        return
    number = ctx.sentence_no.get(sentence.start, 0)
    last = _last_agreement(ctx)
    if last is None or ctx.date_source.get(last.evidence.start, FROM_LEAD) == FROM_SENTENCE \
            or number - ctx.sentence_no.get(last.evidence.start, 0) > SIGNING_REFERENCE_REACH:
        return
    ctx.links = [replace(lk, date=when) if lk.evidence.start == last.evidence.start and lk.kind == "partnership"
                 else lk for lk in ctx.links]
    ctx.date_source[last.evidence.start] = FROM_SENTENCE


def _dates_inside(dates_in_text: list, sentence: Sentence) -> list:
    """The day-level dates the sentence writes, in order."""
    return [d for d in dates_in_text if sentence.start <= d.start and d.end <= sentence.end and d.iso]


def _stop_date(dates_in_text: list, sentence: Sentence, cands: Sequence[Candidate], link: Link) -> str | None:
    """In a sentence that dates several stops ("began on Monday in Milan ... and continued on Wednesday in
    Modena"), the partner's own day: the last date written before its first mention, past the sentence's first
    date. None where the sentence writes one date or fewer (the sentence's date holds)."""
    inside = _dates_inside(dates_in_text, sentence)
    if len(inside) < 2:
        return None
    where = [c.start + sentence.start for c in cands if c.location.key == link.partner.key]
    if not where:
        return None
    before = [d for d in inside if d.end <= min(where)]
    return before[-1].iso if len(before) >= 2 else None


def _signing_day(dates_in_text: list, sentence: Sentence, link: Link, ctx: _Context) -> str | None:
    """In a sentence that dates several things ("arrived in Shymkent on Tuesday, and on Wednesday the two
    hospitals signed a memorandum", "8 мамырда ... келіп, 10 мамырда ... қол қойды"), an agreement's own day: the
    last one written before its signing, else the one its signing's clause writes ("the memorandum, signed on
    Wednesday"). None where the sentence writes one date or fewer."""
    inside = _dates_inside(dates_in_text, sentence)
    if link.kind != "partnership" or len(inside) < 2:
        return None
    key = (sentence.start, link.kind, link.home.key, link.partner.key)
    at = ctx.cue_at.get(key)
    before = [d for d in inside if at is not None and d.end <= sentence.start + at]
    if before:
        return before[-1].iso
    told = ctx.clause_time.get(key)
    return told[0].isoformat() if told is not None and not isinstance(told, FoundPeriod) else None


def _within(inner: Location, outer: Location) -> bool:
    """Is ``inner`` the same as or a more specific place inside ``outer`` (a country)? A city in a region is not
    (``_in_region`` is a distance guess, used only where a visit folds into an agreement)."""
    return inner.key == outer.key or (outer.kind == "country" and inner.country == outer.country
                                      and inner.kind != "country")


NAMESAKE_SPELLING_SLACK = 1  # "Karagandy" (the city, as GeoNames spells it) and "Karaganda Region"


def _capital_of(city: Location, region: Location) -> bool:
    """Is ``city`` the namesake centre of ``region`` (Turkistan / Turkistan Region, Aktobe / Aktobe Region,
    Karagandy / Karaganda Region: two spellings of one name differ in their last letter at most)?"""
    if not (city.kind == "city" and region.kind == "region" and city.country == region.country):
        return False
    # in a language where both have names, the region's is the city's and a division noun ("Маңғыстау",
    # "Маңғыстау облысы"), whatever the English spellings make of them ("Mangistau", "Mangystau Region")
    if any(name.split()[0].casefold() == region_name.split()[0].casefold() and len(region_name.split()) == 2
           for lang, name in city.names for lang2, region_name in region.names if lang == lang2 and lang != "en"):
        return True
    a, b = region.name.split()[0].casefold(), city.name.casefold()
    shared = len(os.path.commonprefix([a, b]))
    return a == b or shared >= 5 and len(a) - shared <= NAMESAKE_SPELLING_SLACK \
        and len(b) - shared <= NAMESAKE_SPELLING_SLACK


def _inside(inner: Location, outer: Location, ctx: _Context) -> bool:
    """``_within``, or written inside ``outer`` by the article ("the Nookat district of the Osh region"), or a
    Kazakh district of that region ("Жетысайский район" of Turkistan Region)."""
    return _within(inner, outer) or (outer.key, inner.key) in ctx.contains \
        or inner.is_district and inner.country == HOME_COUNTRY and _region_of_district(inner) == outer


@cache
def _region_of_district(district: Location) -> Location | None:
    """The first-level region of its country a district lies in: the one whose centre is nearest (the gazetteer
    keeps no parent codes; a district lies a few dozen to a few hundred km from its region's centre, and much
    farther from any other's)."""
    regions = [loc for loc in gazetteer.load().locations
               if loc.kind == "region" and loc.country == district.country and not loc.is_district
               and loc.key.split(":")[0] == district.key.split(":")[0]]
    return min(regions, key=lambda r: distance_km((r.lat, r.lon), (district.lat, district.lon)), default=None)


def _same_sides(a: Link, b: Link) -> bool:
    """Do two links join the same Kazakh side and the same partner, one of the partners inside the other?"""
    return _same_side(a.home, b.home) and (_within(a.partner, b.partner) or _within(b.partner, a.partner))


def _same_side(a: Location, b: Location) -> bool:
    return a.key == b.key or _capital_of(a, b) or _capital_of(b, a)


def _on_its_side(visit: Link, signer: Location) -> bool:
    """Is the side of a trip that of an agreement, or the country that side belongs to ("в ходе визита казахстанской
    делегации в Лион" beside the memorandum the Turkistan region signed there: the delegation was the region's)?
    (Measured: limiting it to trips to a town or region, so that a state visit to France stays beside a region's
    memorandum with Lyon, kept two false country-level visits in the written sets.)"""
    return _same_side(visit.home, signer) or visit.home.kind == "country" and visit.home.country == signer.country


# Between two mentions of places of one country, the words that write the second inside the first (a genitive
# right before: "Kyrgyzstan's Osh region", "Түркістан облысының Ордабасы ауданы") ...
_OUTER_FIRST = re.compile(r"['’]s\s+$")
# ... or the first inside the second ("the Nookat district of the Osh region", "города Каган Бухарской области")
_INNER_FIRST = re.compile(r"\s+(?:[^\W\d_]+\s+)?of\s+(?:the\s+)?$|\s+$"
                          r"|\s+(?:" + "|".join(ru.DISTRICT_NOUNS) + r")\w*\s+$")  # "Лидским районом Гродненской"


# "Селангор| штатының астанасы |Шах-Алам": the division's noun in the genitive, and its capital or centre
_KK_DIVISION_OF = re.compile(r"\s+(?:" + "|".join(kk.REGION_WORDS) + r")ның(?:\s+(?:астанасы|орталығы))?\s+",
                             re.IGNORECASE)


def _containment(text: str, lang: str, places: Sequence[Place]) -> set[tuple[str, str]]:
    """(outer, inner) keys of the places the text writes one inside the other, side by side: a region, or a
    country, and a city or district of the same country. A comma between them makes a list, not a
    containment ("делегации Шымкента, Туркестанской области")."""
    mentions = sorted((m.start, m.end, p.location) for p in places for m in p.mentions)
    out = set()
    for k, ((s1, e1, a), (s2, e2, b)) in enumerate(pairwise(mentions)):
        gap = text[e1:s2]
        if k + 2 < len(mentions) and _OUTER_FIRST.fullmatch(text[e2:mentions[k + 2][0]]):
            s2, e2, b = mentions[k + 2]  # "the Nookat district of Kyrgyzstan's Osh region": in the Osh region
        if a.key == b.key or a.country != b.country or a.kind == AREA or b.kind == AREA:
            continue
        if len(gap) > 25:
            continue
        word_end = _word_end(text, e1)  # past a Kazakh case ending after the mention
        genitive_first = lang == "kk" and (text[s1:word_end].casefold().endswith(kk.GENITIVE_ENDINGS)
                                           and not text[word_end:s2].strip()
                                           or _KK_DIVISION_OF.fullmatch(text, word_end, s2) is not None)
        if genitive_first or lang == "en" and _OUTER_FIRST.fullmatch(gap):
            outer, inner = a, b
        elif lang != "kk" and _INNER_FIRST.fullmatch(gap) and (lang == "en" or _genitive_ru(text[s2:e2])):
            outer, inner = b, a
        else:
            continue
        if outer.kind in ("region", "country") and inner.kind in ("city", "region") and \
                not (outer.kind == inner.kind == "country"):
            out.add((outer.key, inner.key))
    return out


def _genitive_ru(words: str) -> bool:
    """Is the first word of a Russian place's mention in the genitive ("Бухарской области", "Ошской")?"""
    first = words.split()[0] if words.split() else ""
    return ru.is_genitive(first)


def _merge_capital_homes(links: list[Link]) -> list[Link]:
    """"The governor of Turkistan region received ..." and "the guests arrived in Turkistan" are one
    visit: the region (the actor) stands for its namesake city (the venue) when both link the same
    partner with the same kind."""
    out = []
    for lk in links:
        if any(o is not lk and o.kind == lk.kind and _within(o.partner, lk.partner) and _capital_of(lk.home, o.home)
               for o in links):
            continue
        out.append(lk)
    return out


def _written_homes_first(links: list[Link], carried: set[tuple[str, str, str]], ctx: _Context) -> list[Link]:
    """One event, many mentions: a link whose Kazakh side came from the article's context gives way to a
    link of the same kind and partner, and of the same event, whose Kazakh side a sentence names ("Ахметов
    met the consul", then "the akim of East Kazakhstan region met the consul"; not the second agreement
    "the two cities" signed two years after the first)."""
    def is_carried(lk: Link) -> bool:
        return (lk.kind, lk.home.key, lk.partner.key) in carried

    # (a mention dated by its own words gives way only to one that writes a time too: a headline's "envoy tours
    # Shymkent and Turkistan" is no witness that the talks of 9 September in Shymkent were Turkistan's)
    written = [lk for lk in links if not is_carried(lk)]
    return [lk for lk in links if not is_carried(lk) or not any(
        w.kind == lk.kind and w.partner.key == lk.partner.key and _one_event(w, lk, ctx)
        and (_timed(w, ctx) or not _timed(lk, ctx)) for w in written)]


def _timed(link: Link, ctx: _Context) -> bool:
    """Does the link's own sentence write a time ("on 14 October", "in 2021")?"""
    return link.evidence.start in ctx.own_time


VISIT_DAYS = 3  # how long a visit told by one day is taken to last, for mentions of the same time


def _recalled_in_another_year(link: Link, other: Link, ctx: _Context) -> bool:
    """Does the link's sentence write only a month or year ("в сентябре 2024 года"), a year that is not that of
    the day the other mention is dated by (the story's)?"""
    own = ctx.own_time.get(link.evidence.start)
    day = parse_iso(other.date)
    return isinstance(own, FoundPeriod) and own.year is not None and day is not None and own.year != day.year


def _same_time(a: Link, b: Link, ctx: _Context, *, dated: bool = False) -> bool:
    """Can two mentions be one event by the times their sentences write (either writing none counts)? With
    ``dated``, a mention that writes no time has the day it was dated by (its paragraph's, the story's)."""
    def time(link: Link) -> Days | FoundPeriod | None:
        own = ctx.own_time.get(link.evidence.start)
        day = parse_iso(link.date) if dated and own is None else None
        days = (day, day) if day is not None else own
        if link.kind == "visit" and days is not None and not isinstance(days, FoundPeriod):
            # a visit dated by its first day lasts some days: the agreement of the next day is of its time
            return days[0], days[1] + timedelta(days=VISIT_DAYS)
        return days

    ta, tb = time(a), time(b)
    return ta is None or tb is None or _times_agree(ta, tb)


def _specific_partners(links: list[Link], ctx: _Context) -> list[Link]:
    """Each end keeps its most specific place: a partner named as a country becomes the one city or region
    of that country the same Kazakh side is linked with elsewhere in the article in the same time ("the
    agreement with Russia" after "the delegation of Kostroma visited Oral" is with Kostroma; talks with
    Turkey's consul on April 2 are not the visit to Gaziantep of April 8); a trip to a country whose places
    the story tells one by one is those places' visits."""
    def places_inside(lk: Link, *, dated: bool) -> dict[str, Location]:
        """The cities and regions of the partner's country the same side is linked with in the same time (a
        country partner's, or a region partner's, which are the same country's)."""
        return {o.partner.key: o.partner for o in links
                if _same_side(o.home, lk.home) and o.partner.country == lk.partner.country
                and o.partner.kind in ("city", "region") and _same_time(o, lk, ctx, dated=dated)}

    out = []
    for lk in links:
        if lk.partner.kind == "country" and lk.home.kind != "country" \
                and not (lk.kind == "meeting" and (lk.evidence.start in ctx.held_at_home
                                                   or lk.evidence.start in ctx.with_envoy)):
            # (a national actor deals with countries; an envoy stands for the country, received at home or named
            # again by role: "the Ambassador was received by the akim")
            inside = places_inside(lk, dated=True)
            same_sentence = {o.partner.key: o.partner for o in links if o.evidence.start == lk.evidence.start
                             and o.partner.key in inside}
            if lk.kind == "visit" and len(same_sentence) == 1:
                # "делегациясы Италияға барып, Бари қаласында келіссөздер жүргізді": the trip to the country
                # went to the city its own sentence names, whatever else the story tells of that country
                lk = replace(lk, partner=next(iter(same_sentence.values())))
            elif len(inside) == 1:
                lk = replace(lk, partner=next(iter(inside.values())))
            elif lk.kind == "partnership" and (stop := _stop_at_the_signing(lk, links, inside, ctx)) is not None:
                # "The group arrived in Debrecen ... On the second day she and her Hungarian counterpart signed a
                # memorandum ... From Debrecen the delegation went on to Szeged": signed where the party then was
                lk = replace(lk, partner=stop)
            elif lk.kind == "visit" and len(places_inside(lk, dated=_timed(lk, ctx))) > 1:
                # "a tour of Poland and the Czech Republic" told place by place: the places are the visit (not
                # when the trip writes a time of its own that the places' story does not share: "in 2021 four
                # traumatologists trained in clinics in Germany" beside the Munich surgeons' visit of 2022)
                continue
            elif not inside and (lk.evidence.start, lk.partner.key) in ctx.named_inside:
                # the agreement "with the second city of Azerbaijan" whose sentence names Ganja: with Ganja
                lk = replace(lk, partner=ctx.named_inside[(lk.evidence.start, lk.partner.key)])
            elif (lk.kind == "partnership" or (lk.evidence.start, lk.partner.key) in ctx.came_here) and not inside \
                    and (story := _storys_place_in(lk, ctx)) is not None:
                # "the memorandum with Georgia" in a story whose only Georgian town, or the only one its headline
                # and lead name, is Borjomi: the country was said for the town the story is about; so were the
                # visitors of a country who came here ("қырғыз делегациясы Қазығұрт ауданына барды" in a story
                # about Osh) (a trip to a country may have been to the country as a whole: "a working trip to
                # China, 6-11 October")
                lk = replace(lk, partner=story)
        elif lk.kind == "visit" and lk.partner.kind == "region":
            # "находилась с визитом в Синьцзяне ... в Шихэцзы подписали": the one city of the region the same
            # side went to in that time is where the visit went; not when the trip went to other cities of
            # that part of the country too (a county's conference, beside Stevenage, London and Manchester)
            cities = {key: p for key, p in places_inside(lk, dated=True).items() if p.kind == "city"
                      and (_near_region(p, lk.partner) or _inside(p, lk.partner, ctx))}
            city = next(iter(cities.values())) if len(cities) == 1 else None
            if city is not None and (_in_region(city, lk.partner) or _inside(city, lk.partner, ctx)):
                lk = replace(lk, partner=city)
        out.append(lk)
    return out


def _stop_at_the_signing(agreement: Link, links: Sequence[Link], inside: Mapping[str, Location], ctx: _Context
                         ) -> Location | None:
    """The town of the agreement's country where its side's trip, in the agreement's time, last stopped by the
    sentence of the signing, or None."""
    before = [o for o in links if o.kind == "visit" and o.partner.key in inside and _same_side(o.home, agreement.home)
              and o.evidence.start <= agreement.evidence.start and _same_time(o, agreement, ctx, dated=True)]
    return max(before, key=lambda o: o.evidence.start).partner if before else None


def _storys_place_in(link: Link, ctx: _Context) -> Location | None:
    """The city or region of the link's partner country the story is about: the only one it names, else the only
    one its headline and lead name; None when it names none, or several alike, or where the link's own sentence names
    an office of the state (a country stands for its ministers: "signed with the Turkish deputy minister in Ankara"
    is with Turkey)."""
    def distinct(mentions: Iterable[tuple[int, str, Location]]) -> dict[str, Location]:
        return {loc.key: loc for _, _, loc in mentions if loc.country == link.partner.country
                and loc.kind in ("city", "region")}

    # (not a city named only as a forum's: "signs agreements with Uzbek regions at forum in Samarkand")
    venues = ctx.venues_only()
    mentions = [m for m in ctx.named if m[2].key not in venues]
    named = distinct(mentions)
    if len(named) != 1:
        named = distinct(m for m in mentions if m[0] < ctx.lead_end)
    return next(iter(named.values())) if len(named) == 1 and link.evidence.start not in ctx.national else None


ONE_EVENT_DAYS = 31  # two days of one pair's mentions this far apart are two events (two visits, two signings)


def _one_event(a: Link, b: Link, ctx: _Context) -> bool:
    """Can two mentions of one pair be one event? Distinct events stay distinct: mentions whose own sentences
    write days too far apart (the memorandum of 26 May 2023, the protocol of 6 June 2025). A year or month
    alone ("signed in 2019") is too loose a time to split a story's event, unless it is another year."""
    ta, tb = ctx.own_time.get(a.evidence.start), ctx.own_time.get(b.evidence.start)
    if ta is None or tb is None:
        # a mention that writes no time is of the day it was dated by (its paragraph's, the story's): the memorandum
        # "signed in 2021" is not the one of a story dated 2024, whose details name no day; the headline's is the
        # story's summary, of whatever year ("о побратимстве с Кёнджу" over "год назад ... подписал")
        written, undated = (tb, a) if ta is None else (ta, b)
        day = parse_iso(undated.date) if undated.evidence.start >= ctx.headline_end else None
        return not (isinstance(written, FoundPeriod) and written.year is not None and day is not None
                    and written.year != day.year)
    if isinstance(ta, FoundPeriod) or isinstance(tb, FoundPeriod):
        # only another year splits them: the twinning "signed in 2013" is not the roadmap of 19 October 2023
        return _same_year(ta, tb)
    if a.kind == b.kind == "meeting" and ta[0] == ta[1] and tb[0] == tb[1] and not _same_side(a.home, b.home):
        return ta[0] == tb[0]  # talks are held in a day: an envoy's talks in Shymkent on the 9th and in Turkistan on
        # the 10th are two meetings
    return abs((ta[0] - tb[0]).days) <= ONE_EVENT_DAYS


def _same_year(a: Days | FoundPeriod, b: Days | FoundPeriod) -> bool:
    """Can the two times lie in one year (a period without a year lies in any)?"""
    years = [t.year if isinstance(t, FoundPeriod) else t[0].year for t in (a, b)]
    return None in years or years[0] == years[1]


def _reduce(links: list[Link], ctx: _Context) -> list[Link]:
    """One link per (home, partner, kind) and event: of its mentions, the one dated by its own sentence, else by its
    paragraph, states it best (a headline's or a lead's inherit the story's date), else the first; a region
    absorbs its namesake city as home; visits absorb meetings of the same pair held in their time (for a
    regional or city side, also meetings with the visited place's country: the visitors met students),
    while talks of another day are an event of their own; a link with more specific versions on both ends
    (same kind) gives way, an agreement of two states only to one of the same event."""
    def dated_by_text(link: Link) -> int:
        """A mention dated by its own words outranks one dated by the lead; so does one whose own words say
        the event was at another time than the lead's day, with no day told ("a year ago", "in 2024")."""
        source = ctx.date_source.get(link.evidence.start, FROM_LEAD)
        return source if link.date or source == FROM_SENTENCE else -1

    # mention by mention first: talks told in the story of a visit are the visit's, while the same pair's
    # talks of another day, or held in Kazakhstan (with an envoy, in Almaty), stay: even when a mention of the
    # visit's talks names the same pair; a visit recalled by its year ("в сентябре 2024 года делегация посетила
    # Туркестан") takes no talks the story dates in another year, nor a visit of the story's days talks recalled
    # by theirs ("2024 жылдың қараша айында ... бейнебайланыс арқылы сөйлесіп")
    visits = [lk for lk in links if lk.kind == "visit"]

    # (a national side's talks in a country whose town it visited are that visit's: the President in Baku and his
    # talks with the President of Azerbaijan; not our envoy's talks of his posting)
    def part_of_a_visit(lk: Link) -> bool:
        abroad = lk.evidence.start not in ctx.held_at_home
        return lk.kind == "meeting" \
            and lk.evidence.start not in ctx.with_envoy and lk.evidence.start not in ctx.on_sidelines and any(
            (abroad and v.home.key == lk.home.key and (v.partner.key == lk.partner.key or _within(
                v.partner, lk.partner) and (lk.evidence.start, lk.home.key) not in ctx.envoy_abroad)
             or abroad and lk.home.kind != "country" and _same_side(v.home, lk.home)
             and (_within(v.partner, lk.partner) or _in_region(v.partner, lk.partner))
             # (talks the visit's own sentence tells, the guests' with the region of the Kazakh town they came to,
             # its office named by level: "делегациясы Кеген ауданында болып, аудан әкімімен кездескен")
             or lk.evidence.start == v.evidence.start and v.partner.key == lk.partner.key
             and lk.home.kind == "region" and v.home.country == HOME_COUNTRY and _in_region(v.home, lk.home))
            and _same_time(v, lk, ctx) and not _recalled_in_another_year(v, lk, ctx)
            and not _recalled_in_another_year(lk, v, ctx) for v in visits)

    # (the headline's mentions last: it sums up the story, so it joins the event a body mention tells, not the
    # other way round, which would join an agreement recalled from another year to the story's through it)
    mentions = sorted((lk for lk in links if not part_of_a_visit(lk)),
                      key=lambda lk: lk.evidence.start < ctx.headline_end)
    unique: dict[tuple[str, str, str], list[Link]] = {}
    for link in mentions:
        events = unique.setdefault((link.home.key, link.partner.key, link.kind), [])
        i = next((i for i, held in enumerate(events) if _one_event(held, link, ctx)), None)
        if i is None:
            events.append(link)
            continue
        held = events[i]
        if dated_by_text(link) > dated_by_text(held):
            events[i] = link
        elif held.date is None and link.date is not None and dated_by_text(held) < FROM_SENTENCE:
            events[i] = replace(held, date=link.date)
    kept = _merge_capital_homes([lk for events in unique.values() for lk in events])
    out = []
    for lk in kept:
        envoy_at_home = lk.kind == "meeting" and lk.partner.kind == "country" and lk.evidence.start in ctx.held_at_home
        # (an envoy received at home stands for the country, see above; so does "the two countries")
        # (nor is an agreement of the states, told with their offices and no region: "the two governments", "the
        # ministries of Kazakhstan and Hungary", "екі елдің премьер-министрлері"; the regions' own, signed beside
        # it, are others; not "документы между регионами двух стран ... с участием глав правительств")
        states = lk.kind == "partnership" and lk.home.kind == lk.partner.kind == "country"
        states_own = states and lk.evidence.start in ctx.states_only
        shadowed = not envoy_at_home and not states_own and lk.evidence.start not in ctx.between_countries and any(
            o is not lk and o.kind == lk.kind and (o.home.key, o.partner.key) != (lk.home.key, lk.partner.key)
            and _inside(o.home, lk.home, ctx) and _inside(o.partner, lk.partner, ctx)
            and _one_event(o, lk, ctx)
            for o in kept)  # (the states' memorandum of 2022 is no mention of the regions' of 2023, nor the trainees'
        # stay in Germany in 2021 one of the Munich surgeons' visit of 2022)
        if not shadowed:
            out.append(lk)
    return out


def _own_time(dates_in_text: list, sentence: Sentence, reference: date | None = None) -> Days | FoundPeriod | None:
    """The time a sentence itself writes: its first day-level date or range, else a month or year ("in April").
    A day told only by the reader's now ("сегодня", "today") after a month or year of another year is a later
    clause's present, and that month or year the sentence's time ("В сентябре 2019 года делегация побывала в
    Ташкенте, ..., а в 2021 году открылся торговый дом, в котором сегодня представлено ...")."""
    for d in dates_in_text:
        first = parse_iso(d.iso) if sentence.start <= d.start and d.end <= sentence.end else None
        if first is not None:
            if first == reference and _now_after_another_year(
                    sentence, d, first, periods := find_periods(sentence.text, reference=reference)):
                return periods[0]
            return first, parse_iso(d.iso_end) or first
    periods = find_periods(sentence.text, reference=reference)
    return periods[0] if periods else None


def _now_after_another_year(sentence: Sentence, found, day: date, periods: Sequence[FoundPeriod]) -> bool:
    """Is the date ``found`` (of ``day``, the story's own) written without a number ("сегодня", "today", not "on
    Tuesday"), after the sentence's first month or year, which is of another year?"""
    return bool(periods) and periods[0].year is not None and periods[0].year != day.year \
        and sentence.start + periods[0].end <= found.start \
        and not any(ch.isdigit() for ch in sentence.text[found.start - sentence.start:found.end - sentence.start])


def _clause_time(text: str, at: int, reference: date | None) -> Days | FoundPeriod | None:
    """The time the clause around ``text[at]`` writes: its first day-level date, else a month or year."""
    breaks = list(_CLAUSE_OR_SENTENCE_BREAK.finditer(text))
    start = max((m.end() for m in breaks if m.end() <= at), default=0)
    end = min((m.start() for m in breaks if m.start() > at), default=len(text))
    clause = text[start:end]
    for d in find_dates(clause, reference=reference):
        first = parse_iso(d.iso)
        if first is not None:
            return first, parse_iso(d.iso_end) or first
    periods = find_periods(clause, reference=reference)
    return periods[0] if periods else None


def _times_agree(a: Days | FoundPeriod, b: Days | FoundPeriod) -> bool:
    """Can the two times be one event's: overlapping days, a day inside a month or year, compatible periods?"""
    if isinstance(a, FoundPeriod) and isinstance(b, FoundPeriod):
        return (a.year is None or b.year is None or a.year == b.year) \
            and (a.month is None or b.month is None or a.month == b.month)
    if isinstance(a, FoundPeriod) and not isinstance(b, FoundPeriod):
        return a.holds(b[0]) or a.holds(b[1])
    if isinstance(b, FoundPeriod) and not isinstance(a, FoundPeriod):
        return b.holds(a[0]) or b.holds(a[1])
    assert not isinstance(a, FoundPeriod) and not isinstance(b, FoundPeriod)
    return a[0] <= b[1] and b[0] <= a[1]


AGREEMENT_REACH_SENTENCES = 3  # how far an undated agreement may stand from the visit that produced it


def _visits_that_made_agreements(links: list[Link], ctx: _Context) -> list[Link]:
    """One event, many mentions: a visit or talks that produced an agreement between the same sides are that
    agreement ("the delegation visited Kostroma" ... "the sides signed a memorandum"; "met the mayor and signed
    the twinning agreement"), so their mentions give way to the partnership. A visit to a partner of long
    standing stays a visit of its own: the pair has a partnership mention that the visit did not make (a
    sister-city relationship, an agreement of another date, one mentioned far from the visit).

    A partnership mention belongs to a visit or meeting mention when they share a sentence, or the times their
    sentences write agree (a day, or a month or year: "in April" is not the agreement of 10 November, "in
    2014" not the visit of 2024), or neither sentence writes a time (both are the story's event); when only one
    writes a time and the other's date is unknown, they must stand within ``AGREEMENT_REACH_SENTENCES``. The
    partnership keeps the day its own sentence writes (the signing: "arrived on May 20 ... on May 21 signed");
    one dated only by its paragraph or the story is dated by the start of the event, the first day of the visit
    that made it."""
    def number(link: Link) -> int:
        return ctx.sentence_no.get(link.evidence.start, 0)

    def lasting(visit: Link, time: Days | FoundPeriod) -> Days | FoundPeriod:
        """A visit told by its first day lasts some days: "arrived on Monday ... signed on Tuesday", "12 марта
        выехала в Кара-Балту, а 13 марта ... подписали"."""
        if visit.kind != "visit" or isinstance(time, FoundPeriod):
            return time
        return time[0], time[1] + timedelta(days=VISIT_DAYS)

    def made_during(visit: Link, agreement: Link) -> bool:
        if (agreement.evidence.start, agreement.home.key) in ctx.standing:
            return False
        if agreement.evidence.start == visit.evidence.start:
            # one sentence, one event, unless its clauses write two times ("signed in 2022 ..., and a delegation
            # came last year")
            a = ctx.clause_time.get((visit.evidence.start, visit.kind, visit.home.key, visit.partner.key))
            b = ctx.clause_time.get((agreement.evidence.start, agreement.kind, agreement.home.key,
                                     agreement.partner.key))
            return a is None or b is None or _times_agree(lasting(visit, a), b)
        visit_time, agreement_time = ctx.own_time.get(visit.evidence.start), ctx.own_time.get(agreement.evidence.start)
        if visit_time is not None:
            visit_time = lasting(visit, visit_time)
        if visit_time is not None and agreement_time is not None:
            return _times_agree(visit_time, agreement_time)
        if visit_time is None and agreement_time is None:
            return True  # neither names a time: both are the story's own event
        if visit_time is None and visit.evidence.start < ctx.headline_end:
            # the headline's trip sums the story up ("returns from European tour with a new partner in Krakow"): it
            # is the trip of the agreement the body dates, unless the body dates it in another year ("has
            # supported the hospital since 2022, when the two sides signed their first memorandum")
            return not in_another_year(visit, agreement)
        written = visit_time if visit_time is not None else agreement_time
        other = agreement if visit_time is not None else visit
        assert written is not None
        other_day = parse_iso(other.date)  # the story's date, which the sentence without a time took
        if other_day is None:
            return abs(number(visit) - number(agreement)) <= AGREEMENT_REACH_SENTENCES
        # (a visit dated by its first day lasts some days: "worked in Tashkent on 18-19 June ... on 19 June signed")
        other_time = (other_day, other_day)
        if other is visit and ctx.date_source.get(visit.evidence.start, FROM_LEAD) == FROM_LEAD:
            # the story's date is the first day its body writes, which may be a later event's ("on 27 September the
            # akim received the ambassador"): a visit told without a time ("a delegation from Zhodino came to
            # Arys") may have begun some days before it, as the signing the next sentence dates on the 26th
            other_time = (other_day - timedelta(days=VISIT_DAYS), other_day)
        return _times_agree(written, lasting(visit, other_time) if other is visit else other_time)

    def in_another_year(visit: Link, agreement: Link) -> bool:
        agreement_time = ctx.own_time.get(agreement.evidence.start)
        visit_time = ctx.own_time.get(visit.evidence.start)
        if visit_time is None and (day := parse_iso(visit.date)) is not None:
            visit_time = (day, day)
        return agreement_time is not None and visit_time is not None and not _same_year(agreement_time, visit_time)

    folded: set[int] = set()
    # agreement index -> (the visit's reach, the earliest date) of the visits folded into it: a visit to the
    # partner itself dates it before a trip to its country ("in Azerbaijan from October 4 ... in Ganja on
    # October 6 the memorandum was signed" is the Ganja visit's)
    started: dict[int, tuple[int, str]] = {}
    for i, visit in enumerate(links):
        if visit.kind not in ("visit", "meeting"):
            continue
        # (else a visit to a city of the partner region is that region's trip: Gandhinagar for Gujarat)
        agreements = [j for j, lk in enumerate(links) if lk.kind == "partnership" and _same_sides(visit, lk)] \
            or [j for j, lk in enumerate(links) if lk.kind == "partnership" and _on_its_side(visit, lk.home)
                and (_in_region(visit.partner, lk.partner) or _within(visit.partner, lk.partner)
                     or _within(lk.partner, visit.partner))] \
            or [j for j, lk in enumerate(links) if lk.kind == "partnership" and _same_side(visit.home, lk.home)
                and lk.evidence.start == visit.evidence.start
                and (visit.evidence.start, visit.partner.key) in ctx.signed_on_trip]
        # (or the trip the agreement's sentence tells it was signed on: "соглашение с Гомельской областью,
        # подписанное в Минске, куда шымкентская делегация приезжала на форум регионов")
        if visit.kind == "meeting" and visit.partner.kind == "country":
            # talks with an envoy, who stands for his country, are an event of their own beside the memorandum a
            # city of that country signed the same day ("received the ambassador of Hungary ... a memorandum with
            # Debrecen was signed"): only an agreement with the country itself is what the talks made
            agreements = [j for j in agreements if links[j].partner.key == visit.partner.key]
        made = [j for j in agreements if made_during(visit, links[j])]
        # the headline ("как Туркестан нашёл побратима") sums up the story: it names the agreement the visit made,
        # when the visit made one
        # (an agreement its own sentence dates in another year, "the twinning signed in 2013", is an older event of
        # the pair: it leaves the visit the agreement of its own time)
        others = [j for j in agreements if j not in made and (
            number(links[j]) > 0 or ctx.own_time.get(links[j].evidence.start) is not None
            or (links[j].evidence.start, links[j].home.key) in ctx.standing)
            and not (made and in_another_year(visit, links[j]))]
        # (a visit and an agreement whose own sentences write agreeing days are one event, whatever standing
        # partnership of the pair the story also tells: "12 маусымда ... делегациясы келді", "Келесі күні, 13
        # маусымда, ... жол картасына қол қойды")
        dated_alike = isinstance(ctx.own_time.get(visit.evidence.start), tuple) and any(
            isinstance(ctx.own_time.get(links[j].evidence.start), tuple) for j in made)
        if made and (not others or dated_alike):
            folded.add(i)
            for j in made:
                if not visit.date:
                    continue
                reach = 0 if _within(visit.partner, links[j].partner) else 1
                current = started.get(j)
                if current is None or (reach, visit.date) < current:
                    started[j] = (reach, visit.date)
    if folded:
        log.debug("visits folded into the agreements they produced: %s", sorted(folded))
    def own_day(lk: Link) -> bool:
        return ctx.date_source.get(lk.evidence.start, FROM_LEAD) == FROM_SENTENCE and lk.date is not None

    def the_days_story(lk: Link, first_day: str) -> bool:
        """Is the agreement dated by the day the story's body tells, within the visit ("on Friday morning the
        guests toured the mills ... by the afternoon they signed", after "they had landed late on Thursday")?"""
        day, start = parse_iso(lk.date), parse_iso(first_day)
        return ctx.lead_told and ctx.date_source.get(lk.evidence.start, FROM_LEAD) == FROM_LEAD \
            and day is not None and start is not None and 0 < (day - start).days <= VISIT_DAYS

    return [replace(lk, date=started[i][1]) if i in started and not own_day(lk)
            and not the_days_story(lk, started[i][1]) else lk
            for i, lk in enumerate(links) if i not in folded]


TOPIC_LEAD_CHARS = 400  # the headline and lead: where a story names the party it follows


def _lead_end(article: Article) -> int:
    return (article.body_ranges[0][0] if article.body_ranges else 0) + TOPIC_LEAD_CHARS


def _article_home(article: Article, places: Sequence[Place]) -> Location | None:
    """The Kazakh city or region the story follows: named in the headline or lead and more often than any
    other, so "the delegation", "the region", "the guests" of later sentences are its people."""
    lead_end = _lead_end(article)
    scored = []
    for place in places:
        loc = place.location
        if loc.country != HOME_COUNTRY or loc.kind not in ("city", "region") or not place.mentions:
            continue
        # a dateline ("URALSK, April 17 —") is where the story was filed: it names no side to follow
        mentions = [m for m in place.mentions if not _dateline_mention(article, m.start, m.end)]
        if not mentions:
            continue
        in_lead = any(m.start < lead_end for m in mentions)
        scored.append((in_lead, len(mentions), -mentions[0].start, loc))
    if not scored:
        return None
    best = max(scored, key=lambda row: row[:3])
    rivals = [row for row in scored if row[:2] == best[:2] and row[3].key != best[3].key]
    if not best[0] or rivals and not any(_same_side(best[3], r[3]) for r in rivals):
        return None  # not in the lead, or two Kazakh sides followed alike: no one topic
    return best[3]


def _dateline_mention(article: Article, start: int, end: int) -> bool:
    """Does a paragraph open with this mention, followed by a date or a dash ("URALSK, April 17, 2026 —")?"""
    return any(start == p_start for p_start, _ in article.body_ranges[:DATELINE_PARAGRAPHS]) \
        and bool(_DATELINE_TAIL.match(article.text, end))


def _level(location: Location) -> str:
    """The level an office is named by ("облыс әкімі", "аудан әкімі", "қала әкімі"): region, district or city."""
    return "district" if location.is_district else "region" if location.kind == "region" else "city"


def _story_sides(places: Sequence[Place], home: Location | None) -> dict[str, Location]:
    """The Kazakh region, district and city the story follows: its home and, of each other level, the place
    named most often (Semey beside Abai Region, Petropavl beside North Kazakhstan Region)."""
    out: dict[str, Location] = {}
    if home is not None:
        out[_level(home)] = home
    counted = sorted(((len(p.mentions), p.location) for p in places if p.location.country == HOME_COUNTRY
                      and p.location.kind in ("region", "city")), key=lambda row: -row[0])
    for _, loc in counted:
        out.setdefault(_level(loc), loc)
    return out


def _with_offices(sentence: Sentence, cands: list[Candidate], cues: Cues,
                  sides: dict[str, Location]) -> list[Candidate]:
    """An office named by its level and no place ("облыс әкімі", "аким города", "аудан әкімі"), or the narrative's
    own place in the first person ("ауданымыз", "наш город"), acts for the story's region, district or city,
    unless the sentence names a Kazakh place of that level itself."""
    out = list(cands)
    for level, pattern, first_person in [*((lv, p, False) for lv, p in cues.offices),
                                         *((lv, p, True) for lv, p in cues.first_person_places)]:
        side = sides.get(level)
        if side is None or any(c.is_home and not c.locative and _level(c.location) == level for c in out):
            continue
        m = pattern.search(sentence.text)
        if m is not None and first_person and _quoted(sentence.text, m.start()):
            continue  # (a speaker's "our city" may be a foreign mayor's)
        if m is not None and not any(c.start < m.end() and m.start() < c.end for c in out):
            out.append(Candidate(side, m.start(), m.end(), locative=False, actor=True))
    return sorted(out, key=lambda c: c.start)


OFFICE_DIVISION_WORDS = 3  # "губернатор провинции", "the governor of the province": the division noun right after
_OFFICE_OF = re.compile(r"\s+(?:of\s+(?:the\s+)?)?", re.IGNORECASE)  # the office's genitive: nothing else between


def _with_foreign_offices(sentence: Sentence, cands: list[Candidate], cues: Cues, ctx: _Context) -> list[Candidate]:
    """A foreign office named by a bare division noun ("аким Туркестанской области и губернатор провинции провели
    видеоконференцию", "the governor of the province") acts for the foreign place of that kind the story named
    last, where the sentence names no foreign place of its own (the Kazakh "облыс әкімі" is ``_with_offices``')."""
    if cues.lang == "kk" or any(not c.is_home for c in cands):
        return cands
    words = list(_WORD.finditer(sentence.text))
    abroad = [named for named in ctx.named if named[2].country != HOME_COUNTRY]
    out = list(cands)
    for k, word in enumerate(words):
        role = word.group().casefold()
        if not role.startswith(cues.actor_roles) or role.startswith(cues.actor_home_roles):
            continue
        for after in words[k + 1:k + 1 + OFFICE_DIVISION_WORDS]:
            kind = actors_mod.division_kind(after.group(), cues.actor_divisions)
            if kind is None:
                continue
            if not _OFFICE_OF.fullmatch(sentence.text, word.end(), after.start()) \
                    or _NAME_FOLLOWS.match(sentence.text, after.end()):
                break  # ("губернатор провинции Шэньси": named; "the mayors in the town hall": no office of it)
            place = actors_mod.named_last(abroad, kind, sentence.start + word.start())
            if place is not None and not any(c.start < after.end() and word.start() < c.end for c in out):
                out.append(Candidate(place, word.start(), after.end(), locative=False, actor=True))
            break
    return sorted(out, key=lambda c: c.start)


INTERVIEW_MIN_ANSWERS = 2  # paragraphs opened by a dash: a Q&A's turns, not one quotation set apart


def _interview_answers(sentences_: Sequence[Sentence], text: str) -> frozenset[tuple[int, int]]:
    """The paragraphs of an interview's answers: in a text whose turns open with a dash ("— Which agreements
    did the city sign?" / "— In March we signed ..."), at least one of them asked, those that ask nothing."""
    turns = {s.paragraph for s in sentences_ if _opens_with_a_dash(text, s.paragraph)}
    asked = {p for p in turns if text[p[0]:p[1]].rstrip().endswith("?")}
    answers = turns - asked
    return frozenset(answers) if asked and len(answers) >= INTERVIEW_MIN_ANSWERS else frozenset()


NARRATED_MIN_SENTENCES = 3  # sentences in the writer's own first person: a diary or a column, not one aside


def _narrated_paragraphs(sentences_: Sequence[Sentence], text: str, cues: Cues) -> frozenset[tuple[int, int]]:
    """The paragraphs of a first-person account ("We flew to Munich on Sunday", "Мы вылетели в Урумчи",
    "Біз Токиоға ұштық"): in a text whose writer speaks as "we" or "I" outside quotations in several sentences,
    every paragraph that is no quotation set apart (a dash opening it). The writer is of the story's side."""
    if cues.first_person is None:
        return frozenset()
    narration = [s for s in sentences_ if not _opens_with_a_dash(text, s.paragraph)]
    own = [s for s in narration
           if (m := cues.first_person.search(s.text)) is not None and not _in_quotation(s.text, m.start())]
    return frozenset(s.paragraph for s in narration) if len(own) >= NARRATED_MIN_SENTENCES else frozenset()


def _opens_with_a_dash(text: str, paragraph: tuple[int, int]) -> bool:
    """Does the paragraph open with a dash: a turn of an interview, or a quotation set apart?"""
    return _dash_opened(text[paragraph[0]:paragraph[1]])


def _with_the_interviewee(sentence: Sentence, cands: list[Candidate], cues: Cues, interviewee: Location | None,
                          answers: frozenset[tuple[int, int]], *, narrated: bool = False) -> list[Candidate]:
    """An interview's answers speak in the interviewee's first person ("In March we signed a roadmap with Bursa",
    "у нас были гости из Кашгара", "бас консулын қабылдадым"): "we", "I" act for the interviewee's place (a
    foreign consul's is his country), unless the sentence names a side of that kind itself (not only where
    something is: "the consul general of Korea in Almaty"). Not in the questions, nor in quotations of other
    texts, whose first person may be anyone's (a foreign mayor's "we")."""
    ours = interviewee is not None and interviewee.country == HOME_COUNTRY
    if interviewee is None or cues.first_person is None or sentence.paragraph not in answers \
            or any(c.is_home == ours and not c.locative for c in cands) \
            or narrated and not any(c.is_home != ours for c in cands):
        return cands  # (a first-person account's sentence with no side of the other kind is read from the story)
    m = cues.first_person.search(sentence.text)
    if m is None or any(c.start < m.end() and m.start() < c.end for c in cands) \
            or _in_quotation(sentence.text, m.start()):
        return cands
    start, end = m.span()
    if cues.lang == "kk" and not m.group().casefold().startswith("біз"):
        # a verb's person ending ("қабылдадым", I received) is its subject, which Kazakh leaves unsaid before the
        # verb: the side stands in the space before the verb, where the events machinery looks for its parties
        start, end = max(0, start - 1), start
    return sorted([*cands, Candidate(interviewee, start, end, locative=False, actor=True)], key=lambda c: c.start)



AKIM_ENDINGS = 5  # "akimat", "акимата", "әкімдік": the office and its case forms, not "Akimbekov"


def _with_our_akim(sentence: Sentence, cands: list[Candidate], cues: Cues, ctx: _Context) -> list[Candidate]:
    """"The akim" or "the akimat" with no place of its own acts for a Kazakh side: only Kazakh places have akims.
    While the story follows a Kazakh side's party abroad, that side's ("There the akim and the mayor of Rustavi
    signed"); else the side the story follows ("On Tuesday the akimat signed a memorandum with Izmir"). Not where
    the sentence names a Kazakh place, nor "аким Кентау", "the akim of Arys", "Кентау әкімі" (the place is
    written)."""
    side = ctx.trip_abroad or ctx.actor_home
    if side is None or side.kind == "country" or not cues.actor_home_roles or any(c.is_home for c in cands):
        return cands
    longest = max(map(len, cues.actor_home_roles)) + AKIM_ENDINGS
    for m in _WORD.finditer(sentence.text):
        word = m.group().casefold()
        if not word.startswith(cues.actor_home_roles) or len(word) > longest:
            continue
        after = sentence.text[m.end():m.end() + 20]
        if cues.lang != "kk" and re.match(r"\s+(?:of\b|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])", after):
            continue
        if cues.lang == "kk" and word not in kk.OFFICE_SUBJECTS:
            continue  # (Kazakh writes the akim's place before him, "Кентау әкімі", "қала әкімдігі": the possessive
            # says whose; the bare "әкім", "әкімдік", a subject, is the one the story knows)
        if cues.lang != "kk" and (frames_mod.source_of_saying(cues.lang, sentence.text, m.start(), m.end())
                                  if ctx.trip_abroad is not None
                                  else not frames_mod.acting_subject(cues.lang, sentence.text, m.start(), m.end())):
            continue  # a source or a speaker ("по сообщению акимата", "the akimat acknowledged", "как отметили в
            # акимате") is no side; abroad, the akim may be the one received ("the mayor received the akim")
        return sorted([*cands, Candidate(side, m.start(), m.end(), locative=False, actor=True)],
                      key=lambda c: c.start)
    return cands


def _with_actors(sentence: Sentence, cands: list[Candidate], record: Sequence[actors_mod.Actor], cues: Cues,
                 country_of: Callable[[str], Location | None]) -> list[Candidate]:
    """A surname the article introduced with a role and a place ("Bakauov met ...") stands for that place
    where the sentence does not name it itself."""
    out = list(cands)
    for mention in actors_mod.mentions(sentence.text, cues.lang, record, 0, len(sentence.text)):
        side = _side(mention.actor.location, country_of)
        if side is None or any(c.start < mention.end and mention.start < c.end for c in out):
            continue
        envoy = bool(cues.resident_abroad and cues.resident_abroad.match(mention.actor.role))
        if any(c.location.key == side.key for c in out):
            # the place is named anyway ("Morita ... a Japanese centre"); the envoy still says who travels
            out = [replace(c, envoy=c.envoy or envoy) if c.location.key == side.key else c for c in out]
            if side.country == HOME_COUNTRY or any(
                    c.location.key == side.key and abs(c.start - mention.start) <= ACTOR_OWN_PLACE_CHARS for c in out):
                continue  # (a consul's posting, "Кореяның Алматыдағы консулы Ким": named as where he serves; the
                # actor introduced with the place right here, "Ambassador to Germany Nurlan Onzhanov")
            # a foreign actor stays a party of its own where the place's mention is another thing's ("Nemeth
            # held a meeting with the akim ... on opening a consulate of Hungary")
        out.append(Candidate(side, mention.start, mention.end, locative=False, actor=True, envoy=envoy))
    return sorted(out, key=lambda c: c.start)


def _with_institutions(sentence: Sentence, cands: list[Candidate], bodies: Sequence[actors_mod.Institution],
                       references: Sequence[actors_mod.InstitutionReference],
                       country_of: Callable[[str], Location | None]) -> list[Candidate]:
    """A bare "the school", "ректор университета" names the body of that noun the article named last with its
    place ("The Shymkent Higher Medical School ... the school's rector and a delegation from Uludag University in
    the Turkish city of Bursa signed"): its place is a side where the sentence names none of that side (Kazakh or
    foreign) itself (a place written as where something is, "в Узбекистане", is no side of that kind); so is a
    body named here with its place, beside a side of the other kind."""
    out = list(cands)
    for ref in references:
        side = _side(ref.institution.location, country_of) if ref.institution.location is not None else None
        if side is not None and sentence.start <= ref.start and ref.end <= sentence.end \
                and not _names_its_side(out, side, venues=False):
            out.append(Candidate(side, ref.start - sentence.start, ref.end - sentence.start, locative=False,
                                 actor=True))
    for body in bodies:
        side = _side(body.location, country_of) if body.location is not None else None
        if side is not None and sentence.start <= body.start and body.end <= sentence.end \
                and not _names_its_side(out, side, venues=False) \
                and any(c.is_home != (side.country == HOME_COUNTRY) for c in out):
            out.append(Candidate(side, body.start - sentence.start, body.end - sentence.start, locative=False))
    return sorted(out, key=lambda c: c.start)


PRONOUN_REACH_SENTENCES = 3  # how many sentences back "he" may name the person it stands for


def _with_pronoun_reference(sentence: Sentence, cands: list[Candidate], named_before: Sequence[actors_mod.ActorMention],
                            cues: Cues, ctx: _Context, country_of: Callable[[str], Location | None],
                            all_sentences: Sequence[Sentence]) -> list[Candidate]:
    """"He" or "she" as the subject of an event's verb ("A year later he met the Kairouan delegation again")
    stands for the person the article named last by surname, in this sentence or a few before, whose gender
    does not contradict the pronoun: that person's place is the side, where the sentence names no side of that
    kind itself. Interviews and profiles name their speaker once and then write "he"."""
    if not named_before or cues.lang == "kk":  # (no Kazakh parse: "ол" is also "that")
        return cands
    first = ctx.sentence_no.get(sentence.start, 0) - PRONOUN_REACH_SENTENCES
    spans = [(m.start(), m.end()) for _kind, pattern in cues.kinds for m in pattern.finditer(sentence.text)]
    out = list(cands)
    for start, end, gender in frames_mod.person_pronoun_subjects(cues.lang, sentence.text, spans):
        at = sentence.start + start
        last = next((m for m in reversed(named_before) if m.end <= at), None)
        if last is None or ctx.sentence_no.get(_sentence_start_of(last.start, ctx), first) < first \
                or not _may_be(last.actor, gender, cues.lang) \
                or _another_person_between(last, at, all_sentences, named_before, ctx, cues.lang):
            continue
        side = _side(last.actor.location, country_of)
        if side is None or any(c.is_home == (side.country == HOME_COUNTRY) and not c.locative for c in out):
            continue
        out.append(Candidate(side, start, end, locative=False, actor=True))
    return sorted(out, key=lambda c: c.start)


def _another_person_between(last: actors_mod.ActorMention, at: int, all_sentences: Sequence[Sentence],
                            named_before: Sequence[actors_mod.ActorMention], ctx: _Context, lang: str) -> bool:
    """Is a proper name the subject of a clause between the recorded actor's mention and the pronoun at ``at``,
    a name that is neither a place nor a recorded actor ("Yavuz, for his part, came to Astana ...: in March he
    had visited")? Then "he" may be that person, whom the record does not know."""
    known = [(m.start, m.end) for m in named_before] + [(o, o + 1) for o, _kind, _loc in ctx.named]
    for sentence in all_sentences:
        if sentence.end <= last.end or sentence.start >= at:
            continue
        for t in parse(lang, sentence.text) or ():
            begin = sentence.start + t.start
            if last.end <= begin < at and t.pos == "PROPN" and t.dep in ("nsubj", "nsubj:pass") \
                    and not any(a <= begin < max(b, a + 1) or begin <= a < sentence.start + t.end for a, b in known):
                return True
    return False


def _sentence_start_of(offset: int, ctx: _Context) -> int:
    return max((s for s in ctx.sentence_no if s <= offset), default=0)


_RU_FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ая)$")  # "Калдыбаева", "Ковальская"


def _may_be(actor: actors_mod.Actor, gender: str, lang: str) -> bool:
    """Can "he" (m) or "she" (f) name this actor? Russian writes a surname's gender; English does not."""
    if lang != "ru":
        return True
    surname = actor.name.split()[-1] if actor.name.split() else ""
    return bool(_RU_FEMININE_SURNAME.search(surname.lower())) == (gender == "f")


ACTOR_OWN_PLACE_CHARS = 60  # "the ambassador of Hungary to Kazakhstan, Gabor Nemeth": the place of his own title


_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PLURAL_OF = {"en": re.compile(r"(?<!es)s$"), "ru": re.compile(r"(?:ы|ов|ам|ами|ах)$"),
              "kk": re.compile(r"(?:лар|лер|дар|дер|тар|тер)\w*$")}


def _with_title_reference(sentence: Sentence, cands: list[Candidate], cues: Cues,
                          titles: Sequence[actors_mod.Title]) -> list[Candidate]:
    """A foreign leader named again by title alone ("the governor thanked the akim", "мэр подписал с акимом
    меморандум", "губернатор әкіммен кездесті") stands for the place of the last such title the article
    wrote with one ("the governor of Gyeonggi Province"), where the sentence names no foreign place of its own
    and names the Kazakh side it dealt with. Not "the governors" (a group), nor "a governor" (someone new),
    nor a title with its own place beside it (an introduction: the place is a candidate already)."""
    if not cues.titles or not titles or any(not c.is_home for c in cands) \
            or not any(c.is_home and not c.locative for c in cands):
        return cands
    for m in _WORD.finditer(sentence.text):
        stem = actors_mod.title_stem(m.group(), cues.titles)
        if stem is None or _PLURAL_OF[cues.lang].search(m.group().casefold()[len(stem):] or "") \
                or cues.lang == "en" and not _DEFINITE_BEFORE.search(sentence.text, 0, m.start()) \
                or any(actors_mod.own_place(sentence.text, m.start(), m.end(), c.start, c.end, cues.lang)
                       for c in cands) \
                or _named_beside(sentence.text, m.start(), m.end(), cues.lang):
            continue
        at = sentence.start + m.start()
        last = next((t for t in reversed(titles) if t.start < at and t.stem == stem), None)
        if last is not None and last.location.country != HOME_COUNTRY:
            return sorted([*cands, Candidate(last.location, m.start(), m.end(), locative=False, actor=True)],
                          key=lambda c: c.start)
    return cands


_NAME_AFTER = {"en": re.compile(r"\s+(?:of\s+(?:the\s+)?)?[A-Z]"), "ru": re.compile(r"\s+[А-ЯЁA-Z]"), "kk": None}
_NAME_BEFORE = {"en": re.compile(r"[A-Z][\w'’-]*\s+$"), "ru": None, "kk": re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][\w-]*\s+$")}


def _named_beside(text: str, start: int, end: int, lang: str) -> bool:
    """Is a title written with a name of its own, even one that is no known place ("Қыршехир губернаторы",
    "губернатор Кыршехира", "the governor of Kirsehir", "Mayor Bozbey")? Then it is no bare title."""
    after, before = _NAME_AFTER.get(lang), _NAME_BEFORE.get(lang)
    if after is not None and after.match(text, end):
        return True
    name = before.search(text, max(0, start - 30), start) if before is not None else None
    # (a sentence's first word is capitalised whatever it is: "Бүгін губернатор ...")
    return name is not None and bool(text[:name.start()].strip())


def _with_envoy_reference(sentence: Sentence, cands: list[Candidate], cues: Cues, ctx: _Context) -> list[Candidate]:
    """An envoy named again by role alone beside the Kazakh side they dealt with ("Елші аудан әкімімен кездесіп",
    "the ambassador also met the akim of Arys") stands for the country of the envoy the article introduced last
    with one ("Мысырдың Қазақстандағы елшісі"), where the sentence names no foreign place of its own."""
    if cues.resident_abroad is None:
        return cands
    _postings, sending = _envoy_titles(sentence.text, cands, cues)
    introduced = [cands[i].location for i in sorted(sending) if not cands[i].is_home]
    if introduced:
        ctx.envoy_country = introduced[-1]
        return cands
    role = cues.resident_abroad.search(sentence.text)
    word = _WORD.match(sentence.text, role.start()) if role is not None else None
    # (a foreign place of the sentence other than the envoy's own country is a side of its own; the country itself,
    # as a demonym, is the envoy's: "received the Ambassador ... Polish firms")
    if role is None or word is None or ctx.envoy_country is None \
            or any(not c.is_home and c.location.key != ctx.envoy_country.key for c in cands) \
            or not any(c.is_home and not c.locative for c in cands) \
            or _PLURAL_OF[cues.lang].search(word.group().casefold()) \
            or cues.lang == "en" and not _DEFINITE_BEFORE.search(sentence.text, 0, role.start()) \
            or any(kind == "partnership" and pattern.search(sentence.text) for kind, pattern in cues.kinds):
        # (not "the ambassadors", a group; not "an ambassador", someone new; not a signing "в присутствии
        # посла", which the envoy only witnessed)
        return cands
    return sorted([*cands, Candidate(ctx.envoy_country, role.start(), role.end(), locative=False, actor=True,
                                     envoy=True)], key=lambda c: c.start)


DATELINE_OTHER_LETTERS = 12  # "Вторник, 02 Мая 2017, 15:00": a weekday or a city beside the date, no sentence


def _printed_date(article: Article) -> tuple[date, tuple[int, int]] | None:
    """Without a date in the header, the date the page prints on a line of its own near the top ("22 мая
    2018" under the headline): the story's date, which gives "18 и 19 мая" its year. A date inside a sentence
    ("On 3 March 2019 the forum opened") is an event's, not the story's."""
    lead = article.text[:TOPIC_LEAD_CHARS]
    for found in find_dates(lead, lang=article.lang):
        day = parse_iso(found.iso) if found.has_year else None
        if day is not None and _on_a_line_of_its_own(lead, found.start, found.end):
            return day, (found.start, found.end)
    return None


def _on_a_line_of_its_own(text: str, start: int, end: int) -> bool:
    """Is the date at ``start:end`` printed on a line of its own ("23 апреля 2025, 12:18" under the headline),
    the page's date of publication rather than a sentence's?"""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + text[end:line_end if line_end >= 0 else len(text)]
    return sum(ch.isalpha() for ch in line) <= DATELINE_OTHER_LETTERS


def _without_transit(places: Sequence[Place], all_sentences: Sequence[Sentence], cues: Cues) -> list[Place]:
    """The places with their mentions as places a journey passed through ("via Aktobe") left out."""
    out = []
    for place in places:
        kept = tuple(m for m in place.mentions if not any(
            s.start <= m.start < s.end and _in_transit(s.text, m.start - s.start, m.end - s.start, place.location, cues)
            for s in all_sentences))
        if kept:
            out.append(replace(place, mentions=kept))
    return out


def extract_links(article: Article, places: Sequence[Place], demonyms: Sequence[Demonym] = (), *,
                  country_location: Callable[[str], Location | None] | None = None,
                  bodies: Sequence[NamedBody] = ()) -> list[Link]:
    """Links of one article, in text order.

    ``bodies`` are the places inside the names of universities and hospitals ("University of Nairobi"): a
    sentence that names no side of their kind (Kazakh or foreign) otherwise has the body's place for one.

    ``country_location`` turns an ISO code into a country Location for demonyms whose country the
    article does not name ("корейский посол" without "Корея", "казахский дипломат"); by default the
    gazetteer's country entries, the one home of every country's point.
    """
    if country_location is None:
        country_location = gazetteer.load().country
    cues = cues_for(article.lang)
    places = _capitals_named(article.text, places, cues)
    country_of = _country_resolver(places, country_location)
    reference = parse_iso(article.date)
    dateline = None
    if reference is None and (printed := _printed_date(article)) is not None:
        reference, dateline = printed
    ctx = _Context(actor_home=_article_home(article, places), reference=reference, country_of=country_of,
                   contains=_containment(article.text, article.lang, places), lead_end=_lead_end(article))
    all_sentences = list(sentences(article))
    # a town a journey passed through ("travelled by train via Aktobe") is no place "the town" refers back to
    stopped_at = _without_transit(places, all_sentences, cues)
    ctx.named = sorted(((m.start, actors_mod.named_as(article.text, m.start, m.end, p.location, cues.actor_divisions),
                         p.location)
                        for p in stopped_at for m in p.mentions), key=lambda x: x[0])
    ctx.venues_only = cache(lambda: frozenset(p.location.key for p in places if p.mentions and all(
        _venue_of_an_event(article.text, Candidate(p.location, m.start, m.end, locative=True), only_of_the_event=True)
        for m in p.mentions)))
    story_sides = _story_sides(places, ctx.actor_home)
    lead_date: str | None = None
    lead_known = False  # the lead's date is looked for once, at the first link
    dates_in_text: list | None = None
    spans = [(s.start, s.end) for s in all_sentences]
    record = actors_mod.record(article.text, article.lang, stopped_at, cues.actor_roles, spans,
                               divisions=cues.actor_divisions, home_roles=cues.actor_home_roles,
                               story_home=ctx.actor_home)
    titles = actors_mod.titles(article.text, article.lang, stopped_at, cues.titles, spans)
    cities = [(p.location, m.text) for p in stopped_at if p.location.kind == "city" for m in p.mentions]
    bodies_named, body_references = actors_mod.institutions(
        article.text, article.lang, stopped_at, cues.institution_heads,
        lambda word: _city_of_adjective(word, cues.lang, cities),
        [(b.mention.start, b.mention.end, b.location) for b in bodies])
    named = actors_mod.mentions(article.text, article.lang, record, 0, len(article.text))
    headline_end = ctx.headline_end = (_headline_span(article) or (0, 0))[1]
    answers = _interview_answers(all_sentences, article.text)
    # the interviewee: the first person the headline or lead names with a place ("Аким Толебийского района:"),
    # else the place the story follows; the writer of a first-person account is of the story's place
    interviewee = next((side for m in named if m.start < ctx.lead_end
                        and (side := _side(m.actor.location, country_of)) is not None), ctx.actor_home)
    narrated = frozenset() if answers else _narrated_paragraphs(all_sentences, article.text, cues)
    if narrated:
        # (the writer's place: the story's, else the first Kazakh town or region the text names)
        answers, interviewee = narrated, ctx.actor_home or next(
            (loc for _at, _kind, loc in ctx.named if loc.country == HOME_COUNTRY and loc.kind != "country"), None)
    divisions = tuple(stem for stems in cues.actor_divisions.values() for stem in stems)
    ctx.mentions_abroad = [(m.start, p.location) for p in places if p.location.country != HOME_COUNTRY
                           for m in p.mentions]
    for number, sentence in enumerate(all_sentences):
        ctx.sentence_no[sentence.start] = number
        following = all_sentences[number + 1] if number + 1 < len(all_sentences) else None
        ctx.next_sentence = following if following is not None and following.paragraph == sentence.paragraph else None
        if cues.national_office is not None and cues.national_office.search(sentence.text):
            ctx.national.add(sentence.start)
            if not any(w.group().casefold().startswith(divisions) for w in _WORD.finditer(sentence.text)):
                ctx.states_only.add(sentence.start)
        cands = _candidates(sentence, places, demonyms, country_of, cues)
        cands = _with_bodies(sentence, cands, bodies, country_of)
        cands = _with_actors(sentence, cands, record, cues, country_of)
        cands = _with_institutions(sentence, cands, bodies_named, body_references, country_of)
        cands = _with_offices(sentence, cands, cues, story_sides)
        cands = _with_foreign_offices(sentence, cands, cues, ctx)
        cands = _with_the_interviewee(sentence, cands, cues, interviewee, answers, narrated=bool(narrated))
        ctx.first_person = sentence.paragraph in answers
        cands = _with_our_akim(sentence, cands, cues, ctx)
        cands = _with_envoy_reference(sentence, cands, cues, ctx)
        cands = _with_title_reference(sentence, cands, cues, titles)
        cands = _with_pronoun_reference(sentence, cands, named, cues, ctx, country_of, all_sentences)
        if sentence.start < headline_end and any(c.is_home and not c.actor and _venue_of_an_event(sentence.text, c)
                                                 for c in cands):
            # the headline's own subject ("... at Shymkent tourism fair", "на медицинском форуме в Туркестане"); an
            # exhibition the lead names as a visiting delegation's programme does not make its visit a forum's
            ctx.event_at_home = True
        if not cands and not ctx.event:
            continue  # (a sentence without places still counts when an agreement follows an event)
        sentence_links = _sentence_links(sentence, cands, cues, ctx)
        if not sentence_links and _details_the_last_agreement(sentence, cands, cues, ctx):
            if dates_in_text is None:
                dates_in_text = _event_dates(article, reference, cues)
            _date_the_last_agreement(dates_in_text, sentence, ctx, reference)
        if sentence_links:
            if not lead_known:
                (lead_date, ctx.lead_told), lead_known = _lead_event_date(article, reference, cues, dateline), True
            if dates_in_text is None:
                dates_in_text = _event_dates(article, reference, cues)
            when, ctx.date_source[sentence.start] = _event_date(dates_in_text, sentence, lead_date, reference)
            own = _own_time(dates_in_text, sentence, reference)
            if isinstance(own, FoundPeriod) and any(
                    sentence.start <= d.start < sentence.end and d.iso == when for d in dates_in_text):
                when = None  # (the sentence's day was a later clause's "today": see _own_time)
            trip = _trip_referred_to(sentence, ctx, cues) if own is None else None
            if trip is not None:  # "Сол сапар барысында ... меморандумға қол қойылды": in that trip's time
                when, own = trip.date, ctx.own_time.get(trip.evidence.start)
            ctx.links += [replace(lk, date=_stop_date(dates_in_text, sentence, cands, lk)
                                  or _signing_day(dates_in_text, sentence, lk, ctx) or when)
                          for lk in sentence_links]
            _note_places_inside_countries(sentence, cands, sentence_links, cues, ctx)
            if own is not None:
                ctx.own_time[sentence.start] = own
    links = _specific_partners(_written_homes_first(_stops_at_partners(ctx.links, ctx), ctx.carried, ctx), ctx)
    return _headline_gives_way(_reduce(_visits_that_made_agreements(links, ctx), ctx), article, ctx.links)


def _note_places_inside_countries(sentence: Sentence, cands: Sequence[Candidate], links: Sequence[Link], cues: Cues,
                                  ctx: _Context) -> None:
    """For each agreement of the sentence with a country, the one city or region of that country the sentence
    names other than as a venue (``_Context.named_inside``). Not where an envoy is named: an ambassador signs
    for the country, wherever the sentence says it was."""
    if cues.resident_abroad and cues.resident_abroad.search(sentence.text):
        return
    for lk in links:
        if lk.kind != "partnership" or lk.partner.kind != "country" or lk.home.kind == "country":
            continue
        inside = {c.location.key: c.location for c in cands if not c.is_home and not c.locative
                  and c.location.country == lk.partner.country and c.location.kind in ("city", "region")}
        if len(inside) == 1:
            ctx.named_inside[(sentence.start, lk.partner.key)] = next(iter(inside.values()))


def _stops_at_partners(links: list[Link], ctx: _Context) -> list[Link]:
    """A stop of the trip at a place its side signed an agreement with is part of that agreement's trip ("Гости
    из Казахстана привезли в Шушу выставку" after the memorandum with Shusha), which the partnership stands for."""
    def partnered(stop: Link) -> bool:
        # (not a town's stop beside an agreement with its country: which town that agreement is with is read
        # from the stops, _specific_partners)
        return any(lk.kind == "partnership" and _same_sides(stop, lk)
                   and not (lk.partner.kind == "country" and stop.partner.kind != "country") for lk in links)

    return [lk for lk in links if (lk.evidence.start, lk.home.key, lk.partner.key) not in ctx.legs or not partnered(lk)]


def _trip_referred_to(sentence: Sentence, ctx: _Context, cues: Cues) -> Link | None:
    """The visit told last before a sentence that places its events inside a trip ("during that visit", "в ходе
    этой поездки", "сол сапар барысында"), or None."""
    if cues.during_the_trip is None or not cues.during_the_trip.search(sentence.text):
        return None
    return next((lk for lk in reversed(ctx.links) if lk.kind == "visit"), None)


def _headline_span(article: Article) -> tuple[int, int] | None:
    """Where the headline line that opens the text stands; None without one (a title taken from the lead's first
    sentence is none)."""
    title = article.title.strip()
    # (after the metadata a file may open with: " date 2023-10-09" is no text of the story)
    body_start = article.body_ranges[0][0] if article.body_ranges else 0
    start = article.text.find(title, body_start) if title else -1
    end = start + len(title)
    if start < 0 or article.text[body_start:start].strip() or article.text[end:end + 1] not in ("\n", "\r", ""):
        return None
    return start, end


def _headline_gives_way(links: list[Link], article: Article, told: Sequence[Link]) -> list[Link]:
    """A headline sums the story up ("Бразильские аграрии в Жетысайском районе, меморандум с Гори и встреча с
    послом Египта": one place stands for three items): where the body tells the same kind of event with the same
    partner from another Kazakh side, the body's side is the one that took part, and the headline's link gives way."""
    span = _headline_span(article)
    if span is None:
        return links
    start, end = span

    def in_headline(lk: Link) -> bool:
        return start <= lk.evidence.start and lk.evidence.end <= end

    def same_partner(a: Link, b: Link) -> bool:
        return _within(a.partner, b.partner) or _within(b.partner, a.partner)

    body = [o for o in links if not in_headline(o)]
    # a headline that lists events ("меморандум с Реджайной и гости из Милана") may hang one item's cue on another
    # item's place: where the body tells that partner as an event of another kind only, the body knows which
    # (``told``: every link of every sentence, before one event's mentions merged)
    listing = len({lk.partner.key for lk in told if in_headline(lk)}) > 1
    return [lk for lk in links if not in_headline(lk) or not any(
        o.kind == lk.kind and not _same_side(o.home, lk.home) and same_partner(o, lk) for o in body) and not (
        listing and any(same_partner(o, lk) for o in body)
        and not any(o.kind == lk.kind and same_partner(o, lk) for o in body))]
