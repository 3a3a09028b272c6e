"""An RSS or Atom feed -> its items (feedparser, which reads every RSS and Atom dialect and survives broken XML).

Fetching goes through ``fetch.get`` (the same politeness and the same refusal of private networks).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from dashboard.errors import FetchError
from dashboard.library import fetch

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Item:
    entry: str  # the entry's id, else its link: what tells one item from another across checks
    url: str | None  # the article's address; None for a broken entry
    title: str | None
    date: str | None  # YYYY-MM-DD when the feed gives one


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    url: str
    title: str | None
    items: tuple[Item, ...]


def parse(body: bytes, *, url: str) -> ParsedFeed:
    """The feed's items in the feed's order. FetchError when the bytes are no feed at all."""
    doc = feedparser.parse(body)
    if not doc.entries and (doc.get("bozo") or not doc.get("feed")):
        reason = doc.get("bozo_exception")
        raise FetchError(url, f"this is not an RSS or Atom feed ({reason})" if reason else "this is not a feed")
    items = []
    for entry in doc.entries:
        link = entry.get("link")
        link = urljoin(url, link) if link else None
        ident = entry.get("id") or link or entry.get("title")
        if not ident:
            continue  # nothing tells this entry from another: it cannot be followed
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(Item(entry=str(ident), url=link, title=entry.get("title"),
                          date=time.strftime("%Y-%m-%d", stamp) if stamp else None))
    return ParsedFeed(url=url, title=doc.feed.get("title") if doc.get("feed") else None, items=tuple(items))


def read(url: str, *, allow_private: bool = False, resolver: fetch.Resolver = fetch.system_resolver,
         timeout_s: float = fetch.TIMEOUT_S) -> ParsedFeed:
    response = fetch.get(url, allow_private=allow_private, resolver=resolver, timeout_s=timeout_s)
    return parse(response.body, url=response.url)
