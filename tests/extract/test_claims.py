"""Claim extraction on hand-written sentences (not the development articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from axiswatch.actors.kb import ActorKB
from axiswatch.extract.claims import extract_claims
from axiswatch.model import Claim

PUBLISHED = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


@pytest.fixture(scope="module")
def claims_of(kb: ActorKB):
    def run(text: str, published: dt.date | None = PUBLISHED) -> list[Claim]:
        return extract_claims(text, doc="t.txt", document_id="d" * 64, published=published, kb=kb)

    return run


def _facts(claims: list[Claim]) -> list[tuple]:
    return [(c.subject, c.predicate, c.object, c.value, c.unit) for c in claims]


# --- quantities ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mongolia has a 3,485 km border with China.",
            ("MNG", "border_length_with", "CHN", 3485.0, "km"),
            id="length-km-with",
        ),
        pytest.param(
            "The land border between Norway and Russia is 196 kilometres long.",
            ("NOR", "land_border_length_with", "RUS", 196.0, "km"),
            id="length-between",
        ),
        pytest.param(
            "The border between Canada and the United States is 5,525 miles.",
            ("CAN", "border_length_with", "USA", 5525.0, "mi"),
            id="length-miles",
        ),
        pytest.param(
            "Saudi Arabia alone produces 12% of the world's crude oil.",
            ("SAU", "share_of_world_crude_oil", None, 12.0, "%"),
            id="percent-share",
        ),
        pytest.param(
            "In 2023, trade between India and Russia reached $65 billion.",
            (["IND", "RUS"], "trade_value", None, 65e9, "USD"),
            id="money",
        ),
        pytest.param(
            "Belarus sent 1,500 soldiers to Serbia.",
            ("BLR", "sends_soldiers_to", "SRB", 1500.0, "soldiers"),
            id="count",
        ),
    ],
)
def test_claims_quantities(claims_of, text: str, expected: tuple) -> None:
    assert expected in _facts(claims_of(text))


def test_claims_two_lengths_in_one_sentence_take_their_own_clause(claims_of) -> None:
    text = (
        "The border between Spain and Portugal is 1,214 km long, and the border between "
        "Spain and France is 656 km."
    )
    facts = [(c.subject, c.object, c.value) for c in claims_of(text)]
    assert facts == [("ESP", "PRT", 1214.0), ("ESP", "FRA", 656.0)]


def test_claims_years_and_ordinals_are_not_counts(claims_of) -> None:
    claims = claims_of("In 2019, the 74th session of the General Assembly met for two weeks.")
    assert [c for c in claims if c.rule and c.rule.startswith("quantity")] == []


def test_claims_time_of_a_quantity_is_its_clause_date(claims_of) -> None:
    (claim,) = claims_of("According to data of 2020, Qatar supplies 20% of the world's LNG.")
    assert (claim.time, claim.epistemic, claim.unit) == ("2020", "reported", "%")


def test_claims_border_sides_from_context(claims_of) -> None:
    text = (
        "Chile and Argentina signed a treaty. The two countries share a border of 5,300 km. "
        "Bolivia and Peru share a land border of 1,075 km; the border with Brazil is 3,400 km."
    )
    facts = [
        (c.subject, c.predicate, c.object, c.value)
        for c in claims_of(text)
        if c.checkable_against == "borders"
    ]
    assert facts == [
        ("CHL", "border_length_with", "ARG", 5300.0),
        ("BOL", "land_border_length_with", "PER", 1075.0),
        ("BOL", "border_length_with", "BRA", 3400.0),
    ]


def test_claims_attributed_source_is_not_a_party(claims_of) -> None:
    text = "According to the CIA World Factbook, Nepal and India share a border of 1,770 km."
    (claim,) = claims_of(text)
    assert (claim.subject, claim.object, claim.epistemic) == ("NPL", "IND", "reported")


def test_claims_named_source_makes_a_quantity_reported(claims_of) -> None:
    (claim,) = claims_of("John Kirby said that Belarus had sent 300 trucks to Russia.")
    assert (claim.subject, claim.value, claim.epistemic) == ("BLR", 300.0, "reported")


def test_claims_counts_inside_noun_phrases_are_not_claims(claims_of) -> None:
    claims = claims_of("The Assembly condemned the annexation of four regions of Georgia.")
    assert [c for c in claims if c.rule == "quantity_count"] == []


# --- rankings, borders, memberships ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Japan is South Korea's largest trading partner.",
            ("JPN", "largest_trade_partner_of", "KOR", "trade"),
            id="largest-possessive",
        ),
        pytest.param(
            "Germany is the main trade partner of Poland.",
            ("DEU", "main_trade_partner_of", "POL", "trade"),
            id="main-of",
        ),
        pytest.param(
            "France is one of the biggest exporters of weapons to India.",
            ("FRA", "major_arms_exporter_to", "IND", "arms_transfers"),
            id="one-of-biggest-exporters",
        ),
        pytest.param(
            "Italy was one of Libya's key trading partners.",
            ("ITA", "key_trade_partner_of", "LBY", "trade"),
            id="one-of-key-partners",
        ),
    ],
)
def test_claims_rankings(claims_of, text: str, expected: tuple) -> None:
    found = [(c.subject, c.predicate, c.object, c.checkable_against) for c in claims_of(text)]
    assert expected in found


def test_claims_now_dates_a_ranking_to_the_publication_year(claims_of) -> None:
    (claim,) = claims_of("Germany is now Hungary's largest trade partner.")
    assert claim.time == "2024"


def test_claims_shared_border_gives_one_claim_per_subject(claims_of) -> None:
    claims = claims_of("Both Laos and Vietnam have a land border with Cambodia.")
    assert [(c.subject, c.predicate, c.object) for c in claims] == [
        ("LAO", "shares_land_border_with", "KHM"),
        ("VNM", "shares_land_border_with", "KHM"),
    ]
    assert {c.checkable_against for c in claims} == {"borders"}


def test_claims_membership_keeps_a_name_that_is_not_an_actor(claims_of) -> None:
    (claim,) = claims_of("Brazil and India were key participants in the Paris Club talks.")
    assert (claim.subject, claim.predicate) == (["BRA", "IND"], "participant_in")
    assert claim.object == "Paris Club talks"


# --- votes and lists -------------------------------------------------------------------------


def test_claims_vote_list_continues_in_the_next_sentence(claims_of) -> None:
    text = (
        "Syria is one of the four countries that voted against the resolution on Crimea in "
        "2016. The others were Russia, Belarus and North Korea."
    )
    (claim,) = claims_of(text)
    assert claim.predicate == "no_votes"
    assert (claim.value, claim.unit, claim.time) == (4.0, "countries", "2016")
    assert claim.object == ["SYR", "RUS", "BLR", "PRK"]
    assert claim.subject == "resolution on Crimea (2016)"
    assert claim.sentence == text  # the evidence spans both sentences
    assert claim.checkable_against == "un_votes"


def test_claims_vote_time_comes_from_the_sentence_before(claims_of) -> None:
    text = (
        "The Assembly met in March 2014. Cuba was one of the 11 countries that voted against "
        "the resolution on the territorial integrity of Ukraine."
    )
    (claim,) = claims_of(text)
    assert (claim.predicate, claim.time, claim.object) == ("no_votes", "2014-03", ["CUB"])


def test_claims_voted_against_lists_the_subjects(claims_of) -> None:
    (claim,) = claims_of("Cuba and Nicaragua voted against the resolution in 2022.")
    assert (claim.subject, claim.predicate) == (["CUB", "NIC"], "voted_against")
    assert claim.object == "resolution (2022)"


def test_claims_vote_tally_gives_three_counts(claims_of) -> None:
    text = (
        "On 27 March 2014, the General Assembly adopted resolution 68/262 by 100 votes to 11, "
        "with 58 abstentions."
    )
    claims = claims_of(text)
    assert [(c.predicate, c.value) for c in claims] == [
        ("yes_votes", 100.0),
        ("no_votes", 11.0),
        ("abstentions", 58.0),
    ]
    assert {c.subject for c in claims} == {"resolution 68/262 (2014-03-27)"}
    assert {c.object for c in claims} == {None}


def test_claims_vote_on_a_pronoun_is_not_a_list(claims_of) -> None:
    # a plain statement at most: no vote list, nothing the vote tables would be asked about
    assert all(
        c.checkable_against == "none" for c in claims_of("Beijing and Moscow both voted for it.")
    )


# --- hedged statements and transfers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Iran may supply drones to Russia.",
            ("IRN", "supplies_drones_to", "RUS", "hypothetical", "arms_transfers"),
            id="modal",
        ),
        pytest.param(
            "It is possible to assume that Egypt might buy fighter jets from France.",
            ("EGY", "buys_fighter_jets_from", "FRA", "hypothetical", "arms_transfers"),
            id="possible-to-assume",
        ),
        pytest.param(
            "Kazakhstan allegedly buys oil from Russia.",
            ("KAZ", "buys_oil_from", "RUS", "alleged", "trade"),
            id="allegedly",
        ),
        pytest.param(
            "The United States accused China of supplying drones to Russia.",
            ("CHN", "supplies_drones_to", "RUS", "alleged", "arms_transfers"),
            id="accused-of",
        ),
        pytest.param(
            "There is no evidence that Belarus provides artillery shells to Serbia.",
            ("BLR", "provides_artillery_shells_to", "SRB", "hypothetical", "arms_transfers"),
            id="no-evidence-that",
        ),
        pytest.param(
            "In exchange, Cuba expects economic support from Venezuela.",
            ("CUB", "expects_support_from", "VEN", "hypothetical", "none"),
            id="expects",
        ),
    ],
)
def test_claims_hedged(claims_of, text: str, expected: tuple) -> None:
    found = [
        (c.subject, c.predicate, c.object, c.epistemic, c.checkable_against)
        for c in claims_of(text)
    ]
    assert expected in found


def test_claims_relative_clause_is_not_under_the_hedge(claims_of) -> None:
    text = (
        "Turkey possibly provides Azerbaijan with steel for the production of shells, which "
        "are exported from Azerbaijan to Armenia."
    )
    found = {(c.subject, c.object): c.epistemic for c in claims_of(text)}
    assert found[("TUR", "AZE")] == "hypothetical"
    assert found[("AZE", "ARM")] == "asserted"


def test_claims_next_sentence_denying_evidence_makes_a_claim_hypothetical(claims_of) -> None:
    text = "Sudan sells gold to the United Arab Emirates. No facts can prove this hypothesis."
    (claim,) = claims_of(text)
    assert (claim.subject, claim.object, claim.epistemic) == ("SDN", "ARE", "hypothetical")
    assert claim.rule.endswith("+unproven")


def test_claims_undated_transfer_by_agent(claims_of) -> None:
    text = "Venezuela has started using gold to pay for the weapons provided by Belarus."
    found = [(c.subject, c.predicate, c.object) for c in claims_of(text)]
    assert ("BLR", "provides_weapons_to", "VEN") in found


def test_claims_dated_event_is_not_a_claim(claims_of) -> None:
    assert claims_of("On 3 May 2016, Japanese Prime Minister Shinzo Abe visited Sochi.") == []


def test_claims_dated_transfer_event_is_not_a_claim(claims_of) -> None:
    assert claims_of("In March 2023, Iran delivered drones to Russia.") == []


# --- evidence spans and ids ------------------------------------------------------------------


def test_claims_offsets_slice_back_to_the_sentence(claims_of) -> None:
    text = (
        "Release Date : 2024-01-05\n\n"
        "Chile is Peru\u2019s largest trade partner.[3] Iran may sell missiles to Syria.\n\n"
        "[3] \u201cTrade figures\u201d, Example News, (Date of Access: 01.01.2024)."
    )
    claims = claims_of(text)
    assert len(claims) == 2
    for claim in claims:
        assert text[claim.start_char : claim.end_char] == claim.sentence
    assert claims[0].sentence.endswith("partner.[3]")
    assert [c.claim_id for c in claims] == ["t.txt-c1", "t.txt-c2"]
    assert all(c.document_id == "d" * 64 and c.rule for c in claims)


def test_number_patterns_on_a_long_digit_run_before_long_whitespace() -> None:
    """Once cubic in the run's length (a 4 KB text took 31 s); now one pass."""
    from axiswatch.extract._claim_numbers import LENGTH, MONEY, PERCENT

    text = "1" * 3000 + " " * 3000 + "and 39 km, 16 percent, $5 billion"
    assert [m.group(0) for m in LENGTH.finditer(text)] == ["39 km"]
    assert [m.group(0) for m in PERCENT.finditer(text)] == ["16 percent"]
    assert [m.group(0) for m in MONEY.finditer(text)] == ["$5 billion"]


