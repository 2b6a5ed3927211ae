"""The parts every sheet is declared with: a column (English and Hindi headers, aliases, an
example), a sheet, the header matching, and the columns several sheets share."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    english: str
    hindi: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    example: str = ""

    @property
    def bilingual(self) -> str:
        return f"{self.english} / {self.hindi}"

    def names(self) -> set[str]:
        return {header_key(n) for n in (self.key, self.english, self.hindi, *self.aliases)}


@dataclass(frozen=True)
class Sheet:
    kind: str
    title_hi: str
    columns: tuple[Column, ...]

    @property
    def required(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


def header_key(text: str) -> str:
    """Case-, space- and punctuation-insensitive form of a header, NFC so matras compare equal."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return re.sub(r"[\s_\-.:*()\[\]]+", "", text)


# Example rows name ids with this prefix, which no real unit, group or staff id may take, and
# a placeholder the phone check refuses: a template loaded as written changes nothing real
# (etl/sources/examples.py).
EXAMPLE_PREFIX = "EXAMPLE-"
EXAMPLE_PHONE = "98XXXXXXXX"

# The mobile number column, the same in every sheet that has one.
PHONE = Column(
    "phone",
    "Mobile number",
    "मोबाइल नंबर",
    aliases=("mobile", "phone", "मोबाइल", "मोबाइल न", "मोबाइल नं", "फोन", "फ़ोन"),
    example=EXAMPLE_PHONE,
)

# Columns that refer to a group or a unit, the same in every sheet that has them.
GROUP_ID = Column(
    "group_id",
    "Group ID",
    "समूह आईडी",
    aliases=("group code", "समूह कोड"),
    example=EXAMPLE_PREFIX + "G-T001",
)
UNIT_ID = Column(
    "unit_id",
    "Unit ID",
    "इकाई आईडी",
    aliases=("unit code", "इकाई कोड", "थाना"),
    example=EXAMPLE_PREFIX + "T001",
)
