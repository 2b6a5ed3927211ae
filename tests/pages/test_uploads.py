"""Uploads on the Data page: names cleaned, types sniffed, unsafe zips refused, then loaded."""

from __future__ import annotations

import io
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sampark.db import migrate
from sampark.inbox import load_uploads, save_upload, upload_folder
from sampark.safety.archives import ZipLimits
from sampark.safety.uploads import Refusal, UploadLimits, checked_upload, safe_name, upload_refusal
from tests.auth_helpers import login_as
from tests.hostile_sheets import blank_rows_csv, commas_csv, sparse_workbook, tall_workbook

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
LIMITS = UploadLimits(max_bytes=1_000_000, zip=ZipLimits(max_members=5, max_total_bytes=10**7))
UNITS = (
    "Unit ID,Kind,Name,Name in Hindi,Parent unit ID\n"
    "BR,state,Bihar,बिहार,\n"
    "BR-R-CEN,range,Central,मध्य,BR\n"
    "BR-PAT,district,Patna,पटना,BR-R-CEN\n"
)
CHAT = "13/01/24, 7:41 pm - SHO: Namaste\n"


def _zip(members: dict[str, bytes], *, link: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("units.csv", "units.csv"),
        ("../../etc/cron.d/evil.csv", "evil.csv"),
        ("C:\\Users\\me\\..\\units.CSV", "units.csv"),
        (".bashrc.txt", "bashrc.txt"),
        ("~$lock.xlsx", "~$lock.xlsx"),
        ("a\x00b\x1f\r\n.csv", "ab.csv"),
        ("photo\u202egpj.txt", "photogpj.txt"),
        ("..", "upload"),
        ("x" * 300 + ".zip", "x" * 146 + ".zip"),
        ("WhatsApp Chat with थाना कोतवाली.txt", "WhatsApp Chat with थाना कोतवाली.txt"),
    ],
)
def test_safe_name_keeps_only_a_plain_base_name(name, clean):
    assert safe_name(name) == clean


@pytest.mark.parametrize(
    ("name", "data", "refusal"),
    [
        ("units.csv", UNITS.encode(), None),
        ("units.csv", b"\xef\xbb\xbf" + UNITS.encode(), None),
        ("units.csv", UNITS.encode("utf-16"), None),
        ("chat.txt", CHAT.encode("utf-16-be"), Refusal("not_text")),
        ("units.csv", b"\x89PNG\r\n\x1a\n\x00\x00", Refusal("not_text")),
        ("units.csv", "Name,Nagar\né\n".encode("latin-1"), Refusal("not_text")),
        ("units.csv", b"", Refusal("empty")),
        ("units.exe", b"MZ", Refusal("type", ".exe")),
        ("units", b"a", Refusal("type", "—")),
        ("big.txt", b"a" * 1_000_001, Refusal("too_big", "1000001 > 1000000")),
        ("chat.zip", b"not a zip", Refusal("not_zip")),
        ("sheet.xlsx", UNITS.encode(), Refusal("not_xlsx")),
        ("sheet.xlsx", _zip({"a.txt": b"x"}), Refusal("not_xlsx", "no workbook inside")),
        ("chat.zip", _zip({"_chat.txt": CHAT.encode()}), None),
        ("chat.zip", _zip({"../../evil.txt": b"x"}), Refusal("zip_path", "../../evil.txt")),
        ("chat.zip", _zip({"/etc/evil": b"x"}), Refusal("zip_path", "/etc/evil")),
        ("chat.zip", _zip({"_chat.txt": b"x"}, link="media.jpg"), Refusal("zip_link", "media.jpg")),
        ("chat.zip", _zip({f"{i}.jpg": b"x" for i in range(6)}), Refusal("zip_members", "6 > 5")),
    ],
)
def test_upload_refusal_by_extension_and_content(name, data, refusal):
    assert upload_refusal(name, data, LIMITS) == refusal


def test_a_zip_bomb_is_refused_by_its_ratio():
    bomb = _zip({"_chat.txt": b"0" * 5_000_000})
    found = upload_refusal("chat.zip", bomb, LIMITS)
    assert found is not None and found.code == "zip_bomb"


def test_a_zip_unpacking_past_the_total_is_refused():
    limits = UploadLimits(zip=ZipLimits(max_total_bytes=1000))
    found = upload_refusal("chat.zip", _zip({"a.txt": b"a" * 600, "b.txt": b"b" * 600}), limits)
    assert found == Refusal("zip_size", "1200 > 1000")


def test_a_real_workbook_is_accepted():
    import polars as pl

    buffer = io.BytesIO()
    pl.DataFrame({"Unit ID": ["BR"]}).write_excel(buffer)
    assert upload_refusal("units.xlsx", buffer.getvalue(), UploadLimits()) is None


