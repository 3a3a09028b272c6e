"""The cache file: keys, determinism, merge, broken files kept aside, concurrent writers."""

from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest

from dashboard.errors import CacheError
from dashboard.geocache import (
    FOUND,
    NOT_FOUND,
    SCHEMA_VERSION,
    CacheEntry,
    GeoCache,
    cache_key,
    dumps,
    merge,
    parse,
)
from dashboard.names import name_key

T0 = 1_750_000_000.0  # a fixed "now": 2025-06-15


def found(query: str, lat: float = 1.0, lon: float = 2.0, *, lang: str = "en", at: str = "2025-06-15T00:00:00Z"):
    return CacheEntry(status=FOUND, query=query, lang=lang, origin="nominatim", fetched_at=at, key="osm:R1",
                      name=query, kind="city", country="KZ", lat=lat, lon=lon)


def missing(query: str, *, at: str = "2025-06-15T00:00:00Z", expires: str = "2025-07-15T00:00:00Z"):
    return CacheEntry(status=NOT_FOUND, query=query, lang="en", origin="nominatim", fetched_at=at,
                      expires_at=expires)


@pytest.mark.parametrize(("text", "expected"), [
    ("Шымкент", "шымкент"),
    ("  Ёшкар-Ола ", "ешкар-ола"),
    ("«Алатау»", "алатау"),
    ("New   York", "new york"),
    ("Түркістан", "түркістан"),  # Kazakh letters survive
    ("Seoul.", "seoul"),
    ("Улан-Удэ", "улан-удэ"),
    ("Türkiye", "turkiye"),  # the gazetteer's key: an override typed without the umlaut matches
])
def test_cache_keys_use_the_one_name_key(text, expected):
    assert cache_key(text, "ru") == f"ru:{expected}" == f"ru:{name_key(text)}"


def test_a_file_written_under_an_older_key_function_is_read_under_todays():
    old = {"en:türkiye": found("Türkiye"), "ru:«алатау»": found("Алатау")}
    assert set(parse(dumps(old))) == {"en:turkiye", "ru:алатау"}


def test_keys_are_per_language():
    assert cache_key("Алматы", "ru") == "ru:алматы"
    assert cache_key("Алматы", "ru") != cache_key("Алматы", "kk")


def test_file_is_deterministic_readable_and_versioned():
    a = {"ru:шымкент": found("Шымкент"), "en:paris": found("Paris")}
    b = dict(reversed(list(a.items())))
    text = dumps(a)
    assert text == dumps(b)
    assert "Шымкент" in text  # not \u escapes
    doc = json.loads(text)
    assert doc["schema"] == SCHEMA_VERSION
    assert list(doc["entries"]) == sorted(doc["entries"])
    assert parse(text) == a


def test_merge_keeps_both_sides_and_prefers_the_later_fetch():
    old = found("Paris", 1, 1, at="2025-01-01T00:00:00Z")
    new = found("Paris", 2, 2, at="2025-02-01T00:00:00Z")
    merged = merge({"en:paris": new, "en:rome": found("Rome")}, {"en:paris": old, "en:oslo": found("Oslo")})
    assert set(merged) == {"en:paris", "en:rome", "en:oslo"}
    assert merged["en:paris"].lat == 2
    # On a tie a hit beats a miss, whichever side it is on.
    tie = merge({"en:x": found("X")}, {"en:x": missing("X")})
    assert tie["en:x"].found


def test_not_found_expires():
    entry = missing("Atlantis", expires="2025-07-15T00:00:00Z")
    assert not entry.expired(T0)
    assert entry.expired(T0 + 31 * 86400)


def test_missing_file_is_an_empty_cache_and_flush_without_news_writes_nothing(tmp_path):
    path = tmp_path / "geocache.json"
    cache = GeoCache(path).load()
    assert len(cache) == 0
    assert cache.flush() == 0
    assert not path.exists()
    assert not Path(str(path) + ".lock").exists()


