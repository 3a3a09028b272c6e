"""``python -m dashboard geocode``: summary, unresolved list with article ids, cache written, exit status."""

from __future__ import annotations

import io
import json

import pytest
from nominatim_stub import NominatimStub, hit
from places import ALMATY

from dashboard import geocode_command, toponyms
from dashboard.geocoding import Geocoder, NominatimOptions
from dashboard.models import Extraction, Mention, Toponym

UA = "shymkent-ties-tests/1.0 (tests@example.org)"


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t

    def sleep(self, s):
        self.t += s


def fake_extract(monkeypatch):
    """Toponyms chosen by the test, whatever the real extractor finds: this tests the command."""

    def extract(article, gazetteer):
        words = [w.strip(".,") for w in article.body.split() if w[:1].isupper()]
        tops = []
        for w in dict.fromkeys(words):
            start = article.text.index(w)
            loc = ALMATY if w == "Almaty" else None
            tops.append(Toponym(query=w, lang=article.lang, mentions=(Mention(w, start, start + len(w)),),
                                location=loc))
        return Extraction(toponyms=tuple(tops))

    monkeypatch.setattr(toponyms, "extract", extract)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_summary_counts_sources_and_lists_unresolved_names_with_articles(tmp_path, monkeypatch):
    fake_extract(monkeypatch)
    arts = tmp_path / "articles"
    arts.mkdir()
    write(arts, "a1.txt", " date 2025-03-01 The mayor met guests from Almaty and Qwertyville.\n")
    write(arts, "a2.txt", " date 2025-03-02 A delegation from Qwertyville visited Zorbagrad.\n")
    write(arts, "a3.txt", "")  # empty: skipped with a reason
    clock = Clock()
    out, err = io.StringIO(), io.StringIO()
    with NominatimStub(clock=clock) as stub:
        stub.script("Zorbagrad", hit(40.0, 50.0, name="Zorbagrad"))
        geo = Geocoder(cache_path=tmp_path / "geocache.json", overrides_path=tmp_path / "none.csv", online=True,
                       user_agent=UA, nominatim=NominatimOptions(domain=stub.domain, scheme="http", clock=clock,
                                                                 sleeper=clock.sleep))
        status = geocode_command.run([arts], online=True, out=out, err=err, geocoder=geo, gazetteer=object())
        requests = stub.queries()
    text = out.getvalue()
    assert status == 1  # a file was skipped
    assert "a3.txt" in err.getvalue()
    assert "2 articles, 1 file(s) skipped" in text
    # Each name is asked online at most once, even when two articles mention it.
    assert sorted(requests) == ["A", "Qwertyville", "The", "Zorbagrad"]
    assert "  en  Qwertyville  (a1, a2)" in text
    assert "Zorbagrad" not in text.split("Unresolved")[1]
    lines = dict((line.rsplit(None, 1)[0].strip(), line.split()[-1]) for line in text.splitlines()[1:6])
    assert lines["gazetteer"] == "1" and lines["online (Nominatim)"] == "1" and lines["cache"] == "0"
    assert "4 HTTP request(s)" in text
    entries = json.loads((tmp_path / "geocache.json").read_text(encoding="utf-8"))["entries"]
    assert entries["en:zorbagrad"]["status"] == "found"
    assert entries["en:qwertyville"]["status"] == "not_found"


def test_offline_run_makes_no_request_and_exits_zero(tmp_path, monkeypatch):
    fake_extract(monkeypatch)
    write(tmp_path, "k.txt", " date 2025-03-01 Делегация из Almaty приехала.\n")
    out = io.StringIO()
    geo = Geocoder(cache_path=tmp_path / "geocache.json", overrides_path=tmp_path / "none.csv")
    status = geocode_command.run([tmp_path / "k.txt"], online=False, out=out, err=io.StringIO(), geocoder=geo,
                                 gazetteer=object())
    assert status == 0
    assert "Nominatim: offline, 0 HTTP request(s)" in out.getvalue()
    assert not (tmp_path / "geocache.json").exists()  # nothing new: the file is not touched


def test_broken_cache_is_reported_and_the_run_still_resolves(tmp_path, monkeypatch):
    fake_extract(monkeypatch)
    write(tmp_path, "k.txt", " date 2025-03-01 Guests from Almaty.\n")
    (tmp_path / "geocache.json").write_text("{truncated", encoding="utf-8")
    out = io.StringIO()
    geo = Geocoder(cache_path=tmp_path / "geocache.json", overrides_path=tmp_path / "none.csv")
    status = geocode_command.run([tmp_path / "k.txt"], online=False, out=out, err=io.StringIO(), geocoder=geo,
                                 gazetteer=object())
    assert status == 1
    assert f"problem: {tmp_path / 'geocache.json'}" in out.getvalue()
    assert "corrupt-" in out.getvalue()
    assert "gazetteer" in out.getvalue()


def test_online_without_user_agent_is_refused_before_any_work(tmp_path):
    from dashboard.errors import ConfigError

    with pytest.raises(ConfigError):
        geocode_command.run([tmp_path], online=True, user_agent=None, out=io.StringIO(), err=io.StringIO())


def test_real_extractor_on_own_sentences_resolves_offline(tmp_path):
    """The real toponym extractor and gazetteer, no network: common places are placed offline."""
    write(tmp_path, "en.txt", " date 2025-05-10 A delegation from Shymkent visited Ankara, Turkey, "
                              "to sign a partnership agreement.\n")
    write(tmp_path, "ru.txt", " date 2025-05-11 Делегация из Шымкента посетила Сеул, Южная Корея.\n")
    out = io.StringIO()
    geo = Geocoder(cache_path=tmp_path / "geocache.json", overrides_path=tmp_path / "none.csv")
    status = geocode_command.run([tmp_path], online=False, out=out, err=io.StringIO(), geocoder=geo)
    assert status == 0, out.getvalue()
    assert geo.stats["gazetteer"] >= 4
    assert geo.requests == 0
