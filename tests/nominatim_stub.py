"""A local HTTP server on 127.0.0.1 that answers like Nominatim's /search, for geopy over real HTTP.

    with NominatimStub() as stub:
        stub.script("Shymkent", hit(42.3, 69.6, name="Shymkent"))
        stub.script("Nowhere", empty())
        stub.script("Busy", status(429, retry_after="7"), hit(1, 2))   # successive answers
        Nominatim(domain=stub.domain, scheme="http", ...)

Unscripted queries answer ``[]``. Every request is recorded (query, headers, and the injected clock's
time if the test passes ``clock=``), so tests assert request counts and spacing.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b"[]"
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0  # waits before answering (released at shutdown)


def hit(lat: float, lon: float, *, name: str = "Somewhere", osm_type: str = "relation", osm_id: int = 1,
        cls: str = "boundary", type_: str = "administrative", addresstype: str = "city", place_rank: int = 16,
        country_code: str = "kz", names: dict | None = None) -> Reply:
    record = {
        "place_id": osm_id + 1000, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": osm_type, "osm_id": osm_id, "lat": str(lat), "lon": str(lon),
        "class": cls, "type": type_, "place_rank": place_rank, "importance": 0.6, "addresstype": addresstype,
        "name": name, "display_name": f"{name}, Somewhere, Earth",
        "address": {"city": name, "country": "Earth", "country_code": country_code},
        "namedetails": {"name": name, **{f"name:{k}": v for k, v in (names or {}).items()}},
        "boundingbox": [str(lat - 0.1), str(lat + 0.1), str(lon - 0.1), str(lon + 0.1)],
    }
    return Reply(body=json.dumps([record], ensure_ascii=False).encode("utf-8"))


def empty() -> Reply:
    return Reply(body=b"[]")


def status(code: int, *, retry_after: str | None = None, body: bytes = b"error") -> Reply:
    headers = (("Retry-After", retry_after),) if retry_after is not None else ()
    return Reply(status=code, body=body, headers=headers)


def slow(seconds: float, then: Reply | None = None) -> Reply:
    base = then or empty()
    return Reply(status=base.status, body=base.body, headers=base.headers, delay_s=seconds)


def malformed() -> Reply:
    return Reply(body=b'[{"lat": "42.3", "lon": ')


@dataclass
class Request:
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float | None = None  # the injected clock's time when the request arrived


@dataclass
class NominatimStub:
    clock: object = None  # optional callable; its value is recorded per request
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self):
        self._scripts: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._release = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                url = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                reply = stub._next_reply(params.get("q", ""))
                with stub._lock:
                    stub.requests.append(Request(url.path, params, dict(self.headers.items()),
                                                 stub.clock() if stub.clock else None))
                if reply.delay_s:
                    stub._release.wait(reply.delay_s)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(reply.body)))
                    for k, v in reply.headers:
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):  # keep test output quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def _next_reply(self, q: str) -> Reply:
        with self._lock:
            queue = self._scripts.get(q)
            if not queue:
                return empty()
            return queue.pop(0) if len(queue) > 1 else queue[0]  # the last reply repeats

    def script(self, q: str, *replies: Reply) -> None:
        with self._lock:
            self._scripts[q] = list(replies)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.requests)

    def queries(self) -> list[str]:
        with self._lock:
            return [r.params.get("q", "") for r in self.requests]

    def __enter__(self) -> NominatimStub:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
