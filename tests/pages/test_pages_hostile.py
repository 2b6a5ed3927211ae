"""Hostile names through every page: none renders as markup, and no download leaves without
its audit row.

Unit, group, person and signed-in user names, a story's title, submitter, media file name and
written order, a sheet's file name and reject reasons all carry the same markup: a tracking
image, a link, raw HTML, a colour directive, LaTeX and bold. They arrive through the real ETL
(CSV files in the small demo's inbox) and the app's own writers. Every page is then drawn as
its widest reader sees it, and every string Streamlit renders as markdown (bodies, labels,
help, captions, tab and expander labels, metric values and deltas) is read back: each hostile
name must be there only escaped. Every download the pages offer is then fetched the way a
browser can without clicking, and each file made must have its `export` row.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from etl.demo import write_demo
from etl.pipeline import run_inbox
from sampark.access import STATE
from sampark.content.workflow import next_step
from sampark.db import migrate
from sampark.queries.stories import all_stories
from sampark.safety.escaping import markdown_literal
from sampark.schema import stories
from sampark.store.stories import record_step
from tests.auth_helpers import login_as
from tests.download_helpers import downloadable, fetch_without_click, recorded_managers

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")

# Each piece alone would render as markup in st.markdown.
PIECES = (
    "![x](http://evil/t.png)",
    "[click](http://evil)",
    "<img src=x onerror=alert(1)>",
    ":red[x]",
    "$x$",
    "**bold**",
)
MARKUP = " ".join(PIECES)
# A file name cannot hold "/": the same markup without it.
FILE_PIECES = ("![x](evil.png)", "[click](evil)", *PIECES[2:])
FILE_MARKUP = " ".join(FILE_PIECES)


def hostile(tag: str) -> str:
    """A name: a plain tag (nothing in it to escape) to find it by, then the markup."""
    return f"{tag} {MARKUP}"


DISTRICT = hostile("Hostiledistrict")
THANA = hostile("Hostilethana")
GROUP = hostile("Hostilegroup")
PERSON = hostile("Hostileperson")
TITLE = hostile("Hostiletitle")
SUBMITTER = hostile("Hostilesubmitter")
MEDIA = f"Hostilemedia {FILE_MARKUP}.png"
REFERENCE = hostile("Hostilereference")
SIGNED_IN = hostile("Hostileuser")
NAMES = {
    "district": DISTRICT,
    "thana": THANA,
    "group": GROUP,
    "title": TITLE,
    "submitter": SUBMITTER,
    "media": MEDIA,
    "reference": REFERENCE,
    "user": SIGNED_IN,
}
RAW = (*PIECES, *FILE_PIECES)

# Who opens each page (the reader who sees most of it), at which unit, with what chosen.
VISITS: list[tuple[str, str, str | None, dict[str, Any]]] = [
    ("overview", "dgp", None, {"range_en": "BR-R-CEN", "district_BR-R-CEN_en": "BR-PAT"}),
    ("districts", "ig", "BR-R-CEN", {"sheet_district_en": "BR-PAT"}),
    ("drilldown", "sp", "BR-PAT", {}),
    ("groups", "sp", "BR-PAT", {"health_members_group": "G-HOSTILE"}),
    ("response", "sho", "BR-PAT-T001", {}),
    ("response", "scrb", None, {"range_en": "BR-R-CEN", "district_BR-R-CEN_en": "BR-PAT"}),
    ("social", "social", None, {"social_story": "hostile"}),
    ("social", "sp", "BR-PAT", {"social_story": "hostile"}),
    ("data", "data_officer", None, {}),
    ("audit", "admin", None, {}),
]


def _hostile_inbox(inbox: Path) -> None:
    (inbox / "units" / "renamed.csv").write_text(
        "Unit ID,Kind,Name,Name in Hindi,Parent unit ID\n"
        f'BR-PAT,district,"{DISTRICT}","{DISTRICT}",BR-R-CEN\n'
        f'BR-PAT-T001,thana,"{THANA}","{THANA}",BR-PAT\n',
        encoding="utf-8",
    )
    (inbox / "groups" / "hostile.csv").write_text(
        f'Group ID,Unit ID,Group kind,Group name\nG-HOSTILE,BR-PAT-T001,other,"{GROUP}"\n',
        encoding="utf-8",
    )
    (inbox / "rosters" / "hostile.csv").write_text(
        "Group ID,Mobile number,Category,Name\n"
        f'G-HOSTILE,+919800000001,trader,"{PERSON}"\n'
        f'G-HOSTILE,not a phone,trader,"{PERSON}"\n',
        encoding="utf-8",
    )
    (inbox / "stories" / f"Hostilefile {FILE_MARKUP}.csv").write_text(
        "Unit ID,Date,Category,Title,Story,Submitted by,Media files\n"
        f'BR-PAT-T001,01-11-2026,awareness,"{TITLE}",Police held a road safety camp.,'
        f'"{SUBMITTER}","{MEDIA}"\n'
        f'"{hostile("Hostileunitid")}",01-11-2026,awareness,A title,A story.,Someone,\n',
        encoding="utf-8",
    )


def _approve_with_an_order(url: str) -> int:
    engine = migrate(url)
    with engine.begin() as conn:
        story = all_stories(conn, STATE).filter(title=TITLE).row(0, named=True)
        status = story["status"]
        for action in ("vet", "approve"):
            step = next_step(
                story["story_id"],
                status,
                action,
                actor=SIGNED_IN,
                at=datetime(2026, 11, 2, 9, 0),
                findings=[],
            )
            record_step(conn, step)
            status = step.to_status
        # An order recorded before its form was checked: what the page shows of it is escaped.
        order = {"reference": REFERENCE, "approver": PERSON, "role": "sho", "at": "2026-11-02"}
        conn.execute(
            sa.update(stories)
            .where(stories.c.story_id == story["story_id"])
            .values(block_override=order)
        )
    return int(story["story_id"])


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    root = tmp_path_factory.mktemp("hostile_pages")
    write_demo(root / "inbox", scale="small", seed=7)
    _hostile_inbox(root / "inbox")
    url = f"sqlite:///{root}/demo.db"
    run_inbox(migrate(url), root / "inbox")
    return url, _approve_with_an_order(url)


# Fields Streamlit renders as markdown, wherever they sit in an element's message.
_MARKDOWN_FIELDS = {"body", "label", "help", "caption", "delta"}
# Elements whose `body` is not markdown: st.html (escaped HTML, checked apart) and code.
_NOT_MARKDOWN = {"Html", "Code"}


def markdown_strings(message: Message) -> Iterator[str]:
    """Every markdown-rendered string in an element's message, nested messages included."""
    if message.DESCRIPTOR.name in _NOT_MARKDOWN:
        return
    # A radio's options are markdown too (a select box's are plain text).
    markdown_here = _MARKDOWN_FIELDS | (
        {"options"} if message.DESCRIPTOR.name == "Radio" else set()
    )
    for field, value in message.ListFields():
        single = isinstance(value, (str, bytes, int, float, Message))
        values = [value] if single else list(value)
        for item in values:
            if isinstance(item, Message):
                yield from markdown_strings(item)
            elif isinstance(item, str) and field.name in markdown_here:
                yield item


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None) or {}
    for child in children.values():
        yield from _nodes(child)


