"""Coverage against the state profile's targets: totals at every level, the drill-down tree,
the weekly history and projection, the league of districts, the Overview's figures, the rules
on who must be in a group."""
