"""A bug that makes the reading of one article never end (a parse that loops hung a whole build once) costs
that article, not the build: it is skipped with a reason after the per-article limit, and the next one is read."""

from __future__ import annotations

import pytest

from dashboard import articles, pipeline, relations
from dashboard.models import Article, SkippedFile


def _article(name: str) -> Article:
    return articles.load_text("Делегация из турецкой Бурсы посетила Шымкент 14 апреля 2025 года, гости осмотрели "
                              "индустриальную зону.", article_id=name, path=f"/articles/{name}.txt",
                              title="Гости из Бурсы", date_str="2025-04-14")


def _read(article: Article):
    return pipeline.analyze_safely(lambda: article, path=article.path, geocoder=pipeline.make_geocoder())


def test_an_article_whose_reading_never_ends_is_skipped_and_the_next_is_read(monkeypatch):
    real_extract = relations.extract_links

    def never_ends_on_the_first(article, *args, **kwargs):
        if article.id == "looping":
            try:  # a broad except inside the extractor must not swallow the limit for good
                while True:
                    pass
            except Exception:
                pass
            while True:
                pass
        return real_extract(article, *args, **kwargs)

    monkeypatch.setattr(relations, "extract_links", never_ends_on_the_first)
    monkeypatch.setattr(pipeline, "READING_LIMIT_S", 0.5)
    skipped = _read(_article("looping"))
    assert isinstance(skipped, SkippedFile)
    assert skipped.path == "/articles/looping.txt" and "longer than 0.5 s" in skipped.reason
    monkeypatch.setattr(pipeline, "READING_LIMIT_S", 60.0)  # the first real read loads the language models
    read = _read(_article("next"))
    assert not isinstance(read, SkippedFile)
    assert [(link.home.name, link.partner.name) for link in read.links] == [("Shymkent", "Bursa")]


@pytest.mark.parametrize("limit", [0.0, 60.0])
def test_the_limit_leaves_no_timer_behind(limit, monkeypatch):
    import signal

    monkeypatch.setattr(pipeline, "READING_LIMIT_S", limit)
    assert not isinstance(_read(_article("plain")), SkippedFile)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
