"""Event dates written in English, Russian or Kazakh prose -> ISO dates with character offsets.

Recognised shapes (the month may be in any of the three languages, any case or inflection):

    29 September 2018 · September 29, 2018 · April 14 · 8-11 июня · 12 февраля 2026 г.
    2017 жылғы 20-23 наурыз · 20 наурызда · 2025-04-14 · 14.04.2025 · on Tuesday · в среду · сейсенбіде
    yesterday · позавчера · кеше

Month names come from dateparser's locale data (the library made for multilingual dates), not
from tables written here. When the text gives only day and month, the year is taken from a
reference date (the article's date): the latest such day up to a month after it, so "28 December" in an
article of 5 January lands in the previous year. A weekday ("on Tuesday", "во вторник", "сейсенбіде") is the
latest such day on or before the reference, the way a report uses it; "yesterday" (dateparser's relative words)
is the day before it. Without a reference such a date has no ISO
form (``iso is None``), because a guessed year is worse than none.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from dashboard.lang import kk, ru

log = logging.getLogger(__name__)

DATE_LANGS = ("en", "ru", "kk")
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Kazakh is agglutinative: "наурызда", "наурыздың", "маусымында" are all March/June
_KK_SUFFIX = rf"[a-zа-яё{kk.LETTERS}]{{0,6}}"


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in the text: ``text[start:end]`` is what was matched.

    ``iso`` is the first day (YYYY-MM-DD) and ``iso_end`` the last day of a range ("8-11 июня");
    both are None when the year is neither written nor inferable. ``has_year`` says whether
    the text itself gives the year.
    """

    start: int
    end: int
    iso: str | None
    iso_end: str | None
    has_year: bool
    day: int
    month: int
    year: int | None  # as written; None when inferred or unknown
    counted_back: bool = False  # "on Tuesday", "yesterday": its day counted back from the reference


def month_words(lang: str) -> frozenset[str]:
    """The lower-case words of the months in ``lang`` ("april", "apr", "sept"), from dateparser's locales."""
    return frozenset(_month_words_by_lang().get(lang, {}))


@cache
def _month_words_by_lang() -> dict[str, dict[str, int]]:
    """lang -> lower-case month word -> month number, from dateparser's locales."""
    from dateparser.languages.loader import default_loader  # heavy import, only when dates are needed

    out: dict[str, dict[str, int]] = {}
    for lang in DATE_LANGS:
        info = default_loader.get_locale(lang).info
        words: dict[str, int] = {}
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, []):
                word = word.lower().rstrip(".")
                # Kazakh words take suffixes, so a 3-letter abbreviation ("нау") would be a prefix of
                # ordinary words; Russian "мая"/"май" are 3 letters and whole words, so they stay
                if len(word) >= (4 if lang == "kk" else 3):
                    words[word] = number
                    voiced = kk.voiced_stem(word) if lang == "kk" else None
                    if voiced:  # "қыркүйегінде": the stem before a vowel suffix
                        words[voiced] = number
        out[lang] = words
    return out


@cache
def _month_words() -> dict[str, int]:
    merged: dict[str, int] = {}
    for words in _month_words_by_lang().values():
        for word, number in words.items():
            merged.setdefault(word, number)
    return merged


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    by_lang = _month_words_by_lang()
    plain = sorted({w for lg, ws in by_lang.items() if lg != "kk" for w in ws}, key=len, reverse=True)
    kazakh = sorted(by_lang["kk"], key=len, reverse=True)
    month = (r"(?:(?P<month>" + "|".join(re.escape(w) for w in plain) + r")\.?"
             r"|(?P<mkk>" + "|".join(re.escape(w) for w in kazakh) + r")" + _KK_SUFFIX + ")")
    day = r"(?P<day>\d{1,2})(?:\s*(?:[-–—]|\s(?:по|to|till|until|and|и)\s)\s*(?P<day2>\d{1,2}))?"
    year = r"(?P<year>(?:19|20)\d{2})"
    flags = re.IGNORECASE
    return (
        # 2017 жылғы 20-23 наурыз  (Kazakh: year first)
        re.compile(rf"(?<!\d){year}\s*(?:ж\.|жылғы|жылы|жылдың)?\s+{day}\s+{month}(?![\w])", flags),
        # 29 September 2018, 8-11 июня, 12 февраля 2026 г., 20 наурыз 2017 ж.
        re.compile(rf"(?<!\d){day}(?:-?(?:го|ші|шы|st|nd|rd|th))?\s+{month}(?![\w])"
                   rf"(?:,?\s+{year}(?!\d))?", flags),
        # September 29, 2018 · April 14 · April 8-11
        re.compile(rf"(?<![\w]){month}(?![\w])\s+{day}(?:st|nd|rd|th)?(?!\d)(?:,?\s+{year}(?!\d))?", flags),
        # 2025-04-14
        re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<monthnum>\d{2})-(?P<day>\d{2})(?!\d)"),
        # 14.04.2025
        re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<monthnum>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?!\d)"),
    )


def _month_of(match: re.Match) -> int | None:
    groups = match.groupdict()
    if groups.get("monthnum"):
        return int(groups["monthnum"])
    word = groups.get("month") or groups.get("mkk") or ""
    return _month_words().get(word.lower())


# News reports what has happened: a day and month without a year is the latest such day up to a month after
# the article's date ("28 December" in a report of 5 January is last year's; "12 March" in a November report is
# this year's March, not next year's; "on 3 January" in a report of 30 December is days ahead, a plan).
FUTURE_GRACE_DAYS = 31


