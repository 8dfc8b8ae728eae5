"""Russian and Ukrainian case endings of place names, undone to the nominative."""

from __future__ import annotations

import pytest

from geostmt.normalise.cyrillic import MAX_WORDS, has_cyrillic, nominatives


@pytest.mark.parametrize(
    ("oblique", "nominative"),
    [
        ("курской области", "курская область"),
        ("курскую область", "курская область"),
        ("харківській області", "харківська область"),
        ("харківської області", "харківська область"),
        ("бахмутом", "бахмут"),
        ("харкові", "харків"),
        ("харкова", "харків"),
        ("києва", "київ"),
        ("миколаєва", "миколаїв"),
        ("донбасі", "донбас"),
        ("донбассе", "донбасс"),
        ("судже", "суджа"),
        ("суджей", "суджа"),
        ("курска", "курск"),
        ("курске", "курск"),
        ("москве", "москва"),
        ("москвы", "москва"),
        ("одесі", "одеса"),
        ("одесу", "одеса"),
    ],
)
def test_nominatives(oblique: str, nominative: str) -> None:
    """Each oblique form yields its nominative among the candidates."""
    assert nominative in nominatives(oblique)


def test_nominatives_leave_other_text_alone() -> None:
    """Latin text, the phrase itself and phrases over MAX_WORDS words give no candidates."""
    assert nominatives("kharkiv") == []
    assert "курск" not in nominatives("курск")
    assert nominatives(" ".join(["курской"] * (MAX_WORDS + 1))) == []
    assert has_cyrillic("в Курске")
    assert not has_cyrillic("Kursk")
