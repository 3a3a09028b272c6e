"""Event frames read from a sentence's dependency parse, where word order cannot say it.

A partnership is a signing: a signing verb whose object, passive subject or the noun it qualifies (as a
participle) is a document. The parse finds the pair in any order and at any distance: "Документ, подписанный
сторонами 14 октября в здании правительства", "the memorandum, drafted by both chambers last year, was signed
on Monday", "подписали вчера в Павлодаре дорожную карту". The words are data (``signing_frame`` in
``triggers.json``), as lemmas; which of them happened is the realis step's business, not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from dashboard.dates import month_words
from dashboard.lang import LOOP_CUT, RELATIVE_PRONOUNS, Token, en, kk, parse, relative_objects, ru
from dashboard.lang.realis import HAPPENED, awaits, intends, kk_word_realis, realis

_OBJECT_RELATIONS = ("obj", "dobj", "nsubj:pass", "nsubjpass", "obl", "iobj", "conj", "appos")
_QUALIFYING_RELATIONS = ("acl", "amod", "acl:relcl", "relcl")


def signings(lang: str, text: str, frame: Mapping[str, Sequence[str]]) -> list[tuple[int, int]]:
    """(start, end) of each signing in ``text``: from the verb to its document, whichever comes first."""
    verbs, documents = frozenset(frame.get("verbs", ())), frozenset(frame.get("documents", ()))
    if not verbs or not documents:
        return []
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma not in verbs or tok.pos not in ("VERB", "ADJ", "AUX"):
            continue
        docs = [t for t in tokens if t.head == i and t.dep in _OBJECT_RELATIONS and t.lemma in documents]
        if tok.dep in _QUALIFYING_RELATIONS and tok.head >= 0 and tokens[tok.head].lemma in documents:
            docs.append(tokens[tok.head])  # "Документ, подписанный сторонами": the participle qualifies it
        elif tok.dep in _QUALIFYING_RELATIONS and tok.head >= 0 and _document_of_its_side(
                tokens, tok.head, documents) is not None:
            # "the agreement with Kutaisi, signed in 2021": the parse hung it on the name; the participle alone is
            # the cue (the name between is a side, not a word of the cue)
            out.append((tok.start, tok.end))
        # "со стороны района документ подписал аким": a document in the accusative right beside the verb is its
        # object, wherever a long sentence's parse hung it
        docs += [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j].lemma in documents
                 and tokens[j].feats.get("Case") == "Acc" and tokens[j] not in docs]
        # "Программа ..., которую аким и хоким подписали": the relative pronoun it signs stands for the document
        # before it, wherever the parse hung the clause
        docs += [d for d in (_antecedent(tokens, r) for r in relative_objects(tokens, i))
                 if d is not None and d.lemma in documents and d not in docs]
        for doc in docs:
            out.append((min(tok.start, doc.start), max(tok.end, doc.end)))
    return out


def _document_of_its_side(tokens: Sequence[Token], name: int, documents: frozenset[str]) -> Token | None:
    """The document whose side the name at ``name`` is ("the agreement with Kutaisi", "соглашение с Кутаиси"),
    directly or through its preposition: a participle of signing the parse hung on that name qualifies the
    document (a town is not signed)."""
    if tokens[name].pos != "PROPN" or not _preposition_is(tokens, name, _WITH | _BETWEEN):
        return None  # (a side is "with" or "between", not a venue: "the agreement in Tbilisi, signed ...")
    up = tokens[name].head
    if up >= 0 and tokens[up].pos == "ADP":  # English: the document -> "with" -> the name
        up = tokens[up].head
    return tokens[up] if up >= 0 and tokens[up].lemma in documents else None


ANTECEDENT_REACH = 4  # "Программа приграничного сотрудничества, которую": the head noun a few words before


def _antecedent(tokens: Sequence[Token], relative: int) -> Token | None:
    """The noun a relative pronoun stands for: the nearest before its comma that agrees with it in gender and
    number (Russian "который" agrees; English "which" has no features, so the nearest noun), or None."""
    pronoun = tokens[relative]
    j = relative - 1
    while j >= 0 and tokens[j].pos == "PUNCT":
        j -= 1
    for tok in reversed(tokens[max(0, j - ANTECEDENT_REACH + 1):j + 1]):
        if tok.pos == "PUNCT":
            return None
        if tok.pos in ("NOUN", "PROPN") and all(
                tok.feats.get(f) == pronoun.feats[f] for f in ("Gender", "Number")
                if f in pronoun.feats and f in tok.feats):
            return tok
    return None


_SUBJECT_RELATIONS = ("nsubj", "obl:agent", "agent", "nsubj:pass", "nsubjpass")
_SIDES_LEMMAS = frozenset({"сторона", "side", "party"})  # in any case: "сторонами", "by both sides"
_PAIR_LEMMAS = frozenset({"two", "both", "два", "оба", "обе"})  # "the two universities": the pair is the sides
WHERE_TO = frozenset({"where", "где", "куда"})  # relative adverbs of place: a clause of what happened there
_WHEN = frozenset({"when", "когда"})
_WHERE_WHEN = WHERE_TO | _WHEN
# a personal pronoun as the subject of a clause hung from another ("a trip to Turkey, during which it signed
# ...") is that clause's subject again
_PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "он", "она", "оно", "они"})
# so is a bare noun for a side ("during which the city signed", "где делегация подписала"): without a name of
# its own it is the side the sentence named first
# bare nouns that name a side told before: its divisions (relations' actor_division nouns) and parties
_ANAPHORIC_HEADS = frozenset({"city", "town", "region", "province", "district", "delegation", "administration",
                              "akimat", "guest", "город", "область", "регион", "район", "провинция", "делегация",
                              "гость", "администрация", "акимат"})


def _refers_back(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.lemma.lower() in _PERSONAL_PRONOUNS:
        return True
    # (a name, adjective or number of its own makes it a name; a coordinated noun does not: "the region and the
    # governorship of Gaziantep")
    return t.lemma.lower() in _ANAPHORIC_HEADS and not any(
        c.head == i and c.pos in ("PROPN", "ADJ", "NOUN", "NUM") and c.dep not in ("conj", "cc") for c in tokens)


def _bare_noun_of(tokens: Sequence[Token], i: int, lemmas: frozenset[str]) -> bool:
    """Is word ``i`` one of ``lemmas`` with no name, adjective, noun or number of its own ("the institute", not
    "the Lahore institute", "Ege University")?"""
    return tokens[i].lemma.lower() in lemmas and tokens[i].pos == "NOUN" and not any(
        c.head == i and c.pos in ("PROPN", "ADJ", "NOUN", "NUM") for c in tokens)


VERB_REACH = 3  # how many heads up from a cue noun its verb may stand ("held talks", "провела переговоры")


def verb_carrying(tokens: Sequence[Token], start: int, end: int, reach: int = VERB_REACH) -> int | None:
    """The verb that carries the cue ``text[start:end]`` (a cue may end inside its word: "переговор" of
    "переговоры"): a verb inside it ("signed a memorandum", "met"), else the first verb up to ``reach`` heads
    above its top word ("held talks", "подписали соглашение о сотрудничестве"). None without one."""
    span = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    if not span:
        return None
    inside = next((i for i in span if tokens[i].pos in ("VERB", "AUX")), None)
    if inside is not None:
        return inside
    node = next((i for i in span if tokens[i].head not in span), span[0])
    if tokens[node].pos == "ADJ" and node + 1 < len(tokens) and tokens[node + 1].pos == "NOUN":
        node += 1  # "побратимские связи": the adjective's noun, wherever the parse hung the adjective
    for _ in range(reach):
        node = tokens[node].head
        if node < 0:
            return None
        if tokens[node].pos in ("VERB", "AUX"):
            return node
    return None


def _signing_verb(tokens: Sequence[Token], start: int, end: int, verbs: frozenset[str]) -> int | None:
    """The signing verb of the cue ``text[start:end]``: one inside it ("signed a memorandum"), else the one its
    noun depends on ("подписали соглашение о сотрудничестве", cue "соглашение о сотрудничестве"). None for a
    partnership that is not a signing ("have been partners", "sister cities")."""
    inside = next((i for i, t in enumerate(tokens) if start <= t.start and t.end <= end and t.lemma in verbs), None)
    if inside is not None:
        return inside  # (a participle the parse calls an adjective too: "подписанный")
    verb = verb_carrying(tokens, start, end)
    if verb is not None and tokens[verb].lemma in verbs:
        return verb
    # "the agreement signed by the two universities", "соглашение, подписанное сторонами": a participle
    # qualifying the cue's noun
    return next((i for i, t in enumerate(tokens) if t.lemma in verbs and t.dep in _QUALIFYING_RELATIONS
                 and t.head >= 0 and start <= tokens[t.head].start and tokens[t.head].end <= end), None)


def _subjects(tokens: Sequence[Token], verb: int, seen: frozenset[int] = frozenset()) -> list[int]:
    """The verb's subjects or agents; a verb coordinated with another shares that one's ("Стороны обсудили
    ..., а по итогам переговоров подписали соглашение"); a participle or relative clause has the noun it
    qualifies ("the cities, which signed ...")."""
    if verb in seen:
        return []  # (a parse may loop: a clause whose governor is its own dependent)
    seen = seen | {verb}
    v = tokens[verb]
    own = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in _SUBJECT_RELATIONS]
    if own and v.dep in _QUALIFYING_RELATIONS and v.head >= 0 \
            and all(tokens[i].lemma in RELATIVE_PRONOUNS for i in own):
        return [v.head]  # "Khorezm, which signed ...": the relative pronoun stands for the noun it follows
    pronoun = bool(own) and all(_refers_back(tokens, i) for i in own)
    if own and not (pronoun and v.dep in (*_QUALIFYING_RELATIONS, "advcl") and v.head >= 0):
        return own
    if v.dep in (*_QUALIFYING_RELATIONS, "advcl") and v.head >= 0 and (pronoun or any(
            t.head == verb and t.lemma in _WHERE_WHEN for t in tokens)):
        # "the delegation visited Ufa, where it signed ...", "a trip, during which it signed": the clause is
        # about a place or a time, or its subject is a pronoun; its subject is the one of the clause it hangs
        # from
        governor = _governing_verb(tokens, v.head if v.dep == "advcl" else tokens[v.head].head)
        return (_subjects(tokens, governor, seen) if governor is not None else []) or own
    if v.dep == "conj" and v.head >= 0:
        return _subjects(tokens, v.head, seen)
    if v.dep in _QUALIFYING_RELATIONS and v.head >= 0:
        return [v.head]
    if v.head < 0:
        # "Ахмедов осмотрел плотину ..., а вечером ... подписал протокол": the parse may make the second predicate
        # a root of its own; with no subject, and no subject before it in its clause that the parse hung on the
        # first ("..., а в понедельник глава ... и аким Кентау подписали"), it shares the first one's
        earlier = [i for i in range(verb) if tokens[i].head < 0 and tokens[i].pos in ("VERB", "AUX")]
        if earlier and not any(tokens[i].dep in _SUBJECT_RELATIONS for i in range(earlier[-1] + 1, verb)):
            return _subjects(tokens, earlier[-1], seen)
    return []


def _subtree(tokens: Sequence[Token], root: int, *, skip_clauses: bool) -> set[int]:
    """``root`` and what depends on it; with ``skip_clauses``, not the other predicates coordinated with it."""
    out, todo = {root}, [root]
    while todo:
        i = todo.pop()
        for j, t in enumerate(tokens):
            if t.head == i and j not in out:
                # (a short adjective coordinated with a verb is a predicate too: "заключила ... и намерена")
                if skip_clauses and t.dep == "conj" and i == root and (
                        t.pos in ("VERB", "AUX") or t.pos == "ADJ" and tokens[root].pos in ("VERB", "AUX")):
                    continue
                out.add(j)
                todo.append(j)
    return out


KK_SIDES_REACH_WORDS = 8  # "Тараптар ... екі қала арасындағы ынтымақтастық туралы меморандумға қол қойды"


def signed_by(lang: str, text: str, start: int, end: int, sides: re.Pattern,
              frame: Mapping[str, Sequence[str]], *, kk_nouns: tuple[str, ...] = ()) -> bool:
    """Is the signing in ``text[start:end]`` done by "the sides" / "стороны" (its subject or agent), so that
    its parties are the story's pair and not whatever place the sentence also names? Kazakh, unparsed: "the
    sides" whose noun begins with one of ``kk_nouns`` stand in the signing's clause a few words before it ("екі
    елдің ... келісімге қол қойғанын"; a bare "тараптар" is left to the sentence's own places: the clause is
    too coarse a scope for it)."""
    if lang == "kk":
        clause = text[:start]
        opener = max(clause.rfind(mark) for mark in ".;:!?,") + 1  # (a comma ends a Kazakh clause: "..., алайда")
        return any(len(clause[m.end():].split()) <= KK_SIDES_REACH_WORDS
                   and any(word.casefold().startswith(kk_nouns) for word in m.group().split()[1:])
                   for m in sides.finditer(clause, opener)) if kk_nouns else False
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return False
    for i in _subjects(tokens, verb):
        if tokens[i].dep == "agent":  # English "signed by the two universities": the agent is the object of "by"
            i = next((k for k, c in enumerate(tokens) if c.head == i and c.dep == "pobj"), i)
        t = tokens[i]
        phrase_start = min([t.start] + [c.start for c in tokens if c.head == i])
        if t.lemma in _SIDES_LEMMAS or sides.match(text, phrase_start) or sides.match(text, t.start) \
                or any(c.head == i and c.lemma in _PAIR_LEMMAS for c in tokens):  # "двумя университетами"
            return True
    return False


def signing_scope(lang: str, text: str, start: int, end: int,
                  frame: Mapping[str, Sequence[str]]) -> list[tuple[int, int]] | None:
    """Character ranges of the words that fill the signing's roles: the verb's own dependents (who signed,
    what, with whom, between whom) and its subject's phrase. A place outside them ("the road Taraz - Talas"
    the sides discussed before they signed; "trade with Kazakh regions" in a clause of its own) is no party
    to it. None when the sentence has no parse or no signing verb there."""
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return None
    keep = _subtree(tokens, verb, skip_clauses=True)
    documents = frozenset(frame.get("documents", ()))
    hung_on_a_side = tokens[verb].dep in _QUALIFYING_RELATIONS and tokens[verb].head >= 0 \
        and _document_of_its_side(tokens, tokens[verb].head, documents) is not None
    if hung_on_a_side:
        keep.add(tokens[verb].head)  # "the agreement with Kutaisi, signed in 2021": the name it was hung on
    occasions = frozenset(frame.get("occasion_verbs", ()))
    # who signed, named in the signing's own words (not the document it was hung on): then a clause of time is only
    # when, and the occasion's places are no parties ("the agreement between Almaty and Xi'an was signed when the
    # President visited Beijing")
    subjects = _subjects(tokens, verb) if not hung_on_a_side else []  # (the name is no signer of a "subject")
    signers = [i for i in subjects if tokens[i].lemma not in documents]
    for i, t in enumerate(tokens):
        # (a clause of time deeper in, describing a word of the signing's: "during a trip ... for the young region,
        # created a year earlier when Shymkent was separated from it")
        if (t.head == verb or t.head in keep) and t.dep == "advcl" and any(
                c.head == i and c.dep in _SUBJECT_RELATIONS and c.lemma not in RELATIVE_PRONOUNS for c in tokens):
            if t.head == verb and t.lemma in occasions and any(c.head == i and c.lemma.lower() in _WHEN
                                                               for c in tokens) and not signers:
                # "signed in 2021 when the mayor of the Georgian city visited Shymkent": the visit it was signed on,
                # whose places are its parties
                keep |= _subtree(tokens, i, skip_clauses=False)
                continue
            # "signed ... in March 2019, when relations between Kazakhstan and Uzbekistan were warming": a clause of
            # time or reason with a subject of its own tells another state of things, whose places sign nothing
            keep -= _subtree(tokens, i, skip_clauses=False)
    for i, t in enumerate(tokens):
        if t.dep in _RELATIVE_CLAUSES and i in keep and i != verb and t.head >= 0 and (
                tokens[t.head].lemma in documents
                or any(c.head == i and c.lemma.lower() in WHERE_TO for c in tokens)):
            # "a memorandum, under which the dry port will serve goods bound for Iran": what the document
            # provides for is no party to it; nor is what a clause tells of its venue ("подписан в Баку, куда
            # накануне прилетел Президент Казахстана")
            keep -= _subtree(tokens, i, skip_clauses=False)
    for i, t in enumerate(tokens):
        if signers and t.dep in _DESCRIBING_CLAUSES and i in keep and _at_a_venue(tokens, t.head, verb):
            # "X and Y signed ... at a ceremony attended by officials from neighbouring Shymkent", "на церемонии, в
            # которой участвовали ...": with its signers named, who else was at the venue is no party ("was signed at
            # a meeting attended by the akim and the mayor" names its signers there)
            keep -= _subtree(tokens, i, skip_clauses=False)
    for subject in subjects:
        keep -= _subtree(tokens, subject, skip_clauses=False)  # (its own dependents come back as its phrase)
        keep |= _subject_phrase(tokens, subject)
    main = _main_of_a_time_clause(tokens, verb)
    if main is not None:
        # "Shymkent and Kazan put their relationship on a formal footing on Thursday, when the akim and the head of
        # the executive committee signed an agreement": the clause of time tells how the main clause's subject did it
        for subject in _subjects(tokens, main):
            keep |= _subject_phrase(tokens, subject)
    for r in relative_objects(tokens, verb):
        if r < verb:
            # "которую аким области и хоким Ташкентской области подписали": what stands between the relative
            # pronoun and its verb is that clause's own (its subject), wherever a long sentence's parse hung it
            keep |= set(range(r + 1, verb))
    return [(tokens[i].start, tokens[i].end) for i in sorted(keep)]


_DESCRIBING_CLAUSES = ("acl", "relcl", "acl:relcl")
_AT_A_VENUE = frozenset({"at", "на"})  # "at a ceremony", "на церемонии": where, not with whom


def _at_a_venue(tokens: Sequence[Token], noun: int, verb: int) -> bool:
    """Is the word at ``noun`` the venue of the verb at ``verb`` ("signed ... at a ceremony"), hung on it with a
    preposition of a venue (English "at", Russian "на")?"""
    if noun < 0 or tokens[noun].head < 0:
        return False
    up = tokens[noun].head
    if tokens[up].pos == "ADP":  # English: verb -> "at" -> the noun
        return tokens[up].lemma.lower() in _AT_A_VENUE and tokens[up].head == verb
    return up == verb and any(c.head == noun and c.dep == "case" and c.lemma.lower() in _AT_A_VENUE for c in tokens)


def _main_of_a_time_clause(tokens: Sequence[Token], verb: int) -> int | None:
    """The verb of the sentence's main clause when ``verb`` heads a clause of time of it ("..., when they signed";
    "on Thursday, when ...", the clause hung on the time word), else None."""
    if tokens[verb].dep not in ("advcl", *_RELATIVE_CLAUSES) or not any(
            t.head == verb and t.lemma.lower() in _WHEN for t in tokens):
        return None
    main = _governing_verb(tokens, tokens[verb].head)
    # (the sentence's own main clause only: "a charity that has worked with the hospital since 2021, when the two
    # sides signed" tells of the charity, whose clause is itself a description)
    return main if main is not None and tokens[main].head < 0 else None


def _governing_verb(tokens: Sequence[Token], node: int) -> int | None:
    """The first verb at or above ``node`` (a clause hung on a noun, "a trip, during which ...", is that noun's
    verb's); None at the root without one. Bounded: a parse may loop."""
    for _ in range(len(tokens)):
        if node < 0 or tokens[node].pos in ("VERB", "AUX"):
            break
        node = tokens[node].head
    return node if node >= 0 and tokens[node].pos in ("VERB", "AUX") else None


KK_DEPARTURE_WORDS = 2  # "Алматыдан таңертең ұшып": the verb of setting off a word or two after the place


def departed_from(lang: str, text: str, start: int, end: int, verbs: Sequence[str]) -> bool:
    """Is the place ``text[start:end]`` where a journey set off, the "from" of a verb of departure (``verbs``:
    lemmas; Kazakh: stems), not of a party ("делегация из Алматы вылетела": the delegation is Almaty's)? Russian and
    English by the parse; Kazakh by the verb a word or two after the ablative."""
    if not verbs:
        return False
    if lang == "kk":
        after = [w.group().casefold() for w in _WORD.finditer(text, end)][:KK_DEPARTURE_WORDS]
        return any(w.startswith(tuple(verbs)) for w in after)
    tokens = parse(lang, text)
    head = _head_of(tokens, start, end) if tokens else None
    if not tokens or head is None or tokens[head].dep not in ("obl", "prep", "pobj", "advmod"):
        return False
    up = tokens[head].head
    if tokens[head].dep == "pobj" and up >= 0:
        up = tokens[up].head  # English: the place hangs from "from", which hangs from the verb
    return up >= 0 and tokens[up].pos == "VERB" and tokens[up].lemma.lower() in verbs


def detached(lang: str, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of ``spans``, those whose words the parse hangs on no path to the root (a loop of heads: "сотрудничестве
    между Шымкентом и Башкортостаном" read as each other's dependents, cut by ``lang.without_loops``): the parse
    says nothing of their role."""
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for span, node in _heads(tokens, spans):
        for _ in tokens:  # (bounded: a parse made elsewhere may still loop)
            if tokens[node].head < 0:
                break
            node = tokens[node].head
        if tokens[node].head >= 0 or tokens[node].dep == LOOP_CUT:
            out.append(span)
    return out


_CLAUSE_RELATIONS = ("acl", "acl:relcl", "relcl", "advcl", "parataxis")
_RELATIVE_CLAUSES = ("acl:relcl", "relcl")


def _subject_phrase(tokens: Sequence[Token], subject: int) -> set[int]:
    """The subject's words. A subject with a name of its own ("Ulytau region, carved out of Karaganda region
    in 2022, signed ...") leaves out the clauses that describe it: the places there are its history, not a
    party; a bare one ("Делегация, прибывшая из Шымкента, подписала") keeps them, as they name it."""
    named = tokens[subject].pos == "PROPN" or any(
        t.head == subject and t.pos == "PROPN" and t.dep not in _CLAUSE_RELATIONS for t in tokens)
    phrase = _subtree(tokens, subject, skip_clauses=True)
    if named:
        for i, t in enumerate(tokens):
            if t.head == subject and t.dep in _CLAUSE_RELATIONS:
                phrase -= _subtree(tokens, i, skip_clauses=False)
    # a phrase is written in one piece: a run of nominal words inside it that the parse hangs elsewhere is a slip
    # of the parse ("заместитель хокима Ташкентской области Шухрат Каримов", the region hung on a later clause)
    run: list[int] = []
    opened = False  # whether the run follows a word of the phrase
    for i in range(min(phrase, default=0), max(phrase, default=-1) + 1):
        if i not in phrase and tokens[i].pos in _PHRASE_WORDS:
            opened = opened or (not run and i - 1 in phrase)
            run.append(i)
            continue
        if i in phrase and run and opened:
            phrase.update(run)
        run, opened = [], False
    return phrase


_PHRASE_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM"})


# Verbs of receiving: a meeting when someone is received ("the akim received the ambassador"), none when a
# thing is ("received an application", "принял решение", "принял участие")
_RECEIVING_LEMMAS = frozenset({"receive", "принять", "принимать"})
# verbs of welcoming a party, the receiving ones among them: "received a delegation", "hosted the guests",
# "встретил делегацию"
_WELCOMING_LEMMAS = _RECEIVING_LEMMAS | {"host", "welcome", "meet", "встретить", "встречать", "приветствовать"}


def receives_a_party(lang: str, text: str, start: int, end: int) -> bool:
    """Is the cue ``text[start:end]`` a verb of receiving or welcoming its party ("received a delegation",
    "принял делегацию", "делегациясын қабылдады")? Kazakh, without a parse, by the stem of "қабылдау"."""
    if lang == "kk":
        return any(w.casefold().startswith("қабылда") for w in re.findall(r"\w+", text[start:end]))
    tokens = parse(lang, text) or ()
    return any(start <= t.start < end and t.lemma.lower() in _WELCOMING_LEMMAS for t in tokens)
_OBJECT_OF_RECEIVING = ("obj", "dobj")


def receives_a_thing(lang: str, text: str, start: int, end: int, person: re.Pattern | None) -> bool:
    """Is the cue ``text[start:end]`` a verb of receiving whose object is a thing, not a person or a group?
    A person is a proper name, a Russian noun the dictionary marks animate, or a word of ``person`` (the roles,
    delegations and guests of the cue data). Without a parse or an object, the cue stands."""
    if lang == "kk":
        return _kk_receives_a_thing(text, start, end, person)
    tokens = parse(lang, text)
    if not tokens:
        return False
    verb = next((i for i, t in enumerate(tokens) if start <= t.start < end and t.lemma in _RECEIVING_LEMMAS), None)
    if verb is None:
        return False
    # (not past ", and": "принял ... посла, и разговор, начавшийся ...": the parse may hang the next clause's
    # subject on the verb as its object)
    v = tokens[verb]
    objects = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in _OBJECT_OF_RECEIVING
               and not _CLAUSE_COORDINATION.search(text, min(t.end, v.end), max(t.start, v.start))]
    return bool(objects) and not any(_a_person(tokens, i, lang, person) for i in objects)


_CLAUSE_COORDINATION = re.compile(r",\s+(?:и|а|но|and|but)\s", re.IGNORECASE)  # a new clause's start


def _parsed_verb_cue(lang: str, text: str, start: int, end: int) -> tuple[Sequence[Token], int | None]:
    """The parse of ``text`` and the index of the verb inside the cue ``text[start:end]`` (None without a parse,
    in Kazakh, which has none, or for a noun cue)."""
    tokens = parse(lang, text) if lang != "kk" else None
    if not tokens:
        return (), None
    return tokens, next((i for i, t in enumerate(tokens) if start <= t.start < end and t.pos == "VERB"), None)


def met_by_things(lang: str, text: str, start: int, end: int, person: re.Pattern | None, is_party_noun) -> bool:
    """Is the cue ``text[start:end]`` a verb of meeting whose own subjects are all things, no person, group,
    body or place ("where that road meets the railways", "the plant meets the standards")? Such a verb tells of
    no meeting. Without a parse, a verb cue, or an own subject of its own, the cue stands."""
    tokens, verb = _parsed_verb_cue(lang, text, start, end)
    if verb is None:
        return False
    subjects = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in _SUBJECT_RELATIONS]
    if any(t.head == verb and t.dep in ("obj", "dobj") and (is_party_noun(t) or _a_person(tokens, i, lang, person))
           for i, t in enumerate(tokens)):
        return False  # someone was met or received ("On Friday, the day the guests left, ... received the ambassador")
    return bool(subjects) and all(tokens[i].pos == "NOUN" and tokens[i].text.islower() and not is_party_noun(tokens[i])
                                  and not _a_person(tokens, i, lang, person) for i in subjects)


def moved_by_things(lang: str, text: str, start: int, end: int, person: re.Pattern | None, is_party_noun) -> bool:
    """Is the cue ``text[start:end]`` a verb of travel with no object whose subject, in its own clause before it,
    is a thing, no person, group, body or place ("knitted garments went to Russia", "первая партия цемента прибыла
    в Мерсин")? Such a verb tells of no visit. A passive subject is where someone went ("the plant was visited"),
    and a verb with an object hosts or sends ("the district welcomed a delegation"): neither counts. Without a
    parse, a verb cue, or such a subject, the cue stands."""
    tokens, verb = _parsed_verb_cue(lang, text, start, end)
    if verb is None or any(t.head == verb and t.dep in ("obj", "dobj") for t in tokens):
        return False
    # (a long sentence's parse may give the verb a subject of another clause: only those in its own count)
    subjects = [i for i, t in enumerate(tokens) if t.head == verb and t.dep == "nsubj" and i < verb
                and not any(tokens[k].pos == "PUNCT" for k in range(i, verb))]
    return bool(subjects) and all(_a_moving_thing(tokens, i, lang, person, is_party_noun) for i in subjects)


# words of a share whose "of" or genitive names what moved ("most of the fibre", "часть делегации")
_SHARE_WORDS = frozenset({"most", "much", "part", "half", "bulk", "majority", "share", "rest", "some", "all",
                          "часть", "половина", "большинство", "доля", "остаток"})


def _a_moving_thing(tokens: Sequence[Token], i: int, lang: str, person: re.Pattern | None, is_party_noun) -> bool:
    if tokens[i].lemma.lower() in _SHARE_WORDS:
        of = next((j for j, c in enumerate(tokens) if c.head == i and c.dep in ("nmod", "prep")), None)
        if of is not None and tokens[of].dep == "prep":
            of = next((j for j, c in enumerate(tokens) if c.head == of and c.dep == "pobj"), None)
        if of is None:
            return False
        i = of
    t = tokens[i]
    return t.text.islower() and _a_thing(tokens, i, is_party_noun, owned=False) \
        and not _a_person(tokens, i, lang, person) \
        and not (lang == "en" and en.agent_noun(t.lemma.lower()))


_KK_RECEIVING_STEM = "қабылда"
_KK_OBJECT_REACH_WORDS = 3  # "шақыруды ризашылықпен қабылдап": an adverb may stand between
_WORD = re.compile(r"[\w-]+")


def _kk_receives_a_thing(text: str, start: int, end: int, person: re.Pattern | None) -> bool:
    """Kazakh, read by case without a parse: the accusative word right before "қабылдады" is what was received;
    a common noun that names no person or group ("шақыруды", "өтінішін") is a thing. A name (a capital, also
    after a hyphen) or one of ``person`` ("елшіні", "делегациясын") is someone."""
    if not text[start:end].casefold().startswith(_KK_RECEIVING_STEM):
        return False
    before = list(_WORD.finditer(text, 0, start))[-_KK_OBJECT_REACH_WORDS - 1:]
    for k in range(len(before) - 1, 0, -1):
        w = before[k].group()
        if w.casefold().endswith(kk.ACCUSATIVE_ENDINGS):
            name = any(part[:1].isupper() for part in w.split("-"))  # "Исмоиловты", "әл-Масриді"
            # a title after a name ("Ли Сон Хо мырзаны", "Айгүл ханымды"): a name in the nominative, which Kazakh
            # writes before a person's title (not a genitive's possession: "Ресейдің шақыруын")
            titled = before[k - 1].group()[:1].isupper() and not kk.GENITIVE.search(before[k - 1].group())
            return not name and not titled and not (person and person.match(w.casefold()))
    return False


_COLLECTIVE_NOUNS = frozenset({"группа", "команда", "коллектив", "отряд", "бригада"})  # (English "group" is data)


def _a_person(tokens: Sequence[Token], i: int, lang: str, person: re.Pattern | None, *, depth: int = 0) -> bool:
    t = tokens[i]
    if t.pos in ("PROPN", "PRON"):
        return True
    if any(c.head == i and (c.dep == "compound" and c.pos == "PROPN"
                            or c.dep == "appos" and depth == 0 and _a_person(tokens, j, lang, person, depth=1))
           for j, c in enumerate(tokens)):
        return True  # a name the tokeniser split ("Lee Jung-|hoon"), or one in apposition to a person ("..., consul")
    if t.lemma.lower() in _COLLECTIVE_NOUNS and depth == 0 and any(
            c.head == i and c.dep == "nmod" and _a_person(tokens, j, lang, person, depth=1)
            for j, c in enumerate(tokens)):
        return True  # "принял группу инвесторов": a group of people
    if lang == "ru" and t.pos == "NOUN":
        reading = ru.morph_vocab().parse(t.text.lower())[0]
        if reading.tag.animacy == "anim":
            return True
    if person and any(c.head == i and c.dep == "compound" and person.match(c.text) for c in tokens):
        return True  # "the consul general": the parse makes "general" the head, its compound is the person
    return bool(person and person.match(t.text))  # the head noun: "officials of the municipality", not "мэрии"


def names_a_kind_of_thing(lang: str, text: str, start: int, end: int) -> bool:
    """Is the cue ``text[start:end]`` a noun that only says what kind another noun is ("a tour operator", "the
    visit programme")? Such a word tells of no event. English only: Russian and Kazakh build no such compounds."""
    if lang != "en":
        return False
    tokens = parse(lang, text)
    if not tokens:
        return False
    span = [i for i, t in enumerate(tokens) if start <= t.start < end]
    return bool(span) and all(tokens[i].dep == "compound" and tokens[i].pos == "NOUN" and tokens[i].head not in span
                              for i in span)


def signing_anaphor(lang: str, text: str, start: int, end: int, frame: Mapping[str, Sequence[str]],
                    institutions: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """The bare side noun that signed the signing in ``text[start:end]`` ("in 2019 the region signed an
    agreement with ...", "в 2019 году город подписал"), or a bare noun of ``institutions`` (lemmas: "the
    institute signed"), or English "it", as (its word, its offset); None when a name signed, or a personal
    pronoun."""
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return None
    subjects = _subjects(tokens, verb)
    subject = tokens[subjects[0]] if len(subjects) == 1 else None
    if subject is not None and (_refers_back(tokens, subjects[0]) or _bare_noun_of(tokens, subjects[0], institutions)) \
            and (subject.lemma.lower() not in _PERSONAL_PRONOUNS or subject.text.lower() == "it"):
        # (English "it", neuter, is a body or a place, never a person: "In 2021 it signed an agreement with Gansu")
        return tokens[subjects[0]].text, tokens[subjects[0]].start
    # "аким города и губернатор аймака Орхон подписали": a signer's office of a bare division ("the akim of the
    # city") signs for that division, the one the text named last
    offices = [c for i in subjects for c, t in enumerate(tokens) if t.head == i and t.dep in ("nmod", "nmod:poss")
               and _refers_back(tokens, c) and t.lemma.lower() not in _PERSONAL_PRONOUNS]
    if len(offices) == 1:
        return tokens[offices[0]].text, tokens[offices[0]].start
    # a signing told in the passive with its sides after "between" ("was signed between the region and the
    # governorship of Gaziantep", "подписано соглашение между областью и ..."): the first of them, a bare noun
    between = [i for i, t in enumerate(tokens) if _after_between(tokens, i) and _refers_back(tokens, i)]
    passive = all(tokens[i].dep in ("nsubjpass", "nsubj:pass") for i in subjects)  # (the document, if any)
    return (tokens[between[0]].text, tokens[between[0]].start) if passive and len(between) == 1 else None


_BETWEEN = frozenset({"between", "между"})

_WITH = frozenset({"with", "с", "со"})


def agreements_counterpart(lang: str, text: str, start: int, end: int, frame: Mapping[str, Sequence[str]]) -> bool:
    """Is the place at ``text[start:end]`` written "with" a document or a signing verb ("the memorandum with
    Bukhara", "an agreement that the region signed with Khovd province", "меморандум с Бухарой"), itself or as the
    place of a body so written ("with South Korea's Ministry of Employment", "с мэрией Бухары"); not with another
    noun ("the city's growing ties with Turkey")? False without a parse."""
    tokens = parse(lang, text)
    i = _head_of(tokens, start, end) if tokens else None
    if not tokens or i is None:
        return False
    # the place itself, the body whose place it is ("with South Korea's Ministry"), or the body in or from it
    owner = tokens[i].head if tokens[i].dep in ("poss", "compound", "nmod") else None
    marked = next((w for w in (i, owner, _body_of_its_place(tokens, i, lang))
                   if w is not None and w >= 0 and _preposition_is(tokens, w, _WITH)), None)
    governor = _nominal_governor(tokens, marked, lang) if marked is not None else -1
    if governor < 0:
        return False
    lemma = tokens[governor].lemma.lower()
    return lemma in frame.get("documents", ()) or lemma in frame.get("verbs", ())


_IN_OR_FROM = frozenset({"in", "from", "of", "в", "во", "из"})


def _body_of_its_place(tokens: Sequence[Token], i: int, lang: str) -> int | None:
    """The noun a place is written "in" or "from" ("a restoration centre in Isfahan", "компанией из Чэнду"), or
    None."""
    if not _preposition_is(tokens, i, _IN_OR_FROM):
        return None
    body = _nominal_governor(tokens, i, lang)
    return body if body >= 0 and tokens[body].pos == "NOUN" else None


def _preposition_is(tokens: Sequence[Token], i: int, words: frozenset[str]) -> bool:
    """Is token ``i`` governed by one of the prepositions ``words`` (its governor in English, its case word in
    Russian): "between the region and ...", "с Бухарой"?"""
    t = tokens[i]
    if t.dep == "pobj" and t.head >= 0:
        return tokens[t.head].lemma.lower() in words
    return any(c.head == i and c.dep == "case" and c.lemma.lower() in words for c in tokens)


# "the local plant", "местный завод": a party the text places in the story's own town by that word alone
_LOCAL_LEMMAS = frozenset({"local", "местный"})


def local_signer(lang: str, text: str, start: int, end: int, frame: Mapping[str, Sequence[str]]) -> bool:
    """Is the signing in ``text[start:end]`` done by a party called local and named by no name ("местный завод
    металлоконструкций подписал соглашение", "a local textile firm signed")? It is of the story's own place."""
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return False
    subjects = _subjects(tokens, verb)
    if not subjects and lang == "ru":
        # (the parse may hang the subject nowhere: "Исключением стал август: местный завод ... подписал"): the
        # noun in the nominative right before the verb, in its clause
        before = [i for i in range(verb) if tokens[i].pos == "NOUN" and tokens[i].feats.get("Case") == "Nom"
                  and not any(tokens[k].pos == "PUNCT" for k in range(i + 1, verb))]
        subjects = before[-1:]
    return len(subjects) == 1 and any(
        t.head == subjects[0] and t.dep == "amod" and t.lemma.lower() in _LOCAL_LEMMAS for t in tokens) \
        and not any(t.head == subjects[0] and t.pos == "PROPN" for t in tokens) \
        and tokens[subjects[0]].pos != "PROPN"


def _after_between(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` the first object of "between" / "между"?"""
    return _preposition_is(tokens, i, _BETWEEN)


_CLIMB_TO_PREDICATE = 5  # how far a cue noun looks up for the verb that carries it ("ties" -> "maintains")


_HAVING_LEMMAS = frozenset({"быть", "иметься"})  # Russian has by "у X есть": X holds what the verb's subject is


def _predicate_of(lang: str, text: str, start: int, end: int) -> tuple[Sequence[Token], int] | None:
    """The parse of ``text`` and the verb that carries the cue ``text[start:end]``; None without either."""
    tokens = parse(lang, text)
    if not tokens:
        return None
    node = verb_carrying(tokens, start, end, _CLIMB_TO_PREDICATE)
    return None if node is None else (tokens, node)


def predicate_roles(lang: str, text: str, start: int, end: int
                    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """(the subject's name, the words of the predicate's own clause) of the verb that carries the cue
    ``text[start:end]`` ("Tucson maintains sister-city ties with Guadalajara": Tucson; the clause up to the
    coordinated one that follows), as character ranges; None without a parse or a verb."""
    found = _predicate_of(lang, text, start, end)
    if found is None:
        return None
    tokens, node = found
    # the subject's head and the words of its name ("Hai Phong"), not its dependents: "the governor of Khorezm"
    # is a person, whose place is no subject of its own
    heads = _subjects(tokens, node)
    if tokens[node].lemma in _HAVING_LEMMAS:
        # "у Шуши есть побратимские связи с Бурсой": the holder of what there is, "у" + genitive, is whose ties
        heads += [i for i, t in enumerate(tokens) if t.head == node and t.dep == "obl"
                  and any(c.head == i and c.dep == "case" and c.lemma == "у" for c in tokens)]
    subjects = [j for i in heads for j in (i, *(k for k, t in enumerate(tokens)
                                                if t.head == i and t.dep in ("compound", "flat", "flat:name")))]
    clause = _subtree(tokens, node, skip_clauses=True)
    return ([(tokens[i].start, tokens[i].end) for i in sorted(subjects)],
            [(tokens[i].start, tokens[i].end) for i in sorted(clause)])


def subjects_owners(lang: str, text: str, start: int, end: int) -> list[list[tuple[int, int]]] | None:
    """For each subject of the verb that carries the cue ``text[start:end]`` (coordinated ones each), the words
    of the places it belongs to: its genitive or "of" dependents and their adjectives ("власти Урумчи и
    Бишкека", "мэр таджикской столицы и хоким Ташкента", "the mayors of Baku and Istanbul"), as character ranges;
    None without a parse or a verb."""
    found = _predicate_of(lang, text, start, end)
    if found is None:
        return None
    tokens, node = found
    out = []
    for head in _subjects(tokens, node):
        owners = [i for i, t in enumerate(tokens) if t.head == head and t.dep in ("nmod", "amod")]
        owners += [j for i, t in enumerate(tokens) if t.head == head and t.dep == "prep" and t.lemma == "of"
                   for j, u in enumerate(tokens) if u.head == i and u.dep == "pobj"]
        words = {k for i in owners for k in _subtree(tokens, i, skip_clauses=True)}
        if any(start < tokens[i].end and tokens[i].start < end for i in words):
            continue  # the cue itself says whose they are: "the mayors of its sister cities, Tashkent and Istanbul"
        out.append([(tokens[i].start, tokens[i].end) for i in sorted(words)])
    return out


# verbs of saying: what their complement clause tells ("told the akim that Malaysian firms buy from Russia") is
# content, not a party to the event the sentence reports
_SAYING_LEMMAS = frozenset({"say", "tell", "note", "add", "stress", "report", "explain", "recall", "mention",
                            "announce", "emphasize", "emphasise", "point", "acknowledge", "admit", "confirm",
                            "сказать", "сообщить", "отметить", "признать", "подтвердить",
                            "подчеркнуть", "заявить", "рассказать", "добавить", "напомнить", "пояснить",
                            # and of proposing: what is proposed is content too ("предложил рассмотреть
                            # сотрудничество с Юрмалой", "suggested that the towns exchange students with Riga")
                            "propose", "suggest", "offer", "urge", "предложить", "предлагать", "призвать"})
_COMPLEMENTS = ("ccomp", "xcomp", "parataxis")


def reported_content(lang: str, text: str) -> list[tuple[int, int]]:
    """Character ranges of what verbs of saying report in ``text`` (their complement clauses); [] without a
    parse."""
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for i, t in enumerate(tokens):
        if t.dep in _COMPLEMENTS and t.head >= 0 and tokens[t.head].lemma in _SAYING_LEMMAS \
                and t.pos in ("VERB", "AUX", "NOUN", "ADJ"):
            words = sorted(_subtree(tokens, i, skip_clauses=False))
            out.append((tokens[words[0]].start, tokens[words[-1]].end))
    return out


# verbs and nouns of perceiving: the event of their complement was watched, its watchers are no party to it
_PERCEIVING_LEMMAS = frozenset({"watch", "see", "witness", "observe", "наблюдать", "видеть", "увидеть", "свидетель",
                                "следить"})
_CLIMB_TO_PERCEIVING = 3  # "стал свидетелем того, как ... подписывал": the verb, "того", "свидетелем"


def witnessed(lang: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The character range of the clause of the cue ``text[start:end]`` where that clause is what someone
    watched ("your correspondent watched as the chamber signed a protocol with a mission from Baku", "стал
    свидетелем того, как ректорат подписывал соглашение"); None otherwise or without a parse."""
    found = _predicate_of(lang, text, start, end)
    if found is None:
        return None
    tokens, verb = found
    node = verb
    for _ in range(_CLIMB_TO_PERCEIVING):
        node = tokens[node].head
        if node < 0:
            return None
        if tokens[node].lemma.lower() in _PERCEIVING_LEMMAS:
            words = sorted(_subtree(tokens, verb, skip_clauses=False))
            return tokens[words[0]].start, tokens[words[-1]].end
    return None


def _word_and_governor(lang: str, text: str, start: int, end: int) -> tuple[Token, Token] | None:
    """The parsed word at ``text[start:end]`` and the word it hangs from; None without a parse or a governor."""
    tokens = parse(lang, text)
    word = next((t for t in tokens or () if t.start < end and start < t.end), None)
    if word is None or word.head < 0:
        return None
    assert tokens is not None
    return word, tokens[word.head]


def acting_subject(lang: str, text: str, start: int, end: int) -> bool:
    """Is the word ``text[start:end]`` the subject of a verb that is not one of saying ("the akimat signed", not
    "the akimat acknowledged", "according to the akimat", "как пояснили в акимате")? False without a parse."""
    found = _word_and_governor(lang, text, start, end)
    return found is not None and found[0].dep in _SUBJECT_RELATIONS and found[1].lemma not in _SAYING_LEMMAS


def source_of_saying(lang: str, text: str, start: int, end: int) -> bool:
    """Is the word ``text[start:end]`` where a saying came from ("как отметили в акимате", "the akimat said"):
    the subject or an oblique of a verb of saying? False without a parse."""
    found = _word_and_governor(lang, text, start, end)
    return found is not None and found[1].lemma in _SAYING_LEMMAS \
        and found[0].dep in (*_SUBJECT_RELATIONS, "obl", "prep", "pobj")


# Prepositions that tie a place to a thing as its goal, source or counterpart ("shipments to Iran", "a flight
# from Istanbul", "the border with Russia"). Russian "в"/"на" only with the accusative: with the locative they say
# where the thing is ("порт в Актау"), as English "in" and "of" do ("the port of Aktau"): such a place can still
# be where a visit went.
_RELATUM_PREPOSITIONS = {
    "en": frozenset({"to", "from", "with", "into", "toward", "towards"}),
    "ru": frozenset({"из", "с", "со", "до", "к", "ко", "от"}),
}
# ("between X and Y" names the two sides of whatever it qualifies: "trade between Bursa and Kazakhstan")
_PRO_FORMS = frozenset({"one", "ones"})  # "this one from Kostanay Region": the noun it stands for is elsewhere
_RU_DIRECTION_PREPOSITIONS = frozenset({"в", "во", "на"})


def _relatum_marker(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Does a relatum preposition mark token ``i`` (its case dependent in Russian, its governor in English)?"""
    t = tokens[i]
    if lang == "en":
        return t.dep == "pobj" and t.head >= 0 and tokens[t.head].lemma.lower() in _RELATUM_PREPOSITIONS["en"]
    for c in tokens:
        if c.head == i and c.dep == "case":
            word = c.text.lower()
            if word in _RELATUM_PREPOSITIONS["ru"]:
                return True
            if word in _RU_DIRECTION_PREPOSITIONS and t.feats.get("Case") == "Acc":
                return True
    return False


def _nominal_governor(tokens: Sequence[Token], i: int, lang: str) -> int:
    """The word a noun phrase hangs from, past an English preposition (and the ones it is coordinated with: "in
    Turkey, in China, in Uzbekistan")."""
    head = tokens[i].head
    for _ in range(len(tokens)):  # (bounded: a parse may loop)
        if not (lang == "en" and head >= 0 and tokens[head].pos == "ADP" and tokens[head].dep == "conj"):
            break
        head = tokens[head].head
    if lang == "en" and head >= 0 and tokens[head].dep == "prep":
        head = tokens[head].head
    return head


def _head_of(tokens: Sequence[Token], start: int, end: int) -> int | None:
    """The head word of the words inside ``text[start:end]`` (a place's mention): the one whose governor is
    outside them; None when no word lies wholly inside."""
    inside = [i for i, t in enumerate(tokens) if start <= t.start and t.end <= end]
    return next((i for i in inside if tokens[i].head not in inside), inside[0]) if inside else None


def _heads(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], int]]:
    """Each mention span with its head word (``_head_of``), skipping spans with no word wholly inside."""
    for start, end in spans:
        head = _head_of(tokens, start, end)
        if head is not None:
            yield (start, end), head


def places_of_things(lang: str, text: str, spans: Sequence[tuple[int, int]], is_party_noun
                     ) -> list[tuple[int, int]]:
    """Of the place mentions ``spans`` in ``text``, those tied by a preposition to a noun of a thing, as its goal,
    source or counterpart: "discussed shipments of wheat to Iran", "arrived on a flight from Istanbul", "the
    region on the border with Russia". Such a place is the thing's, not a side of the sentence's event.
    ``is_party_noun(token)`` says whether a noun can be a party or an event itself (a delegation, a city, a
    visit, cooperation): a place tied to one of those stays. [] without a parse."""
    if lang == "kk":
        return [span for span in spans if _kk_before_a_route(text, span[1])]
    tokens = parse(lang, text)
    if not tokens or lang not in _RELATUM_PREPOSITIONS:
        return []
    out = []
    for (start, end), head in _heads(tokens, spans):
        for _ in range(len(tokens)):  # (bounded: a parse may loop, two conjuncts each the other's head)
            if tokens[head].dep != "conj" or tokens[head].head < 0:
                break
            head = tokens[head].head  # "firms from Lombardy and Emilia-Romagna": the first one is tied
        if _end_of_a_route(tokens, head, lang):
            out.append((start, end))
            continue
        if _relatum_marker(tokens, head, lang):
            governor = _nominal_governor(tokens, head, lang)
            if governor >= 0 and _a_thing(tokens, governor, is_party_noun):
                out.append((start, end))
                continue
        described = _described_noun(tokens, head, is_party_noun)
        if described is not None and _a_thing(tokens, described, is_party_noun, owned=False):
            out.append((start, end))  # "a plant whose products are exported to Iraq": the plant's story
    return out


# Nouns of a route: the places "between" which it runs are its ends, no sides of an event ("talks with airlines on
# a second daily flight between Shymkent and Istanbul", "рейс между Шымкентом и Стамбулом"), unlike the sides a
# relation's "between" names ("trade between Bursa and Kazakhstan")
_ROUTE_LEMMAS = frozenset({"flight", "route", "рейс", "авиарейс", "маршрут", "авиасообщение", "авиамаршрут"})
_KK_ROUTE = re.compile(r"(?:әуе\s+)?(?:рейс|маршрут|әуе\s+қатынас)\w*", re.IGNORECASE)
_KK_BETWEEN = frozenset({"арасында", "арасындағы"})
_KK_BETWEEN_REACH_WORDS = 6  # "Өлгий мен Түркістан арасында маусымдық чартерлік әуе рейсін"
_KK_ROUTE_REACH_WORDS = 2  # "Бакуге тікелей әуе рейсін": an adjective or two between


def _end_of_a_route(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Is token ``i`` one of the places "between" which a route noun runs?"""
    if lang == "en":
        t = tokens[i]
        if t.dep != "pobj" or t.head < 0 or tokens[t.head].lemma.lower() not in _BETWEEN:
            return False
    elif not any(c.head == i and c.dep == "case" and c.text.lower() in _BETWEEN for c in tokens):
        return False
    governor = _nominal_governor(tokens, i, lang)
    return governor >= 0 and tokens[governor].lemma.lower() in _ROUTE_LEMMAS


def _kk_before_a_route(text: str, end: int) -> bool:
    """Does a route noun follow the Kazakh place ending at ``end``, a word or two on ("Бакуге тікелей әуе рейсін",
    "Шымкент–Стамбұл рейсі")? The place is where the route goes, not a side of an event."""
    after = _kk_word_end(text, end)
    words = _WORD.finditer(text, after)
    for _, word in zip(range(_KK_BETWEEN_REACH_WORDS + 1), words, strict=False):
        if _KK_ROUTE.match(text, word.start()):
            # (not "Стамбұлға тікелей рейспен ұшты": the instrumental is how the party went there)
            # (nor "Уфа қаласында болып, әуе рейсін ... талқылады": a place where they were, then a clause)
            between = _WORD.findall(text[end:word.start()])
            runs_between = any(w.lower() in _KK_BETWEEN for w in between)  # "Өлгий мен Түркістан арасында ... рейс"
            return not word.group().lower().endswith(("мен", "пен", "бен")) \
                and not re.search(r"[.,;:!?]", text[end:word.start()]) \
                and (len(between) <= _KK_ROUTE_REACH_WORDS or runs_between) \
                and not any(w.lower().endswith(kk.LOCATIVE_ENDINGS) and w.lower() not in _KK_BETWEEN for w in between)
    return False


def _kk_word_end(text: str, end: int) -> int:
    """Where the Kazakh word whose stem ends at ``end`` ends: its case endings, across a hyphen ("Пусан|дағы")."""
    while end < len(text) and (text[end].isalpha() or text[end] == "-"):
        end += 1
    return end


_LOCATIVE_PREPOSITIONS = {"en": frozenset({"in", "at"}), "ru": frozenset({"в", "во"})}
_KK_ATTRIBUTIVE_LOCATIVE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")  # "Пусан|дағы": the one in Busan
_KK_BODY_REACH_WORDS = 3  # "Пусандағы университеттік аурухана": a word or two of the body's name between


def places_of_bodies(lang: str, text: str, spans: Sequence[tuple[int, int]], body: re.Pattern | None
                     ) -> list[tuple[int, int]]:
    """Of the place mentions ``spans`` in ``text``, those written as where a body is: a locative preposition ties
    the place to a noun of ``body`` (a hospital, a university, a company), not to the sentence's verb. "A
    university hospital in Busan signed a memorandum", "больница в Пусане", "Пусандағы аурухана": Busan is
    that party's own place, not the venue of the signing. English and Russian by the parse; Kazakh by the
    attributive locative ending (-дағы) before the body's noun. [] without a parse or ``body``."""
    if body is None:
        return []
    if lang == "kk":
        out = []
        for start, end in spans:
            word_end = _kk_word_end(text, end)
            word = text[start:word_end].casefold()
            if not word.endswith(_KK_ATTRIBUTIVE_LOCATIVE):
                continue
            after = _WORD.findall(text, word_end)[:_KK_BODY_REACH_WORDS]
            if any(body.match(w) for w in after):
                out.append((start, end))
        return out
    tokens = parse(lang, text)
    if not tokens or lang not in _LOCATIVE_PREPOSITIONS:
        return []
    out = []
    for (start, end), head in _heads(tokens, spans):
        t = tokens[head]
        if lang == "en":
            prep = t.head if t.dep == "pobj" else -1
            if prep < 0 or tokens[prep].lemma.lower() not in _LOCATIVE_PREPOSITIONS["en"]:
                continue
            governor = tokens[prep].head
        else:
            if t.dep != "nmod" or t.feats.get("Case") != "Loc" or not any(
                    c.head == head and c.dep == "case" and c.text.lower() in _LOCATIVE_PREPOSITIONS["ru"]
                    for c in tokens):
                continue
            governor = t.head
        if governor >= 0 and tokens[governor].pos in ("NOUN", "PROPN") and (
                body.match(tokens[governor].text) or body.match(tokens[governor].lemma)):
            out.append((start, end))
    return out


def _a_thing(tokens: Sequence[Token], i: int, is_party_noun, *, owned: bool = True) -> bool:
    """Is token ``i`` a common noun that is no party, no event and no tie, nor part of the name of one ("a
    memorandum of understanding with Golestan": the understanding is the memorandum; with ``owned``), nor a
    group of parties ("a group of agronomists", "группа фермеров")?"""
    token = tokens[i]
    if token.pos != "NOUN" or token.lemma.lower() in _PRO_FORMS or is_party_noun(token) \
            or _a_group_of(tokens, i, is_party_noun):
        return False
    owner = token.head
    if owned and owner >= 0 and tokens[owner].dep == "prep" and tokens[owner].lemma.lower() in _OF:
        owner = tokens[owner].head
    return not (owned and owner >= 0 and token.dep in ("pobj", "nmod") and is_party_noun(tokens[owner]))


def _a_group_of(tokens: Sequence[Token], i: int, is_party_noun) -> bool:
    """Does noun ``i`` count parties, its members given by a bare genitive or "of" ("группа фермеров", "a team
    of surgeons")? Such a group travels and signs as its members do: "группа фермеров из Жетысая побывала"."""
    for j, t in enumerate(tokens):
        if t.head != i:
            continue
        if t.dep == "nmod" and t.feats.get("Case") == "Gen" and is_party_noun(t) \
                and not any(c.head == j and c.dep == "case" for c in tokens):
            return True
        if t.dep == "prep" and t.lemma.lower() in _OF \
                and any(c.head == j and c.dep == "pobj" and is_party_noun(c) for c in tokens):
            return True
    return False


def _described_noun(tokens: Sequence[Token], i: int, is_party_noun) -> int | None:
    """The noun that the nearest relative clause above token ``i`` describes, if ``i`` stands in one and is no
    party's own ("визита делегации столицы Татарстана, ставшего ...": Tatarstan is the delegation's)."""
    seen = set()
    while i >= 0 and i not in seen:
        seen.add(i)
        t = tokens[i]
        if t.dep in _RELATIVE_CLAUSES or t.dep == "acl" and t.pos in ("VERB", "AUX"):
            return t.head if t.head >= 0 else None
        if t.dep in ("advcl", "ccomp", "parataxis", "ROOT", "root") or len(seen) > 1 and is_party_noun(t):
            return None  # a clause of its own, or a party's phrase: the place is the sentence's business
        i = t.head
    return None


_MODIFIER_RELATIONS = ("compound", "nmod", "nmod:poss", "poss", "flat")
_OF = frozenset({"of"})


def names_of_things(lang: str, text: str, spans: Sequence[tuple[int, int]], is_side_noun) -> list[tuple[int, int]]:
    """Of the mentions ``spans`` (organisations), those that only qualify a noun which is no side: "a UNESCO
    World Heritage site", "the summit of the SCO", "саммита ШОС". An organisation is a side when it is a party
    itself (a verb's subject, object or counterpart) or a party's ("the EU delegation"). [] without a parse."""
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for (start, end), head in _heads(tokens, spans):
        t = tokens[head]
        governor = t.head
        if lang == "en" and t.dep == "pobj" and governor >= 0 and tokens[governor].lemma.lower() in _OF:
            governor = tokens[governor].head  # "the summit of the SCO"
        elif t.dep not in _MODIFIER_RELATIONS:
            continue
        if lang == "ru" and any(c.head == head and c.dep == "case" for c in tokens):
            continue  # a preposition: a counterpart ("с ЮНЕСКО"), not a qualifier
        if governor >= 0 and tokens[governor].pos in ("NOUN", "PROPN") and not is_side_noun(tokens[governor]):
            out.append((start, end))
    return out


_BARE_DOCUMENT_DEPENDENTS = ("det", "punct", "case", "cc")


def signs_a_document_told_before(lang: str, text: str, start: int, end: int,
                                 frame: Mapping[str, Sequence[str]]) -> bool:
    """Is the signing in ``text[start:end]`` one of a bare document noun ("Документ был подписан в Сиане", "the
    document was signed in Xi'an"): an agreement the story told before, whose parties it does not name again?"""
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return False
    documents = frozenset(frame.get("documents", ()))
    docs = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in _OBJECT_RELATIONS
            and t.lemma in documents]
    if tokens[verb].dep in _QUALIFYING_RELATIONS and tokens[verb].head >= 0:
        docs.append(tokens[verb].head)  # "Документ, подписанный в Сиане"
    return any(tokens[d].lemma in documents and all(
        t.dep in _BARE_DOCUMENT_DEPENDENTS or t.lemma.lower() in _DEMONSTRATIVES or _where(tokens, j)
        for j, t in enumerate(tokens) if t.head == d and t is not tokens[verb])
        # (the parse may hang a document's own phrase elsewhere: "Соглашение о сотрудничестве ... подписано")
        and not (d + 1 < len(tokens) and tokens[d + 1].text.lower() in _DOCUMENT_PHRASE_OPENERS) for d in docs)


_DEMONSTRATIVES = frozenset({"this", "that", "the", "этот", "данный", "указанный"})
_DOCUMENT_PHRASE_OPENERS = frozenset({"о", "об", "между", "с", "со", "of", "on", "between", "with"})
_AT = _LOCATIVE_PREPOSITIONS["ru"] | {"на"}  # "в Пекине", "на форуме"


def _where(tokens: Sequence[Token], i: int) -> bool:
    """Is word ``i`` a place in the locative ("в Пекине"), which the parse may hang on a document for the verb's
    ("подписали документ в Пекине": where it was signed, no name of the document's)?"""
    return tokens[i].feats.get("Case") == "Loc" and any(
        t.head == i and t.dep == "case" and t.lemma.lower() in _AT for t in tokens)


def signed_by_a_delegation(lang: str, text: str, start: int, end: int, delegation: re.Pattern,
                           frame: Mapping[str, Sequence[str]]) -> bool:
    """Did a delegation with no name of its own sign the signing in ``text[start:end]`` ("a regional
    delegation ... returned from Uzbekistan, where it signed a roadmap with Samarkand region")? Its side is the
    story's, which the sentence need not name."""
    tokens = parse(lang, text)
    verb = _signing_verb(tokens, start, end, frozenset(frame.get("verbs", ()))) if tokens else None
    if not tokens or verb is None:
        return False
    subjects = _subjects(tokens, verb)
    return len(subjects) == 1 and bool(delegation.match(tokens[subjects[0]].text.lower())) and not any(
        t.head == subjects[0] and t.pos == "PROPN" for t in tokens)


def held_by_a_delegation(lang: str, text: str, start: int, end: int, delegation: re.Pattern) -> bool:
    """Is a delegation the subject of the talks in ``text[start:end]``, however many words of who led it stand
    between ("Делегация Ферганской области во главе с хокимом области ... провела переговоры в Шымкенте")? The
    verb is the cue itself or the one its noun depends on."""
    tokens = parse(lang, text)
    if not tokens:
        return False
    node = verb_carrying(tokens, start, end)
    return node is not None and any(delegation.match(tokens[i].text.lower()) for i in _subjects(tokens, node))


def subject_among(lang: str, text: str, start: int, end: int, lemmas: Sequence[str]) -> bool:
    """Is a subject of the verb carrying the cue ``text[start:end]`` one of ``lemmas`` ("the guests", "they")?
    False without a parse (Kazakh)."""
    tokens = parse(lang, text) if lang != "kk" else None
    verb = verb_carrying(tokens, start, end) if tokens else None
    return verb is not None and tokens is not None and any(
        tokens[i].lemma.lower() in lemmas for i in _subjects(tokens, verb))


# "we", and an interviewer's "you": the speaker of an interview is the side the story follows
_FIRST_PERSON_PLURAL = frozenset({"мы", "we", "вы", "you"})
_OUR = frozenset({"наш", "our", "ваш", "your"})  # "наша делегация", "our team": the speaker's side travelled
_TO_US = frozenset({"к", "to", "у"})  # "к нам приезжали", "came to us", "у нас побывали": the speaker's side hosted
# "біз", and "our", "to us", "at us": "біздің делегация Сианьға барды", "бізге ... өкілдері келді"
_KK_WE = re.compile(r"(?<!\w)(?:біз|сіз|біздің|сіздің|бізге|бізде)(?!\w)", re.IGNORECASE)
# "қол қойдық" (we signed), "бардық", "кездестік": a realizing verb's past in the first person plural (the same
# endings make nouns, "бауырластық", so only these stems count)
_KK_FIRST_PLURAL_PAST = re.compile(r"(?<!\w)(?:қой|бар|кел|кездес|өткіз|жаса|орнат|бекіт|қабылда|ұйымдастыр)"
                                   r"(?:дық|дік|тық|тік)(?!\w)", re.IGNORECASE)
_KK_VERB_REACH = 40  # characters after the cue where its verb stands ("келісімге ... қол қойдық")


def done_by_us(lang: str, text: str, start: int, end: int) -> bool:
    """Did "we" do what the cue ``text[start:end]`` tells ("в прошлый вторник мы подписали в Лионе соглашение",
    "we met the mayor of Hamamatsu", "келісімге қол қойдық")? In a story the speaker who says "we" is the side the
    story follows (an interview with the akim); a foreign speaker's "we" names its Kazakh counterpart, which the
    sentence then gives itself."""
    if lang == "kk":
        return bool(_KK_WE.search(text, 0, start) or _KK_FIRST_PLURAL_PAST.search(text, end, end + _KK_VERB_REACH))
    tokens = parse(lang, text)
    if not tokens:
        return False
    verb = verb_carrying(tokens, start, end)
    if verb is None:
        return False
    subjects = _subjects(tokens, verb)
    if subjects and all(tokens[i].lemma.lower() in _FIRST_PERSON_PLURAL or _ours(tokens, i) for i in subjects):
        return True
    # "к нам приезжали специалисты из Алмалыка", "came to us": the journey's end is the speaker's side
    return any(t.lemma.lower() in _FIRST_PERSON_PLURAL and t.dep not in _SUBJECT_RELATIONS
               and (t.head == verb or t.dep == "pobj" and 0 <= t.head < len(tokens) and tokens[t.head].head == verb)
               and _case_word(tokens, i) in _TO_US for i, t in enumerate(tokens))


def _ours(tokens: Sequence[Token], i: int) -> bool:
    """Is the noun ``tokens[i]`` "ours" ("наша делегация", "our team")?"""
    return any(t.head == i and t.lemma.lower() in _OUR for t in tokens)


def _case_word(tokens: Sequence[Token], i: int) -> str | None:
    """The preposition of the noun ``tokens[i]``: its own case dependent (Russian), or the preposition it is the
    object of (English: "to" of "to us")."""
    own = next((t.lemma.lower() for t in tokens if t.head == i and t.dep == "case"), None)
    if own is not None:
        return own
    head = tokens[i].head
    return tokens[head].lemma.lower() if tokens[i].dep == "pobj" and 0 <= head < len(tokens) else None


# a person named again by "he" or "she": the subject of a cue's verb the sentence gives by no name
_PERSON_PRONOUNS = {"he": "m", "she": "f", "он": "m", "она": "f"}


def person_pronoun_subjects(lang: str, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The personal pronouns of one person ("he", "she", "он", "она") that are the subject of the verb carrying
    one of the cues at ``spans`` ("A year later he met the Kairouan delegation again"): (start, end, "m" or
    "f") of each. Not a pronoun that is the object, nor "they" (a group the sentence may name itself). Empty
    without a parse."""
    tokens = parse(lang, text) if spans else None
    out: set[tuple[int, int, str]] = set()
    if not tokens:
        return []
    for start, end in spans:
        verb = verb_carrying(tokens, start, end)
        if verb is None:
            continue
        for i in _subjects(tokens, verb):
            gender = _PERSON_PRONOUNS.get(tokens[i].text.lower())
            if gender is not None:
                out.add((tokens[i].start, tokens[i].end, gender))
    return sorted(out)


def _opened_clause(tokens: Sequence[Token], node: int) -> tuple[set[int], int | None]:
    """The words of the relative clause whose verb is ``node``, and where it opens: at its own pronoun, the last
    before its verb (a parse may hang another clause's pronoun on it); None where no pronoun opens it (a clause
    the parse made of other words)."""
    clause = _subtree(tokens, node, skip_clauses=False)
    return clause, max((i for i in clause if i < node and tokens[i].lemma.lower() in RELATIVE_PRONOUNS), default=None)


# verbs that say where a party is ("a firm which is based in Denizli", "компания, которая находится в Бурсе",
# "земляки, которые давно живут в Стамбуле"): the place of such a clause is the party's own, not a description
_LOCATED_LEMMAS = frozenset({"base", "locate", "headquarter", "situate", "live", "reside", "находиться",
                             "располагаться", "базироваться", "размещаться", "жить", "проживать"})


def describing_clauses(lang: str, text: str, cues: Sequence[tuple[int, int]], frame: Mapping[str, Sequence[str]],
                       is_party_group) -> list[tuple[int, int]]:
    """The char spans of relative clauses opened by their pronoun that tell what their noun is or does and hold
    none of the ``cues`` ("Tianshan Silk Logistics, a company based in Urumqi that already operates terminals in
    Kashgar and Lanzhou"): a place in one is no side of the sentence's events. Not a clause of an event's own noun
    ("the memorandum that Batumi and Shymkent signed in 2021", "a visit that he paid to Konya") or of a signing,
    not one that says where its noun is ("which is based in Denizli"), nor one of a travelling party, which tells
    who it is ("делегация, в которую вошли вице-маршал Люблинского воеводства"). [] without a parse."""
    tokens = parse(lang, text)
    if not tokens:
        return []
    documents, verbs = frozenset(frame.get("documents", ())), frozenset(frame.get("verbs", ()))
    out = []
    for node, t in enumerate(tokens):
        if t.dep not in _RELATIVE_CLAUSES or t.head < 0:
            continue
        antecedent = tokens[t.head]
        if t.lemma in verbs or t.lemma.lower() in _LOCATED_LEMMAS or antecedent.lemma in documents \
                or is_party_group(antecedent) or any(s <= antecedent.start < e for s, e in cues):
            continue
        clause, first = _opened_clause(tokens, node)
        if first is None:
            continue
        span = (tokens[first].start, tokens[max(clause)].end)
        if not any(span[0] < e and s < span[1] for s, e in cues):
            out.append(span)
    return out


_DOCUMENT_PHRASE_STEPS = 3  # "an agreement | on | tourism": the document's own nouns a clause may hang from


def document_content(lang: str, text: str, start: int, end: int, frame: Mapping[str, Sequence[str]]
                     ) -> list[tuple[int, int]]:
    """The char spans of relative clauses that tell what a document of the cue ``text[start:end]`` provides
    ("подписали соглашение о туризме, которое предполагает рекламные кампании на рынках Турции", "a memorandum
    that foresees exports to Iran"): a place there is the agreement's content, no party to it. A clause that tells
    the signing itself ("соглашение, которое стороны подписали в Самарканде") is not one. [] without a parse."""
    documents, verbs = frozenset(frame.get("documents", ())), frozenset(frame.get("verbs", ()))
    tokens = parse(lang, text) if documents else None
    if not tokens:
        return []
    out = []

    def of_the_document(i: int) -> bool:
        # the document itself, or a noun of its own phrase ("an agreement on tourism, which provides ...")
        for _ in range(_DOCUMENT_PHRASE_STEPS + 1):
            if tokens[i].lemma in documents and start <= tokens[i].start < end:
                return True
            if tokens[i].head < 0 or tokens[i].pos in ("VERB", "AUX") \
                    or tokens[i].dep not in ("nmod", "pobj", "prep", "compound"):
                return False
            i = tokens[i].head
        return False

    for node, t in enumerate(tokens):
        if t.dep not in _RELATIVE_CLAUSES or t.head < 0 or t.lemma in verbs or not of_the_document(t.head):
            continue
        clause, first = _opened_clause(tokens, node)
        if first is None:
            continue
        last = max(clause)
        if not any(tokens[i].pos in ("VERB", "AUX") for i in range(first, len(tokens)) if i not in clause):
            last = len(tokens) - 1  # a clause that ends the sentence holds its words, wherever the parse hung them
        out.append((tokens[first].start, tokens[last].end))
    return out


def relative_clause_scope(lang: str, text: str, start: int, end: int
                          ) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Where the cue ``text[start:end]`` stands in a relative clause whose subject is the relative pronoun
    ("Кутаиси, который поддерживает побратимские связи с городами Украины", "Kutaisi, which has twin ties with
    Lviv"): (the char span of the noun the clause qualifies, the char spans of the words of that noun's phrase
    and of the clause). Such a clause tells of its noun: its parties are in those words. A clause of place or
    time ("Uzbekistan, where talks were held") is not one. The cue is inside when it lies between the clause's
    first and last word (a word of it the parse hung elsewhere still is). None otherwise or without a parse."""
    tokens = parse(lang, text)
    if not tokens:
        return None
    for node, t in enumerate(tokens):
        if t.dep not in _RELATIVE_CLAUSES or t.head < 0 or not any(
                k.head == node and k.dep in _SUBJECT_RELATIONS and k.lemma.lower() in RELATIVE_PRONOUNS
                for k in tokens):
            continue
        clause = _subtree(tokens, node, skip_clauses=False)
        if not (min(tokens[i].start for i in clause) <= start and end <= max(tokens[i].end for i in clause)):
            continue
        lo, hi = min(clause), max(clause)
        phrase = _subtree(tokens, t.head, skip_clauses=False) - clause
        words = set(range(lo, hi + 1)) | phrase
        antecedent = tokens[t.head]
        return (antecedent.start, antecedent.end), [(tokens[i].start, tokens[i].end) for i in sorted(words)]
    return None


def noun_of_clause(lang: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun that a relative clause describes, where the cue ``text[start:end]`` is carried by that clause's
    verb, whatever the relative pronoun's role: "a working trip to Hungary, during which an agreement was signed",
    "поездки в Венгрию, в ходе которой было подписано соглашение" give the trip. Its char span, or None
    without a parse or such a clause."""
    tokens = parse(lang, text)
    if not tokens:
        return None
    verb = verb_carrying(tokens, start, end)
    if verb is None or tokens[verb].dep not in _RELATIVE_CLAUSES or tokens[verb].head < 0:
        return None
    noun = tokens[tokens[verb].head]
    return (noun.start, noun.end) if noun.pos == "NOUN" else None


# nouns of settlements and divisions: in the plural with a country attached ("cities in Turkey", "с городами
# Украины", "Түркияның бірнеше қаласымен") they are unnamed places of that country
_SETTLEMENT_LEMMAS = frozenset({"city", "town", "municipality", "region", "province", "город", "регион", "область",
                                "провинция", "муниципалитет", "побратим"})
_KK_SETTLEMENT_STEMS = ("қала", "өңір", "аймақ", "облыс")
_KK_GENITIVE_REACH_WORDS = 3  # "Түркияның, Грузияның және Ресейдің бірнеше қаласымен"


def countries_of_unnamed_places(lang: str, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of the place mentions ``spans``, those that only say in which country some unnamed places lie: "has ties
    with more than twenty cities in Turkey, Uzbekistan and China", "связи с городами Украины, Польши и Литвы",
    "Түркияның, Грузияның және Ресейдің бірнеше қаласымен". No such country is a side: its cities are, and the
    text does not name them."""
    if lang == "kk":
        return [(s, e) for s, e in spans if _kk_of_unnamed_places(text, s, e)]
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for (start, end), head in _heads(tokens, spans):
        for _ in range(len(tokens)):  # (bounded: a parse may loop)
            if tokens[head].dep != "conj" or tokens[head].head < 0 or _settlements(tokens[tokens[head].head]):
                break
            head = tokens[head].head  # "in Turkey, Uzbekistan and China": the first one is attached
        if tokens[head].dep == "conj" and tokens[head].head >= 0:
            out.append((start, end))  # "с двадцатью городами мира, в том числе в Узбекистане" (the parse: a conj)
            continue
        governor = _nominal_governor(tokens, head, lang)
        if governor >= 0 and tokens[head].dep in ("pobj", "nmod", "obl") and (_settlements(tokens[governor]) or (
                tokens[governor].lemma.lower() in _HAVING and _preposition_is(tokens, head, _IN) and any(
                    t.head == governor and t.dep in _HELD.get(lang, ()) and _settlements(t) for t in tokens))):
            # (also had "in" them: '"We have sister cities in Turkey, in China, in Uzbekistan," the akim said')
            out.append((start, end))
    return out


_IN = frozenset({"in", "в", "во"})  # "sister cities in Turkey", "в Турции"
_HAVING = frozenset({"have", "иметь", "быть"})  # "we have sister cities in Turkey", "у нас есть побратимы в ..."
_HELD = {"en": ("dobj",), "ru": ("obj", "nsubj")}  # what is had: the object, or the subject of Russian "есть"


def _settlements(token: Token) -> bool:
    return token.lemma.lower() in _SETTLEMENT_LEMMAS and token.feats.get("Number") == "Plur"


def _kk_of_unnamed_places(text: str, start: int, end: int) -> bool:
    word = _WORD.match(text, start)
    word_end = word.end() if word else end  # past the case ending after the name
    if not text[start:word_end].casefold().endswith(kk.GENITIVE_ENDINGS):
        return False
    after = list(_WORD.finditer(text, word_end))[:_KK_GENITIVE_REACH_WORDS * 2]
    for k, word in enumerate(after):
        w = word.group()
        if w.casefold().startswith(_KK_SETTLEMENT_STEMS):
            before = after[k - 1].group() if k > 0 else ""
            following = after[k + 1].group() if k + 1 < len(after) else ""
            # "бірнеше қаласымен": no name before the noun, nor after it ("курорт қаласы Карлови Вари")
            return k > 0 and not before[:1].isupper() and not w[:1].isupper() and not following[:1].isupper()
        if w[:1].isupper() and not w.casefold().endswith(kk.GENITIVE_ENDINGS):
            return False  # a name of its own: "Түркияның Бурса қаласымен" is Bursa
    return False


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "этот", "тот", "данный"})
_KK_DEMONSTRATIVES = frozenset({"сол", "бұл", "осы", "аталған"})


def told_before(lang: str, text: str, start: int, end: int, documents: frozenset[str] = frozenset()) -> bool:
    """Is the cue ``text[start:end]`` a noun pointed back to by a demonstrative ("that visit was organised with
    the help of the embassy", "этот визит", "сол сапар")? It is an event told before, not a new one. So is a
    document (``documents``: lemmas) that a present tense says the content of ("the memorandum foresees a first
    group of engineers going to Silesia in 2024", "Меморандум предусматривает сотрудничество"): the agreement
    told before, whose sentence's times are its content's."""
    if lang == "kk":
        before = list(_WORD.finditer(text, 0, start))
        return bool(before) and before[-1].group().casefold() in _KK_DEMONSTRATIVES
    tokens = parse(lang, text)
    if not tokens:
        return False
    cue = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    if cue and tokens[cue[0]].pos in ("VERB", "AUX"):
        return False  # a verb cue with a time inside ("came back this week from"): "this" points at the week
    return any(tokens[i].pos == "NOUN" and any(t.head == i and t.dep == "det" and t.lemma.lower() in _DEMONSTRATIVES
                                               for t in tokens) for i in cue) \
        or any(_content_told(tokens, i, documents) for i in cue)


def _content_told(tokens: Sequence[Token], i: int, documents: frozenset[str]) -> bool:
    """Is word ``i`` a bare document, the subject of a verb in the present that no verb of making it happen is
    ("the memorandum foresees", "меморандум предусматривает"), with no participle of its own ("a memorandum signed
    on Monday provides")?"""
    t = tokens[i]
    head = t.head
    return t.lemma in documents and t.dep in ("nsubj",) and head >= 0 and tokens[head].pos == "VERB" \
        and tokens[head].feats.get("Tense") == "Pres" and tokens[head].feats.get("VerbForm") == "Fin" \
        and tokens[head].lemma not in _MAKING_HAPPEN \
        and not any(c.head == i and (c.pos in ("PROPN", "ADJ", "VERB", "NUM") or c.dep in ("acl", "nmod", "prep"))
                    and c.lemma.lower() not in _DEMONSTRATIVES for c in tokens)


# present verbs whose subject document is being made ("the memorandum enters into force", "вступает в силу")
_MAKING_HAPPEN = frozenset({"enter", "take", "вступать", "become", "становиться"})


def places_describing_places(lang: str, text: str, spans: Sequence[tuple[int, int]], person: re.Pattern | None = None
                             ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Of the place mentions ``spans``, those inside an apposition to another of them, with that other one:
    "Gyeongju, the ancient royal capital of Korea's Silla kingdom in North Gyeongsang Province", "Kostanay
    Region, the grain-growing province on the border with Russia". They say what or where the place is. An
    apposition headed by a person (``person``: "the governor of Turkistan Region, the ambassador of Indonesia",
    which the parse may hang so) describes no place. [] without a parse."""
    tokens = parse(lang, text)
    if not tokens:
        return []
    span_of = {}
    for k, (start, end) in enumerate(spans):
        for i, t in enumerate(tokens):
            if start <= t.start and t.end <= end:
                span_of[i] = k
    out = []
    for k, (start, end) in enumerate(spans):
        node = _head_of(tokens, start, end)
        if node is None:
            continue
        seen: set[int] = set()
        while node >= 0 and node not in seen:
            seen.add(node)
            t = tokens[node]
            if t.dep == "appos" and person is not None and person.match(t.text):
                break
            if t.dep == "appos" and t.head >= 0 and span_of.get(t.head, k) != k:
                out.append(((start, end), spans[span_of[t.head]]))
                break
            if t.dep in _CLAUSE_RELATIONS or t.dep in ("ROOT", "root", "ccomp", "conj") and t.pos in ("VERB", "AUX"):
                break
            node = t.head
    return out


# --------------------------------------------------------------------------- where a travelling party went

# (not "we": in a quote it is the speaker's side, often the hosts: "мы надеемся подписать его уже в Гомеле")
_PARTY_PRONOUNS = _PERSONAL_PRONOUNS - {"it", "оно"}  # a person or people, not a thing
_QUOTE_OR_DASH = re.compile(r"[«»\"“”]|\s[-–—]\s")
KK_VERB_AFTER_WORDS = 2  # "Исламабадқа жетті", "Тбилисиге ұшып барды": the verb right after the place


_MEANS_OF_TRAVEL = frozenset({"by", "on", "aboard"})  # English prepositions of a vehicle: "by ferry", "on a charter"


def whereabouts(lang: str, text: str, start: int, end: int, frame: Mapping[str, Sequence[str]], *,
                case_marked: bool = False, divisions: Sequence[str] = (),
                people: Callable[[Token], bool] | None = None, attended: re.Pattern | None = None,
                unnamed_people: bool = False) -> tuple[int, int] | None:
    """Is the place ``text[start:end]`` where a travelling party went or was: the destination or the location
    of a predicate whose subject is that party ("the group drove south to Melaka", "the Kazakh group reached
    Batumi", "казахстанцы перелетели в Сиань", "к вечеру они были в Шеки", "делегация Исламабадқа жетті")?
    The party is a word of ``frame["party"]`` (lemmas: the delegation, the group, the guests, the akim) or a
    personal pronoun, as the subject or as the one taken there (the object): a name or a title (the mayor,
    Kertész) may be the hosts'. A verb of coming back
    (``frame["return_verbs"]``) goes where the party came from, to no new stop. Returns the span of the word
    that carries the predicate's tense when it tells the journey happened; None otherwise.

    The place's case or preposition says destination or location (``frame["prepositions"]``). In Kazakh the
    caller tells, ``case_marked``, whether an ending of ``frame["suffixes"]`` is on the place; else it may stand
    on a division noun of ``divisions`` after it ("Дуйсбург қаласына"). A verb whose object is a place
    (``frame["object_verbs"]``: "reach") says it by itself.

    With ``people`` (does a parsed noun name people: "doctors", "врачи"), any people or group of them is a party
    too, and the place may be that of what the party did: "began an internship in Seoul", "spent two weeks at a
    training camp in Baku", "прошла стажировку в Сеуле" (``_doing_at``); not that of an event of ``attended`` ("at a
    conference in Dubai", "на выставке в Стамбуле": a forum abroad merely attended is no visit), nor of a doing
    only intended ("invited the exporters to a fair in George Town"). With ``unnamed_people``, only people the
    sentence gives no place of their own ("the children played in Leipzig", not "Azerbaijani restorers"): the
    story's own party, whose home the story told before."""
    if lang == "kk":
        return _kk_whereabouts(text, start, end, frame, case_marked, divisions)
    tokens = parse(lang, text)
    if not tokens:
        return None
    span = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    if not span:
        return None
    place = next((i for i in span if tokens[i].head not in span), span[0])
    prepositions = frozenset(frame.get("prepositions", ()))
    if people is not None:
        place = _owners_place(tokens, place)
    verb: int | None = None
    head = tokens[place].head
    # (an indeclinable name after the verb the parse may call a second subject: "гости ... посетили Кентау")
    second_subject = tokens[place].dep == "nsubj" and head >= 0 and place > head and any(
        t.head == head and t.dep == "nsubj" for t in tokens[:head])
    if (tokens[place].dep in ("obj", "dobj") or second_subject) and head >= 0 \
            and tokens[head].lemma in frame.get("object_verbs", ()):
        verb = head  # "reached Batumi"
    elif tokens[place].dep == "pobj" and head >= 0 and tokens[head].lemma.lower() in prepositions:
        verb = tokens[head].head  # "drove south to Melaka": "to" hangs from the verb, or from its adverb
        if verb >= 0 and tokens[verb].pos == "ADV":
            verb = tokens[verb].head
        elif verb >= 0 and tokens[verb].pos == "NOUN" and tokens[verb].dep == "pobj" and tokens[verb].head >= 0 \
                and tokens[tokens[verb].head].lemma.lower() in _MEANS_OF_TRAVEL:
            # "crossed the sea by ferry to Bursa", "flew on a charter to Urumqi": the journey is the verb's
            verb = tokens[tokens[verb].head].head
        elif verb >= 0 and tokens[verb].dep == "pobj" and tokens[verb].text.lower() in month_words(lang):
            # "began on 20 April in Osaka": the parse hangs the place on the date, the date on the verb
            verb = tokens[tokens[verb].head].head
        elif verb >= 0 and people is not None and tokens[verb].pos in ("NOUN", "PROPN"):
            # "began an internship in Seoul", "a course at the People's Police University in Langfang"
            verb = _doing_at(tokens, verb, prepositions, attended)
    elif any(t.head == place and t.dep == "case" and t.lemma.lower() in prepositions for t in tokens):
        if tokens[place].dep == "obl":
            verb = head  # "перелетели в Сиань"
        elif people is not None and tokens[place].dep == "nmod":
            verb = _doing_at(tokens, head, prepositions, attended)  # "прошла стажировку в Сеуле"
        else:
            verb = next((i for i, t in enumerate(tokens) if t.head == place and t.dep == "cop"), None)
            if verb is not None:  # "они были в Шеки": the place is the predicate, its copula tells the tense
                subjects = [i for i, t in enumerate(tokens) if t.head == place and t.dep in _SUBJECT_RELATIONS]
                return _happened(lang, text, tokens[verb]) if _a_party(tokens, subjects, frame) else None
    if verb is None or verb < 0 or tokens[verb].pos not in ("VERB", "AUX") \
            or tokens[verb].feats.get("VerbForm") == "Inf" or tokens[verb].lemma in frame.get("return_verbs", ()) \
            or awaits(tokens[verb]):
        return None  # (an infinitive tells what someone wants or plans to do, no journey made; "invited Shymkent
        # businesses to Ufa", "is expected in Kentau": someone is wanted there, nobody went)
    between = text[min(end, tokens[verb].end):max(start, tokens[verb].start)]
    if _QUOTE_OR_DASH.search(between):
        return None  # a quote's place the parse hung on the reporting clause's verb: «... в Гомеле», — ... добиралась
    subjects = _subjects(tokens, verb)
    if not subjects and lang == "ru" and tokens[verb].feats.get("Number") == "Plur" \
            and _main_predicate(tokens, verb):
        # "затем перелетели в Сиань": the subject left unsaid is the one the story follows (not in a clause
        # of its own: "то, что увидели в Бресте" is anyone's)
        return _happened(lang, text, tokens[verb])
    # the party as the one taken there: "the programme took the visitors to Lenger", "гостей повезли в Сайрам"
    objects = [i for i, t in enumerate(tokens) if t.head == verb and t.dep in ("obj", "dobj")
               and not intends(tokens[verb])]  # (not "invited the akim to Kayseri")
    return _happened(lang, text, tokens[verb]) if _a_party(tokens, subjects, frame, people, unnamed_people) \
        or _a_party(tokens, objects, frame) else None


def _owners_place(tokens: Sequence[Token], place: int) -> int:
    """The noun a place's name qualifies where the place is that noun's ("at the Turkistan regional hospital", "в
    областной больнице Туркестана": the hospital stands where the sentence has its doing), else the place."""
    t = tokens[place]
    owner = t.head
    if owner < 0 or tokens[owner].pos != "NOUN":
        return place
    if t.dep == "compound" or t.dep == "nmod" and t.feats.get("Case") == "Gen" \
            and not any(c.head == place and c.dep == "case" for c in tokens):
        return owner
    return place


ACTIVITY_HOPS = 2  # "spent two weeks at a training camp in Baku": Baku's camp, the camp where they spent them


def _doing_at(tokens: Sequence[Token], noun: int, prepositions: frozenset[str], attended: re.Pattern | None) -> int:
    """The verb whose doing a place's noun locates: climbing from the noun a place hangs from ("an internship in
    Seoul", "стажировку в Сеуле") through the noun of what was done (the verb's object: "began an internship")
    or of where it was (a place preposition: "at a training camp", "at the Police University"); -1 when the climb
    meets anything else (a party's noun, "a delegation in Seoul", is no place of a doing)."""
    for _ in range(ACTIVITY_HOPS):
        t = tokens[noun]
        if t.pos not in ("NOUN", "PROPN") or t.head < 0 or attended is not None and (
                attended.match(t.text.lower()) or attended.match(t.lemma.lower())):
            return -1
        governor = tokens[t.head]
        if t.dep in ("obj", "dobj") and governor.pos in ("VERB", "AUX"):
            return -1 if intends(governor) else t.head
        if t.dep == "pobj" and governor.dep == "prep" and governor.lemma.lower() in prepositions:
            noun = governor.head  # "at a training camp": the camp hangs from "at", "at" from the verb
        elif t.dep in ("obl", "nmod") and any(c.head == noun and c.dep == "case" and c.lemma.lower() in prepositions
                                              for c in tokens):
            if t.dep == "obl":
                return -1 if intends(governor) else t.head  # "в лагере": the place of the verb itself
            if governor.pos != "NOUN":
                return -1
            noun = t.head  # "приняли участие в лагере в Баку": the camp where they took part, the part they took
        else:
            return -1
        if noun >= 0 and tokens[noun].pos in ("VERB", "AUX"):
            return -1 if intends(tokens[noun]) else noun
        if noun < 0:
            return -1
    return -1


def _main_predicate(tokens: Sequence[Token], verb: int) -> bool:
    """Is the verb the sentence's root, or coordinated with it?"""
    v = tokens[verb]
    return v.head < 0 or v.dep == "conj" and tokens[v.head].head < 0


def _happened(lang: str, text: str, verb: Token) -> tuple[int, int] | None:
    return (verb.start, verb.end) if realis(lang, text, verb.start, verb.end) == HAPPENED else None


def _a_party(tokens: Sequence[Token], subjects: Sequence[int], frame: Mapping[str, Sequence[str]],
             people: Callable[[Token], bool] | None = None, unnamed: bool = False) -> bool:
    party = frozenset(frame.get("party", ()))
    # (any of them: the parse may split one subject in two, "The delegation ..., nine officials and hotel owners")
    return any(tokens[i].lemma.lower() in party or tokens[i].lemma.lower() in _PARTY_PRONOUNS
               or people is not None and tokens[i].pos == "NOUN" and (people(tokens[i]) or _a_group_of(
                   tokens, i, people)) and not (unnamed and _not_the_storys_party(tokens, i)) for i in subjects)


# Russian relational adjectives, the form a place's name takes before a noun ("азербайджанские реставраторы",
# "шымкентские хирурги"): English capitalises its own ("Azerbaijani restorers")
_RU_RELATIONAL_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ый|ая|ое|ие|ые|ого|ой|их|им|ими|ую|ом|ому)$")
_QUALIFIERS = frozenset({"amod", "compound", "nmod", "nmod:poss", "poss", "flat"})


def _not_the_storys_party(tokens: Sequence[Token], i: int) -> bool:
    """Can the noun of people ``i`` not be the party the story follows, whose place it told before: one person
    (the hosts' "the governor", "the mayor"), or people a word of a place or its people qualifies ("Azerbaijani
    restorers", "Polish students", "doctors of Seoul", "турецкие врачи")?"""
    if tokens[i].feats.get("Number") != "Plur" and not tokens[i].text.lower().endswith("s"):
        return True
    return any(c.head == i and c.dep in _QUALIFIERS and (
        c.text[:1].isupper() or c.pos == "ADJ" and bool(_RU_RELATIONAL_ADJECTIVE.search(c.text.lower())))
        for c in tokens)


_FROM = frozenset({"from"})
_FROM_OR_OF = _FROM | _OF
_RU_FROM = frozenset({"из", "изо"})


def _origin_governor(tokens: Sequence[Token], place: int, lang: str, *, owned: bool) -> int:
    """The noun a place hangs from as where it came from ("guests from Riga", "гости из Риги"), with ``owned`` also
    as its owner ("doctors of the region", "the Shymkent team", "Shymkent's team", "врачей санатория": a bare
    genitive); -1 otherwise. English and Russian parses."""
    t = tokens[place]
    if lang == "en":
        if t.dep == "pobj" and t.head >= 0 and tokens[t.head].lemma.lower() in (_FROM_OR_OF if owned else _FROM):
            return tokens[t.head].head
        return t.head if owned and t.dep in ("compound", "poss", "nmod:poss") else -1
    if t.dep != "nmod" or owned and t.feats.get("Case") != "Gen":
        return -1
    markers = [c.text.lower() for c in tokens if c.head == place and c.dep == "case"]
    return t.head if any(m in _RU_FROM for m in markers) or owned and not markers else -1


def _parsed_place(lang: str, text: str, start: int, end: int) -> tuple[Sequence[Token], int] | None:
    """The English or Russian parse of ``text`` and the head word of the place at ``text[start:end]``."""
    tokens = parse(lang, text) if lang in ("en", "ru") else None
    place = _head_of(tokens, start, end) if tokens else None
    return None if tokens is None or place is None else (tokens, place)


def guests_from(lang: str, text: str, start: int, end: int, guests: Sequence[str]) -> tuple[int, int] | None:
    """Is the place ``text[start:end]`` the home of guests (``guests``: lemmas of "guest", "visitor") who did
    something the sentence tells as happened ("Гости из Риги провели курс", "the guests from Riga gave a course")?
    A guest has come to the host: the span of the verb, or None (also without a parse)."""
    parsed = _parsed_place(lang, text, start, end)
    if parsed is None:
        return None
    tokens, place = parsed
    governor = _origin_governor(tokens, place, lang, owned=False)
    if governor < 0 or tokens[governor].lemma.lower() not in guests or tokens[governor].dep not in _SUBJECT_RELATIONS:
        return None
    verb = tokens[governor].head
    if verb < 0 or tokens[verb].pos not in ("VERB", "AUX"):
        return None
    return _happened(lang, text, tokens[verb])


_KK_SENT_PEOPLE_WORDS = 4  # "40 құтқарушысы Түркияның Хатай провинциясына жіберілді": the people a few words before


def sends_people(lang: str, text: str, verbs: Sequence[str], people: Callable[[Token], bool],
                 kk_people: re.Pattern | None = None) -> list[tuple[int, int]]:
    """The spans of verbs of sending (``verbs``: lemmas; Kazakh: stems) whose object, or passive subject, is
    people ("a team of rescuers was sent to Hatay", "направила в Хатай группу спасателей"): the people travelled.
    Kazakh by a noun of people (``kk_people``) a few words before the verb; English and Russian by the parse."""
    if lang == "kk":
        out = []
        for m in re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, verbs)) + r")[\w-]*", text, re.IGNORECASE):
            before = re.findall(r"[\w-]+", text[max(0, m.start() - 80):m.start()])[-_KK_SENT_PEOPLE_WORDS:]
            # (only a sending told as done: "жіберілді", not "жіберу мүмкіндігі", "жібермек")
            if kk_word_realis(m.group()) == HAPPENED and kk_people is not None \
                    and any(kk_people.match(w) for w in before):
                out.append(m.span())
        return out
    # (parse only a sentence with a word that may be one: "sent", "send", "направлена"; English is irregular)
    stems = {verb[:3] if lang == "en" else verb[:5] for verb in verbs}
    if not re.search(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(stems))) + ")", text, re.IGNORECASE):
        return []
    tokens = parse(lang, text) if lang in ("en", "ru") else None
    if not tokens:
        return []
    lemmas = frozenset(verbs)
    out = []
    for i, t in enumerate(tokens):
        if t.pos != "VERB" or t.lemma.lower() not in lemmas:
            continue
        sent = [j for j, c in enumerate(tokens) if c.head == i and c.dep in ("obj", "dobj", "nsubj:pass", "nsubjpass")]
        if any(tokens[j].pos == "NOUN" and (people(tokens[j]) or _a_group_of(tokens, j, people)) for j in sent) \
                and _happened(lang, text, t) is not None:
            # (a sending only hoped for is no cue at all: "hopes to send a second group to Busan" leaves the
            # sentence's other events to the machinery of places without cues)
            out.append((t.start, t.end))
    return out


def trained_at(lang: str, text: str, frame: Mapping[str, Sequence[str]]) -> list[tuple[int, int]]:
    """The spans of a course of training told as done ("completed a month-long internship at clinics in Seoul",
    "прошла месячную стажировку в Сеуле", "Сеулде тағылымдамадан өтті"): a verb of undergoing or completing
    (``frame["verbs"]``) whose object is a noun of training (``frame["nouns"]``). The trainees went there.
    Kazakh by the words themselves, the noun in the ablative right before the verb's past form."""
    verbs, nouns = frame.get("verbs", ()), frame.get("nouns", ())
    if not verbs or not nouns:
        return []
    if lang == "kk":
        pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, nouns)) + r")\s+(?:" + "|".join(map(re.escape, verbs)) \
            + r")(?![\w-])"
        return [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    # (parse only a sentence with a word that may be such a noun)
    if not re.search(r"(?<![\w-])(?:" + "|".join(re.escape(n[:6]) for n in nouns) + ")", text, re.IGNORECASE):
        return []
    tokens = parse(lang, text)
    if not tokens:
        return []
    out = []
    for i, t in enumerate(tokens):
        if t.pos != "VERB" or t.lemma.lower() not in verbs:
            continue
        if any(c.head == i and c.dep in ("obj", "dobj") and c.lemma.lower() in nouns for c in tokens) \
                and _happened(lang, text, t) is not None:
            out.append((t.start, t.end))
    return out


_RETURN_VERBS = frozenset({"return", "вернуться", "возвращаться", "возвратиться"})
_BACK_HOME = frozenset({"back", "home", "обратно", "назад", "домой"})


def people_came_from(lang: str, text: str, start: int, end: int, verb_start: int, verb_end: int,
                     people: Callable[[Token], bool]) -> bool:
    """Is the place ``text[start:end]`` where the verb at ``verb_start:verb_end`` has its subject, people, come
    from ("из Ташкента приехали руководители санаториев", "two specialists came from Ankara")? English and
    Russian by the parse; False without one."""
    parsed = _parsed_place(lang, text, start, end)
    if parsed is None or (verb := _verb_of_coming_from(*parsed, lang)) is None:
        return False
    tokens = parsed[0]
    if tokens[verb].pos != "VERB" or not verb_start <= tokens[verb].start < verb_end or _coming_back(tokens, verb):
        return False  # "the team came back from Kazan", "вернулись из Казани": our people, home again
    return any(tokens[i].pos == "NOUN" and (people(tokens[i]) or _a_group_of(tokens, i, people))
               for i in _subjects(tokens, verb))


def came_back_from(lang: str, text: str, start: int, end: int) -> bool:
    """Is the place ``text[start:end]`` where the clause's party came back from ("returned from South Korea,
    where they completed a course", "вернулись из Южной Кореи")? They were there: the story may go on to tell
    that trip. English and Russian by the parse; False without one."""
    parsed = _parsed_place(lang, text, start, end)
    if parsed is None or (verb := _verb_of_coming_from(*parsed, lang)) is None:
        return False
    return parsed[0][verb].pos == "VERB" and _coming_back(parsed[0], verb)


def an_earlier_stop(lang: str, text: str, start: int, end: int, verb_start: int, verb_end: int) -> bool:
    """Is the place ``text[start:end]`` where the journey of the verb at ``verb_start:verb_end`` set out from, its
    "from" hung on the verb ("From Bursa the troupe travelled to Eskişehir", "из Бурсы труппа переехала в
    Эскишехир"), rather than on the travellers ("the troupe from Bursa")? Then it says where they had been, not
    whose they are. English and Russian by the parse; False without one."""
    parsed = _parsed_place(lang, text, start, end)
    if parsed is None or (verb := _verb_of_coming_from(*parsed, lang)) is None:
        return False
    tokens, place = parsed
    preposition = next((i for i in range(place - 1, -1, -1) if tokens[i].pos == "ADP"), None)
    if preposition is not None and preposition > 0 and tokens[preposition - 1].pos in ("NOUN", "PROPN"):
        return False  # "делегация из узбекского Гулистана посетила": written right after the travellers, theirs
    if lang == "en" and tokens[verb].pos == "NOUN" and tokens[verb].start > end:
        return True  # English writes a noun's "from" after it: "From Bursa the troupe" opens the clause, whatever
        # the parse hung it on
    return tokens[verb].pos == "VERB" and verb_start <= tokens[verb].start < verb_end \
        and not _coming_back(tokens, verb)


def _verb_of_coming_from(tokens: Sequence[Token], place: int, lang: str) -> int | None:
    """The word the place hangs from as its "from" ("came from Ankara", "из Ташкента приехали"), or None."""
    t = tokens[place]
    if lang == "en":
        if t.dep != "pobj" or t.head < 0 or tokens[t.head].lemma.lower() not in _FROM:
            return None
        verb = tokens[t.head].head
    elif t.dep == "obl" and any(c.head == place and c.dep == "case" and c.text.lower() in _RU_FROM for c in tokens):
        verb = t.head
    else:
        return None
    return verb if verb >= 0 else None


def _coming_back(tokens: Sequence[Token], verb: int) -> bool:
    """Is the verb one of coming back ("returned", "вернулись", "came back", "приехали обратно")?"""
    return tokens[verb].lemma.lower() in _RETURN_VERBS \
        or any(c.head == verb and c.text.lower() in _BACK_HOME for c in tokens)


def party_home(lang: str, text: str, start: int, end: int, people: Callable[[Token], bool]) -> bool:
    """Is the place ``text[start:end]`` the home of people written with it, who are the subject of their clause:
    "a group of doctors from Turkistan region ... began", "a youth orchestra from Dresden performed", "the
    Shymkent youth boxing team spent", "группа хирургов из Шымкента прошла", "врачи из Сеула провели"? Such
    people came from there to where their clause has them (``whereabouts``). English and Russian by the parse;
    False without one."""
    parsed = _parsed_place(lang, text, start, end)
    if parsed is None:
        return False
    tokens, place = parsed
    governor = _origin_governor(tokens, place, lang, owned=True)
    named_people = False  # an apposition below named them as people
    for _ in range(3):  # "a group of twelve doctors from ...": up through the people to their group
        if governor < 0 or tokens[governor].pos != "NOUN":
            return False
        g = tokens[governor]
        if g.dep in _SUBJECT_RELATIONS and (named_people or people(g) or _a_group_of(tokens, governor, people)):
            return True
        if g.dep == "pobj" and g.head >= 0 and tokens[g.head].lemma.lower() in _FROM_OR_OF:
            governor = tokens[g.head].head  # "doctors from the health department of ...": the department's people
        elif g.dep == "nmod" and g.feats.get("Case") == "Gen":
            governor = g.head  # "врачей санатория": the sanatorium's doctors
        elif g.dep == "appos" and (people(g) or _a_group_of(tokens, governor, people)):
            governor, named_people = g.head, True  # "the Hungarian contingent, a folk dance group from Kecskemét,"
        else:
            return False
    return False


def _kk_whereabouts(text: str, start: int, end: int, frame: Mapping[str, Sequence[str]], case_marked: bool,
                    divisions: Sequence[str]) -> tuple[int, int] | None:
    """Kazakh, without a parse: after the place in its case of destination or location (Исламабад|қа,
    Шеки|де, "Дуйсбург қаласына") a past verb follows, and a party stands before it in the sentence: a word of
    ``frame["party"]`` or the people of a place ("арыстықтар", the people of Arys)."""
    word_end = _kk_word_end(text, end)
    after = list(re.finditer(r"[^\W\d_]+", text[word_end:]))
    if not case_marked:
        suffixes = tuple(frame.get("suffixes", ()))
        if not after or not after[0].group().lower().startswith(tuple(divisions)) \
                or not after[0].group().lower().endswith(suffixes):
            return None
        after = after[1:]  # the division noun carries the case: "Дуйсбург қаласына жетті"
    party = tuple(frame.get("party", ()))
    before = [w.lower() for w in re.findall(r"[^\W\d_]+", text[:start])]
    # (the speaker's "we" may be said by the verb's ending alone: "Вагенинген қаласына барып, ... болдық")
    spoken = tuple(frame.get("verb_person", ()))
    named = any(w.startswith(party) or _KK_PEOPLE_OF.search(w) for w in before) \
        or _kk_counted_people(re.findall(r"[^\W_]+", text[:start].lower()), party)
    if not named and not spoken:
        return None
    if after and after[0].group().lower() in kk.HELD_PARTICIPLES:
        return None  # "Ұланбатырда өткен байқауға қатысып": the venue of an event attended, no journey's stop
    for k, m in enumerate(after[:KK_VERB_AFTER_WORDS]):
        word = m.group().lower()
        if kk.CONVERB.search(word):
            if k == 0 and (final := _kk_clause_predicate(text, word_end, m.end(), after[1:])) is not None:
                # "ансамбль Александрияға барып, ... концерт берді": the clause's next verb tells
                return final if named or text[final[0]:final[1]].lower().endswith(spoken) else None
            continue  # "ұшып барды": the converb's tense is the next verb's
        if word.startswith(tuple(frame.get("return_verbs", ()))) or kk.GENITIVE.search(word):
            return None  # "Алматыға оралды"; "Сендайға студенттердің ...": a noun, whose -дің reads like a verb's
        if not named and not word.endswith(spoken):
            return None
        return (word_end + m.start(), word_end + m.end()) if kk_word_realis(word) == HAPPENED else None
    return None


def _kk_counted_people(words: Sequence[str], party: Sequence[str]) -> bool:
    """Is a party's word among ``words`` in the singular after a count ("облыстың отызға жуық фермері", "15
    маман")? The party words of people are plurals ("фермерлер"); Kazakh counts with the singular."""
    stems = tuple(w[:-len(end)] for w in party for end in kk.PLURAL_ENDINGS if w.endswith(end))
    return any(w.startswith(stems) and any(kk.COUNT.fullmatch(c) for c in words[max(0, i - kk.COUNT_REACH_WORDS):i])
               for i, w in enumerate(words))


KK_CONVERB_REACH = 8  # from a converb to its clause's verb: "барып, қаланың мәдениет орталығында концерт берді"
_KK_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s*(?:ал|бірақ|алайда)\s", re.IGNORECASE)


def _kk_clause_predicate(text: str, base: int, converb_end: int, words: Sequence[re.Match]) -> tuple[int, int] | None:
    """Kazakh: the span of the first word after a converb whose form tells a tense ("барып, ... концерт
    берді"), when it tells the journey happened and no new clause ("ал", "бірақ", a semicolon) began before it;
    a converb of its own passes its tense on too."""
    for m in words[:KK_CONVERB_REACH]:
        start = base + m.start()
        if _KK_CLAUSE_BREAK.search(text[base + converb_end - 1:start]):
            return None
        word = m.group().lower()
        if kk.CONVERB.search(word) or kk.GENITIVE.search(word):
            continue
        found = kk_word_realis(word)
        if found is not None:
            return (start, base + m.end()) if found == HAPPENED else None
    return None


# the people of a place, in the plural: "арыстықтар", "шымкенттіктер", "түркістандықтар"
_KK_PEOPLE_OF = re.compile(r"(?:лық|лік|дық|дік|тық|тік)(?:тар|тер)$")


_POSSESSIVE_RELATIVES = frozenset({"whose", "чей"})  # "Batumi, whose partner cities include Savannah"


def foreign_places_own_ties(lang: str, text: str, cues: Sequence[tuple[int, int]],
                            foreign: Sequence[tuple[int, int]], home: Sequence[tuple[int, int]]
                            ) -> list[tuple[int, int]]:
    """The char spans of clauses that tell a foreign place's own ties: a partnership cue in a clause whose subject
    is a foreign place ("Batumi has built partnerships with cities from Ukraine to Israel") or is owned by one
    through "whose" ("Batumi, whose partner cities include Savannah in the United States"), and which names no
    Kazakh place. A place there is the foreign place's partner, not the story's side's. [] without a parse."""
    tokens = parse(lang, text)
    if not tokens:
        return []

    def within(i: int, spans: Sequence[tuple[int, int]]) -> bool:
        return any(s <= tokens[i].start < e for s, e in spans)

    out: list[tuple[int, int]] = []
    for start, end in cues:
        # the clause the cue stands in: up to its verb (a bounded climb: a parse may hang words in a loop)
        verb = verb_carrying(tokens, start, end, _CLIMB_TO_PREDICATE)
        if verb is None:
            continue
        owned = [j for j, s in enumerate(tokens) if s.head == verb and s.dep in ("nsubj", "nsubj:pass") and (
            within(j, foreign) or tokens[verb].dep in _RELATIVE_CLAUSES and within(tokens[verb].head, foreign)
            and any(w.head == j and w.lemma.lower() in _POSSESSIVE_RELATIVES for w in tokens))]
        clause = _subtree(tokens, verb, skip_clauses=True)
        # (not its relative clauses, ", which he offered as a model for Shymkent", nor clauses joined to it)
        for k in [k for k in clause if k != verb and (tokens[k].dep in _RELATIVE_CLAUSES or tokens[k].dep == "conj"
                                                       and tokens[k].pos in ("VERB", "AUX"))]:
            clause -= _subtree(tokens, k, skip_clauses=False)
        if not owned or not clause or any(within(k, home) for k in clause):
            continue
        # the clause's own words, run by run (a parse of several roots may hang a far colon on it)
        order = sorted(k for k in clause if tokens[k].pos != "PUNCT")
        runs = [[order[0]]] if order else []
        for k in order[1:]:
            if k == runs[-1][-1] + 1 or all(tokens[m].pos == "PUNCT" for m in range(runs[-1][-1] + 1, k)):
                runs[-1].append(k)
            else:
                runs.append([k])
        out += [span for run in runs if (span := (tokens[run[0]].start, tokens[run[-1]].end)) not in out]
    return out
