"""ActorKB.find_mentions: spans of the original text, one per actor, longest first."""

from __future__ import annotations

import time
from datetime import date

import pytest

from axiswatch.actors import ActorKB, Mention


def _found(kb: ActorKB, text: str, on: date | None = None) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor) for m in kb.find_mentions(text, on=on)]


def _one(kb: ActorKB, text: str, on: date | None = None) -> Mention:
    mentions = kb.find_mentions(text, on=on)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "span", "actor", "person", "role"),
    [
        (
            "On April 9-11, 2018, North Korean Foreign Minister Lee Yong Ho officially visited",
            "North Korean Foreign Minister Lee Yong Ho",
            "PRK",
            "Ri Yong Ho",
            "foreign_minister",
        ),
        (
            "On May 31, 2018, Russian Foreign Minister Sergey Lavrov visited",
            "Russian Foreign Minister Sergey Lavrov",
            "RUS",
            "Sergei Lavrov",
            "foreign_minister",
        ),
        (
            "He was accompanied by Deputy Head of the Russian Defense Ministry Alexei "
            "Krivoruchko, who oversees",
            "Deputy Head of the Russian Defense Ministry Alexei Krivoruchko",
            "RUS",
            "Alexei Krivoruchko",
            "deputy_defence_minister",
        ),
        (
            "thanks to the strategic guidance of Chinese President Xi Jinping and",
            "Chinese President Xi Jinping",
            "CHN",
            "Xi Jinping",
            "head_of_state",
        ),
        (
            "the meeting of Vice-Minister of Foreign Affairs Ma Zhaoxu with",
            "Vice-Minister of Foreign Affairs Ma Zhaoxu",
            "CHN",
            "Ma Zhaoxu",
            "vice_foreign_minister",
        ),
        (
            "the previous administration of US President Donald Trump constituted",
            "US President Donald Trump",
            "USA",
            "Donald Trump",
            "head_of_state",
        ),
    ],
    ids=["prk-fm", "rus-fm", "deputy-head-of-ministry", "chn-president", "vice-fm", "us-president"],
)
def test_find_mentions_title_phrase_is_one_mention(
    kb: ActorKB, text: str, span: str, actor: str, person: str, role: str
) -> None:
    roles = [m for m in kb.find_mentions(text) if m.form == "role"]
    assert len(roles) == 1
    m = roles[0]
    assert (m.text, m.actor, m.person, m.role, m.rule) == (span, actor, person, role, "role_person")


def test_find_mentions_role_by_date_names_the_office_holder(kb: ActorKB) -> None:
    text = "Sergei Shoigu, the Minister of Defense of the Russian Federation, visited"
    mentions = kb.find_mentions(text, on=date(2023, 7, 25))
    assert [(m.text, m.form, m.person) for m in mentions] == [
        ("Sergei Shoigu", "person", "Sergei Shoigu"),
        ("Minister of Defense of the Russian Federation", "role", "Sergei Shoigu"),
    ]
    assert mentions[1].rule == "role_by_date"


def test_find_mentions_ambassador_to_state(kb: ActorKB) -> None:
    text = "the meeting with the new Russian Ambassador to China on October 1, 2022."
    m = _one(kb, text, date(2022, 10, 1))
    assert (m.text, m.actor, m.person, m.role) == (
        "Russian Ambassador to China",
        "RUS",
        "Igor Morgulov",
        "ambassador",
    )


def test_find_mentions_coordinated_leaders_give_one_mention_each(kb: ActorKB) -> None:
    text = "Russian and North Korean leaders agreed to intensify cooperation."
    mentions = kb.find_mentions(text, on=date(2000, 7, 19))
    assert [(m.text, m.actor, m.person, m.form) for m in mentions] == [
        ("Russian", "RUS", "Vladimir Putin", "role"),
        ("North Korean leaders", "PRK", "Kim Jong Il", "role"),
    ]