# --- vetoes, distances, weapons that change no hands -------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "time", "epistemic"),
    [
        ("On 15 March 2014, Russia vetoed a draft on Crimea.", "RUS", "2014-03-15", "asserted"),
        (
            "The draft won 13 votes but was vetoed by China and Russia on 26 May 2022.",
            ["CHN", "RUS"],
            "2022-05-26",
            "asserted",
        ),
        ("In March 2024, Russia cast its veto.", "RUS", "2024-03", "asserted"),
        ("France may veto the draft.", "FRA", None, "hypothetical"),
    ],
)
def test_claims_veto_names_the_members_and_the_time(
    claims_of, text: str, subject, time, epistemic
) -> None:
    (found,) = [c for c in claims_of(text) if c.predicate == "vetoed"]
    assert (found.subject, found.time, found.epistemic) == (subject, time, epistemic)
    assert found.checkable_against == "vetoes"


@pytest.mark.parametrize(
    "text",
    [
        "North Korean troops are housed in barracks 25 to 40 miles from the Ukrainian border.",
        "Chinese patrols stayed 10 km away from the Indian border.",
        "Turkish forces advanced 30 km inside the Syrian border.",
    ],
)
def test_claims_a_distance_from_a_border_is_no_border_length(claims_of, text: str) -> None:
    assert not [c for c in claims_of(text) if c.checkable_against == "borders"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired 3 ballistic missiles into the sea, South Korea's military said.",
        "In 2023, Iran launched more than 30 drones at Israel.",
        "Russia used at least 50 North Korean missiles against Ukraine.",
        "The Hwasong-11 missile of North Korea has a range of about 700 kilometres.",
    ],
)
def test_claims_weapons_fired_or_measured_are_not_arms_transfers(claims_of, text: str) -> None:
    assert all(c.checkable_against != "arms_transfers" for c in claims_of(text))


