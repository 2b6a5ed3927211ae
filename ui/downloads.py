"""Download buttons, each file written to the audit log when it is made.

Streamlit serves a download's bytes from its media endpoint: a file passed as bytes is there
as soon as the page is drawn, and a file passed as a function is made whenever the browser
asks for it, click or no click. So every download here is a function that writes the audit
row itself, each time it makes the file, before handing the bytes over: no file leaves
without its row, and drawing the page makes no file at all.

Tables come as CSV and XLSX through `sampark.safety.export`, so no cell opens as a formula."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from sampark.i18n import t
from sampark.safety.export import csv_bytes, excel_bytes
from sampark.store import audit as store_audit
from ui import auth, session
from ui.loaders import run


def audited(make: Callable[[], bytes], file_name: str, detail: str | None) -> Callable[[], bytes]:
    """`make`, writing an `export` audit row for the signed-in user each time it runs.

    The user and the database are taken now, on the page's run: the file is made later on a
    server thread that has no session. The row is written after the file is made (a failed
    file leaves no row) and before it is returned (a failed row leaves no file)."""
    user = session.current_user()
    actor = user.label if user else "anonymous"
    engine = run.current_engine()

    def produce() -> bytes:
        made = make()
        with engine.begin() as conn:
            # The audit log's one clock: the same as every other row ui/auth.py writes.
            store_audit.record_audit(conn, auth._now(), actor, "export", file_name, detail)
        return made

    return produce


def _handing_over(made: bytes) -> Callable[[], bytes]:
    return lambda: made


def button(
    label: str,
    make: Callable[[], bytes] | bytes,
    file_name: str,
    mime: str,
    *,
    key: str,
    detail: str | None = None,
    icon: str = ":material/download:",
    where: DeltaGenerator | None = None,
) -> None:
    """A download button whose file is made, and audited, only when it is asked for (bytes
    already at hand are handed over the same way)."""
    (where or st).download_button(
        label,
        audited(make if callable(make) else _handing_over(make), file_name, detail),
        file_name,
        mime,
        key=key,
        icon=icon,
        # The download itself is the event; the page need not run again for it.
        on_click="ignore",
    )


def buttons(frame: pl.DataFrame, name: str, lang: str) -> None:
    """CSV and Excel downloads of `frame` (the rows shown), each audited with its row count."""
    left, right = st.columns(2)
    rows = f"{frame.height} rows"
    button(
        t("download_csv", lang),
        lambda: csv_bytes(frame),
        f"{name}.csv",
        "text/csv",
        key=f"csv_{name}",
        detail=rows,
        where=left,
    )
    button(
        t("download_xlsx", lang),
        lambda: excel_bytes(frame, name),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{name}",
        detail=rows,
        icon=":material/table_view:",
        where=right,
    )
