"""The geocoding chain, offline parts: overrides -> cache -> gazetteer, settings, Nominatim mapping.

Online behaviour over real HTTP lives in test_geocoding_online.py.
"""

from __future__ import annotations

import json

import pytest
from places import GEORGIA, GEORGIA_US_STATE, TBILISI

from dashboard.errors import ConfigError
from dashboard.geocache import FOUND, NOT_FOUND, CacheEntry, GeoCache, dumps
from dashboard.geocoding import Geocoder, entry_from_nominatim, load_overrides, nominatim_kind
from dashboard.models import Location, Mention, Place, Toponym
from dashboard.settings import ENV_ONLINE, ENV_USER_AGENT, GEOCACHE_FILE, OVERRIDES_FILE, online_settings


def toponym(query: str, lang: str = "en", *, surface: str | None = None, location: Location | None = None):
    text = surface or query
    return Toponym(query=query, lang=lang, mentions=(Mention(text, 10, 10 + len(text)),), location=location)


def write_cache(path, entries: dict[str, CacheEntry]):
    path.write_text(dumps(entries), encoding="utf-8")


def cached(query: str, lat: float, lon: float, *, lang: str = "en", kind: str = "city", country: str = "KZ"):
    return CacheEntry(status=FOUND, query=query, lang=lang, origin="nominatim", fetched_at="2025-06-01T00:00:00Z",
                      key=f"osm:R{abs(hash(query)) % 10_000}", name=query, display_name=f"{query}, Earth",
                      kind=kind, country=country, lat=lat, lon=lon, names={"ru": query.upper()})


@pytest.fixture
def paths(tmp_path):
    return tmp_path / "geocache.json", tmp_path / "overrides.csv"


def offline(paths, **kw) -> Geocoder:
    cache, overrides = paths
    return Geocoder(cache_path=cache, overrides_path=overrides, **kw)


# --- the chain ---------------------------------------------------------------------------------------
def test_gazetteer_pick_is_used_offline_and_keeps_mentions(paths):
    geo = offline(paths)
    top = toponym("Tbilisi", location=TBILISI)
    place = geo.locate(top)
    assert place == Place(location=TBILISI, source="gazetteer", mentions=top.mentions)
    assert geo.stats["gazetteer"] == 1


def test_unknown_name_offline_is_unresolved_and_nothing_is_written(paths):
    geo = offline(paths)
    with geo:
        assert geo.locate(toponym("Zzyzx Springs")) is None
    assert geo.stats["unresolved"] == 1
    assert not paths[0].exists()


def test_cache_answers_before_gazetteer(paths):
    write_cache(paths[0], {"ru:сайрам": cached("Сайрам", 42.3, 69.77)})
    geo = offline(paths)
    place = geo.locate(toponym("Сайрам", "ru", surface="Сайраме"))
    assert place.source == "cache"
    assert (place.location.lat, place.location.lon, place.location.kind) == (42.3, 69.77, "city")
    assert place.location.name_in("ru") == "САЙРАМ"
    # Keys are per language: the same spelling in Kazakh is not this cache entry.
    assert geo.locate(toponym("Сайрам", "kk")) is None


def test_cache_key_is_normalised(paths):
    write_cache(paths[0], {"ru:семеновка": cached("Семёновка", 50.0, 60.0)})
    assert offline(paths).locate(toponym("  СЕМЁНОВКА ", "ru")).source == "cache"


def test_not_found_entry_does_not_hide_the_gazetteer(paths):
    missing = CacheEntry(status=NOT_FOUND, query="Georgia", lang="en", origin="nominatim",
                         fetched_at="2025-06-01T00:00:00Z", expires_at="2099-01-01T00:00:00Z")
    write_cache(paths[0], {"en:georgia": missing})
    assert offline(paths).locate(toponym("Georgia", location=GEORGIA)).source == "gazetteer"