def _latest_year(month: int, day: int, reference: date) -> date | None:
    """The latest date with this day and month no more than ``FUTURE_GRACE_DAYS`` after ``reference``."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February
            continue
        if (candidate - reference).days <= FUTURE_GRACE_DAYS:
            return candidate
    return None


def _resolve(day: int, month: int, year: int | None, reference: date | None) -> date | None:
    if year is not None:
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if reference is None:
        return None
    return _latest_year(month, day, reference)


def _valid(day: int, month: int | None) -> bool:
    return month is not None and 1 <= month <= 12 and 1 <= day <= 31


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# words before a weekday that make it no past day of this week: "next Friday", "каждую среду", "келесі жұмада"
_NOT_THIS_WEEK = re.compile(r"(?:next|every|each|following|следующ\w*|ближайш\w*|кажд\w*|келесі|алдағы|әр)\s+$",
                            re.IGNORECASE)


@cache
def _weekday_pattern() -> re.Pattern:
    """Weekday names of the three languages (dateparser's locale data), full words only: English capitalised,
    Russian after "в / во" in the accusative the preposition takes ("в среду", "во вторник"; "среди", "в среде"
    are other words), Kazakh with any ending ("сейсенбіде", "сәрсенбі күні")."""
    from dateparser.languages.loader import default_loader

    alternatives = []  # (what must stand before the name, the name's pattern, the weekday's number)
    for lang in DATE_LANGS:
        info = default_loader.get_locale(lang).info
        for number, key in enumerate(_WEEKDAY_KEYS):
            for word in info.get(key, []):
                word = word.lower()
                if lang == "kk" and len(word) == 4:
                    # "жұма" (Friday) is also a first name ("Жұмабек", "Жұмағали"): only its case forms
                    alternatives.append(("", re.escape(word) + r"(?:да|ға|дан|сы|сында|ның|дағы)?", number))
                    continue
                if len(word) < 5 or word.endswith("у"):
                    continue  # abbreviations ("tue", "пн", "сс") are no prose; "среду" is made below
                if lang == "ru":
                    accusative = word[:-1] + "у" if word.endswith("а") else word
                    # ("в минувшую пятницу", "в прошлый вторник": the past one, counted back as the bare name is)
                    alternatives.append((r"(?<![\w-])во?\s+(?:(?:минувш|прошл)\w*\s+)?", re.escape(accusative),
                                         number))
                elif lang == "kk":
                    alternatives.append(("", re.escape(word) + _KK_SUFFIX, number))
                else:
                    alternatives.append(("", f"(?-i:{re.escape(word.capitalize())})", number))
    alternatives.sort(key=lambda a: len(a[0]) + len(a[1]), reverse=True)
    # each name is a group of its own, named by its weekday: "w<index>_<weekday>"
    return re.compile("|".join(f"{before}(?P<w{i}_{number}>{name})"
                               for i, (before, name, number) in enumerate(alternatives)), re.IGNORECASE)


def _counted_back(start: int, end: int, day: date) -> FoundDate:
    """A day the text gives relative to the reference ("on Tuesday", "yesterday", "осы айдың 11-інде")."""
    return FoundDate(start=start, end=end, iso=day.isoformat(), iso_end=day.isoformat(), has_year=False,
                     day=day.day, month=day.month, year=None, counted_back=True)


@cache
def _last_week_patterns() -> tuple[re.Pattern, re.Pattern]:
    """dateparser's words for "last week" ("last week", "на прошлой неделе", "өткен апта"), as they stand
    before a weekday ("өткен аптаның сейсенбісінде", "на прошлой неделе во вторник") or after it ("on Tuesday
    last week", "во вторник на прошлой неделе", "Tuesday of last week")."""
    from dateparser.languages.loader import default_loader

    phrases = sorted({re.escape(p) for lang in DATE_LANGS
                      for p in default_loader.get_locale(lang).info["relative-type"].get("1 week ago", [])
                      if len(p) > 8}, key=len, reverse=True)  # (not the abbreviations "last wk", "на пр нед")
    words = "|".join(phrases)
    before = re.compile(rf"(?<![\w-])(?:{words}){_KK_SUFFIX}\s+(?:в\s+|во\s+|on\s+)?$", re.IGNORECASE)
    after = re.compile(rf"\w*\s*,?\s*(?:of\s+)?(?:{words})(?![\w-])", re.IGNORECASE)  # (past an ending)
    return before, after


def _weekdays(text: str, reference: date, taken: list[tuple[int, int]]) -> list[FoundDate]:
    before_last_week, after_last_week = _last_week_patterns()
    out = []
    for match in _weekday_pattern().finditer(text):
        group = next(name for name, value in match.groupdict().items() if value)
        start, end = match.span(group)
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        if _NOT_THIS_WEEK.search(text[max(0, match.start() - 14):match.start()]):
            continue
        # "on Tuesday, 4 February": the written date says it
        if any(start <= s and s - end <= 4 for s, _e in taken) or any(s < end and start < e for s, e in taken):
            continue
        weekday = int(group.rsplit("_", 1)[1])
        if before_last_week.search(text, max(0, match.start() - 30), match.start()) \
                or after_last_week.match(text, end):
            # that day of the calendar week before the reference's: "Tuesday last week" in a Wednesday's story
            # is eight days back, not yesterday
            day = reference - timedelta(days=reference.weekday() + 7 - weekday)
        else:
            day = date.fromordinal(reference.toordinal() - (reference.weekday() - weekday) % 7)
        out.append(_counted_back(start, end, day))
    return out


@cache
def _relative_day_pattern() -> re.Pattern:
    """"today", "yesterday", "the day before yesterday" of the three languages (dateparser's locale data:
    "вчера", "позавчера", "кеше"), whole words; Kazakh also as an adjective ("кешегі кездесу"). Each word is a
    group named by how many days back it points: "d<index>_<days>"."""
    from dateparser.languages.loader import default_loader

    alternatives = []  # (the word's pattern, days back)
    for lang in DATE_LANGS:
        relative = default_loader.get_locale(lang).info.get("relative-type", {})
        for days in range(3):
            for word in relative.get(f"{days} day ago", []):
                if " " in word and not word.startswith("day before"):
                    continue  # "till date" is no day
                pattern = r"\s+".join(map(re.escape, word.split()))
                alternatives.append((pattern + ("(?:гі)?" if lang == "kk" else ""), days))
    alternatives.sort(key=lambda a: len(a[0]), reverse=True)
    return re.compile("|".join(rf"(?<![\w-])(?P<d{i}_{days}>{word})(?![\w-])"
                               for i, (word, days) in enumerate(alternatives)), re.IGNORECASE)


# "бүгінгі таңда" is "nowadays", "на сегодня" is "so far": no day
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-ZА-ЯЁ][\w-]*\s+$")
_NOT_A_DAY = re.compile(r"\s+таңда|\s+күнге\s+дейін", re.IGNORECASE)
# "знакомство началось не вчера", "not yesterday but years ago": a day denied is no day of the story
_DENIED_BEFORE = re.compile(r"(?<![\w-])(?:не|not)\s+$", re.IGNORECASE)


def _relative_days(text: str, reference: date, taken: list[tuple[int, int]]) -> list[FoundDate]:
    out = []
    for match in _relative_day_pattern().finditer(text):
        group = next(name for name, value in match.groupdict().items() if value)
        start, end = match.span(group)
        if _NOT_A_DAY.match(text, end) or any(s < end and start < e for s, e in taken) \
                or _DENIED_BEFORE.search(text, max(0, start - 5), start):
            continue
        word = text[start:end]
        if word.isupper() or word[0].isupper() and _CAPITALISED_BEFORE.search(text, 0, start):
            continue  # a name: "KAZAKHSTAN TODAY", "Kazakhstan Today"
        # "yesterday, 4 February": the written date says it
        if any(0 <= s - end <= 4 for s, _e in taken):
            continue
        out.append(_counted_back(start, end, date.fromordinal(reference.toordinal() - int(group.rsplit("_", 1)[1]))))
    return out


# Russian "накануне" on its own is the day before the report, as a report writes it ("Аким области накануне
# принял посла", "прибывший из Туркестана, где накануне встретился"); before a noun in the genitive, a name or a
# number it is the eve of that ("накануне визита", "накануне Наурыза", "накануне 8 марта"), no day
_ON_THE_EVE = re.compile(r"(?<![\w-])накануне(?![\w-])(?P<gap>,?\s*)(?P<next>[\w-]*)", re.IGNORECASE)


def _of_what(word: str) -> bool:
    """Is the word after "накануне" what it is the eve of: a number, a name the dictionary does not know
    ("Наурыза"), or a word only ever genitive ("визита", "переговоров")? Not one that may be the subject
    ("аким", "стороны", "Президент")."""
    if word[:1].isdigit():
        return True
    readings = [str(p.tag) for p in ru.readings(word) if "Abbr" not in str(p.tag)]
    if not readings:
        return word[:1].isupper()
    return any("gent" in tag and tag.split(",")[0] in ("NOUN", "ADJF", "NUMR", "PRTF") for tag in readings) \
        and not any("nomn" in tag for tag in readings)


def _the_day_before(text: str, reference: date, taken: list[tuple[int, int]]) -> list[FoundDate]:
    out = []
    for match in _ON_THE_EVE.finditer(text):
        start, end = match.start(), match.start() + len("накануне")
        if not _of_what(match.group("next")) and not any(s < end and start < e for s, e in taken):
            out.append(_counted_back(start, end, date.fromordinal(reference.toordinal() - 1)))
    return out


def looks_back(text: str, found: FoundDate) -> bool:
    """Is the date a look back from the report ("накануне")? The days told after it go on from the story's own day,
    not from it ("куда делегация прибыла накануне. Через два дня ..." is two days after the signing)."""
    return found.counted_back and text[found.start:found.end].casefold() == "накануне"


# "осы айдың 11-інде" (on the 11th of this month), "11-го числа" (on the 11th): a day of the reference's month
_DAY_OF_THIS_MONTH = re.compile(r"(?<![\w-])(?:осы\s+айдың\s+(?P<kk>\d{1,2})-?[а-яәіңғүұқөһ]*"
                                r"|(?P<ru>\d{1,2})-?го\s+числа)(?![\w-])", re.IGNORECASE)


def _day_of_this_month(start: int, end: int, day: int, reference: date) -> FoundDate | None:
    """The ``day`` of the reference's month written at ``start:end`` ("11-го числа"); None for a day the month
    lacks ("31-го числа" in April)."""
    try:
        return _counted_back(start, end, date(reference.year, reference.month, day))
    except ValueError:
        return None


def _days_of_this_month(text: str, reference: date, taken: list[tuple[int, int]]) -> list[FoundDate]:
    out = []
    for match in _DAY_OF_THIS_MONTH.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        found = _day_of_this_month(start, end, int(match.group("kk") or match.group("ru")), reference)
        if found is not None:
            out.append(found)
    return out


# A day told by the day before it in the text: "the same day", "на следующий день", "сол күні" is the last day
# the text wrote (its last day, for a range), moved by the offset ("a week later": seven days on). Each pattern is
# (pattern, days after).
_ANAPHORIC_DAYS = (
    (r"(?:on\s+|later\s+|earlier\s+)?(?:that|the)\s+(?:very\s+)?same\s+(?:day|morning|afternoon|evening)"
     r"|(?:later|earlier)\s+(?:on\s+)?that\s+(?:day|morning|afternoon|evening)", 0),
    (r"в\s+(?:тот|этот)\s+же\s+(?:день|вечер)|тем\s+же\s+(?:дн[её]м|вечером|утром)"
     r"|(?:(?:утром|дн[её]м|вечером)\s+)?того\s+же\s+дня", 0),
    (r"(?:дәл\s+)?(?:сол|осы)\s+күн(?:і|нің\s+өзінде)(?:-ақ)?", 0),
    (r"(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning)|the\s+day\s+after(?!\s+(?:the|a|its|their|his|her)\b)"
     r"|a\s+day\s+later", 1),
    (r"на\s+(?:следующий|другой)\s+день|на\s+следующее\s+утро|наутро|спустя\s+день|днём\s+позже|днем\s+позже", 1),
    (r"келесі\s+күні|ертесі(?:\s+күні)?|ертеңіне|ертесіне", 1),
    (r"two\s+days\s+later|(?:через|спустя)\s+два\s+дня(?!\s+после)|два\s+дня\s+спустя|екі\s+күннен\s+(?:кейін|соң)", 2),
    (r"three\s+days\s+later|(?:через|спустя)\s+три\s+дня(?!\s+после)|три\s+дня\s+спустя"
     r"|үш\s+күннен\s+(?:кейін|соң)", 3),
    (r"a\s+week\s+later|(?:через|спустя)\s+неделю(?!\s+после)|неделю\s+спустя|(?:бір\s+)?аптадан\s+(?:кейін|соң)", 7),
)  # ("a day earlier" mostly dates a side remark: "the thirty guests who had come a day earlier"; "через два дня
# после нашего возвращения" is counted from the return it names, not from the day told before)


@cache
def _anaphoric_day_pattern() -> re.Pattern:
    return re.compile("|".join(rf"(?P<a{i}>{pattern})" for i, (pattern, _days) in enumerate(_ANAPHORIC_DAYS)),
                      re.IGNORECASE)


STORY_WINDOW_DAYS = 31  # the days before the article's date that its own story is told in


def anaphoric_days(text: str, found: Sequence[FoundDate], reference: date | None) -> list[FoundDate]:
    """"The same day", "на следующий день", "сол күні": each is the day of the last of ``found`` (the days of
    the text's events, as its caller judges them) written before it, moved, or the day before it refers to.
    "Today" is the day of writing, not of the events told (a quote's "сегодня"), so no day refers back to it."""
    today = reference.isoformat() if reference else None
    told = [d for d in found if not (d.counted_back and d.iso == today)]
    out: list[FoundDate] = []
    told = [d for d in told if not looks_back(text, d)]
    for match in _anaphoric_day_pattern().finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "-") or text[end:end + 1].isalnum():
            continue
        # "на следующий день, 16 апреля", "В среду, на следующий день после подписания": the written date says it
        if any(d.start < end and start < d.end or 0 <= d.start - end <= 4
               or d.end <= start and re.fullmatch(r",?\s*", text[d.end:start]) and not text[d.start:d.end].endswith(".")
               for d in found):
            continue
        before = sorted((d for d in (*told, *out) if d.end <= start and d.iso_end), key=lambda d: d.end)
        last = parse_iso(before[-1].iso_end) if before else None  # "the next day ... that same day"
        if last is not None and reference is not None and "\n" in text[before[-1].end:start] \
                and (reference - last).days > STORY_WINDOW_DAYS:
            # a paragraph that recalled an older event ("a Bursa delegation had first come on 12 May 2023") is
            # over: the next paragraph's "the next day" goes on from the story's own last day, if it told one
            days = [day for day in (parse_iso(d.iso_end) for d in before) if day is not None]
            last = next((day for day in reversed(days) if 0 <= (reference - day).days <= STORY_WINDOW_DAYS), last)
        if last is None:
            continue
        group = next(name for name, value in match.groupdict().items() if value)
        out.append(_counted_back(start, end, date.fromordinal(last.toordinal() + _ANAPHORIC_DAYS[int(group[1:])][1])))
    return out


