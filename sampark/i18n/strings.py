"""Every string the dashboard shows, in English and Hindi.

Shared and early-page strings live here; each later area keeps its own module (strings_*.py),
merged into one table below. A key defined twice is an error, caught at import.
"""

from __future__ import annotations

from sampark.i18n import (
    strings_access,
    strings_brief,
    strings_coverage,
    strings_demo18,
    strings_demo_mode,
    strings_guard,
    strings_holds,
    strings_hostile,
    strings_memberships,
    strings_rejects,
    strings_response,
    strings_screens,
    strings_sessions,
    strings_signin,
    strings_social,
    strings_spread,
    strings_stories,
    strings_story_safety,
    strings_unit16,
)

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

COMMON: dict[str, dict[str, str]] = {
    "app_title": {
        "en": "Sampark — police–public WhatsApp network",
        "hi": "संपर्क — पुलिस–जन व्हाट्सएप नेटवर्क",
    },
    "language": {"en": "Language / भाषा", "hi": "भाषा / Language"},
    "scope": {"en": "Scope", "hi": "क्षेत्र"},
    "range": {"en": "Range", "hi": "रेंज"},
    "district": {"en": "District", "hi": "जिला"},
    "all": {"en": "All", "hi": "सभी"},
    "page_overview": {"en": "Overview", "hi": "अवलोकन"},
    "page_data": {"en": "Data", "hi": "डेटा"},
    "building_demo": {
        "en": "The database is empty: building the demo state (synthetic data)…",
        "hi": "डेटाबेस खाली है: डेमो डेटा (कृत्रिम) तैयार हो रहा है…",
    },
    "demo_done": {
        "en": "Demo state built: {rows} rows loaded, {rejected} rejected (see Data).",
        "hi": "डेमो तैयार: {rows} पंक्तियाँ लोड, {rejected} अस्वीकृत (डेटा पृष्ठ देखें)।",
    },
    "demo_failed": {"en": "Building the demo failed: {error}", "hi": "डेमो बनाना विफल रहा: {error}"},
    "overview_title": {
        "en": "Coverage against the order's targets",
        "hi": "आदेश के लक्ष्यों के सापेक्ष कवरेज",
    },
    "overview_caption": {
        "en": "{scope}: members of the WhatsApp groups, the groups the order requires, and staff connected. Profile: {profile}.",
        "hi": "{scope}: व्हाट्सएप समूहों के सदस्य, आदेश द्वारा अपेक्षित समूह, और जुड़े कर्मी। प्रोफ़ाइल: {profile}।",
    },
    "kpi_members": {"en": "Members (people)", "hi": "सदस्य (व्यक्ति)"},
    "kpi_members_help": {
        "en": "Distinct people in any group of the scope; a person in several groups counts once. State target: {target} by {date}.",
        "hi": "क्षेत्र के किसी भी समूह में अलग-अलग व्यक्ति; कई समूहों में एक व्यक्ति एक बार गिना गया। राज्य लक्ष्य: {date} तक {target}।",
    },
    "kpi_members_delta": {"en": "{pct} of target {target}", "hi": "लक्ष्य {target} का {pct}"},
    "kpi_groups": {"en": "Required groups existing", "hi": "अपेक्षित समूह मौजूद"},
    "kpi_groups_help": {
        "en": "Groups the order requires (thana, outpost, circle, district staff, women staff, division) that exist.",
        "hi": "आदेश द्वारा अपेक्षित समूह (थाना, ओपी, सर्किल, जिला स्टाफ, महिला स्टाफ, प्रभाग) जो बने हैं।",
    },
    "kpi_thanas": {"en": "Thana groups at ≥{n}", "hi": "≥{n} सदस्यों वाले थाना समूह"},
    "kpi_outposts": {"en": "Outpost groups at ≥{n}", "hi": "≥{n} सदस्यों वाले ओपी समूह"},
    "kpi_staff": {"en": "Staff connected", "hi": "जुड़े पुलिसकर्मी"},
    "kpi_staff_help": {
        "en": "Police staff on the roster who are in at least one group.",
        "hi": "रोस्टर के वे पुलिसकर्मी जो कम से कम एक समूह में हैं।",
    },
    "kpi_blocklisted": {
        "en": "Blocklisted in public groups",
        "hi": "सार्वजनिक समूहों में प्रतिबंधित व्यक्ति",
    },
    "of": {"en": "{part} of {whole}", "hi": "{whole} में से {part}"},
    "chart_progress_title": {
        "en": "Members against the state target",
        "hi": "राज्य लक्ष्य के सापेक्ष सदस्य",
    },
    "chart_units_title": {
        "en": "Members by {level} against the members all required groups need",
        "hi": "{level}वार सदस्य, सभी अपेक्षित समूहों की न्यूनतम आवश्यकता के सापेक्ष",
    },
    "axis_members": {"en": "Members (people)", "hi": "सदस्य (व्यक्ति)"},
    "legend_members": {"en": "Members", "hi": "सदस्य"},
    "legend_needed": {"en": "Needed (sum of group minimums)", "hi": "आवश्यक (समूह न्यूनतम का योग)"},
    "legend_target": {"en": "Target", "hi": "लक्ष्य"},
    "table_units_title": {"en": "By {level}", "hi": "{level}वार"},
    "level_state": {"en": "state", "hi": "राज्य"},
    "level_range": {"en": "range", "hi": "रेंज"},
    "level_district": {"en": "district", "hi": "जिला"},
    "level_circle": {"en": "circle", "hi": "सर्किल"},
    "level_thana": {"en": "thana", "hi": "थाना"},
    "col_unit": {"en": "Unit", "hi": "इकाई"},
    "col_members": {"en": "Members", "hi": "सदस्य"},
    "col_needed": {"en": "Needed", "hi": "आवश्यक"},
    "col_groups_present": {"en": "Required groups existing", "hi": "अपेक्षित समूह मौजूद"},
    "col_groups_required": {"en": "Required groups", "hi": "अपेक्षित समूह"},
    "col_thanas": {"en": "Thana groups", "hi": "थाना समूह"},
    "col_thanas_ok": {"en": "Thana groups at target", "hi": "लक्ष्य पर थाना समूह"},
    "col_outposts": {"en": "Outpost groups", "hi": "ओपी समूह"},
    "col_outposts_ok": {"en": "Outpost groups at target", "hi": "लक्ष्य पर ओपी समूह"},
    "col_staff": {"en": "Staff", "hi": "कर्मी"},
    "col_staff_connected": {"en": "Staff connected", "hi": "जुड़े कर्मी"},
    "col_blocklisted": {"en": "Blocklisted in public groups", "hi": "सार्वजनिक समूहों में प्रतिबंधित"},
    "no_data": {
        "en": "No data loaded yet. Put files in the inbox and run `python -m etl run`.",
        "hi": "अभी कोई डेटा नहीं। फ़ाइलें इनबॉक्स में रखें और `python -m etl run` चलाएँ।",
    },
    "data_title": {
        "en": "Data: what came in, what was rejected and why",
        "hi": "डेटा: क्या आया, क्या अस्वीकृत हुआ और क्यों",
    },
    "data_runs": {"en": "ETL runs", "hi": "ईटीएल रन"},
    "data_files": {"en": "Files", "hi": "फ़ाइलें"},
    "data_rejects": {"en": "Rejected rows", "hi": "अस्वीकृत पंक्तियाँ"},
    "data_totals": {
        "en": "Rows read {read} = loaded {loaded} + rejected {rejected}",
        "hi": "पढ़ी गई पंक्तियाँ {read} = लोड {loaded} + अस्वीकृत {rejected}",
    },
    "data_rows_read": {"en": "Rows read", "hi": "पढ़ी गई पंक्तियाँ"},
    "data_rows_loaded": {"en": "Rows loaded", "hi": "लोड पंक्तियाँ"},
    "data_rows_rejected": {"en": "Rows rejected", "hi": "अस्वीकृत पंक्तियाँ"},
    "data_files_rejected": {"en": "Files rejected whole", "hi": "पूरी अस्वीकृत फ़ाइलें"},
    "data_filter_file": {"en": "Only rejects of file", "hi": "केवल इस फ़ाइल की अस्वीकृतियाँ"},
    "download_csv": {"en": "Download CSV", "hi": "CSV डाउनलोड करें"},
    "download_xlsx": {"en": "Download Excel", "hi": "Excel डाउनलोड करें"},
    "page_groups": {"en": "Group health", "hi": "समूह स्वास्थ्य"},
    "groups_title": {
        "en": "Group health: activity, noise, dormant groups, admins",
        "hi": "समूह स्वास्थ्य: गतिविधि, शोर, निष्क्रिय समूह, एडमिन",
    },
    "groups_caption": {
        "en": "{scope}: the {days} days before the newest message loaded ({ref}). A group is dormant after {dormant} days without a message.",
        "hi": "{scope}: लोड किए गए नवीनतम संदेश ({ref}) से पहले के {days} दिन। {dormant} दिन तक कोई संदेश न हो तो समूह निष्क्रिय माना जाता है।",
    },
    "groups_no_chats": {
        "en": "No chat exports loaded yet: put WhatsApp 'Export chat' files (.txt or .zip) in the inbox and run the ETL. Until then every group counts as dormant.",
        "hi": "अभी कोई चैट एक्सपोर्ट लोड नहीं हुआ: व्हाट्सएप 'Export chat' फ़ाइलें (.txt या .zip) इनबॉक्स में रखें और ईटीएल चलाएँ। तब तक हर समूह निष्क्रिय गिना जाएगा।",
    },
    "kpi_groups_total": {"en": "Groups", "hi": "समूह"},
    "kpi_dormant": {"en": "Dormant groups", "hi": "निष्क्रिय समूह"},
    "kpi_active_share": {"en": "Members active in {days} days", "hi": "{days} दिनों में सक्रिय सदस्य"},
    "kpi_noise_share": {"en": "Noise share", "hi": "शोर का हिस्सा"},
    "kpi_noise_help": {
        "en": "Greetings, chain forwards and emoji-only messages among all messages.",
        "hi": "सभी संदेशों में शुभकामनाएँ, चेन फ़ॉरवर्ड और केवल इमोजी वाले संदेश।",
    },
    "kpi_admin_missing": {
        "en": "Groups whose designated admin is not admin",
        "hi": "समूह जिनमें नामित एडमिन एडमिन नहीं है",
    },
    "groups_level": {"en": "Show", "hi": "दिखाएँ"},
    "groups_drill": {"en": "Groups of", "hi": "इसके समूह"},
    "groups_kinds": {"en": "Group kinds", "hi": "समूह प्रकार"},
    "groups_dormant_only": {"en": "Only dormant groups", "hi": "केवल निष्क्रिय समूह"},
    "chart_dormancy_title": {
        "en": "Days since the last message, per group",
        "hi": "प्रति समूह, अंतिम संदेश के बाद के दिन",
    },
    "axis_days": {"en": "Days since the last message", "hi": "अंतिम संदेश के बाद के दिन"},
    "axis_groups": {"en": "Groups", "hi": "समूह"},
    "legend_dormant_line": {"en": "Dormant after {n} days", "hi": "{n} दिन बाद निष्क्रिय"},
    "col_group": {"en": "Group", "hi": "समूह"},
    "col_kind": {"en": "Kind", "hi": "प्रकार"},
    "col_groups": {"en": "Groups", "hi": "समूह"},
    "col_dormant_groups": {"en": "Dormant groups", "hi": "निष्क्रिय समूह"},
    "col_admin_missing": {"en": "Admin missing", "hi": "एडमिन नहीं"},
    "col_active_members": {"en": "Active members (30 d)", "hi": "सक्रिय सदस्य (30 दिन)"},
    "col_messages_per_day": {"en": "Messages a day", "hi": "प्रतिदिन संदेश"},
    "col_active_share": {"en": "Active share", "hi": "सक्रिय हिस्सा"},
    "col_noise_share": {"en": "Noise share", "hi": "शोर हिस्सा"},
    "col_days_since_last": {"en": "Days since last message", "hi": "अंतिम संदेश से दिन"},
    "col_dormant": {"en": "Dormant", "hi": "निष्क्रिय"},
    "col_admin_is_admin": {"en": "Designated admin is admin", "hi": "नामित एडमिन एडमिन है"},
    "col_blocklisted_present": {"en": "Blocklisted present", "hi": "प्रतिबंधित मौजूद"},
    "col_joins": {"en": "Joins (30 d)", "hi": "जुड़े (30 दिन)"},
    "col_exits": {"en": "Exits (30 d)", "hi": "निकले (30 दिन)"},
    "col_left_chat": {"en": "Left the chat, still on roster", "hi": "चैट छोड़ी, सूची में अब भी"},
    "col_not_on_roster": {"en": "In the chat, on no roster", "hi": "चैट में, किसी सूची में नहीं"},
    "col_person": {"en": "Person", "hi": "व्यक्ति"},
    "col_finding": {"en": "Finding", "hi": "निष्कर्ष"},
    "col_since": {"en": "Since", "hi": "कब से"},
    "groups_reconcile": {"en": "Roster against chat ({n})", "hi": "सूची बनाम चैट ({n})"},
    "groups_reconcile_help": {
        "en": "People the member list and the chat disagree on: left the chat but still on the roster, or in the chat but on no roster of the group.",
        "hi": "वे लोग जिन पर सदस्य सूची और चैट असहमत हैं: चैट छोड़ दी पर सूची में हैं, या चैट में हैं पर समूह की किसी सूची में नहीं।",
    },
}


def _merged(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise KeyError(f"i18n keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


STRINGS = _merged(
    COMMON,
    strings_demo18.STRINGS,
    strings_coverage.STRINGS,
    strings_response.STRINGS,
    strings_social.STRINGS,
    strings_access.STRINGS,
    strings_hostile.STRINGS,
    strings_signin.STRINGS,
    strings_holds.STRINGS,
    strings_rejects.STRINGS,
    strings_story_safety.STRINGS,
    strings_demo_mode.STRINGS,
    strings_brief.STRINGS,
    strings_screens.STRINGS,
    strings_guard.STRINGS,
    strings_stories.STRINGS,
    strings_sessions.STRINGS,
    strings_memberships.STRINGS,
    strings_spread.STRINGS,
    strings_unit16.STRINGS,
)
