"""Article files -> Article values: decoding, front matter, headline, date, language, source, body.

``Article.text`` is the whole decoded file, unchanged (CRLF kept), because every offset elsewhere
indexes it. Everything derived (title, body ranges) points back into that string.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from dashboard import dates
from dashboard.errors import ArticleError
from dashboard.files import read_bytes
from dashboard.lang import kk, ru
from dashboard.models import Article, SkippedFile
from dashboard.settings import PACKAGE_DATA_DIR

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # a news article is kilobytes; 10 MB is a wrong file, not an article
TITLE_MAX = 140
ANALYSED_CHARS = 50_000  # ten long news articles; see _within_budget

_FURNITURE_FILE = PACKAGE_DATA_DIR / "furniture.json"
_HEADER_DATE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FRONT_LINE = re.compile(r"^(title|date|source|url)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_DOMAIN_LINE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:kz|ru|com|org|net|uz|kg|info|news|gov\.kz)$", re.IGNORECASE)
# "Астана. 12 февраля. KAZAKHSTAN TODAY - ..." : an all-caps outlet name in a dateline
_DATELINE_SOURCE = re.compile(r"^[^\n.]{2,40}\.\s+[^\n.]{3,30}\.\s+([A-ZА-ЯЁ][A-ZА-ЯЁ0-9 .&-]{3,40}?)\s+[-–—]\s")
# "ASTANA – A delegation ...": the dateline city is not part of a readable title
_DATELINE_PREFIX = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{2,30}\s+[-–—]\s+")
_SENTENCE_END = re.compile(rf"(?<=[.!?…])[\"»”']?\s+(?=[\"«“A-ZА-ЯЁ{kk.LETTERS_UPPER}0-9])")


@cache
def _furniture() -> dict:
    """Page-furniture phrases kept as data (geodata is for places; this is about web pages)."""
    return json.loads(_FURNITURE_FILE.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------- decoding


def decode(raw: bytes, path: str) -> tuple[str, list[str]]:
    """Bytes -> text. UTF-8 first; BOMs and Windows-1251 are recognised with a warning; binary refused."""
    warnings: list[str] = []
    if not raw.strip():
        raise ArticleError(path, "the file is empty")
    if len(raw) > MAX_BYTES:
        raise ArticleError(path, f"the file is {len(raw):,} bytes; articles are limited to {MAX_BYTES:,} bytes")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ArticleError(path, f"starts with a UTF-16 byte order mark but does not decode: {err}") from err
        warnings.append("decoded as UTF-16 (byte order mark)")
        text = text.lstrip("\ufeff")
    else:
        if b"\x00" in raw:
            raise ArticleError(path, "looks binary (contains NUL bytes), not a text article")
        try:
            text = raw.decode("utf-8")
            if text.startswith("\ufeff"):
                warnings.append("UTF-8 byte order mark ignored")
        except UnicodeDecodeError:
            text = raw.decode("cp1251", errors="replace")
            if not _looks_cyrillic(text):
                raise ArticleError(path, "is neither UTF-8 nor Windows-1251 text") from None
            warnings.append("not UTF-8; decoded as Windows-1251")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    if controls > max(8, len(text) // 100):
        raise ArticleError(path, f"looks binary ({controls} control characters), not a text article")
    if not text.strip("\ufeff \r\n\t"):
        raise ArticleError(path, "the file has no text")
    return text, warnings


def _looks_cyrillic(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters) > 0.5


# ---------------------------------------------------------------------------------------- lines


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for each line of ``text[start:]``, without line ends; offsets index ``text``."""
    pos = start
    for raw in text[start:].splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        yield pos, pos + len(line), line
        pos += len(raw)


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip(" \t\ufeff-–—:•|")).casefold()


def _is_nav_line(line: str) -> bool:
    return _norm(line) in _furniture()["navigation"]


def _is_cut_line(line: str) -> bool:
    norm = _norm(line)
    return any(norm.startswith(cut) for cut in _furniture()["cut"])


def _is_credit_line(line: str) -> bool:
    norm = _norm(line)
    return any(norm.startswith(p) for p in _furniture()["credit_prefixes"]) and len(norm) < 80


