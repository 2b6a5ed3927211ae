"""AppTest of the Social media cell page, on a small database whose stories were submitted
through the app's own writer (tests/social_setup.py)."""

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from sampark.access import STATE
from sampark.content import drafts as drafts_module
from sampark.content.intake import TEXT_MAX_CHARS
from sampark.content.workflow import next_step
from sampark.queries.stories import all_stories, stored_guard_findings, story_audit
from sampark.schema import stories
from sampark.store.stories import record_step
from tests.auth_helpers import login_as
from tests.social_setup import submit_all, units_engine

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "social.py")
AT = datetime(2026, 11, 22, 8, 0)


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/social.db"
    engine = units_engine(url)
    ids = submit_all(engine)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return engine, ids


def _advance(engine, story_id, *actions, override=None):
    """Move a story on through the writer, as the page's buttons would."""
    for action in actions:
        with engine.begin() as conn:
            story = all_stories(conn, STATE).filter(story_id=story_id).row(0, named=True)
            findings = stored_guard_findings(conn)[story_id]
            step = next_step(
                story_id,
                story["status"],
                action,
                actor="Cell",
                at=AT,
                findings=findings,
                override=override,
                # Vetting a blocked story needs a reason; a clean one ignores it.
                note="the station will fix the text" if action == "vet" else "",
            )
            record_step(conn, step)


def _page(
    as_role: str = "social", unit: str | None = None, name: str | None = None, **state
) -> AppTest:
    at = login_as(AppTest.from_file(PAGE, default_timeout=60), as_role, unit, name)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def _status(engine, story_id) -> str:
    with engine.connect() as conn:
        return all_stories(conn, STATE).filter(story_id=story_id)["status"][0]


def _report(url: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "sampark", "report", "stories", "--format", "json", "--db", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (state,) = json.loads(out)
    return state


def test_page_counts_match_the_stories_report(db):
    engine, ids = db
    _advance(engine, ids[0], "vet", "approve")
    at = _page()
    assert not at.exception
    state = _report(str(engine.url))
    assert {m.label: m.value for m in at.metric} == {
        "Ready to post": str(state["approved"]),
        "Awaiting approval": str(state["vetted"]),
        "Awaiting vetting": str(state["submitted"]),
        "Blocked by the guard": str(state["blocked"]),
        "Posted": str(state["posted"]),
    }
    assert (state["approved"], state["submitted"], state["blocked"]) == (1, 3, 2)


def test_todays_ready_queue_comes_first_with_the_approved_story(db):
    engine, ids = db
    _advance(engine, ids[0], "vet", "approve")
    at = _page()
    assert at.subheader[0].value == "Today's ready queue"
    ready = at.dataframe[0].value
    assert ready["Title"].tolist() == ["Three stolen motorcycles recovered"]


def test_all_stories_are_sorted_ready_first_then_freshest(db):
    engine, ids = db
    _advance(engine, ids[0], "vet", "approve")
    at = _page()
    assert at.dataframe[1].value["Story"].tolist() == [
        str(i) for i in (ids[0], ids[3], ids[1], ids[2])
    ]


def test_filters_narrow_the_stories_by_district_and_status(db):
    _engine, ids = db
    at = _page(social_districts=["BR-PAT"], social_statuses=["submitted"])
    assert at.dataframe[0].value["Story"].tolist() == [str(ids[3]), str(ids[2])]


def test_filter_by_dates_keeps_stories_in_the_range(db):
    _engine, ids = db
    at = _page(social_since=date(2026, 11, 19), social_until=date(2026, 11, 20))
    assert at.dataframe[0].value["Story"].tolist() == [str(ids[0]), str(ids[1])]


def test_blocked_story_shows_findings_with_the_span_highlighted(db):
    _engine, ids = db
    at = _page(social_story=ids[1])
    assert [e.value.split(":")[0] for e in at.error] == [
        "Block · Text (Hindi)",
        "Block · Text (Hindi)",
    ]
    marked = [h.proto.body for h in at.get("html") if "<mark" in h.proto.body]
    assert len(marked) == 1
    assert '">रामपुर गांव</mark>' in marked[0] and '">रामू की बेटी</mark>' in marked[0]


def test_story_text_is_escaped_not_rendered_as_html(db):
    engine, ids = db
    with engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE stories SET body = :b WHERE story_id = :s"),
            {"b": "<img src=x onerror=alert(1)> the culprit", "s": ids[0]},
        )
    at = _page(social_story=ids[0])
    body = next(h.proto.body for h in at.get("html") if "culprit" in h.proto.body)
    assert "&lt;img src=x onerror=alert(1)&gt;" in body and "<img" not in body


def test_drafts_have_counters_and_copy_boxes_per_platform(db):
    _engine, ids = db
    at = _page(social_story=ids[0])
    labels = [a.label for a in at.text_area]
    assert labels[:4] == ["X", "Facebook", "Instagram (with the card)", "WhatsApp Channel"]
    x_draft = at.text_area[0].value
    assert x_draft.endswith("#MotihariPolice #Recovered")
    assert at.code[0].value == x_draft
    counters = [c.value for c in at.caption if "characters" in c.value]
    assert counters[0] == f"{len(x_draft)} / 280 characters as X counts them (URLs 23, emoji 2)"


