""" "Members" on the Overview (people) and on Group health (memberships) differ for a district;
each page says what it counts, so the two figures do not look like a mistake."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.auth_helpers import login_as
from tests.coverage_demo import DASHBOARD, demo_db


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return demo_db(tmp_path_factory)


@pytest.fixture
def app(url, monkeypatch, tmp_path) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    return login_as(AppTest.from_file(DASHBOARD, default_timeout=120), "dgp")


def test_overview_says_members_counts_each_person_once(app):
    at = app.run()
    assert not at.exception
    said = [c.value for c in at.caption if c.value.startswith("Members (people) counts")]
    assert said == [
        "Members (people) counts each person once, however many groups they are in; Group"
        " health adds up each group's members (memberships), so its figure is larger."
    ]


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_group_health_rolls_up_memberships_and_says_so(app, lang):
    app.session_state["lang"] = lang
    at = app.run()
    at.switch_page("pages/groups.py").run()
    assert not at.exception
    rolled = at.dataframe[0].value
    header = "Memberships" if lang == "en" else "सदस्यताएँ"
    assert header in rolled.columns and "Members" not in rolled.columns
    caption = [c.value for c in at.caption if c.value.startswith(header)]
    assert len(caption) == 1
    assert ("counts twice" if lang == "en" else "दो बार गिना") in caption[0]
