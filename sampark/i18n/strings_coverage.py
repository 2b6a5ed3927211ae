"""Strings for coverage against targets: Overview, Districts, Drill-down, weekly brief."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {}
