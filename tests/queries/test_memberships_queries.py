"""Reads of chat memberships and export checks stay inside the reader's scope (SQLite and
PostgreSQL). Names and numbers are invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from etl.pipeline import run_inbox
from sampark.access import Scope
from sampark.db import migrate
from sampark.queries.memberships import chat_spells, export_checks, group_roster

NOW = datetime(2026, 11, 1, 12, 0)
NNBSP = "\u202f"
# An Odia "this message was deleted": a guessed phrase, so the export has a check to list.
CHAT = f"""05/10/26, 9:15{NNBSP}am - +91 98765 00001 added +91 98765 00002
05/10/26, 9:16{NNBSP}am - +91 98765 00002: ଏହି ମେସେଜ୍ ଡିଲିଟ୍ କରାଯାଇଛି
"""


def _inbox(root: Path) -> Path:
    files = {
        "units/units.csv": "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-NAL,district,Nalanda,BR-R-CEN\nBR-PAT-T001,thana,Kotwali,BR-PAT\n",
        "groups/groups.csv": "Group ID,Unit ID,Group kind,Group name\n"
        "G-KOT,BR-PAT-T001,thana_public,Kotwali Jan Sampark\n",
        "rosters/kotwali.csv": "Group ID,Mobile number,Category,Name,List date\n"
        "G-KOT,9876500001,police,SHO Kotwali,01-10-2026\n",
        "chats/WhatsApp Chat with Kotwali Jan Sampark.txt": CHAT,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_a_group_outside_the_scope_reads_as_nothing(db_url, tmp_path):
    engine = migrate(db_url)
    run_inbox(engine, _inbox(tmp_path / "inbox"), now=NOW)
    inside, outside = Scope("BR-PAT"), Scope("BR-NAL")
    with engine.connect() as conn:
        assert chat_spells(conn, inside, ["G-KOT"]).get_column("person").to_list() == [
            "+919876500002"
        ]
        assert group_roster(conn, inside, "G-KOT")[0].height == 1
        assert export_checks(conn, inside).height == 1
        assert chat_spells(conn, outside, ["G-KOT"]).is_empty()
        members, as_of = group_roster(conn, outside, "G-KOT")
        assert members.is_empty() and as_of is None
        assert export_checks(conn, outside).is_empty()
