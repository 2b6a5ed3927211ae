"""AppTest of fixing, withholding, waiting and photo cards on the Social media cell page, on
both databases: stories submitted through the app's own writer with photos in the media
folder (synthetic images only)."""

import io
from datetime import date, datetime
from pathlib import Path

import pytest
import streamlit as st
from PIL import Image, ImageDraw
from streamlit.testing.v1 import AppTest

from sampark.access import STATE
from sampark.content.card import card_image
from sampark.content.intake import Photo, Submission
from sampark.content.workflow import next_step
from sampark.queries.stories import all_stories, story_audit, story_versions_of
from sampark.store.stories import record_step, store_media, submit_story
from tests.auth_helpers import login_as
from tests.social_setup import units_engine
from ui.loaders import stories as stories_loader

ROOT = Path(__file__).resolve().parent.parent.parent
PAGE = str(ROOT / "pages" / "social.py")
SUBMITTED = datetime(2026, 11, 20, 10, 0)  # UTC, as steps are stored
# The clock seam: 2026-11-22 12:00 IST = 06:30 UTC, 44.5 hours after the submission.
NOW = "2026-11-22T12:00:00+05:30"
STATION = "SI Ravi Ranjan (test-sho)"  # the label the station's test account acts under

CLEAN = Submission(
    unit_id="BR-MOT-T001",
    category="recovery",
    story_date=date(2026, 11, 20),
    submitted_by=STATION,
    title_hi="चोरी की तीन मोटरसाइकिल बरामद",
    body_hi="वाहन चेकिंग के दौरान दो आरोपी गिरफ्तार, चोरी की तीन मोटरसाइकिल बरामद।",
)
BLOCKED = Submission(
    unit_id="BR-MOT-T001",
    category="arrest",
    story_date=date(2026, 11, 19),
    submitted_by=STATION,
    title_hi="पॉक्सो मामले में आरोपी गिरफ्तार",
    body_hi="रामपुर गांव निवासी रामू की बेटी से छेड़खानी के आरोपी को पुलिस ने गिरफ्तार किया।",
)


