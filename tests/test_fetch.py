"""Pages and feeds into the library, served by a real local HTTP server with pages written for these tests:
a normal article, one with navigation and comments around it, a Windows-1251 page, a 20 MB page, a
redirect loop, a slow server, and a feed with broken entries. Nothing leaves the machine (conftest's guard).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dashboard import ingest
from dashboard.errors import FetchError
from dashboard.library import feeds, fetch
from dashboard.library.store import Library

TWINNING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Shymkent and Stevenage renew their twinning | Steppe Courier</title>
<meta property="og:title" content="Shymkent and Stevenage renew their twinning">
<meta property="og:site_name" content="Steppe Courier">
<meta name="author" content="Aigerim Sadykova">
<meta property="article:published_time" content="2025-05-14T09:30:00+05:00">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/politics">Politics</a> | <a href="/sport">Sport</a></nav></header>
<article><h1>Shymkent and Stevenage renew their twinning</h1>
<p>A delegation led by the deputy akim of Shymkent, Marat Seitkali, arrived in Stevenage on Monday for three days
of talks with the borough council, whose leader welcomed the guests at the town hall.</p>
<p>The two sides signed a memorandum renewing the partnership first agreed in 1996, and said it would now cover
exchanges between secondary schools and support for small firms trading between Kazakhstan and Britain.</p>
<p>Seitkali said a return visit by a Stevenage delegation was planned for the autumn, when the city marks its
anniversary.</p></article>
<section class="comments"><h3>Comments</h3><p>Reader1: Great news for our schools!</p>
<p>Reader2: When will the flights start?</p></section>
<footer>© Steppe Courier. All rights reserved. Cookie settings. Subscribe to our newsletter.</footer>
</body></html>"""

