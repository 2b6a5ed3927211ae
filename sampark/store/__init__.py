"""Every write to the database, by noun. The ETL, the dashboard and the command lines all
write through here. A write takes an open transaction (`engine.begin()`); where what changes
needs deciding first, a pure function decides it (`rosters.roster_changes`) and the store
call applies it. `derived` alone takes the engine: its figures are worked out between a read
and a write."""
