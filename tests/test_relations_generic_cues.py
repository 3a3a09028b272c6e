"""A cue noun after a quantifier ("every meeting", "на каждой встрече", "әр сапар сайын") names events in
general, no one event. Sentences written for this test, run through the whole pipeline."""

from __future__ import annotations

from _links import links


def test_english_a_cue_after_every_is_no_event():
    got = links(
        "SHYMKENT, 14 June 2025 – The mayor of Pohang is expected in Shymkent in October, and officials say that a "
        "direct cargo flight between Incheon and Shymkent, discussed at nearly every meeting, could be launched "
        "next year.")
    assert not any(p in ("Incheon", "Pohang") for _k, _h, p in got), got


def test_russian_a_cue_after_kazhdyi_is_no_event():
    got = links("На каждой встрече с акимом Шымкента представители Бурсы говорили о торговле, сообщили 5 мая 2025 "
                "года в акимате.")
    assert not any(p == "Bursa" for _k, _h, p in got), got


def test_kazakh_a_cue_after_ar_is_no_event():
    got = links("Шымкент, 2025 жылғы 5 мамыр. Әр сапар сайын Бурса делегациясы Шымкентке жаңа жоба әкелді.")
    assert not any(p == "Bursa" for _k, _h, p in got), got