@cache
def _ordinal_day_pattern() -> re.Pattern:
    """Russian days written as ordinal words before a month or "числа" ("Девятнадцатого сентября 2024 года",
    "двадцать первое мая", "четырнадцатого числа"): groups "o<day>" (longest stems first: "двадцать первого" is
    no "первого"), "month", "year", "of_this_month"."""
    stems = sorted(ru.ORDINAL_DAY_STEMS, key=lambda item: len(item[0]), reverse=True)
    ordinal = "|".join(f"(?P<o{day}>{stem})" for stem, day in stems)
    months = sorted(_month_words_by_lang()["ru"], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{ordinal}){ru.ORDINAL_ENDING}\s+(?:(?P<month>"
                      + "|".join(re.escape(m) for m in months) + r")(?![\w])(?:\s+(?P<year>(?:19|20)\d{2})(?!\d))?"
                      r"|(?P<of_this_month>числа))", re.IGNORECASE)


def _ordinal_days(text: str, reference: date | None, taken: list[tuple[int, int]]) -> list[FoundDate]:
    out = []
    for match in _ordinal_day_pattern().finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        day = int(next(name for name, value in match.groupdict().items() if value and name[0] == "o"
                       and name[1:].isdigit())[1:])
        if match.group("of_this_month"):
            if reference is not None and (found := _day_of_this_month(start, end, day, reference)) is not None:
                out.append(found)
            continue
        month = _month_words().get(match.group("month").lower())
        if month is None or not _valid(day, month):
            continue
        written_year = int(match.group("year")) if match.group("year") else None
        first = _resolve(day, month, written_year, reference)
        iso = first.isoformat() if first else None
        out.append(FoundDate(start=start, end=end, iso=iso, iso_end=iso, has_year=written_year is not None,
                             day=day, month=month, year=written_year))
    return out


def find_dates(text: str, *, lang: str | None = None, reference: date | str | None = None) -> list[FoundDate]:
    """All day-level dates in ``text``, in text order, without overlaps.

    ``lang`` is accepted for symmetry with the other extractors; month names of all three
    languages are recognised because articles quote each other. ``reference`` (a date or an ISO
    string, usually the article's date) supplies the year when the text gives only day and month.
    Bare years ("since 2018", "на 2026 год") are not event dates and are ignored.
    """
    del lang  # all supported languages are tried; see the docstring
    if isinstance(reference, str):
        reference = parse_iso(reference)
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken) or "\n" in match.group():
                continue  # (a date never runs across a line: "2018\n\n18 и 19 мая" is two dates)
            day, month = int(match.group("day")), _month_of(match)
            if month is None or not _valid(day, month):
                continue
            written_year = int(match.group("year")) if match.groupdict().get("year") else None
            first = _resolve(day, month, written_year, reference)
            last = first
            day2 = match.groupdict().get("day2")
            if day2 and first is not None:
                last = _resolve(int(day2), month, first.year, None)
                if last is None or last < first:
                    last = first
            taken.append((start, end))
            found.append(FoundDate(start=start, end=end,
                                   iso=first.isoformat() if first else None,
                                   iso_end=last.isoformat() if last else None,
                                   has_year=written_year is not None,
                                   day=day, month=month, year=written_year))
    ordinal = _ordinal_days(text, reference, taken)
    found += ordinal
    taken += [(d.start, d.end) for d in ordinal]
    if reference is not None:
        found = _with_year_of_the_headline(text, found, reference)
    found = _with_year_of_the_sentence(text, found)
    if reference is not None:
        found = _with_relative_year(text, found, reference)
        found += _weekdays(text, reference, taken)
        found += _relative_days(text, reference, [*taken, *((d.start, d.end) for d in found)])
        found += _the_day_before(text, reference, [*taken, *((d.start, d.end) for d in found)])
        found += _days_of_this_month(text, reference, [*taken, *((d.start, d.end) for d in found)])
    found.sort(key=lambda d: d.start)
    return found


