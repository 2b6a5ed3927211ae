"""How a text spreads through the groups: directives down the unit tree, rumours across it.

Pure polars over frames (no I/O): the fingerprints' near-duplicate clusters in, arrivals,
reach, stalls and rebuttal coverage out.
"""
