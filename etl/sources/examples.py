"""The templates' example rows can never change real data.

Every id in an example row starts with `EXAMPLE-`, a prefix no unit, group or staff id may take
(a units, groups or staff row carrying it is refused), so an example that reaches the ETL finds
nothing of a real unit or group to change; its phones are placeholders the phone check refuses.
A row equal to its template's example row, as a blank template holds it, is refused as such.
"""

from __future__ import annotations

import polars as pl

from etl.sources.checks import Checked, Rule, reason, split_rows
from etl.sources.registry import SOURCES
from etl.sources.sheets.columns import EXAMPLE_PREFIX, SHEETS

EXAMPLE_REASON = "example row from the template / टेम्पलेट की उदाहरण पंक्ति"

# The column that names what a row creates, per sheet that creates units, groups or staff.
DEFINED_ID = {"units": "unit_id", "groups": "group_id", "staff": "staff_id"}


def is_example_row(kind: str) -> pl.Expr:
    """True for a row whose every cell is the template's example (blank where it is blank)."""
    cells = [
        pl.col(c.key).is_null() if not c.example else pl.col(c.key).eq(c.example).fill_null(False)
        for c in SHEETS[kind].columns
    ]
    return pl.all_horizontal(cells)


def template_rejects(kind: str, frame: pl.DataFrame) -> Checked:
    """The rows of a `kind` sheet that are the template's example, or that would create a unit,
    group or staff id the examples keep for themselves, refused; the other rows."""
    rules: list[Rule] = [(is_example_row(kind), pl.lit(EXAMPLE_REASON))]
    if kind in DEFINED_ID:
        column = pl.col(DEFINED_ID[kind])
        rules.append(
            (
                column.str.to_uppercase().str.starts_with(EXAMPLE_PREFIX).fill_null(False),
                reason(
                    f"ids starting {EXAMPLE_PREFIX} are kept for the templates' example rows: {{}}",
                    column,
                ),
            )
        )
    return split_rows(frame, SOURCES[kind].raw, rules)
