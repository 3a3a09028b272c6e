"""Benchmark (run by hand): extraction speed over the seeds x100, gazetteer build/load time and memory.

    python tests/bench/bench_extract.py [--repeat 100]

Writes tests/bench/results/extract.json. Cold load = build from the packages into an empty cache;
warm load = read the pickled index in a fresh process.
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
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        cold = _load_in_fresh_process(cache)
        warm = _load_in_fresh_process(cache)

    from dashboard import gazetteer, toponyms
    from dashboard.articles import load_article

    gaz = gazetteer.load()
    arts = [load_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for a in arts:  # warm natasha's models once; their load is not extraction time
        toponyms.extract(a, gaz)
    per_lang: dict[str, float] = {}
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for a in arts:
            t = time.perf_counter()
            toponyms.extract(a, gaz)
            per_lang[a.lang] = per_lang.get(a.lang, 0.0) + time.perf_counter() - t
    total = time.perf_counter() - t0
    n = args.repeat * len(arts)
    counts = {lang: sum(1 for a in arts if a.lang == lang) * args.repeat for lang in per_lang}
    result = {
        "python": platform.python_version(),
        "articles": n,
        "seconds": round(total, 3),
        "articles_per_second": round(n / total, 1),
        "seconds_per_article_by_lang": {k: round(v / counts[k], 4) for k, v in per_lang.items()},
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
