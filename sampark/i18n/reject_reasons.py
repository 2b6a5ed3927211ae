"""The ETL's reasons, which the registry keeps in English, read in Hindi.

A reason is stored once, in English, so a download, the CLI and the audit stay comparable
across readers. A Hindi reader sees it through the table below: each English shape (`{}` a
value kept as written, `{L}` a column or stage label and `{W}` a word, both translated, `{R}` a
reason inside a reason) and its Hindi sentence, whose `{0}`, `{1}`… are the shape's slots in
order. A reason of no known shape stays English rather than be guessed at.
"""

from __future__ import annotations

import re
from functools import cache

# Column labels of the sheets (as the templates' English headers), stage labels of the
# registers, alerts and directives, and the words a reason names a row by.
WORDS_HI: dict[str, str] = {
    "Unit ID": "इकाई आईडी",
    "Name": "नाम",
    "Group ID": "समूह आईडी",
    "Group name": "समूह का नाम",
    "Staff ID": "कर्मी आईडी",
    "Rank": "पद",
    "Mobile number": "मोबाइल नंबर",
    "Directive ID": "निर्देश संख्या",
    "directive ID": "निर्देश संख्या",
    "Issued at": "जारी समय",
    "Issued by": "जारीकर्ता",
    "Text": "निर्देश का पाठ",
    "Date": "दिनांक",
    "Category": "श्रेणी",
    "Reason": "कारण",
    "Platform": "प्लेटफ़ॉर्म",
    "Received at": "प्राप्ति समय",
    "received at": "प्राप्ति समय",
    "cognizance at": "संज्ञान का समय",
    "FIR at": "एफ़आईआर का समय",
    "action at": "कार्रवाई का समय",
    "closed at": "बंद होने का समय",
    "traced at": "पता लगने का समय",
    "forwarded at": "अग्रेषित करने का समय",
    "contacted at": "संपर्क का समय",
    "issued at": "जारी समय",
    "Title": "शीर्षक",
    "Title in Hindi": "हिन्दी शीर्षक",
    "Story": "कहानी",
    "Story in Hindi": "हिन्दी कहानी",
    "a title": "शीर्षक",
    "a story text": "कहानी का पाठ",
    "entry": "प्रविष्टि",
    "alert": "अलर्ट",
    "story": "कहानी",
}