def test_claims_a_stated_transfer_of_weapons_stays_an_arms_transfer(claims_of) -> None:
    found = claims_of("China bought 24 Su-35 fighter jets from Russia in 2015.")
    assert [c.checkable_against for c in found] == ["arms_transfers"]


# --- plain statements ---------------------------------------------------------------------------


def test_claims_plain_statement_about_a_named_actor(claims_of) -> None:
    (found,) = claims_of("East Germany was an important source of economic aid for Mongolia.")
    assert (found.subject, found.object, found.rule) == ("DDR", "MNG", "statement")
    assert found.predicate == "source_for"


def test_claims_demonstrative_or_there_subject_takes_the_clause_actors(claims_of) -> None:
    found = claims_of("This is evidence of a deepening relationship between Chile and Peru.")
    assert [(c.subject, c.rule) for c in found] == [
        (["CHL", "PER"], "statement+subject_from_clause")
    ]
    (there,) = claims_of("There has been a dip in meetings between Chile and Peru.")
    assert there.subject == ["CHL", "PER"]


def test_claims_a_personal_pronoun_is_not_guessed_from_the_clause(claims_of) -> None:
    # "I" is a speaker the text does not name: no claim is made up for Peru
    assert all(c.subject != "PER" for c in claims_of("I express concern at Peru's conduct."))


