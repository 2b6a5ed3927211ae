"""Cached coverage loaders for the Overview, Districts and Drill-down pages (keyed by the data
version, the state profile and the scope), and the display tables they show."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import streamlit as st

from sampark import queries
from sampark.brief import brief_html, pdf_bytes
from sampark.i18n import number, percent, t
from sampark.i18n.dates import long_date
from sampark.metrics.coverage import Network, scoped
from sampark.metrics.coverage_drill import drill_tree, group_table
from sampark.metrics.coverage_history import week_ends, weekly_members
from sampark.metrics.coverage_overview import Overview, coverage_overview
from sampark.schema import GROUP_KINDS
from sampark.settings import load_settings
from ui import data


@st.cache_data(max_entries=4, show_spinner=False)
def _history(url: str, data_version: str) -> pl.DataFrame:
    del data_version  # part of the cache key only
    with data.engine(url).connect() as conn:
        return queries.membership_history(conn)


def history() -> pl.DataFrame:
    """Every membership with its join and exit dates."""
    return _history(data.database_url(), data.version())


@st.cache_data(max_entries=16, show_spinner=False)
def _overview(url: str, data_version: str, state: str, scope_id: str | None) -> Overview:
    del url, data_version, state  # the cache key; the loaders below read the same
    return coverage_overview(data.network(), history(), data.state_profile(), scope_id)


def overview(scope_id: str | None) -> Overview:
    """Everything the Overview shows for the scope, computed once per data version."""
    return _overview(data.database_url(), data.version(), load_settings().state, scope_id)


@st.cache_data(max_entries=16, show_spinner=False)
def _weekly_children(url: str, data_version: str, scope_id: str | None, level: str) -> pl.DataFrame:
    del url, data_version
    net = scoped(data.network(), scope_id)
    hist = history().join(net.groups.select("group_id"), on="group_id", how="semi")
    return weekly_members(net, hist, level, week_ends(overview(scope_id).as_of))


def weekly_children(scope_id: str | None, level: str) -> pl.DataFrame:
    """Members week by week of each unit of `level` inside the scope."""
    return _weekly_children(data.database_url(), data.version(), scope_id, level)


@st.cache_data(max_entries=16, show_spinner=False)
def _tree(url: str, data_version: str, state: str, scope_id: str | None) -> pl.DataFrame:
    del url, data_version, state
    return drill_tree(scoped(data.network(), scope_id), data.state_profile())


def tree(scope_id: str | None) -> pl.DataFrame:
    return _tree(data.database_url(), data.version(), load_settings().state, scope_id)


@st.cache_data(max_entries=4, show_spinner=False)
def _groups(url: str, data_version: str, state: str) -> pl.DataFrame:
    del url, data_version, state
    return group_table(data.network(), data.state_profile())


def groups() -> pl.DataFrame:
    return _groups(data.database_url(), data.version(), load_settings().state)


# --- display tables ---------------------------------------------------------------------------


def unit_names(units: pl.DataFrame, lang: str) -> pl.DataFrame:
    """unit_id → label in the reader's script."""
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    return units.select("unit_id", name.alias("label"))


def signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "") + number(n, lang)


def behind_table(ov: Overview, lang: str) -> pl.DataFrame:
    first = week_ends(ov.as_of)[0]
    name = pl.col("name_hi").fill_null(pl.col("name")) if lang == "hi" else pl.col("name")
    rows = []
    for row in ov.behind.with_columns(name.alias("label")).iter_rows(named=True):
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


@st.cache_data(max_entries=16, show_spinner=False)
def _brief(
    url: str,
    data_version: str,
    state: str,
    scope_id: str | None,
    scope_name: str,
    profile_name: str,
    lang: str,
) -> bytes:
    del url, data_version, state
    ov = overview(scope_id)
    html = brief_html(
        ov,
        scope_name=scope_name,
        profile_name=profile_name,
        behind=behind_table(ov, lang),
        actions=actions_table(ov.actions, data.network(), lang),
        lang=lang,
    )
    return pdf_bytes(html)


def brief_maker(
    scope_id: str | None, scope_name: str, profile_name: str, lang: str
) -> Callable[[], bytes]:
    """Makes the weekly brief PDF when the reader clicks (WeasyPrint takes a moment)."""
    key = (data.database_url(), data.version(), load_settings().state)

    def make() -> bytes:
        return _brief(*key, scope_id, scope_name, profile_name, lang)

    return make
