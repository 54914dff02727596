"""The built-in data: complete, consistent, and enough to resolve the gold persons."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest

from axiswatch.actors import SINGLE_HOLDER_ROLES, ActorKB, Affiliation
from axiswatch.actors.datafiles import parse_date

CORE_STATES = ("CHN", "RUS", "PRK", "KOR", "USA", "JPN", "UKR")
CORE_ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


def test_data_every_iso_state_is_an_actor(kb: ActorKB) -> None:
    for country in pycountry.countries:
        actor = kb.actor(country.alpha_3)
        assert actor is not None and actor.kind == "state", country.alpha_3
    assert kb.actor("SUN") is not None and kb.actor("SUN").name == "Soviet Union"


def test_data_single_holder_offices_do_not_overlap(kb: ActorKB) -> None:
    groups: dict[tuple[str, str, str | None], list[Affiliation]] = defaultdict(list)
    for person in kb.persons.values():
        for office in person.affiliations:
            if office.role in SINGLE_HOLDER_ROLES:
                groups[(office.role, office.state, office.to)].append(office)
    overlaps = []
    for key, offices in groups.items():
        offices.sort(key=lambda a: a.start)
        for before, after in pairwise(offices):
            if before.end is None or before.end > after.start:
                overlaps.append((key, before.person, after.person, after.start.isoformat()))
    assert overlaps == []


def test_data_offices_are_well_formed(kb: ActorKB) -> None:
    for person in kb.persons.values():
        for office in person.affiliations:
            assert office.end is None or office.end >= office.start, office
            assert kb.actor(office.state).kind == "state", office
            assert (office.role == "ambassador") == (office.to is not None), office


def test_data_every_person_has_a_source_url(kb: ActorKB) -> None:
    missing = [
        p.name for p in kb.persons.values() if not (p.source_url or "").startswith("https://")
    ]
    assert missing == []


@pytest.mark.parametrize("state", CORE_STATES)
@pytest.mark.parametrize("role", CORE_ROLES)
def test_data_core_offices_are_covered_in_2018(kb: ActorKB, state: str, role: str) -> None:
    holder = kb.holder(role, state, date(2018, 9, 26))
    assert holder is not None, (role, state)


@pytest.mark.parametrize(
    ("role", "state", "on", "person"),
    [
        ("head_of_state", "RUS", date(2000, 1, 15), "Vladimir Putin"),
        ("head_of_state", "RUS", date(2008, 5, 7), "Dmitry Medvedev"),
        ("head_of_state", "RUS", date(2012, 5, 7), "Vladimir Putin"),
        ("supreme_leader", "PRK", date(1994, 7, 7), "Kim Il Sung"),
        ("supreme_leader", "PRK", date(1994, 7, 8), "Kim Jong Il"),
        ("supreme_leader", "PRK", date(2011, 12, 17), "Kim Jong Un"),
        ("foreign_minister", "RUS", date(2004, 3, 9), "Sergei Lavrov"),
        ("defence_minister", "RUS", date(2024, 5, 11), "Sergei Shoigu"),
        ("defence_minister", "RUS", date(2024, 5, 12), "Andrei Belousov"),
        ("foreign_minister", "PRK", date(2018, 9, 26), "Ri Yong Ho"),
        ("head_of_government", "USA", date(2018, 1, 1), "Donald Trump"),
        ("leader", "JPN", date(2018, 1, 1), "Shinzo Abe"),
        ("leader", "PRK", date(2001, 8, 4), "Kim Jong Il"),
    ],
    ids=lambda v: v.isoformat() if isinstance(v, date) else str(v),
)
def test_data_holder_on_handover_days(
    kb: ActorKB, role: str, state: str, on: date, person: str
) -> None:
    holder = kb.holder(role, state, on)
    assert holder is not None and holder.name == person


def test_data_every_actor_alias_resolves_back_to_its_actor(kb: ActorKB) -> None:
    wrong = []
    for actor in kb.actors.values():
        names = (actor.name, *actor.aliases, *actor.demonyms, *actor.capitals)
        on = actor.until or actor.since  # a day the actor existed (a shared name needs one)
        for name in names:
            result = kb.resolve(name, on)
            if actor.actor_id not in (result.actor, result.organ, *result.candidates) and (
                kb.stands_for(actor.actor_id) not in result.candidates
            ):
                wrong.append((actor.actor_id, name, result.actor, result.candidates))
    assert wrong == []


def test_data_every_person_alias_resolves_back_to_its_person(kb: ActorKB) -> None:
    wrong = []
    for person in kb.persons.values():
        for name in (person.name, *person.aliases):
            result = kb.resolve(name)
            if person.name != result.person and person.name not in result.candidates:
                wrong.append((person.name, name, result.person, result.candidates))
    assert wrong == []


def _gold_date(value: str) -> date:
    return parse_date(value, "date_start")


@pytest.mark.shared
def test_data_gold_persons_are_found_in_their_sentences(kb: ActorKB, shared_dir: Path) -> None:
    gold = shared_dir / "eval" / "seed-gold-events.jsonl"
    if not gold.is_file():
        pytest.skip(f"{gold} is absent")
    events = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    checked, missing = 0, []
    for event in events:
        on = _gold_date(event["date_start"])
        mentions = kb.find_mentions(event["sentence"], on=on)
        named = {m.person for m in mentions if m.person}
        roles = {m.role for m in mentions if m.form == "role" and m.role}
        for side, person in (
            (event["source"], event["source_person"]),
            (event["target"], event["target_person"]),
        ):
            if person is None:
                continue
            checked += 1
            by_role = {getattr(kb.holder(r, side, on), "name", None) for r in roles}
            if person not in named and person not in by_role:
                missing.append((event["id"], side, person))
    assert checked >= 15
    assert missing == []


def test_state_table_since_and_until_are_dates(tmp_path) -> None:
    from axiswatch.actors.datafiles import read_state_table
    from axiswatch.errors import ActorDataError

    good = tmp_path / "good.yaml"
    good.write_text("DDR:\n  until: 1990-10-02\n", encoding="utf-8")
    (record,) = read_state_table(good)
    assert record.until == date(1990, 10, 2)
    bad = tmp_path / "bad.yaml"
    bad.write_text("DDR:\n  until: sometime\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match=r"DDR.*until.*'sometime' is not a date"):
        read_state_table(bad)


def test_no_title_word_is_taken_for_a_surname(kb: ActorKB) -> None:
    from axiswatch.actors.kb import _TITLE_WORDS

    surnames = [
        (title, e.target) for title in _TITLE_WORDS for e in kb.lookup(title) if e.kind == "surname"
    ]
    assert surnames == []