# A year a sentence gives its time in: a month of a year ("в апреле 2022 года", "in April 2022", "2024 жылдың
# мамырында"), or a year after a preposition of time ("in 2018", "in the autumn of 2023", "в 2018 году",
# "2018 жылы"). Not "since 2014", "с 2014 года", "на 2026 год", "the 2019 agreement": a span or a name, no time.
_YEAR_OF_TIME = re.compile(r"(?:\b(?:in|of|during)\s+(?P<en>(?:19|20)\d{2})(?![\d\w-])"
                           r"|(?<![\w-])(?:в|во)\s+(?P<ru>(?:19|20)\d{2})\s*(?:году|г\.)"
                           r"|(?<![\d\w-])(?P<kk>(?:19|20)\d{2})\s*(?:жылы|ж\.)(?![\w]))", re.IGNORECASE)
# "on July 2 of that year", "того же года", "сол жылғы 12 мамырда": the year last written before
_THAT_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?that\s+(?:same\s+)?year|\s+того\s+же\s+года", re.IGNORECASE)
_THAT_YEAR_BEFORE = re.compile(r"(?:сол|дәл\s+сол)\s+жылғы\s+$", re.IGNORECASE)
# where a sentence ends: a stop before a capital letter or a quotation, or a line break
_SENTENCE_END = re.compile(r"[.!?][\"»”]?\s+(?=[\"«“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\n")


