"""The pepper the demo's fingerprints are keyed with.

A pepper keeps a fingerprint of a real member's short message from being reversed by hashing a
dictionary of likely texts. The demo's chats are synthetic (every text is written by the
generator), so there is nothing to keep secret in them; with no pepper set, the demo keys its
fingerprints with one of its own, so a newcomer's Directives and rumours page shows the
directives and rumours the demo planted instead of "no figures yet". Real loads (`etl run`)
never use it: they fingerprint only with the operator's secret."""

from __future__ import annotations

from etl.chat_prints import Fingerprinting

# Public on purpose, and used for nothing but the demo's synthetic chats.
DEMO_PEPPER = b"sampark demo: synthetic chats only, not a secret"


def demo_fingerprinting(pepper: bytes | None) -> Fingerprinting:
    """The demo build's fingerprinting: the operator's pepper when one is set, else the
    demo's own."""
    return Fingerprinting(pepper or DEMO_PEPPER)
