"""Strings of directive reach per unit: the league table's and the drill-down's columns and the
weekly brief's directive section."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "col_directive_reach": {
        "en": "Directives within 24 h",
        "hi": "24 घंटे में पहुँचे निर्देश",
    },
    "col_directive_median": {
        "en": "Directive median delay",
        "hi": "निर्देश पहुँचने की माध्यिका देरी",
    },
    "reach_no_directive": {"en": "no directive", "hi": "कोई निर्देश नहीं"},
    "reach_no_figures": {"en": "no figures yet", "hi": "अभी आँकड़े नहीं"},
    "reach_share_of": {
        "en": "{share} ({within} of {due})",
        "hi": "{share} ({due} में से {within})",
    },
    "reach_minutes": {"en": "{m} min", "hi": "{m} मिनट"},
    "reach_hours": {"en": "{h} h", "hi": "{h} घंटे"},
    "reach_never": {"en": "never reached", "hi": "कभी नहीं पहुँचा"},
    "reach_half_never": {"en": "half never reached", "hi": "आधे तक नहीं पहुँचे"},
    "reach_caption": {
        "en": "Directives: the directives issued in the last {days} days (not those of the last 24 hours, which still have time) and the groups the state's rules say each must reach. Share reached within 24 hours of issue, with the count; median delay: by when half of those groups had it.",
        "hi": "निर्देश: पिछले {days} दिनों में जारी निर्देश (पिछले 24 घंटे वाले नहीं, उनके पास अभी समय है) और वे समूह जिन तक राज्य के नियमों के अनुसार हर निर्देश पहुँचना चाहिए। जारी होने के 24 घंटे में पहुँचने का हिस्सा, गिनती के साथ; माध्यिका देरी: कब तक आधे समूहों तक पहुँचा।",
    },
    "brief_directive_title": {"en": "Directive reach", "hi": "निर्देशों की पहुँच"},
    "brief_directive_line": {
        "en": "Directive reach: {share} within 24 h, median {median}; behind: {behind}.",
        "hi": "निर्देशों की पहुँच: 24 घंटे में {share}, माध्यिका {median}; पीछे: {behind}।",
    },
    "brief_directive_none": {
        "en": "Directive reach: no directive issued from {start} to {end}.",
        "hi": "निर्देशों की पहुँच: {start} से {end} तक कोई निर्देश जारी नहीं हुआ।",
    },
    "brief_directive_no_figures": {
        "en": "Directive reach: no figures yet (the ETL works them out when it runs with the fingerprint secret set).",
        "hi": "निर्देशों की पहुँच: अभी आँकड़े नहीं (ETL फ़िंगरप्रिंट रहस्य के साथ चलने पर ये बनाता है)।",
    },
    "brief_directive_note": {
        "en": "Directives issued from {start} to {end}: {n}. Deliveries due to the groups the state's rules name: {due}; never arrived: {never}.",
        "hi": "{start} से {end} तक जारी निर्देश: {n}। राज्य के नियमों में बताए समूहों तक पहुँचने थे: {due}; कभी नहीं पहुँचे: {never}।",
    },
    "brief_behind_none": {"en": "none", "hi": "कोई नहीं"},
    "brief_behind_unit": {"en": "{name} ({share})", "hi": "{name} ({share})"},
    "brief_directive_bar": {
        "en": "{share} ({within} of {due}), median {median}",
        "hi": "{share} ({due} में से {within}), माध्यिका {median}",
    },
}
