"""Frames into plotly figures, by page: titles, axis units and the target or limit line always
drawn, numbers in the reader's grouping, one style (`style.layout`) for every chart."""
