"""The upload banner says what happened to every row and file, with the reasons, in the
colour of the worst outcome."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from sampark.db import migrate
from sampark.inbox import UploadResult
from sampark.tables.uploads import upload_banner
from tests.auth_helpers import login_as

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
NO_REJECTS = pl.DataFrame(schema={"path": pl.String, "line": pl.Int64, "reason": pl.String})
UNITS = (
    "Unit ID,Kind,Name,Name in Hindi,Parent unit ID\n"
    "BR,state,Bihar,बिहार,\n"
    "BR-R-CEN,range,Central,मध्य,BR\n"
    "BR-PAT,district,Patna,पटना,BR-R-CEN\n"
)


def _read(markdown: str) -> list[str]:
    """The banner's lines as the reader sees them (markdown escapes dropped)."""
    return re.sub(r"\\(.)", r"\1", markdown).splitlines()


def test_a_clean_upload_is_green_and_says_every_row_loaded():
    results = [UploadResult("units.csv", "units.csv", "loaded", 3, 3, 0)]
    kind, text = upload_banner(results, NO_REJECTS, "en", "data_officer")
    assert kind == "success"
    assert _read(text) == [
        "1 file(s): 3 row(s) read, 3 loaded, 0 rejected.",
        "Files: 1 loaded, 0 unchanged, 0 rejected whole, 0 refused, 0 held.",
        "Every row was loaded.",
    ]


def test_one_rejected_row_turns_the_banner_to_a_warning_with_its_line_and_reason():
    results = [UploadResult("staff.csv", "staff.csv", "loaded", 3, 2, 1)]
    rejects = pl.DataFrame(
        {"path": ["staff.csv"], "line": [3], "reason": ["Mobile: not a mobile number"]}
    )
    kind, text = upload_banner(results, rejects, "en", "data_officer")
    assert kind == "warning"
    assert _read(text) == [
        "1 file(s): 3 row(s) read, 2 loaded, 1 rejected.",
        "Files: 1 loaded, 0 unchanged, 0 rejected whole, 0 refused, 0 held.",
        "- staff.csv, line 3: Mobile: not a mobile number",
    ]


def test_a_refused_file_has_its_whole_reason_in_the_banner_in_hindi():
    results = [
        UploadResult("evil.zip", None, "refused", reason="/etc/evil", code="zip_path"),
    ]
    kind, text = upload_banner(results, NO_REJECTS, "hi", "data_officer")
    assert kind == "warning"
    assert _read(text)[-1] == (
        "- evil.zip: अस्वीकार, सहेजी नहीं गई: ज़िप में फ़ोल्डर से बाहर जाने वाले पथ हैं (पूर्ण या '..'): /etc/evil"
    )


def test_more_rejected_rows_than_the_banner_names_are_counted():
    results = [UploadResult("staff.csv", "staff.csv", "loaded", 40, 15, 25)]
    rejects = pl.DataFrame(
        {"path": ["staff.csv"] * 25, "line": list(range(2, 27)), "reason": ["bad"] * 25}
    )
    _, text = upload_banner(results, rejects, "hi", "data_officer")
    lines = _read(text)
    assert len([line for line in lines if line.startswith("- staff.csv")]) == 10
    assert lines[-1] == "…और 15 अस्वीकृत पंक्ति(याँ): नीचे अस्वीकृत सूची देखें।"


def test_the_data_page_banner_names_the_rejected_row_of_an_upload(
    sqlite_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    migrate(sqlite_url)
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "data_officer")
    at.run()
    bad = UNITS + "BR-GAY,district,Gaya,गया,BR-NOWHERE\n"
    at.file_uploader(key="upload_files").set_value([("units.csv", bad.encode(), "text/csv")])
    at.button[0].click().run()
    assert not at.exception
    assert not at.success
    (banner,) = [w.value for w in at.warning if "row(s) read" in w.value]
    lines = _read(banner)
    assert lines[0] == "1 file(s): 4 row(s) read, 3 loaded, 1 rejected."
    assert lines[2].startswith("- units.csv, line 5: ")
    assert len(lines[2]) > len("- units.csv, line 5: ")
