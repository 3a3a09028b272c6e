"""The links the whole pipeline reads from a text written for a test: (kind, home, partner) by English name."""

from __future__ import annotations

from dashboard import pipeline


def links(text: str, *, date: str | None = None) -> set[tuple[str, str, str]]:
    analysed = pipeline.analyze_text(text, name="t", date=date)
    return {(lk.kind, lk.home.name, lk.partner.name) for lk in analysed.links}


def dated_links(text: str, *, date: str | None = None) -> set[tuple[str, str, str, str | None]]:
    analysed = pipeline.analyze_text(text, name="t", date=date)
    return {(lk.kind, lk.home.name, lk.partner.name, lk.date) for lk in analysed.links}
