"""AppTest of the Directives and rumours page on a small network (tests/spread_page_setup.py):
per role (DGP, IG, SP, the social media cell) in English and Hindi. The chain sees a directive's
reach curve, its groups by unit and status and where it stalled; everyone who opens the page sees
the rumours with rebuttal coverage; only the cell judges a rumour and links its answer, audited;
an SP reads another district's group as "another district"; no sender is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from sampark.db import migrate
from sampark.queries.spread import stored_rumour_spread
from sampark.schema import audit_log, rumours
from tests.auth_helpers import login_as
from tests.spread_page_setup import page_database

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "directives.py")
ROLES = [("dgp", None), ("ig", "R2"), ("sp", "D1"), ("social", None)]
CHARTS = {
    "en": [
        "Share of the target groups reached, hours since issue",
        "Target groups by unit: on time (24 h), late, never",
        "Groups the rumour reached, hours since first seen",
    ],
    "hi": [
        "लक्षित समूहों में पहुँच का हिस्सा, जारी होने से घंटे",
        "इकाई अनुसार लक्षित समूह: समय पर (24 घंटे), देर से, कभी नहीं",
        "अफ़वाह कितने समूहों तक पहुँची, पहली बार दिखने से घंटे",
    ],
}


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return page_database(tmp_path_factory.mktemp("spread_page"))


@pytest.fixture
def fresh_url(tmp_path) -> str:
    """A database of its own, for a test that writes a verdict."""
    return page_database(tmp_path)


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


def _titles(at: AppTest) -> list[str]:
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [c["layout"]["title"]["text"].replace("<br>", " ") for c in charts]


def _rumours(at: AppTest):
    """The rumours table: the last table on the page."""
    return at.dataframe[-1].value


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize(("role", "unit"), ROLES)
def test_every_role_opens_the_page_in_both_languages_and_no_sender_is_named(
    url, monkeypatch, tmp_path, role, unit, lang
):
    at = _page(url, monkeypatch, tmp_path, role, unit, lang)
    titles = _titles(at)
    expected = CHARTS[lang] if role != "social" else CHARTS[lang][2:]
    assert titles == expected
    everything = " ".join(str(v) for d in at.dataframe for v in d.value.to_numpy().ravel())
    assert "98765" not in everything and "Ramesh" not in everything and "Mahesh" not in everything
    assert len(_rumours(at)) == 2
    judging = [b for b in at.button if b.key in ("spread_save_verdict", "spread_link_answer")]
    assert bool(judging) == (role == "social")


def test_the_dgp_follows_a_directive_down_to_the_stalled_thanas(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "dgp")
    assert _metrics(at) == {
        "Directives": "2",
        "Reached every target group": "0",
        "Chains stalled": "3",
        "Rumours": "2",
        "Rumours without a verdict": "2",
    }
    row = at.dataframe[0].value.iloc[0]
    assert (row["Directive"], row["Target groups"], row["Reached"], row["Hours to half"]) == (
        "PHQ/14",
        "6",
        "4",
        "2.0",
    )
    curve, tree, _ = (json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart"))
    assert curve[0]["y"] == [0.0, 1 / 6, 2 / 6, 3 / 6, 4 / 6]
    assert [m["text"][0] for m in curve[1:]] == ["T50"]
    by_label = dict(zip(tree[0]["ids"], tree[0]["values"], strict=True))
    assert by_label == {
        "D1": 2,
        "D2": 4,
        "D1/on_time": 2,
        "D2/on_time": 1,
        "D2/late": 1,
        "D2/never": 2,
    }
    stalls = at.dataframe[1].value
    assert stalls["Unit that never got it"].tolist() == ["Sadar (Gaya)", "Manpur"]
    assert stalls["Unit above that had it"].tolist() == ["Gaya", "Gaya"]


def test_a_second_directive_stalled_at_a_district_is_named_with_no_unit_above(
    url, monkeypatch, tmp_path
):
    at = _page(url, monkeypatch, tmp_path, "dgp")
    at.selectbox(key="spread_directive_en").set_value("PHQ/15").run()
    stalls = at.dataframe[1].value
    assert stalls[["Unit that never got it", "Target groups never reached"]].values.tolist() == [
        ["Gaya", "4"]
    ]
    assert stalls["Unit above that had it"].tolist() == ["—"]


def test_an_sp_counts_reach_in_the_district_and_reads_other_districts_as_another(
    url, monkeypatch, tmp_path
):
    at = _page(url, monkeypatch, tmp_path, "sp", "D1")
    row = at.dataframe[0].value.iloc[0]
    assert (row["Target groups"], row["Reached"]) == ("2", "2")
    tree = json.loads(at.get("plotly_chart")[1].proto.spec)["data"][0]
    assert sorted(tree["ids"]) == ["T1", "T1/on_time", "T2", "T2/on_time"]
    assert at.info[0].value == "The chain did not stall in your area for this directive."
    found = _rumours(at)
    # Counts stay state-wide; the Hindi rumour was first seen in Gaya, outside the SP's area.
    assert found[["First group", "Groups", "Districts"]].values.tolist() == [
        ["Another district", "5", "2"],
        ["Patna Kotwali Jan Samvad", "6", "2"],
    ]
    assert "Gaya" not in " ".join(found["First group"])


def test_an_ig_sees_the_range_only(url, monkeypatch, tmp_path):
    at = _page(url, monkeypatch, tmp_path, "ig", "R2")
    row = at.dataframe[0].value.iloc[0]
    assert (row["Target groups"], row["Reached"]) == ("4", "2")
    assert _rumours(at)["First group"].tolist() == ["Gaya Bodh Jan Samvad", "Another district"]


def test_rebuttal_coverage_follows_the_answer_the_cell_links(fresh_url, monkeypatch, tmp_path):
    at = _page(fresh_url, monkeypatch, tmp_path, "social")
    english = _rumour_first_seen_in(fresh_url, "GT1")
    at.selectbox(key="spread_rumour_en").set_value(english).run()
    at.radio(key=f"spread_verdict_{english}").set_value("false").run()
    at.button(key="spread_save_verdict").click().run()
    assert not at.exception
    assert at.success[0].value == "Verdict saved."
    police = _police_answer(fresh_url)
    at.selectbox(key=f"spread_answer_{english}").set_value(police).run()
    at.button(key="spread_link_answer").click().run()
    row = _rumours(at).iloc[1]
    assert row[["Verdict", "Answer", "Groups answered (%)"]].tolist() == [
        "False",
        "Police message",
        "50",
    ]
    # First answer 6 h after first seen; per group 6, 8 and 10 h after the rumour got there.
    assert (row["Hours to first answer"], row["Median hours to answer in a group"]) == (
        "6.0",
        "8.0",
    )
    with migrate(fresh_url).connect() as conn:
        audited = conn.execute(sa.select(audit_log.c.action, audit_log.c.actor)).all()
        stored = conn.execute(sa.select(rumours.c.verdict_by).where(rumours.c.verdict.is_not(None)))
        assert stored.scalar_one() == "test-social"
    assert {("rumour_verdict", "test-social"), ("rumour_answer", "test-social")} <= set(audited)


def test_a_directive_issued_before_the_rumour_answers_none_of_its_groups(
    fresh_url, monkeypatch, tmp_path
):
    at = _page(fresh_url, monkeypatch, tmp_path, "social", lang="hi")
    hindi = _rumour_first_seen_in(fresh_url, "GT4")
    at.selectbox(key="spread_rumour_hi").set_value(hindi).run()
    at.selectbox(key=f"spread_answer_{hindi}").set_value("directive:PHQ/14").run()
    at.button(key="spread_link_answer").click().run()
    row = _rumours(at).iloc[0]
    assert row[["जवाब", "जवाब पहुँचे समूह (%)"]].tolist() == ["निर्देश PHQ/14", "0"]


def _rumour_first_seen_in(url: str, group_id: str) -> int:
    with migrate(url).connect() as conn:
        query = sa.select(rumours.c.cluster).where(rumours.c.first_group_id == group_id)
        return int(conn.execute(query).scalar_one())


def _police_answer(url: str) -> str:
    with migrate(url).connect() as conn:
        stored = stored_rumour_spread(conn)
    assert stored is not None
    return f"cluster:{stored['answers']['key'].unique().item()}"
