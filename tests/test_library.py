"""The article library on a real database: SQLite always, PostgreSQL when a server is given.

``.ci/run`` starts PostgreSQL on a loopback port and sets SHYMKENT_TEST_POSTGRES_URL (and
SHYMKENT_REQUIRE_POSTGRES=1, so a missing server fails the run instead of skipping). Each PostgreSQL test
gets a schema of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard import ingest, pipeline
from dashboard.errors import LibraryError
from dashboard.library import codec
from dashboard.library.store import MIGRATIONS, SCHEMA_VERSION, Library, text_hash
from dashboard.models import Correction

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("SHYMKENT_TEST_POSTGRES_URL")

# Written for these tests in the manner of the news the library holds (not taken from any corpus).
EN = ("Shymkent delegation signs a twinning memorandum in Stevenage\n\n"
      "A delegation led by the deputy akim of Shymkent visited Stevenage, Hertfordshire, on 12 May 2025. "
      "The two sides signed a memorandum on twinning, which the borough council said would cover schools "
      "and small businesses.\n")
RU = ("Аким Шымкента принял посла Кореи\n\n"
      "Аким Шымкента встретился с чрезвычайным и полномочным послом Республики Корея 3 марта 2025 года. "
      "Стороны обсудили меморандум о сотрудничестве между Шымкентом и Сеулом.\n")
KK = ("Түркістан облысының делегациясы Ыстамбұлға барды\n\n"
      "Түркістан облысының делегациясы 2025 жылғы 10 сәуірде Ыстамбұл қаласында болып, екі тарап "
      "ынтымақтастық туралы меморандумға қол қойды.\n")


def _postgres_param():
    if PG_URL:
        return "postgresql"
    reason = "no PostgreSQL server (SHYMKENT_TEST_POSTGRES_URL unset)"
    if os.environ.get("SHYMKENT_REQUIRE_POSTGRES") == "1":
        return pytest.param("postgresql", marks=pytest.mark.xfail(reason=reason, strict=True, run=False))
    return pytest.param("postgresql", marks=pytest.mark.skip(reason=reason))


@pytest.fixture(params=["sqlite", _postgres_param()])
def library_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'library.sqlite'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture
def library(library_url):
    lib = Library(library_url)
    yield lib
    lib.engine.dispose()


def test_postgres_is_there_when_ci_says_it_must_be():
    if os.environ.get("SHYMKENT_REQUIRE_POSTGRES") == "1":
        assert PG_URL, "CI must run the library tests on PostgreSQL too"
        with sa.create_engine(PG_URL).connect() as conn:
            assert conn.exec_driver_sql("select 1").scalar() == 1


# ------------------------------------------------------------------------------------------ articles

def test_an_article_is_stored_once_by_its_words(library):
    first = library.add_article(EN, name="stevenage", origin="upload")
    again = library.add_article(EN.upper().replace(" ", "  "), name="other", origin="upload")
    assert not first.duplicate and again.duplicate and again.article.id == first.article.id
    other = library.add_article(RU, name="stevenage", origin="upload")
    assert other.article.name == "stevenage-2"  # names stay unique
    assert [a.name for a in library.articles()] == ["stevenage", "stevenage-2"]
    assert library.find(text=EN.lower()).id == first.article.id


def test_an_address_is_stored_once(library):
    library.add_article(EN, name="a", origin="url", url="https://example.org/a")
    assert library.add_article(RU, name="b", origin="url", url="https://example.org/a").duplicate
    assert library.find(url="https://example.org/a").name == "a"


def test_version_changes_with_articles_and_corrections_not_with_reading(library):
    v0 = library.version()
    added = library.add_article(EN, name="a", origin="upload").article
    v1 = library.version()
    library.articles()
    assert v1 == library.version() != v0
    library.add_corrections([Correction("Kettlewick", "en", 51.95, -1.4, "city", "GB")])
    v2 = library.version()
    library.replace_text(added.id, RU)
    v3 = library.version()
    library.remove([added.id])
    assert len({v0, v1, v2, v3, library.version()}) == 5


def test_analyses_are_kept_per_version_and_a_new_one_replaces_the_old(library):
    a = library.add_article(EN, name="a", origin="upload").article
    assert [s.id for s in library.unanalysed("v1")] == [a.id]
    library.save_analysis(a.id, "v1", {"format": 1, "x": "ü"})
    assert library.unanalysed("v1") == [] and [s.id for s in library.unanalysed("v2")] == [a.id]
    library.save_analysis(a.id, "v2", {"format": 1})
    assert library.analysed("v1") == [] and library.analysed("v2")[0][1] == {"format": 1}


def test_corrections_round_trip(library):
    rows = [Correction("Kettlewick", "en", 51.95, -1.4, "city", "GB", note="picked", key=""),
            Correction("Кеттлуик", "ru", 51.95, -1.4, "city", "GB")]
    library.add_corrections(rows)
    assert library.corrections() == rows


def test_full_text_search_in_three_languages_as_word_prefixes(library):
    for name, text in (("en", EN), ("ru", RU), ("kk", KK)):
        library.add_article(text, name=name, origin="upload")
    assert [h.name for h in library.search("memorandum")] == ["en"]
    assert [h.name for h in library.search("МЕМОРАНДУМ шымкент")] == ["ru"]  # every word, any case
    assert {h.name for h in library.search("Шымкент")} == {"ru"}  # Шымкента, Шымкентом
    assert [h.name for h in library.search("ынтымақтастық")] == ["kk"]
    assert library.search("меморандум сеул") and not library.search("меморандум stevenage")
    assert library.search('"; DROP TABLE articles; --') == [] and len(library.articles()) == 3
    assert library.search("   ") == []


def test_search_follows_a_replaced_and_a_removed_text(library):
    a = library.add_article(EN, name="a", origin="upload").article
    library.replace_text(a.id, RU)
    assert not library.search("Stevenage") and library.search("Сеулом")
    library.remove([a.id])
    assert not library.search("Сеулом")


def test_an_older_database_upgrades_in_place(library_url):
    old = Library(library_url, upto=1)  # the first schema: articles, analyses, corrections only
    assert old.schema_version == 1
    kept = old.add_article(EN, name="kept", origin="upload").article
    old.engine.dispose()
    new = Library(library_url)
    assert new.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    assert [a.name for a in new.articles()] == ["kept"]
    assert [h.name for h in new.search("Stevenage")] == ["kept"]  # the search index covers old rows
    assert new.add_feed("https://example.org/rss")[1]
    assert new.article(kept.id).text_hash == text_hash(EN)


def _index(library: Library, version: str) -> tuple:
    """What the page's index holds for ``version``: article heads, places, lines (sorted, comparable)."""
    heads = sorted((name, lang, day, failed) for _, name, _, _, _, lang, day, _, failed in
                   library.index_articles(version))
    places = sorted((aid, key, n) for aid, key, n, _, _ in library.index_places(version))
    lines = sorted((aid, kind, home, partner, day) for aid, _, kind, home, partner, day in library.index_links(version))
    return heads, places, lines


