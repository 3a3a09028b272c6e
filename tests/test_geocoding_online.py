"""geopy over real HTTP against a local Nominatim stub on 127.0.0.1: each fault has a defined outcome.

Time is a fake clock: the rate limiter and the retry backoff "sleep" by advancing it, so nothing here
really waits except the one timeout test (a fraction of a second of real time).
"""

from __future__ import annotations

import json
import socket
import time

import pytest
from nominatim_stub import NominatimStub, empty, hit, malformed, slow, status

from dashboard.geocache import GeoCache, cache_key
from dashboard.geocoding import Geocoder, NominatimOptions
from dashboard.models import Location, Mention, Toponym

UA = "shymkent-ties-tests/1.0 (tests@example.org)"
START = 1_750_000_000.0  # wall clock at the start of each test (2025-06-15)


class FakeClock:
    """Monotonic and wall time in one; ``sleep`` advances it and records what was asked."""

    def __init__(self):
        self.t = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.t

    def wall(self) -> float:
        return START + self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += max(seconds, 0.0)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def stub(clock):
    with NominatimStub(clock=clock) as server:
        yield server


@pytest.fixture
def make(tmp_path, stub, clock):
    """A Geocoder pointed at the stub; keyword arguments override the test defaults."""

    def factory(**kw):
        polite = dict(domain=stub.domain, scheme="http", timeout=5.0, max_retries=2, backoff_s=2.0, clock=clock,
                      sleeper=clock.sleep)
        polite.update({k: kw.pop(k) for k in list(kw) if k in NominatimOptions.__dataclass_fields__})
        options = dict(cache_path=tmp_path / "geocache.json", overrides_path=tmp_path / "overrides.csv",
                       online=True, user_agent=UA, now=clock.wall, nominatim=NominatimOptions(**polite))
        options.update(kw)
        return Geocoder(**options)

    return factory


def top(query: str, lang: str = "en", location: Location | None = None) -> Toponym:
    return Toponym(query=query, lang=lang, mentions=(Mention(query, 0, len(query)),), location=location)


def on_disk(tmp_path) -> dict:
    return json.loads((tmp_path / "geocache.json").read_text(encoding="utf-8"))["entries"]


# --- outcomes ------------------------------------------------------------------------------------
def test_hit_is_mapped_cached_and_sent_politely(make, stub, tmp_path):
    stub.script("Сайрам", hit(42.30, 69.77, name="Sayram", osm_id=77, cls="place", type_="town",
                              addresstype="town", names={"en": "Sayram", "ru": "Сайрам"}))
    with make() as geo:
        place = geo.locate(top("Сайрам", "ru"))
    assert place.source == "nominatim"
    loc = place.location
    assert (loc.key, loc.name, loc.kind, loc.country, loc.lat, loc.lon) == ("osm:R77", "Sayram", "city", "KZ",
                                                                           42.30, 69.77)
    assert loc.name_in("ru") == "Сайрам"
    assert geo.stats["nominatim"] == 1

    request = stub.requests[0]
    assert request.path == "/search"
    assert request.headers["User-Agent"] == UA
    assert request.params["q"] == "Сайрам"
    assert request.params["addressdetails"] == "1" and request.params["namedetails"] == "1"

    entry = on_disk(tmp_path)["ru:сайрам"]
    assert entry["status"] == "found" and entry["origin"] == "nominatim"
    assert entry["fetched_at"] == "2025-06-15T15:06:40Z"
    assert entry["display_name"] == "Sayram, Somewhere, Earth"


def test_empty_answer_is_cached_as_not_found_and_retried_after_expiry(make, stub, clock, tmp_path):
    with make(not_found_ttl_days=30) as geo:
        assert geo.locate(top("Atlantis")) is None
    entry = on_disk(tmp_path)["en:atlantis"]
    assert entry["status"] == "not_found" and entry["expires_at"] == "2025-07-15T15:06:40Z"
    assert stub.count == 1

    with make() as geo:  # a later run, before expiry: no request
        assert geo.locate(top("Atlantis")) is None
    assert stub.count == 1

    clock.t += 31 * 86400  # after expiry the name is asked again, and a hit replaces the miss
    stub.script("Atlantis", hit(1.0, 2.0, name="Atlantis"))
    with make() as geo:
        assert geo.locate(top("Atlantis")).source == "nominatim"
    assert stub.count == 2
    assert on_disk(tmp_path)["en:atlantis"]["status"] == "found"


def test_429_waits_retry_after_then_succeeds(make, stub, clock):
    stub.script("Busy", status(429, retry_after="7"), hit(5.0, 6.0, name="Busy"))
    geo = make(backoff_s=2.0)
    place = geo.locate(top("Busy"))
    assert place.source == "nominatim"
    assert 7 in clock.sleeps  # Retry-After (7 s) beat the 2 s backoff
    first, second = (r.at for r in stub.requests)
    assert second - first >= 7
    assert geo.requests == 2


