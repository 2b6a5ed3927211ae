"""AppTest of the Directives and rumours page on a small network with a directive and a rumour
(SQLite): the DGP sees each directive's reach and the rumours; an SP counts reach inside the
district; the social media cell sees the rumours only; no sender is named; Hindi headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.chat_prints import Fingerprinting
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile
from tests.auth_helpers import login_as
from tests.spread_setup import NOW, PEPPER, spread_inbox

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "directives.py")


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("spread_page")
    url = f"sqlite:///{root}/spread.db"
    engine = migrate(url)
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, spread_inbox(root / "inbox"), now=NOW, prints=prints)
    profile = load_profile(ROOT / "data/targets", "bihar")
    refresh_spread(engine, profile, PEPPER, texts=prints.texts_by_hash(), at=NOW)
    return url


def _page(url, monkeypatch, tmp_path, role: str, unit: str | None = None, lang: str = "en"):
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    at = login_as(AppTest.from_file(PAGE, default_timeout=120), role, unit)
    at.session_state["lang"] = lang
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_the_dgp_sees_each_directive_reach_and_the_rumours(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "dgp")
    assert _metrics(at) == {
        "Directives": "1",
        "Reached every target group": "0",
        "Chains stalled": "1",
        "Rumours": "1",
        "Rumours without a verdict": "1",
    }
    directives, rumours = (d.value for d in at.dataframe)
    row = directives.iloc[0]
    assert (row["Directive"], row["Source"], row["Target groups"], row["Reached"]) == (
        "PHQ/14",
        "Register",
        "5",
        "4",
    )
    assert (row["Hours to half"], row["Hours to 90%"]) == ("1.0", "—")
    assert rumours.iloc[0][["First group", "Groups", "Districts", "Verdict"]].tolist() == [
        "T1 Jan Samvad",
        "5",
        "2",
        "Not judged yet",
    ]
    assert not any("98765" in str(v) for v in rumours.to_numpy().ravel())


def test_an_sp_counts_reach_inside_the_district_only(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "sp", "D1")
    row = at.dataframe[0].value.iloc[0]
    assert (row["Target groups"], row["Reached"]) == ("2", "2")
    assert _metrics(at)["Reached every target group"] == "1"


def test_the_social_cell_sees_the_rumours_only(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "social")
    assert list(_metrics(at)) == ["Rumours", "Rumours without a verdict"]
    assert len(at.dataframe) == 1
    assert "Verdict" in at.dataframe[0].value.columns


def test_headers_are_in_hindi_for_a_hindi_reader(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "dgp", lang="hi")
    assert at.title[0].value == "निर्देश और अफ़वाहें"
    assert "लक्षित समूह" in at.dataframe[0].value.columns
