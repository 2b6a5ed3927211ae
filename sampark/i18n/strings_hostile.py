"""Strings for the Data page's upload and the refusals of hostile input (English and Hindi)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "upload_title": {"en": "Upload files", "hi": "फ़ाइलें अपलोड करें"},
    "upload_label": {
        "en": "Sheets (.csv, .xlsx) and WhatsApp exports (.txt, .zip), up to {mb} MB each",
        "hi": "शीट (.csv, .xlsx) और व्हाट्सऐप एक्सपोर्ट (.txt, .zip), हर फ़ाइल {mb} MB तक",
    },
    "upload_help": {
        "en": "Files are checked, saved to the inbox under uploads/ and loaded at once. "
        "A sheet's kind is read from its header.",
        "hi": "फ़ाइलें जाँची जाती हैं, इनबॉक्स में uploads/ के अंदर रखी जाती हैं और तुरंत लोड होती हैं। "
        "शीट का प्रकार उसके हेडर से पहचाना जाता है।",
    },
    "upload_button": {"en": "Check and load", "hi": "जाँचें और लोड करें"},
    "upload_running": {"en": "Loading {n} file(s)…", "hi": "{n} फ़ाइल(ें) लोड हो रही हैं…"},
    "upload_done": {
        "en": "Done: {loaded} loaded, {skipped} unchanged, {rejected} rejected, {refused} refused",
        "hi": "पूरा: {loaded} लोड, {skipped} अपरिवर्तित, {rejected} अस्वीकृत, {refused} अस्वीकार",
    },
    "upload_failed": {
        "en": "The load did not finish; nothing from it is half-loaded. Reason:",
        "hi": "लोड पूरा नहीं हुआ; कुछ भी आधा लोड नहीं हुआ। कारण:",
    },
    "upload_col_file": {"en": "File", "hi": "फ़ाइल"},
    "upload_col_saved": {"en": "Saved as", "hi": "इस नाम से रखी गई"},
    "upload_col_status": {"en": "Result", "hi": "परिणाम"},
    "upload_col_reason": {"en": "Reason", "hi": "कारण"},
    "upload_status_loaded": {"en": "loaded", "hi": "लोड हुई"},
    "upload_status_skipped": {"en": "unchanged, skipped", "hi": "अपरिवर्तित, छोड़ी गई"},
    "upload_status_rejected": {"en": "rejected whole", "hi": "पूरी अस्वीकृत"},
    "upload_status_ignored": {"en": "not an input", "hi": "इनपुट नहीं"},
    "upload_status_refused": {"en": "refused, not saved", "hi": "अस्वीकार, सहेजी नहीं गई"},
    "upload_refused_empty": {"en": "the file is empty", "hi": "फ़ाइल खाली है"},
    "upload_refused_too_big": {
        "en": "larger than the upload limit ({detail} bytes)",
        "hi": "अपलोड सीमा से बड़ी ({detail} बाइट)",
    },
    "upload_refused_type": {
        "en": "type {detail} is not taken: only .csv, .xlsx, .txt and .zip",
        "hi": "{detail} प्रकार स्वीकार नहीं: केवल .csv, .xlsx, .txt और .zip",
    },
    "upload_refused_not_zip": {
        "en": "named .zip but not a readable zip {detail}",
        "hi": "नाम .zip है पर यह पढ़ने योग्य ज़िप नहीं {detail}",
    },
    "upload_refused_not_xlsx": {
        "en": "named .xlsx but not an Excel workbook {detail}",
        "hi": "नाम .xlsx है पर यह एक्सेल वर्कबुक नहीं {detail}",
    },
    "upload_refused_not_text": {
        "en": "not text in UTF-8 (or UTF-16 with a byte-order mark); save as 'CSV UTF-8'",
        "hi": "UTF-8 (या BOM सहित UTF-16) टेक्स्ट नहीं; 'CSV UTF-8' के रूप में सहेजें",
    },
    "upload_refused_zip_members": {
        "en": "the zip holds too many files ({detail})",
        "hi": "ज़िप में बहुत अधिक फ़ाइलें हैं ({detail})",
    },
    "upload_refused_zip_path": {
        "en": "the zip holds paths that leave its folder (absolute or '..'): {detail}",
        "hi": "ज़िप में फ़ोल्डर से बाहर जाने वाले पथ हैं (पूर्ण या '..'): {detail}",
    },
    "upload_refused_zip_link": {
        "en": "the zip holds symbolic links: {detail}",
        "hi": "ज़िप में सिम्बॉलिक लिंक हैं: {detail}",
    },
    "upload_refused_zip_size": {
        "en": "the zip unpacks to more than the limit ({detail} bytes)",
        "hi": "ज़िप खुलने पर सीमा से बड़ी है ({detail} बाइट)",
    },
    "upload_refused_zip_bomb": {
        "en": "a file in the zip unpacks to far more than it stores (zip bomb): {detail}",
        "hi": "ज़िप की एक फ़ाइल अपने आकार से कहीं अधिक खुलती है (ज़िप बम): {detail}",
    },
}
