"""One Kotwali thana group with its roster and a chat export, for the tests that run chats
through the ETL. Names and numbers are invented."""

from __future__ import annotations

from pathlib import Path

NNBSP = "\u202f"
CHAT_FILE = "chats/WhatsApp Chat with Kotwali Jan Samvad.txt"
ROSTER_HEAD = "Group ID,Name,Mobile number,Category,Admin,List date\n"
ROSTER = (
    "G1,SHO Kotwali,9876500001,police,yes,01-01-2024\n"
    "G1,Ram Prasad,9876500004,trader,no,01-01-2024\n"
)


def write_file(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def kotwali_inbox(root: Path, chat: str, more_roster: str = "") -> Path:
    """An inbox with the units, the one group, its roster (plus `more_roster` lines) and the
    group's chat export."""
    write_file(root, "units.csv", "Unit ID,Kind,Name\nBR,state,Bihar\nT1,thana,Kotwali\n")
    write_file(
        root,
        "groups.csv",
        "Group ID,Unit ID,Group kind,Group name,Admin mobile\n"
        "G1,T1,thana_public,Kotwali Jan Samvad,9876500001\n",
    )
    write_file(root, "rosters/r.csv", ROSTER_HEAD + ROSTER + more_roster)
    write_file(root, CHAT_FILE, chat)
    return root
