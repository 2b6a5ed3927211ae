"""The demo plants directives and rumours into its chats, writes the PHQ's register for the
registered ones and the truth beside the inbox; the ETL, on SQLite and PostgreSQL, finds them
as the truth says (arrivals, their minutes, T50/T90/T100, stalls, rumours).

The background chatter is cut to 3,000 messages and only the files the spread figures read are
loaded (units, groups, staff, the register and the chats), so both databases run in well under
a minute; the bench (bench/spread_truth.py) runs the whole small demo on other seeds."""

import json
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from etl.chat_prints import Fingerprinting
from etl.demo.build.chats import TARGET_MESSAGES
from etl.demo.calendar import calendar_for
from etl.demo.generate import write_demo
from etl.demo.spread import REGISTER_FILE, TARGETS_DIR, truth_path
from etl.demo.spread_score import spread_score
from etl.pipeline import run_inbox
from sampark.db import migrate
from sampark.queries.spread import rumours_frame, stored_spread
from sampark.store.spread import refresh_spread
from sampark.targets import load_profile

SEED = 31
TODAY = date(2026, 11, 1)
STATE = "rajasthan"
PEPPER = b"test pepper of thirty-two chars!"
LOADED = ("units", "groups", "staff", "directives", "chats")


def _write(out: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(TARGET_MESSAGES, "small", 3000)
        write_demo(out, state=STATE, seed=SEED, today=TODAY)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inbox = tmp_path_factory.mktemp("spread") / "inbox"
    _write(inbox)
    return inbox


def _truth(inbox: Path) -> dict:
    return json.loads(truth_path(inbox).read_text("utf-8"))


def test_the_truth_lies_beside_the_inbox_and_the_register_in_it(written):
    assert truth_path(written).parent == written.parent
    assert not list(written.rglob("*.json"))
    truth = _truth(written)
    register = pl.read_csv(written / REGISTER_FILE, infer_schema=False)
    registered = [d["key"] for d in truth["directives"] if d["registered"]]
    assert sorted(register["Directive ID"].to_list()) == sorted(registered)
    assert (truth["state"], truth["today"]) == (STATE, "2026-11-01")


def test_the_demo_plants_every_shape_the_detection_must_tell_apart(written):
    truth = _truth(written)
    directives, rumours = truth["directives"], truth["rumours"]
    assert sum(d["registered"] for d in directives) >= 5
    assert sum(not d["registered"] and d["found_rule"] for d in directives) >= 2
    assert any(d["stalled_units"] for d in directives)
    delays = [d["t100_min"] for d in directives if d["t100_min"] is not None]
    assert min(d["t50_min"] for d in directives if d["t50_min"] is not None) < 120
    assert max(delays + [d["t50_min"] or 0 for d in directives]) >= 24 * 60
    by_shape = {r["shape"]: r["is_rumour"] for r in rumours if r["shape"] != "rumour"}
    assert not any(by_shape.values())
    wide = [r for r in rumours if r["shape"] == "rumour"]
    assert len(wide) == 4 and all(r["is_rumour"] for r in wide)
    assert {r["lang"] for r in wide} == {"en", "hi"}
    assert any(r["answer_groups"] for r in wide) and any(not r["answer_groups"] for r in wide)


def test_same_seed_and_day_plant_the_same_lines(written, tmp_path):
    _write(tmp_path / "inbox")
    assert _truth(tmp_path / "inbox") == _truth(written)
    for name in (REGISTER_FILE, *(p.relative_to(written) for p in written.glob("chats/*.txt"))):
        assert (tmp_path / "inbox" / name).read_bytes() == (written / name).read_bytes()


def test_the_etl_finds_the_planted_directives_and_rumours_as_the_truth_says(
    db_url, written, tmp_path
):
    inbox = tmp_path / "inbox"
    for part in LOADED:
        shutil.copytree(written / part, inbox / part)
    engine = migrate(db_url)
    now = calendar_for(TODAY).now
    prints = Fingerprinting(PEPPER)
    run_inbox(engine, inbox, now=now, prints=prints)
    profile = load_profile(TARGETS_DIR, STATE)
    refresh_spread(engine, profile, PEPPER, texts=prints.texts_by_hash(), at=now)
    with engine.connect() as conn:
        parts = stored_spread(conn)
        rumours = rumours_frame(conn)
    assert parts is not None
    score = spread_score(_truth(written), parts, rumours)
    ratios = score.ratios()
    assert score.arrivals >= 40 and score.directives >= 7 and score.rumours == 4
    assert ratios["arrival_recall"] >= 0.98
    assert ratios["arrival_precision"] >= 0.99
    assert ratios["times_exact"] == 1.0
    assert ratios["quantiles_exact"] == 1.0
    assert ratios["stalls_exact"] == 1.0
    assert (ratios["rumour_recall"], ratios["rumour_precision"]) == (1.0, 1.0)
    assert score.false_directives == 0
