"""Every string the dashboard shows, in English and Hindi."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
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
    "demo_writing": {"en": "Writing the demo inbox files…", "hi": "डेमो इनबॉक्स फ़ाइलें लिखी जा रही हैं…"},
    "demo_loading": {
        "en": "Loading the inbox into the database…",
        "hi": "इनबॉक्स डेटाबेस में लोड हो रहा है…",
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
}