def _years_written(text: str, found: Sequence[FoundDate], *, any_year: bool = False) -> list[tuple[int, int]]:
    """(end, year) of every year the text writes as the time of something: days with their year, months of a
    year, years after a preposition of time; with ``any_year``, every year it writes ("that year" is the last)."""
    out = [(d.end, d.year) for d in found if d.has_year and d.year is not None]
    for match in _period_pattern().finditer(text):
        written = match.group("year") or match.group("year2") or (match.group("bare") if any_year else None)
        if written and (any_year or match.group("month") or match.group("mkk")):
            out.append((match.end(), int(written)))
    out += [(m.end(), int(m.group("en") or m.group("ru") or m.group("kk"))) for m in _YEAR_OF_TIME.finditer(text)]
    return sorted(out)


def _with_year_of_the_sentence(text: str, found: list[FoundDate]) -> list[FoundDate]:
    """Days written without a year in a sentence that gives its year before them ("В апреле 2022 года делегация
    провела три дня в Самарканде, с 5 по 7 апреля"; "In the autumn of 2023 a delegation travelled to Gaziantep,
    arriving on 12 October"), or that say "of that year": that year's, not the latest such day before the article's
    date. A retrospective story tells old years' days this way."""
    if not any(d.year is None and not d.counted_back for d in found):
        return found
    years, any_years = _years_written(text, found), None
    months_of_years: list[tuple[int, int, int]] | None = None  # read on first need
    out = []
    for d in found:
        if d.year is not None or d.counted_back:
            out.append(d)
            continue
        if _THAT_YEAR_AFTER.match(text, d.end) or _THAT_YEAR_BEFORE.search(text[max(0, d.start - 20):d.start]):
            any_years = any_years or _years_written(text, found, any_year=True)
            before = [(end, year) for end, year in any_years if end <= d.start]
        else:
            before = [(end, year) for end, year in years
                      if end <= d.start and not _SENTENCE_END.search(text, end, d.start)] \
                or _year_of_its_month(d, years, months_of_years := (
                    _months_of_years(text, found) if months_of_years is None else months_of_years))
        if not before:
            out.append(d)
            continue
        first = _resolve(d.day, d.month, before[-1][1], None)
        if first is None:
            out.append(d)
            continue
        span = (parse_iso(d.iso_end) or first) - (parse_iso(d.iso) or first) if d.iso else timedelta(0)
        out.append(replace(d, iso=first.isoformat(), iso_end=(first + span).isoformat()))
    return out


