"""Strings for memberships from the chats and the chat-export checks (English and Hindi)."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "chatm_title": {
        "en": "Members by the chat and the roster",
        "hi": "चैट और सदस्य सूची के अनुसार सदस्य",
    },
    "chatm_caption": {
        "en": "For each person the newer dated evidence wins: a chat event after the roster's date overrides the roster, a newer roster overrides the chat; on the roster's own day the chat wins. A person one source never names keeps the other's account.",
        "hi": "हर व्यक्ति के लिए नया दिनांकित प्रमाण मान्य है: सूची की तिथि के बाद की चैट घटना सूची पर भारी है, नई सूची चैट पर; सूची के ही दिन चैट मान्य है। जिस व्यक्ति का एक स्रोत ज़िक्र नहीं करता, उसके लिए दूसरे स्रोत का विवरण रहता है।",
    },
    "chatm_members_now": {"en": "Members now", "hi": "अभी सदस्य"},
    "chatm_joins": {"en": "Joined in the chat ({days} days)", "hi": "चैट में जुड़े ({days} दिन)"},
    "chatm_exits": {"en": "Left in the chat ({days} days)", "hi": "चैट से निकले ({days} दिन)"},
    "chatm_disagree": {"en": "Chat and roster disagree", "hi": "चैट और सूची में अंतर"},
    "chatm_disagree_help": {
        "en": "People the roster lists whom the chat shows leaving or removed, or whom the chat shows in the group and the roster leaves out.",
        "hi": "वे लोग जिन्हें सूची में दिखाया गया है पर चैट में वे निकले या हटाए गए, या जो चैट में समूह में हैं पर सूची में नहीं।",
    },
    "chatm_admin": {"en": "Designated admin is admin", "hi": "नामित एडमिन एडमिन है"},
    "chatm_admin_help": {
        "en": 'From the roster\'s admin column and the chat\'s "made admin" / "no longer an admin" lines, whichever is newer.',
        "hi": 'सूची के एडमिन कॉलम और चैट की "एडमिन बनाया" / "अब एडमिन नहीं" पंक्तियों से, जो नया हो।',
    },
    "chatm_incomplete": {
        "en": "Incomplete export: every chat export of this group was cut off at WhatsApp's limit of entries, so the chat's earlier history is missing; joins before its first line are not seen, and figures from the chat count only what it holds.",
        "hi": "अधूरा एक्सपोर्ट: इस समूह का हर चैट एक्सपोर्ट व्हाट्सएप की प्रविष्टि-सीमा पर कटा है, इसलिए चैट का पहले का इतिहास नहीं है; उसकी पहली पंक्ति से पहले जुड़ना नहीं दिखता, और चैट के आँकड़े केवल उसमें मौजूद को गिनते हैं।",
    },
    "chatm_incomplete_mark": {"en": "incomplete export", "hi": "अधूरा एक्सपोर्ट"},
    "chatm_no_chat": {
        "en": "No chat export of this group is loaded: members are the roster's.",
        "hi": "इस समूह का कोई चैट एक्सपोर्ट लोड नहीं है: सदस्य सूची के अनुसार हैं।",
    },
    "chatm_col_person": {"en": "Person", "hi": "व्यक्ति"},
    "chatm_col_name": {"en": "Name", "hi": "नाम"},
    "chatm_col_member": {"en": "Member now", "hi": "अभी सदस्य"},
    "chatm_col_source": {"en": "Source", "hi": "स्रोत"},
    "chatm_col_admin": {"en": "Admin", "hi": "एडमिन"},
    "chatm_col_joined": {"en": "Joined (IST)", "hi": "जुड़े (IST)"},
    "chatm_col_left": {"en": "Left (IST)", "hi": "निकले (IST)"},
    "chatm_col_start": {"en": "Start", "hi": "आरंभ"},
    "chatm_col_disagrees": {"en": "Sources disagree", "hi": "स्रोतों में अंतर"},
    "chatm_source_chat": {"en": "chat", "hi": "चैट"},
    "chatm_source_roster": {"en": "roster", "hi": "सूची"},
    "chatm_start_seen": {"en": "seen in the chat", "hi": "चैट में दिखा"},
    "chatm_start_bound": {
        "en": "before the chat's first word of them",
        "hi": "चैट में पहले ज़िक्र से पहले",
    },
    "chatm_start_roster": {"en": "roster's date", "hi": "सूची की तिथि"},
}
