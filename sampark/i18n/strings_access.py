"""Strings for sign-in, roles, scope, masking, alert details and the audit page."""

from __future__ import annotations

# ruff: noqa: E501  (one sentence per line reads better than a string split mid-phrase)

STRINGS: dict[str, dict[str, str]] = {
    "auth_title": {"en": "Sampark — sign in", "hi": "संपर्क — साइन इन"},
    "auth_intro": {
        "en": "Member lists and alerts hold confidential personal data. Sign in with the account the administrator gave you.",
        "hi": "सदस्य सूचियों और अलर्ट में गोपनीय व्यक्तिगत जानकारी है। व्यवस्थापक द्वारा दिए गए खाते से साइन इन करें।",
    },
    "auth_username": {"en": "Username", "hi": "उपयोगकर्ता नाम"},
    "auth_password": {"en": "Password", "hi": "पासवर्ड"},
    "auth_sign_in": {"en": "Sign in", "hi": "साइन इन"},
    "auth_sign_out": {"en": "Sign out", "hi": "साइन आउट"},
    "auth_expired": {
        "en": "Your session ended (idle too long or signed in too long ago). Please sign in again.",
        "hi": "आपका सत्र समाप्त हो गया (बहुत देर निष्क्रिय या बहुत पहले साइन इन)। कृपया फिर से साइन इन करें।",
    },
    "auth_disabled": {
        "en": "Your account has been disabled. Contact the administrator.",
        "hi": "आपका खाता बंद कर दिया गया है। व्यवस्थापक से संपर्क करें।",
    },
    "auth_needed": {"en": "Please sign in first.", "hi": "कृपया पहले साइन इन करें।"},
    "auth_not_allowed": {
        "en": "Your role does not give access to this page.",
        "hi": "आपकी भूमिका को इस पृष्ठ की अनुमति नहीं है।",
    },
    "auth_oidc": {"en": "Sign in with {provider}", "hi": "{provider} से साइन इन करें"},
    "auth_oidc_unknown": {
        "en": "{email} is signed in with the identity provider but has no Sampark account. Ask the administrator to add it.",
        "hi": "{email} पहचान प्रदाता से साइन इन है, परंतु इसका संपर्क खाता नहीं है। व्यवस्थापक से इसे जोड़ने को कहें।",
    },
    "auth_demo_title": {"en": "Demo: enter as a role", "hi": "डेमो: किसी भूमिका के रूप में देखें"},
    "auth_demo_note": {
        "en": "This database holds the synthetic demo state only, so any role may be tried without a password. A real database never offers this.",
        "hi": "इस डेटाबेस में केवल कृत्रिम डेमो डेटा है, इसलिए कोई भी भूमिका बिना पासवर्ड देखी जा सकती है। वास्तविक डेटाबेस पर यह विकल्प नहीं मिलता।",
    },
    "auth_demo_role": {"en": "Role", "hi": "भूमिका"},
    "auth_demo_enter": {"en": "Enter the demo", "hi": "डेमो खोलें"},
    "auth_demo_user": {"en": "Demo {role}", "hi": "डेमो {role}"},
    "auth_demo_badge": {"en": "Demo role (synthetic data)", "hi": "डेमो भूमिका (कृत्रिम डेटा)"},
    "scope_fixed": {"en": "Your scope: {unit}", "hi": "आपका क्षेत्र: {unit}"},
    "access_role_dgp": {"en": "DGP / PHQ", "hi": "डीजीपी / पुलिस मुख्यालय"},
    "access_role_ig": {"en": "Range IG", "hi": "रेंज आईजी"},
    "access_role_sp": {"en": "SP (district)", "hi": "एसपी (जिला)"},
    "access_role_co": {"en": "Circle Officer", "hi": "सर्किल अधिकारी"},
    "access_role_sho": {"en": "SHO (thana)", "hi": "थानाध्यक्ष"},
    "access_role_social": {"en": "Social media cell", "hi": "सोशल मीडिया सेल"},
    "access_role_scrb": {"en": "SCRB helpdesk (alerts)", "hi": "एससीआरबी हेल्पडेस्क (अलर्ट)"},
    "access_role_data_officer": {"en": "Data officer", "hi": "डेटा अधिकारी"},
    "access_role_admin": {"en": "Administrator", "hi": "व्यवस्थापक"},
    "page_audit": {"en": "Audit log", "hi": "ऑडिट लॉग"},
    "audit_title": {"en": "Audit log and accounts", "hi": "ऑडिट लॉग और खाते"},
    "audit_caption": {
        "en": "Who signed in (and who failed), who viewed alert details, who exported what, who took which story step. Newest first; the latest {n} entries.",
        "hi": "किसने साइन इन किया (और कौन विफल रहा), किसने अलर्ट विवरण देखे, किसने क्या निर्यात किया, किसने कहानी का कौन-सा चरण लिया। नवीनतम पहले; अंतिम {n} प्रविष्टियाँ।",
    },
    "audit_action": {"en": "Action", "hi": "कार्य"},
    "audit_actor": {"en": "Who (contains)", "hi": "कौन (शामिल)"},
    "audit_users": {"en": "Accounts", "hi": "खाते"},
    "audit_users_note": {
        "en": "Accounts are managed on the server: python -m sampark users add|disable|enable|reset|list.",
        "hi": "खाते सर्वर पर प्रबंधित होते हैं: python -m sampark users add|disable|enable|reset|list.",
    },
    "alert_details_title": {
        "en": "Open and recent alerts: who to reach",
        "hi": "खुले और हाल के अलर्ट: किससे संपर्क करना है",
    },
    "resp_col_outcome_now": {"en": "Outcome (blank: open)", "hi": "परिणाम (खाली: खुला)"},
    "alert_details_note": {
        "en": "Name, mobile, IP and post of people at risk. Opening this is recorded in the audit log with your name.",
        "hi": "जोखिम वाले व्यक्तियों के नाम, मोबाइल, आईपी और पोस्ट। इसे खोलना आपके नाम से ऑडिट लॉग में दर्ज होता है।",
    },
    "alert_details_show": {"en": "Show the identifying details", "hi": "पहचान विवरण दिखाएँ"},
    "alert_details_none": {
        "en": "No open alert in your scope.",
        "hi": "आपके क्षेत्र में कोई खुला अलर्ट नहीं।",
    },
    "alerts_not_role": {
        "en": "Self-harm alerts are shown only to the roles that act on them (SCRB helpdesk, SP, SHO).",
        "hi": "आत्मघात अलर्ट केवल उन भूमिकाओं को दिखते हैं जो उन पर कार्रवाई करती हैं (एससीआरबी हेल्पडेस्क, एसपी, थानाध्यक्ष)।",
    },
    "resp_col_alert": {"en": "Alert", "hi": "अलर्ट"},
    "resp_col_platform": {"en": "Platform", "hi": "प्लेटफ़ॉर्म"},
    "resp_col_person": {"en": "Person", "hi": "व्यक्ति"},
    "resp_col_mobile": {"en": "Mobile", "hi": "मोबाइल"},
    "resp_col_ip": {"en": "IP address", "hi": "आईपी पता"},
    "resp_col_post": {"en": "Post", "hi": "पोस्ट"},
    "member_col_name": {"en": "Name", "hi": "नाम"},
    "member_col_phone": {"en": "Mobile", "hi": "मोबाइल"},
    "member_col_category": {"en": "Category", "hi": "श्रेणी"},
    "member_col_rank": {"en": "Rank / post", "hi": "पद"},
    "member_col_admin": {"en": "Admin", "hi": "एडमिन"},
    "member_col_joined": {"en": "Joined", "hi": "जुड़े"},
    "members_title": {"en": "Members of {group}", "hi": "{group} के सदस्य"},
    "members_masked": {
        "en": "Phone numbers are masked for your role; the SHO, CO and SP see them in full.",
        "hi": "आपकी भूमिका के लिए फ़ोन नंबर छिपे हैं; थानाध्यक्ष, सीओ और एसपी उन्हें पूरा देखते हैं।",
    },
    "members_open": {"en": "Show the member list of", "hi": "इस समूह की सदस्य सूची दिखाएँ"},
}