def test_find_mentions_stateless_title_keeps_the_role(kb: ActorKB) -> None:
    text = "The foreign ministers of the two countries met on September 26, 2018."
    m = _one(kb, text, date(2018, 9, 26))
    assert (m.text, m.actor, m.role, m.form) == (
        "foreign ministers",
        None,
        "foreign_minister",
        "role",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the last Russian-North Korean summit", [("Russian", "RUS"), ("North Korean", "PRK")]),
        ("During the Sino-Soviet split", [("Sino", "CHN"), ("Soviet", "SUN")]),
        ("the Sino-Russian trade", [("Sino", "CHN"), ("Russian", "RUS")]),
        ("a pivotal point in US-China relations", [("US", "USA"), ("China", "CHN")]),
        (
            "the Pyongyang-Beijing-Moscow trio",
            [("Pyongyang", "PRK"), ("Beijing", "CHN"), ("Moscow", "RUS")],
        ),
        (
            "North Korea-China-Russia relations",
            [("North Korea", "PRK"), ("China", "CHN"), ("Russia", "RUS")],
        ),
    ],
    ids=["russian-north-korean", "sino-soviet", "sino-russian", "us-china", "capitals", "names"],
)
def test_find_mentions_hyphenated_compound_gives_one_per_actor(
    kb: ActorKB, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relations between the PRC, the Russian Federation, and North Korea",
            [("PRC", "CHN"), ("Russian Federation", "RUS"), ("North Korea", "PRK")],
        ),
        ("North Korea's ports", [("North Korea", "PRK")]),
        (
            "Finland and Sweden’s ongoing membership process in the North Atlantic Treaty "
            "Organization (NATO)",
            [
                ("Finland", "FIN"),
                ("Sweden", "SWE"),
                ("North Atlantic Treaty Organization", "NATO"),
                ("NATO", "NATO"),
            ],
        ),
        (
            "the United States of America (USA) deployed",
            [("United States of America", "USA"), ("USA", "USA")],
        ),
        (
            "in the United Nations Security Council (UNSC) on",
            [("United Nations Security Council", "UNSC"), ("UNSC", "UNSC")],
        ),
        ("the 73rd session of the UN General Assembly", [("UN General Assembly", "UNGA")]),
        ("the North's official KCNA news agency said", [("KCNA news agency", "PRK")]),
        ("the Moscow government initially separated", [("Moscow government", "RUS")]),
        ("the Pyongyang administration started", [("Pyongyang administration", "PRK")]),
        ("fired by the Russian military", [("Russian military", "RUS")]),
        ("Russians were ready", [("Russians", "RUS")]),
        ("the Roman Empire and Romania", [("Romania", "ROU")]),
        ("he told us that the US would", [("US", "USA")]),
        ("the Soviet Union was", [("Soviet Union", "SUN")]),
        ("the Russian Defense Ministry said", [("Russian Defense Ministry", "RUS")]),
        (
            "The Ministry of Foreign Affairs of the PRC stated",
            [("Ministry of Foreign Affairs of the PRC", "CHN")],
        ),
        ("the PLA and the Korean People's Army", [("PLA", "CHN"), ("Korean People's Army", "PRK")]),
    ],
    ids=[
        "list",
        "possessive",
        "curly-possessive-and-acronym",
        "usa",
        "unsc",
        "unga",
        "media",
        "capital-government",
        "capital-administration",
        "military",
        "plural-demonym",
        "no-match-inside-words",
        "pronoun-us",
        "soviet-union",
        "ministry",
        "ministry-of-state",
        "armed-forces",
    ],
)
def test_find_mentions_names_and_organs(
    kb: ActorKB, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(kb, text) == expected


def test_find_mentions_demonym_as_plain_adjective_is_still_a_demonym(kb: ActorKB) -> None:
    m = _one(kb, "cheap Russian oil and gas")
    assert (m.text, m.actor, m.form, m.rule) == ("Russian", "RUS", "demonym", "demonym")


@pytest.mark.parametrize(
    "text",
    ["the Korean position", "missile technologies for Korea", "Koreans abroad"],
    ids=["korean", "korea", "koreans"],
)
def test_find_mentions_korean_alone_is_undecided(kb: ActorKB, text: str) -> None:
    m = _one(kb, text)
    assert m.actor is None
    assert m.candidates == ("KOR", "PRK")


@pytest.mark.parametrize(
    "text",
    [
        "conflict on the Korean Peninsula",
        "The Korean War",
        "the South China Sea",
        "the Taiwan Strait",
        "across Latin America",
    ],
    ids=["peninsula", "war", "sea", "strait", "latin-america"],
)
def test_find_mentions_places_named_after_states_are_not_actors(kb: ActorKB, text: str) -> None:
    assert kb.find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "on", "person"),
    [
        (
            "In August 2011, Dmitry Medvedev and Kim Jong met in Ulan-Ude.",
            date(2011, 8, 1),
            "Kim Jong Il",
        ),
        (
            "The meeting between Putin and Kim took place at Vostochny.",
            date(2023, 9, 13),
            "Kim Jong Un",
        ),
        ("Ma also underlined that this is a good example.", date(2022, 10, 1), "Ma Zhaoxu"),
    ],
    ids=["partial-name", "surname-leader", "surname-unique"],
)
def test_find_mentions_short_names_resolve_by_date(
    kb: ActorKB, text: str, on: date, person: str
) -> None:
    assert person in [m.person for m in kb.find_mentions(text, on=on)]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Yo Jong said",
        "the A.Yu. Krymskyi Institute",
        "No facts can prove this.",
        "He met Christopher Hill.",
    ],
    ids=["longer-unknown-name", "initials", "english-word-surname", "first-name"],
)
def test_find_mentions_surname_inside_another_name_is_skipped(kb: ActorKB, text: str) -> None:
    assert [m for m in kb.find_mentions(text) if m.form == "person"] == []