HEADLINE_CHARS = 200  # a first line this short, before a blank line, is a headline
_A_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")


def _with_year_of_the_headline(text: str, found: list[FoundDate], reference: date) -> list[FoundDate]:
    """Days written without a year in a story whose headline names one year, the article's or the one before it
    ("Turkistan region's 2023 in review", "чем запомнился Шымкенту 2025-й", "Шымкенттің 2023 жылғы шежіресі"):
    that year's, not the latest such day near the article's date ("On 18 April" in a review of 2023 filed in April
    2024; "21 января" in one of 2025 filed on 26 December). A sentence's own year still comes first."""
    headline, blank, _body = text.partition("\n\n")
    if not blank or len(headline) > HEADLINE_CHARS or any(d.start < len(headline) for d in found):
        return found
    years = {int(y) for y in _A_YEAR.findall(headline)}
    if len(years) != 1 or (year := years.pop()) not in (reference.year, reference.year - 1):
        return found
    out = []
    for d in found:
        day = _resolve(d.day, d.month, year, None) if d.year is None and not d.counted_back else None
        if day is None or day > reference:
            out.append(d)
            continue
        span = (parse_iso(d.iso_end) or day) - (parse_iso(d.iso) or day) if d.iso else timedelta(0)
        out.append(replace(d, iso=day.isoformat(), iso_end=(day + span).isoformat()))
    return out


def _months_of_years(text: str, found: Sequence[FoundDate]) -> list[tuple[int, int, int]]:
    """(end, month, year) of every month the text writes with its year ("in April 2024", "в апреле 2024 года",
    "2024 жылдың сәуірінде")."""
    out = []
    for period in _written_periods(text, [(d.start, d.end) for d in found]):
        if period.month is not None and period.year is not None:
            out.append((period.end, period.month, period.year))
    return out


def _year_of_its_month(day: FoundDate, years: list[tuple[int, int]],
                       months_of_years: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The year of a day written without one in a later sentence than its month's year: "Officials spent three
    days in Tashkent in April 2024 ... The delegation was there from 22 to 24 April." The month must be the
    day's, and no other year may be written between them (then the day is that other year's story)."""
    month = next((m for m in reversed(months_of_years) if m[0] <= day.start), None)
    if month is None or month[1] != day.month or any(month[0] < end <= day.start for end, _ in years):
        return []
    return [(month[0], month[2])]


# What may stand between a day and the relative year that is its year: "10 September last year", "September 10
# of last year", "в прошлом году 12 сентября", "last year on 5 March" (no comma after the day: "on 10 September,
# last year's deal" is two phrases)
_YEAR_AFTER_DAY = re.compile(r"\s+(?:of\s+)?")
_YEAR_BEFORE_DAY = re.compile(r"[\s,]+(?:on\s+)?")


def _with_relative_year(text: str, found: list[FoundDate], reference: date) -> list[FoundDate]:
    """Days written without a year whose year a relative year beside them gives ("12 сентября прошлого года",
    "былтыр 5 наурызда"): that year's, not the latest such day before the reference."""
    years = [p for p in _relative_periods(text, reference) if p.month is None and p.year is not None]
    out = []
    for found_date in found:
        year = next((p.year for p in years if found_date.year is None and (
            _YEAR_AFTER_DAY.fullmatch(text, found_date.end, p.start)
            or _YEAR_BEFORE_DAY.fullmatch(text, p.end, found_date.start))), None)
        first = _resolve(found_date.day, found_date.month, year, None) if year is not None else None
        if first is None:
            out.append(found_date)
            continue
        span = (parse_iso(found_date.iso_end) or first) - (parse_iso(found_date.iso) or first)
        out.append(replace(found_date, iso=first.isoformat(), iso_end=(first + span).isoformat()))
    return out


