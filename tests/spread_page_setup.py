"""A small Bihar network for the Directives and rumours page: two districts with a thana of the
same name in each, two registered directives (one stalls in a district), two rumours (one in
Hindi) and a police answer to the first posted in three of its groups. All names, numbers and
texts are written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile

NNBSP = "\u202f"
PEPPER = b"test pepper of thirty-two chars!"
NOW = datetime(2024, 1, 10, 12, 0)
ISSUED = datetime(2024, 1, 5, 9, 0)
ORDER = "All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight."
ORDER_D1 = "All thanas to check every hotel register tonight and send the count by 8 AM."
RUMOUR = "A child kidnapping gang is roaming in a white van, lock your doors tonight"
RUMOUR_HI = "बच्चा चोर गिरोह सफ़ेद वैन में घूम रहा है, आज रात दरवाज़े बंद रखें और बच्चों को बाहर न भेजें"
ANSWER = "Police notice: there is no kidnapping gang in a white van, this message is false."
RUMOUR_AT = ISSUED + timedelta(days=1)
# Unit id: (district, name); a group per unit, named after it. PHQ/15 reaches only Patna:
# Gaya's chain stalls at the district.
THANAS = {
    "T1": ("D1", "Kotwali"),
    "T2": ("D1", "Sadar"),
    "T3": ("D2", "Sadar"),
    "T4": ("D2", "Bodh"),
    "T5": ("D2", "Manpur"),
    "T6": ("D2", "Belaganj"),
}
DISTRICTS = {"D1": "Patna", "D2": "Gaya"}
# Each district in a range of its own: an IG of R2 reads Gaya only.
RANGES = {"R1": ("Patna Range", "D1"), "R2": ("Magadh Range", "D2")}
# How long after issue each group had the directive (missing: never). T4 late (past 24 h);
# T3 and T5 never, while their district's staff group had it: two stalled chains in Gaya.
ORDER_AT = {
    "D1": timedelta(minutes=5),
    "D2": timedelta(minutes=20),
    "T1": timedelta(minutes=10),
    "T2": timedelta(minutes=30),
    "T4": timedelta(hours=30),
    "T6": timedelta(hours=2),
}
ORDER_D1_AT = {"D1": timedelta(hours=3), "T1": timedelta(hours=3, minutes=15)}
ORDER_D1_AT["T2"] = timedelta(hours=4)
# Hours after RUMOUR_AT each group got the rumour, the Hindi rumour and the police answer.
RUMOUR_H = {"T1": 0, "T2": 1, "T3": 2, "T4": 3, "T5": 4, "T6": 5}
RUMOUR_HI_H = {"T4": 10, "T5": 11, "T6": 12, "T1": 13, "T2": 14}
ANSWER_H = {"T1": 6, "T2": 9, "T4": 13}
SHO_PHONE = "98765 20001"
# The SP of each district posts the directives in the district's groups.
SP_PHONES = {"D1": "98765 20002", "D2": "98765 20003"}


def group_name(unit: str) -> str:
    """The group of a thana or a district's staff group, by name."""
    if unit in DISTRICTS:
        return f"{DISTRICTS[unit]} SP Office"
    district, name = THANAS[unit]
    return f"{DISTRICTS[district]} {name} Jan Samvad"


def _stamp(at: datetime) -> str:
    return f"{at:%d/%m/%y}, {at.hour % 12 or 12}:{at:%M}{NNBSP}{'am' if at.hour < 12 else 'pm'}"


def _posts(unit: str) -> list[tuple[datetime, str, str]]:
    posts = []
    sp = f"+91 {SP_PHONES[unit if unit in DISTRICTS else THANAS[unit][0]]}"
    if unit in ORDER_AT:
        posts.append((ISSUED + ORDER_AT[unit], sp, ORDER))
    if unit in ORDER_D1_AT:
        posts.append((ISSUED + ORDER_D1_AT[unit], sp, ORDER_D1))
    n = list(THANAS).index(unit) if unit in THANAS else 0
    if unit in RUMOUR_H:
        posts.append((RUMOUR_AT + timedelta(hours=RUMOUR_H[unit]), f"+91 98765 1000{n}", RUMOUR))
    if unit in RUMOUR_HI_H:
        at = RUMOUR_AT + timedelta(hours=RUMOUR_HI_H[unit])
        posts.append((at, f"+91 98765 3000{n}", RUMOUR_HI))
    if unit in ANSWER_H:
        posts.append((RUMOUR_AT + timedelta(hours=ANSWER_H[unit]), f"+91 {SHO_PHONE}", ANSWER))
    return sorted(posts)


def _chat(unit: str) -> str:
    created = ISSUED - timedelta(days=1)
    lines = [f'{_stamp(created)} - Admin {unit} created group "{group_name(unit)}"']
    lines += [f"{_stamp(at)} - {sender}: {text}" for at, sender, text in _posts(unit)]
    return "\n".join(lines) + "\n"


def _digits(phone: str) -> str:
    return phone.replace(" ", "")


def _write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def page_inbox(root: Path) -> Path:
    """Units, groups, staff, the directive register and one chat per group, under `root`."""
    units = ["Unit ID,Kind,Name,Parent unit ID", "BR,state,Bihar,"]
    units += [f"{r},range,{name},BR" for r, (name, _) in RANGES.items()]
    units += [f"{d},district,{DISTRICTS[d]},{r}" for r, (_, d) in RANGES.items()]
    units += [f"{t},thana,{name},{d}" for t, (d, name) in THANAS.items()]
    _write(root, "units.csv", "\n".join(units) + "\n")
    groups = ["Group ID,Unit ID,Group kind,Group name"]
    groups += [f"G{d},{d},district_staff,{group_name(d)}" for d in DISTRICTS]
    groups += [f"G{t},{t},thana_public,{group_name(t)}" for t in THANAS]
    _write(root, "groups.csv", "\n".join(groups) + "\n")
    staff = ["Staff ID,Name,Rank,Unit ID,Mobile number", f"S1,Ramesh,SI,T1,{_digits(SHO_PHONE)}"]
    staff += [f"S{d},Mahesh,SP,{d},{_digits(phone)}" for d, phone in SP_PHONES.items()]
    _write(root, "staff/staff.csv", "\n".join(staff) + "\n")
    _write(
        root,
        "directives/register.csv",
        "Directive ID,Issued at,Issued by,Title,Text\n"
        f'PHQ/14,{ISSUED:%d-%m-%Y %H:%M},ADG,Pandals,"{ORDER}"\n'
        f'PHQ/15,{ISSUED:%d-%m-%Y %H:%M},ADG,Hotels,"{ORDER_D1}"\n',
    )
    for unit in [*DISTRICTS, *THANAS]:
        _write(root, f"chats/WhatsApp Chat with {group_name(unit)}.txt", _chat(unit))
    return root


def page_database(root: Path) -> str:
    """The network loaded into a SQLite file under `root` and its spread figures worked out
    (Bihar's rules); its URL."""
    url = f"sqlite:///{root}/spread.db"
    engine = migrate(url)
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, page_inbox(root / "inbox"), now=NOW, prints=prints)
    profile = load_profile(Path(__file__).resolve().parents[1] / "data/targets", "bihar")
    refresh_spread(engine, profile, PEPPER, texts=prints.texts_by_hash(), at=NOW)
    engine.dispose()
    return url
