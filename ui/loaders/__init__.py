"""Cached loaders by noun (network, groups, registry, coverage, response, stories).

Every cached read is keyed by one `RunKey` (database, data version, the signed-in user's scope,
the state), made once per script run (`run.run_key`): the data version is read once per run, and
a loader that builds on another passes the same key down instead of reading it again. Pure code
filters the cached frames; nothing here aggregates what `sampark.metrics` computes."""