@dataclass(frozen=True, slots=True)
class FoundPeriod:
    """A month or a year written without a day: ``text[start:end]``; either part may be None."""

    start: int
    end: int
    year: int | None
    month: int | None

    def holds(self, day: date) -> bool:
        """Can ``day`` lie in this period ("April" holds 2018-04-12, "2014" does not hold 2024-10-03)?"""
        return (self.year is None or self.year == day.year) and (self.month is None or self.month == day.month)


@cache
def _period_pattern() -> re.Pattern:
    words: set[str] = set()
    kazakh: set[str] = set()
    for lang, by_word in _month_words_by_lang().items():
        for word in by_word:
            if len(word) < 4:
                continue  # "may", "sep", "сен": abbreviations and a modal verb, not a period of their own
            (kazakh if lang == "kk" else words).add(word)
            if lang == "ru" and word.endswith(("ь", "й")):
                # prepositional and genitive: "в сентябре", "в конце сентября" ("май" is too short: below)
                words.update((word[:-1] + "е", word[:-1] + "я"))
            elif lang == "ru" and not word.endswith(("а", "е", "я")):
                words.update((word + "е", word + "а"))  # "в марте", "в начале августа"
    words.update(("мае", "мая"))
    kazakh -= words
    # only a Kazakh month takes endings ("наурызда"); a Russian or English one is a whole word ("Мартинес" is
    # a surname, not March)
    month = ("(?P<month>" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
             "|(?P<mkk>" + "|".join(re.escape(w) for w in sorted(kazakh, key=len, reverse=True)) + ")" + _KK_SUFFIX)
    month = f"(?:{month})"
    year = r"(?P<year>(?:19|20)\d{2})(?!\s*[-–—]\s*\d)(?!\d)"
    return re.compile(rf"(?<![\w-])(?:{year}\s*(?:ж\.|жылғы|жылы|жылдың|жылдан)?\s+)?{month}(?![\w])"
                      rf"(?:,?\s+(?P<year2>(?:19|20)\d{{2}})(?!\d))?"
                      rf"|(?<![\d\w.–—-])(?P<bare>(?:19|20)\d{{2}})(?!\s*[-–—]\s*\d)(?![\d\w])", re.IGNORECASE)


# What dateparser's locales lack of the relative years and months a report writes: a bare "год назад" (a year
# ago), the Kazakh adverb "былтыр" (last year) and "өткен жылы"; each is (pattern, years back, months back).
_MORE_RELATIVE = ((r"(?:a|one)\s+year\s+ago", 1, 0), (r"год\s+назад", 1, 0), (r"(?:бір\s+)?жыл\s+бұрын", 1, 0),
                  (r"былтыр\w*", 1, 0), (r"өткен\s+жыл\w*", 1, 0), (r"биыл\w*", 0, 0),
                  # the genitive a date takes: "12 сентября прошлого года"
                  (r"прошлого\s+года", 1, 0), (r"позапрошлого\s+года", 2, 0),
                  (r"(?:этого|текущего|нынешнего|сего)\s+года", 0, 0))


@cache
def _relative_period_pattern() -> re.Pattern:
    """"last year", "в прошлом году", "былтырғы жылы", "this month", "3 года назад": a year or month counted
    back from the reference (dateparser's relative words, and ``_MORE_RELATIVE``). Groups "p<i>_<years>_<months>"
    or, for a number written in the text, "n<i>_<unit>" with the number in group "num<i>"."""
    from dateparser.languages.loader import default_loader

    parts = []
    fixed = list(_MORE_RELATIVE)  # (pattern, years back, months back)
    numbered = []  # (pattern with the number's group, "y" or "m")
    for lang in DATE_LANGS:
        info = default_loader.get_locale(lang).info
        for key, words in info.get("relative-type", {}).items():
            back = re.fullmatch(r"([01]) (year|month) ago", key)
            if back:
                n = int(back.group(1))
                years, months = (n, 0) if back.group(2) == "year" else (0, n)
                fixed += [(r"\s+".join(map(re.escape, w.split())), years, months) for w in words if len(w) > 6]
        for key, patterns in info.get("relative-type-regex", {}).items():
            if re.fullmatch(r"\\1 (?:year|month) ago", key):
                numbered += [(p.replace("++", "+").replace("*+", "*"), "y" if "year" in key else "m")
                             for p in patterns if " " in p]
    for i, (pattern, years, months) in enumerate(fixed):
        parts.append(f"(?P<p{i}_{years}_{months}>{pattern})")
    for i, (pattern, unit) in enumerate(numbered):  # the number from the text: "(\d+[.,]?\d*) года назад"
        with_number = pattern.replace("(", f"(?P<num{i}>", 1)
        parts.append(f"(?P<n{i}_{unit}>{with_number})")
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


