"""Demo mode: the role switcher (enter without a password) is offered only on a database that
holds nothing but the files the demo wrote itself, known by sha256, and no account. The first
real file, by any path, or the first real account ends demo mode for good, in the audit log;
an open demo session ends with it; the setting fails closed.

The real-data lines below are written for these tests; no person in them exists."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from etl.__main__ import app as etl_app
from etl.demo.write.database import DemoRefused, build_demo_database
from etl.pipeline import run_inbox, sha256_of
from sampark.cli.users import users_app
from sampark.db import migrate
from sampark.inbox import load_uploads
from sampark.queries.demo import demo_mode_is_on
from sampark.queries.registry import table_counts
from sampark.safety.uploads import UploadLimits, checked_upload
from sampark.settings import load_settings
from sampark.store import accounts as store_accounts
from sampark.store import audit as store_audit
from tests.auth_helpers import demo_session

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
SWITCHER = "Demo: enter as a role"

# A real alerts sheet, as SCRB would send it: the person's name, mobile, IP and post.
REAL_ALERTS = (
    "Platform,Received at,Outcome,Unit ID,Name of the person,Mobile of the person,"
    "IP address,Post text\n"
    "Instagram,01-03-2026 22:10,,BR-PAT-T001,Rekha Kumari Testcase,9876512345,"
    "10.20.30.40,testing post of the demo-mode test\n"
)
REAL_UNITS = "Unit ID,Kind,Name,Parent unit ID\nBR,state,Bihar,\nBR-R-X,range,Real range,BR\n"


def _tiny_demo(out: Path) -> None:
    """A demo of three files (units, a group, its members), standing in for the small demo
    where only the bookkeeping is under test; the dashboard's build writes the real one."""
    files = {
        "units/units.csv": "Unit ID,Kind,Name,Parent unit ID\nBR,state,Bihar,\n"
        "BR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT\n",
        "groups/groups.csv": "Group ID,Unit ID,Group kind,Group name\n"
        "G-DEMO-1,BR-PAT-T001,thana_public,Kotwali demo group\n",
        "rosters/G-DEMO-1.csv": "Group ID,Mobile number,Category,Name,List date\n"
        "G-DEMO-1,9000000001,trader,Demo One,2026-11-01\n"
        "G-DEMO-1,9000000002,citizen,Demo Two,2026-11-01\n",
    }
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _tiny_demo_db(db_url: str, tmp_path: Path) -> sa.Engine:
    engine = migrate(db_url)
    build_demo_database(engine, tmp_path / "demo" / "inbox", write=_tiny_demo)
    return engine


def _demo_on(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return demo_mode_is_on(conn)


def _endings(engine: sa.Engine) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT actor, detail FROM audit_log WHERE action = 'demo_ended' ORDER BY audit_id"
            )
        ).all()
    return [(str(actor), str(detail)) for actor, detail in rows]


# --- the setting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "on"),
    [
        ("off", False),
        ("0", False),
        ("no", False),
        ("false", False),
        ("nonsense", False),
        ("", False),
        ("1", True),
        ("TRUE", True),
        (" yes ", True),
    ],
)
def test_the_demo_switcher_setting_is_on_only_for_1_true_or_yes(value, on):
    assert load_settings({"SAMPARK_DEMO_SWITCHER": value}).demo_switcher is on


def test_the_demo_switcher_setting_unset_is_on_for_the_demo():
    assert load_settings({}).demo_switcher is True


def test_the_demo_has_its_own_folder_outside_the_inbox(tmp_path):
    settings = load_settings({"SAMPARK_DATA_DIR": str(tmp_path)})
    assert settings.demo_inbox == tmp_path / "demo" / "inbox"
    assert not settings.demo_inbox.is_relative_to(settings.inbox)


# --- the whole path through the dashboard -----------------------------------------------------


def _alerts_named(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT count(*) FROM alerts WHERE subject_name = 'Rekha Kumari Testcase'")
            ).scalar_one()
        )


def test_a_fresh_deployment_with_a_real_alerts_sheet_waiting_offers_no_switcher(
    db_url, tmp_path, monkeypatch
):
    """The attack: one anonymous page load on a fresh deployment with a real alerts sheet in
    the inbox. No demo is built (real files wait), nothing is loaded, no switcher."""
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SAMPARK_DEMO_SWITCHER", raising=False)
    _write(tmp_path / "inbox" / "alerts" / "alerts.csv", REAL_ALERTS)

    at = AppTest.from_file(DASHBOARD, default_timeout=300).run()
    assert not at.exception
    assert not at.status and at.info[0].value.startswith("The database is empty and the inbox")
    assert at.title[0].value == "Sampark — sign in"
    assert SWITCHER not in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.label == "Enter the demo"]
    engine = migrate(db_url)
    with engine.connect() as conn:
        assert table_counts(conn)["etl_files"] == 0
    assert _alerts_named(engine) == 0 and not (tmp_path / "demo").exists()