def test_vet_button_records_the_step_with_the_acting_person(db):
    engine, ids = db
    at = _page("sp", "BR-MOT", "SP Motihari: Anil Kumar", social_story=ids[0])
    at.button(key=f"vet_{ids[0]}").click().run()
    assert not at.exception
    assert _status(engine, ids[0]) == "vetted"
    with engine.connect() as conn:
        audit = story_audit(conn, ids[0])
    assert audit.select("actor", "action").rows()[-1] == (
        "SP Motihari: Anil Kumar (test-sp)",
        "story_vetted",
    )
    assert at.success[0].value == f"Story {ids[0]}: Vetted."


def test_each_role_gets_only_its_own_workflow_buttons(db):
    _engine, ids = db
    keys = {
        role: {b.key for b in _page(role, unit, social_story=ids[0]).button}
        for role, unit in (
            ("dgp", None),
            ("social", None),
            ("sp", "BR-MOT"),
            ("sho", "BR-MOT-T001"),
        )
    }
    assert f"vet_{ids[0]}" in keys["sp"] and f"reject_{ids[0]}" in keys["sp"]
    assert f"vet_{ids[0]}" not in keys["social"] and f"reject_{ids[0]}" in keys["social"]
    assert not {k for k in keys["dgp"] | keys["sho"] if k and k.startswith(("vet_", "reject_"))}
    dgp = _page("dgp", social_story=ids[0])
    assert any("Your role views this story" in c.value for c in dgp.caption)


def test_approval_of_a_blocked_story_is_refused(db):
    engine, ids = db
    _advance(engine, ids[1], "vet")
    at = _page(name="Cell: Asha", social_story=ids[1])
    at.button(key=f"approve_{ids[1]}").click().run()
    assert _status(engine, ids[1]) == "vetted"
    assert at.error[-1].value.startswith("A block stands")


def test_reject_needs_a_reason_then_records_it(db):
    engine, ids = db
    at = _page("sp", "BR-PAT", "SP Patna", social_story=ids[2])
    at.button(key=f"reject_{ids[2]}").click().run()
    assert at.error[-1].value == "A rejection needs a reason."
    at.text_input(key=f"reason_{ids[2]}").input("names a juvenile's school")
    at.button(key=f"reject_{ids[2]}").click().run()
    assert _status(engine, ids[2]) == "rejected"


def test_submission_form_saves_a_story_with_its_submitter(db):
    engine, ids = db
    at = _page("sho", "BR-PAT-T001", "SI Ravi Ranjan")
    # The form's widgets carry no keys: found by their labels.
    title = next(w for w in at.text_input if w.label == "Title (Hindi)")
    body = next(w for w in at.text_area if w.label == "Text (Hindi)")
    unit = next(w for w in at.selectbox if w.label == "Unit")
    title.input("साइबर ठगी के 2.4 लाख रुपये लौटाए")
    body.input("साइबर सेल ने ठगी के शिकार व्यक्ति के पैसे लौटाए।")
    unit.set_value("BR-PAT-T001")
    at.button[-1].click().run()
    assert not at.exception
    with engine.connect() as conn:
        stories = all_stories(conn, STATE)
    new = stories.filter(~stories["story_id"].is_in(ids)).row(0, named=True)
    assert (new["title_hi"], new["unit_id"], new["submitted_by"], new["status"]) == (
        "साइबर ठगी के 2.4 लाख रुपये लौटाए",
        "BR-PAT-T001",
        "SI Ravi Ranjan (test-sho)",
        "submitted",
    )


def test_export_offers_csv_and_zip_of_approved_stories(db):
    engine, ids = db
    _advance(engine, ids[0], "vet", "approve")
    at = _page()
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Download drafts (CSV)", "Download cards (ZIP)"} <= set(labels)


def test_page_in_hindi_uses_hindi_labels(db):
    _engine, ids = db
    at = _page(lang="hi", social_story=ids[1])
    assert not at.exception
    assert at.title[0].value == "सोशल मीडिया सेल: पोस्ट के लिए तैयार, कानूनी रूप से सुरक्षित"
    assert at.error[0].value.startswith("रोक · विवरण (हिन्दी)")
    assert at.dataframe[0].value.columns.tolist()[:4] == ["कहानी", "तिथि", "जिला", "श्रेणी"]
    assert at.dataframe[0].value["जिला"].tolist()[:2] == ["पटना", "मोतिहारी"]


def test_dashboard_lists_the_social_page(db):
    at = login_as(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60), "dgp").run()
    at.switch_page("pages/social.py").run()
    assert not at.exception
    assert at.title[0].value == "Social media cell: ready to post, legally safe"


