"""Hostile input and output: what an upload, a sheet, a zip or a workbook may be before it is
read, and what a name, a cell or a reason may carry on its way out (markdown, HTML, formulas,
cells of row 1)."""
