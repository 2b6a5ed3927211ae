"""The page's look beyond Streamlit's theme: phones (390 px) and the words of Streamlit's own
widgets, which it writes in English whatever the reader's language."""

from __future__ import annotations

import streamlit as st

from sampark.i18n import t

# Below this width the sidebar lies over the page and the heatmap cannot be read.
NARROW_PX = 640

_CSS = """
<style>
@media (max-width: %(narrow)dpx) {
  .st-key-wide_only_heatmap { display: none; }
  /* The chart toolbar sits over the title on a phone; zoom is no use there anyway. */
  .js-plotly-plot .modebar-container { display: none !important; }
  .js-plotly-plot .gtitle { font-size: 14px !important; }
  [data-testid="stMetricValue"] { font-size: 1.6rem; }
}
@media (min-width: %(wide)dpx) {
  .st-key-narrow_only_heatmap { display: none; }
}
/* The uploader's own "200MB per file • CSV…" and "Upload": the label above says the limit in
   the reader's language, and the button gets the reader's word. */
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button,
[data-testid="stFileUploaderDropzone"] button *:not([data-testid="stIconMaterial"]) {
  font-size: 0 !important;
}
[data-testid="stFileUploaderDropzone"] button [data-testid="stIconMaterial"] {
  font-size: 1.25rem !important;
}
[data-testid="stFileUploaderDropzone"] button::after { content: "%(browse)s"; font-size: 1rem; }
%(lang_rules)s
</style>
"""

# In Hindi only: an empty date box's own hint "dd / mm / yyyy" is English letters; each part
# gets the Hindi word instead (the letters drawn at size 0, as the uploader's "Upload" is).
_HINDI_CSS = """
[data-testid="stDateInput"] [data-placeholder="true"] { font-size: 0 !important; }
[data-testid="stDateInput"] [data-placeholder="true"]::after { font-size: 0.875rem; }
[data-testid="stDateInput"] [data-placeholder="true"][data-type="day"]::after { content: "दिन"; }
[data-testid="stDateInput"] [data-placeholder="true"][data-type="month"]::after { content: "माह"; }
[data-testid="stDateInput"] [data-placeholder="true"][data-type="year"]::after { content: "वर्ष"; }
"""

# Closes the sidebar on a phone after a choice in it (it lies over the page there).
_CLOSE_SIDEBAR = """
<script>
/* choice %(n)d */
(function () {
  if (window.innerWidth > %(narrow)d) return;
  var bar = document.querySelector('[data-testid="stSidebar"]');
  var close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
  if (bar && close && bar.getAttribute('data-collapsed') === 'false') close.click();
})();
</script>
"""

_CHOICES = "sidebar_choices"
_SEEN = "sidebar_choices_seen"
_PAGE = "sidebar_page_seen"


def choice_made() -> None:
    """A sidebar widget's on_change: the next run closes the sidebar on a phone."""
    st.session_state[_CHOICES] = int(st.session_state.get(_CHOICES, 0)) + 1


def apply(lang: str, page: str) -> None:
    """The styles, and the sidebar closed on a phone if a choice was just made in it or
    another `page` was opened from it."""
    if st.session_state.get(_PAGE) != page:
        if _PAGE in st.session_state:
            choice_made()
        st.session_state[_PAGE] = page
    browse = t("upload_browse", lang).replace('"', "")
    # In the sidebar: a style applies to the whole page wherever it sits, and the page's own
    # elements keep the main area to themselves.
    rules = _HINDI_CSS if lang == "hi" else ""
    css = _CSS % {"narrow": NARROW_PX, "wide": NARROW_PX + 1, "browse": browse, "lang_rules": rules}
    st.sidebar.html(css)
    made = int(st.session_state.get(_CHOICES, 0))
    if made != st.session_state.get(_SEEN, 0):
        st.session_state[_SEEN] = made
        st.sidebar.html(
            _CLOSE_SIDEBAR % {"n": made, "narrow": NARROW_PX}, unsafe_allow_javascript=True
        )
