"""The synthetic state written as a real inbox (`write_demo`); see `etl.demo.generate`."""

from etl.demo.generate import STATES, write_demo
from etl.demo.write.inbox import DemoSummary

__all__ = ["STATES", "DemoSummary", "write_demo"]