# (English shape, Hindi sentence). Longer, more specific shapes first: the first match wins.
SHAPES_HI: tuple[tuple[str, str], ...] = (
    ("file rejected: {R}", "फ़ाइल अस्वीकृत: {0}"),
    ("still {R}", "अब भी {0}"),
    ("example row from the template / टेम्पलेट की उदाहरण पंक्ति", "टेम्पलेट की उदाहरण पंक्ति"),
    ("neither a sheet nor a chat export", "न शीट है, न चैट का निर्यात"),
    ("unchanged since it was loaded", "लोड होने के बाद से नहीं बदली"),
    (
        "no recognisable header in row 1 ({R}, not shown: row 1 may be data); expected the"
        " columns of one of: {}",
        "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं ({0}, दिखाए नहीं गए: पंक्ति 1 डेटा हो सकती है);"
        " इनमें से किसी एक शीट के कॉलम चाहिए: {1}",
    ),
    (
        "no recognisable header in row 1: a sheet of {} needs the columns {}; row 1 holds {R}",
        "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं: {0} की शीट में ये कॉलम चाहिए: {1}; पंक्ति 1 में है: {2}",
    ),
    (
        "no recognisable header in row 1 (not shown); expected {}",
        "पंक्ति 1 में पहचाना जाने वाला हेडर नहीं (दिखाया नहीं गया); चाहिए: {0}",
    ),
    ("no group named '{}'; closest: {}", "'{0}' नाम का कोई समूह नहीं; सबसे मिलते-जुलते: {1}"),
    ("no group named '{}'", "'{0}' नाम का कोई समूह नहीं"),
    ("chat '{}' matches several groups: {}", "चैट '{0}' कई समूहों से मिलती है: {1}"),
    ("chat '{}' is close to several groups: {}", "चैट '{0}' कई समूहों से मिलती-जुलती है: {1}"),
    (
        "not UTF-8 text (byte {}); save the sheet as 'CSV UTF-8'",
        "UTF-8 पाठ नहीं (बाइट {0}); शीट को 'CSV UTF-8' के रूप में सहेजें",
    ),
    (
        "cannot be read as CSV: a row has more cells than row 1 ({})",
        "CSV के रूप में पढ़ी नहीं जा सकती: किसी पंक्ति में पंक्ति 1 ({0}) से अधिक सेल हैं",
    ),
    (
        "cannot be read as CSV: a cell breaks the CSV quoting rules",
        "CSV के रूप में पढ़ी नहीं जा सकती: कोई सेल CSV के उद्धरण नियम तोड़ता है",
    ),
    (
        "cannot be read as XLSX ({}); save it again from Excel",
        "XLSX के रूप में पढ़ी नहीं जा सकती ({0}); Excel से दोबारा सहेजें",
    ),
    ("{} columns; a sheet has at most {}", "{0} कॉलम; किसी शीट में अधिकतम {1} होते हैं"),
    ("unknown unit {}", "अज्ञात इकाई {0}"),
    ("unknown group {}", "अज्ञात समूह {0}"),
    ("unknown parent unit {}", "अज्ञात ऊपरी इकाई {0}"),
    ("mobile '{}' is not a valid Indian number", "मोबाइल '{0}' मान्य भारतीय नंबर नहीं है"),
    (
        "admin mobile '{}' is not a valid Indian number",
        "एडमिन मोबाइल '{0}' मान्य भारतीय नंबर नहीं है",
    ),
    (
        "the person's mobile is not a valid Indian number",
        "व्यक्ति का मोबाइल मान्य भारतीय नंबर नहीं है",
    ),
    (
        "created on '{}' is not a date (use dd-mm-yyyy)",
        "बनने की तिथि '{0}' तिथि नहीं है (dd-mm-yyyy लिखें)",
    ),
    ("date '{}' is not a date (use dd-mm-yyyy)", "दिनांक '{0}' तिथि नहीं है (dd-mm-yyyy लिखें)"),
    ("list date '{}' is not a date (use dd-mm-yyyy)", "सूची तिथि '{0}' तिथि नहीं है (dd-mm-yyyy लिखें)"),
    ("date {} is in the future", "दिनांक {0} भविष्य में है"),
    ("{L} '{}' is not a time (use dd-mm-yyyy hh:mm)", "{0} '{1}' समय नहीं है (dd-mm-yyyy hh:mm लिखें)"),
    ("{L} {} is in the future", "{0} {1} भविष्य में है"),
    (
        "stage times out of order: {L} {} is before {L} {}",
        "चरणों के समय क्रम में नहीं: {0} {1} है, जो {2} {3} से पहले है",
    ),
    ("missing {L}", "{0} नहीं दिया गया"),
    ("duplicate {W}: already loaded from an earlier file", "दोहरी {0}: पिछली फ़ाइल से पहले ही लोड"),
    ("duplicate {W} (same as line {})", "दोहरी {0} (पंक्ति {1} जैसी)"),
    ("duplicate member of {} (first on line {})", "{0} का दोहरा सदस्य (पहली बार पंक्ति {1} पर)"),
    ("duplicate {L} {} (first on line {})", "दोहरी {0} {1} (पहली बार पंक्ति {2} पर)"),
    ("duplicate of line {}", "पंक्ति {0} की दोहरी"),
    ("unknown category '{}'; expected one of {}", "अज्ञात श्रेणी '{0}'; इनमें से एक लिखें: {1}"),
    ("unknown category '{}'", "अज्ञात श्रेणी '{0}'"),
    ("unknown group kind '{}'; expected one of {}", "अज्ञात समूह प्रकार '{0}'; इनमें से एक लिखें: {1}"),
    ("unknown unit kind '{}'; expected one of {}", "अज्ञात इकाई प्रकार '{0}'; इनमें से एक लिखें: {1}"),
    ("unknown outcome '{}'; expected one of {}", "अज्ञात परिणाम '{0}'; इनमें से एक लिखें: {1}"),
    ("unknown platform '{}'; expected one of {}", "अज्ञात प्लेटफ़ॉर्म '{0}'; इनमें से एक लिखें: {1}"),
    ("unknown reporter category '{}'", "अज्ञात सूचनादाता श्रेणी '{0}'"),
    (
        "unknown status '{}'; expected open, in_progress or closed",
        "अज्ञात स्थिति '{0}'; open, in_progress या closed लिखें",
    ),
    ("status '{}' but a Closed at time is given", "स्थिति '{0}' है, पर बंद होने का समय दिया गया है"),
    ("status closed but no Closed at time", "स्थिति closed है, पर बंद होने का समय नहीं दिया गया"),
    ("arrests '{}' is not a whole number", "गिरफ़्तारियाँ '{0}' पूर्ण संख्या नहीं है"),
    ("admin must be yes or no, not '{}'", "एडमिन हाँ या नहीं होना चाहिए, '{0}' नहीं"),
    ("no title (English or Hindi)", "कोई शीर्षक नहीं (अंग्रेज़ी या हिन्दी)"),
    ("no story text (English or Hindi)", "कहानी का पाठ नहीं (अंग्रेज़ी या हिन्दी)"),
    (
        "{L} is {} characters long; {W} takes at most {}",
        "{0} {1} अक्षरों का है; {2} में अधिकतम {3} अक्षर हो सकते हैं",
    ),
    (
        "text too short to find in the chats: {} letters and digits, under {}",
        "पाठ चैट में खोजने के लिए बहुत छोटा है: {0} अक्षर और अंक, {1} से कम",
    ),
    (
        "ids starting {} are kept for the templates' example rows: {}",
        "{0} से शुरू होने वाली आईडी टेम्पलेट की उदाहरण पंक्तियों के लिए रखी गई हैं: {1}",
    ),
    ("parent {} is a {}; a {} sits under {}", "ऊपरी इकाई {0} एक {1} है; {2} {3} के नीचे आता है"),
    (
        "{} cannot be a {}: {}, a {} already loaded, sits under it",
        "{0} {1} नहीं हो सकती: पहले से लोड {2} ({3}) उसके नीचे है",
    ),
    (
        "undecodable bytes (not UTF-8), replaced with U+FFFD",
        "पढ़े न जा सकने वाले बाइट (UTF-8 नहीं), U+FFFD से बदले गए",
    ),
    (
        "out-of-order timestamp: {} is before the previous entry's {}; message kept",
        "समय क्रम से बाहर: {0} पिछली प्रविष्टि के {1} से पहले है; संदेश रखा गया",
    ),
    (
        "header-shaped line with an impossible date, kept as text",
        "असंभव तिथि वाली हेडर जैसी पंक्ति, पाठ के रूप में रखी गई",
    ),
    ("text before the first message header", "पहले संदेश हेडर से पहले का पाठ"),
    (
        "header-shaped text inside a message body; kept as text",
        "संदेश के भीतर हेडर जैसा पाठ; पाठ के रूप में रखा गया",
    ),
    # What a refused sheet's row 1 holds, told without its values (inside the header reasons).
    ("{} and 1 other cell, not shown", "{0} और 1 अन्य सेल, दिखाया नहीं गया"),
    ("{} and {} other cells, not shown", "{0} और {1} अन्य सेल, दिखाए नहीं गए"),
    ("1 cell, none a column name, not shown", "1 सेल, कॉलम का नाम नहीं, दिखाया नहीं गया"),
    ("{} cells, none a column name, not shown", "{0} सेल, कोई भी कॉलम का नाम नहीं, दिखाए नहीं गए"),
    ("1 cell, not shown", "1 सेल, दिखाया नहीं गया"),
    ("{} cells, not shown", "{0} सेल, दिखाए नहीं गए"),
    ("1 cell", "1 सेल"),
    ("{} cells", "{0} सेल"),
)

