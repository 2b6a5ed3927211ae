"""Names, places and chat texts of the synthetic state: declaration tables only."""
