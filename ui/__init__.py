"""The only shared code that imports streamlit: cached loaders, filters, bootstrap, downloads."""