@pytest.mark.parametrize(
    ("name", "data", "detail"),
    [
        ("units.xlsx", sparse_workbook(), "the sheet declares 16,384 columns and 1,048,576 rows"),
        ("units.xlsx", tall_workbook(), "the sheet's cells reach column 20 and row 1,048,576"),
        ("units.csv", commas_csv(1), "row 1 has more than 200 columns"),
        ("units.csv", blank_rows_csv(), "4,000,000 rows × 3 columns"),
    ],
    ids=["sparse", "tall", "commas", "blank-rows"],
)
def test_a_sheet_too_large_to_read_is_refused_before_it_is_saved(name, data, detail):
    found = upload_refusal(name, data, UploadLimits())
    assert found is not None and found.code == "sheet_size"
    assert found.detail.startswith(detail)


def test_save_upload_keeps_a_second_version_beside_the_first(tmp_path):
    first = checked_upload("../units.csv", b"a\n", LIMITS)
    again = checked_upload("units.csv", b"a\n", LIMITS)
    other = checked_upload("units.csv", b"b\n", LIMITS)
    names = [save_upload(tmp_path, u) for u in (first, again, other)]
    assert names == ["units.csv", "units.csv", "units (2).csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["units (2).csv", "units.csv"]


def test_load_uploads_saves_loads_and_reports_each_file(sqlite_url, tmp_path):
    migrate(sqlite_url)
    inbox = tmp_path / "inbox"
    uploads = [
        checked_upload("units.csv", UNITS.encode("utf-16"), LIMITS),
        checked_upload("groups.csv", b"Group ID,Unit ID\nG1,BR-PAT\n", LIMITS),
        checked_upload("evil.zip", _zip({"../x.txt": b"x"}), LIMITS),
        checked_upload("WhatsApp Chat with Nobody.txt", CHAT.encode(), LIMITS),
    ]
    results = load_uploads(uploads, inbox, sqlite_url, date(2026, 11, 23))
    folder = upload_folder(inbox, date(2026, 11, 23))
    assert sorted(p.name for p in folder.iterdir()) == [
        "WhatsApp Chat with Nobody.txt",
        "groups.csv",
        "units.csv",
    ]
    assert [(r.original, r.status, r.rows_read, r.rows_loaded, r.code) for r in results] == [
        ("units.csv", "loaded", 3, 3, None),
        ("groups.csv", "rejected", 1, 0, None),
        ("evil.zip", "refused", 0, 0, "zip_path"),
        ("WhatsApp Chat with Nobody.txt", "rejected", 0, 0, None),
    ]
    assert "Group kind" in (results[1].reason or "")
    again = load_uploads(uploads[:1], inbox, sqlite_url, date(2026, 11, 23))
    assert [(r.status, r.reason) for r in again] == [("skipped", "unchanged since it was loaded")]


def test_data_page_uploads_and_shows_each_result(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    engine = migrate(sqlite_url)
    from etl.pipeline import run_inbox

    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "units.csv").write_text(UNITS, encoding="utf-8")
    run_inbox(engine, seed)
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "data_officer")
    at.run()  # the data officer's first (and only) page is Data
    at.file_uploader(key="upload_files").set_value(
        [
            ("more_units.csv", UNITS.replace("Patna", "Patna City").encode(), "text/csv"),
            ("../../evil.zip", _zip({"/etc/evil": b"x"}), "application/zip"),
        ]
    )
    at.button[0].click().run()
    assert not at.exception
    (table,) = [d.value for d in at.dataframe if "Saved as" in d.value.columns]
    assert table[["File", "Result", "Rows loaded"]].values.tolist() == [
        ["more_units.csv", "loaded", "3"],
        ["../../evil.zip", "refused, not saved", "0"],
    ]
    assert table["Reason"].tolist()[1] == (
        "the zip holds paths that leave its folder (absolute or '..'): /etc/evil"
    )
    assert not (tmp_path / "inbox" / "uploads" / "evil.zip").exists()


def test_a_failed_run_tells_the_error_type_and_none_of_its_values(monkeypatch):
    import subprocess

    import sampark.inbox
    from sampark.inbox import EtlProcessFailed, etl_stdout

    stderr = (
        'Traceback (most recent call last):\n  File "etl/load.py", line 1\n'
        "sqlalchemy.exc.DataError: (psycopg.DataError) text cannot contain NUL\n"
        "[parameters: {'subject_name': 'Asha Verma', 'subject_phone': '+919876512345'}]\n"
    )

    def failed(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess([], 1, "", stderr)

    monkeypatch.setattr(sampark.inbox.subprocess, "run", failed)
    with pytest.raises(EtlProcessFailed) as failure:
        etl_stdout("run", "--json")
    assert str(failure.value) == (
        "etl run failed: sqlalchemy.exc.DataError (its message is kept out: it may quote a cell)"
    )


def test_upload_results_mask_a_phone_in_the_etl_reason_for_roles_without_phone_rights():
    from sampark.inbox import UploadResult
    from sampark.tables.uploads import results_table

    results = [
        UploadResult(
            "WhatsApp Chat with 98765 43210.txt",
            "WhatsApp Chat with 98765 43210.txt",
            "rejected",
            reason="no group named '98765 43210'",
        )
    ]
    reasons = {
        role: results_table(results, "en", role).get_column("Reason").to_list()
        for role in ("data_officer", "sho")
    }
    assert reasons == {
        "data_officer": ["no group named '+91 98•••••210'"],
        "sho": ["no group named '98765 43210'"],
    }
