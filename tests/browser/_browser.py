"""Helpers for the browser tests: a real Streamlit server and a watched page.

Each server is ``streamlit run dashboard/app.py`` on a free loopback port, started as a subprocess
and stopped (by its pid) afterwards. Every page records its requests, failed requests, dialogs and
page errors so a test can assert the page stayed offline and quiet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("SHYMKENT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
START_TIMEOUT_S = 180  # the first run analyses the articles (cold caches on CI)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    articles: Path
    proc: subprocess.Popen
    log: Path


def start_server(articles: Path, tmp: Path) -> Server:
    port = _free_port()
    log = tmp / f"streamlit-{port}.log"
    env = {**os.environ, "SHYMKENT_ARTICLES_DIR": str(articles), "SHYMKENT_DATA_DIR": str(tmp / "data"),
           "SHYMKENT_GEOCODE_ONLINE": "", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
           "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:  # noqa: S310
                if resp.read().strip() == b"ok":
                    return Server(url, articles, proc, log)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"streamlit did not answer on {url}: {log.read_text()[-2000:]}")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(timeout=15)


@dataclass
class Watched:
    """A page and everything it asked for."""

    page: object
    base: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith((self.base, "data:", "blob:", "about:")) and u != "about:srcdoc"]


def watch(page, base: str) -> Watched:
    w = Watched(page, base)
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("requestfailed", lambda r: w.failed.append(f"{r.url} {r.failure}"))
    page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    return w
