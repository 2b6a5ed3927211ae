"""From chat messages to reach, stalls and rebuttal coverage, through the real fingerprints
and clusters: a seeded state of 31 groups, directives forwarded with the edits forwards carry,
chat around them, and the truth the generator knows."""

import random
from datetime import datetime, timedelta

import polars as pl
import pytest

from sampark.fingerprints.clusters import near_duplicate_clusters
from sampark.fingerprints.frames import fingerprint_frame
from sampark.spread.arrivals import first_arrivals
from sampark.spread.copies import cluster_copies, register_as_messages
from sampark.spread.rumours import group_districts, rebuttal_coverage, rumour_clusters
from sampark.spread.spread import directive_spread
from sampark.spread.tree import unit_ancestors

PEPPER = b"test-pepper-0123456789abcdef-0123456789"
START = datetime(2026, 3, 1, 9, 0)
ORDERS = [
    "All SHOs to ensure foot patrolling near every Durga Puja pandal from 6 PM to midnight and "
    "report compliance to the district control room.",
    "Every thana to verify tenants and domestic helps in its area within fifteen days and "
    "upload the verification forms on the citizen portal.",
    "Beat constables to visit each bank branch and ATM in their beat twice a night and sign "
    "the visit register kept with the branch guard.",
    "सभी थानाध्यक्ष अपने क्षेत्र के सभी साइबर कैफे की जांच करें और रजिस्टर में हर ग्राहक का पहचान पत्र "
    "दर्ज करवाना सुनिश्चित करें।",
    "होली के अवसर पर सभी संवेदनशील गांवों में शांति समिति की बैठक कराएं और असामाजिक तत्वों पर कड़ी निगरानी रखें।",
    "थाना परिसर में जब्त सभी वाहनों की सूची तैयार कर जिला कार्यालय को भेजें और नीलामी की प्रक्रिया शुरू करें।",
]
CHATTER = [
    "ok sir",
    "जी सर",
    "Jai Hind sir, noted",
    "Please send the list of volunteers of your beat by evening",
    "आज की बैठक में सभी बीट प्रभारी उपस्थित रहें",
    "Lost purse found near the bus stand, the owner may collect it from the thana",
    "बिजली विभाग की टीम कल गांव में कैंप लगाएगी, अपने बिल साथ लाएं",
    "Traffic on the main road is diverted near the railway crossing till Sunday",
]
RUMOUR = (
    "Urgent: a gang of child lifters is roaming the villages in a white van, lock your children "
    "inside and beat any stranger you see near the school."
)
ANSWER = (
    "Police notice: the message about child lifters in a white van is false. No child is "
    "missing. Do not take the law into your hands, call 112 for any doubt."
)
EDITS = [
    lambda t: t,
    lambda t: "*Important*\n" + t,
    lambda t: "Forwarded\n" + t + " 🙏",
    lambda t: "_जरूरी सूचना_\n" + t,
    lambda t: t.replace(" ", "  "),
    lambda t: t + "\nPlease share in all groups.",
    lambda t: t[: len(t) // 2] + t[len(t) // 2 + 1 :],  # a typo: one letter dropped
    lambda t: "🚨🚨 " + t + " 🚨",
]


def network() -> tuple[pl.DataFrame, pl.DataFrame]:
    units = [("S", "state", None)]
    groups = [("gA", "S", "apex")]
    for d in range(1, 4):
        units.append((f"D{d}", "district", "S"))
        groups.append((f"gD{d}", f"D{d}", "district_staff"))
        for c in range(1, 4):
            units.append((f"C{d}{c}", "circle", f"D{d}"))
            groups.append((f"gC{d}{c}", f"C{d}{c}", "circle"))
            for t in range(1, 3):
                units.append((f"T{d}{c}{t}", "thana", f"C{d}{c}"))
                groups.append((f"gT{d}{c}{t}", f"T{d}{c}{t}", "thana_public"))
    return (
        pl.DataFrame(units, schema=["unit_id", "kind", "parent_id"], orient="row"),
        pl.DataFrame(groups, schema=["group_id", "unit_id", "kind"], orient="row"),
    )


UNITS, GROUPS = network()
# Directive 0 never reaches district D2; directive 1 reaches D3 but never its circle C31.
STALLED = {0: {"D2"}, 1: {"C31"}}


def minute(rng: random.Random, low: int, high: int) -> timedelta:
    return timedelta(minutes=rng.randint(low, high))


class _Posts:
    """The generated groups' messages (group, time, text, sent by an officer) and the truth:
    the first arrival of each directive in each group."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: list[tuple[str, datetime, str, bool]] = []
        self.truth: dict[tuple[str, str], datetime] = {}

    def post(self, key: str | None, group: str, at: datetime, text: str, officer: bool) -> None:
        for n in range(self.rng.choice([1, 1, 2])):
            when = at + timedelta(minutes=7 * n)
            self.rows.append((group, when, self.rng.choice(EDITS)(text), officer))
            if key is not None and (key, group) not in self.truth:
                self.truth[(key, group)] = when


def _orders(posts: _Posts) -> list[tuple[str, datetime, str]]:
    """Each order down the chain apex → district → circle → thana, with planted stalls; the
    register."""
    rng, register = posts.rng, []
    for n, order in enumerate(ORDERS):
        key = f"PHQ/{n}"
        issued = START + timedelta(days=n, minutes=rng.randint(0, 600))
        register.append((key, issued, order))
        apex = issued + minute(rng, 0, 20)
        posts.post(key, "gA", apex, order, True)
        for d in range(1, 4):
            if f"D{d}" in STALLED.get(n, set()):
                continue
            district = apex + minute(rng, 5, 600)
            posts.post(key, f"gD{d}", district, order, True)
            for c in range(1, 4):
                if f"C{d}{c}" in STALLED.get(n, set()):
                    continue
                circle = district + minute(rng, 1, 3000)
                posts.post(key, f"gC{d}{c}", circle, order, True)
                for t in range(1, 3):
                    if rng.random() < 0.8:
                        at = circle + minute(rng, 1, 900)
                        posts.post(key, f"gT{d}{c}{t}", at, order, False)
    return register


def _rumour_and_chatter(posts: _Posts) -> list[str]:
    """A rumour from a citizen across eight thana groups of three districts, the police
    answer in five of them (returned), and chatter."""
    thanas = GROUPS.filter(pl.col("kind") == "thana_public")["group_id"].to_list()
    spread = ["gT111", "gT121", "gT211", "gT212", "gT221", "gT311", "gT322", "gT331"]
    seen = START + timedelta(days=8)
    for k, group in enumerate(spread):
        posts.post(None, group, seen + timedelta(minutes=30 * k), RUMOUR, False)
    for group in spread[:5]:
        posts.post(None, group, seen + timedelta(hours=5), ANSWER, True)
    # Chatter: greetings are short, local notices carry their own numbers (here the group's:
    # a contact, a date), so one is never another group's.
    places = [*thanas, "gA", "gD1", "gC11"]
    for _ in range(600):
        number = posts.rng.randrange(len(places))
        text = f"{posts.rng.choice(CHATTER)} ({number + 10})"
        posts.post(None, places[number], START + minute(posts.rng, 0, 14 * 24 * 60), text, False)
    return spread[:5]


def state(seed: int) -> dict[str, object]:
    """Messages, register and truth (first arrival of each directive in each group)."""
    posts = _Posts(random.Random(seed))
    register = _orders(posts)
    answer_groups = _rumour_and_chatter(posts)
    messages = pl.DataFrame(
        posts.rows, schema=["group_id", "ts", "text", "is_officer"], orient="row"
    ).with_columns(
        message_id=pl.int_range(pl.len(), dtype=pl.Int64),
        ts=pl.col("ts").cast(pl.Datetime("us")),
        is_police=pl.col("is_officer"),
    )
    reg = pl.DataFrame(register, schema=["directive_id", "issued_at", "text"], orient="row")
    reg = reg.with_columns(
        pl.col("issued_at").cast(pl.Datetime("us")), unit_id=pl.lit(None, pl.String)
    )
    return {
        "messages": pl.concat(
            [messages, fingerprint_frame(messages["text"], PEPPER)], how="horizontal"
        ),
        "register": pl.concat([reg, fingerprint_frame(reg["text"], PEPPER)], how="horizontal"),
        "truth": posts.truth,
        "answer_groups": answer_groups,
    }


@pytest.fixture(scope="module", params=[101, 202])
def run(request: pytest.FixtureRequest) -> dict[str, object]:
    made = state(request.param)
    messages, register = made["messages"], made["register"]
    assert isinstance(messages, pl.DataFrame) and isinstance(register, pl.DataFrame)
    clusters = near_duplicate_clusters(
        pl.concat([messages.drop("text"), register_as_messages(register)], how="diagonal_relaxed")
    )
    ancestors = unit_ancestors(UNITS)
    spread = directive_spread(
        clusters, messages, register, GROUPS, ancestors, target_kinds=["circle"]
    )
    return {**made, "clusters": clusters, "spread": spread, "ancestors": ancestors}


def test_arrivals_are_found_with_no_false_received(run):
    truth = run["truth"]
    arrivals = first_arrivals(run["spread"].copies.filter(pl.col("key").str.starts_with("PHQ")))
    found = {(k, g): ts for k, g, ts, _ in arrivals.rows()}
    right = sum(found.get(pair) == ts for pair, ts in truth.items())
    assert right / len(truth) >= 0.98
    assert sum(pair in truth for pair in found) / len(found) >= 0.99


def test_t50_t90_t100_are_exact_to_the_minute(run):
    truth, reach = run["truth"], run["spread"].reach
    circles = GROUPS.filter(pl.col("kind") == "circle")["group_id"].to_list()
    issued = dict(run["register"].select("directive_id", "issued_at").rows())
    for key, at in issued.items():
        delays = sorted(truth[(key, g)] - at for g in circles if (key, g) in truth)
        row = reach.filter(pl.col("key") == key).row(0, named=True)
        want = {}
        for name, share in (("t50", 0.5), ("t90", 0.9), ("t100", 1.0)):
            rank = -(-len(circles) * share // 1)
            want[name] = delays[int(rank) - 1] if len(delays) >= rank else None
        assert (row["t50"], row["t90"], row["t100"]) == (want["t50"], want["t90"], want["t100"])


def test_the_planted_stalls_are_named(run):
    stalls = run["spread"].stalls.filter(pl.col("key").str.starts_with("PHQ"))
    assert stalls.select("key", "unit_id", "kind", "groups_never").rows() == [
        ("PHQ/0", "D2", "district", 3),
        ("PHQ/1", "C31", "circle", 1),
    ]


def test_no_chatter_and_no_rumour_is_taken_for_a_directive(run):
    found = run["spread"].directives.filter(~pl.col("registered"))
    assert found.height == 0


def test_the_rumour_is_found_and_its_answer_covers_five_of_eight_groups(run):
    messages, clusters = run["messages"], run["clusters"]
    districts = group_districts(GROUPS, run["ancestors"])
    rumours = rumour_clusters(clusters, messages, districts, min_groups=5, min_districts=2)
    assert rumours.select("groups", "districts").rows() == [(8, 3)]
    rumour = rumours.select("cluster", pl.lit("R").alias("key"))
    answer_text = messages.filter(pl.col("text").str.contains("child lifters in a white van is"))
    answer_cluster = clusters.filter(
        pl.col("message_id").is_in(answer_text["message_id"].implode())
    )
    assert answer_cluster["cluster"].n_unique() == 1
    answer = answer_cluster.select("cluster").unique().with_columns(key=pl.lit("R"))
    got = rebuttal_coverage(
        first_arrivals(cluster_copies(clusters, messages, rumour)),
        cluster_copies(clusters, messages, answer),
    )
    assert got.select("groups", "answered", "coverage").rows() == [(8, 5, 5 / 8)]
    assert got["first_answer_after"].to_list() == [timedelta(hours=5)]
