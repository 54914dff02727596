"""ActorKB loading: built-ins, caching, user extension files and their validation."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from axiswatch.actors import ActorKB
from axiswatch.actors import kb as kb_module
from axiswatch.errors import ActorDataError, InputError


def test_kb_default_is_cached(kb: ActorKB) -> None:
    assert ActorKB.default() is kb
    assert ActorKB.load() is kb


def test_kb_build_is_fast() -> None:
    started = time.perf_counter()
    fresh = kb_module._build(())
    elapsed = time.perf_counter() - started
    assert len(fresh.actors) > 300 and len(fresh.persons) > 250
    assert elapsed < 1.0  # about 0.1 s on a quiet machine


def test_kb_actor_lookup_any_case(kb: ActorKB) -> None:
    assert kb.actor("prk").name == "North Korea"
    assert kb.actor("RUS_KREMLIN").state == "RUS"
    assert kb.actor("XXX") is None


def test_kb_person_lookup_by_alias(kb: ActorKB) -> None:
    assert kb.person("Lee Yong Ho").name == "Ri Yong Ho"
    assert kb.person("Nobody Atall") is None


def test_kb_holder_and_holders(kb: ActorKB) -> None:
    assert kb.holder("foreign_minister", "RUS", date(2018, 9, 26)).name == "Sergei Lavrov"
    assert kb.holder("ambassador", "RUS", date(2022, 10, 1), to="CHN").name == "Igor Morgulov"
    assert kb.holder("ambassador", "RUS", date(2020, 1, 1), to="CHN").name == "Andrey Denisov"
    assert kb.holder("head_of_state", "PRK", date(1995, 1, 1)) is None
    assert [p.name for p in kb.holders("supreme_leader", "PRK", date(2001, 1, 1))] == [
        "Kim Jong Il"
    ]


def test_kb_search_ranks_exact_first(kb: ActorKB) -> None:
    hits = kb.search("korea")
    assert {h.id for h in hits[:2]} == {"PRK", "KOR"}
    assert kb.search("lavrov")[0].id == "Sergei Lavrov"
    assert kb.search("") == []


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_kb_load_yaml_extension_adds_actors_aliases_and_persons(tmp_path: Path) -> None:
    extra = _write(
        tmp_path / "actors.yaml",
        """
actors:
  - {id: WAGNER, kind: organ, name: Wagner Group, aliases: [PMC Wagner], state: RUS}
  - {id: PRK, aliases: [the Hermit Kingdom]}
persons:
  - name: Choe Ryong Hae
    state: PRK
    source: https://en.wikipedia.org/wiki/Choe_Ryong-hae
    affiliations:
      - {role: head_of_state, start: 2019-04-11, end: 2023-01-18, title: nominal}
