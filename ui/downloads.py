"""Download buttons: every table a person may want in Excel comes as CSV and XLSX.

Both go through `sampark.export_safety`, so no cell of either opens as a live formula."""

from __future__ import annotations

import polars as pl
import streamlit as st

from sampark.export_safety import csv_bytes, excel_bytes
from sampark.i18n import t
from ui import auth


def buttons(frame: pl.DataFrame, name: str, lang: str) -> None:
    # The files are made when clicked: writing Excel on every rerun costs more than the page.
    left, right = st.columns(2)
    left.download_button(
        t("download_csv", lang),
        lambda: csv_bytes(frame),
        f"{name}.csv",
        "text/csv",
        key=f"csv_{name}",
        icon=":material/download:",
        # Every export is in the audit log: who took which table, how many rows.
        on_click=auth.record,
        args=("export", f"{name}.csv", f"{frame.height} rows"),
    )
    right.download_button(
        t("download_xlsx", lang),
        lambda: excel_bytes(frame, name),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{name}",
        icon=":material/table_view:",
        on_click=auth.record,
        args=("export", f"{name}.xlsx", f"{frame.height} rows"),
    )
