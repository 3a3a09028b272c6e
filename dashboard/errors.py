"""One exception root for the project; children carry data as attributes."""

from __future__ import annotations


class DashboardError(Exception):
    """Root of every error this package raises on purpose."""


class ArticleError(DashboardError):
    """An article file that cannot be loaded: names the file and why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class AnalysisTimeout(DashboardError):
    """Reading one article took longer than the per-article limit (a bug on odd text, e.g. a parse that
    loops): that article is skipped and the build goes on."""


class CacheError(DashboardError):
    """A geocode cache file that cannot be read; the bad file is kept aside, never wiped."""

    def __init__(self, path: str, reason: str, *, kept_as: str | None = None):
        msg = f"{path}: {reason}"
        if kept_as:
            msg += f" (the bad file was kept as {kept_as})"
        super().__init__(msg)
        self.path = path
        self.reason = reason
        self.kept_as = kept_as


class GeocoderError(DashboardError):
    """The online geocoder failed for one query (timeout, refused, bad answer, rate limit)."""


class ConfigError(DashboardError):
    """A setting is missing or wrong, e.g. going online without a User-Agent."""


class LibraryError(DashboardError):
    """The library database cannot be used (unreachable, locked too long, not ours): names it and why."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"library {where}: {reason}")
        self.where = where
        self.reason = reason


class FetchError(DashboardError, ValueError):
    """A page or feed address that cannot become an article: names the address and why."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