def test_retry_after_beyond_the_limit_gives_up_without_waiting(make, stub, clock, tmp_path):
    stub.script("Later", status(429, retry_after="3600"))
    with make(max_wait_s=60) as geo:
        assert geo.locate(top("Later")) is None
    assert stub.count == 1 and max(clock.sleeps, default=0) < 3600
    assert geo.stats["online_errors"] == 1
    assert not (tmp_path / "geocache.json").exists()  # a failure is not an answer: nothing cached


def test_500_retries_with_backoff_then_stays_unresolved_and_uncached(make, stub, clock, tmp_path):
    stub.script("Flaky", status(500))
    with make(max_retries=2, backoff_s=2.0) as geo:
        assert geo.locate(top("Flaky")) is None
        assert geo.locate(top("Other")) is None  # the run goes on (empty answer for this one)
    assert stub.queries() == ["Flaky"] * 3 + ["Other"]
    assert [s for s in clock.sleeps if s >= 2] [:2] == [2.0, 4.0]  # exponential backoff
    assert geo.stats["online_errors"] == 1 and geo.stats["unresolved"] == 2
    entries = on_disk(tmp_path)
    assert "en:flaky" not in entries and entries["en:other"]["status"] == "not_found"

    stub.script("Flaky", hit(3.0, 4.0, name="Flaky"))  # next run: asked again, now answered
    with make() as geo:
        assert geo.locate(top("Flaky")).source == "nominatim"


def test_503_then_success(make, stub):
    stub.script("Wobbly", status(503), hit(8.0, 9.0, name="Wobbly"))
    assert make().locate(top("Wobbly")).source == "nominatim"
    assert stub.count == 2


def test_reply_slower_than_the_timeout_is_retried_then_unresolved(make, stub, tmp_path):
    stub.script("Slow", slow(10.0, then=hit(1.0, 1.0)))
    with make(timeout=0.2, max_retries=1) as geo:
        assert geo.locate(top("Slow")) is None
    # the client gives up after 0.2 s; on a busy machine the stub's handler thread may log the retry a
    # moment later, so wait (bounded) for the server side to catch up before counting
    deadline = time.monotonic() + 10
    while len(stub.queries()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stub.queries() == ["Slow", "Slow"]
    assert geo.stats["online_errors"] == 1
    assert not (tmp_path / "geocache.json").exists()


def test_malformed_json_is_unresolved_not_retried_not_cached(make, stub, tmp_path):
    stub.script("Garbled", malformed())
    with make() as geo:
        assert geo.locate(top("Garbled")) is None
    assert stub.count == 1
    assert geo.stats["online_errors"] == 1
    assert not (tmp_path / "geocache.json").exists()


def test_answer_without_coordinates_is_unresolved(make, stub):
    from nominatim_stub import Reply

    stub.script("Odd", Reply(body=b'[{"display_name": "no coordinates", "osm_id": 1}]'))
    geo = make()
    assert geo.locate(top("Odd")) is None
    assert geo.stats["online_errors"] == 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_retried_then_unresolved(make, tmp_path):
    geo = make(domain=f"127.0.0.1:{free_port()}", max_retries=2)
    with geo:
        assert geo.locate(top("Refused")) is None
    assert geo.requests == 3
    assert geo.stats["online_errors"] == 1
    assert not (tmp_path / "geocache.json").exists()


def test_dns_failure_is_unresolved(make, monkeypatch):
    real = socket.getaddrinfo

    def no_dns(host, *args, **kwargs):
        if host == "localhost":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    geo = make(domain=f"localhost:{free_port()}", max_retries=1)
    assert geo.locate(top("Nowhere")) is None
    assert geo.requests == 2 and geo.stats["online_errors"] == 1


def test_after_repeated_failures_online_lookups_stop_for_the_run(make, stub):
    for q in ("A", "B", "C", "D", "E"):
        stub.script(q, status(500))
    geo = make(max_retries=0, breaker_failures=3)
    assert all(geo.locate(top(q)) is None for q in ("A", "B", "C", "D", "E"))
    assert stub.queries() == ["A", "B", "C"]
    assert any("no more online lookups" in p for p in geo.problems)


def test_403_is_not_retried(make, stub):
    stub.script("Blocked", status(403))
    geo = make()
    assert geo.locate(top("Blocked")) is None
    assert stub.count == 1


# --- manners ---------------------------------------------------------------------------------------
def test_requests_are_at_least_one_second_apart(make, stub, clock):
    names = [f"Town {i}" for i in range(6)]
    for i, name in enumerate(names):
        stub.script(name, hit(10.0 + i, 20.0, name=name, osm_id=i))
    geo = make()
    for name in names:
        assert geo.locate(top(name)).source == "nominatim"
    times = [r.at for r in stub.requests]
    assert len(times) == 6
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False))


