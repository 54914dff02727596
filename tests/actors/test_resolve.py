"""ActorKB.resolve: one decision per name, title or phrase, or the candidates."""

from __future__ import annotations

from datetime import date

import pytest

from axiswatch.actors import ActorKB

# (text, date, actor, person, role, rule)
EXAMPLES = [
    (
        "Russian President",
        date(2011, 8, 24),
        "RUS",
        "Dmitry Medvedev",
        "head_of_state",
        "role_by_date",
    ),
    (
        "Russian President",
        date(2019, 6, 1),
        "RUS",
        "Vladimir Putin",
        "head_of_state",
        "role_by_date",
    ),
    (
        "North Korean leader",
        date(2001, 1, 1),
        "PRK",
        "Kim Jong Il",
        "supreme_leader",
        "role_by_date",
    ),
    ("Kim Jong", date(2011, 8, 1), "PRK", "Kim Jong Il", "supreme_leader", "partial_name_by_date"),
    ("Lee Yong Ho", None, "PRK", "Ri Yong Ho", None, "alias"),
    ("Moscow", None, "RUS", None, None, "capital_metonym"),
    ("Pyongyang", None, "PRK", None, None, "capital_metonym"),
    ("the Kremlin", None, "RUS", None, None, "organ"),
    ("KCNA", None, "PRK", None, None, "organ"),
    ("Sino-", None, "CHN", None, None, "combining_form"),
    ("the DPRK", None, "PRK", None, None, "alias"),
    ("Soviet", None, "SUN", None, None, "demonym"),
    ("North Korea", None, "PRK", None, None, "exact_name"),
    ("North Korea's", None, "PRK", None, None, "exact_name"),
    ("Chinese", None, "CHN", None, None, "demonym"),
    ("the Russian Federation", None, "RUS", None, None, "alias"),
    ("the U.S.", None, "USA", None, None, "alias"),
    ("UNSC", None, "UNSC", None, None, "alias"),
    ("the Security Council", None, "UNSC", None, None, "alias"),
    ("the Quad", None, "QUAD", None, None, "alias"),
    ("PRK", None, "PRK", None, None, "id"),
    (
        "North Korean Foreign Minister Lee Yong Ho",
        None,
        "PRK",
        "Ri Yong Ho",
        "foreign_minister",
        "role_person",
    ),
    (
        "Russian Foreign Minister Sergey Lavrov",
        None,
        "RUS",
        "Sergei Lavrov",
        "foreign_minister",
        "role_person",
    ),
    (
        "Sergei Shoigu, the Minister of Defense of the Russian Federation",
        None,
        "RUS",
        "Sergei Shoigu",
        "defence_minister",
        "role_person",
    ),
    (
        "the new Russian Ambassador to China",
        date(2022, 10, 1),
        "RUS",
        "Igor Morgulov",
        "ambassador",
        "role_by_date",
    ),
    (
        "Vice-Minister of Foreign Affairs Ma Zhaoxu",
        None,
        "CHN",
        "Ma Zhaoxu",
        "vice_foreign_minister",
        "role_person",
    ),
    ("Chinese President Xi Jinping", None, "CHN", "Xi Jinping", "head_of_state", "role_person"),
    ("US President Donald Trump", None, "USA", "Donald Trump", "head_of_state", "role_person"),
    (
        "the foreign ministers of Russia",
        date(2018, 9, 26),
        "RUS",
        "Sergei Lavrov",
        "foreign_minister",
        "role_by_date",
    ),
    ("Kim", date(2023, 9, 13), "PRK", "Kim Jong Un", "supreme_leader", "surname_by_date"),
    ("Putin", None, "RUS", "Vladimir Putin", None, "surname"),
    ("Kim Jong-un's", None, "PRK", "Kim Jong Un", None, "exact_name"),
    ("Kim Jongun", None, "PRK", "Kim Jong Un", None, "alias"),
    ("Sergey Shoygu", None, "RUS", "Sergei Shoigu", None, "alias"),
    ("Aleksey Krivoruchko", None, "RUS", "Alexei Krivoruchko", None, "alias"),
    ("Rhee Yong-ho", None, "PRK", "Ri Yong Ho", None, "alias"),
    (
        "Japanese Prime Minister",
        date(2015, 1, 1),
        "JPN",
        "Shinzo Abe",
        "head_of_government",
        "role_by_date",
    ),
    ("the Moscow government", None, "RUS", None, None, "organ"),
]


@pytest.mark.parametrize(
    ("text", "on", "actor", "person", "role", "rule"),
    EXAMPLES,
    ids=[f"{e[0]}@{e[1]}" for e in EXAMPLES],
)
def test_resolve_examples(
    kb: ActorKB,
    text: str,
    on: date | None,
    actor: str,
    person: str | None,
    role: str | None,
    rule: str,
) -> None:
    result = kb.resolve(text, on)
    assert (result.actor, result.person, result.role, result.rule) == (actor, person, role, rule)
    assert result.candidates == ()
    assert 0 < result.confidence <= 1


