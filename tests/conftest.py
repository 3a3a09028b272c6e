"""Shared by every test: the loopback-only network guard.

Tests never go online. Any connection or name lookup beyond the loopback interface is refused and
recorded, and the test fails at teardown (libraries such as requests and geopy turn the error raised
at the call into their own, which could hide it). Place fixtures live in ``places.py``.
"""

from __future__ import annotations

import os
import socket

import pytest

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def install_loopback_guard(monkeypatch) -> list[str]:
    """Refuse connections and lookups beyond loopback; returns the list of attempts it refused."""
    violations: list[str] = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def guarded_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK:
            violations.append(f"connect {address!r}")
            raise AssertionError(f"test tried to connect beyond loopback: {address!r}")
        return real_connect(sock, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host is not None and host not in LOOPBACK:
            violations.append(f"resolve {host!r}")
            raise AssertionError(f"test tried to resolve a non-loopback name: {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    return violations


@pytest.fixture(autouse=True)
def network_violations(monkeypatch):
    """Every test runs behind the guard; a test may read the list to check a refusal itself."""
    violations = install_loopback_guard(monkeypatch)
    yield violations
    assert not violations, f"the test tried to go online: {violations}"


@pytest.fixture(autouse=True, scope="session")
def _own_data_and_cache_folders(tmp_path_factory):
    """No test writes into the user's library or cache: the run has a data folder of its own, and one cache
    folder, so the gazetteer index is built once per run and shared by every test and every test server."""
    saved = {k: os.environ.get(k) for k in ("SHYMKENT_DATA_DIR", "SHYMKENT_LIBRARY_URL", "SHYMKENT_CACHE_DIR")}
    os.environ["SHYMKENT_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    os.environ["SHYMKENT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("SHYMKENT_LIBRARY_URL", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