def test_flush_merges_with_what_another_writer_put_on_disk(tmp_path):
    path = tmp_path / "geocache.json"
    first, second = GeoCache(path).load(), GeoCache(path).load()
    first.put("en:paris", found("Paris"))
    second.put("en:rome", found("Rome"))
    assert first.flush() == 1
    assert second.flush() == 1  # loaded before first wrote, must not drop Paris
    assert set(GeoCache(path).load().keys()) == {"en:paris", "en:rome"}
    assert not list(tmp_path.glob("*.tmp"))  # atomic write leaves no temp files


BROKEN = {
    "corrupt": "{not json at all",
    "truncated": None,  # filled from a real file, cut in half
    "wrong_version": json.dumps({"schema": SCHEMA_VERSION + 1, "entries": {}}),
    "wrong_shape": json.dumps([1, 2, 3]),
    "bad_entry": json.dumps({"schema": SCHEMA_VERSION, "entries": {"en:x": {"status": "found"}}}),
    "binary": b"\xff\xfe\x00garbage",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_file_is_reported_by_name_and_kept_aside(tmp_path, kind):
    path = tmp_path / "geocache.json"
    content = BROKEN[kind]
    if content is None:
        full = dumps({f"en:place{i}": found(f"Place {i}") for i in range(20)})
        content = full[: len(full) // 2]
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)

    cache = GeoCache(path, now=lambda: T0)
    with pytest.raises(CacheError) as info:
        cache.load()
    err = info.value
    assert str(path) in str(err)
    aside = Path(err.kept_as)
    assert aside.name.startswith("geocache.json.corrupt-")
    assert aside.read_bytes() == content  # the bad file is kept byte for byte, never wiped
    assert not path.exists()

    # The cache stays usable; the next write starts a fresh file and leaves the bad one alone.
    cache.put("en:paris", found("Paris"))
    cache.flush()
    assert set(GeoCache(path).load().keys()) == {"en:paris"}
    assert aside.read_bytes() == content


def test_two_failures_in_the_same_second_keep_both_bad_files(tmp_path):
    path = tmp_path / "geocache.json"
    kept = []
    for text in ("{bad one", "{bad two"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CacheError) as info:
            GeoCache(path, now=lambda: T0).load()
        kept.append(Path(info.value.kept_as))
    assert kept[0] != kept[1]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["{bad one", "{bad two"]


# --- concurrent writers (issue 8.3: 4 processes x 200 writes) ---------------------------------------
WRITERS, PER_WRITER, FLUSH_EVERY = 4, 200, 5


def _writer(path: str, writer: int, start, errors) -> None:
    try:
        start.wait(30)
        cache = GeoCache(path).load()
        for i in range(PER_WRITER):
            cache.put(cache_key(f"w{writer}-{i}", "en"), found(f"W{writer} {i}", writer, i))
            if i % FLUSH_EVERY == FLUSH_EVERY - 1:
                cache.flush()
        cache.flush()
    except Exception as err:  # reported to the parent, which fails the test
        errors.put(f"writer {writer}: {err!r}")


def test_concurrent_processes_lose_no_entries(tmp_path):
    path = tmp_path / "geocache.json"
    GeoCache(path).load()
    ctx = mp.get_context("spawn")  # a clean interpreter per writer, like separate CLI runs
    start, errors = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(path), w, start, errors)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(120)
    assert all(p.exitcode == 0 for p in procs)
    assert errors.empty(), errors.get()

    doc = json.loads(path.read_text(encoding="utf-8"))  # valid JSON
    entries = parse(path.read_text(encoding="utf-8"))
    assert doc["schema"] == SCHEMA_VERSION
    expected = {cache_key(f"w{w}-{i}", "en") for w in range(WRITERS) for i in range(PER_WRITER)}
    assert set(entries) == expected
    assert entries[cache_key("w3-199", "en")].lat == 3 and entries[cache_key("w3-199", "en")].lon == 199
    assert not list(tmp_path.glob("*.tmp"))
    assert not list(tmp_path.glob("*.corrupt-*"))
