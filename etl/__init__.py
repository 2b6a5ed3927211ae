"""Sampark ETL: inbox files → tables."""
