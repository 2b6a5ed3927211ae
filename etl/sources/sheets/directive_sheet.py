"""The PHQ's directive register sheet: its columns with English and Hindi headers."""

from __future__ import annotations

from dataclasses import replace

from etl.sources.sheets.spec import EXAMPLE_PREFIX, UNIT_ID, Column, Sheet

DIRECTIVES = Sheet(
    "directives",
    "निर्देश रजिस्टर",
    (
        Column(
            "directive_id",
            "Directive ID",
            "निर्देश संख्या",
            aliases=("directive no", "order no", "letter no", "पत्रांक", "आदेश संख्या", "क्रमांक"),
            example=EXAMPLE_PREFIX + "PHQ-2026-014",
        ),
        Column(
            "issued_at",
            "Issued at",
            "जारी समय",
            aliases=("issued", "issue date", "date of issue", "जारी दिनांक", "दिनांक"),
            example="08-01-2026 10:15",
        ),
        Column(
            "issued_by",
            "Issued by",
            "जारीकर्ता",
            aliases=("issuing office", "from", "जारी करने वाले", "कार्यालय"),
            example="ADG Crime, PHQ",
        ),
        Column(
            "title",
            "Title",
            "विषय",
            required=False,
            aliases=("subject",),
            example="Foot patrol near puja pandals",
        ),
        Column(
            "text",
            "Text",
            "निर्देश का पाठ",
            aliases=("directive", "message", "निर्देश", "पाठ", "संदेश"),
            example="All SHOs to ensure foot patrolling near every pandal from 6 PM to midnight.",
        ),
        # The unit it is meant for, itself and below; blank: the whole state.
        replace(UNIT_ID, required=False),
    ),
)
