"""Starting the dashboard as README says (config from .streamlit/config.toml) makes no outside request.

The server runs in a subprocess with a ``sitecustomize`` that records, through Python's audit hooks,
every socket connection, datagram and name lookup whose host is not loopback. The page is then
requested once, so the first script run (analysing the seeds) happens too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from _browser import ROOT, Server, _free_port, stop_server

RECORDER = '''
import os, sys
_LOG = os.environ["OUTSIDE_REQUEST_LOG"]
_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0", "::")

def _host(event, args):
    if event in ("socket.connect", "socket.sendto"):
        address = args[1]
        return address[0] if isinstance(address, tuple) else None
    if event == "socket.getaddrinfo":
        return args[0]
    return None

def _hook(event, args):
    host = _host(event, args)
    if host is None:
        return
    host = host.decode() if isinstance(host, bytes) else str(host)
    if not host.startswith(_LOOPBACK):
        with open(_LOG, "a") as f:
            f.write(f"{event} {args[:2] if event == 'socket.getaddrinfo' else args[1]!r}\\n")

sys.addaudithook(_hook)
'''


@pytest.fixture
def recorded_server(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(RECORDER)
    log = tmp_path / "outside.log"
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")]),
           "OUTSIDE_REQUEST_LOG": str(log),
           "SHYMKENT_GEOCODE_ONLINE": ""}
    out = tmp_path / "streamlit.log"
    # The README's command, on a free port: no --server.address, headless from .streamlit/config.toml.
    cmd = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port)]
    with open(out, "wb") as sink:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", ROOT / "seeds", proc, out)
    yield server, log
    stop_server(server)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback)
        return resp.read()


def test_the_server_start_makes_no_outside_request(recorded_server):
    server, log = recorded_server
    deadline = time.monotonic() + 120
    while True:
        assert server.proc.poll() is None, Path(server.log).read_text()[-2000:]
        try:
            if _get(f"{server.url}/_stcore/health").strip() == b"ok":
                break
        except OSError:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
    assert b"<html" in _get(server.url + "/").lower()
    time.sleep(2)  # the start-up banner is printed after the server answers
    banner = Path(server.log).read_text()
    assert "localhost" in banner, banner
    assert not log.exists(), log.read_text()
