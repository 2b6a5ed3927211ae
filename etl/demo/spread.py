"""The demo's planted directives and rumours: planned before the chats are written, posted into
them as each export is written (`Planter`), and then the PHQ's directive register (for the
registered ones) and the truth of what was planted (`etl.demo.spread_truth`).

The truth is written beside the inbox, never in it (`truth_path`): the ETL reads every file of
the inbox, and the truth is for the tests and the bench to judge the detection against."""

from __future__ import annotations

import json
import random
from datetime import datetime, time, timedelta
from pathlib import Path

from etl.demo.build.chat_lines import START, ChatLines, Person, shown_phone
from etl.demo.build.chat_lines import Group as ChatGroup
from etl.demo.model import Demo
from etl.demo.spread_plan import (
    Directive,
    Line,
    SpreadPlan,
    directive_text,
    last_issue_day,
    office_time,
    plant_directive,
)
from etl.demo.spread_rumours import plant_rumour
from etl.demo.spread_tree import Tree, demo_tree
from etl.demo.spread_truth import spread_truth
from etl.demo.write.sheets import SheetWriter, headers
from sampark.queries.prints import OFFICER_RANKS
from sampark.targets import SpreadRules, load_profile

TARGETS_DIR = Path(__file__).resolve().parents[2] / "data" / "targets"
REGISTER_FILE = "directives/phq_directive_register.csv"
_SHAPES = ("rumour", "rumour", "rumour", "rumour", "local", "slow", "small")


def truth_path(inbox: Path) -> Path:
    """Where the truth of the demo written into `inbox` is: beside it, not in it."""
    return inbox.parent / "spread_truth.json"


class DemoSpread:
    """The plan of one demo's directives and rumours, and what of it the chats received."""

    def __init__(self, demo: Demo, seed: int) -> None:
        self.demo = demo
        self.rules: SpreadRules = load_profile(TARGETS_DIR, demo.shape.state).spread
        self.tree: Tree = demo_tree(demo, (*self.rules.chain, *self.rules.directive_targets))
        self.start = datetime.combine(demo.calendar.day(START), time())
        self.rng = random.Random(seed * 1_000_003 + 16)
        ranks = {s.person: s.rank.upper() for s in demo.staff}
        self.police = set(ranks)
        self.officers = {p for p, r in ranks.items() if r in OFFICER_RANKS}
        self.written: dict[str, list[tuple[str, int]]] = {}
        self.plan = SpreadPlan()
        self._plan_directives()
        rules = self.rules
        window = int(rules.rumour_window_hours * 3600)
        for n, shape in enumerate(_SHAPES):
            plant_rumour(
                self.plan,
                self.tree,
                n,
                shape,
                self.rng,
                (rules.rumour_groups, rules.rumour_districts, window),
            )

    def _plan_directives(self) -> None:
        rng, tree = self.rng, self.tree
        texts = rng.sample(range(10), 9)
        sources = [g.group_id for g in tree.groups_of(("apex", "district_staff"))]
        for i, n in enumerate(texts):
            lang = "hi" if rng.random() < 0.4 else "en"
            issued = office_time(rng, 5, last_issue_day())
            found = i >= 6 and bool(sources)
            source = rng.choice(sources) if found else None
            scope = tree.chain_unit(tree.group[source]) if source else None
            if n >= 8 and scope is None:  # a district's own order: meant for that district
                scope = self.tree.district_of(
                    rng.choice(tree.groups_of(("thana_public", "circle")))
                )
            place = self.demo.unit_names.get(scope or "", ("the district", "जिले"))
            d = Directive(
                f"d{i}",
                None if found else f"PHQ/{issued // 86400:03d}/{i + 1:02d}",
                issued,
                None if scope == tree.root else scope,
                directive_text(n, lang, place),
                lang,
                source,
            )
            plant_directive(self.plan, tree, d, rng)

    def _sender(self, cast: list[Person], line: Line, t0: int, t_end: int) -> str | None:
        """Who posts the line: someone in the chat then, of the line's kind; police are shown
        by number where the phone shows them so, so that the ETL knows them for police."""

        def present(p: Person) -> bool:
            hi = p.leave if p.leave >= 0 else t_end
            return max(p.join, t0) + 30 <= line.ts <= hi - 30

        if line.sender == "public":
            pool = [p for p in cast if not p.police and p.role != "blocked" and present(p)]
        else:
            staff = self.officers if line.sender == "officer" else self.police
            pool = [p for p in cast if p.person in staff and p.role == "member" and present(p)]
        if not pool:
            return None
        by_number = [p for p in pool if p.shown.startswith("+")]
        p = self.rng.choice(by_number or pool)
        if line.sender == "public" or p.shown.startswith("+"):
            return p.shown
        return shown_phone(self.demo.people.phone[p.person])

    def __call__(self, g: ChatGroup, c: ChatLines, cast: list[Person], t0: int, t_end: int) -> None:
        """Posts the group's planted lines that fall inside its chat, from someone present."""
        for line in sorted(self.plan.lines.get(g.group_id, []), key=lambda x: (x.ts, x.tag)):
            if not t0 + 60 <= line.ts <= t_end - 60:
                continue
            who = self._sender(cast, line, t0, t_end)
            if who is not None:
                c.post(line.ts, who, line.text)
                self.written.setdefault(line.tag, []).append((g.group_id, line.ts))

    def at(self, ts: int) -> datetime:
        return self.start + timedelta(seconds=ts)

    def write(self, out: Path, writer: SheetWriter) -> int:
        """The register sheet into the inbox and the truth beside it; returns register rows."""
        rows = [
            [
                d.key,
                f"{self.at(d.issued):%d-%m-%Y %H:%M}",
                "ADG (Law & Order), PHQ",
                d.text.split("\n")[0][:60],
                d.text,
                d.scope or "",
            ]
            for d in sorted(self.plan.directives, key=lambda d: d.issued)
            if d.key is not None
        ]
        writer.write(REGISTER_FILE, headers("directives", "en"), rows)
        truth = spread_truth(self)
        truth_path(out).write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
        return len(rows)
