"""Strings for login, roles, masking, audit and uploads (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {}
