"""Strings for registers, alerts and stories intake: the Response page (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {}
