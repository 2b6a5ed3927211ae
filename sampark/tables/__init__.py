"""Frames shaped for people: headers in the reader's language, names in their script, codes as
words, numbers grouped their way. Pure (no Streamlit): the pages, the PDFs and the CLI share
them. Every unit name goes through `names`."""