OVERRIDES = """\
# comment lines start with '#'
name,lang,lat,lon,kind,country,note
Georgia,en,32.68,-83.22,region,US,this corpus means the US state
Грузия,ru,32.68,-83.22,region,US,same place in Russian
Anywhere Town,*,10.5,20.5,city,kz,any language
Broken,en,north,20,city,KZ,bad number
Nowhere,en,95,20,city,KZ,latitude out of range
Thing,en,1,2,planet,KZ,bad kind
Place,en,1,2,city,KAZ,bad country
"""


def test_overrides_win_over_cache_and_gazetteer(paths):
    paths[1].write_text(OVERRIDES, encoding="utf-8")
    write_cache(paths[0], {"en:georgia": cached("Georgia", 1, 1)})
    geo = offline(paths)
    place = geo.locate(toponym("Georgia", location=GEORGIA))
    assert place.source == "override"
    assert (place.location.lat, place.location.country, place.location.kind) == (32.68, "US", "region")
    # Rows at the same point are one place with its names per language.
    ru = geo.locate(toponym("Грузия", "ru", surface="Грузии"))
    assert ru.location.key == place.location.key
    assert ru.location.name == "Georgia" and ru.location.name_in("ru") == "Грузия"
    # '*' matches any language; country codes are upper-cased.
    kk = geo.locate(toponym("anywhere town", "kk"))
    assert kk.source == "override" and kk.location.country == "KZ"
    assert geo.stats["override"] == 3


def test_override_also_matches_a_surface_form(paths):
    paths[1].write_text("name,lang,lat,lon,kind,country,note\nШымкенте,ru,42.3,69.6,city,KZ,\n", encoding="utf-8")
    assert offline(paths).locate(toponym("Шымкентъ", "ru", surface="Шымкенте")).source == "override"


def test_bad_override_rows_are_reported_with_file_and_line(paths):
    paths[1].write_text(OVERRIDES, encoding="utf-8")
    overrides, problems = load_overrides(paths[1])
    assert len(problems) == 4
    assert all(str(paths[1]) in p for p in problems)
    assert [p.removeprefix(f"{paths[1]}:").split(":")[0] for p in problems] == ["6", "7", "8", "9"]
    assert "en:broken" not in overrides
    assert offline(paths).problems == problems


def test_shipped_overrides_file_is_valid():

    overrides, problems = load_overrides(OVERRIDES_FILE)
    assert problems == []
    assert OVERRIDES_FILE.read_text(encoding="utf-8").startswith("#")  # explains itself


def test_shipped_cache_file_loads():

    assert GEOCACHE_FILE.exists()
    GeoCache(GEOCACHE_FILE).load()  # raises CacheError if the committed file is broken


@pytest.mark.parametrize("content", ["{broken", '{"schema": 99, "entries": {}}', ""])
def test_broken_cache_still_resolves_from_gazetteer_and_names_the_file(paths, content):
    paths[0].write_text(content, encoding="utf-8")
    geo = offline(paths)
    assert geo.cache_error is not None
    assert str(paths[0]) in str(geo.cache_error)
    assert any(str(paths[0]) in p for p in geo.problems)
    kept = list(paths[0].parent.glob("geocache.json.corrupt-*"))
    assert [k.read_text(encoding="utf-8") for k in kept] == [content]
    assert geo.locate(toponym("Tbilisi", location=TBILISI)).source == "gazetteer"


# --- settings ----------------------------------------------------------------------------------------
def test_online_settings_sources_in_order():
    assert not online_settings(env={}).online
    env = {ENV_ONLINE: "1", ENV_USER_AGENT: "env-agent/1"}
    assert online_settings(env=env).online and online_settings(env=env).user_agent == "env-agent/1"
    assert online_settings(cli_online=True, cli_user_agent="cli/1", env=env).user_agent == "cli/1"
    secrets = {"geocode_online": True, "nominatim_user_agent": "cloud/1 (a@b.org)"}
    got = online_settings(env={}, secrets=secrets)
    assert got.online and got.user_agent == "cloud/1 (a@b.org)"
    assert not online_settings(env={ENV_ONLINE: "0"}).online


@pytest.mark.parametrize("agent", [None, "", "  ", "geopy/2.5", "my-application"])
def test_going_online_without_a_real_user_agent_is_a_config_error(paths, agent):
    with pytest.raises(ConfigError):
        offline(paths, online=True, user_agent=agent)


