"""The README names every ETL source, every page and every command."""

import re
from pathlib import Path

from etl.sources.registry import SOURCES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_etl_source_is_documented():
    assert [k for k in SOURCES if f"`etl/sources/{k}.py`" not in README] == []


def test_every_page_is_documented():
    pages = sorted(p.name for p in (ROOT / "pages").glob("*.py"))
    assert [p for p in pages if f"`pages/{p}`" not in README] == []


def test_the_two_setup_commands_are_documented():
    assert "bash scripts/dashboard.sh" in README and "bash scripts/test.sh" in README
    assert "streamlit run dashboard.py" in README


def test_every_setting_is_documented():
    source = (ROOT / "sampark" / "settings.py").read_text(encoding="utf-8")
    names = sorted(set(re.findall(r'source\.get\("([A-Z_]+)"', source)))
    assert "SAMPARK_NOW" in names
    assert [n for n in names if f"| `{n}` |" not in README] == []


def test_every_test_named_in_security_and_privacy_exists():
    section = README.split("## Security and privacy", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", section)
    assert len(named) >= 30
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not (ROOT / path).is_file()
        or not re.search(rf"^(?:async )?def {name}\(", (ROOT / path).read_text("utf-8"), re.M)
    ]
    assert missing == []
