"""Build benchmark: extraction + geocoding + relations over synthetic corpora (run by hand, not by pytest).

    python tests/bench/bench_build.py [--sizes 100 1000 10000] [--workers N]

For each size: cold (an empty library) and warm (every article analysed) articles per second through the
dashboard's build (the folder mirrored into a SQLite library, new articles analysed, the page's index read
back: catalog.Catalog.of_library), the time to add one new article to the corpus, and the peak memory of a
fresh process per phase.
Results are printed and written to tests/bench/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = HERE / "results"

PHASE = r"""
import json, resource, sys, time
from dashboard import ingest
from dashboard import viewstate as vs
from dashboard.catalog import Catalog
folder, cache_dir, new_text = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter()
library = ingest.open_library(f"sqlite:///{cache_dir}/library.sqlite")
report = ingest.sync_folder(library, folder)
version = ingest.extractor_version(library)
workers = int(sys.argv[4])
analysed = ingest.refresh(library, geocoder=ingest.geocoder_for(library), version=version, workers=workers)
catalog = Catalog.of_library(library, version, skipped=report.skipped)  # what the page reads
view = catalog.view(vs.Filters())
seconds = time.perf_counter() - t0
add_one = None
if new_text:  # a running dashboard adding one article: models loaded, everything else analysed
    t1 = time.perf_counter()
    ingest.add_text(library, new_text, name="zz_added_in_process", geocoder=ingest.geocoder_for(library),
                    version=version)
    Catalog.of_library(library, version)
    add_one = time.perf_counter() - t1
print(json.dumps({"seconds": seconds, "add_one_in_process": add_one, "workers": workers,
                  "articles": view.article_count, "skipped": len(catalog.skipped),
                  "links": len(catalog.l_art), "misses": analysed,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_phase(folder: Path, cache_dir: Path, new_text: str = "", workers: int = 1) -> dict:
    """One build in a fresh interpreter, so each phase pays its own start-up and memory."""
    out = subprocess.run([sys.executable, "-c", PHASE, str(folder), str(cache_dir), new_text, str(workers)],
                         cwd=ROOT, check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(size: int, work: Path, workers: int) -> dict:
    sys.path.insert(0, str(HERE))
    from corpus import article, write_corpus

    folder = write_corpus(size, work / f"corpus{size}")
    cache_dir = work / f"cache{size}"
    import random

    cold = run_phase(folder, cache_dir, workers=workers)
    warm = run_phase(folder, cache_dir, article(random.Random(size + 2), size + 1), workers=workers)
    (folder / "zz_new_article.txt").write_text(article(random.Random(size + 1), size), encoding="utf-8")
    added = run_phase(folder, cache_dir, workers=workers)
    row = {
        "articles": size, "workers": workers,
        "cold_seconds": round(cold["seconds"], 2), "cold_articles_per_s": round(size / cold["seconds"], 1),
        "warm_seconds": round(warm["seconds"], 3), "warm_articles_per_s": round(size / warm["seconds"], 1),
        "add_one_seconds": round(added["seconds"], 3), "add_one_misses": added["misses"],
        "add_one_in_process_seconds": round(warm["add_one_in_process"], 3),
        "peak_mb_cold": round(cold["peak_mb"], 1), "peak_mb_warm": round(warm["peak_mb"], 1),
        "worker_peak_mb_cold": round(cold["worker_peak_mb"], 1),
        "links": cold["links"], "skipped": cold["skipped"],
    }
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes the build analyses with (default: one per core)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            rows.append(bench(size, Path(tmp), args.workers))
    RESULTS.mkdir(exist_ok=True)
    out = {"machine": os.uname().machine, "cpus": os.cpu_count(), "python": sys.version.split()[0],
           "when": time.strftime("%Y-%m-%d %H:%M"), "rows": rows,
           "self_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    (RESULTS / "build.json").write_text(json.dumps(out, indent=2), encoding="utf-8")
    print("| articles | workers | cold art/s | warm art/s | add one, running (s) | add one, new process (s) "
          "| peak MB cold (main / a worker) | peak MB warm |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']} | {r['workers']} | {r['cold_articles_per_s']} | {r['warm_articles_per_s']} "
              f"| {r['add_one_in_process_seconds']} | {r['add_one_seconds']} "
              f"| {r['peak_mb_cold']} / {r['worker_peak_mb_cold']} | {r['peak_mb_warm']} |")


if __name__ == "__main__":
    main()
