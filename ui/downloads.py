"""Download buttons: every table a person may want in Excel comes as CSV and XLSX."""

from __future__ import annotations

import io

import polars as pl
import streamlit as st

from sampark.i18n import t


def excel_bytes(frame: pl.DataFrame, sheet: str) -> bytes:
    buffer = io.BytesIO()
    frame.write_excel(buffer, worksheet=sheet[:31], autofit=True)
    return buffer.getvalue()


def buttons(frame: pl.DataFrame, name: str, lang: str) -> None:
    # The files are made when clicked: writing Excel on every rerun costs more than the page.
    left, right = st.columns(2)
    left.download_button(
        t("download_csv", lang),
        lambda: frame.write_csv().encode("utf-8-sig"),
        f"{name}.csv",
        "text/csv",
        key=f"csv_{name}",
        icon=":material/download:",
    )
    right.download_button(
        t("download_xlsx", lang),
        lambda: excel_bytes(frame, name),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{name}",
        icon=":material/table_view:",
    )