def test_warm_cache_makes_zero_requests(make, stub, tmp_path):
    names = [f"Village {i}" for i in range(5)]
    for i, name in enumerate(names):
        stub.script(name, hit(40.0 + i, 60.0, name=name, osm_id=100 + i))
    stub.script("Nothing here", empty())
    with make() as geo:
        for name in [*names, "Nothing here"]:
            geo.locate(top(name))
    cold = stub.count
    assert cold == 6

    with make() as geo:  # second run, online still on: everything from the cache
        places = [geo.locate(top(name)) for name in names]
        assert geo.locate(top("Nothing here")) is None
    assert stub.count == cold
    assert [p.source for p in places] == ["cache"] * 5
    assert geo.stats["cache"] == 5 and geo.requests == 0


def test_the_same_name_in_many_articles_is_asked_once(make, stub):
    stub.script("Twice", hit(1.0, 1.0, name="Twice"))
    stub.script("Missing", empty())
    geo = make()
    sources = [geo.locate(top("Twice")).source for _ in range(3)]
    assert sources == ["nominatim", "cache", "cache"]
    assert [geo.locate(top("Missing")) for _ in range(3)] == [None] * 3
    assert stub.queries() == ["Twice", "Missing"]


def test_gazetteer_pick_means_no_request(make, stub):
    pick = Location(key="gn:1", name="Picked", kind="city", country="KZ", lat=1, lon=2)
    assert make().locate(top("Picked", location=pick)).source == "gazetteer"
    assert stub.count == 0


def test_offline_geocoder_makes_no_request_even_for_unknown_names(make, stub):
    geo = make(online=False, user_agent=None)
    assert geo.locate(top("Unknown")) is None
    assert stub.count == 0


def test_refresh_asks_again_once_and_replaces_the_entry(make, stub, tmp_path):
    stub.script("Moved", hit(1.0, 1.0, name="Moved"))
    with make() as geo:
        geo.locate(top("Moved"))
    stub.script("Moved", hit(2.0, 2.0, name="Moved"))
    with make(refresh=True) as geo:
        first = geo.locate(top("Moved"))
        again = geo.locate(top("Moved"))
    assert (first.source, first.location.lat) == ("nominatim", 2.0)
    assert again.source == "cache"
    assert stub.count == 2
    assert GeoCache(tmp_path / "geocache.json").load().get(cache_key("Moved", "en")).lat == 2.0


def test_faults_leave_the_existing_cache_intact_and_valid(make, stub, tmp_path):
    names = [f"Known {i}" for i in range(3)]
    for i, name in enumerate(names):
        stub.script(name, hit(1.0 + i, 2.0, name=name, osm_id=i))
    with make() as geo:
        for name in names:
            geo.locate(top(name))
    before = on_disk(tmp_path)

    stub.script("Down", status(500))
    stub.script("Garbled", malformed())
    stub.script("Later", status(429, retry_after="9999"))
    with make(max_retries=1) as geo:
        assert [geo.locate(top(q)) for q in ("Down", "Garbled", "Later")] == [None] * 3
        assert [geo.locate(top(n)).source for n in names] == ["cache"] * 3
    assert on_disk(tmp_path) == before  # nothing lost, nothing added for failures, still valid JSON


def test_public_nominatim_refuses_a_faster_rate(tmp_path):
    from dashboard.errors import ConfigError

    with pytest.raises(ConfigError):
        Geocoder(cache_path=tmp_path / "c.json", overrides_path=tmp_path / "o.csv", online=True, user_agent=UA,
                 nominatim=NominatimOptions(min_delay_s=0.2))


def test_empty_query_only_uses_the_gazetteer(make, stub):
    pick = Location(key="gn:2", name="Pick", kind="city", country="KZ", lat=1, lon=2)
    geo = make()
    assert geo.locate(top("  ")) is None
    assert geo.locate(top("«»", location=pick)).source == "gazetteer"
    assert stub.count == 0


def test_two_geocoders_in_one_process_share_the_one_request_per_second(make, stub, tmp_path):
    """Streamlit sessions each build a Geocoder; together they must still keep the service's rate."""
    first, second = make(), make(cache_path=tmp_path / "other.json")
    for i in range(3):
        first.locate(top(f"First {i}"))
        second.locate(top(f"Second {i}"))
    times = [r.at for r in stub.requests]
    assert len(times) == 6
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False))
