"""The unit hierarchy sheet: state → range → district → circle → thana → outpost, and others."""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Known, missing, reason, split_rows
from etl.sources.sheets.values import coded, duplicate_of
from sampark.schema import UNIT_KINDS

KIND_LABELS: dict[str, str] = {
    **{k.replace("_", ""): k for k in UNIT_KINDS},
    "राज्य": "state",
    "जोन": "zone",
    "क्षेत्र": "range",
    "रेंज": "range",
    "जिला": "district",
    "सर्किल": "circle",
    "अंचल": "circle",
    "ps": "thana",
    "policestation": "thana",
    "थाना": "thana",
    "op": "outpost",
    "ओपी": "outpost",
    "चौकी": "outpost",
    "प्रभाग": "division",
    "पुलिसकेंद्र": "police_centre",
}

# Levels, highest first: a unit's parent ranks above it. A division is a state-level wing
# (BMP, CID, …) under the state; a police centre is a district's, under the district or above.
KIND_RANK: dict[str, int] = {
    "state": 0,
    "zone": 1,
    "range": 2,
    "district": 3,
    "circle": 4,
    "thana": 5,
    "outpost": 6,
    "division": 1,
    "police_centre": 4,
}
ORDER = "state > zone > range > district > circle > thana > outpost"
_PLACE = {
    **{kind: f"a higher level ({ORDER})" for kind in KIND_RANK},
    "division": "the state",
    "police_centre": "a district or above",
}
# Parents before children, so each insert finds its parent already written.
KIND_DEPTH = KIND_RANK

RAW = ["unit_id", "kind", "name", "name_hi", "parent_id"]

_TREE_SCHEMA = {"unit_id": pl.String, "kind": pl.String, "parent_id": pl.String}


