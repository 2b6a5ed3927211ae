"""What each input sheet holds: its columns with English and Hindi headers.

This is the single declaration that the readers, `etl templates` and the demo generator share.
Headers are matched case- and space-insensitively; a bilingual header such as
"Mobile number / मोबाइल नंबर" matches through either half.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace


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


# The mobile number column, the same in every sheet that has one.
PHONE = Column(
    "phone",
    "Mobile number",
    "मोबाइल नंबर",
    aliases=("mobile", "phone", "मोबाइल", "मोबाइल न", "मोबाइल नं", "फोन", "फ़ोन"),
)

# Columns that refer to a group or a unit, the same in every sheet that has them.
GROUP_ID = Column(
    "group_id",
    "Group ID",
    "समूह आईडी",
    aliases=("group code", "समूह कोड"),
    example="G-BR-PAT-T001",
)
UNIT_ID = Column(
    "unit_id",
    "Unit ID",
    "इकाई आईडी",
    aliases=("unit code", "इकाई कोड", "थाना"),
    example="BR-PAT-T001",
)

SHEETS: dict[str, Sheet] = {
    "units": Sheet(
        "units",
        "इकाइयाँ",
        (
            Column(
                "unit_id",
                "Unit ID",
                "इकाई आईडी",
                aliases=("unit code", "इकाई कोड"),
                example="BR-PAT-T001",
            ),
            Column("kind", "Kind", "प्रकार", aliases=("unit kind", "इकाई प्रकार"), example="thana"),
            Column("name", "Name", "नाम", aliases=("unit name", "इकाई का नाम"), example="Kotwali"),
            Column(
                "name_hi",
                "Name in Hindi",
                "हिंदी नाम",
                required=False,
                aliases=("नाम हिंदी", "name hindi"),
                example="कोतवाली",
            ),
            Column(
                "parent_id",
                "Parent unit ID",
                "मूल इकाई आईडी",
                required=False,
                aliases=("parent", "parent id", "मूल इकाई"),
                example="BR-PAT-C01",
            ),
        ),
    ),
    "groups": Sheet(
        "groups",
        "व्हाट्सएप समूह",
        (
            GROUP_ID,
            UNIT_ID,
            Column(
                "kind", "Group kind", "समूह प्रकार", aliases=("kind", "प्रकार"), example="thana_public"
            ),
            Column(
                "name",
                "Group name",
                "समूह का नाम",
                aliases=("name", "नाम"),
                example="Kotwali Thana Jan Samvad",
            ),
            Column(
                "admin_phone",
                "Admin mobile",
                "एडमिन मोबाइल",
                required=False,
                aliases=("admin phone", "व्यवस्थापक मोबाइल"),
                example="9876543210",
            ),
            Column(
                "created_on",
                "Created on",
                "बनाने की तिथि",
                required=False,
                aliases=("created", "तिथि"),
                example="2020-05-20",
            ),
        ),
    ),
    "rosters": Sheet(
        "rosters",
        "समूह सदस्य सूची",
        (
            GROUP_ID,
            Column(
                "name",
                "Name",
                "नाम",
                required=False,
                aliases=("member name", "सदस्य का नाम"),
                example="Ramesh Kumar",
            ),
            replace(PHONE, example="9876543210"),
            Column(
                "category", "Category", "श्रेणी", aliases=("member category", "वर्ग"), example="trader"
            ),
            Column("rank", "Rank", "पद", required=False, aliases=("designation", "रैंक"), example=""),
            Column(
                "is_admin",
                "Admin",
                "एडमिन",
                required=False,
                aliases=("is admin", "व्यवस्थापक"),
                example="no",
            ),
            Column(
                "as_of",
                "List date",
                "सूची तिथि",
                required=False,
                aliases=("as of", "roster date", "दिनांक"),
                example="2026-11-01",
            ),
        ),
    ),
    "staff": Sheet(
        "staff",
        "पुलिस कर्मी सूची",
        (
            Column(
                "staff_id",
                "Staff ID",
                "कर्मी आईडी",
                aliases=("belt no", "बेल्ट नंबर"),
                example="BRP-004512",
            ),
            Column("name", "Name", "नाम", example="Suresh Prasad"),
            Column("rank", "Rank", "पद", aliases=("designation", "रैंक"), example="SI"),
            replace(UNIT_ID, aliases=(*UNIT_ID.aliases, "posted at", "तैनाती इकाई")),
            replace(PHONE, example="9876501234"),
        ),
    ),
    "blocklist": Sheet(
        "blocklist",
        "प्रतिबंधित व्यक्ति",
        (
            replace(PHONE, example="9812345678"),
            Column("name", "Name", "नाम", required=False, example="Name of the person"),
            Column(
                "reason", "Reason", "कारण", aliases=("remarks", "टिप्पणी"), example="history-sheeter"
            ),
            replace(UNIT_ID, required=False),
        ),
    ),
}

# Category labels an office may write, in either language, mapped to the stored code.
CATEGORY_LABELS: dict[str, str] = {
    "police": "police",
    "पुलिस": "police",
    "पुलिसकर्मी": "police",
    "clg": "clg",
    "clgmember": "clg",
    "सीएलजी": "clg",
    "सीएलजीसदस्य": "clg",
    "gramrakshak": "gram_rakshak",
    "ग्रामरक्षक": "gram_rakshak",
    "policemitra": "police_mitra",
    "पुलिसमित्र": "police_mitra",
    "surakshasakhi": "suraksha_sakhi",
    "सुरक्षासखी": "suraksha_sakhi",
    "digitalvolunteer": "digital_volunteer",
    "डिजिटलवॉलंटियर": "digital_volunteer",
    "डिजिटलस्वयंसेवक": "digital_volunteer",
    "trader": "trader",
    "व्यापारी": "trader",
    "publicrep": "public_rep",
    "publicrepresentative": "public_rep",
    "जनप्रतिनिधि": "public_rep",
    "pradhan": "pradhan",
    "प्रधान": "pradhan",
    "मुखिया": "pradhan",
    "councillor": "councillor",
    "पार्षद": "councillor",
    "citizen": "citizen",
    "नागरिक": "citizen",
    "आमनागरिक": "citizen",
    "official": "official",
    "अधिकारी": "official",
}

# Hindi labels for the codes, for templates, demo files and the UI.
CATEGORY_HI: dict[str, str] = {
    "police": "पुलिस",
    "clg": "सीएलजी सदस्य",
    "gram_rakshak": "ग्राम रक्षक",
    "police_mitra": "पुलिस मित्र",
    "suraksha_sakhi": "सुरक्षा सखी",
    "digital_volunteer": "डिजिटल वॉलंटियर",
    "trader": "व्यापारी",
    "public_rep": "जनप्रतिनिधि",
    "pradhan": "मुखिया",
    "councillor": "पार्षद",
    "citizen": "नागरिक",
    "official": "अधिकारी",
}

# The order files are loaded in, so that a roster finds its group and a group its unit.
LOAD_ORDER: tuple[str, ...] = ("units", "groups", "staff", "rosters", "blocklist")
