"""The shared place fixtures are what the offline gazetteer holds (key, name, kind, country, position)."""

from __future__ import annotations

import pytest
from places import ALL

from dashboard import gazetteer


@pytest.mark.parametrize("name", sorted(ALL))
def test_fixture_matches_the_gazetteer(name):
    fixture = ALL[name]
    found = gazetteer.load().by_key(fixture.key)
    assert found is not None, f"{name}: {fixture.key} is not a gazetteer key"
    assert (found.name, found.kind, found.country) == (fixture.name, fixture.kind, fixture.country)
    assert abs(found.lat - fixture.lat) < 0.05 and abs(found.lon - fixture.lon) < 0.05, (found, fixture)
    for lang, text in fixture.names:
        assert text in {n for lg, n in found.names if lg == lang} | {found.name}, (name, lang, text, found.names)
