"""Office sheets: reading CSV/XLSX (tabular), the columns of every kind (columns), value
checks (values), timestamps (stamps) and the stage rules of registers (stages)."""
