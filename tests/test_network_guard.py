"""The shared guard (conftest.py) refuses and records anything beyond loopback."""

from __future__ import annotations

import socket

import pytest


def test_a_connection_beyond_loopback_is_refused_and_recorded(network_violations):
    with socket.socket() as sock, pytest.raises(AssertionError, match="beyond loopback"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed
    with pytest.raises(AssertionError, match="non-loopback name"):
        socket.getaddrinfo("nominatim.openstreetmap.org", 443)
    assert network_violations == ["connect ('192.0.2.1', 80)", "resolve 'nominatim.openstreetmap.org'"]
    network_violations.clear()  # seen and checked here; the teardown would otherwise fail this test


def test_loopback_stays_open():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
