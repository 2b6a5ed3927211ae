"""A Patna thana group with a roster of 1 October and a chat after it (invented names and
numbers), for the tests of memberships from the chat on Group health and in the report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

NOW = datetime(2026, 11, 1, 12, 0)
NNBSP = "\u202f"

# Roster of 1 October: the SHO (designated admin, not marked admin), Ravi, Sita, Mohan.
# The chat after it: Ravi left, Gita added, the SHO made admin. Mohan is never named.
CHAT = f"""05/10/26, 9:15{NNBSP}am - +91 98765 00001: Good morning
05/10/26, 9:16{NNBSP}am - +91 98765 00001 added +91 98765 00005
05/10/26, 9:20{NNBSP}am - +91 98765 00002 left
05/10/26, 9:25{NNBSP}am - +91 98765 00001 is now an admin
06/10/26, 9:00{NNBSP}am - +91 98765 00003: Thank you
"""


def kotwali_inbox(root: Path, chat: str) -> Path:
    """Kotwali's units, group, roster of 1 October and `chat` as an inbox under `root`."""
    files = {
        "units/units.csv": "Unit ID,Kind,Name,Parent unit ID\n"
        "BR,state,Bihar,\nBR-R-CEN,range,Central,BR\nBR-PAT,district,Patna,BR-R-CEN\n"
        "BR-PAT-T001,thana,Kotwali,BR-PAT\n",
        "groups/groups.csv": "Group ID,Unit ID,Group kind,Group name,Admin mobile\n"
        "G-KOT,BR-PAT-T001,thana_public,Kotwali Jan Sampark,9876500001\n",
        "rosters/kotwali.csv": "Group ID,Mobile number,Category,Name,Admin,List date\n"
        "G-KOT,9876500001,police,SHO Kotwali,no,01-10-2026\n"
        "G-KOT,9876500002,trader,Ravi,no,01-10-2026\n"
        "G-KOT,9876500003,trader,Sita,no,01-10-2026\n"
        "G-KOT,9876500004,trader,Mohan,no,01-10-2026\n",
        "chats/WhatsApp Chat with Kotwali Jan Sampark.txt": chat,
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def cut_off_chat() -> str:
    """10,000 entries that do not start at the chat's creation: WhatsApp's cap cut it.
    The last one: Ravi (listed) left."""
    lines = [
        f"{1 + i // 1440:02d}/10/26, {(i // 60) % 24:02d}:{i % 60:02d} - +91 98765 00003: hello {i}"
        for i in range(9_999)
    ]
    return "\n".join(lines) + "\n08/10/26, 23:59 - +91 98765 00002 left\n"
