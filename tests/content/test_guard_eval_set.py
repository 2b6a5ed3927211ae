"""The guard's evaluation set is what its header says, and the guard keeps its figures on it:
no clean story blocked, every must-block story blocked but the known limits (README)."""

from collections import Counter

import yaml

from sampark.content.guard import check, is_blocked
from sampark.settings import PROJECT_ROOT

STORIES = yaml.safe_load((PROJECT_ROOT / "data/content/guard_eval.yaml").read_text("utf-8"))[
    "stories"
]
# Misses listed under "Guard: known limits" in the README, by story id.
KNOWN_LIMITS = {"ho-en-b03"}
LAWS = {
    "BNS s.72",
    "POCSO s.23",
    "JJ s.74",
    "phone privacy",
    "Aadhaar privacy",
    "SC 2023 guilt words",
    "none",
}


def test_the_set_holds_200_stories_half_in_hindi_with_a_held_out_part():
    langs = Counter(s["lang"] for s in STORIES)
    splits = Counter(s["split"] for s in STORIES)
    assert (len(STORIES) >= 200, langs["hi"] * 2 >= len(STORIES), langs["hinglish"] > 0) == (
        True,
        True,
        True,
    )
    assert splits["held"] >= 40


def test_every_story_has_a_unique_id_a_level_and_a_law():
    assert len({s["id"] for s in STORIES}) == len(STORIES)
    assert {s["expect"] for s in STORIES} == {"block", "warn", "clean"}
    assert {s["law"] for s in STORIES} <= LAWS


def test_no_clean_story_of_the_set_is_blocked():
    assert [
        s["id"] for s in STORIES if s["expect"] == "clean" and is_blocked(check(s["text"]))
    ] == []


def test_every_must_block_story_is_blocked_but_the_known_limits():
    missed = {
        s["id"] for s in STORIES if s["expect"] == "block" and not is_blocked(check(s["text"]))
    }
    assert missed == KNOWN_LIMITS
