"""Every SQL read, by noun, returning polars frames or plain values; bound parameters only.
A frame's dtypes come from the selected columns' types in `sampark.schema` (`frames`)."""
