"""The unit tree stays a tree: a sheet that would make a cycle of parents, or put a unit under
one of its own level or below, is refused with the unit ids; and the recursive reads end even
on a cycle that got into the database some other way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa

from etl.pipeline import run_inbox
from etl.sources.checks import Known
from etl.sources.units import check, parent_cycles
from sampark.access import Scope
from sampark.db import migrate
from sampark.metrics.coverage.totals import Network
from sampark.queries.network import network
from sampark.queries.registry import reject_log

HEADER = "Unit ID,Kind,Name,Parent unit ID\n"
TREE = (
    "BR,state,Bihar,\nBR-R,range,Central,BR\nBR-PAT,district,Patna,BR-R\n"
    "BR-PAT-C01,circle,Sadar,BR-PAT\nBR-PAT-T001,thana,Kotwali,BR-PAT-C01\n"
)


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sheet(rows: list[tuple[str, str, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(i + 2, u, k, u, None, p) for i, (u, k, p) in enumerate(rows)],
        schema={
            "line": pl.Int64,
            "unit_id": pl.String,
            "kind": pl.String,
            "name": pl.String,
            "name_hi": pl.String,
            "parent_id": pl.String,
        },
        orient="row",
    )


def _refused(rows: list[tuple[str, str, str | None]], known: Known | None = None) -> list:
    return check(_sheet(rows), known or Known()).rejects.select("line", "reason").rows()


# --- pure ----------------------------------------------------------------------------------


def test_parent_cycles_names_each_unit_on_a_cycle_from_itself():
    parents = {"A": "B", "B": "C", "C": "A", "D": "A", "E": "E", "F": None, "G": "X"}
    assert parent_cycles(parents) == {
        "A": ["A", "B", "C", "A"],
        "B": ["B", "C", "A", "B"],
        "C": ["C", "A", "B", "C"],
        "E": ["E", "E"],
    }


def test_a_unit_under_itself_is_refused_naming_it():
    assert _refused([("BR", "state", None), ("T1", "thana", "T1")]) == [
        (3, "parents form a cycle: T1 → T1")
    ]


def test_two_units_under_each_other_are_refused_naming_both():
    assert _refused([("T1", "thana", "T2"), ("T2", "thana", "T1"), ("BR", "state", None)]) == [
        (2, "parents form a cycle: T1 → T2 → T1"),
        (3, "parents form a cycle: T2 → T1 → T2"),
    ]


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        (
            [("C1", "circle", None), ("D1", "district", "C1")],
            "parent C1 is a circle; a district sits under a higher level "
            "(state > zone > range > district > circle > thana > outpost)",
        ),
        (
            [("T1", "thana", None), ("T2", "thana", "T1")],
            "parent T1 is a thana; a thana sits under a higher level "
            "(state > zone > range > district > circle > thana > outpost)",
        ),
        (
            [("R1", "range", None), ("DV", "division", "R1")],
            "parent R1 is a range; a division sits under the state",
        ),
        (
            [("C1", "circle", None), ("PC", "police_centre", "C1")],
            "parent C1 is a circle; a police_centre sits under a district or above",
        ),
    ],
)
def test_a_parent_of_the_same_or_a_lower_level_is_refused(rows, reason):
    assert _refused(rows) == [(3, reason)]


def test_divisions_and_police_centres_sit_where_the_orders_put_them():
    rows = [
        ("BR", "state", None),
        ("BR-DIV-CID", "division", "BR"),
        ("BR-PAT", "district", "BR"),
        ("BR-PAT-PC", "police_centre", "BR-PAT"),
        ("BR-GRP-T1", "thana", "BR-DIV-CID"),
    ]
    checked = check(_sheet(rows), Known())
    assert checked.rejects.is_empty()
    # Parents first, whatever the sheet's order.
    assert checked.rows["unit_id"].to_list() == [
        "BR",
        "BR-DIV-CID",
        "BR-PAT",
        "BR-PAT-PC",
        "BR-GRP-T1",
    ]


def test_a_unit_whose_new_kind_ranks_below_its_loaded_child_is_refused():
    known = Known(
        unit_ids=frozenset({"BR", "D1", "T1"}),
        unit_tree=pl.DataFrame(
            {
                "unit_id": ["BR", "D1", "T1"],
                "kind": ["state", "district", "thana"],
                "parent_id": [None, "BR", "D1"],
            }
        ),
    )
    assert _refused([("D1", "outpost", "BR")], known) == [
        (2, "D1 cannot be a outpost: T1, a thana already loaded, sits under it")
    ]


# --- through the ETL, against the units already loaded ---------------------------------------


def test_a_district_put_under_its_own_thana_is_refused_and_nothing_changes(db_url, tmp_path):
    engine = migrate(db_url)
    _write(tmp_path / "a", "units.csv", HEADER + TREE)
    run_inbox(engine, tmp_path / "a")
    _write(tmp_path / "b", "units.csv", HEADER + "BR-PAT,district,Patna,BR-PAT-T001\n")

    result = run_inbox(engine, tmp_path / "b")

    assert [(f.rows_loaded, f.rows_rejected) for f in result.files] == [(0, 1)]
    with engine.connect() as conn:
        reasons = reject_log(conn)["reason"].to_list()
        parent = conn.execute(
            sa.text("SELECT parent_id FROM units WHERE unit_id = 'BR-PAT'")
        ).scalar()
    assert reasons == ["parents form a cycle: BR-PAT → BR-PAT-T001 → BR-PAT-C01 → BR-PAT"]
    assert parent == "BR-R"


def test_a_cycle_within_one_sheet_is_refused_and_the_rest_loads(db_url, tmp_path):
    engine = migrate(db_url)
    _write(
        tmp_path / "a",
        "units.csv",
        HEADER + "BR,state,Bihar,\nC1,circle,A,C2\nC2,circle,B,C1\nD1,district,Patna,BR\n",
    )
    result = run_inbox(engine, tmp_path / "a")
    assert [(f.rows_loaded, f.rows_rejected) for f in result.files] == [(2, 2)]
    with engine.connect() as conn:
        reasons = sorted(reject_log(conn)["reason"].to_list())
    assert reasons == ["parents form a cycle: C1 → C2 → C1", "parents form a cycle: C2 → C1 → C2"]


# --- recursive reads on a cycle that got in by SQL --------------------------------------------


def _cycle_by_sql(engine: sa.Engine) -> None:
    """BR-PAT (district) under its own thana, written past the ETL's checks."""
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE units SET parent_id = 'BR-PAT-T001' WHERE unit_id = 'BR-PAT'"))


