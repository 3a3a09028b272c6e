"""The command line through dashboard.cli.main: help texts, one clear line per bad input, exit statuses,
and where `evaluate` finds a gold file's articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dashboard import cli

DATA = Path(__file__).resolve().parent / "data"

ARTICLE = "The akim of Shymkent visited Ankara last week.\nThe two cities signed a cooperation agreement.\n"
NO_PLACES = "The weather was warm and the meeting was short.\n"
SHYMKENT = {"name": "Shymkent", "kind": "city", "country": "KZ", "lat": 42.3155, "lon": 69.5869, "required": True}


def run(capsys, *argv: str) -> tuple[int, str, list[str]]:
    """Exit status, stdout and the stderr lines of one main() call."""
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err.splitlines()


def help_text(capsys, monkeypatch, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", "200")  # one option per line, so a help text can be read back whole
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*argv, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def write_gold(path: Path, *files: str) -> Path:
    path.write_text("".join(json.dumps({"file": f, "places": [SHYMKENT], "links": []}) + "\n" for f in files),
                    encoding="utf-8")
    return path


def assert_one_error(status: int, lines: list[str], *named: str) -> None:
    assert status != 0
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    for name in named:
        assert name in lines[0]


# ------------------------------------------------------------------------------------------------ help


def test_top_level_help_is_for_users(capsys, monkeypatch):
    text = help_text(capsys, monkeypatch)
    assert "main(argv)" not in text
    for command in ("extract", "geocode", "evaluate"):
        assert f"python -m dashboard {command}" in text  # an example of each
    assert "shymkent-ties" in text
    assert "exit status" in text


def test_each_command_has_its_own_verbose_help(capsys, monkeypatch):
    helps = {}
    for command in ("extract", "geocode", "evaluate"):
        found = re.search(r"-v, --verbose +(.+)", help_text(capsys, monkeypatch, command))
        helps[command] = found.group(1)
    assert len(set(helps.values())) == 3, helps
    assert "matched" in helps["evaluate"]
    assert "evaluate" not in helps["extract"] and "evaluate" not in helps["geocode"]


@pytest.mark.parametrize("argv", [["-v", "extract"], ["extract", "-v"], ["-v", "evaluate", "g.jsonl"],
                                  ["evaluate", "g.jsonl", "-v"]])
def test_verbose_before_or_after_the_command(argv):
    assert cli.build_parser().parse_args(argv).verbose is True
    assert cli.build_parser().parse_args([a for a in argv if a != "-v"]).verbose is False


# ------------------------------------------------------------------------------------------ bad gold


@pytest.mark.parametrize("content, reason", [
    (None, "no such file"),
    (b"\x00\x01\xff\xfe" * 50, "not UTF-8"),
    (b"", "empty"),
    (b"\n  \n", "empty"),
    (b'{"file": "a.txt", "places": [], "links": []}\n\nnot json\n', "line 3 is not JSON"),
    (b'{"file": "a.txt", "places": []}\n', 'line 1 is not a gold record ("links"'),
    (b'{"file": "a.txt", "places": [{"name": "X", "kind": "city"}], "links": []}\n', "without"),
])
def test_bad_gold_file_is_one_line_and_an_error(capsys, tmp_path, content, reason):
    gold = tmp_path / "x_gold.jsonl"
    if content is not None:
        gold.write_bytes(content)
    status, out, err = run(capsys, "evaluate", str(gold))
    assert_one_error(status, err, str(gold), reason)
    assert out == ""


def test_gold_naming_articles_found_nowhere_says_which(capsys, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "here.txt").write_text(ARTICLE, encoding="utf-8")
    gold = write_gold(tmp_path / "x_gold.jsonl", "here.txt", "gone_1.txt", "gone_2.txt")
    status, out, err = run(capsys, "evaluate", str(gold))
    assert_one_error(status, err, str(gold), "gone_1.txt", "gone_2.txt")
    assert "here.txt" not in err[0] and out == ""


def test_missing_articles_folder_is_one_line(capsys, tmp_path):
    gold = write_gold(tmp_path / "x_gold.jsonl", "a.txt")
    status, _out, err = run(capsys, "evaluate", str(gold), "--articles", str(tmp_path / "nowhere"))
    assert_one_error(status, err, "nowhere", "--articles")


# ------------------------------------------------------------------------------- where articles are


@pytest.mark.parametrize("layout", ["named folder", "own folder", "--articles"])
def test_evaluate_finds_the_articles(capsys, tmp_path, layout):
    gold = write_gold(tmp_path / "mini_gold.jsonl", "a.txt")
    folder = {"named folder": tmp_path / "mini", "own folder": tmp_path, "--articles": tmp_path / "elsewhere"}[layout]
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    extra = ["--articles", str(folder)] if layout == "--articles" else []
    status, out, err = run(capsys, "evaluate", str(gold), *extra)
    assert status == 0, err
    scores = json.loads(out)
    assert scores["articles"] == 1 and scores["missing_articles"] == 0 and scores["place_r"] == 1.0


def test_folder_named_after_the_gold_comes_before_the_gold_folder(capsys, tmp_path):
    gold = write_gold(tmp_path / "mini_gold.jsonl", "a.txt")
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(NO_PLACES, encoding="utf-8")  # would score place_r 0
    status, out, _err = run(capsys, "evaluate", str(gold), "-v")
    assert status == 0
    assert json.loads(out)["place_r"] == 1.0


def test_verbose_evaluate_prints_per_article_details(capsys, tmp_path):
    gold = write_gold(tmp_path / "mini_gold.jsonl", "a.txt")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    status, _out, err = run(capsys, "evaluate", str(gold), "-v")
    assert status == 0
    assert any(line.startswith("a: places tp=1") for line in err), err


@pytest.mark.parametrize("gold", ["heldout_gold.jsonl", "seeds_gold.jsonl"])
def test_the_readme_examples_find_every_article(capsys, monkeypatch, tmp_path, gold):
    articles = sum(1 for line in (DATA / gold).read_text(encoding="utf-8").splitlines() if line.strip())
    monkeypatch.chdir(tmp_path)  # seeds/ must be found from anywhere, not only from the repository root
    status, out, err = run(capsys, "evaluate", str(DATA / gold))
    assert status == 0, err
    scores = json.loads(out)
    assert scores["articles"] == articles and scores["missing_articles"] == 0


def test_a_gold_keyed_by_id_finds_id_txt_and_breaks_down_by_language_and_kind(capsys, tmp_path):
    link = {"kind": "visit", "kz": "Shymkent", "partner": "Ankara", "date": None}
    ankara = {"name": "Ankara", "kind": "city", "country": "TR", "lat": 39.92, "lon": 32.85, "required": True}
    record = {"id": "a", "lang": "en", "places": [SHYMKENT, ankara], "links": [link]}
    gold = tmp_path / "ids_gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    status, out, err = run(capsys, "evaluate", str(gold), "--breakdown")
    assert status == 0, err
    table, last = out.strip().splitlines()[:-1], out.strip().splitlines()[-1]
    assert json.loads(last)["missing_articles"] == 0
    rows = {tuple(cell.strip() for cell in line.strip("|").split("|")[:2]): line for line in table[2:]}
    assert set(rows) == {(lang, kind) for lang in ("en", "all") for kind in ("all", "partnership", "visit",
                                                                              "meeting")}
    assert rows[("en", "visit")].split("|")[4].strip() == "1"  # one gold visit


# -------------------------------------------------------------------------------------------- extract


@pytest.mark.parametrize("contents", [[], ["notes.md", "data.json"]])
def test_extract_on_a_folder_without_articles_is_an_error(capsys, tmp_path, contents):
    for name in contents:
        (tmp_path / name).write_text("text", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(tmp_path))
    assert_one_error(status, err, str(tmp_path), ".txt")
    assert out == ""


def test_missing_path_is_reported_exactly_once(capsys, caplog, tmp_path):
    missing = tmp_path / "missing.txt"
    status, out, err = run(capsys, "extract", str(missing))
    # the user's stderr is what main prints plus what logging prints: count both
    said = err + [record.getMessage() for record in caplog.records]
    assert [line for line in said if "missing.txt" in line] == [f"error: {missing}: no such file or folder"]
    assert status == 1 and json.loads(out) == []


# ------------------------------------------------------------------------------------------ the library

def test_library_commands_add_list_search_and_export(capsys, tmp_path):
    lib = f"sqlite:///{tmp_path / 'library.sqlite'}"
    (tmp_path / "a.txt").write_text("Shymkent and Ankara\n\n" + ARTICLE, encoding="utf-8")
    status, out, err = run(capsys, "add", str(tmp_path / "a.txt"), "--library", lib)
    assert status == 0 and out.startswith(f"added: {tmp_path / 'a.txt'} as a:") and "relation(s)" in out
    status, out, _ = run(capsys, "add", str(tmp_path / "a.txt"), "--library", lib)
    assert status == 0 and out.startswith("already in the library")
    status, out, _ = run(capsys, "library", "list", "--json", "--library", lib)
    [row] = json.loads(out)
    assert {"id", "url", "title", "date", "lang", "source", "places", "links"} <= set(row)
    assert (row["id"], row["lang"], row["title"]) == ("a", "en", "Shymkent and Ankara") and row["places"] >= 2
    status, out, _ = run(capsys, "search", "cooperation", "ankar", "--library", lib)
    assert status == 0 and out.startswith("a\tShymkent and Ankara\t") and "[" in out
    status, out, err = run(capsys, "search", "nothing-like-this", "--library", lib)
    assert status == 0 and out == "" and "no article holds" in err[0]
    status, out, _ = run(capsys, "export-corrections", "--library", lib)
    assert status == 0 and "name,lang,lat,lon" in out


def test_library_commands_say_what_is_wrong(capsys, tmp_path):
    lib = f"sqlite:///{tmp_path / 'library.sqlite'}"
    status, _, err = run(capsys, "feeds", "add", "ftp://example.org/rss", "--library", lib)
    assert status == 2 and err == ["error: ftp://example.org/rss: a feed address starts with http:// or https://"]
    status, out, _ = run(capsys, "feeds", "check", "--library", lib)
    assert status == 0 and "no feeds followed" in out
    status, _, err = run(capsys, "add", "http://127.0.0.1:9/page", "--library", lib)
    assert status == 1 and "private, loopback" in err[0]
    status, _, err = run(capsys, "library", "list", "--library", "postgresql+psycopg://x@127.0.0.1:1/none")
    assert status == 2 and err[0].startswith("error: library postgresql+psycopg://x@127.0.0.1:1/none: cannot use")


def test_build_mirrors_a_folder_and_analyses_only_what_is_new(capsys, tmp_path):
    lib = f"sqlite:///{tmp_path / 'library.sqlite'}"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Shymkent and Ankara\n\n" + ARTICLE, encoding="utf-8")
    status, out, _ = run(capsys, "build", str(folder), "--workers", "1", "--library", lib)
    assert status == 0 and out.startswith(f"{folder}: 1 added, 0 changed, 0 removed; 1 analysed (1 process)")
    assert "holds 1 analysed article(s)" in out
    status, out, _ = run(capsys, "build", str(folder), "--workers", "1", "--library", lib)
    assert status == 0 and "0 added" in out and "; 0 analysed" in out