# A count of years written in words ("он жыл бұрын", "десять лет назад", "ten years ago"): dateparser reads digits
# only, and the bare "жыл бұрын" inside it is no "a year ago". "Several" counts as two: at least that far back.
_YEAR_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "fifteen": 15, "twenty": 20, "thirty": 30, "several": 2, "few": 2,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "пятнадцать": 15, "двадцать": 20, "тридцать": 30, "несколько": 2,
    "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    "он бес": 15, "жиырма": 20, "отыз": 30, "бірнеше": 2,
}
_YEAR_COUNT = re.compile(
    r"(?<![\w-])(?:a\s+)?(?P<count>" + "|".join(sorted(map(re.escape, _YEAR_COUNT_WORDS), key=len, reverse=True))
    + r")\s+(?:years?\s+ago|(?:лет|года)\s+назад|жыл\s+бұрын)(?![\w-])", re.IGNORECASE)


def _counted_years_back(text: str, reference: date) -> list[FoundPeriod]:
    return [FoundPeriod(m.start(), m.end(), reference.year - _YEAR_COUNT_WORDS[m.group("count").lower()], None)
            for m in _YEAR_COUNT.finditer(text)]


def _relative_periods(text: str, reference: date) -> list[FoundPeriod]:
    counted = _counted_years_back(text, reference)
    out = list(counted)
    for match in _relative_period_pattern().finditer(text):
        group = next(name for name, value in match.groupdict().items() if value and not name.startswith("num"))
        if group.startswith("p") and any(c.start < match.end() and match.start() < c.end for c in counted):
            continue  # (the "жыл бұрын" of "он жыл бұрын")
        if group.startswith("p"):
            _i, years, months = group[1:].split("_")
            years_back, months_back = int(years), int(months)
        else:
            number = match.group("num" + group[1:].split("_")[0])
            if not number.isdigit():
                continue
            years_back, months_back = (int(number), 0) if group.endswith("_y") else (0, int(number))
        month_index = reference.year * 12 + reference.month - 1 - months_back
        year = month_index // 12 - years_back
        out.append(FoundPeriod(match.start(), match.end(), year,
                               month_index % 12 + 1 if group.startswith("p") and months_back or
                               group.endswith("_m") else None))
    return out


def find_periods(text: str, *, reference: date | str | None = None) -> list[FoundPeriod]:
    """Months and years written without a day ("in April", "в сентябре 2018 года", "2024 жылдың мамырында",
    "in 2014"): when an event happened, at a coarser grain than ``find_dates``. Day-level dates and year
    ranges ("2025-2027", a plan's span) are not periods; an English month counts only capitalised. With a
    ``reference`` (the article's date), "last year", "в прошлом месяце", "былтыр", "два года назад" too."""
    if isinstance(reference, str):
        reference = parse_iso(reference)
    out = _relative_periods(text, reference) if reference is not None else []
    out += _written_periods(text, [(d.start, d.end) for d in find_dates(text)])
    return _month_of_year(text, sorted(out, key=lambda p: p.start))


# a year that ends a span ("программа до 2025 года", "на 2026 год", "until 2025", "2025 жылға дейін") is no time an
# event happened (the year a tie has lasted since is when it began: "partners since 2012")
_SPAN_BEFORE_YEAR = re.compile(r"(?<![\w-])(?:до|по|на|until|till|through)\s+$", re.IGNORECASE)
_SPAN_AFTER_YEAR = re.compile(r"\s*жыл\w*\s+дейін", re.IGNORECASE)


def _written_periods(text: str, days: Sequence[tuple[int, int]]) -> list[FoundPeriod]:
    """The months and years ``text`` writes outside the ``days`` (spans of day-level dates)."""
    out = []
    for match in _period_pattern().finditer(text):
        start, end = match.span()
        if any(start < e and s < end for s, e in days):
            continue
        if match.group("bare"):
            if not _SPAN_BEFORE_YEAR.search(text, max(0, start - 12), start) and not _SPAN_AFTER_YEAR.match(text, end):
                out.append(FoundPeriod(start, end, int(match.group("bare")), None))
            continue
        word = match.group("month") or match.group("mkk")
        if word.isascii() and not word[:1].isupper():
            continue
        word_start = match.start("month") if match.group("month") else match.start("mkk")
        if not word.isascii() and word[:1].isupper() \
                and text[:word_start].rstrip(" \t")[-1:] not in ("", ".", "!", "?", "\n", "«", '"'):
            continue  # a Russian or Kazakh month is written in lower case: "Мая Плисецкая" is a name
        lower = word.lower()
        number = _month_words().get(lower) or _month_words().get(lower[:-1]) \
            or _month_words().get(lower[:-1] + "ь") or _month_words().get(lower[:-1] + "й")
        written = match.group("year") or match.group("year2")
        out.append(FoundPeriod(start, end, int(written) if written else None, number))
    return out


_BETWEEN_MONTH_AND_YEAR = re.compile(r"\s*(?:of\s+)?")


def _month_of_year(text: str, periods: list[FoundPeriod]) -> list[FoundPeriod]:
    """A month next to a year said apart ("в октябре прошлого года", "in October of last year", "өткен жылдың
    қазанында", "былтыр қазанда") is one period: that month of that year."""
    out: list[FoundPeriod] = []
    for period in periods:
        last = out[-1] if out else None
        if last is not None and _BETWEEN_MONTH_AND_YEAR.fullmatch(text, last.end, period.start) \
                and (last.year is None) != (period.year is None) and (last.month is None) != (period.month is None):
            out[-1] = FoundPeriod(last.start, period.end, last.year or period.year, last.month or period.month)
        else:
            out.append(period)
    return out


def parse_iso(value: str | None) -> date | None:
    """'2025-04-14' -> date; anything else -> None (article dates may be missing or partial)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        log.debug("not an ISO date: %r", value)
        return None
