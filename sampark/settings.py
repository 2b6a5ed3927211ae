"""One typed settings object, read from the environment (and `.env` if present)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# A frozen time written without an offset is read in Indian Standard Time, as offices write it.
_IST = timezone(timedelta(hours=5, minutes=30))


class SettingError(ValueError):
    """A setting holds a value Sampark cannot use; the message names the variable."""


def frozen_instant(text: str) -> datetime | None:
    """The instant `SAMPARK_NOW` freezes the clock at (timezone-aware), or None for the real
    clock when it is empty. ISO 8601; without an offset the time is IST.

    >>> frozen_instant("2026-11-20T10:00+05:30").isoformat()
    '2026-11-20T10:00:00+05:30'
    >>> frozen_instant("2026-11-20 04:30Z").isoformat()
    '2026-11-20T04:30:00+00:00'
    >>> frozen_instant("") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise SettingError(
            f"SAMPARK_NOW: {text[:40]!r} is not an ISO date-time such as 2026-11-20T10:00+05:30"
            " (leave it empty for the real clock)"
        ) from None
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=_IST)


def _dotenv() -> dict[str, str]:
    """Values from `.env` at the project root; real environment variables win over them."""
    path = PROJECT_ROOT / ".env"
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass(frozen=True)
class Settings:
    """Every setting Sampark reads, with its default and meaning."""

    data_dir: Path
    """Folder holding targets/, inbox/ and the default SQLite file."""
    database_url: str
    """SQLAlchemy URL; default SQLite file in data_dir. PostgreSQL: postgresql+psycopg://…"""
    state: str
    """State profile used for targets: bihar, rajasthan or up."""
    demo_seed: int
    """Seed for the demo state built on an empty database."""
    keep_message_text: bool = False
    """Store chat message text; off by default, since counts need no personal content."""
    session_idle_minutes: int = 30
    """A dashboard session ends after this many minutes without a click."""
    session_max_hours: int = 12
    """…and in any case this many hours after signing in (one duty shift)."""
    oidc_provider: str = ""
    """Name of an `[auth.<name>]` section in .streamlit/secrets.toml: offers "Sign in with …"
    through the deployment's identity provider (Streamlit's st.login). Empty: passwords only."""
    demo_switcher: bool = True
    """While demo mode is on (see `sampark.queries.demo.demo_mode_is_on`), offer the labelled
    role switcher. Fails closed: SAMPARK_DEMO_SWITCHER turns it on only as 1, true or yes; any
    other value, empty included, turns it off. Unset keeps it on, for the demo only."""
    max_upload_mb: int = 50
    """Largest file the Data page accepts, in MB (SAMPARK_MAX_UPLOAD_MB; the server's own cap
    is `server.maxUploadSize` in .streamlit/config.toml)."""
    cookie_secret: str = ""
    """SAMPARK_COOKIE_SECRET: the key that signs the session cookie; every replica must share
    it (scripts/serve.sh makes one). Empty: Streamlit's `server.cookieSecret`, which a single
    server makes afresh at each start (a restart then signs everyone out)."""
    frozen_now: datetime | None = None
    """SAMPARK_NOW: the instant every clock in Sampark reads (sampark/clock.py) instead of the
    real time — for tests, and to replay a past day. None: the real clock."""
    fingerprint_pepper: bytes | None = None
    """SAMPARK_FINGERPRINT_PEPPER: the secret that keys message fingerprints (the keyed hash and
    the near-duplicate signature), so that a fingerprint of a short text cannot be reversed by
    hashing a dictionary of likely texts. None: not set (see `fingerprint_pepper`)."""

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox"

    @property
    def demo_inbox(self) -> Path:
        """The demo's own folder: the dashboard writes the synthetic demo here and loads only
        this folder, never the real inbox."""
        return self.data_dir / "demo" / "inbox"

    @property
    def demo_targets(self) -> Path:
        """The demo's own target profile (its member target scaled to the demo), written by
        the demo build beside its folder and read only while demo mode is on."""
        return self.data_dir / "demo" / "targets"

    @property
    def targets_dir(self) -> Path:
        return PROJECT_ROOT / "data" / "targets"


def is_yes(value: str) -> bool:
    """Whether a switch's value says on: 1, true or yes, in any case, blanks around ignored.
    Anything else is off, so a typo or `off` never turns a switch on."""
    return value.strip().lower() in ("1", "true", "yes")


# A pepper shorter than this is guessable by brute force over the pepper itself.
MIN_PEPPER_CHARS = 32


def fingerprint_pepper(text: str) -> bytes | None:
    """The pepper's bytes from `SAMPARK_FINGERPRINT_PEPPER`, or None when it is empty.

    Any text of at least 32 characters (blanks around it ignored), e.g. the output of
    `python -c "import secrets; print(secrets.token_hex(32))"`. Fingerprints made with one
    pepper never match those made with another, and message text is not stored to make them
    again: set it once, before the first load, and never change it.

    >>> fingerprint_pepper("0123456789abcdef0123456789abcdef")
    b'0123456789abcdef0123456789abcdef'
    >>> fingerprint_pepper("  ") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    if len(text) < MIN_PEPPER_CHARS:
        raise SettingError(
            f"SAMPARK_FINGERPRINT_PEPPER: {len(text)} characters is too short to keep fingerprints"
            f" secret; use at least {MIN_PEPPER_CHARS} random characters"
            ' (python -c "import secrets; print(secrets.token_hex(32))")'
        )
    return text.encode("utf-8")


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Settings from `env` (default: `.env` overlaid by the process environment)."""
    source = {**_dotenv(), **os.environ} if env is None else env
    data_dir = Path(source.get("SAMPARK_DATA_DIR", str(PROJECT_ROOT / "data")))
    url = source.get("DATABASE_URL") or f"sqlite:///{data_dir / 'sampark.db'}"
    return Settings(
        data_dir=data_dir,
        database_url=url,
        state=source.get("SAMPARK_STATE", "bihar"),
        demo_seed=int(source.get("SAMPARK_DEMO_SEED", "7")),
        keep_message_text=is_yes(source.get("SAMPARK_KEEP_MESSAGE_TEXT", "0")),
        session_idle_minutes=int(source.get("SAMPARK_SESSION_IDLE_MINUTES", "30")),
        session_max_hours=int(source.get("SAMPARK_SESSION_MAX_HOURS", "12")),
        oidc_provider=source.get("SAMPARK_OIDC_PROVIDER", "").strip(),
        demo_switcher=is_yes(source.get("SAMPARK_DEMO_SWITCHER", "1")),
        max_upload_mb=int(source.get("SAMPARK_MAX_UPLOAD_MB", "50")),
        cookie_secret=source.get("SAMPARK_COOKIE_SECRET", ""),
        frozen_now=frozen_instant(source.get("SAMPARK_NOW", "")),
        fingerprint_pepper=fingerprint_pepper(source.get("SAMPARK_FINGERPRINT_PEPPER", "")),
    )
