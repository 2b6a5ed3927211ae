"""The compiled core of the WhatsApp parser: `scan.c` and its ctypes glue (`glue` names what
the parser uses; `library`, `scanned`, `window`, `held` and `arrow` hold it)."""