_SLOT = re.compile(r"\{[LWR]?\}")


def _pattern(shape: str) -> tuple[re.Pattern[str], str]:
    """The shape as an anchored pattern, and the kind of each slot in order."""
    words = "|".join(re.escape(w) for w in sorted(WORDS_HI, key=len, reverse=True))
    parts: list[str] = []
    kinds = ""
    last = 0
    for slot in _SLOT.finditer(shape):
        parts.append(re.escape(shape[last : slot.start()]))
        kind = slot.group()[1:-1] or "V"
        parts.append({"L": f"({words})", "W": f"({words})", "R": "(.+)", "V": "(.*?)"}[kind])
        kinds += kind
        last = slot.end()
    parts.append(re.escape(shape[last:]))
    return re.compile("".join(parts), re.DOTALL), kinds


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple((*_pattern(en), hi) for en, hi in SHAPES_HI)


def reason_hi(reason: str) -> str:
    """`reason` in Hindi, or as it is when its shape is not known.

    >>> reason_hi("unknown unit BR-PAT-T991")
    'अज्ञात इकाई BR-PAT-T991'
    >>> reason_hi("stage times out of order: closed at 2 Nov is before FIR at 3 Nov")
    'चरणों के समय क्रम में नहीं: बंद होने का समय 2 Nov है, जो एफ़आईआर का समय 3 Nov से पहले है'
    >>> reason_hi("file rejected: missing Unit ID"), reason_hi("a shape nobody wrote")
    ('फ़ाइल अस्वीकृत: इकाई आईडी नहीं दिया गया', 'a shape nobody wrote')
    """
    for pattern, kinds, hindi in _patterns():
        found = pattern.fullmatch(reason)
        if found is None:
            continue
        slots = [_slot_hi(kind, value) for kind, value in zip(kinds, found.groups(), strict=True)]
        return hindi.format(*slots)
    return reason


def _slot_hi(kind: str, value: str) -> str:
    if kind == "R":
        return reason_hi(value)
    return WORDS_HI[value] if kind in ("L", "W") else value


def reason_in(reason: str, lang: str) -> str:
    """`reason` for a reader of `lang`."""
    return reason_hi(reason) if lang == "hi" else reason