def test_the_readme_path_demo_first_then_a_real_etl_run_ends_the_switcher_for_good(
    db_url, tmp_path, monkeypatch
):
    """The first page load on an empty deployment builds the demo from its own folder; the
    README's next step, `etl run` of real sheets into the same database, ends demo mode (in
    the audit log) and the sign-in screen drops the switcher."""
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SAMPARK_DEMO_SWITCHER", raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=300).run()
    assert not at.exception
    assert at.status[0].label.startswith("Demo state built: ")
    assert (tmp_path / "demo" / "inbox" / "units" / "units.csv").is_file()
    assert [s.value for s in at.subheader] == [SWITCHER]
    engine = migrate(db_url)
    assert _endings(engine) == []

    _write(tmp_path / "inbox" / "alerts" / "alerts.csv", REAL_ALERTS)
    result = CliRunner().invoke(
        etl_app, ["run", "--inbox", str(tmp_path / "inbox"), "--db", db_url, "--json"]
    )
    assert result.exit_code == 0, result.output
    assert _alerts_named(engine) == 1  # loaded by the office's own run, behind a password now
    at = AppTest.from_file(DASHBOARD, default_timeout=300).run()
    assert not at.exception
    assert at.title[0].value == "Sampark — sign in"
    assert SWITCHER not in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.label == "Enter the demo"]
    assert _endings(engine) == [
        ("sampark", "a file the demo did not write was loaded: alerts/alerts.csv")
    ]


# --- the bookkeeping, on the database ---------------------------------------------------------


