"""Hand-built Datasets for the dashboard tests: no extraction involved, so a failure here is the
dashboard's. Texts are written for the tests (not the seeds); offsets are computed, never typed."""

from __future__ import annotations

from places import ASTANA, HELSINKI, MARIBOR, SHYMKENT, STEVENAGE, TOKYO
from places import TURKISTAN_REGION as TURKISTAN

from dashboard.models import (
    AnalyzedArticle,
    Article,
    Dataset,
    Link,
    Mention,
    Place,
    SkippedFile,
)

HOSTILE = "<img src=x onerror=alert(1)> ${alert(1)} ` </script> \\ =cmd|' /C calc'!A0"


def _mentions(text: str, word: str) -> tuple[Mention, ...]:
    out, pos = [], text.find(word)
    while pos != -1:
        out.append(Mention(word, pos, pos + len(word)))
        pos = text.find(word, pos + 1)
    assert out, f"{word!r} not in the test text"
    return tuple(out)


def _sentence(text: str, start_word: str, end_word: str) -> Mention:
    s = text.index(start_word)
    e = text.index(end_word, s) + len(end_word)
    return Mention(text[s:e], s, e)


def article(aid, title, body, *, lang, date, source="Test News", places=(), links=()):
    text = f"{title}\n\n{body}\n"
    body_start = len(title) + 2
    art = Article(id=aid, path=f"{aid}.txt", text=text, title=title, date=date, lang=lang, source=source,
                  body_ranges=((body_start, len(text) - 1),))
    placed = tuple(Place(location=loc_, source="gazetteer",
                         mentions=tuple(m for m in _mentions(text, word) if m.start >= body_start))
                   for loc_, word in places)
    made = tuple(Link(kind=kind, home=home, partner=partner, date=day or date,
                      evidence=_sentence(text, a, b)) for kind, home, partner, day, a, b in links)
    return AnalyzedArticle(article=art, places=placed, links=made)


def build_dataset(*, hostile: bool = False) -> Dataset:
    arts = [
        article("ru1", "Шымкент и Стивенейдж отметили годовщину",
                "Делегация Шымкента посетила Стивенейдж. Стороны подписали меморандум о побратимстве "
                "между Шымкентом и Стивенейджем. Позже делегация вернулась в Астану.",
                lang="ru", date="2021-06-10",
                places=[(SHYMKENT, "Шымкент"), (STEVENAGE, "Стивенейдж"), (ASTANA, "Астану")],
                links=[("partnership", SHYMKENT, STEVENAGE, None, "Стороны", "Стивенейджем."),
                       ("visit", SHYMKENT, STEVENAGE, None, "Делегация", "Стивенейдж.")]),
        article("en1", "Maribor delegation in Shymkent",
                "A delegation from Maribor visited Shymkent on Monday. The mayor of Shymkent met the guests "
                "from Maribor and discussed tourism.",
                lang="en", date="2023-03-02",
                places=[(MARIBOR, "Maribor"), (SHYMKENT, "Shymkent")],
                links=[("visit", SHYMKENT, MARIBOR, None, "A delegation", "Monday."),
                       ("meeting", SHYMKENT, MARIBOR, None, "The mayor", "tourism.")]),
        article("kk1", "Түркістан облысы мен Хельсинки кездесуі",
                "Түркістан облысының әкімі Хельсинки қаласының өкілдерімен кездесті. Кездесу Астана "
                "қаласында өтті.",
                lang="kk", date="2024-11-20",
                places=[(TURKISTAN, "Түркістан облысы"), (HELSINKI, "Хельсинки"), (ASTANA, "Астана")],
                links=[("meeting", TURKISTAN, HELSINKI, None, "Түркістан", "кездесті.")]),
        article("en2", "Notes from Tokyo", "A short note that mentions Tokyo and nothing else.",
                lang="en", date=None, places=[(TOKYO, "Tokyo")]),
    ]
    if hostile:
        arts.append(article(
            "evil", f"Title {HOSTILE}",
            f"The delegation of Shymkent {HOSTILE} visited Helsinki. {HOSTILE} end.",
            lang="en", date="2022-01-05", source=f"Source {HOSTILE}",
            places=[(SHYMKENT, "Shymkent"), (HELSINKI, "Helsinki")],
            links=[("visit", SHYMKENT, HELSINKI, None, "The delegation", "Helsinki.")]))
    return Dataset(articles=tuple(arts),
                   skipped=(SkippedFile(path="broken.txt", reason="the file is empty"),))


VERSION = "test-version"


def stored(dataset: Dataset, url: str):
    """The dataset's articles kept in a library at ``url`` with their analyses, as a build leaves them."""
    from dashboard.library import codec
    from dashboard.library.store import Library

    library = Library(url)
    for analyzed in dataset.articles:
        a = analyzed.article
        added = library.add_article(a.text, name=a.id, origin="upload", title=a.title, date=a.date, source=a.source)
        library.save_analysis(added.article.id, VERSION, codec.encode(analyzed))
    return library


def catalog_of(dataset: Dataset, how: str, tmp_path):
    """The page's index of ``dataset``: built in memory, or read back from a SQLite library."""
    from dashboard.catalog import Catalog

    if how == "memory":
        return Catalog.of_dataset(dataset)
    library = stored(dataset, f"sqlite:///{tmp_path}/catalog.db")
    return Catalog.of_library(library, VERSION, skipped=dataset.skipped)
