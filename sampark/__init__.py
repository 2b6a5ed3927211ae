"""Sampark: oversight of a state police force's police–public WhatsApp network."""