def test_page_without_stories_says_nothing_is_ready(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/empty.db"
    units_engine(url)
    monkeypatch.setenv("DATABASE_URL", url)
    at = _page()
    assert not at.exception
    assert at.info[0].value == "No approved story is waiting to be posted."
    assert {m.label: m.value for m in at.metric}["Ready to post"] == "0"


def test_a_written_order_recorded_on_the_page_lets_the_blocked_story_be_approved(db):
    engine, ids = db
    _advance(engine, ids[1], "vet")
    at = _page(name="Cell: Asha", social_story=ids[1])
    form = {w.label: w for w in at.text_input}
    form["Order reference"].input("SHO/MOT/45/2026")
    form["Signed by (name)"].input("R. Singh")
    next(b for b in at.button if b.label == "Record the order").click().run()
    assert not at.exception
    with engine.connect() as conn:
        audit = story_audit(conn, ids[1])
    assert audit.select("actor", "action", "detail").rows()[-1] == (
        "Cell: Asha (test-social)",
        "story_block_override",
        "SHO/MOT/45/2026 — Insp. R. Singh (SHO)",
    )
    at.button(key=f"approve_{ids[1]}").click().run()
    assert _status(engine, ids[1]) == "approved"


# --- what the page must refuse or survive ---------------------------------------------------


@pytest.mark.parametrize(("role", "unit"), [("sho", "BR-MOT-T001"), ("sp", "BR-MOT")])
def test_the_officers_of_a_blocked_story_get_no_form_to_lift_the_block(db, role, unit):
    _engine, ids = db
    at = _page(role, unit, "Officer", social_story=ids[1])
    assert not at.exception
    assert "Record the order" not in [b.label for b in at.button]
    assert "Order reference" not in [w.label for w in at.text_input]


def test_a_written_order_that_does_not_read_as_one_is_refused(db):
    engine, ids = db
    _advance(engine, ids[1], "vet")
    at = _page(name="Cell: Asha", social_story=ids[1])
    form = {w.label: w for w in at.text_input}
    form["Order reference"].input("x")
    form["Signed by (name)"].input("x")
    next(b for b in at.button if b.label == "Record the order").click().run()
    assert at.error[-1].value.startswith("The reference must be the order's number")
    with engine.connect() as conn:
        audit = story_audit(conn, ids[1])
    assert "story_block_override" not in audit["action"].to_list()
    at.button(key=f"approve_{ids[1]}").click().run()
    assert _status(engine, ids[1]) == "vetted"


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (6, 6), (10, 120, 10)).save(out, format="PNG")
    return out.getvalue()


def test_media_names_outside_the_media_folder_are_findings_and_the_buttons_still_show(db, tmp_path):
    engine, ids = db
    media = tmp_path / "media"
    media.mkdir()
    (media / "camp.png").write_bytes(_png())
    (media / "logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    (tmp_path / "secret.png").write_bytes(_png())
    names = ["/etc/passwd", "../secret.png", "logo.svg", "gone.jpg", "camp.png", "[x](http://e)"]
    with engine.begin() as conn:
        conn.execute(sa.update(stories).where(stories.c.story_id == ids[0]).values(media=names))
    at = _page("sp", "BR-MOT", "SP Motihari", social_story=ids[0])
    assert not at.exception
    assert [w.value for w in at.warning if w.value.startswith("Media file")] == [
        "Media file /etc/passwd is not in the media folder: not shown.",
        "Media file \\.\\./secret\\.png is not in the media folder: not shown.",
        "Media file logo\\.svg is not a JPG or PNG image: not shown.",
        "Media file gone\\.jpg not found.",
        "Media file \\[x\\]\\(http\\://e\\) not found.",
    ]
    # The cards carry a caption (their alt text); the photos none.
    photos = [img for i in at.get("image") for img in i.proto.imgs if not img.caption]
    assert len(photos) == 1
    assert f"vet_{ids[0]}" in [b.key for b in at.button]


def test_an_sho_files_stories_only_for_their_own_thana(db):
    at = _page("sho", "BR-MOT-T001", "SI Ravi Ranjan")
    unit = next(w for w in at.selectbox if w.label == "Unit")
    assert unit.options == ["Motihari Town"]


def test_the_longest_story_is_shown_with_a_few_dozen_length_measurements(db, monkeypatch):
    """The page draws the drafts, counters and problems of a 5,000-character story in both
    languages with a bounded number of length measurements (an 80 KB story once took about
    80 s, one measurement of the whole post per word dropped)."""
    engine, ids = db
    sentence = "Police recovered three stolen motorcycles during vehicle checking. "
    body = (sentence * 80)[:TEXT_MAX_CHARS]
    body_hi = ("वाहन चेकिंग के दौरान पुलिस ने चोरी की तीन मोटरसाइकिल बरामद कीं। " * 90)[:TEXT_MAX_CHARS]
    with engine.begin() as conn:
        conn.execute(
            sa.update(stories)
            .where(stories.c.story_id == ids[0])
            .values(body=body, body_hi=body_hi)
        )
    calls: list[int] = []
    original = drafts_module.draft_length

    def counted(platform: str, text: str) -> int:
        calls.append(len(text))
        return original(platform, text)

    monkeypatch.setattr(drafts_module, "draft_length", counted)
    at = _page("sp", "BR-MOT", "SP Motihari", social_story=ids[0])
    assert not at.exception
    assert len(at.text_area) >= 8
    assert len(calls) <= 120
