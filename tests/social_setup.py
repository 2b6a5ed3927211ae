"""A small database for the social media cell's tests: a few units and stories submitted
through the app's own writer (clean, blocked and warned ones, in English and Hindi)."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import sqlalchemy as sa

from sampark.content.intake import Submission
from sampark.db import migrate
from sampark.store.network import write_units
from sampark.store.stories import submit_story

UNITS = pl.DataFrame(
    {
        "unit_id": ["BR", "BR-R-CHA", "BR-MOT", "BR-MOT-T001", "BR-R-CEN", "BR-PAT", "BR-PAT-T001"],
        "kind": ["state", "range", "district", "thana", "range", "district", "thana"],
        "name": [
            "Bihar",
            "Champaran",
            "Motihari",
            "Motihari Town",
            "Central",
            "Patna",
            "Kotwali",
        ],
        "name_hi": ["बिहार", "चंपारण", "मोतिहारी", "मोतिहारी नगर", "मध्य", "पटना", "कोतवाली"],
        "parent_id": [None, "BR", "BR-R-CHA", "BR-MOT", "BR", "BR-R-CEN", "BR-PAT"],
    }
)

SUBMITTED_AT = datetime(2026, 11, 20, 10, 0)

STORIES = (
    Submission(
        unit_id="BR-MOT-T001",
        category="recovery",
        story_date=date(2026, 11, 20),
        submitted_by="SI Ravi Ranjan",
        title="Three stolen motorcycles recovered",
        body="Two accused arrested in vehicle checking; three stolen motorcycles recovered.",
        title_hi="चोरी की तीन मोटरसाइकिल बरामद",
        body_hi="वाहन चेकिंग के दौरान दो आरोपी गिरफ्तार, चोरी की तीन मोटरसाइकिल बरामद।",
    ),
    Submission(
        unit_id="BR-MOT-T001",
        category="arrest",
        story_date=date(2026, 11, 19),
        submitted_by="SI Ravi Ranjan",
        title_hi="पॉक्सो मामले में आरोपी गिरफ्तार",
        body_hi="रामपुर गांव निवासी रामू की बेटी से छेड़खानी के आरोपी को पुलिस ने गिरफ्तार किया।",
    ),
    Submission(
        unit_id="BR-PAT-T001",
        category="arrest",
        story_date=date(2026, 11, 18),
        submitted_by="ASI Meena Kumari",
        title="Juvenile apprehended after a theft",
        body="A juvenile studying at Saraswati Vidya Mandir school was apprehended.",
    ),
    Submission(
        unit_id="BR-PAT-T001",
        category="gang_bust",
        story_date=date(2026, 11, 21),
        submitted_by="ASI Meena Kumari",
        title_hi="लूट गिरोह का भंडाफोड़",
        body_hi="पुलिस ने लूट के दोषी अपराधियों को पकड़ा, चार आरोपी गिरफ्तार।",
    ),
)


def units_engine(url: str) -> sa.Engine:
    engine = migrate(url)
    with engine.begin() as conn:
        write_units(conn, UNITS)
    return engine


def submit_all(engine: sa.Engine) -> list[int]:
    with engine.begin() as conn:
        return [submit_story(conn, sub, [], SUBMITTED_AT) for sub in STORIES]
