"""Smoke check of the app as Streamlit Community Cloud runs it: the page script from a checkout, in an
environment built only from requirements.txt (the package itself is not installed).

Runs dashboard/app.py once through Streamlit's own script runner on the seeds and fails unless the page
shows every seed article, at least as many places as the seeds' gold annotations require, and every gold link.
Usage (from the checkout's root): python .ci/smoke_app.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    # No browser here to tell the page its map is drawn: have it send the whole page at once.
    os.environ["SHYMKENT_DEFER_PAGE"] = "0"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600).run()
    if at.exception:
        print("smoke: the page raised:", [e.value for e in at.exception], file=sys.stderr)
        return 1
    shown = {m.label: int(m.value) for m in at.metric}
    problems = []
    if shown.get("Articles") != len(seeds):
        problems.append(f"{shown.get('Articles')} articles shown, {len(seeds)} seeds")
    gold_lines = (ROOT / "tests" / "data" / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines()
    required = {p["name"] for line in gold_lines if line.strip() for p in json.loads(line)["places"] if p["required"]}
    if shown.get("Places", 0) < len(required):
        problems.append(f"{shown.get('Places')} places shown, the gold requires {len(required)}")
    skipped = [e.label for e in at.expander if "could not be loaded" in e.label]
    if skipped:
        problems.append(f"files skipped: {skipped}")
    # every gold link of the seeds, through the same pipeline the page used
    sys.path.insert(0, str(ROOT))
    from dashboard import evaluate, pipeline

    gold = evaluate.load_gold(ROOT / "tests" / "data" / "seeds_gold.jsonl")
    dataset = pipeline.build([ROOT / "seeds" / g["file"] for g in gold])
    score = evaluate.score_domain(gold, [a.to_json() for a in dataset.articles])
    if score["link_r"] < 1.0:
        problems.append(f"seed links missing: link recall {score['link_r']}")
    print("smoke:", json.dumps({"python": sys.version.split()[0], "metrics": shown,
                                "link_recall": score["link_r"]}))
    for problem in problems:
        print("smoke: FAIL:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
