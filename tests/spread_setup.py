"""A small Bihar network with chats for the spread tests: two districts, five thana groups, a
registered directive that reaches four of them, and a rumour sent by the public to all five.
All names, numbers and texts are written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

NNBSP = "\u202f"
PEPPER = b"test pepper of thirty-two chars!"
NOW = datetime(2024, 1, 10, 12, 0)
ISSUED = datetime(2024, 1, 5, 9, 0)
ORDER = "All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight."
RUMOUR = "A child kidnapping gang is roaming in a white van, lock your doors tonight"
# Thana, district and how long after issue its group had the directive (None: never).
THANAS = {
    "T1": ("D1", timedelta(minutes=10)),
    "T2": ("D1", timedelta(minutes=30)),
    "T3": ("D2", timedelta(hours=1)),
    "T4": ("D2", timedelta(hours=2)),
    "T5": ("D2", None),
}


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _stamp(at: datetime) -> str:
    return f"{at:%d/%m/%y}, {at.hour % 12 or 12}:{at:%M}{NNBSP}{'am' if at.hour < 12 else 'pm'}"


def _chat(thana: str, delay: timedelta | None, n: int) -> str:
    lines = [
        f'{_stamp(ISSUED - timedelta(hours=1))} - SHO {thana} created group "{thana} Jan Samvad"'
    ]
    if delay is not None:
        lines.append(f"{_stamp(ISSUED + delay)} - SHO {thana}: {ORDER}")
    rumour_at = ISSUED + timedelta(days=1, hours=n)
    lines.append(f"{_stamp(rumour_at)} - +91 98765 1000{n}: {RUMOUR}")
    return "\n".join(lines) + "\n"


def spread_inbox(root: Path) -> Path:
    """Units, groups, the directive register and one chat per thana group, under `root`."""
    units = ["Unit ID,Kind,Name,Parent unit ID", "BR,state,Bihar,", "D1,district,One,BR"]
    units += ["D2,district,Two,BR"]
    units += [f"{t},thana,{t},{d}" for t, (d, _) in THANAS.items()]
    _write(root, "units.csv", "\n".join(units) + "\n")
    groups = ["Group ID,Unit ID,Group kind,Group name"]
    groups += [f"G{t},{t},thana_public,{t} Jan Samvad" for t in THANAS]
    _write(root, "groups.csv", "\n".join(groups) + "\n")
    _write(
        root,
        "directives/register.csv",
        "Directive ID,Issued at,Issued by,Title,Text\n"
        f'PHQ/14,{ISSUED:%d-%m-%Y %H:%M},ADG,Pandals,"{ORDER}"\n',
    )
    for n, (thana, (_, delay)) in enumerate(THANAS.items()):
        _write(root, f"chats/WhatsApp Chat with {thana} Jan Samvad.txt", _chat(thana, delay, n))
    return root