def test_an_upgrade_fills_the_pages_index_from_the_analyses_already_kept(library_url):
    (analysed,) = _hand_built()
    old = Library(library_url, upto=4)  # the schema before the index
    kept = old.add_article(analysed.article.text, name="kept", origin="upload").article
    with old.engine.begin() as conn:  # as the program of that schema saved an analysis
        conn.execute(sa.text("INSERT INTO analyses (article_id, version, payload) VALUES (:a, 'v', :p)"),
                     {"a": kept.id, "p": json.dumps(codec.encode(analysed))})
    old.engine.dispose()
    new = Library(library_url)
    heads, places, lines = _index(new, "v")
    assert heads == [("kept", "ru", "2021-06-10", None)]
    assert {key for _, key, _ in places} == {p.location.key for p in analysed.places}
    assert [(kind, day) for _, kind, _, _, day in lines] == [("partnership", "2021-06-10"), ("visit", "2021-06-10")]
    assert set(new.index_locations("v")) >= {lk.partner.key for lk in analysed.links}
    new.engine.dispose()


def test_the_pages_index_follows_every_change_of_an_article(library):
    (analysed,) = _hand_built()
    a = library.add_article(analysed.article.text, name="a", origin="upload").article
    library.save_analysis(a.id, "v1", codec.encode(analysed))
    assert len(_index(library, "v1")[1]) == 3
    library.save_analysis(a.id, "v2", codec.encode(analysed))  # analysed again by a new extractor
    assert _index(library, "v1") == ([], [], []) and len(_index(library, "v2")[2]) == 2
    library.save_analysis(a.id, "v2", {"format": codec.FORMAT, "article": {}})  # unreadable: listed as failed
    [(_, _, _, failed)], places, _ = _index(library, "v2")
    assert "unreadable" in failed and places == []
    library.save_analysis(a.id, "v2", codec.encode(analysed))
    library.replace_text(a.id, analysed.article.text + " More words.")  # the old analysis read the old text
    assert _index(library, "v2") == ([], [], [])
    library.save_analysis(a.id, "v2", codec.encode(analysed))
    library.remove([a.id])
    assert _index(library, "v2") == ([], [], []) and library.analyses_of("v2", [a.id]) == []


