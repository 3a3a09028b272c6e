"""Every path, environment variable, secret and default the program reads: one home for each.

Other modules ask here; none reads ``os.environ`` or works out a path of the checkout on its own.
Precedence for a setting a user can give in several ways: command-line flag > environment variable >
Streamlit secret (``.streamlit/secrets.toml`` or the Cloud's secrets box) > default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

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

# Secrets keys (Streamlit secrets); the environment variable names are accepted there too.
SECRET_ONLINE = "geocode_online"  # noqa: S105 -- a key name, not a secret
SECRET_USER_AGENT = "nominatim_user_agent"  # noqa: S105 -- a key name

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


def articles_dir(env: Mapping[str, str] | None = None) -> Path:
    return Path(_env(env).get(ENV_ARTICLES_DIR) or SEEDS_DIR)


def overrides_file(env: Mapping[str, str] | None = None) -> Path:
    return Path(_env(env).get(ENV_OVERRIDES) or OVERRIDES_FILE)


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