def photo_bytes() -> bytes:
    image = Image.new("RGB", (320, 240), (40, 120, 90))
    ImageDraw.Draw(image).rectangle((100, 60, 220, 180), fill=(230, 200, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def db(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SAMPARK_NOW", NOW)
    engine = units_engine(db_url)
    names = store_media(tmp_path / "media", [Photo("bikes.png", photo_bytes())])
    with engine.begin() as conn:
        clean = submit_story(conn, CLEAN, names, SUBMITTED)
        blocked = submit_story(conn, BLOCKED, names, SUBMITTED)
    return engine, clean, blocked


def page(role="social", unit=None, name=None, **state) -> AppTest:
    at = login_as(AppTest.from_file(PAGE, default_timeout=60), role, unit, name)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def story(engine, story_id) -> dict:
    with engine.connect() as conn:
        return all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)


def texts_of(at: AppTest) -> list[str]:
    return [w.value for w in [*at.warning, *at.info, *at.error, *at.success, *at.caption]]


def test_the_card_carries_the_photo_and_the_cell_sees_it(db, monkeypatch):
    _engine, clean, _blocked = db
    drawn = []

    def recording(card, **kw):
        drawn.append(card)
        return card_image(card, **kw)

    st.cache_data.clear()
    monkeypatch.setattr(stories_loader, "card_image", recording)
    at = page(social_story=clean)
    assert not at.exception
    assert [(c.lang, c.photo == photo_bytes(), c.protect_faces) for c in drawn] == [
        ("hi", True, False)
    ]
    cards = [img for i in at.get("image") for img in i.proto.imgs if img.caption]
    assert len(cards) == 1
    # A clean story: the photo is on the card as it came, and no face note is needed.
    assert not any("Faces blurred" in s for s in texts_of(at))


def test_a_protected_storys_card_says_faces_were_looked_for(db):
    engine, _clean, blocked = db
    # The block lifted by a written order: the card is drawn, with the faces protected.
    from sampark.content.workflow import Override, override_step
    from sampark.store.stories import record_override

    order = Override("SHO/MOT/45/2026", "R. Singh", "inspector", "sho")
    step = override_step(blocked, "submitted", order, actor="Cell", role="social", at=SUBMITTED)
    with engine.begin() as conn:
        record_override(conn, step, order)
    at = page(social_story=blocked)
    assert not at.exception
    found = texts_of(at)
    assert any(s.startswith("Faces blurred on the card's photo: 0.") for s in found)
    # The story's own photos are shown blurred the same way, and say so.
    assert any("faces are blurred on its photos here too (0 found)" in s for s in found)


def test_a_blocked_story_offers_no_draft_copy_box_or_card(db):
    _engine, _clean, blocked = db
    at = page(social_story=blocked)
    found = texts_of(at)
    assert any(s.startswith("No drafts while the guard's block stands") for s in found)
    assert "No card while the guard's block stands." in found
    assert not [c for c in at.code if "रामू" in c.value]
    assert not any(
        b.key and b.key.startswith(f"card_{blocked}_") for b in at.get("download_button")
    )


def test_vetting_a_blocked_story_asks_a_reason_and_audits_it(db):
    engine, _clean, blocked = db
    at = page("sp", "BR-MOT", "SP Motihari", social_story=blocked)
    at.button(key=f"vet_{blocked}").click().run()
    assert story(engine, blocked)["status"] == "submitted"
    assert at.error[-1].value.startswith("The guard blocks this story: vetting it needs a reason")
    at.text_input(key=f"vet_reason_{blocked}").input("the station is fixing the village name")
    at.button(key=f"vet_{blocked}").click().run()
    assert story(engine, blocked)["status"] == "vetted"
    with engine.connect() as conn:
        audit = story_audit(conn, blocked).select("actor", "action", "detail").rows()
    assert audit[-1] == (
        "SP Motihari (test-sp)",
        "story_vetted",
        "the station is fixing the village name",
    )


def test_the_submitter_accepts_the_safe_wording_and_a_new_version_is_kept(db):
    engine, _clean, blocked = db
    at = page("sho", "BR-MOT-T001", "SI Ravi Ranjan", social_story=blocked)
    at.button(key=f"suggest_{blocked}").click().run()
    suggested = at.text_area(key=f"edit_{blocked}_body_hi").value
    assert suggested == ("ज़िले के एक गांव निवासी पीड़िता से छेड़खानी के आरोपी को पुलिस ने गिरफ्तार किया।")
    assert story(engine, blocked)["body_hi"] == BLOCKED.body_hi  # nothing saved yet
    next(b for b in at.button if b.label == "Save the new version").click().run()
    assert not at.exception
    assert story(engine, blocked)["body_hi"] == suggested
    assert (
        at.success[0].value == f"Story {blocked}: version 2 saved; the guard finds 0 blocks in it."
    )
    with engine.connect() as conn:
        versions = story_versions_of(conn, blocked)
        audit = story_audit(conn, blocked).select("action", "detail").rows()
    assert versions.select("version", "author", "blocks").rows() == [
        (1, STATION, 2),
        (2, STATION, 0),
    ]
    assert audit[-1] == ("story_edited", "v2: body_hi; blocks 0")
    # The story is no longer blocked: its drafts are offered, its versions listed.
    assert any("पीड़िता से छेड़खानी" in c.value for c in at.code)
    (versions_table,) = [d.value for d in at.dataframe if "Version" in d.value.columns]
    assert versions_table["Version"].tolist() == [1, 2]


def test_another_station_gets_no_edit_form_and_an_approved_story_none(db):
    engine, clean, _blocked = db
    other = page("sho", "BR-MOT-T001", "SI Other", social_story=clean)
    assert not [b for b in other.button if b.key == f"suggest_{clean}"]
    sp = page("sp", "BR-MOT", "SP Motihari", social_story=clean)
    assert [b for b in sp.button if b.key == f"suggest_{clean}"]
    with engine.begin() as conn:
        for status, action in (("submitted", "vet"), ("vetted", "approve")):
            step = next_step(clean, status, action, actor="Cell", at=SUBMITTED, findings=[])
            record_step(conn, step)
    sp = page("sp", "BR-MOT", "SP Motihari", social_story=clean)
    assert not [b for b in sp.button if b.key == f"suggest_{clean}"]


def test_stories_waiting_over_a_day_are_shown_with_their_age_to_who_must_act(db):
    engine, clean, blocked = db
    with engine.begin() as conn:
        step = next_step(
            clean, "submitted", "vet", actor="SP", at=datetime(2026, 11, 22, 1), findings=[]
        )
        record_step(conn, step)  # vetted 5.5 hours before NOW: not yet waiting a day
    sp = page("sp", "BR-MOT", "SP Motihari")
    assert "1 story waits for your action for more than a day." in texts_of(sp)
    (table,) = [d.value for d in sp.dataframe if "Waiting" in d.value.columns]
    assert table.to_dict("records") == [
        {
            "Story": blocked,
            "Title": "पॉक्सो मामले में आरोपी गिरफ्तार",
            "Needs": "Vetting (CO/SP)",
            "Since (IST)": "20-11-2026 15:30",
            "Waiting": "1 day 20 h",
        }
    ]
    cell = page("social", lang="hi")
    (table,) = [d.value for d in cell.dataframe if "प्रतीक्षा" in d.value.columns]
    assert table["प्रतीक्षा"].tolist() == ["1 दिन 20 घंटे"]
    station = page("sho", "BR-MOT-T001", "SI Ravi Ranjan")
    assert not [d for d in station.dataframe if "Waiting" in d.value.columns]
