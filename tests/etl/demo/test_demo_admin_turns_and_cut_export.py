"""The small demo shows what Group health checks on real chats: SHOs dismissed as admin (and
one made admin) in the chat after the group's newest member list, so the designated-admin
check answers by the chat; and one export cut off at WhatsApp's media cap, so the group is
flagged incomplete and Group health marks it."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from etl.demo.build.chat_cap import MEDIA_CAP
from etl.sources.whatsapp.completeness import at_export_cap
from sampark.access import STATE
from sampark.metrics.groups.admins import designated_admin_is_admin, designated_admin_status
from sampark.metrics.groups.standing import group_standing, standing_by_group
from sampark.queries import memberships as reads
from sampark.queries.chats import activity
from sampark.queries.network import network
from tests.auth_helpers import login_as
from tests.coverage_demo import demo_db

ROOT = Path(__file__).resolve().parents[3]
GROUPS_PAGE = str(ROOT / "pages" / "groups.py")


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture(scope="module")
def admin_status(url: str) -> pl.DataFrame:
    """The all-groups designated-admin check on the demo, as Group health runs it."""
    with sa.create_engine(url).connect() as conn:
        net, chats = network(conn, STATE), activity(conn, STATE)
    standing = standing_by_group(net.members, chats.rosters, chats.spells)
    return designated_admin_status(net.groups, standing)


def test_some_designated_admins_are_dismissed_by_the_chat_after_the_newest_list(
    admin_status: pl.DataFrame,
) -> None:
    dismissed = admin_status.filter(~pl.col("admin_is_admin") & (pl.col("admin_by") == "chat"))
    assert dismissed.height >= 3


def test_a_made_admin_line_after_the_list_overrules_a_list_that_said_not_admin(
    admin_status: pl.DataFrame,
) -> None:
    made = admin_status.filter(pl.col("admin_is_admin") & (pl.col("admin_by") == "chat"))
    assert made.height >= 1


def test_the_member_panel_gives_the_same_answer_for_every_group_the_chat_decides(
    url: str, admin_status: pl.DataFrame
) -> None:
    by_chat = admin_status.filter(pl.col("admin_by") == "chat")
    with sa.create_engine(url).connect() as conn:
        rows = conn.execute(sa.text("SELECT group_id, admin_phone FROM groups")).all()
        phones = {group_id: phone for group_id, phone in rows}
        for group_id, admin, by in by_chat.iter_rows():
            roster, as_of = reads.group_roster(conn, STATE, group_id)
            spells = reads.chat_spells(conn, STATE, [group_id])
            one = designated_admin_is_admin(group_standing(roster, as_of, spells), phones[group_id])
            assert one == (admin, by), group_id


def test_one_export_is_cut_at_the_media_cap_and_flagged_incomplete(url: str) -> None:
    with sa.create_engine(url).connect() as conn:
        flagged = reads.export_completeness(conn, STATE).filter("incomplete")
        entries = conn.execute(
            sa.text("SELECT COUNT(*) FROM messages WHERE group_id = :g"),
            {"g": flagged.item(0, "group_id") if flagged.height else ""},
        ).scalar_one()
    assert flagged.height == 1
    assert at_export_cap(entries) and entries <= MEDIA_CAP


def _health_table(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> pl.DataFrame:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(GROUPS_PAGE, default_timeout=90), "dgp")
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Chat figures of 1 of ") for c in captions), captions
    (table,) = [d.value for d in at.dataframe if "Admin check from" in d.value.columns]
    return pl.from_pandas(table) if not isinstance(table, pl.DataFrame) else table


def test_group_health_marks_the_cut_export_and_the_chats_admin_answers(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _health_table(url, tmp_path, monkeypatch)
    with sa.create_engine(url).connect() as conn:
        cut = reads.export_completeness(conn, STATE).filter("incomplete")
        name = conn.execute(
            sa.text("SELECT name FROM groups WHERE group_id = :g"), {"g": cut.item(0, "group_id")}
        ).scalar_one()
    assert table.filter(pl.col("Incomplete export")).get_column("Group").to_list() == [name]
    by_chat = table.filter(pl.col("Admin check from") == "chat")
    assert by_chat.filter(~pl.col("Designated admin is admin")).height >= 3
    assert by_chat.filter(pl.col("Designated admin is admin")).height >= 1
