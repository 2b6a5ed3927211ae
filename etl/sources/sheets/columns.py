"""What each input sheet holds: its columns with English and Hindi headers.

This is the single declaration that the readers, `etl templates` and the demo generator share.
Headers are matched case- and space-insensitively; a bilingual header such as
"Mobile number / मोबाइल नंबर" matches through either half.
"""

from __future__ import annotations

from dataclasses import replace

from etl.sources.sheets.directive_sheet import DIRECTIVES
from etl.sources.sheets.spec import EXAMPLE_PHONE, GROUP_ID, PHONE, UNIT_ID
from etl.sources.sheets.spec import EXAMPLE_PREFIX as EXAMPLE_PREFIX
from etl.sources.sheets.spec import Column as Column
from etl.sources.sheets.spec import Sheet as Sheet
from etl.sources.sheets.spec import header_key as header_key

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
                example=EXAMPLE_PREFIX + "T001",
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
                example=EXAMPLE_PREFIX + "C01",
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
                example=EXAMPLE_PHONE,
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
            PHONE,
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
                example=EXAMPLE_PREFIX + "004512",
            ),
            Column("name", "Name", "नाम", example="Suresh Prasad"),
            Column("rank", "Rank", "पद", aliases=("designation", "रैंक"), example="SI"),
            replace(UNIT_ID, aliases=(*UNIT_ID.aliases, "posted at", "तैनाती इकाई")),
            PHONE,
        ),
    ),
    "blocklist": Sheet(
        "blocklist",
        "प्रतिबंधित व्यक्ति",
        (
            PHONE,
            Column("name", "Name", "नाम", required=False, example="Name of the person"),
            Column(
                "reason", "Reason", "कारण", aliases=("remarks", "टिप्पणी"), example="history-sheeter"
            ),
            replace(UNIT_ID, required=False),
        ),
    ),
    # --- registers, self-harm alerts and stories (issue 4); times are IST ---------------
    "registers": Sheet(
        "registers",
        "शिकायत/सूचना रजिस्टर",
        (
            UNIT_ID,
            replace(GROUP_ID, required=False),
            Column(
                "received_at",
                "Received at",
                "प्राप्ति समय",
                aliases=("received",),
                example="08-01-2026 10:15",
            ),
            Column(
                "reporter_category",
                "Reporter category",
                "सूचक श्रेणी",
                required=False,
                example="citizen",
            ),
            Column("category", "Category", "श्रेणी", aliases=("matter", "मामला"), example="assault"),
            Column(
                "summary",
                "Summary",
                "विवरण",
                required=False,
                aliases=("details",),
                example="Video of an assault posted on the thana group",
            ),
            Column(
                "cognizance_at",
                "Cognizance at",
                "संज्ञान समय",
                required=False,
                example="08-01-2026 10:40",
            ),
            Column(
                "fir_no",
                "FIR number",
                "प्राथमिकी संख्या",
                required=False,
                aliases=("fir no", "एफआईआर संख्या"),
                example="12/2026",
            ),
            Column(
                "fir_at",
                "FIR at",
                "प्राथमिकी समय",
                required=False,
                aliases=("fir time", "एफआईआर समय"),
                example="08-01-2026 13:05",
            ),
            Column(
                "action",
                "Action taken",
                "की गई कार्रवाई",
                required=False,
                aliases=("action", "कार्रवाई"),
                example="Six accused arrested",
            ),
            Column(
                "action_at", "Action at", "कार्रवाई समय", required=False, example="09-01-2026 07:30"
            ),
            Column(
                "arrests",
                "Arrests",
                "गिरफ्तारी",
                required=False,
                aliases=("arrested", "गिरफ्तार"),
                example="6",
            ),
            Column(
                "closed_at",
                "Closed at",
                "निस्तारण समय",
                required=False,
                aliases=("closed",),
                example="20-01-2026 18:00",
            ),
            Column("status", "Status", "स्थिति", required=False, example="closed"),
        ),
    ),
    "alerts": Sheet(
        "alerts",
        "आत्मघात अलर्ट",
        (
            Column(
                "platform",
                "Platform",
                "प्लेटफ़ॉर्म",
                aliases=("प्लेटफार्म", "social media"),
                example="Instagram",
            ),
            Column(
                "received_at",
                "Received at",
                "प्राप्ति समय",
                aliases=("alert received",),
                example="08-01-2026 22:10",
            ),
            Column(
                "traced_at",
                "Traced at",
                "लोकेशन ट्रेस समय",
                required=False,
                aliases=("traced", "ट्रेस समय"),
                example="08-01-2026 22:55",
            ),
            Column(
                "forwarded_at",
                "Forwarded at",
                "थाने को भेजा समय",
                required=False,
                aliases=("forwarded", "भेजा समय"),
                example="08-01-2026 23:00",
            ),
            Column(
                "contacted_at",
                "Contacted at",
                "संपर्क समय",
                required=False,
                aliases=("reached at", "पहुँच समय"),
                example="08-01-2026 23:20",
            ),
            Column("outcome", "Outcome", "परिणाम", example="reached_counselled"),
            replace(UNIT_ID, required=False),
            Column(
                "subject_name",
                "Name of the person",
                "व्यक्ति का नाम",
                required=False,
                aliases=("name", "नाम"),
                example="",
            ),
            Column(
                "subject_phone",
                "Mobile of the person",
                "व्यक्ति का मोबाइल",
                required=False,
                aliases=("mobile", "मोबाइल"),
                example="",
            ),
            Column(
                "subject_ip", "IP address", "आईपी पता", required=False, aliases=("ip",), example=""
            ),
            Column(
                "post_text",
                "Post text",
                "पोस्ट का पाठ",
                required=False,
                aliases=("post",),
                example="",
            ),
        ),
    ),
    "stories": Sheet(
        "stories",
        "सफलता की कहानियाँ",
        (
            UNIT_ID,
            Column(
                "story_date", "Date", "दिनांक", aliases=("story date", "तिथि"), example="08-01-2026"
            ),
            Column("category", "Category", "श्रेणी", example="arrest"),
            Column(
                "title",
                "Title",
                "शीर्षक (अंग्रेज़ी)",
                required=False,
                aliases=("title in english",),
                example="Six arrested within a day",
            ),
            Column(
                "body",
                "Story",
                "कहानी (अंग्रेज़ी)",
                required=False,
                aliases=("story in english", "text"),
                example="Acting on a video posted on the thana group, …",
            ),
            Column(
                "title_hi",
                "Title in Hindi",
                "शीर्षक",
                required=False,
                aliases=("हिंदी शीर्षक",),
                example="एक दिन में छह गिरफ्तार",
            ),
            Column(
                "body_hi",
                "Story in Hindi",
                "कहानी",
                required=False,
                aliases=("हिंदी कहानी", "विवरण"),
                example="थाना समूह पर पोस्ट वीडियो के आधार पर …",
            ),
            Column(
                "media",
                "Media files",
                "मीडिया फ़ाइलें",
                required=False,
                aliases=("photos", "फोटो"),
                example="arrest1.jpg; arrest2.jpg",
            ),
            Column(
                "submitted_by",
                "Submitted by",
                "प्रेषक",
                required=False,
                aliases=("sent by", "भेजने वाले"),
                example="SHO Kotwali",
            ),
        ),
    ),
    "directives": DIRECTIVES,
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
