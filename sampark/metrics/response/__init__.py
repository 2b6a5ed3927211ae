"""Response to what comes in on the groups: register response times by stage, the figures
of every unit at once, one scope's summary, and the self-harm alerts funnel."""