not_actors: [Wagner Tuba]
""",
    )
    kb = ActorKB.load([extra])
    assert kb is ActorKB.load([extra])
    assert kb is not ActorKB.default()
    assert kb.resolve("PMC Wagner").to_dict()["actor"] == "RUS"
    assert kb.resolve("the Hermit Kingdom").actor == "PRK"
    assert kb.resolve("Choe Ryong-hae", date(2020, 1, 1)).role == "head_of_state"
    assert kb.find_mentions("a Wagner Tuba") == []
    assert ActorKB.default().resolve("the Hermit Kingdom").actor is None


def test_kb_load_csv_extension_actors_and_offices(tmp_path: Path) -> None:
    actors = _write(
        tmp_path / "actors.csv",
        "id,kind,name,aliases,state\nROSGVARDIA,organ,National Guard of Russia,Rosgvardia,RUS\n"
        "KOR,,,the Southern Republic,\n",
    )
    offices = _write(
        tmp_path / "people.csv",
        "person,aliases,source,state,role,start,end,title\n"
        "Choe Son Hui,Choe Son-hui,https://example.org/choe,PRK,foreign_minister,2022-06,,FM\n",
    )
    kb = ActorKB.load([actors, offices])
    assert kb.resolve("Rosgvardia").actor == "RUS"
    assert kb.resolve("the Southern Republic").actor == "KOR"
    assert kb.person("Choe Son Hui").source_url == "https://example.org/choe"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "bad-kind.yaml",
            "actors:\n  - {id: ABC, kind: agency, name: A}\n",
            "actors[0].kind: 'agency' is not a known kind; use one of: state, igo",
        ),
        (
            "bad-id.yaml",
            "actors:\n  - {id: abc, kind: igo, name: A}\n",
            "actors[0].id: 'abc' is not a valid id",
        ),
        (
            "unknown-field.yaml",
            "actors:\n  - {id: ABC, kind: igo, name: A, alias: [B]}\n",
            "actors[0]: unknown field 'alias'; use one of: id, kind, name, aliases",
        ),
        (
            "new-without-name.yaml",
            "actors:\n  - {id: NEWONE, kind: igo}\n",
            "actors[0]: id 'NEWONE' is not a known actor; give 'kind' and 'name'",
        ),
        (
            "organ-no-state.yaml",
            "actors:\n  - {id: ABC, kind: organ, name: A}\n",
            "actors[0]: field 'state': organ 'ABC' needs the id of the state",
        ),
        (
            "unknown-state.yaml",
            "actors:\n  - {id: ABC, kind: organ, name: A, state: XYZ}\n",
            "actors[0]: field 'state': 'XYZ' is not a known state id",
        ),
        (
            "kind-clash.yaml",
            "actors:\n  - {id: RUS, kind: igo}\n",
            "actors[0]: field 'kind': 'RUS' is a state, not a igo",
        ),
        (
            "no-source.yaml",
            "persons:\n  - {name: A B, state: RUS}\n",
            "persons[0].source: is missing; give the URL",
        ),
        (
            "bad-date.yaml",
            "persons:\n  - name: A B\n    source: https://x\n    affiliations:\n"
            "      - {role: head_of_state, state: RUS, start: 2020-13-01}\n",
            "persons[0].affiliations[0].start: '2020-13-01' is not a date; write YYYY-MM-DD",
        ),
        (
            "end-before-start.yaml",
            "persons:\n  - name: A B\n    source: https://x\n    affiliations:\n"
            "      - {role: head_of_state, state: RUS, start: 2020-01-01, end: 2019-01-01}\n",
            "persons[0].affiliations[0].end: 2019-01-01 is before start 2020-01-01",
        ),
        (
            "bad-role.yaml",
            "persons:\n  - name: A B\n    source: https://x\n    affiliations:\n"
            "      - {role: tsar, state: RUS, start: 2020}\n",
            "persons[0].affiliations[0].role: 'tsar' is not a role; use one of: supreme_leader",
        ),
        (
            "ambassador-no-to.yaml",
            "persons:\n  - name: A B\n    source: https://x\n    affiliations:\n"
            "      - {role: ambassador, state: RUS, start: 2020}\n",
            "persons[0].affiliations[0].to: an ambassador needs 'to'",
        ),
        ("syntax.yaml", "actors:\n  - {id: ABC\n", "not valid YAML"),
        ("top-key.yaml", "people: []\n", "unknown top-level key 'people'"),
        (
            "bad-line.csv",
            "id,kind,name,state\nABC,igo,Alpha,\nabc,igo,Beta,\n",
            "bad-line.csv:3: column 'id': 'abc' is not a valid id",
        ),
        (
            "bad-column.csv",
            "id,kind,nickname\nABC,igo,A\n",
            "bad-column.csv:1: unknown column 'nickname'",
        ),
        (
            "bad-office.csv",
            "person,source,state,role,start\nA B,https://x,RUS,emperor,2020\n",
            "bad-office.csv:2: column 'role': 'emperor' is not a role",
        ),
        ("notes.txt", "hello", "unknown file type '.txt'; use a .yaml, .yml or .csv"),
    ],
    ids=lambda v: v if v.endswith((".yaml", ".csv", ".txt")) else "",
)
def test_kb_load_invalid_extension_names_file_place_and_fix(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path / name, text)
    with pytest.raises(ActorDataError) as caught:
        ActorKB.load([path])
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, InputError)


def test_kb_load_missing_file_is_an_actor_data_error(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="no such file"):
        ActorKB.load([tmp_path / "absent.yaml"])


def test_irans_supreme_leaders_succeed_each_other(kb: ActorKB) -> None:
    assert kb.holder("supreme_leader", "IRN", date(1985, 1, 1)).name == "Ruhollah Khomeini"
    assert kb.holder("supreme_leader", "IRN", date(1990, 1, 1)).name == "Ali Khamenei"
    assert kb.resolve("Ayatollah Khomeini", date(1980, 1, 1)).actor == "IRN"