@pytest.mark.parametrize(
    ("text", "on", "candidates"),
    [
        ("Kim Jong", None, ("Kim Jong Il", "Kim Jong Un")),
        ("Korean", None, ("KOR", "PRK")),
        ("Korea", None, ("KOR", "PRK")),
        ("Korean President", date(2019, 1, 1), ("KOR", "PRK")),
    ],
    ids=["partial-name-without-date", "korean", "korea", "korean-title"],
)
def test_resolve_ambiguous_gives_candidates_not_a_guess(
    kb: ActorKB, text: str, on: date | None, candidates: tuple[str, ...]
) -> None:
    result = kb.resolve(text, on)
    assert result.actor is None
    assert result.person is None
    assert result.candidates == candidates
    assert result.rule == "ambiguous"


def test_resolve_surname_without_date_lists_candidates(kb: ActorKB) -> None:
    result = kb.resolve("Kim")
    assert result.actor is None
    assert {"Kim Jong Il", "Kim Jong Un", "Kim Il Sung"} <= set(result.candidates)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Korean Peninsula", "not_an_actor"),
        ("the Korean War", "not_an_actor"),
        ("Gondor", "no_match"),
        ("", "no_match"),
    ],
    ids=["peninsula", "war", "unknown", "empty"],
)
def test_resolve_non_actor_is_none(kb: ActorKB, text: str, rule: str) -> None:
    result = kb.resolve(text)
    assert result.actor is None and result.candidates == ()
    assert result.rule == rule


@pytest.mark.parametrize(
    "text",
    ["north korea", "NORTH KOREA", "North-Korea", "North Korea’s", "  the DPRK. "],
    ids=["lower", "upper", "hyphen", "curly-possessive", "padding"],
)
def test_resolve_insensitive_to_case_and_punctuation(kb: ActorKB, text: str) -> None:
    assert kb.resolve(text).actor == "PRK"


def test_resolve_organ_keeps_its_own_id(kb: ActorKB) -> None:
    result = kb.resolve("Rodong Sinmun")
    assert (result.actor, result.organ, result.rule) == ("PRK", "PRK_RODONG", "organ")


def test_resolve_person_role_comes_from_the_date(kb: ActorKB) -> None:
    assert kb.resolve("Sergei Lavrov", date(2018, 9, 26)).role == "foreign_minister"
    assert kb.resolve("Sergei Lavrov").role is None


def test_resolve_title_without_date_gives_state_only(kb: ActorKB) -> None:
    result = kb.resolve("Russian President")
    assert (result.actor, result.person, result.role) == ("RUS", None, "head_of_state")


def test_resolve_to_dict_has_cli_keys(kb: ActorKB) -> None:
    data = kb.resolve("Kim Jong", date(2011, 8, 1)).to_dict()
    assert data["actor"] == "PRK" and data["person"] == "Kim Jong Il"
    assert set(data) >= {"actor", "person", "role", "confidence", "rule", "candidates"}


@pytest.mark.parametrize(
    ("on", "actor"),
    [(date(1985, 5, 1), "SUN"), (date(1991, 12, 24), "SUN"), (date(1991, 12, 25), "RUS"),
     (date(2015, 1, 1), "RUS"), (None, "RUS")],
)  # fmt: skip
def test_resolve_a_capital_two_states_share_by_the_day(
    kb: ActorKB, on: date | None, actor: str
) -> None:
    assert kb.resolve("Moscow", on).actor == actor


@pytest.mark.parametrize(
    ("text", "on", "person"),
    [
        ("the Soviet leader", date(1985, 5, 1), "Mikhail Gorbachev"),
        ("the Soviet leader", date(1960, 1, 1), "Nikita Khrushchev"),
        ("Stalin", date(1950, 6, 1), "Joseph Stalin"),
        ("the Chinese leader", date(1955, 1, 1), "Mao Zedong"),
        ("the US President", date(1972, 2, 21), "Richard Nixon"),
    ],
)
def test_resolve_cold_war_leaders_by_date(kb: ActorKB, text: str, on: date, person: str) -> None:
    assert kb.resolve(text, on).person == person


def test_resolve_the_kremlin_stands_for_the_state_of_its_day(kb: ActorKB) -> None:
    assert kb.resolve("the Kremlin", date(1985, 1, 1)).actor == "SUN"
    assert kb.resolve("the Kremlin", date(2000, 1, 1)).actor == "RUS"


def test_resolve_a_title_in_an_alias_is_not_a_surname(kb: ActorKB) -> None:
    assert kb.resolve("Chairman Kim Jong Un", date(2023, 1, 1)).person == "Kim Jong Un"
    assert kb.resolve("Chairman", date(1960, 1, 1)).person is None
    assert kb.resolve("Rhee", date(1950, 1, 1)).person == "Syngman Rhee"
