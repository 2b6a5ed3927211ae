"""Building a figure never meets a half-imported pandas (a server's first sessions at once)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter: importing the chart builders leaves pandas fully imported, so
# plotly's look-up of it in `sys.modules` (done without importing) finds a whole module even
# while another thread would be importing it for the first time.
_PROBE = """
import sys
import sampark.charts.coverage
pandas = sys.modules.get("pandas")
print(pandas is not None and hasattr(pandas, "Series") and hasattr(pandas, "Index"))
"""


def test_the_chart_builders_import_pandas_whole_before_any_figure() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
