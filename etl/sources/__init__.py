"""One module per input kind. The registry of kinds (`SOURCES`) lives in `registry`, not
here: importing one source (the chat parser in a parse worker) must not import every writer
and the database layer with it."""
