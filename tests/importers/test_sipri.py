"""The SIPRI trade-register importer: SIPRI's preamble, names to ISO codes, bad fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from axiswatch.importers._common import ReferenceDataError
from axiswatch.importers.sipri import country_iso3, import_sipri

PREAMBLE = (
    "Transfers of major conventional arms from All countries  to All countries .\n"
    "A '?' in a column indicates uncertain data.\n"
    "\n"
    "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
)
HEADER = (
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
    "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
    "Delivery year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,"
    "TIV delivery values,Local production\n"
)
ROWS = (
    "1,Russia,China,Su-35S,FGA aircraft,Aircraft,2015,No,4,No,2016,No,New,60,60,240,No\n"
    "2,Soviet Union,North Korea,MiG-29,FGA aircraft,Aircraft,1987,Yes,10?,Yes,1990,No,New,"
    "20,20,200,No\n"
    "3,unknown supplier(s),Hamas (Palestine)*,Qassam,rocket,Missiles,2010,Yes,100,Yes,2011,"
    "Yes,New,0,0,0,No\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "trade-register.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russia", "RUS"),
        ("Soviet Union", "SUN"),
        ("North Korea", "PRK"),
        ("DR Congo", "COD"),
        ("Germany", "DEU"),
        ("Hamas (Palestine)*", None),
        ("unknown supplier(s)", None),
    ],
)
def test_country_names_map_to_iso3(name: str, iso3: str | None) -> None:
    assert country_iso3(name) == iso3


def test_import_skips_the_preamble_and_non_state_parties(con, tmp_path: Path) -> None:
    result = import_sipri(con, _write(tmp_path, PREAMBLE + HEADER + ROWS))
    assert (result.rows, result.skipped) == (2, 1)
    assert "Hamas (Palestine)*" in result.warnings[0]
    rows = con.execute(
        "SELECT supplier, recipient, designation, delivery_year, delivered, tiv_delivered "
        "FROM arms_transfers ORDER BY deal_id"
    ).fetchall()
    assert rows == [
        ("RUS", "CHN", "Su-35S", 2016, 4, 240.0),
        ("SUN", "PRK", "MiG-29", 1990, 10, 200.0),  # "10?" kept: uncertain, not unknown
    ]


def test_a_bad_year_names_line_and_field_and_stores_nothing(con, tmp_path: Path) -> None:
    bad = ROWS.replace(",2016,No,New", ",20x6,No,New")
    with pytest.raises(ReferenceDataError, match=r"trade-register.csv:6: Delivery year '20x6'"):
        import_sipri(con, _write(tmp_path, PREAMBLE + HEADER + bad))
    assert con.execute("SELECT count(*) FROM arms_transfers").fetchone()[0] == 0


def test_a_file_without_the_register_header_says_what_it_expects(con, tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="SIPRI AT Database ID"):
        import_sipri(con, _write(tmp_path, "country,year\nRUS,2020\n"))


@pytest.mark.shared
def test_the_real_subset_imports(con, shared_dir: Path) -> None:
    folder = shared_dir / "data" / "sipri_arms_transfers"
    result = import_sipri(con, folder / "transfers_among_rus_chn_prk_2000_2023.csv")
    assert result.rows == 323
    pairs = dict(
        con.execute(
            "SELECT supplier || '>' || recipient, count(*) FROM arms_transfers GROUP BY 1"
        ).fetchall()
    )
    assert pairs == {"RUS>CHN": 290, "RUS>PRK": 27, "PRK>RUS": 1, "CHN>RUS": 5}
