"""Benchmark (run by hand): extraction cost per article and language, gazetteer build/load time and memory.

    python tests/bench/bench_extract.py [--repeat 20]

Articles: the seeds and tests/data/heldout/ (texts we wrote; English, Russian, Kazakh). Each is analysed
whole (places, geocoding from the offline chain, links) ``--repeat`` times after one warm-up pass that
loads the models (model load is not extraction time); the median per article and language is reported.
Writes tests/bench/results/extract.json. Cold load = build the gazetteer from the packages into an empty
cache; warm load = read the pickled index in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_LOAD_SNIPPET = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
import dashboard.models, dashboard.names  # imports are not load time

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20

before = rss_mb()
t = time.perf_counter()
from dashboard import gazetteer
g = gazetteer.load(cache_dir={cache!r})
dt = time.perf_counter() - t
print(json.dumps({{"seconds": round(dt, 3), "rss_growth_mb": round(rss_mb() - before, 1),
                  "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "locations": len(g.locations), "keys": len(g.index)}}))
"""


def _load_in_fresh_process(cache: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _LOAD_SNIPPET.format(root=str(ROOT), cache=cache)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        cold = _load_in_fresh_process(cache)
        warm = _load_in_fresh_process(cache)

    import statistics

    from dashboard import gazetteer, pipeline
    from dashboard.articles import load_article

    gazetteer.load()
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))
    arts = [load_article(p) for p in paths]
    geocoder = pipeline.make_geocoder()
    for a in arts:  # load the NLP models once; their load is not extraction time
        pipeline.analyze(a, geocoder=geocoder)
    times: dict[str, list[float]] = {}
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for a in arts:
            t = time.perf_counter()
            pipeline.analyze(a, geocoder=geocoder)
            times.setdefault(a.lang, []).append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    n = args.repeat * len(arts)
    result = {
        "python": platform.python_version(),
        "articles": n,
        "distinct_articles_by_lang": {k: len(v) // args.repeat for k, v in sorted(times.items())},
        "seconds": round(total, 3),
        "articles_per_second_one_core": round(n / total, 1),
        "median_seconds_per_article_by_lang": {k: round(statistics.median(v), 4) for k, v in sorted(times.items())},
        "p90_seconds_per_article_by_lang": {k: round(sorted(v)[int(0.9 * len(v))], 4)
                                            for k, v in sorted(times.items())},
        "gazetteer_cold_load": cold,
        "gazetteer_warm_load": warm,
    }
    out = ROOT / "tests" / "bench" / "results" / "extract.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
