"""Datelines and headings."""

from __future__ import annotations

import pytest

from axiswatch.extract.layout import dateline_end, is_heading


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        pytest.param(
            "SEOUL (Reuters) – North Korea fired a missile.", "SEOUL (Reuters) – ", id="wire"
        ),
        pytest.param(
            "Pyongyang, November 2 (KCNA) -- A press statement was issued.",
            "Pyongyang, November 2 (KCNA) -- ",
            id="state-media",
        ),
        pytest.param(
            "Beijing, (APP - Pakistan Point News - 14th May, 2024) Putin will visit Beijing.",
            "Beijing, (APP - Pakistan Point News - 14th May, 2024) ",
            id="agency-with-dashes",
        ),
        pytest.param(
            "SEOUL, Korea, Republic Of — Kim Jong Un visited China.",
            "SEOUL, Korea, Republic Of — ",
            id="upper-case-place",
        ),
        pytest.param(
            "UN, June 3. /TASS/. The UN Security Council passed a resolution.",
            "UN, June 3. /TASS/. ",
            id="tass",
        ),
        pytest.param("China and Russia (the two powers) met in 2019.", "", id="no-dateline"),
        pytest.param("Russia invaded Ukraine in 2022.", "", id="plain"),
    ],
)
def test_dateline_end(paragraph: str, dateline: str) -> None:
    assert paragraph[: dateline_end(paragraph)] == dateline


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        pytest.param("- 2019: Xi visits 'best friend' -", True, id="dashed-timeline-heading"),
        pytest.param("Broader Alignment Since 2022: Limited by Power Imbalances", True, id="title"),
        pytest.param("October 1949: North Korea and China establish relations.", False, id="entry"),
        pytest.param("On 5 May 2020, India and Japan signed a pact.[3]", False, id="footnoted"),
        pytest.param("A look at key moments in relations:", False, id="lead-in"),
    ],
)
def test_is_heading(paragraph: str, heading: bool) -> None:
    assert is_heading(paragraph) is heading