def test_demo_mode_is_on_while_the_database_holds_only_the_demos_files(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    assert _demo_on(engine)
    with engine.connect() as conn:
        manifest = set(conn.execute(sa.text("SELECT sha256 FROM demo_files")).scalars())
    written = {sha256_of(p) for p in (tmp_path / "demo" / "inbox").rglob("*") if p.is_file()}
    assert manifest == written and len(written) == 3
    assert _endings(engine) == []


def test_a_real_file_loaded_after_the_demo_ends_demo_mode_for_good(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    _write(tmp_path / "inbox" / "units.csv", REAL_UNITS)
    run_inbox(engine, tmp_path / "inbox")
    assert not _demo_on(engine)
    assert _endings(engine) == [("sampark", "a file the demo did not write was loaded: units.csv")]
    # "For good": the real file's record removed, every loaded file is the demo's again, and
    # still no switcher.
    with engine.begin() as conn:
        real = sha256_of(tmp_path / "inbox" / "units.csv")
        ids = sa.select(sa.text("file_id FROM etl_files WHERE sha256 = :s"))
        conn.execute(sa.text(f"DELETE FROM rejects WHERE file_id IN ({ids})"), {"s": real})
        conn.execute(sa.text("DELETE FROM etl_files WHERE sha256 = :s"), {"s": real})
    assert not _demo_on(engine)
    with pytest.raises(DemoRefused):  # nor is a demo built again on it
        build_demo_database(engine, tmp_path / "demo" / "inbox", write=_tiny_demo)


def test_a_real_file_that_is_rejected_whole_also_ends_demo_mode(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    _write(tmp_path / "inbox" / "alerts.csv", "Name of the person\nRekha Kumari Testcase\n")
    run_inbox(engine, tmp_path / "inbox")
    assert not _demo_on(engine)
    assert len(_endings(engine)) == 1


def test_rerunning_the_demos_own_folder_keeps_demo_mode(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    run_inbox(engine, tmp_path / "demo" / "inbox")
    assert _demo_on(engine) and _endings(engine) == []


def test_an_upload_on_the_data_page_ends_demo_mode(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    upload = checked_upload("units.csv", REAL_UNITS.encode(), UploadLimits())
    results = load_uploads([upload], tmp_path / "inbox", db_url, date(2026, 11, 23))
    assert [r.status for r in results] == ["loaded"]
    assert not _demo_on(engine)
    assert _endings(engine) == [
        ("sampark", "a file the demo did not write was loaded: units.csv"),
    ]


def test_adding_the_first_real_account_ends_demo_mode(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    result = CliRunner().invoke(
        users_app,
        ["add", "sp.patna", "--role", "sp", "--unit", "BR-PAT", "--password-stdin", "--db", db_url],
        input="patna-pass-2026\n",
    )
    assert result.exit_code == 0, result.output
    assert "demo mode ended" in result.output
    assert not _demo_on(engine)
    assert _endings(engine) == [("sampark", "a real account was added: sp.patna")]


def test_an_account_written_past_the_command_still_turns_demo_mode_off(db_url, tmp_path):
    engine = _tiny_demo_db(db_url, tmp_path)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO users (username, password_hash, role, disabled, created_at,"
                " failed_logins) VALUES ('admin', 'x', 'admin', false, :at, 0)"
            ),
            {"at": datetime(2026, 11, 1)},
        )
    assert not _demo_on(engine)


def test_a_database_marked_demo_by_an_older_version_without_a_manifest_is_not_a_demo(
    db_url, tmp_path
):
    """The old dashboard recorded only `demo_built` after loading the whole inbox, real files
    included: without the demo's file hashes nothing proves the data synthetic."""
    engine = migrate(db_url)
    _write(tmp_path / "inbox" / "units.csv", REAL_UNITS)
    run_inbox(engine, tmp_path / "inbox")
    with engine.begin() as conn:
        store_audit.record_audit(
            conn, datetime(2026, 11, 1), "sampark", "demo_built", "database", "x"
        )
    assert not _demo_on(engine)


def test_the_demo_is_built_only_on_an_empty_database(db_url, tmp_path):
    engine = migrate(db_url)
    with engine.begin() as conn:
        store_accounts.add_user(
            conn,
            username="admin",
            password_hash="x",
            role="admin",
            unit_id=None,
            display_name=None,
            at=datetime(2026, 11, 1),
            actor="test",
        )
    with pytest.raises(DemoRefused, match="not empty"):
        build_demo_database(engine, tmp_path / "demo" / "inbox", write=_tiny_demo)
    with engine.connect() as conn:
        assert table_counts(conn)["units"] == 0


def test_files_left_in_the_demo_folder_are_moved_aside_not_loaded(db_url, tmp_path):
    """The demo loads only what it wrote in this build; anything already in its folder is
    kept, beside it, and never loaded."""
    folder = tmp_path / "demo" / "inbox"
    stray = _write(folder / "alerts" / "alerts.csv", REAL_ALERTS)
    engine = _tiny_demo_db(db_url, tmp_path)
    assert _demo_on(engine)
    assert not stray.exists()
    (aside,) = [p for p in (tmp_path / "demo").iterdir() if p.name != "inbox"]
    assert (aside / "alerts" / "alerts.csv").read_text(encoding="utf-8") == REAL_ALERTS
    with engine.connect() as conn:
        assert table_counts(conn)["alerts"] == 0


def test_the_demo_database_command_loads_the_small_demo_and_nothing_of_the_inbox(
    db_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    out = tmp_path / "demo" / "inbox"
    real = _write(tmp_path / "inbox" / "alerts" / "alerts.csv", REAL_ALERTS)
    result = CliRunner().invoke(
        etl_app, ["demo-db", "--out", str(out), "--db", db_url, "--seed", "7", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"rows_loaded"' in result.output
    engine = migrate(db_url)
    assert _demo_on(engine)
    with engine.connect() as conn:
        loaded = set(conn.execute(sa.text("SELECT sha256 FROM etl_files")).scalars())
        listed = set(conn.execute(sa.text("SELECT sha256 FROM demo_files")).scalars())
    assert sha256_of(real) not in loaded and loaded <= listed and _alerts_named(engine) == 0
    again = CliRunner().invoke(etl_app, ["demo-db", "--out", str(out), "--db", db_url])
    assert again.exit_code == 3
    assert "not empty" in again.output


# --- the sign-in screen and open demo sessions ------------------------------------------------


def _dashboard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return AppTest.from_file(DASHBOARD, default_timeout=120)


@pytest.mark.parametrize(("value", "shown"), [(None, True), ("off", False), ("yes", True)])
def test_the_sign_in_screen_offers_the_switcher_only_in_demo_mode_with_the_setting_on(
    sqlite_url, tmp_path, monkeypatch, value, shown
):
    engine = _tiny_demo_db(sqlite_url, tmp_path)
    if value is None:
        monkeypatch.delenv("SAMPARK_DEMO_SWITCHER", raising=False)
    else:
        monkeypatch.setenv("SAMPARK_DEMO_SWITCHER", value)
    at = _dashboard(tmp_path, monkeypatch).run()
    assert not at.exception
    assert (SWITCHER in [s.value for s in at.subheader]) is shown
    assert _demo_on(engine)


def test_an_open_demo_session_ends_at_its_next_click_once_demo_mode_ended(
    db_url, tmp_path, monkeypatch
):
    engine = _tiny_demo_db(db_url, tmp_path)
    at = demo_session(_dashboard(tmp_path, monkeypatch), "dgp").run()
    assert at.title[0].value != "Sampark — sign in"
    assert at.sidebar.caption[0].value == "Demo role (synthetic data)"

    _write(tmp_path / "inbox" / "units.csv", REAL_UNITS)
    run_inbox(engine, tmp_path / "inbox")
    at = demo_session(_dashboard(tmp_path, monkeypatch), "dgp").run()
    assert not at.exception
    assert at.title[0].value == "Sampark — sign in"
    assert at.warning[0].value.startswith("The demo has ended")
    assert not at.metric and SWITCHER not in [s.value for s in at.subheader]


def test_an_open_demo_session_ends_when_the_switcher_is_turned_off(
    sqlite_url, tmp_path, monkeypatch
):
    _tiny_demo_db(sqlite_url, tmp_path)
    monkeypatch.setenv("SAMPARK_DEMO_SWITCHER", "0")
    at = demo_session(_dashboard(tmp_path, monkeypatch), "dgp").run()
    assert at.title[0].value == "Sampark — sign in"
    assert not at.metric
