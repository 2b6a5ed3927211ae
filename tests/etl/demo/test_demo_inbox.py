"""The demo generator writes a deterministic, Bihar-like inbox that the sheet readers recognise."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from etl.demo import DemoSummary, write_demo
from etl.demo.calendar import REFERENCE
from etl.sources.sheets.columns import CATEGORY_HI, SHEETS, Sheet, header_key

KINDS = ("units", "groups", "staff", "rosters", "blocklist")


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def summary(inbox: Path) -> DemoSummary:
    steps: list[str] = []
    result = write_demo(
        inbox, state="bihar", scale="small", seed=7, progress=steps.append, today=REFERENCE
    )
    assert "rosters: Patna" in steps
    return result


def _cells(path: Path) -> pl.DataFrame:
    if path.suffix == ".csv":
        return pl.read_csv(path, infer_schema=False)
    return pl.read_excel(path, infer_schema_length=0)


def _key_of(header: str, sheet: Sheet) -> str | None:
    """The sheet column a header names, through the whole header or either bilingual half."""
    variants = {header_key(part) for part in [header, *header.split("/")] if part.strip()}
    for column in sheet.columns:
        if variants & column.names():
            return column.key
    return None


def _sheet(inbox: Path, kind: str, *, bad: bool = False) -> pl.DataFrame:
    """Every file of one kind, columns renamed to sheet keys, concatenated as strings."""
    frames = []
    for path in sorted((inbox / kind).iterdir()):
        if path.name == "notes.csv" and not bad:
            continue
        cells = _cells(path)
        mapping = {h: _key_of(h, SHEETS[kind]) for h in cells.columns}
        frame = cells.rename({h: k for h, k in mapping.items() if k}).select(
            [c.key for c in SHEETS[kind].columns if c.key in mapping.values()]
        )
        frames.append(frame.with_columns(pl.lit(path.name).alias("file")))
    return pl.concat(frames, how="diagonal")


def _digits(column: str) -> pl.Expr:
    return pl.col(column).str.replace_all(r"\D", "").str.slice(-10)


def test_summary_counts(summary: DemoSummary) -> None:
    assert summary.bad_files == 1
    assert 8 <= summary.bad_rows <= 12
    assert 105 <= summary.groups <= 125  # nine thin districts (was two: 50 to 70)
    assert 22_000 <= summary.roster_rows <= 35_000  # current lists ~13k, earlier ones the rest
    assert summary.blocklist == 20
    assert summary.files >= 10


def test_folders_and_file_names(inbox: Path, summary: DemoSummary) -> None:
    files = sorted(p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_file())
    assert len(files) == summary.files
    folders = {*KINDS, "chats", "registers", "alerts", "stories", "directives"}
    assert {f.split("/")[0] for f in files} == folders
    assert "units/units.csv" in files
    assert "rosters/notes.csv" in files
    assert "rosters/2026-11-01_patna.csv" in files
    assert "rosters/2026-04-05_patna.xlsx" in files  # baseline lists
    assert "rosters/2026-05-10_patna.csv" in files  # middle lists
    assert any(f.endswith(".xlsx") for f in files)


def _header_styles(inbox: Path) -> set[str]:
    """The roster header languages seen; fails on any sheet missing a required column."""
    seen_styles: set[str] = set()
    for kind in KINDS:
        for path in (inbox / kind).iterdir():
            if path.name == "notes.csv":
                continue
            headers = _cells(path).columns
            keys = {_key_of(h, SHEETS[kind]) for h in headers}
            missing = [c.key for c in SHEETS[kind].required if c.key not in keys]
            assert not missing, f"{path.name}: {missing} not in {headers}"
            if kind == "rosters":
                phone = SHEETS["rosters"].columns[2]
                style = {phone.english: "en", phone.hindi: "hi", phone.bilingual: "bi"}
                seen_styles.add(style[headers[2]])
    return seen_styles


def test_every_sheet_header_is_recognised(inbox: Path, summary: DemoSummary) -> None:
    assert _header_styles(inbox) == {"en", "hi", "bi"}


def test_bad_file_matches_no_sheet(inbox: Path, summary: DemoSummary) -> None:
    headers = _cells(inbox / "rosters" / "notes.csv").columns
    assert headers == ["Sr", "Remarks", "Date"]
    for sheet in SHEETS.values():
        keys = {_key_of(h, sheet) for h in headers}
        assert not all(c.key in keys for c in sheet.required)


def test_small_scale_is_three_ranges_of_thin_districts(inbox: Path, summary: DemoSummary) -> None:
    units = _sheet(inbox, "units")
    districts = units.filter(pl.col("kind") == "district").sort("unit_id")
    assert districts["name"].to_list() == [
        "Bhojpur", "Buxar", "Gopalganj", "Kaimur", "Nalanda", "Patna", "Rohtas", "Saran", "Siwan",
    ]  # fmt: skip
    assert districts["name_hi"].to_list()[4:6] == ["नालंदा", "पटना"]
    assert sorted(districts["parent_id"].unique().to_list()) == ["BR-R-CEN", "BR-R-SAR", "BR-R-SHA"]
    assert units.filter(pl.col("unit_id") == "BR")["name_hi"].to_list() == ["बिहार"]
    assert "BR-DIV-CID" in units["unit_id"].to_list()
    centres = units.filter(pl.col("kind") == "police_centre")["unit_id"].sort().to_list()
    assert centres == [f"{d}-PC" for d in districts["unit_id"]]
    thanas = units.filter(pl.col("kind") == "thana")
    assert thanas.height == 67
    assert thanas["unit_id"].str.contains(r"^BR-[A-Z]{3}-T\d{3}$").all()
    assert thanas["parent_id"].str.contains(r"^BR-[A-Z]{3}-C\d{2}$").all()
    assert units.height == units["unit_id"].n_unique() == summary.units


def test_groups_story(inbox: Path, summary: DemoSummary) -> None:
    groups = _sheet(inbox, "groups")
    units = _sheet(inbox, "units")
    thanas = units.filter(pl.col("kind") == "thana")["unit_id"]
    with_group = groups.filter(pl.col("kind") == "thana_public")["unit_id"]
    # A few thanas without a group: at most 16% of the 67 thin-district thanas (was 10% of 42).
    assert 0 < thanas.is_in(with_group.implode()).not_().sum() <= 0.16 * thanas.len()
    assert groups.filter(pl.col("kind") == "women_staff").height == 8  # one district lacks it
    assert groups.filter(pl.col("kind") == "district_staff").height == 9
    assert groups.filter(pl.col("kind") == "division").height == 6
    created = groups["created_on"].str.to_date("%Y-%m-%d")
    assert created.min() is not None and str(created.min()) >= "2020-05-20"
    assert str(created.max()) < "2026-11-01"
    bad = groups.filter(~pl.col("unit_id").is_in(units["unit_id"].implode()))
    assert bad.height == 1


def test_thana_groups_mostly_below_target(inbox: Path, summary: DemoSummary) -> None:
    rosters = _sheet(inbox, "rosters").filter(pl.col("file").str.starts_with("2026-11-01"))
    sizes = (
        rosters.filter(pl.col("group_id").str.contains(r"-T\d{3}$"))
        .unique(["group_id", "phone"])
        .group_by("group_id")
        .len()
    )
    at_target = sizes.filter(pl.col("len") >= 200).height
    assert 0 < at_target < sizes.height / 2  # most thana groups are still below 200
    ops = rosters.filter(pl.col("group_id").str.contains(r"-OP\d+$")).group_by("group_id").len()
    assert ops.filter(pl.col("len") < 100).height >= 0.8 * ops.height


def test_earlier_lists_grow_into_the_current_one(inbox: Path, summary: DemoSummary) -> None:
    rosters = _sheet(inbox, "rosters").with_columns(_digits("phone").alias("p"))
    lists = {
        day: rosters.filter(pl.col("file").str.starts_with(day)).select("group_id", "p")
        for day in ("2026-04-05", "2026-05-10", "2026-11-01")
    }
    baseline, middle, current = lists.values()
    # Each list is a subset of the next, and smaller on the whole.
    assert baseline.join(middle, on=["group_id", "p"], how="anti").height == 0
    assert middle.join(current, on=["group_id", "p"], how="anti").height == 0
    assert 0.5 * current.height < baseline.height < middle.height < current.height


def test_earlier_list_dates_differ_per_group(inbox: Path, summary: DemoSummary) -> None:
    middle = _sheet(inbox, "rosters").filter(pl.col("file").str.starts_with("2026-05-10"))
    days = middle.select("group_id", "as_of").unique()
    assert days["group_id"].n_unique() == days.height  # one date per group
    assert days["as_of"].n_unique() > 20


def test_some_staff_in_no_group(inbox: Path, summary: DemoSummary) -> None:
    staff = _sheet(inbox, "staff").with_columns(_digits("phone").alias("p"))
    members = _sheet(inbox, "rosters").with_columns(_digits("phone").alias("p"))
    outside = staff.filter(~pl.col("p").is_in(members["p"].implode())).height
    assert 0.05 * staff.height < outside < 0.25 * staff.height
    unknown_unit = staff.filter(
        ~pl.col("unit_id").is_in(_sheet(inbox, "units")["unit_id"].implode())
    )
    assert unknown_unit.height == 1


def test_blocklisted_people_inside_thana_groups(inbox: Path, summary: DemoSummary) -> None:
    blocked = _sheet(inbox, "blocklist").with_columns(_digits("phone").alias("p"))
    members = (
        _sheet(inbox, "rosters")
        .filter(pl.col("group_id").str.contains(r"-T\d{3}$"))
        .with_columns(_digits("phone").alias("p"))
    )
    inside = blocked.filter(pl.col("p").is_in(members["p"].implode())).height
    assert 3 <= inside <= 10


def test_bad_roster_rows(inbox: Path, summary: DemoSummary) -> None:
    rosters = _sheet(inbox, "rosters")
    digits = pl.col("phone").str.replace_all(r"\D", "")
    assert rosters.filter(digits.str.len_chars() < 10).height == 2
    assert rosters.filter(pl.col("category").is_in(["visitor", "आगंतुक"])).height == 2
    dups = rosters.filter(pl.struct(pl.all()).is_duplicated())
    assert dups.height == 4  # two rows, each written twice
    groups = _sheet(inbox, "groups")["group_id"].implode()
    assert rosters.filter(~pl.col("group_id").is_in(groups)).height == 2


def test_phones_mixed_formats_and_one_person_per_phone(inbox: Path, summary: DemoSummary) -> None:
    rosters = _sheet(inbox, "rosters")
    phones = rosters["phone"].to_list()
    assert any(p.startswith("+91 ") for p in phones)
    assert any(re.fullmatch(r"0\d{5}-\d{5}", p) for p in phones)
    assert any(re.fullmatch(r"91\d{10}", p) for p in phones)
    assert any(re.fullmatch(r"[6-9]\d{9}", p) for p in phones)
    good = rosters.with_columns(_digits("phone").alias("p")).filter(
        pl.col("p").str.contains(r"^[6-9]\d{9}$")
    )
    # the same phone is the same person: one name per phone within a script
    latin = good.filter(pl.col("name").str.contains(r"^[A-Za-z ]+$"))
    assert latin.group_by("p").agg(pl.col("name").n_unique())["name"].max() == 1
    # people sit in several groups (a thana group and its circle group)
    current = good.filter(pl.col("file").str.starts_with("2026-11-01"))
    assert current.group_by("p").len().filter(pl.col("len") > 1).height > 0


def test_categories_as_code_and_hindi_label(inbox: Path, summary: DemoSummary) -> None:
    categories = set(_sheet(inbox, "rosters")["category"].to_list())
    assert {"police", "trader", "पुलिस", "व्यापारी"} <= categories


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    first = write_demo(tmp_path / "a", seed=11, today=REFERENCE)
    again = write_demo(tmp_path / "b", seed=11, today=REFERENCE)
    other = write_demo(tmp_path / "c", seed=12, today=REFERENCE)
    assert first == again
    names_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    names_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    assert names_a == names_b
    for name in names_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    patna = Path("rosters/2026-11-01_patna.csv")
    assert (tmp_path / "a" / patna).read_bytes() != (tmp_path / "c" / patna).read_bytes()
    assert other.bad_rows == first.bad_rows


def test_unknown_state_or_scale_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown state 'kerala'"):
        write_demo(tmp_path, state="kerala", today=REFERENCE)
    with pytest.raises(ValueError, match="scale"):
        write_demo(tmp_path, scale="national", today=REFERENCE)


# Rajasthan and UP at small scale: one range each, the groups their orders ask for.

SMALL_RANGE = {
    "rajasthan": ("RJ-R-BKN", ["Bikaner", "Churu", "Hanumangarh", "Sri Ganganagar"]),
    "up": ("UP-R-GKP", ["Deoria", "Gorakhpur", "Kushinagar", "Maharajganj"]),
}


_WRITTEN: dict[str, tuple[str, Path, DemoSummary]] = {}


def _written(state: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, DemoSummary]:
    """(state, inbox, summary) of the state's small demo, written once for this module."""
    if state not in _WRITTEN:
        inbox = tmp_path_factory.mktemp(f"demo_{state}")
        _WRITTEN[state] = (
            state,
            inbox,
            write_demo(inbox, state=state, scale="small", seed=7, today=REFERENCE),
        )
    return _WRITTEN[state]


