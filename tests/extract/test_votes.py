"""Votes coded by what was voted on, found in the vote's phrase, its sentence or paragraph."""

from __future__ import annotations

from datetime import date


def _votes(events) -> list[tuple]:
    return [(e.source, e.event_type, e.target, e.date_start) for e in events if e.mode == "vote"]


def test_voting_against_a_un_body_act_in_the_same_sentence(extract) -> None:
    events = extract(
        "On 16 March 2011, the Assembly suspended Libya from the Human Rights Council, and "
        "both Venezuela and Cuba voted against."
    )
    assert _votes(events) == [
        ("VEN", "REJECT", "LBY", "2011-03-16"),
        ("CUB", "REJECT", "LBY", "2011-03-16"),
    ]


def test_voting_no_on_the_resolution_of_the_previous_sentence(extract) -> None:
    events = extract(
        "On 5 May 2015, the General Assembly condemned Syria's use of chemical weapons in "
        "resolution 69/300. Iran and Venezuela voted no."
    )
    assert _votes(events) == [
        ("IRN", "REJECT", "SYR", "2015-05-05"),
        ("VEN", "REJECT", "SYR", "2015-05-05"),
    ]


def test_the_no_votes_were_a_list_of_states(extract) -> None:
    events = extract(
        'On 1 June 2016, the Assembly adopted resolution 70/1, "Territorial integrity of '
        'Georgia", by 90 votes to 3. The three no votes were Russia, Syria and Nicaragua.'
    )
    assert _votes(events) == [
        ("RUS", "REJECT", "GEO", "2016-06-01"),
        ("SYR", "REJECT", "GEO", "2016-06-01"),
        ("NIC", "REJECT", "GEO", "2016-06-01"),
    ]


def test_the_no_votes_came_from_a_list_of_states(extract) -> None:
    events = extract(
        'On 1 June 2016, the Assembly adopted resolution 70/1, "Aggression against Georgia", '
        "by 90 votes to 2. The no votes came from Syria and Nicaragua."
    )
    assert _votes(events) == [
        ("SYR", "REJECT", "GEO", "2016-06-01"),
        ("NIC", "REJECT", "GEO", "2016-06-01"),
    ]


def test_a_vote_tally_is_not_a_vote_event(extract) -> None:
    events = extract("On 1 June 2016, the Assembly adopted resolution 70/1 by 90 votes to 3.")
    assert _votes(events) == []


def test_a_vote_with_nothing_voted_on_in_the_paragraph_is_not_coded(extract) -> None:
    assert _votes(extract("In 2016, Syria and Nicaragua voted no.")) == []


def test_vetoes_cast_on_a_sanctions_text_reject_toward_the_state_it_targets(extract) -> None:
    # annotation guide v1.2: a veto or a vote against is REJECT aimed at the state concerned
    events = extract(
        "That consensus broke on 3 June 2019. Nine members voted in favour, but China and "
        "Russia cast vetoes, the first veto cast on a Syria sanctions text since the Council "
        "began imposing sanctions in 2011."
    )
    assert _votes(events) == [
        ("CHN", "REJECT", "SYR", "2019-06-03"),
        ("RUS", "REJECT", "SYR", "2019-06-03"),
    ]


def test_the_council_after_the_security_council_is_that_organ(extract) -> None:
    events = extract(
        "The UN Security Council met on 2 May 2019. On 3 May 2019, the Council imposed "
        "sanctions on Mali."
    )
    sanctions = [(e.source, e.event_type, e.target) for e in events if e.event_type == "SANCTION"]
    assert sanctions == [("UNSC", "SANCTION", "MLI")]


def test_vetoing_the_renewal_of_a_sanctions_panel_rejects_toward_the_sanctioned(extract) -> None:
    events = extract(
        "In March 2019, Russia vetoed the renewal of the UN panel monitoring sanctions "
        "against Syria."
    )
    assert _votes(events) == [("RUS", "REJECT", "SYR", "2019-03")]
    assert {e.cameo for e in events if e.mode == "vote"} == {"129"}


def test_the_same_resolution_named_again_keeps_the_earlier_framing(extract) -> None:
    events = extract(
        "In 2017, the UN Security Council passed a resolution to expand sanctions against North "
        "Korea. Russia's envoy said that Russia supported the UN Security Council resolution."
    )
    voted = [e for e in events if e.rule == "vote_framing:support"]
    assert [(e.source, e.target) for e in voted] == [("RUS", "PRK")]


def test_supporting_a_sanctions_resolution_sanctions_its_target(extract) -> None:
    events = extract(
        "In 2006, China supported UN Security Council Resolution 1718, which imposed sanctions "
        "on North Korea."
    )
    voted = [(e.source, e.event_type, e.target) for e in events if e.mode == "vote"]
    assert voted == [("CHN", "SANCTION", "PRK")]


def test_a_proposal_extending_relief_to_a_state_frames_the_vote_for_it(extract) -> None:
    events = extract(
        "In September 2025, China and Russia circulated a proposal extending sanctions relief "
        "to Iran. On September 19, the draft resolution failed, with only Algeria, China, "
        "Pakistan and Russia voting in favor."
    )
    voted = sorted(e.source for e in events if e.rule.startswith("vote_framing"))
    assert voted == ["CHN", "DZA", "PAK", "RUS"]
    assert {(e.target, e.event_type) for e in events if e.rule.startswith("vote_framing")} == {
        ("IRN", "SUPPORT")
    }


def test_the_author_of_a_draft_is_not_what_it_is_about(extract) -> None:
    events = extract(
        "On 26 May 2022, a draft resolution on sanctions against North Korea, tabled by the "
        "United States, was vetoed by China and Russia."
    )
    assert {e.target for e in events if e.rule.startswith("vote_framing")} == {"PRK"}


def test_votes_on_a_state_frame_a_later_veto_of_the_resolution(extract) -> None:
    events = extract(
        "Since 2022, there have been three Security Council votes related to a panel of experts "
        "on North Korea. In 2024, however, Russia vetoed the resolution."
    )
    assert _votes(events) == [("RUS", "REJECT", "PRK", "2024")]


def test_the_first_veto_since_a_date_is_not_dated_by_it(extract) -> None:
    events = extract(
        "That consensus broke on 26 May 2022. The United States put forward a draft that would "
        "have tightened sanctions after a run of launches that year, including an ICBM test on "
        "24 March 2022. Thirteen members voted in favour, but China and Russia cast vetoes, the "
        "first veto cast on a North Korea sanctions text since the Council began imposing "
        "sanctions in 2006.",
        date(2024, 5, 6),
    )
    assert {(e.source, e.date_start, e.date_end) for e in events if e.mode == "vote"} == {
        ("CHN", "2022-05-26", "2022-05-26"),
        ("RUS", "2022-05-26", "2022-05-26"),
    }
