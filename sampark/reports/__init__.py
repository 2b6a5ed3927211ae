"""What Sampark reports outside the dashboard: the weekly brief and the CompStat sheet as PDF,
and the frames `python -m sampark report` prints."""