def _within(seconds: float, read: Callable[[], object]) -> object:
    """What `read` returns, failing the test when it has not returned within `seconds` (the
    unbounded query never returns; the thread is left behind as a daemon)."""
    out: dict[str, object] = {}

    def target() -> None:
        try:
            out["value"] = read()
        except BaseException as exc:  # handed to the test below
            out["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the read did not return within {seconds} s"
    if "error" in out:
        raise AssertionError("the read failed") from out["error"]  # type: ignore[arg-type]
    return out["value"]


def test_recursive_reads_end_on_a_cycle_inserted_by_sql(db_url, tmp_path):
    engine = migrate(db_url)
    _write(tmp_path / "a", "units.csv", HEADER + TREE)
    _write(
        tmp_path / "a",
        "groups.csv",
        "Group ID,Unit ID,Group kind,Group name\nG1,BR-PAT-T001,thana_public,K\n",
    )
    run_inbox(engine, tmp_path / "a")
    _cycle_by_sql(engine)

    def reads() -> dict[str, Network]:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":  # the server stops too, should it not end
                conn.execute(sa.text("SET statement_timeout = '20s'"))
            roots = ("BR-PAT", "BR-PAT-T001", "BR-PAT-C01", None)
            return {str(r): network(conn, Scope(root=r)) for r in roots}

    nets = _within(30, reads)
    assert isinstance(nets, dict)
    for root in ("BR-PAT", "BR-PAT-T001", "BR-PAT-C01"):
        assert set(nets[root].units["unit_id"]) == {"BR-PAT", "BR-PAT-C01", "BR-PAT-T001"}
        assert nets[root].groups["group_id"].to_list() == ["G1"]
    assert nets["None"].units.height == 5
