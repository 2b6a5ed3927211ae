"""The demo fingerprints its synthetic chats with the operator's pepper, or its own when none is
set, so a newcomer's demo always has directive and rumour figures."""

from __future__ import annotations

from etl.demo.write.pepper import DEMO_PEPPER, demo_fingerprinting


def test_the_demo_keys_with_its_own_pepper_when_none_is_set():
    assert demo_fingerprinting(None).pepper == DEMO_PEPPER
    assert len(DEMO_PEPPER) >= 32  # the settings' floor for a pepper


def test_the_operators_pepper_is_used_when_one_is_set():
    mine = b"an operator's secret of forty characters"
    assert demo_fingerprinting(mine).pepper == mine