def test_claims_they_after_a_sentence_naming_several_actors(claims_of) -> None:
    text = (
        "The ministers of Chile, Peru and Bolivia spoke about trade. "
        "They are committed to a stable regional order."
    )
    found = [c for c in claims_of(text) if c.sentence.startswith("They")]
    assert found and found[0].subject == ["CHL", "PER", "BOL"]


def test_claims_since_runs_to_the_publication_date(claims_of) -> None:
    text = "Since 2022, there have been 17 vetoed drafts in the Security Council."
    (dated,) = [c for c in claims_of(text) if c.value == 17]
    assert dated.time is not None and dated.time.startswith("2022/2024")
    (open_ended,) = [c for c in claims_of(text, published=None) if c.value == 17]
    assert open_ended.time == "2022/.."
    assert dated.checkable_against == "vetoes"


def test_claims_a_veto_is_not_dated_by_a_since_phrase(claims_of) -> None:
    text = "China and Russia cast vetoes, the first veto on a sanctions text since 2006."
    assert all(c.time is None for c in claims_of(text, published=None) if c.predicate == "vetoed")


def test_claims_first_veto_since_a_year_with_its_topic(claims_of) -> None:
    text = (
        "On 4 October 2011, Russia and China vetoed a draft on Syria, the first veto on Syria "
        "since 2006."
    )
    (first,) = [c for c in claims_of(text) if c.predicate == "first_veto_since"]
    assert (first.subject, first.object, first.value, first.time) == (
        ["RUS", "CHN"],
        "SYR",
        2006.0,
        "2011-10-04",
    )
    unnamed = "On 4 October 2011, France vetoed a draft, the first veto on climate since 2006."
    assert not [c for c in claims_of(unnamed) if c.predicate == "first_veto_since"]
