"""Fixtures for the browser tests (Debian's Chromium through Playwright); helpers in _browser.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    Server,
    Watched,
    start_server,
    stop_server,
    watch,
)


@pytest.fixture(scope="session")
def chromium_path():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def seeds_server(tmp_path_factory, chromium_path):
    """The app on a copy of the five seeds (a copy: an upload must not change the repository)."""
    tmp = tmp_path_factory.mktemp("seeds_server")
    articles = tmp / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    server = start_server(articles, tmp)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def new_page(playwright_browser):
    contexts = []

    def make(server: Server, query: str = "") -> Watched:
        ctx = playwright_browser.new_context(viewport={"width": 1500, "height": 1150}, locale="en-GB")
        ctx.set_default_timeout(90_000)
        contexts.append(ctx)
        page = ctx.new_page()
        watched = watch(page, server.url)
        page.goto(f"{server.url}/{query}")
        return watched

    yield make
    for ctx in contexts:
        ctx.close()
