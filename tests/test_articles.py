"""Article loading: the seeds as a person reads them, and bad files that must not crash anything."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from dashboard.articles import detect_language, load_article, load_paths, load_text
from dashboard.errors import ArticleError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str):
    return load_article(next(SEEDS.glob(f"{prefix}_*.txt")))


def test_seed_titles_dates_languages_sources():
    a0, a1, a2, a3, a4 = (seed(f"00{i}") for i in range(5))
    assert a1.title == "Meeting on the socio-economic development of Shymkent city"
    assert a2.title == "В Великобритании праздновали 25 лет побратимских отношений между Шымкентом и Стивенейджем"
    assert a4.title.startswith("Казахстанские дипломаты провели встречи")
    # no headline line: a readable first sentence, without the "ASTANA –" dateline and the header
    assert a0.title.startswith("A delegation of 18 ambassadors") and "date" not in a0.title
    assert a3.title.startswith("Аким Туркестанской области Нуралхан Кушеров встретился")
    assert len(a0.title) <= 141
    assert (a0.date, a1.date, a3.date) == ("2025-04-14", "2018-09-29", "2025-09-18")
    assert a2.date is None  # "8-11 июня" with no year anywhere that places the article in time
    assert [a.lang for a in (a0, a1, a2, a3, a4)] == ["en", "en", "ru", "ru", "ru"]
    assert a2.source == "Zakon.kz"
    assert a4.source == "KAZAKHSTAN TODAY"
    assert a0.source is None


def test_text_is_unchanged_and_ids_are_stems():
    a = seed("002")
    raw = next(SEEDS.glob("002_*.txt")).read_bytes().decode("utf-8")
    assert a.text == raw
    assert a.id == "002_2bc45280b5b1eb0a"


def test_furniture_is_not_body():
    a1, a2, a4 = seed("001"), seed("002"), seed("004")
    assert "Section categories" not in a1.body and "Other working trips" not in a1.body
    assert "Shymkent needs to modify its growth model" in a1.body
    assert "Читайте также" not in a2.body and "Популярные новости" not in a2.body
    assert "Сорбулак" not in a2.body  # a headline in the popular-news list, not this article
    assert "Zakon.kz" not in a2.body
    assert "делегация ЮКО посетила г. Манчестер" in a2.body
    assert "Фото: МИД РК" not in a4.body
    for a in (a1, a2, a4):
        for start, end in a.body_ranges:
            assert 0 <= start <= end <= len(a.text)


def test_front_matter_wins_and_is_not_body():
    text = "title: Визит в Ташкент\ndate: 2024-05-02\nsource: Kazinform\nurl: https://example.org/a\n\nТекст статьи.\n"
    a = load_text(text, article_id="x")
    assert (a.title, a.date, a.source, a.url) == ("Визит в Ташкент", "2024-05-02", "Kazinform", "https://example.org/a")
    assert a.body == "Текст статьи."
    assert a.lang == "ru"


def test_text_without_blank_line_after_keylike_line_is_not_front_matter():
    a = load_text("Title: a story about Almaty and its parks today\nmore text here.", article_id="x")
    assert "Almaty" in a.body


def test_a_paragraph_that_starts_like_a_field_is_text_not_front_matter():
    # a press release pasted whole: "Source:" opens its first paragraph, which runs on into the story
    lead = ("Source: Office of the Akim of Turkistan Region - Press service Headline: Governor receives a "
            "delegation from Bukhara. TURKISTAN - The governor received guests from Bukhara on Monday and "
            "discussed a twinning agreement between the two old cities of the Silk Road.")
    a = load_text(lead + "\n\nThe sides agreed to meet again in Samarkand.\n", article_id="x")
    assert "Bukhara" in a.body and a.source != lead[len("Source: "):]
    short = load_text("Source: Kazinform\n\nThe akim met guests from Bukhara.\n", article_id="y")
    assert short.source == "Kazinform" and "Kazinform" not in short.body


def test_language_detection():
    assert detect_language("Шымкент қаласының әкімі Түркияға сапармен барды.") == "kk"
    assert detect_language("Аким города встретился с послом.") == "ru"
    assert detect_language("The mayor met the ambassador.") == "en"
    # one Kazakh letter in a quoted name does not make a Russian article Kazakh
    assert detect_language("Компания «Қазақстан темір жолы» сообщила о новых рейсах в Ташкент и Бишкек." * 3) == "ru"


def test_dates_from_text():
    a = load_text("Shymkent, 3 March 2021. The mayor met guests from Tashkent.", article_id="x")
    assert a.date == "2021-03-03"
    assert any("guessed" in w for w in a.warnings)
    b = load_text("Делегация прибыла 12 февраля. Затем гости уехали.", article_id="y")
    assert b.date is None  # no year in the text: do not invent one
    c = load_text("Астана. 12 февраля. Стороны согласовали план мероприятий на 2024 год.", article_id="z")
    assert c.date == "2024-02-12"
    d = load_text("2017 жылғы 20-23 наурыз аралығында делегация Ташкентте болды.", article_id="k")
    assert d.date == "2017-03-20"
    # a dateline without a year takes the year of the events the body dates in full a few days before it
    e = load_text("Түркістан, 9 желтоқсан. Делегация 2024 жылғы 2 желтоқсанда Дубай арқылы ұшып, 3 желтоқсанда "
                  "Гандинагарға жетті. Келесі жылға арналған жоспар 2025 жылға бекітілді.", article_id="d")
    assert e.date == "2024-12-09"
    f = load_text("Туркестан, 9 октября. Делегация вернулась 2 мая 2024 года.", article_id="f")
    assert f.date is None  # months apart: no year the dateline can take


@pytest.mark.parametrize("header,expected,warn", [
    (" date 2025-13-45 Text about Almaty.", None, "not a real date"),
    (" date 2999-01-01 Text about Almaty.", "2999-01-01", "future"),
    (" date yesterday Text about Almaty.", None, "not YYYY-MM-DD"),
])
def test_bad_header_dates_warn(tmp_path, header, expected, warn):
    p = tmp_path / "a.txt"
    p.write_text(header, encoding="utf-8")
    a = load_article(p)
    assert a.date == expected
    assert any(warn in w for w in a.warnings)


def test_bad_files_give_clear_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text("Shymkent delegation visited Tashkent.", encoding="utf-8")
    articles, skipped = load_paths([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in articles] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "empty" in reasons["empty.txt"]
    assert "empty" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_encodings_and_line_ends(tmp_path):
    text = "Аким Шымкента встретился с послом Турции.\r\nСтороны обсудили сотрудничество.\r\n"
    (tmp_path / "cp1251.txt").write_bytes(text.encode("cp1251"))
    (tmp_path / "bom8.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "bom16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    for name, warn in [("cp1251", "Windows-1251"), ("bom8", "byte order mark"), ("bom16", "UTF-16"), ("crlf", None)]:
        a = load_article(tmp_path / f"{name}.txt")
        assert "Шымкента" in a.text, name
        assert a.lang == "ru"
        if warn:
            assert any(warn in w for w in a.warnings), (name, a.warnings)
    crlf = load_article(tmp_path / "crlf.txt")
    assert "\r\n" in crlf.text  # offsets index the unchanged text
    assert crlf.title == "Аким Шымкента встретился с послом Турции."
    for s, e in crlf.body_ranges:
        assert "\r" not in crlf.text[s:e]


def test_large_file_loads_and_oversized_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("The delegation of Shymkent visited Tashkent. " * 20 + "\n\n") * 5600, encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    a = load_article(big)
    assert a.lang == "en" and a.body_ranges
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ArticleError, match="huge.txt.*limited"):
        load_article(huge)


def test_undecodable_non_cyrillic_bytes_are_refused(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Çok güzel bir şehir, Şımkent ve Türkistan ile işbirliği.".encode("cp1254"))
    with pytest.raises(ArticleError, match="latin.txt"):
        load_article(p)


def test_kazakh_inflected_date_in_text():
    a = load_text("Түркістан облысының делегациясы 2025 жылғы 12 мамырда Ташкентке барды.", article_id="kk")
    assert a.date == "2025-05-12"
    assert a.lang == "kk"