def test_the_page_counts_the_same_map_from_the_database_as_from_memory(library):
    from _mapdata import VERSION, build_dataset

    from dashboard import viewstate as vs
    from dashboard.catalog import Catalog

    ds = build_dataset(hostile=True)
    for analyzed in ds.articles:
        a = analyzed.article
        added = library.add_article(a.text, name=a.id, origin="upload", title=a.title)
        library.save_analysis(added.article.id, VERSION, codec.encode(analyzed))
    stored, memory = Catalog.of_library(library, VERSION), Catalog.of_dataset(ds)
    for f in (vs.Filters(), vs.Filters(kinds=("visit",), langs=("en",)), vs.Filters(countries=("GB",)),
              vs.Filters(date_from="2022-01-01")):
        assert stored.view(f) == memory.view(f)
    key = stored.view(vs.Filters()).places[0].location.key
    assert [h.marks for h in stored.place_hits(vs.Filters(), key)[0]] == \
        [h.marks for h in memory.place_hits(vs.Filters(), key)[0]]


def _hand_built():
    from _mapdata import build_dataset
    return build_dataset().articles[:1]


def test_a_newer_database_is_refused_not_touched(tmp_path):
    url = f"sqlite:///{tmp_path / 'l.sqlite'}"
    Library(url).engine.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(LibraryError, match="newer than this program"):
        Library(url)


