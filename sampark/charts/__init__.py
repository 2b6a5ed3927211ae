"""Frames into plotly figures, by page: titles, axis units and the target or limit line always
drawn, numbers in the reader's grouping, one style (`style.layout`) for every chart."""

# pandas is imported whole before any figure is built. plotly checks whether a trace's values
# are a pandas Series by looking pandas up in `sys.modules` without importing it; on a server
# that has just started, another officer's session may be importing pandas at that moment
# (Streamlit loads it for its first table), and plotly then finds a half-made module and
# fails the page ("partially initialized module 'pandas' has no attribute 'Series'").
import pandas  # noqa: F401
