"""Pure polars functions by noun: frames in, frames out, no I/O."""