CYRILLIC_1251 = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Делегация Туркестанской области посетила Анкару</title></head><body>
<div class="menu">Главная | Новости | Регионы</div>
<div class="news"><h1>Делегация Туркестанской области посетила Анкару</h1>
<p>Делегация Туркестанской области во главе с заместителем акима региона посетила Анкару, где провела
переговоры с представителями министерства торговли Турции.</p>
<p>По итогам встречи стороны подписали меморандум о сотрудничестве в сфере текстильной промышленности и
договорились провести бизнес-форум в Туркестане осенью.</p></div></body></html>"""

SECOND = TWINNING.replace("Stevenage", "Maribor").replace("borough council", "city council").replace(
    "1996", "2012").replace("Britain", "Slovenia")


def feed_xml(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Steppe Courier news</title>
<link>{base}/</link><description>News</description>
<item><title>Shymkent and Stevenage renew their twinning</title><link>{base}/twinning</link>
<guid>steppe-1</guid><pubDate>Wed, 14 May 2025 09:30:00 +0500</pubDate></item>
<item><title>Maribor</title><link>{base}/second</link><guid>steppe-2</guid></item>
<item><title>An item without a link or an id</title></item>
<item><title>Gone</title><link>{base}/gone</link><guid>steppe-4</guid></item>
<item><title>The twinning again, under another id</title><link>{base}/twinning</link><guid>steppe-5</guid></item>
<item><title>Broken <b>markup</title><link>{base}/second</link>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def _send(self, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 -- the http.server interface
        base = f"http://127.0.0.1:{self.server.server_port}"
        self.server.seen.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/twinning":
            self._send(TWINNING.encode())
        elif self.path == "/second":
            self._send(SECOND.encode())
        elif self.path == "/cp1251":
            self._send(CYRILLIC_1251.encode("cp1251"), "text/html")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the limit must hold while streaming
            chunk = b"<p>" + b"x" * 65_000 + b"</p>"
            try:
                for _ in range(20 * 1024 * 1024 // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/twinning")
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.1.2.3/inside")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self._send(TWINNING.encode())
        elif self.path == "/rss":
            self._send(feed_xml(base).encode(), "application/rss+xml")
        elif self.path == "/not-a-feed":
            self._send(b"\x00\x01 nothing here", "application/octet-stream")
        elif self.path == "/image":
            self._send(b"\x89PNG....", "image/png")
        elif self.path == "/login":
            self._send(b"<html><body><form>Please log in</form></body></html>")
        else:
            self._send(b"not found", "text/plain", 404)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.seen = []
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}", srv
    srv.shutdown()


@pytest.fixture
def library(tmp_path):
    lib = Library(f"sqlite:///{tmp_path / 'library.sqlite'}")
    yield lib
    lib.engine.dispose()


def adder(library):
    return dict(geocoder=ingest.geocoder_for(library), version=ingest.extractor_version(library))


# ------------------------------------------------------------------------------------------- pages

def test_a_served_page_becomes_an_article_with_its_title_date_and_outlet(server, library):
    base, srv = server
    outcome = ingest.add_url(library, f"{base}/twinning", allow_private=True, **adder(library))
    assert outcome.problem is None and not outcome.duplicate
    art = outcome.analysed.article
    assert (art.title, art.date, art.source, art.url) == ("Shymkent and Stevenage renew their twinning",
                                                          "2025-05-14", "Steppe Courier", f"{base}/twinning")
    assert "Reader1" not in art.text and "Cookie" not in art.text and "Politics" not in art.text
    assert {"Shymkent", "Stevenage"} <= {p.location.name for p in outcome.analysed.places}
    assert ("partnership", "Shymkent", "Stevenage") in {(lk.kind, lk.home.name, lk.partner.name)
                                                         for lk in outcome.analysed.links}
    assert srv.seen[-1][1].startswith("shymkent-ties/")  # our User-Agent, not a library's default
    # and the page shows it, from the library
    data = ingest.dataset(library, ingest.extractor_version(library))
    assert [a.article.title for a in data.articles] == [art.title]


def test_adding_a_page_again_adds_nothing(server, library):
    base, _ = server
    first = ingest.add_url(library, f"{base}/twinning", allow_private=True, **adder(library))
    again = ingest.add_url(library, f"{base}/twinning", allow_private=True, **adder(library))
    moved = ingest.add_url(library, f"{base}/moved", allow_private=True, **adder(library))  # redirects there
    assert again.duplicate and moved.duplicate and again.stored.id == moved.stored.id == first.stored.id
    assert len(library.articles()) == 1


def test_a_windows_1251_page_is_read(server, library):
    base, _ = server
    outcome = ingest.add_url(library, f"{base}/cp1251", allow_private=True, **adder(library))
    assert outcome.problem is None, outcome.problem
    assert outcome.analysed.article.lang == "ru" and "Анкару" in outcome.analysed.article.text
    assert "Ankara" in {p.location.name for p in outcome.analysed.places}


@pytest.mark.parametrize(("path", "reason"), [
    ("/huge", "limit"),
    ("/loop", "redirects"),
    ("/image", "image/png, not a web page"),
    ("/login", "no article text"),
    ("/gone", "HTTP 404"),
])
def test_pages_that_cannot_be_articles_say_why_and_add_nothing(server, library, path, reason):
    base, _ = server
    outcome = ingest.add_url(library, f"{base}{path}", allow_private=True, **adder(library))
    assert outcome.problem and reason in outcome.problem, outcome.problem
    assert library.articles() == []


def test_a_slow_server_is_given_up_on(server):
    base, _ = server
    started = time.monotonic()
    with pytest.raises(FetchError, match="in time|too slow"):
        fetch.get(f"{base}/slow", allow_private=True, timeout_s=1.0)
    assert time.monotonic() - started < 2.9  # it did not wait for the page


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "no address"])
def test_only_http_addresses(url):
    with pytest.raises(FetchError, match="only http"):
        fetch.get(url)


def test_private_addresses_are_refused_unless_allowed(server, library):
    base, srv = server
    before = len(srv.seen)
    outcome = ingest.add_url(library, f"{base}/twinning", **adder(library))  # allow_private defaults to off
    assert "private, loopback or link-local" in outcome.problem and "SHYMKENT_ALLOW_PRIVATE_URLS" in outcome.problem
    assert len(srv.seen) == before  # refused before any connection

    def resolves_inside(host, port):  # a public-looking name whose address is inside the network
        return ["10.0.0.7"]

    with pytest.raises(FetchError, match="private"):
        fetch.get("http://news.example.org/a", resolver=resolves_inside)
    for inside in ("169.254.169.254", "::1", "::ffff:127.0.0.1", "fd00::1", "100.64.0.1", "0.0.0.0"):
        assert not fetch._public(inside), inside
    assert fetch._public("93.184.216.34") and fetch._public("2a00:1450:4001:80b::200e")


def test_a_redirect_into_the_private_network_is_refused(server, monkeypatch):
    """Each hop is checked: the first (on loopback, let through here) redirects to 10.1.2.3, which is not."""
    base, _ = server
    monkeypatch.setattr(fetch, "_public", lambda address: address == "127.0.0.1")
    with pytest.raises(FetchError, match="private") as err:
        fetch.get(f"{base}/to-private")
    assert err.value.url == "http://10.1.2.3/inside"


def test_the_setting_allows_private_addresses(monkeypatch):
    from dashboard import settings

    assert not settings.allow_private_urls(env={})
    assert settings.allow_private_urls(env={settings.ENV_ALLOW_PRIVATE_URLS: "1"})
    assert settings.allow_private_urls(env={}, secrets={"allow_private_urls": True})


# ------------------------------------------------------------------------------------------- feeds

def test_a_feed_with_broken_entries_is_read_as_far_as_it_goes(server):
    base, _ = server
    parsed = feeds.read(f"{base}/rss", allow_private=True)
    assert parsed.title == "Steppe Courier news"
    assert [i.entry for i in parsed.items][:2] == ["steppe-1", "steppe-2"]
    assert parsed.items[0].date == "2025-05-14"
    assert any(i.url is None for i in parsed.items)  # the entry without a link is kept, to be reported


def test_checking_feeds_twice_adds_each_item_once(server, library):
    base, _ = server
    library.add_feed(f"{base}/rss")
    first = ingest.check_feeds(library, allow_private=True, **adder(library))
    [report] = first
    assert report.error is None and report.new == 2
    assert any("no link" in why for _, why in report.failed) and any("404" in why for _, why in report.failed)
    assert len(library.articles()) == 2
    [again] = ingest.check_feeds(library, allow_private=True, **adder(library))
    assert again.new == 0 and again.known >= 2
    assert len(library.articles()) == 2
    assert sorted(a.origin for a in library.articles()) == ["feed", "feed"]


def test_a_feed_that_is_no_feed_is_reported(server, library):
    base, _ = server
    library.add_feed(f"{base}/not-a-feed")
    library.add_feed(f"{base}/gone")
    reports = ingest.check_feeds(library, allow_private=True, **adder(library))
    assert [bool(r.error) for r in reports] == [True, True]
    assert "not an RSS or Atom feed" in reports[0].error or "not a feed" in reports[0].error
    assert "404" in reports[1].error
