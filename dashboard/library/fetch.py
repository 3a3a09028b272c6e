"""A web page's address -> its article: polite HTTP, no private networks, trafilatura for the text.

Polite: our User-Agent, a timeout, a size limit, http and https only, at most a few redirects.
Safe for a hosted app: the host's addresses are resolved first and a loopback, private, link-local or
otherwise non-public one is refused (unless ``allow_private``), for every redirect too; the connection then
goes to the address that was checked, so a second DNS answer cannot point it elsewhere.
The page's main text, title, date, author and outlet come from trafilatura, the library made for it.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import trafilatura
import urllib3

from dashboard.errors import FetchError
from dashboard.settings import FETCH_USER_AGENT

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024  # a news page is well under a megabyte of HTML
MAX_REDIRECTS = 5
TIMEOUT_S = 15.0  # connect, each read, and the whole download
MIN_TEXT_CHARS = 80  # less than this is no article (a login wall, a gallery, an error page)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class Page:
    """What a page holds as an article."""

    url: str
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    author: str | None
    source: str | None  # the outlet's name, else the host


def system_resolver(host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]  # an address written out needs no lookup
    except ValueError:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def get(url: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES, timeout_s: float = TIMEOUT_S,
        resolver: Resolver = system_resolver) -> Response:
    """GET ``url`` as described above. FetchError says why not (in words, naming the address)."""
    deadline = time.monotonic() + timeout_s
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(current, "only http:// and https:// addresses can be added")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            addresses = resolver(parts.hostname, port)
        except (OSError, UnicodeError) as err:
            raise FetchError(current, f"the host {parts.hostname!r} cannot be found ({err})") from err
        if not addresses:
            raise FetchError(current, f"the host {parts.hostname!r} has no address")
        if not allow_private and not all(_public(a) for a in addresses):
            raise FetchError(current, "the address is on a private, loopback or link-local network; this "
                                      "app does not fetch those (set SHYMKENT_ALLOW_PRIVATE_URLS=1 to allow, "
                                      "for local use only)")
        response = _request(parts, addresses[0], port, deadline, max_bytes)
        if response.status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location")
            response.release_conn()
            if not location:
                raise FetchError(current, f"HTTP {response.status} without a Location")
            current = urljoin(current, location)
            continue
        try:
            if response.status != 200:
                raise FetchError(current, f"the server answered HTTP {response.status}")
            body = _read(response, current, deadline, max_bytes)
        finally:
            response.release_conn()
        return Response(url=current, content_type=response.headers.get("Content-Type", ""), body=body)
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a redirect loop?)")


def _request(parts, address: str, port: int, deadline: float, max_bytes: int):
    """One request to the checked ``address``; the Host header and TLS name are the URL's host."""
    remaining = max(0.1, deadline - time.monotonic())
    timeout = urllib3.Timeout(connect=min(remaining, TIMEOUT_S), read=min(remaining, TIMEOUT_S))
    if parts.scheme == "https":
        pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, server_hostname=parts.hostname,
            assert_hostname=parts.hostname, ssl_context=ssl.create_default_context())
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    try:
        return pool.urlopen("GET", target, headers={"Host": host, "User-Agent": FETCH_USER_AGENT, "Accept": ACCEPT},
                            redirect=False, preload_content=False, assert_same_host=False)
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(parts.geturl(), _network_reason(err)) from err


def _read(response, url: str, deadline: float, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"the page is {int(declared):,} bytes; pages are limited to {max_bytes:,}")
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"the page is larger than {max_bytes:,} bytes, the limit")
            if time.monotonic() > deadline:
                raise FetchError(url, "the server is too slow (the download took longer than the time limit)")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as err:
        raise FetchError(url, _network_reason(err)) from err
    return b"".join(chunks)


def _network_reason(err: Exception) -> str:
    if isinstance(err, urllib3.exceptions.TimeoutError | urllib3.exceptions.ReadTimeoutError):
        return "the server did not answer in time"
    if isinstance(err, urllib3.exceptions.SSLError):
        return f"the secure connection failed ({err})"
    return f"the connection failed ({type(err).__name__})"


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip('"\' ')
    return None


def html_text(response: Response) -> str | bytes:
    """The page as text when the server named a charset it can be decoded with; else the bytes, for
    trafilatura to detect the encoding (a <meta charset>, or a guess)."""
    charset = _charset(response.content_type)
    if charset:
        try:
            return response.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            log.info("%s: declared charset %r does not decode; detecting", response.url, charset)
    return response.body


def extract(response: Response) -> Page:
    """The article on a fetched page. FetchError when there is none."""
    kind = response.content_type.split(";")[0].strip().lower()
    if kind and not ("html" in kind or kind in ("text/plain", "application/xml", "text/xml")):
        raise FetchError(response.url, f"the address gives {kind}, not a web page")
    if kind == "text/plain":
        text = response.body.decode(_charset(response.content_type) or "utf-8", errors="replace")
        return Page(url=response.url, text=text, title=None, date=None, author=None,
                    source=urlsplit(response.url).hostname)
    doc = trafilatura.bare_extraction(html_text(response), url=response.url, with_metadata=True,
                                      include_comments=False, include_tables=False, favor_precision=True)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise FetchError(response.url, "no article text was found on the page")
    date = getattr(doc, "date", None)
    return Page(url=response.url, text=text, title=getattr(doc, "title", None) or None,
                date=date[:10] if date else None, author=getattr(doc, "author", None) or None,
                source=getattr(doc, "sitename", None) or urlsplit(response.url).hostname)


def fetch_page(url: str, *, allow_private: bool = False, resolver: Resolver = system_resolver,
               timeout_s: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Page:
    return extract(get(url, allow_private=allow_private, resolver=resolver, timeout_s=timeout_s, max_bytes=max_bytes))