def parent_cycles(parents: dict[str, str | None]) -> dict[str, list[str]]:
    """Each unit on a cycle of parents, with the cycle walked from it back to itself.

    One pass over the units (each is walked once); a dict walk, since a state has a few
    thousand units and a cycle is a chain of lookups, not a column operation.

    >>> parent_cycles({"A": "B", "B": "A", "C": "A", "D": None})
    {'A': ['A', 'B', 'A'], 'B': ['B', 'A', 'B']}
    """
    done: set[str] = set()
    found: dict[str, list[str]] = {}
    for start in parents:
        path: list[str] = []
        at: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in at:
            at[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in at:
            cycle = path[at[node] :]
            for i, unit in enumerate(cycle):
                found[unit] = [*cycle[i:], *cycle[:i], unit]
        done.update(path)
    return found


def _rank(column: str) -> pl.Expr:
    return pl.col(column).replace_strict(KIND_RANK, default=None, return_dtype=pl.Int64)


def _merged_tree(sheet: pl.DataFrame, known: Known) -> pl.DataFrame:
    """The loaded units the sheet does not restate, plus the sheet's (with their lines), ranked."""
    tree = known.unit_tree if known.unit_tree is not None else pl.DataFrame(schema=_TREE_SCHEMA)
    return pl.concat(
        [
            tree.select(list(_TREE_SCHEMA))
            .join(sheet, on="unit_id", how="anti")
            .with_columns(pl.lit(None, dtype=pl.Int64).alias("line")),
            sheet,
        ]
    ).with_columns(_rank("kind").alias("rank"))


def _orphans(sheet: pl.DataFrame, known: Known) -> pl.DataFrame:
    """`line`, `orphan`: sheet units whose parent is neither loaded nor in the sheet."""
    resolvable = known.unit_ids | frozenset(sheet.get_column("unit_id").to_list())
    return sheet.filter(
        pl.col("parent_id").is_not_null() & ~pl.col("parent_id").is_in(list(resolvable))
    ).select("line", reason("unknown parent unit {}", pl.col("parent_id")).alias("orphan"))


def _on_cycle(merged: pl.DataFrame) -> pl.DataFrame:
    """`unit_id`, `cycle`: units whose chain of parents comes back to itself."""
    cycles = parent_cycles(
        dict(zip(merged.get_column("unit_id"), merged.get_column("parent_id"), strict=True))
    )
    return pl.DataFrame(
        {
            "unit_id": list(cycles),
            "cycle": ["parents form a cycle: " + " → ".join(path) for path in cycles.values()],
        },
        schema={"unit_id": pl.String, "cycle": pl.String},
    )


def _inverted(merged: pl.DataFrame) -> pl.DataFrame:
    """Child–parent pairs where the parent's kind is not above the child's (a thana over a
    circle, say), with both sides' kinds and lines."""
    parents = merged.select(
        pl.col("unit_id").alias("parent_id"),
        pl.col("kind").alias("parent_kind"),
        pl.col("rank").alias("parent_rank"),
        pl.col("line").alias("parent_line"),
    )
    return merged.join(parents, on="parent_id").filter(pl.col("parent_rank") >= pl.col("rank"))


def _under(inverted: pl.DataFrame) -> pl.DataFrame:
    """`line`, `under`: a sheet unit placed under a parent that is not above it."""
    return inverted.filter(pl.col("line").is_not_null()).select(
        "line",
        reason(
            "parent {} is a {}; a {} sits under {}",
            pl.col("parent_id"),
            pl.col("parent_kind"),
            pl.col("kind"),
            pl.col("kind").replace_strict(_PLACE, default=None, return_dtype=pl.String),
        ).alias("under"),
    )


def _above(inverted: pl.DataFrame) -> pl.DataFrame:
    """`line`, `above`: a sheet unit given a new kind that a loaded child no longer sits under
    (one reason per sheet line, naming the first such child)."""
    return (
        inverted.filter(pl.col("line").is_null() & pl.col("parent_line").is_not_null())
        .sort("unit_id")
        .group_by("parent_line", maintain_order=True)
        .first()
        .select(
            pl.col("parent_line").alias("line"),
            reason(
                "{} cannot be a {}: {}, a {} already loaded, sits under it",
                pl.col("parent_id"),
                pl.col("parent_kind"),
                pl.col("unit_id"),
                pl.col("kind"),
            ).alias("above"),
        )
    )


def _tree_reasons(rows: pl.DataFrame, known: Known) -> pl.DataFrame:
    """`line`, `tree_reason` for the sheet's units that would break the tree of the units
    already loaded and the sheet's together: an unknown parent, a cycle of parents, a parent
    not above the unit, or a loaded child not below its new kind."""
    sheet = rows.select("unit_id", pl.col("kind_code").alias("kind"), "parent_id", "line")
    merged = _merged_tree(sheet, known)
    inverted = _inverted(merged)
    return (
        sheet.select("line", "unit_id")
        .join(_orphans(sheet, known), on="line", how="left", maintain_order="left")
        .join(_on_cycle(merged), on="unit_id", how="left", maintain_order="left")
        .join(_under(inverted), on="line", how="left", maintain_order="left")
        .join(_above(inverted), on="line", how="left", maintain_order="left")
        .select("line", pl.coalesce("orphan", "cycle", "under", "above").alias("tree_reason"))
    )


def check(frame: pl.DataFrame, known: Known) -> Checked:
    """Valid unit rows whose parents resolve in the database or in this sheet into a tree (no
    cycle, every parent above its unit), parents first."""
    typed = frame.with_columns(coded("kind", KIND_LABELS).alias("kind_code"))
    first = split_rows(
        typed,
        RAW,
        [
            missing("unit_id", "Unit ID"),
            missing("name", "Name"),
            (
                pl.col("kind_code").is_null(),
                reason(
                    "unknown unit kind '{}'; expected one of " + ", ".join(UNIT_KINDS),
                    pl.col("kind"),
                ),
            ),
            (
                duplicate_of(["unit_id"]).is_not_null(),
                reason(
                    "duplicate Unit ID {} (first on line {})",
                    pl.col("unit_id"),
                    duplicate_of(["unit_id"]),
                ),
            ),
        ],
    )
    rows, rejects = first.rows, [first.rejects]
    # A unit refused takes with it the children that needed it, and may end a cycle or an
    # inversion the rest was part of: repeat until nothing changes.
    while True:
        marked = rows.join(_tree_reasons(rows, known), on="line", how="left", maintain_order="left")
        step = split_rows(
            marked, RAW, [(pl.col("tree_reason").is_not_null(), pl.col("tree_reason"))]
        )
        rows = step.rows.drop("tree_reason")
        rejects.append(step.rejects)
        if step.rejects.height == 0:
            break
    rows = (
        rows.with_columns(_rank("kind_code").alias("_depth"))
        .sort("_depth", "line")
        .select(
            "line", "unit_id", pl.col("kind_code").alias("kind"), "name", "name_hi", "parent_id"
        )
    )
    return Checked(rows=rows, rejects=pl.concat(rejects))
