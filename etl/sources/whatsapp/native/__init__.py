"""The compiled core of the WhatsApp parser: `scan.c` and its ctypes glue (`glue`)."""
