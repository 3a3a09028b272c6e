"""Sides written as pairs ("A и B, C и D подписали"): each pair is one partnership, not every cross pair.
Sentences written for this test."""

from __future__ import annotations

from places import ALMATY, ASTANA, ISTANBUL, SAMARKAND, SHYMKENT, TASHKENT
from test_relations import run, triples


def test_russian_pairs_sign_pair_by_pair():
    text = ("На полях форума Шымкент и Ташкент, а также Алматы и Самарканд подписали документы "
            "о сотрудничестве в сфере туризма.")
    links = run(text, "ru", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",), ALMATY: ("Алматы",),
                             SAMARKAND: ("Самарканд",)}, date="2025-05-01")
    assert triples(links) == {("partnership", "Shymkent", "Tashkent"), ("partnership", "Almaty", "Samarkand")}


def test_english_pairs_sign_pair_by_pair():
    text = ("Astana and Istanbul, and Shymkent and Tashkent signed cooperation agreements at the forum, "
            "the ministry said.")
    links = run(text, "en", {ASTANA: ("Astana",), ISTANBUL: ("Istanbul",), SHYMKENT: ("Shymkent",),
                             TASHKENT: ("Tashkent",)}, date="2025-05-01")
    assert triples(links) == {("partnership", "Astana", "Istanbul"), ("partnership", "Shymkent", "Tashkent")}


def test_one_pair_is_read_as_before():
    text = "Шымкент и Ташкент подписали меморандум о сотрудничестве."
    links = run(text, "ru", {SHYMKENT: ("Шымкент",), TASHKENT: ("Ташкент",)}, date="2025-05-01")
    assert triples(links) == {("partnership", "Shymkent", "Tashkent")}