def rendered(at: AppTest) -> tuple[list[str], list[str]]:
    """(markdown strings, st.html bodies) of every element and block on the page."""
    texts: list[str] = []
    html: list[str] = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        if proto.DESCRIPTOR.name == "Html":
            html.append(proto.body)  # type: ignore[attr-defined]
        texts.extend(markdown_strings(proto))
    return texts, html


def _open(page: str, role: str, unit: str | None, chosen: dict[str, Any], story: int) -> AppTest:
    at = login_as(AppTest.from_file(DASHBOARD, default_timeout=120), role, unit, SIGNED_IN)
    for key, value in chosen.items():
        at.session_state[key] = story if value == "hostile" else value
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, role, [e.message for e in at.exception])
    return at


@pytest.fixture
def pages(hostile_db, monkeypatch, tmp_path) -> Iterator[tuple[str, int]]:
    url, story = hostile_db
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SAMPARK_DATA_DIR", str(tmp_path))
    yield url, story


def test_no_hostile_name_renders_as_markup_on_any_page(pages):
    _url, story = pages
    seen: set[str] = set()
    for page, role, unit, chosen in VISITS:
        texts, html = rendered(_open(page, role, unit, chosen, story))
        for text in texts:
            assert [p for p in RAW if p in text] == [], (page, role, text)
            for name, value in NAMES.items():
                tag = value.split(" ")[0]
                if tag in text:
                    # The name is there whole and escaped, not cut where markup would act.
                    assert markdown_literal(value) in text, (page, role, name, text)
                    seen.add(name)
        for body in html:
            assert "<img src=x" not in body and "<img src" not in body.replace("&lt;img", "")
    # The hostile names did reach the markdown the pages draw (not only their tables).
    assert seen >= {
        "district",
        "thana",
        "group",
        "title",
        "submitter",
        "media",
        "reference",
        "user",
    }


def test_the_member_list_heading_shows_the_group_name_escaped(pages):
    _url, story = pages
    at = _open("groups", "sp", "BR-PAT", {"health_members_group": "G-HOSTILE"}, story)
    heading = next(h.value for h in at.subheader if h.value.startswith("Members of"))
    assert heading == f"Members of {markdown_literal(GROUP)}"


def test_every_download_on_every_page_is_made_only_with_its_audit_row(pages, monkeypatch):
    url, story = pages
    managers = recorded_managers(monkeypatch)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)

    def exports() -> list[str]:
        with engine.connect() as conn:
            return list(
                conn.execute(
                    sa.text("SELECT target FROM audit_log WHERE action = 'export'")
                ).scalars()
            )

    for page, role, unit, chosen in VISITS:
        before = exports()
        managers.clear()
        _open(page, role, unit, chosen, story)
        # Drawing the page leaves no file to fetch and no row.
        assert [downloadable(m) for m in managers] == [{}] * len(managers), page
        assert exports() == before, page
        made = [name for m in managers for name, _data in fetch_without_click(m)]
        assert made, (page, role)
        assert sorted(exports()[len(before) :]) == sorted(made), (page, role)
