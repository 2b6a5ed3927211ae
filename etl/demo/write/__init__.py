"""The synthetic state written out: sheets, rosters, the inbox and the demo database."""