# ---------------------------------------------------------------------------------------- parsing


def parse_article(text: str, *, path: str, article_id: str, warnings: Iterable[str] = ()) -> Article:
    """Decoded text -> Article. Never raises for odd content: what is guessed becomes a warning."""
    warns = list(warnings)
    meta: dict[str, str] = {}
    pos = 0

    front = _front_matter(text)
    if front is not None:
        meta, pos = front
    header = _HEADER_DATE.match(text, pos)
    header_date = None
    if header:
        header_date = header.group(1)
        pos = header.end()

    date_str, date_warn = _pick_date(meta.get("date") or header_date)
    if date_warn:
        warns.append(date_warn)

    ranges: list[tuple[int, int]] = []
    source = meta.get("source") or None
    headline: tuple[int, int] | None = None
    dateline_date = None
    seen_content = False
    for start, end, line in _lines(text, pos):
        stripped = line.strip()
        if not stripped:
            continue
        if seen_content and _is_cut_line(stripped):
            break  # "Читайте также", "Популярные новости": the rest is other articles' headlines
        if _is_nav_line(stripped) or _is_cut_line(stripped) or _is_credit_line(stripped):
            continue
        if _DOMAIN_LINE.match(stripped) and len(stripped) < 40:
            source = source or stripped  # a bare outlet line such as "Zakon.kz"
            continue
        if dateline_date is None and not seen_content:
            only_date = _only_date(stripped, None)
            if only_date:
                dateline_date = only_date
                continue
        seen_content = True
        if headline is None and not ranges and _is_headline(stripped, text, end):
            lead = len(line) - len(line.lstrip())
            headline = (start + lead, start + lead + len(stripped))
        ranges.append((start, end))

    lang = detect_language(text[pos:])
    if not ranges:
        warns.append("no article text after removing page furniture")
    ranges = _within_budget(ranges, warns)
    if date_str is None and dateline_date:
        date_str = dateline_date
    if date_str is None:
        date_str = _date_from_text(text, ranges, lang)
        if date_str:
            warns.append(f"date {date_str} {DATE_GUESSED}")
    if source is None:
        source = _source_from_text(text, ranges)

    title = meta.get("title") or (text[headline[0]:headline[1]] if headline else _first_sentence(text, ranges))
    if not title:
        title = article_id
        warns.append("no title found; using the file name")
    return Article(id=article_id, path=path, text=text, title=_clip(title), date=date_str, lang=lang,
                   source=source, url=meta.get("url") or None, body_ranges=tuple(ranges), warnings=tuple(warns))


def _within_budget(ranges: list[tuple[int, int]], warns: list[str]) -> list[tuple[int, int]]:
    """Keep the body to ANALYSED_CHARS: a news article is a few thousand characters, and a huge file
    (a whole site dump) must not stall the build for everyone. The text itself stays whole."""
    total = sum(e - s for s, e in ranges)
    if total <= ANALYSED_CHARS:
        return ranges
    kept: list[tuple[int, int]] = []
    budget = ANALYSED_CHARS
    for s, e in ranges:
        if budget <= 0:
            break
        kept.append((s, min(e, s + budget)))
        budget -= e - s
    warns.append(f"the article has {total:,} characters of text; only the first {ANALYSED_CHARS:,} are analysed")
    return kept


# The longest value a front-matter field holds; a longer line that starts "Source:" is the article's text.
_FRONT_VALUE_MAX = {"title": 300, "date": 40, "source": 120, "url": 2048}


def _front_matter(text: str) -> tuple[dict[str, str], int] | None:
    """Optional ``key: value`` lines at the very top, ended by a blank line."""
    meta: dict[str, str] = {}
    for start, _end, line in _lines(text):
        if not line.strip():
            return (meta, start) if meta else None
        m = _FRONT_LINE.match(line.lstrip("\ufeff"))
        if not m or len(m.group(2)) > _FRONT_VALUE_MAX[m.group(1).lower()]:
            return None  # "Source: United States House ... Headline: ..." runs on: a paragraph, not a field
        meta[m.group(1).lower()] = m.group(2)
    return None  # no blank line after the keys: this is not front matter, just text


