"""Coverage for people: the Overview's tables (units, the furthest behind, what needs action,
the heatmap's rows), the Districts league and CompStat lines, the Drill-down's levels."""

from __future__ import annotations

import polars as pl

from sampark.charts.coverage import HEAT_MEASURES
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage.history import week_ends
from sampark.metrics.coverage.overview import Overview
from sampark.metrics.coverage.totals import LEVELS, Network
from sampark.schema import GROUP_KINDS
from sampark.tables.league_reach import reach_cells, reach_columns
from sampark.tables.names import reader_name, unit_id_column, unit_names

COVERAGE_COLUMNS = {
    "members": "col_members",
    "member_floor": "col_needed",
    "groups_present": "col_groups_present",
    "groups_required": "col_groups_required",
    "thanas_at_target": "col_thanas_ok",
    "thanas": "col_thanas",
    "outposts_at_target": "col_outposts_ok",
    "outposts": "col_outposts",
    "staff_connected": "col_staff_connected",
    "staff": "col_staff",
    "blocklisted_in_public": "col_blocklisted",
    "groups_compliant": "col_groups_compliant_short",
    "members_needed": "col_members_needed",
    "groups_short_officers": "col_short_officers",
}


def coverage_table(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Coverage per unit with headers in the reader's language."""
    return frame.select(
        reader_name(lang).alias(t("col_unit", lang)),
        *(
            pl.col(c).alias(t(key, lang))
            for c, key in COVERAGE_COLUMNS.items()
            if c in frame.columns  # the rule columns come with coverage_table only
        ),
        unit_id_column(lang),
    )


def signed(n: int, lang: str) -> str:
    """A change with its sign: +1,200 / -3 / 0."""
    return ("+" if n > 0 else "") + number(n, lang)


def behind_table(ov: Overview, lang: str) -> pl.DataFrame:
    """The units furthest behind: how far, how many members short, and since when."""
    first = week_ends(ov.as_of)[0]
    rows = []
    for row in ov.behind.with_columns(reader_name(lang).alias("label")).iter_rows(named=True):
        since = row["behind_since"]
        rows.append(
            {
                t("col_unit", lang): row["label"],
                t("col_short_share", lang): percent(row["short_share"], lang),
                t("col_members_needed", lang): number(row["members_needed"], lang),
                t("col_needed", lang): number(row["member_floor"], lang),
                t("col_compliance", lang): t(
                    "of",
                    lang,
                    part=number(row["groups_compliant"], lang),
                    whole=number(row["groups_required"], lang),
                ),
                t("col_behind_since", lang): (
                    t("not_behind", lang)
                    if since is None
                    else t("behind_whole_window", lang, date=long_date(since, lang))
                    if since == first
                    else long_date(since, lang)
                ),
                t("unit_id_col", lang): row["unit_id"],
            }
        )
    return pl.DataFrame(rows) if rows else pl.DataFrame()


def actions_table(actions: pl.DataFrame, net: Network, lang: str) -> pl.DataFrame:
    """Needs-action rows in the reader's language: what, where, group, detail, count."""
    kinds = {k: t(f"action_{k}", lang) for k in actions.get_column("kind").unique().to_list()}
    detail = pl.col("detail")
    group_kinds = {k: t(f"kind_{k}", lang) for k in GROUP_KINDS}
    return (
        actions.join(unit_names(net.units, lang), on="unit_id", how="left")
        .join(
            net.groups.select("group_id", pl.col("name").alias("group")), on="group_id", how="left"
        )
        .select(
            pl.col("kind").replace_strict(kinds).alias(t("col_action", lang)),
            pl.col("label").fill_null(pl.col("unit_id")).alias(t("col_where", lang)),
            pl.col("group").fill_null("").alias(t("col_group_name", lang)),
            detail.replace(group_kinds).alias(t("col_detail", lang)),
            pl.col("count").alias(t("col_count", lang)),
            unit_id_column(lang),
        )
    )


def heat_rows(ov: Overview, net: Network, lang: str) -> pl.DataFrame:
    """The scope's child units with `row_label` "parent · unit" (range · district), sorted so a
    range's districts sit together."""
    labels = unit_names(net.units, lang)
    parents = net.units.select("unit_id", "parent_id").join(
        labels.rename({"unit_id": "parent_id", "label": "parent_label"}), on="parent_id", how="left"
    )
    return (
        ov.children.join(parents, on="unit_id", how="left")
        .join(labels, on="unit_id", how="left")
        .with_columns(
            pl.concat_str(
                [pl.col("parent_label").fill_null(""), pl.col("label")], separator=" · "
            ).alias("row_label")
        )
        .sort("parent_label", "label")
    )


def league_display(league: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The league table in the reader's language: raw counts beside every rate, and directive
    reach when the league carries it (`league_reach.with_reach_texts`)."""
    rows = []
    for r in league.with_columns(reader_name(lang).alias("label")).iter_rows(named=True):
        rows.append(
            {
                t("col_unit", lang): r["label"],
                t("col_band", lang): r["band"],
                t("col_rank", lang): (
                    t("too_small", lang)
                    if r["rank"] is None
                    else f"{number(r['rank'], lang)} / {number(r['band_size'], lang)}"
                ),
                t("col_compliance", lang): percent(r["compliance"], lang),
                t("col_compliant_of", lang): (
                    f"{number(r['groups_compliant'], lang)} / {number(r['groups_required'], lang)}"
                ),
                t("col_band_median", lang): percent(r["band_median"], lang),
                t("col_change_compliant", lang): signed(r["groups_compliant_change"], lang),
                t("col_members", lang): number(r["members"], lang),
                t("col_change_members", lang): signed(r["members_change"], lang),
                t("col_members_needed", lang): number(r["members_needed"], lang),
                t("col_staff_of", lang): (
                    f"{number(r['staff_connected'], lang)} / {number(r['staff'], lang)}"
                ),
                **reach_cells(r, lang),
            }
        )
    return pl.DataFrame(rows) if rows else pl.DataFrame()


SHEET_MEASURES = (
    ("kpi_members", "members", "member_floor"),
    ("kpi_groups", "groups_present", "groups_required"),
    ("kpi_compliant", "groups_compliant", "groups_required"),
    ("col_thanas_ok", "thanas_at_target", "thanas"),
    ("col_outposts_ok", "outposts_at_target", "outposts"),
    ("kpi_staff", "staff_connected", "staff"),
    ("kpi_needed", "members_needed", None),
    ("kpi_officers", "groups_short_officers", None),
    ("kpi_blocklisted", "blocklisted_in_public", None),
)


def sheet_measures(row: dict[str, object], lang: str) -> pl.DataFrame:
    """One district's CompStat lines: measure, target, now, last week, change.
    `row` is a child row of the Overview (with `<col>_change`)."""

    def n(key: str) -> int:
        value = row.get(key, 0)
        return int(value) if isinstance(value, int | float) else 0

    lines = []
    for label, col, target in SHEET_MEASURES:
        change = n(f"{col}_change")
        lines.append(
            {
                t("sheet_measure", lang): t(label, lang),
                t("sheet_target", lang): number(n(target), lang) if target else number(0, lang),
                t("sheet_actual", lang): number(n(col), lang),
                t("sheet_last_week", lang): number(n(col) - change, lang),
                t("sheet_change", lang): signed(change, lang),
            }
        )
    return pl.DataFrame(lines)


def drill_levels(tree: pl.DataFrame) -> list[str]:
    """The levels present in the tree, top first (group last)."""
    present = set(tree.get_column("level").to_list())
    return [lv for lv in (*LEVELS, "group") if lv in present]


def drill_table(tree: pl.DataFrame, net: Network, level: str, lang: str) -> pl.DataFrame:
    """The tree's nodes of one level: name, where it sits, members, and its compliance in words
    for groups ("Kotwali thana group: 143 of 200, needs 57") or in counts for units; and
    directive reach when the tree carries it (`league_reach.with_reach_texts`)."""
    nodes = tree.filter(pl.col("level") == level)
    names = unit_names(net.units, lang).rename({"unit_id": "parent", "label": "within"})
    nodes = nodes.join(names, on="parent", how="left")
    if level != "group":
        return nodes.sort("compliance", "name", nulls_last=True).select(
            reader_name(lang).alias(t("col_unit", lang)),
            pl.col("within").fill_null("").alias(t("col_within", lang)),
            pl.col("members").alias(t("col_members", lang)),
            pl.col("part").alias(t("col_groups_compliant_short", lang)),
            pl.col("whole").alias(t("col_groups_required", lang)),
            (pl.col("compliance") * 100).round(1).alias(t("axis_share", lang)),
            *reach_columns(nodes, lang),
        )
    kinds = net.groups.select("group_id", "kind", "unit_id").join(
        unit_names(net.units, lang).rename({"label": "unit_label"}), on="unit_id", how="left"
    )
    rows = []
    for r in (
        nodes.join(kinds, left_on="id", right_on="group_id")
        .sort("compliance", "name", nulls_last=True)
        .iter_rows(named=True)
    ):
        need = max(0, int(r["whole"]) - int(r["members"]))
        key = (
            "status_group_free" if not r["whole"] else "status_group" if need else "status_group_ok"
        )
        kind = t(f"kind_{r['kind']}", lang)
        rows.append(
            {
                t("col_status", lang): t(
                    key,
                    lang,
                    name=f"{r['unit_label'] or r['name']} {kind}",
                    members=number(r["members"], lang),
                    minimum=number(r["whole"], lang),
                    need=number(need, lang),
                ),
                t("col_group_name", lang): r["name"],
                t("col_kind_name", lang): kind,
                t("col_within", lang): r["within"] or "",
                t("col_members", lang): r["members"],
                t("col_minimum", lang): r["whole"],
                t("col_needed", lang): need,
                **reach_cells(r, lang),
            }
        )
    return pl.DataFrame(rows) if rows else pl.DataFrame()


def heat_table(rows: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The compliance heatmap as a table for narrow screens (a phone cannot read a grid of
    coloured cells): one row per unit, each measure as "share (part/whole)"."""

    def cell(part: str, whole: str) -> pl.Expr:
        share = (pl.col(part) / pl.col(whole) * 100).round(0).cast(pl.Int64).cast(pl.String)
        return (
            pl.when(pl.col(whole) > 0)
            .then(pl.format("{}% ({}/{})", share, pl.col(part), pl.col(whole)))
            .otherwise(pl.lit("—"))
        )

    return rows.select(
        pl.col("row_label").alias(t("col_unit", lang)),
        *(cell(part, whole).alias(t(key, lang)) for key, part, whole in HEAT_MEASURES),
        unit_id_column(lang),
    )
