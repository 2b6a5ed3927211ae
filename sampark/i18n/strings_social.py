"""Strings for the social media cell: stories, guard findings, drafts, cards (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {}