def _pick_date(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            return None, f"header date {value!r} is not a real date; ignored"
        if parsed > date.today():
            return value, f"header date {value} is in the future"
        return value, None
    return None, f"header date {value!r} is not YYYY-MM-DD; ignored"


def _is_headline(line: str, text: str, end: int) -> bool:
    """A short line that stands alone (a person would name it as the headline)."""
    if len(line) > 220 or len(line) < 12:
        return False
    if re.search(r"[.!?…]\s*$", line) and not line.endswith("..."):
        return False  # headlines rarely end with a full stop; a one-sentence paragraph does
    return text[end:end + 2] in ("\n", "\r\n", "\r") or text[end:end + 1] in ("\n", "\r", "")


def _first_sentence(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return ""
    para = _DATELINE_PREFIX.sub("", text[ranges[0][0]:ranges[0][1]].strip(), count=1)
    parts = _SENTENCE_END.split(para, maxsplit=1)
    return parts[0].strip()


def _clip(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) <= TITLE_MAX:
        return title
    cut = title[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """en / ru / kk. Kazakh letters (әғқңөұүһі) decide kk, counted per word against Russian function
    words, so a quoted Kazakh name («Қазақстан темір жолы») in a Russian text does not flip it."""
    sample = text[:20000]
    cyr = lat = 0
    kk_words = ru_words = 0
    for word in _WORD.findall(sample):
        if word.isascii():
            lat += len(word)
            continue
        cyr += len(word)
        if kk.has_letters(word):
            kk_words += 1
        elif word.casefold() in ru.FUNCTION_WORDS:
            ru_words += 1
    if cyr > lat:
        return "kk" if kk_words > ru_words else "ru"
    return "en"


# a year the text itself places in the present: a plan "на 2026 год", "2026 жылға", "for 2026", "this 2026"
DATELINE_AFTER_EVENT_DAYS = 45  # how long after an event the body dates in full its report may be filed
_CURRENT_YEAR = re.compile(r"\bна\s+(\d{4})\s+год|\b(\d{4})\s+жылға\b|\bfor\s+(\d{4})\b|\bв\s+этом\s+(\d{4})|"
                           r"\bбиылғы\s+(\d{4})|\bthis\s+year\s*\(?(\d{4})", re.IGNORECASE)


def _only_date(line: str, lang: str | None) -> str | None:
    """A line that is nothing but a date ("29 September 2018"): the publication date."""
    if len(line) > 40 or not re.search(r"\d{4}", line):
        return None
    found = dates.find_dates(line, lang=lang)
    if len(found) == 1 and found[0].has_year and len(line.strip(" .,")) - (found[0].end - found[0].start) < 6:
        return found[0].iso
    return None


DATE_GUESSED = "guessed from the text"  # the warning's words for a date read from the body, not the header


def date_guessed(article: Article) -> bool:
    """Was the article's date read from its body (its first written date) rather than given by a header, front
    matter or a line of its own? Such a date may be a dateline's or the first event's."""
    return any(w.endswith(DATE_GUESSED) for w in article.warnings)


def _date_from_text(text: str, ranges: list[tuple[int, int]], lang: str) -> str | None:
    """The first explicit date in the body; a day and month alone only when the text names the year."""
    body = "\n".join(text[s:e] for s, e in ranges)
    found = dates.find_dates(body, lang=lang)
    if not found:
        return None
    first = found[0]
    if first.has_year:
        return first.iso
    # "Туркестан, 9 декабря" over a body that writes "2 декабря 2024 года": the dateline is that year's, filed a
    # few days after the events the body dates in full
    filed = []
    for written in found:
        if not written.has_year or written.iso is None:
            continue
        event = date.fromisoformat(written.iso)
        with contextlib.suppress(ValueError):
            candidate = date(event.year, first.month, first.day)
            if 0 <= (candidate - event).days <= DATELINE_AFTER_EVENT_DAYS:
                filed.append(candidate)
    if filed:
        return min(filed).isoformat()
    years = sorted(int(y) for m in _CURRENT_YEAR.finditer(body) for y in m.groups() if y)
    if not years:
        return None  # "12 февраля" with nothing placing it in time: no guessed year
    try:
        guess = date(years[0], first.month, first.day)
    except ValueError:  # 29 February
        return None
    return guess.isoformat() if guess <= date.today() else None


def _source_from_text(text: str, ranges: list[tuple[int, int]]) -> str | None:
    outlets = _furniture()["outlets"]
    head = "\n".join(text[s:e] for s, e in ranges[:3])
    m = _DATELINE_SOURCE.match(head)
    if m:
        return m.group(1).strip()
    lowered = head.casefold()
    for outlet in outlets:
        if outlet.casefold() in lowered:
            return outlet
    return None


# ---------------------------------------------------------------------------------------- files


def article_from_bytes(raw: bytes, *, path: str, article_id: str) -> Article:
    """Decode and parse one file's bytes. Raises ArticleError naming ``path`` and the reason."""
    text, warns = decode(raw, path)
    return parse_article(text, path=path, article_id=article_id, warnings=warns)


def _read(path: Path, shown: str) -> bytes:
    return read_bytes(path, ArticleError, shown=shown, missing="no such file or folder")


def load_article(path: str | Path, *, display_path: str | None = None) -> Article:
    """Read one file. Raises ArticleError naming the file and the reason."""
    path = Path(path)
    shown = display_path or str(path)
    return article_from_bytes(_read(path, shown), path=shown, article_id=path.stem)


def load_text(text: str, *, article_id: str, path: str = "<pasted>", title: str | None = None,
              date_str: str | None = None, source: str | None = None, url: str | None = None) -> Article:
    """An article a user pasted; explicit fields win over what the text suggests."""
    if not text.strip():
        raise ArticleError(path, "the text is empty")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ArticleError(path, f"the text is longer than {MAX_BYTES:,} bytes")
    article = parse_article(text, path=path, article_id=article_id)
    changes: dict = {}
    if title and title.strip():
        changes["title"] = _clip(title)
    if source and source.strip():
        changes["source"] = source.strip()
    if url and url.strip():
        changes["url"] = url.strip()
    if date_str and date_str.strip():
        picked, warn = _pick_date(date_str)
        if warn:
            changes["warnings"] = (*article.warnings, warn)
        if picked:
            changes["date"] = picked
    return replace(article, **changes) if changes else article


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand folders to their *.txt files (sorted); keep files and '-' (stdin) as given."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        p = Path(p)
        if p.is_dir():
            yield from sorted(x for x in p.iterdir() if x.is_file() and x.suffix.lower() == ".txt")
        else:
            yield p


@dataclass(frozen=True, slots=True)
class RawFile:
    """An article file's bytes before decoding: enough to look it up in the processed-article cache."""

    path: str
    article_id: str
    raw: bytes


def read_files(paths: Iterable[str | Path], *, stdin_text: str | None = None
               ) -> Iterator[RawFile | SkippedFile]:
    """Each file's bytes, or a SkippedFile naming why it cannot be read; '-' reads stdin."""
    for p in iter_paths(paths):
        try:
            if isinstance(p, str):  # "-": stdin
                import sys

                raw = stdin_text.encode("utf-8") if stdin_text is not None else sys.stdin.buffer.read()
                yield RawFile(path="<stdin>", article_id="stdin", raw=raw)
            else:
                yield RawFile(path=str(p), article_id=p.stem, raw=_read(p, str(p)))
        except ArticleError as err:
            log.warning("skipped %s", err)
            yield SkippedFile(path=err.path, reason=err.reason)


def parse_file(item: RawFile) -> Article:
    return article_from_bytes(item.raw, path=item.path, article_id=item.article_id)


def load_paths(paths: Iterable[str | Path], *, stdin_text: str | None = None
               ) -> tuple[list[Article], list[SkippedFile]]:
    """Load every article; a bad file is skipped with its reason, the rest still load."""
    articles: list[Article] = []
    skipped: list[SkippedFile] = []
    for item in read_files(paths, stdin_text=stdin_text):
        if isinstance(item, SkippedFile):
            skipped.append(item)
            continue
        try:
            articles.append(parse_file(item))
        except ArticleError as err:
            log.warning("skipped %s", err)
            skipped.append(SkippedFile(path=err.path, reason=err.reason))
    return articles, skipped
