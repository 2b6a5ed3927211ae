"""Strings for coverage against targets: Overview, Districts, Drill-down, weekly brief."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "page_districts": {"en": "Districts", "hi": "जिले"},
    "page_drilldown": {"en": "Coverage drill-down", "hi": "कवरेज विस्तार"},
    # Overview
    "kpi_compliant": {"en": "Required groups at their minimum", "hi": "न्यूनतम सदस्यों वाले अपेक्षित समूह"},
    "kpi_compliant_help": {
        "en": "Required groups that exist and hold at least the profile's minimum members for their kind.",
        "hi": "वे अपेक्षित समूह जो बने हैं और अपने प्रकार के लिए प्रोफ़ाइल के न्यूनतम सदस्य रखते हैं।",
    },
    "kpi_needed": {"en": "Members still needed", "hi": "अभी आवश्यक सदस्य"},
    "kpi_needed_help": {
        "en": "Members the required groups still lack to reach their minimums (a missing group lacks all).",
        "hi": "अपेक्षित समूहों को अपने न्यूनतम तक पहुँचने के लिए अभी जितने सदस्य चाहिए (जो समूह नहीं बना, उसके सभी)।",
    },
    "kpi_officers": {"en": "Groups without required officers", "hi": "अपेक्षित अधिकारियों के बिना समूह"},
    "kpi_officers_help": {
        "en": "Groups missing an officer the profile requires in them (e.g. the SP in a circle group) or whose admin is not the required officer.",
        "hi": "वे समूह जिनमें प्रोफ़ाइल द्वारा अपेक्षित कोई अधिकारी (जैसे सर्किल समूह में एसपी) नहीं है, या जिनका एडमिन अपेक्षित अधिकारी नहीं है।",
    },
    "change_week": {"en": "{delta} since last week", "hi": "{delta} (पिछले सप्ताह से)"},
    "change_week_pp": {"en": "{delta} points since last week", "hi": "पिछले सप्ताह से {delta} अंक"},
    "chart_weekly_title": {
        "en": "Members week by week, the target and where the recent pace leads",
        "hi": "सप्ताहवार सदस्य, लक्ष्य और हाल की गति से अनुमान",
    },
    "axis_week": {"en": "Week ending", "hi": "सप्ताह समाप्ति"},
    "legend_projection": {"en": "At the last 8 weeks' pace", "hi": "पिछले 8 सप्ताह की गति से"},
    "legend_target_date": {"en": "Target date", "hi": "लक्ष्य तिथि"},
    "projection_on": {
        "en": "At this pace {target} on {date} (target date {due}).",
        "hi": "इस गति से {target} {date} को (लक्ष्य तिथि {due})।",
    },
    "projection_not": {
        "en": "Not at this pace: {pace} members a week; {target} by {due} needs {need} a week.",
        "hi": "इस गति से नहीं: प्रति सप्ताह {pace} सदस्य; {due} तक {target} के लिए प्रति सप्ताह {need} चाहिए।",
    },
    "projection_reached": {"en": "Target of {target} reached.", "hi": "{target} का लक्ष्य पूरा।"},
    "heatmap_title": {
        "en": "Compliance by range and district (share of each measure met)",
        "hi": "रेंज और जिलेवार अनुपालन (हर माप का पूरा हुआ हिस्सा)",
    },
    "heat_groups": {"en": "Required groups exist", "hi": "अपेक्षित समूह बने"},
    "heat_compliant": {"en": "Groups at minimum", "hi": "न्यूनतम पर समूह"},
    "heat_thanas": {"en": "Thana groups at target", "hi": "लक्ष्य पर थाना समूह"},
    "heat_outposts": {"en": "OP groups at target", "hi": "लक्ष्य पर ओपी समूह"},
    "heat_staff": {"en": "Staff connected", "hi": "जुड़े कर्मी"},
    "heat_officers": {"en": "Groups with required officers", "hi": "अपेक्षित अधिकारियों वाले समूह"},
    "axis_share": {"en": "Share met (%)", "hi": "पूरा हिस्सा (%)"},
    "behind_title": {"en": "The {n} {level}s furthest behind", "hi": "{level}: सबसे पीछे के {n}"},
    "behind_caption": {
        "en": "How far: members still needed as a share of what the required groups need. Since: the first week of the current run below the rate of the whole scope ({scope}).",
        "hi": "कितना पीछे: अपेक्षित समूहों की कुल आवश्यकता में अभी आवश्यक सदस्यों का हिस्सा। कब से: पूरे क्षेत्र ({scope}) की दर से नीचे चल रहे वर्तमान क्रम का पहला सप्ताह।",
    },
    "col_short_share": {"en": "Short of need", "hi": "आवश्यकता से कमी"},
    "col_members_needed": {"en": "Members still needed", "hi": "अभी आवश्यक सदस्य"},
    "col_behind_since": {"en": "Behind since", "hi": "कब से पीछे"},
    "col_compliance": {"en": "Groups at minimum", "hi": "न्यूनतम पर समूह"},
    "not_behind": {"en": "not behind the scope's rate", "hi": "क्षेत्र की दर से पीछे नहीं"},
    "behind_whole_window": {"en": "{date} or earlier", "hi": "{date} या पहले"},
    "actions_title": {"en": "Needs action ({n})", "hi": "कार्रवाई आवश्यक ({n})"},
    "action_missing_group": {"en": "Required group missing", "hi": "अपेक्षित समूह नहीं बना"},
    "action_officers_missing": {
        "en": "Required officer not in the group",
        "hi": "अपेक्षित अधिकारी समूह में नहीं",
    },
    "action_admin_missing": {
        "en": "Admin is not the required officer",
        "hi": "एडमिन अपेक्षित अधिकारी नहीं",
    },
    "action_blocklisted": {
        "en": "Blocklisted people in a public group",
        "hi": "सार्वजनिक समूह में प्रतिबंधित व्यक्ति",
    },
    "action_staff": {"en": "Staff in no group", "hi": "किसी समूह में नहीं कर्मी"},
    "col_action": {"en": "What", "hi": "क्या"},
    "col_where": {"en": "Where", "hi": "कहाँ"},
    "col_detail": {"en": "Detail", "hi": "विवरण"},
    "col_count": {"en": "Count", "hi": "संख्या"},
    "brief_download": {"en": "Weekly brief (PDF)", "hi": "साप्ताहिक ब्रीफ़ (PDF)"},
    # Group kinds (needs-action details and the drill-down)
    "kind_thana_public": {"en": "thana group", "hi": "थाना समूह"},
    "kind_outpost_public": {"en": "outpost group", "hi": "ओपी समूह"},
    "kind_circle": {"en": "circle group", "hi": "सर्किल समूह"},
    "kind_district_staff": {"en": "district staff group", "hi": "जिला स्टाफ समूह"},
    "kind_women_staff": {"en": "women staff group", "hi": "महिला स्टाफ समूह"},
    "kind_division": {"en": "division group", "hi": "प्रभाग समूह"},
    "kind_apex": {"en": "apex group", "hi": "शीर्ष समूह"},
    "kind_beat": {"en": "beat group", "hi": "बीट समूह"},
    "kind_other": {"en": "other group", "hi": "अन्य समूह"},
    # Districts (range IG)
    "districts_title": {"en": "Districts compared, fairly", "hi": "जिलों की निष्पक्ष तुलना"},
    "districts_caption": {
        "en": "{scope}: districts ranked only within their size band (by required groups: A large, B middle, C small); no rank below {min} required groups. Band median beside each rate; raw counts shown.",
        "hi": "{scope}: जिलों की रैंक केवल उनके आकार वर्ग में (अपेक्षित समूहों के अनुसार: A बड़ा, B मध्यम, C छोटा); {min} से कम अपेक्षित समूहों पर कोई रैंक नहीं। हर दर के साथ वर्ग का माध्य; मूल संख्याएँ दिखाई गई हैं।",
    },
    "league_title": {"en": "League table", "hi": "तालिका"},
    "col_band": {"en": "Size band", "hi": "आकार वर्ग"},
    "col_rank": {"en": "Rank in band", "hi": "वर्ग में रैंक"},
    "col_band_median": {"en": "Band median", "hi": "वर्ग माध्य"},
    "col_compliant_of": {"en": "At minimum / required", "hi": "न्यूनतम पर / अपेक्षित"},
    "col_change_compliant": {"en": "Change in a week (groups)", "hi": "सप्ताह में बदलाव (समूह)"},
    "col_change_members": {"en": "Change in a week (members)", "hi": "सप्ताह में बदलाव (सदस्य)"},
    "col_staff_of": {"en": "Staff connected / staff", "hi": "जुड़े कर्मी / कुल कर्मी"},
    "too_small": {"en": "too few to rank", "hi": "रैंक हेतु बहुत कम"},
    "chart_small_multiples": {
        "en": "Members week by week, per district (red: what the required groups need)",
        "hi": "जिलेवार सप्ताहवार सदस्य (लाल: अपेक्षित समूहों की आवश्यकता)",
    },
    "sheet_title": {"en": "District sheet (CompStat)", "hi": "जिला पत्रक (कॉम्पस्टैट)"},
    "sheet_pick": {"en": "District", "hi": "जिला"},
    "sheet_measure": {"en": "Measure", "hi": "माप"},
    "sheet_target": {"en": "Target", "hi": "लक्ष्य"},
    "sheet_actual": {"en": "Now", "hi": "अभी"},
    "sheet_last_week": {"en": "Last week", "hi": "पिछला सप्ताह"},
    "sheet_change": {"en": "Change", "hi": "बदलाव"},
    "sheet_open_items": {"en": "Open items", "hi": "खुले बिंदु"},
    "sheet_download": {"en": "Printable sheet (PDF)", "hi": "छपाई योग्य पत्रक (PDF)"},
    "sheet_heading": {
        "en": "{district}: week ending {date}",
        "hi": "{district}: सप्ताह समाप्ति {date}",
    },
    # Drill-down
    "drill_title": {"en": "Coverage drill-down", "hi": "कवरेज विस्तार"},
    "drill_caption": {
        "en": "{scope}: state → range → district → circle → thana → group; click a box to open it. Colour: required groups at their minimum (groups: members against their minimum).",
        "hi": "{scope}: राज्य → रेंज → जिला → सर्किल → थाना → समूह; खोलने के लिए किसी खाने पर क्लिक करें। रंग: न्यूनतम पर अपेक्षित समूह (समूह: न्यूनतम के सापेक्ष सदस्य)।",
    },
    "drill_chart_title": {
        "en": "Members by unit and group, coloured by compliance",
        "hi": "इकाई और समूहवार सदस्य, अनुपालन के रंग में",
    },
    "drill_level": {"en": "Table level", "hi": "तालिका स्तर"},
    "level_group": {"en": "group", "hi": "समूह"},
    "col_group_name": {"en": "Group", "hi": "समूह"},
    "col_kind_name": {"en": "Kind", "hi": "प्रकार"},
    "col_minimum": {"en": "Minimum", "hi": "न्यूनतम"},
    "col_status": {"en": "Status", "hi": "स्थिति"},
    "status_group": {
        "en": "{name}: {members} of {minimum}, needs {need}",
        "hi": "{name}: {minimum} में से {members}, {need} और चाहिए",
    },
    "status_group_ok": {
        "en": "{name}: {members} of {minimum}, at target",
        "hi": "{name}: {minimum} में से {members}, लक्ष्य पूरा",
    },
    "status_group_free": {
        "en": "{name}: {members} members (no minimum)",
        "hi": "{name}: {members} सदस्य (कोई न्यूनतम नहीं)",
    },
    "col_short_officers": {
        "en": "Groups without required officers",
        "hi": "अपेक्षित अधिकारियों के बिना समूह",
    },
    "col_within": {"en": "In", "hi": "अंतर्गत"},
    "col_groups_compliant_short": {"en": "Required groups at minimum", "hi": "न्यूनतम पर अपेक्षित समूह"},
    # Weekly brief (PDF)
    "brief_title": {
        "en": "Weekly brief: WhatsApp network coverage",
        "hi": "साप्ताहिक ब्रीफ़: व्हाट्सएप नेटवर्क कवरेज",
    },
    "brief_subtitle": {
        "en": "{scope} · week ending {date} · profile {profile}",
        "hi": "{scope} · सप्ताह समाप्ति {date} · प्रोफ़ाइल {profile}",
    },
    "brief_figures": {"en": "Key figures", "hi": "मुख्य आँकड़े"},
    "brief_footer": {
        "en": "Generated by Sampark from the loaded rosters; numbers as `python -m sampark report coverage` prints them.",
        "hi": "संपर्क द्वारा लोड की गई सूचियों से तैयार; संख्याएँ वही जो `python -m sampark report coverage` देता है।",
    },
}