def test_find_mentions_offsets_are_on_the_original_text(kb: ActorKB) -> None:
    text = "“Kim\u00a0Jong-un’s six-day visit to Russia” – and the U.S.\u00a0President said"
    mentions = kb.find_mentions(text, on=date(2023, 9, 13))
    assert [m.text for m in mentions] == ["Kim\u00a0Jong-un", "Russia", "U.S.\u00a0President"]
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
    assert mentions[2].person == "Joe Biden"


def test_find_mentions_are_sorted_and_do_not_overlap(kb: ActorKB) -> None:
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow."
    mentions = kb.find_mentions(text)
    ends = [0] + [m.end_char for m in mentions]
    assert all(m.start_char >= end for m, end in zip(mentions, ends, strict=False))
    assert len(mentions) == 3


def test_find_mentions_lowercase_text_still_matches(kb: ActorKB) -> None:
    assert _found(kb, "talks between russia and china") == [("russia", "RUS"), ("china", "CHN")]


def test_find_mentions_is_fast(kb: ActorKB) -> None:
    paragraph = (
        "In 2000, Vladimir Putin visited Pyongyang, and Russian and North Korean leaders "
        "agreed to intensify cooperation. The Moscow government and the PRC signed the "
        "Moscow Declaration, while US President Donald Trump and the UN Security Council "
        "watched the Korean Peninsula. "
    )
    text = paragraph * 200  # about 50,000 characters
    started = time.perf_counter()
    mentions = kb.find_mentions(text, on=date(2001, 1, 1))
    elapsed = time.perf_counter() - started
    assert len(mentions) > 1000
    assert elapsed < 1.5


def test_find_mentions_named_person_settles_an_undecided_state(kb: ActorKB) -> None:
    m = _one(kb, "Korean President Moon Jae-in said")
    assert (m.actor, m.person, m.rule, m.candidates) == ("KOR", "Moon Jae-in", "role_person", ())


def test_find_mentions_former_office_holder_is_not_named_by_date(kb: ActorKB) -> None:
    m = _one(kb, "the former US president said", date(2022, 6, 1))
    assert (m.actor, m.person, m.role) == ("USA", None, "head_of_state")


@pytest.mark.parametrize(
    ("text", "span", "actor"),
    [
        ("Indian police arrested two men.", "Indian police", "IND"),
        ("The Iranian judiciary sentenced him.", "Iranian judiciary", "IRN"),
        ("Chinese soldiers crossed the line.", "Chinese soldiers", "CHN"),
    ],
)
def test_find_mentions_state_agents_are_their_states_organs(
    kb: ActorKB, text: str, span: str, actor: str
) -> None:
    m = _one(kb, text)
    assert (m.text, m.actor, m.form) == (span, actor, "organ")


@pytest.mark.parametrize(
    ("text", "on", "actor", "person"),
    [
        ("Defence Minister Rajnath Singh argued", date(2025, 6, 1), "IND", "Rajnath Singh"),
        ("Sharif met Xi in Beijing", date(2015, 6, 1), "PAK", "Nawaz Sharif"),
        ("Presidents Putin and Raisi spoke", date(2022, 5, 1), "IRN", "Ebrahim Raisi"),
    ],
)
def test_find_mentions_officials_of_iran_india_pakistan_by_date(
    kb: ActorKB, text: str, on: date, actor: str, person: str
) -> None:
    found = [(m.actor, m.person) for m in kb.find_mentions(text, on=on)]
    assert (actor, person) in found


def test_find_mentions_korea_before_the_division_is_kor(kb: ActorKB) -> None:
    # North Korea exists from 1948-09-09; before it, "Korea" has one candidate left
    (m,) = kb.find_mentions("Japan annexed Korea.", on=date(1910, 8, 29))[1:]
    assert (m.text, m.actor) == ("Korea", "KOR")
    (later,) = kb.find_mentions("missile technologies for Korea", on=date(2020, 1, 1))
    assert later.actor is None and later.candidates == ("KOR", "PRK")