def test_offline_needs_no_user_agent(paths):
    geo = offline(paths, online=False, user_agent=None)
    assert not geo.online
    assert geo.locate(toponym("Tbilisi", location=TBILISI)).location == TBILISI


# --- Nominatim record -> our vocabulary -----------------------------------------------------------------
@pytest.mark.parametrize(("raw", "kind"), [
    ({"class": "boundary", "type": "administrative", "addresstype": "country", "place_rank": 4}, "country"),
    ({"class": "place", "type": "country"}, "country"),
    ({"class": "boundary", "type": "administrative", "addresstype": "state", "place_rank": 8}, "region"),
    ({"class": "boundary", "type": "administrative", "addresstype": "county", "place_rank": 12}, "region"),
    ({"class": "place", "type": "city", "addresstype": "city", "place_rank": 16}, "city"),
    ({"class": "place", "type": "village", "addresstype": "village"}, "city"),
    ({"class": "boundary", "type": "administrative", "place_rank": 16}, "city"),
    ({"class": "amenity", "type": "university", "addresstype": "amenity"}, "organization"),
    ({"class": "office", "type": "government", "addresstype": "office"}, "organization"),
    ({"class": "amenity", "type": "embassy"}, "organization"),
    ({"class": "tourism", "type": "attraction", "addresstype": "tourism"}, "landmark"),
    ({"class": "historic", "type": "monument"}, "landmark"),
    ({"class": "natural", "type": "peak"}, "landmark"),
])
def test_nominatim_kind(raw, kind):
    assert nominatim_kind(raw) == kind


def test_entry_from_nominatim_reads_names_country_and_osm_key():
    raw = json.loads("""{"osm_type": "relation", "osm_id": 3380716, "lat": "42.3155", "lon": "69.5869",
        "class": "boundary", "type": "administrative", "addresstype": "city", "place_rank": 16,
        "display_name": "Shymkent, Kazakhstan", "address": {"country_code": "kz"},
        "namedetails": {"name": "Шымкент", "name:en": "Shymkent", "name:ru": "Шымкент", "name:kk": "Шымкент"}}""")
    entry = entry_from_nominatim(raw, query="Шымкент", lang="ru", fetched_at="2025-06-01T00:00:00Z")
    assert entry.key == "osm:R3380716" and entry.name == "Shymkent" and entry.country == "KZ"
    assert entry.kind == "city" and entry.names == {"en": "Shymkent", "ru": "Шымкент", "kk": "Шымкент"}
    assert (entry.lat, entry.lon) == (42.3155, 69.5869)


def test_recorded_gazetteer_answers_are_a_fallback_never_an_override(paths):
    cache_path, _ = paths
    geo = offline(paths, record_gazetteer=True)
    assert geo.locate(toponym("Georgia", location=GEORGIA)).location == GEORGIA
    geo.flush()
    saved = json.loads(cache_path.read_text(encoding="utf-8"))["entries"]
    assert saved["en:georgia"]["origin"] == "gazetteer" and saved["en:georgia"]["key"] == "cc:GE"
    # another article's context picks the US state: the live pick wins over the recorded one
    state = GEORGIA_US_STATE
    later = offline(paths)
    assert later.locate(toponym("Georgia", location=state)).location == state
    # no pick at all (e.g. gazetteer data changed): the recorded answer still places it, from the cache
    fallback = later.locate(toponym("Georgia"))
    assert fallback.source == "cache" and fallback.location.key == "cc:GE"
    # a second recording run leaves the file byte for byte as it was
    before = cache_path.read_bytes()
    again = offline(paths, record_gazetteer=True)
    again.locate(toponym("Georgia", location=GEORGIA))
    again.flush()
    assert cache_path.read_bytes() == before


def test_app_builds_do_not_write_gazetteer_answers(paths):
    cache_path, _ = paths
    geo = offline(paths)
    geo.locate(toponym("Georgia", location=GEORGIA))
    geo.flush()
    assert not cache_path.exists() or "georgia" not in cache_path.read_text(encoding="utf-8")
