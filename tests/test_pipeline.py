"""The whole chain on files: build(), bad files, and the CLI. (The library's build: test_library.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dashboard import pipeline
from dashboard.settings import SEEDS_DIR

ROOT = Path(__file__).resolve().parent.parent


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_files_are_skipped_and_the_rest_analysed(tmp_path):
    write(tmp_path, "good.txt", "The akim of Shymkent met the ambassador of Turkey.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    data = pipeline.build([tmp_path])
    assert [a.article.id for a in data.articles] == ["good"]
    assert sorted(Path(s.path).name for s in data.skipped) == ["binary.txt", "empty.txt"]
    assert any(p.location.name == "Shymkent" for p in data.articles[0].places)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, timeout=300)


def test_cli_extract_prints_the_contract_and_names_bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("extract", "--json", "seeds/002_2bc45280b5b1eb0a.txt", str(tmp_path / "empty.txt"),
                     str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr
    data = json.loads(result.stdout)
    assert len(data) == 1
    art = data[0]
    assert set(art) >= {"id", "path", "title", "date", "lang", "source", "places", "unresolved", "links"}
    assert art["id"] == "002_2bc45280b5b1eb0a" and art["lang"] == "ru"
    for place in art["places"]:
        assert set(place) >= {"name", "country", "kind", "lat", "lon", "source", "mentions"}
        assert place["kind"] in ("city", "region", "country", "organization", "landmark")
        assert place["source"] in ("override", "cache", "gazetteer", "nominatim")
    text = (ROOT / art["path"]).read_text(encoding="utf-8")
    for place in art["places"]:
        for m in place["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for link in art["links"]:
        assert link["kind"] in ("visit", "partnership", "meeting")
        ev = link["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_cli_extract_reads_stdin():
    result = run_cli("extract", "-", stdin="Делегация Шымкента посетила Ташкент.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data[0]["id"] == "stdin" and data[0]["lang"] == "ru"
    assert {"Shymkent", "Tashkent"} <= {p["name"] for p in data[0]["places"]}


def test_cli_evaluate_prints_scores():
    result = run_cli("evaluate", "tests/data/seeds_gold.jsonl")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["place_f1"] >= 0.9 and scores["link_f1"] == 1.0  # acceptance: the seeds stay whole


def test_every_kind_of_bad_file_has_a_defined_outcome(tmp_path):
    """Issue 8: each file is either loaded (with a warning where something was guessed) or skipped
    with a reason naming it; the good articles still come through."""
    ru = "Аким Шымкента встретился с послом Турции.\r\nСтороны обсудили сотрудничество.\r\n"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "cp1251.txt").write_bytes(ru.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(ru.encode("utf-16"))
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + ru.encode("utf-8"))
    (tmp_path / "crlf.txt").write_bytes(ru.encode("utf-8"))
    write(tmp_path, "noplaces.txt", "The weather was fine and the committee met to discuss the budget.")
    write(tmp_path, "same1.txt", "title: One title\n\nThe akim of Shymkent met the ambassador of Turkey.")
    write(tmp_path, "same2.txt", "title: One title\n\nThe akim of Shymkent met the ambassador of Japan.")
    write(tmp_path, "baddate.txt", " date 2025-13-45 The akim of Shymkent visited Tashkent.")
    write(tmp_path, "future.txt", " date 2999-01-01 The akim of Shymkent visited Tashkent.")
    write(tmp_path, "big.txt", "The delegation of Shymkent visited Tashkent. " * 115_000)  # 5.2 MB
    data = pipeline.build([tmp_path])
    loaded = {a.article.id: a for a in data.articles}
    skipped = {Path(s.path).name: s.reason for s in data.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt"}
    assert set(loaded) == {"cp1251", "utf16", "bom8", "crlf", "noplaces", "same1", "same2", "baddate", "future", "big"}
    for name, warn in [("cp1251", "Windows-1251"), ("utf16", "UTF-16"), ("bom8", "byte order mark"),
                       ("baddate", "not a real date"), ("future", "future")]:
        assert any(warn in w for w in loaded[name].article.warnings), name
    for name in ("cp1251", "utf16", "bom8", "crlf"):
        assert {"gn:1518980", "cc:TR"} <= {p.location.key for p in loaded[name].places}, name  # Shymkent, Türkiye
    assert loaded["noplaces"].places == () and loaded["noplaces"].links == ()
    assert loaded["same1"].article.title == loaded["same2"].article.title  # both kept, told apart by id
    assert loaded["baddate"].article.date is None
    assert len(loaded["big"].article.text) > 5_000_000
    assert any("only the first" in w for w in loaded["big"].article.warnings)
    assert loaded["big"].article.body_ranges[-1][1] <= 50_000 + 10


def test_released_models_load_again_on_the_next_russian_article():
    # an unknown capitalised word (Жетысайского) sends the sentence through natasha's NER
    text = "Делегация Жетысайского района и Шымкента посетила Анкару."
    first = pipeline.analyze_text(text, name="a")
    assert pipeline.models_loaded()
    pipeline.release_models()
    assert not pipeline.models_loaded()
    again = pipeline.analyze_text(text, name="a")
    assert pipeline.models_loaded()
    assert [p.to_json() for p in again.places] == [p.to_json() for p in first.places]


def test_every_seed_analyses():
    """A seed that fails to analyse is skipped, and the page quietly shows fewer articles (it happened:
    natasha's morphology needs pkg_resources, which Python 3.12 and uv environments lack)."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    data = pipeline.build([SEEDS_DIR])
    assert [s.path for s in data.skipped] == []
    assert sorted(Path(a.article.path).name for a in data.articles) == [p.name for p in seeds]
    gold_links = {g["file"]: len(g["links"]) for g in map(json.loads, (ROOT / "tests/data/seeds_gold.jsonl").open())}
    for item in data.articles:
        name = Path(item.article.path).name
        assert item.places, f"{name}: no places"
        assert len(item.links) >= (1 if gold_links[name] else 0), f"{name}: no links, gold has {gold_links[name]}"


def test_released_models_include_the_english_ner():
    pipeline.analyze_text("The akim of Shymkent met the mayor of Lyon, Grégory Doucet.", name="e")
    assert pipeline.models_loaded()
    pipeline.release_models()
    assert not pipeline.models_loaded()


def test_the_extractor_version_follows_the_extraction_not_the_page(tmp_path, monkeypatch):
    """A fix to the page keeps every stored analysis; a change to what an article yields analyses again."""
    import shutil

    copy = tmp_path / "dashboard"
    shutil.copytree(pipeline.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "static"))
    monkeypatch.setattr(pipeline, "PACKAGE_DIR", copy)

    def version() -> str:
        pipeline.code_version.cache_clear()  # computed once per process
        return pipeline.code_version()

    before = version()
    for page_file in ("app.py", "catalog.py", "mapview/data.py", "library/store.py"):
        (copy / page_file).write_text((copy / page_file).read_text() + "\n# a page change\n")
    assert version() == before
    (copy / "relations" / "frames.py").write_text((copy / "relations" / "frames.py").read_text() + "\n# x\n")
    assert version() != before
    pipeline.code_version.cache_clear()
