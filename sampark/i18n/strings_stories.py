"""Strings for fixing a story (edit, versions, safe wording), what a standing block withholds,
and the stories that wait (English and Hindi); shown by the Social media cell."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "edit_conflict": {
        "en": "Not saved: {author} saved a new text of this story first, at {time} IST on {date} (version {version}). Your text is still in the form: read their version below, then save again to replace it.",
        "hi": "सहेजा नहीं गया: {author} ने इस कहानी का नया पाठ पहले सहेज लिया, {date} को {time} IST पर (संस्करण {version})। आपका पाठ फ़ॉर्म में अब भी है: नीचे उनका संस्करण पढ़ें, फिर उसे बदलने के लिए दोबारा सहेजें।",
    },
    "brief_waiting_title": {
        "en": "Stories waiting more than a day",
        "hi": "एक दिन से अधिक से रुकी कहानियाँ",
    },
    "brief_waiting_note": {
        "en": "{n} stories have waited more than a day at their step.",
        "hi": "{n} कहानियाँ अपने चरण पर एक दिन से अधिक से रुकी हैं।",
    },
    "brief_waiting_note_one": {
        "en": "1 story has waited more than a day at its step.",
        "hi": "1 कहानी अपने चरण पर एक दिन से अधिक से रुकी है।",
    },
    "brief_waiting_none": {
        "en": "No story has waited more than a day.",
        "hi": "कोई कहानी एक दिन से अधिक से नहीं रुकी।",
    },
    "brief_waiting_step": {"en": "Step", "hi": "चरण"},
    "brief_waiting_count": {"en": "Waiting", "hi": "रुकी"},
    "brief_waiting_oldest": {"en": "Oldest", "hi": "सबसे पुरानी"},
    "waiting_age": {"en": "{days} days {hours} h", "hi": "{days} दिन {hours} घंटे"},
    "waiting_age_one_day": {"en": "1 day {hours} h", "hi": "1 दिन {hours} घंटे"},
    "photos_faces_blurred": {
        "en": "This story concerns a sexual offence or a child: faces are blurred on its photos here too ({n} found). Haar misses turned or small faces: look before posting.",
        "hi": "यह कहानी यौन अपराध या बच्चे से जुड़ी है: यहाँ भी इसकी फ़ोटो पर चेहरे धुंधले किए गए ({n} मिले)। डिटेक्टर मुड़े या छोटे चेहरे छोड़ सकता है: पोस्ट करने से पहले देखें।",
    },
    "photos_left_out": {
        "en": "{n} photos are not shown: this story concerns a sexual offence or a child, and faces on them cannot be blurred here.",
        "hi": "{n} फ़ोटो नहीं दिखाई गईं: यह कहानी यौन अपराध या बच्चे से जुड़ी है, और उन पर चेहरे यहाँ धुंधले नहीं किए जा सकते।",
    },
    "waiting_title": {"en": "Stories waiting more than a day", "hi": "एक दिन से अधिक से रुकी कहानियाँ"},
    "waiting_yours": {
        "en": "{n} stories wait for your action for more than a day.",
        "hi": "{n} कहानियाँ एक दिन से अधिक से आपकी कार्रवाई की प्रतीक्षा में हैं।",
    },
    "waiting_yours_one": {
        "en": "1 story waits for your action for more than a day.",
        "hi": "1 कहानी एक दिन से अधिक से आपकी कार्रवाई की प्रतीक्षा में है।",
    },
    "waiting_none": {
        "en": "No story has waited more than a day for you.",
        "hi": "कोई कहानी एक दिन से अधिक से आपकी प्रतीक्षा में नहीं है।",
    },
    "col_waiting": {"en": "Waiting", "hi": "प्रतीक्षा"},
    "col_waiting_since": {"en": "Since (IST)", "hi": "कब से (IST)"},
    "col_next_action": {"en": "Needs", "hi": "आवश्यक"},
    "next_vet": {"en": "Vetting (CO/SP)", "hi": "जाँच (CO/SP)"},
    "next_approve": {"en": "Approval (social media cell)", "hi": "स्वीकृति (सोशल मीडिया सेल)"},
    "next_post": {"en": "Posting (social media cell)", "hi": "पोस्टिंग (सोशल मीडिया सेल)"},
    "step_edited": {"en": "Text edited", "hi": "पाठ संपादित"},
    "edit_title": {"en": "Fix the story's text", "hi": "कहानी का पाठ सुधारें"},
    "edit_help": {
        "en": "Until approval, the submitter or the vetting officer may change the title and text. Every version is kept and checked by the guard again.",
        "hi": "स्वीकृति तक, भेजने वाले या जाँच करने वाले अधिकारी शीर्षक और पाठ बदल सकते हैं। हर संस्करण रखा जाता है और गार्ड उसे फिर जाँचता है।",
    },
    "edit_save": {"en": "Save the new version", "hi": "नया संस्करण सहेजें"},
    "edit_saved": {
        "en": "Story {id}: version {version} saved; the guard finds {blocks} blocks in it.",
        "hi": "कहानी {id}: संस्करण {version} सहेजा गया; गार्ड को इसमें {blocks} रोक मिलीं।",
    },
    "edit_suggest": {"en": "Suggest a safe wording", "hi": "सुरक्षित शब्द सुझाएँ"},
    "edit_suggested": {
        "en": "The flagged words are replaced with neutral ones in the boxes below. Read them, change what reads wrong, and save only if you accept.",
        "hi": "चिह्नित शब्द नीचे के बॉक्स में तटस्थ शब्दों से बदले गए हैं। इन्हें पढ़ें, जो गलत लगे बदलें, और स्वीकार हो तभी सहेजें।",
    },
    "edit_nothing_to_suggest": {
        "en": "The guard flags nothing to replace.",
        "hi": "गार्ड ने बदलने योग्य कुछ चिह्नित नहीं किया।",
    },
    "versions_title": {"en": "Versions", "hi": "संस्करण"},
    "col_version": {"en": "Version", "hi": "संस्करण"},
    "col_author": {"en": "Written by", "hi": "लेखक"},
    "col_written_at": {"en": "Written at (IST)", "hi": "लिखा गया (IST)"},
    "withheld_drafts": {
        "en": "No drafts while the guard's block stands: fix the text (or record the SHO's or IO's written order) first.",
        "hi": "गार्ड की रोक रहते कोई ड्राफ्ट नहीं: पहले पाठ सुधारें (या SHO/IO का लिखित आदेश दर्ज करें)।",
    },
    "withheld_card": {
        "en": "No card while the guard's block stands.",
        "hi": "गार्ड की रोक रहते कोई कार्ड नहीं।",
    },
    "export_blocked_left_out": {
        "en": "{n} approved stories are left out: the guard blocks them now.",
        "hi": "{n} स्वीकृत कहानियाँ छोड़ी गईं: गार्ड अब उन्हें रोकता है।",
    },
    "wf_vet_reason": {
        "en": "Reason for vetting despite the block",
        "hi": "रोक के बावजूद जाँच का कारण",
    },
    "wf_vet_reason_required": {
        "en": "The guard blocks this story: vetting it needs a reason, which is kept in its history and the audit log.",
        "hi": "गार्ड इस कहानी को रोकता है: इसकी जाँच के लिए कारण आवश्यक है, जो इतिहास और ऑडिट लॉग में रखा जाता है।",
    },
    "wf_edit_not_allowed": {
        "en": "Only the submitter or the vetting officer may edit this story.",
        "hi": "इस कहानी को केवल भेजने वाले या जाँच करने वाले अधिकारी संपादित कर सकते हैं।",
    },
    "wf_edit_unchanged": {
        "en": "Nothing changed: no new version saved.",
        "hi": "कुछ नहीं बदला: कोई नया संस्करण नहीं सहेजा गया।",
    },
    "wf_edit_incomplete": {
        "en": "Each language needs its title and its text together, within the form's limits.",
        "hi": "हर भाषा में शीर्षक और पाठ दोनों, फ़ॉर्म की सीमा के भीतर, आवश्यक हैं।",
    },
}