def test_an_unreachable_database_is_a_clear_error():
    with pytest.raises(LibraryError) as err:
        Library("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert "cannot use the database" in err.value.reason and "nobody" in str(err.value)


def test_two_writers_at_once_lose_nothing(library_url):
    texts = [f"Article {i}: a delegation of Shymkent visited town number {i} in Kettlewick." for i in range(40)]
    errors: list[BaseException] = []

    def writer(part):
        lib = Library(library_url)
        try:
            for text in part:
                lib.add_article(text, name="same-name", origin="upload")
                lib.add_article(texts[0], name="dup", origin="upload")  # everyone also adds the same one
        except BaseException as err:  # reported to the test
            errors.append(err)
        finally:
            lib.engine.dispose()

    threads = [threading.Thread(target=writer, args=(texts[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    stored = Library(library_url).articles()
    assert sorted(a.text for a in stored) == sorted(texts)
    assert len({a.name for a in stored}) == 40


# -------------------------------------------------------------------------------------- the codec

def test_the_codec_round_trips_an_analysed_article():
    (analysed,) = pipeline.build([ROOT / "seeds" / "002_2bc45280b5b1eb0a.txt"]).articles
    payload = json.loads(json.dumps(codec.encode(analysed)))
    back = codec.decode(payload, article_id=analysed.article.id, path=analysed.article.path,
                        text=analysed.article.text)
    assert back == analysed
    with pytest.raises(ValueError, match="format"):
        codec.decode({"format": 0}, article_id="x", path="x", text="")
    with pytest.raises(ValueError, match="malformed"):
        codec.decode({"format": codec.FORMAT, "article": {}}, article_id="x", path="x", text="")


# ------------------------------------------------------------------------------ ingest: the folder

def _counting_analyses(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = pipeline.analyze

    def analyze(article, **kw):
        seen.append(article.id)
        return real(article, **kw)

    monkeypatch.setattr(pipeline, "analyze", analyze)
    return seen


def test_the_folder_is_mirrored_and_an_unchanged_article_never_analysed_twice(library, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "ru.txt").write_text(RU, encoding="utf-8")
    (folder / "ru_copy.txt").write_text(RU.replace("\n", "\r\n"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    seen = _counting_analyses(monkeypatch)
    first = ingest.build(library, folder)
    assert sorted(seen) == ["en", "ru"] and len(first.articles) == 2
    reasons = {Path(s.path).name: s.reason for s in first.skipped}
    assert "counted once" in reasons["ru_copy.txt"] and "empty" in reasons["empty.txt"]

    seen.clear()
    second = ingest.build(library, folder)
    assert seen == [] and [a.to_json() for a in second.articles] == [a.to_json() for a in first.articles]

    (folder / "ru.txt").write_text(RU.replace("Сеулом", "Пусаном"), encoding="utf-8")
    (folder / "en.txt").unlink()
    third = ingest.build(library, folder)
    # ru.txt changed: analysed again; its old twin ru_copy.txt is now an article of its own
    assert sorted(seen) == ["ru", "ru_copy"] and [a.article.id for a in third.articles] == ["ru", "ru_copy"]
    assert "Busan" in {p.location.name for p in third.articles[0].places}


def test_the_library_reads_the_seeds_as_the_files_do(library):
    from_library = ingest.build(library)
    from_files = pipeline.build()
    assert [a.to_json() for a in from_library.articles] == [a.to_json() for a in from_files.articles]


def test_a_correction_in_the_library_reaches_the_geocoder_and_re_analyses(library, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "k.txt").write_text("Shymkent delegation visits Kettlewick\n\nA delegation of Shymkent visited the "
                                  "town of Kettlewick in England on 3 March 2024 and signed a memorandum.\n",
                                  encoding="utf-8")
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("name,lang,lat,lon,kind,country,note\n", encoding="utf-8")
    before = ingest.build(library, folder, overrides_path=overrides)
    assert "Kettlewick" not in {p.location.name for a in before.articles for p in a.places}
    ingest.save_corrections(library, [Correction("Kettlewick", "en", 51.95, -1.4, "city", "GB")])
    after = ingest.build(library, folder, overrides_path=overrides)
    assert "Kettlewick" in {p.location.name for a in after.articles for p in a.places}
    exported = ingest.export_corrections(library, overrides)
    assert exported.startswith("name,lang") and "Kettlewick,en,51.95000,-1.40000,city,GB" in exported
    overrides.write_text(exported, encoding="utf-8")
    assert ingest.export_corrections(library, overrides) == exported  # not repeated once committed


def test_a_restart_keeps_added_articles_and_corrections(tmp_path):
    """A Cloud-style restart: a new process, the same database URL, a fresh working folder."""
    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    env = {**os.environ, "SHYMKENT_LIBRARY_URL": url}
    script = ("from dashboard import ingest\n"
              "lib = ingest.open_library()\n"
              "geo, version = ingest.geocoder_for(lib), ingest.extractor_version(lib)\n"
              "ingest.add_text(lib, {text!r}, name='pasted', geocoder=geo, version=version)\n"
              "ingest.save_corrections(lib, [ingest.Correction('Kettlewick', 'en', 51.95, -1.4, 'city', 'GB')])\n")
    subprocess.run([sys.executable, "-c", script.format(text=RU)], cwd=ROOT, env=env, check=True, timeout=600)
    fresh = tmp_path / "fresh-checkout"
    fresh.mkdir()
    check = ("from dashboard import ingest\n"
             "lib = ingest.open_library()\n"
             "print([a.name for a in lib.articles()], [c.name for c in lib.corrections()])\n")
    out = subprocess.run([sys.executable, "-c", check], cwd=ROOT, env={**env, "HOME": str(fresh)}, check=True,
                         capture_output=True, text=True, timeout=600).stdout
    assert out.strip() == "['pasted'] ['Kettlewick']"


def test_geocodes_learned_online_are_kept_in_the_library(library, tmp_path):
    """A hosted app forgets geodata/geocache.json at a restart; the library keeps what Nominatim answered."""
    from dashboard.geocache import FOUND, CacheEntry, cache_key
    from dashboard.models import Mention, Toponym

    options = {"overrides_path": tmp_path / "none.csv", "cache_path": tmp_path / "geocache.json"}
    first = ingest.geocoder_for(library, **options)
    answer = CacheEntry(status=FOUND, query="Kettlewick", lang="en", origin="nominatim",
                        fetched_at="2026-11-30T10:00:00Z", key="osm:N1", name="Kettlewick", kind="city",
                        country="GB", lat=51.95, lon=-1.4)
    first.cache.put(cache_key("Kettlewick", "en"), answer)  # what an online lookup leaves behind
    first.flush()
    (tmp_path / "geocache.json").unlink()  # the restart: the file is gone
    again = ingest.geocoder_for(library, **options)
    place = again.locate(Toponym("Kettlewick", "en", (Mention("Kettlewick", 0, 10),)))
    assert place is not None and place.source == "cache" and place.location.key == "osm:N1"
    again.flush()  # a flush with nothing new keeps what was adopted
    assert again.locate(Toponym("Kettlewick", "en", (Mention("Kettlewick", 0, 10),))).location.key == "osm:N1"


def test_a_build_with_two_worker_processes_keeps_the_same_analyses(tmp_path, monkeypatch):
    """Worker processes are forked with the build's geocoder: every article is analysed once, in order, and
    the library keeps exactly what one process would have kept."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(ingest.PARALLEL_FROM + 5):  # enough articles to start the workers
        text = (EN, RU, KK)[i % 3].replace("2025", str(2000 + i))  # distinct texts: each is its own article
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    one = Library(f"sqlite:///{tmp_path / 'one.sqlite'}")
    two = Library(f"sqlite:///{tmp_path / 'two.sqlite'}")
    pools = []

    class CountedPool(ingest.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ingest, "ProcessPoolExecutor", CountedPool)
    by_one = ingest.build(one, folder, workers=1)
    assert pools == []
    by_two = ingest.build(two, folder, workers=2)
    assert pools == [2]  # the workers did the analysing
    assert len(by_two.articles) == ingest.PARALLEL_FROM + 5 and not by_two.skipped
    assert [a.to_json() for a in by_two.articles] == [a.to_json() for a in by_one.articles]
    assert sum(len(a.links) for a in by_two.articles) > 0


def test_the_number_of_workers_comes_from_settings():
    from dashboard import settings

    assert settings.workers({}) == 1
    assert settings.workers({settings.ENV_WORKERS: "3"}) == 3
    assert settings.workers({settings.ENV_WORKERS: "auto"}) == (os.cpu_count() or 1)
    assert settings.workers({settings.ENV_WORKERS: "many"}) == 1  # ignored, with a warning in the log
