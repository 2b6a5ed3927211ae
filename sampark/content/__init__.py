"""Post drafting, length rules, the legal and personal-data guard, image cards."""
