"""Every path, environment variable, secret and default the program reads: one home for each.

Other modules ask here; none reads ``os.environ`` or works out a path of the checkout on its own.
Precedence for a setting a user can give in several ways: command-line flag > environment variable >
Streamlit secret (``.streamlit/secrets.toml`` or the Cloud's secrets box) > default.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# ------------------------------------------------------------------------------------------ paths
PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent  # the checkout: `streamlit run dashboard/app.py` runs from here
SEEDS_DIR = ROOT / "seeds"  # the articles shipped with the repository
GEODATA_DIR = ROOT / "geodata"  # curated gazetteer data, overrides and the committed geocode cache
GEOCACHE_FILE = GEODATA_DIR / "geocache.json"
OVERRIDES_FILE = GEODATA_DIR / "overrides.csv"
PACKAGE_DATA_DIR = PACKAGE_DIR / "data"  # rule tables: cue words, page furniture
STATIC_DIR = PACKAGE_DIR / "static"  # served by Streamlit at /app/static (enableStaticServing)
LEAFLET_DIR = STATIC_DIR / "leaflet"  # copied from the xstatic-leaflet package at start; git-ignored

# ---------------------------------------------------------------------------- environment variables
ENV_CACHE_DIR = "SHYMKENT_CACHE_DIR"  # derived data: the gazetteer index, analysed articles
ENV_ARTICLES_DIR = "SHYMKENT_ARTICLES_DIR"  # the folder the dashboard reads (default: seeds/)
ENV_OVERRIDES = "SHYMKENT_OVERRIDES"  # the overrides file the dashboard reads and writes
ENV_ONLINE = "SHYMKENT_GEOCODE_ONLINE"  # "1": ask Nominatim for names the offline data lacks
ENV_USER_AGENT = "SHYMKENT_NOMINATIM_USER_AGENT"  # who we are to Nominatim (required online)
ENV_DEFER_PAGE = "SHYMKENT_DEFER_PAGE"  # "0": send the whole page at once (tests without a browser)
ENV_DATA_DIR = "SHYMKENT_DATA_DIR"  # what users add: the library database (default SQLite file) lives here
ENV_LIBRARY_URL = "SHYMKENT_LIBRARY_URL"  # a SQLAlchemy URL: the library on a database server
ENV_ALLOW_PRIVATE_URLS = "SHYMKENT_ALLOW_PRIVATE_URLS"  # "1": fetch pages on loopback/private networks too
ENV_WORKERS = "SHYMKENT_WORKERS"  # processes the page's build analyses new articles with ("auto": one per core)

# Secrets keys (Streamlit secrets); the environment variable names are accepted there too.
SECRET_ONLINE = "geocode_online"  # noqa: S105 -- a key name, not a secret
SECRET_USER_AGENT = "nominatim_user_agent"  # noqa: S105 -- a key name
SECRET_ALLOW_PRIVATE_URLS = "allow_private_urls"  # noqa: S105 -- a key name
# Streamlit's convention for a database: [connections.library] url = "postgresql+psycopg://..."
SECRET_CONNECTION = "library"  # noqa: S105 -- a key name

APP_NAME = "shymkent-ties"
APP_VERSION = "0.1.0"
# Who we are to the sites we fetch articles and feeds from.
FETCH_USER_AGENT = f"{APP_NAME}/{APP_VERSION} (+https://github.com/; a news-reading dashboard, one page at a time)"

_TRUE = {"1", "true", "yes", "on"}


def _env(env: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if env is None else env


def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where derived data goes: ``SHYMKENT_CACHE_DIR``, else ``$XDG_CACHE_HOME/shymkent-ties``, else
    ``~/.cache/shymkent-ties``. Everything in it can be rebuilt; nothing a user wrote lives there."""
    env = _env(env)
    if env.get(ENV_CACHE_DIR):
        return Path(env[ENV_CACHE_DIR]).expanduser()
    return Path(env.get("XDG_CACHE_HOME") or "~/.cache").expanduser() / "shymkent-ties"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where what users add is kept: ``SHYMKENT_DATA_DIR``, else ``$XDG_DATA_HOME/shymkent-ties``, else
    ``~/.local/share/shymkent-ties``. Unlike the cache folder, nothing here can be rebuilt."""
    env = _env(env)
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    return Path(env.get("XDG_DATA_HOME") or "~/.local/share").expanduser() / "shymkent-ties"


def library_url(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> str:
    """The library database: ``SHYMKENT_LIBRARY_URL``, else the secret ``[connections.library] url``, else a
    SQLite file in the data folder (zero set-up)."""
    env, secrets = _env(env), secrets or {}
    if env.get(ENV_LIBRARY_URL):
        return env[ENV_LIBRARY_URL]
    connection = (secrets.get("connections") or {}).get(SECRET_CONNECTION) or {}
    if connection.get("url"):
        return str(connection["url"])
    return f"sqlite:///{data_dir(env) / 'library.sqlite'}"


def allow_private_urls(env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> bool:
    """Whether pages on loopback, private or link-local addresses may be fetched (off: a hosted app must not
    become a proxy into its own network)."""
    env, secrets = _env(env), secrets or {}
    value = env.get(ENV_ALLOW_PRIVATE_URLS) or secrets.get(SECRET_ALLOW_PRIVATE_URLS)
    return value is True or str(value).strip().casefold() in _TRUE


def articles_dir(env: Mapping[str, str] | None = None) -> Path:
    return Path(_env(env).get(ENV_ARTICLES_DIR) or SEEDS_DIR)


def overrides_file(env: Mapping[str, str] | None = None) -> Path:
    return Path(_env(env).get(ENV_OVERRIDES) or OVERRIDES_FILE)


def workers(env: Mapping[str, str] | None = None, default: int = 1) -> int:
    """How many processes analyse new articles in a build. The page uses one unless told (each process loads
    its own language models, about 300 MB, which a small hosted machine may not have); ``auto`` is one per
    core. A value that is not a number is ignored with a warning."""
    value = _env(env).get(ENV_WORKERS, "").strip().lower()
    if not value:
        return default
    if value == "auto":
        return os.cpu_count() or 1
    try:
        return max(1, int(value))
    except ValueError:
        log.warning("%s=%r is not a number of processes: %d used", ENV_WORKERS, value, default)
        return default


def defer_page(env: Mapping[str, str] | None = None) -> bool:
    """Whether the page draws the map first and the rest on the next run (the default, for browsers)."""
    return _env(env).get(ENV_DEFER_PAGE, "1") != "0"


@dataclass(frozen=True, slots=True)
class OnlineSettings:
    online: bool = False
    user_agent: str | None = None


def online_settings(*, cli_online: bool | None = None, cli_user_agent: str | None = None,
                    env: Mapping[str, str] | None = None, secrets: Mapping | None = None) -> OnlineSettings:
    """Whether to geocode online and as whom: flag > environment > secrets > offline."""
    env = _env(env)
    secrets = secrets or {}

    def first(*values):
        return next((v for v in values if v not in (None, "")), None)

    online = first(cli_online or None, env.get(ENV_ONLINE), secrets.get(SECRET_ONLINE), secrets.get(ENV_ONLINE))
    agent = first(cli_user_agent, env.get(ENV_USER_AGENT), secrets.get(SECRET_USER_AGENT),
                  secrets.get(ENV_USER_AGENT))
    is_on = online is True or str(online).strip().casefold() in _TRUE
    return OnlineSettings(online=is_on, user_agent=str(agent).strip() if agent else None)