@pytest.fixture(params=["rajasthan", "up"])
def state_inbox(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, DemoSummary]:
    return _written(request.param, tmp_path_factory)


def test_state_small_scale_is_one_range(state_inbox: tuple[str, Path, DemoSummary]) -> None:
    state, inbox, summary = state_inbox
    range_id, names = SMALL_RANGE[state]
    units = _sheet(inbox, "units")
    districts = units.filter(pl.col("kind") == "district").sort("name")
    assert districts["name"].to_list() == names
    assert districts["parent_id"].unique().to_list() == [range_id]
    assert units.filter(pl.col("kind") == "range")["unit_id"].to_list() == [range_id]
    assert units.height == units["unit_id"].n_unique() == summary.units
    assert _header_styles(inbox) == {"en", "hi", "bi"}
    assert summary.bad_files == 1 and summary.bad_rows == 10  # as many as Bihar's


def test_state_same_seed_same_bytes(
    state_inbox: tuple[str, Path, DemoSummary], tmp_path: Path
) -> None:
    state, inbox, summary = state_inbox
    assert write_demo(tmp_path, state=state, scale="small", seed=7, today=REFERENCE) == summary
    files = sorted(p.relative_to(inbox) for p in inbox.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for name in files:
        assert (inbox / name).read_bytes() == (tmp_path / name).read_bytes(), name


def _current_members(inbox: Path) -> pl.DataFrame:
    rosters = _sheet(inbox, "rosters").filter(pl.col("file").str.starts_with("2026-11-01"))
    return rosters.with_columns(_digits("phone").alias("p")).unique(["group_id", "p"])


def test_rajasthan_circle_groups_hold_station_staff_and_volunteers(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    _state, inbox, _summary = _written("rajasthan", tmp_path_factory)
    units = _sheet(inbox, "units")
    parent = dict(zip(units["unit_id"], units["parent_id"], strict=True))
    kind = dict(zip(units["unit_id"], units["kind"], strict=True))

    def circle_of(unit: str) -> str | None:
        while unit in parent and kind[unit] not in ("circle", "district"):
            unit = parent[unit]
        return unit if kind.get(unit) == "circle" else None

    groups = _sheet(inbox, "groups").filter(pl.col("kind") == "circle")
    staff = _sheet(inbox, "staff").with_columns(
        _digits("phone").alias("p"),
        pl.col("unit_id").map_elements(circle_of, return_dtype=pl.String).alias("circle"),
    )
    station = staff.filter(pl.col("rank") != "DSP").join(
        groups.select(pl.col("unit_id").alias("circle"), "group_id"), on="circle"
    )
    members = _current_members(inbox)
    inside = station.join(members, on=["group_id", "p"], how="semi").height
    assert 0.8 * station.height < inside < station.height  # a few not added yet
    public = members.filter(
        pl.col("group_id").is_in(groups["group_id"].implode()) & (pl.col("rank") == "")
    )
    volunteers = {"clg", "gram_rakshak", "police_mitra", "suraksha_sakhi"}
    labels = {*volunteers, *(CATEGORY_HI[c] for c in volunteers)}
    labels |= {"CLG member", "Gram Rakshak", "Police Mitra", "Suraksha Sakhi"}
    assert public["category"].is_in(list(labels)).mean() > 0.95  # the rest: blocklisted people
    apex = _sheet(inbox, "groups").filter(pl.col("kind") == "apex")
    assert apex["unit_id"].to_list() == ["RJ"]


def test_up_thana_groups_mostly_below_250(tmp_path_factory: pytest.TempPathFactory) -> None:
    _state, inbox, _summary = _written("up", tmp_path_factory)
    sizes = (
        _current_members(inbox)
        .filter(pl.col("group_id").str.contains(r"-T\d{3}$"))
        .group_by("group_id")
        .len()
    )
    assert 0 < sizes.filter(pl.col("len") >= 250).height < sizes.height / 2


def test_command_line_state_defaults_to_sampark_state(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[3]

    def demo(state: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "etl", "demo", "--out", str(tmp_path / state)],
            cwd=root,
            env={**os.environ, "SAMPARK_STATE": state},
            capture_output=True,
            text=True,
        )

    refused = demo("kerala")
    assert refused.returncode == 2
    assert "state must be one of bihar, rajasthan, up, not kerala" in refused.stderr
    assert demo("up").returncode == 0
    units = pl.read_csv(tmp_path / "up" / "units" / "units.csv", infer_schema=False)
    assert units.row(0) == ("UP", "state", "Uttar Pradesh", "उत्तर प्रदेश", "")
