"""What differs between the demo states: structure, sizes, ids, names and who joins the groups.

A `StateShape` is data only; `etl.demo.build.units` builds the unit tree from it, and each state's
group builder (`etl.demo.build.groups_bihar`, `etl.demo.build.groups_rajasthan`,
`etl.demo.build.groups_up`) follows that state's order. Sizes come from DOMAIN.md: Bihar's 1,064
thanas in the May 2020 order and about 400 outposts, Rajasthan's 709 thanas in 171 circles, UP's
~1,500 thanas."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.demo.data import names
from etl.demo.data.ranges import BIHAR_DIVISIONS, BIHAR_RANGES, RAJASTHAN_RANGES, UP_RANGES, Range

Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StateShape:
    """One state's demo: its ranges, how many thanas and outposts, and whom its groups hold."""

    state: str  # the profile's name (data/targets/<state>.yaml)
    code: str  # prefix of every unit id: BR-PAT-T001
    name: str
    name_hi: str
    staff_prefix: str  # prefix of staff ids: BRP-100007
    ranges: tuple[Range, ...]
    small_thanas: dict[str, int]  # the small scale: these districts (whole ranges), so many thanas
    thanas: int  # thanas across the state at state scale
    outposts: int  # outposts across the state (at most one per ordinary thana)
    thanas_per_circle: int
    public_categories: tuple[tuple[str, int], ...]  # public members of a group, with weights
    main_kind: str = "thana_public"  # the public group serving a thana (its registers' group)
    weights: dict[str, float] = field(default_factory=dict)  # thana count multipliers
    divisions: tuple[tuple[str, str, str], ...] = ()  # state-level divisions (Bihar's order)
    hq_ranks: tuple[str, ...] = ("DGP", "ADG")  # officers posted at the state unit
    surnames: Pairs = names.SURNAMES
    place_stems: Pairs = names.PLACE_STEMS
    place_endings: Pairs = names.PLACE_ENDINGS

    @property
    def districts(self) -> int:
        return sum(len(r[3]) for r in self.ranges)


BIHAR = StateShape(
    state="bihar",
    code="BR",
    name="Bihar",
    name_hi="बिहार",
    staff_prefix="BRP",
    ranges=BIHAR_RANGES,
    # Three ranges, nine thin districts, each with the ten required groups a rank needs, and
    # sizes paired within each range: the state's league bands rank 4, 3 and 2 districts and
    # an IG's own league (bands drawn within the range) ranks at least two in every band.
    small_thanas={
        **{"PAT": 9, "NAL": 9},
        **{"BHO": 8, "BUX": 6, "ROH": 8, "KAI": 6},
        **{"SAR": 7, "SIW": 7, "GOP": 7},
    },
    thanas=1064,
    outposts=400,
    thanas_per_circle=8,
    public_categories=(
        ("citizen", 26),
        ("trader", 12),
        ("clg", 10),
        ("gram_rakshak", 6),
        ("police_mitra", 9),
        ("suraksha_sakhi", 5),
        ("digital_volunteer", 14),
        ("public_rep", 4),
        ("pradhan", 4),
        ("councillor", 4),
        ("official", 6),
    ),
    weights={
        "PAT": 2.6,
        **dict.fromkeys(("GAY", "MUZ", "BHA", "PUR", "DAR"), 1.4),
        **dict.fromkeys(("BAG", "NAU", "SHE", "ARW", "SHK"), 0.5),
    },
    divisions=BIHAR_DIVISIONS,
)

# Rajasthan's circle groups hold the station staff and four kinds of community volunteer; the
# apex group at headquarters holds the Home Department's officers and the police PRO as well.
RAJASTHAN = StateShape(
    state="rajasthan",
    code="RJ",
    name="Rajasthan",
    name_hi="राजस्थान",
    staff_prefix="RJP",
    ranges=RAJASTHAN_RANGES,
    small_thanas={"BKN": 16, "SGN": 14, "HMH": 12, "CHU": 12},
    thanas=709,
    outposts=450,
    thanas_per_circle=4,
    public_categories=(
        ("clg", 40),
        ("gram_rakshak", 22),
        ("police_mitra", 22),
        ("suraksha_sakhi", 16),
    ),
    weights={"AJM": 1.4, "BKN": 1.3, "KTC": 1.3, "UDR": 1.4, "JPR": 1.5, "JDR": 1.3},
    main_kind="circle",
    hq_ranks=("DGP", "ADG", "Home Secretary", "Joint Secretary Home", "PRO"),
    surnames=names.RAJASTHAN_SURNAMES,
    place_stems=names.RAJASTHAN_PLACE_STEMS,
    place_endings=names.RAJASTHAN_PLACE_ENDINGS,
)

# UP's thana groups: beat constables add notable people, traders, public representatives,
# pradhans, councillors and digital volunteers (~250 a station).
UP = StateShape(
    state="up",
    code="UP",
    name="Uttar Pradesh",
    name_hi="उत्तर प्रदेश",
    staff_prefix="UPP",
    ranges=UP_RANGES,
    small_thanas={"GKP": 14, "DEO": 10, "KSN": 10, "MRJ": 8},
    thanas=1500,
    outposts=0,
    thanas_per_circle=4,
    public_categories=(
        ("digital_volunteer", 34),
        ("trader", 16),
        ("citizen", 16),
        ("pradhan", 10),
        ("public_rep", 6),
        ("councillor", 6),
        ("official", 6),
    ),
    weights={
        **dict.fromkeys(("LKO", "KNN", "PRY"), 1.6),
        **dict.fromkeys(("AGR", "VNS", "GZB", "MRT", "GKP"), 1.3),
        **dict.fromkeys(("SRV", "MHB", "CKT", "LLP"), 0.6),
    },
    surnames=names.UP_SURNAMES,
    place_stems=names.UP_PLACE_STEMS,
    place_endings=names.UP_PLACE_ENDINGS,
)

SHAPES = {shape.state: shape for shape in (BIHAR, RAJASTHAN, UP)}
