"""Texts of the demo's WhatsApp exports: each layout's system lines and markers, and what
people write (notices, replies, public posts, greetings), in English and Hindi."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LQ, RQ = "\u201c", "\u201d"  # iOS quotes the group name with curly quotes

ENCRYPTED_ANDROID = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp,"
    " can read or listen to them. Tap to learn more."
)
ENCRYPTED_IOS = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp,"
    " can read or listen to them."
)
ENCRYPTED_HI = "संदेश और कॉल एंड-टू-एंड एन्क्रिप्टेड हैं।"
MEDIA_ANDROID = "<Media omitted>"
MEDIA_HI = "<मीडिया के बिना>"
MEDIA_IOS = ("image omitted", "image omitted", "image omitted", "video omitted", "sticker omitted")
DELETED_ANDROID = "This message was deleted"
DELETED_IOS = "This message was deleted."
DELETED_HI = "यह संदेश हटा दिया गया"

# Police notices, by language; {place} and {place_hi} are the group's unit.
NOTICES_EN = (
    "Traffic advisory: due to the Durga Puja procession, vehicles will be diverted from {place}"
    " Chowk to Station Road from 4 pm to 10 pm today. Kindly cooperate.",
    "*Traffic diversion*\nMain road near {place} market closed for repair work tomorrow 8 am to"
    " 2 pm.\nPlease use the bypass road.",
    "Missing person appeal: boy aged 12 years, blue shirt, missing from {place} since yesterday"
    " evening. If seen, inform {place} Thana or dial 112.",
    "Beware of cyber fraud! Police never ask for OTP or bank details on call. Report fraud on 1930"
    " or cybercrime.gov.in",
    "Do not click unknown links about KYC update or electricity bill disconnection.\nSuch messages"
    " are fraud. Call 1930 at once if money is debited.",
    "Chhath Puja arrangements: barricading and lighting at all ghats in {place}.\nVolunteers please"
    " report at the thana at 3 pm.",
    "Peace committee meeting at {place} Thana on Sunday 11 am regarding Durga Puja and Diwali.\nAll"
    " members are requested to attend.",
    "Dial 112 for any emergency. Police will reach you.",
    "Liquor is banned in Bihar. Give information about illegal liquor sale to the SHO, your name"
    " will be kept secret.",
    "Night patrolling increased in {place} market area during festival season.",
)
NOTICES_HI = (
    "यातायात सूचना: दुर्गा पूजा विसर्जन जुलूस के कारण आज शाम 4 बजे से {place_hi} चौक से स्टेशन रोड"
    " की ओर वाहनों का मार्ग परिवर्तित रहेगा।",
    "गुमशुदा की तलाश:\nनाम - सोनू कुमार, उम्र 14 वर्ष\nकल शाम से {place_hi} से लापता। सूचना मिलने पर"
    " थाना या 112 पर संपर्क करें।",
    "साइबर ठगी से सावधान! कोई भी बैंक अधिकारी फोन पर OTP नहीं मांगता। ठगी होने पर तुरंत 1930 पर कॉल करें।",
    "छठ महापर्व को लेकर सभी घाटों पर पुलिस बल की तैनाती की गई है।\nश्रद्धालु प्रशासन का सहयोग करें।",
    "दीपावली पर पटाखे की दुकानें केवल चिन्हित स्थान पर ही लगेंगी। बिना लाइसेंस बिक्री पर कार्रवाई होगी।",
    "शांति समिति की बैठक रविवार को सुबह 11 बजे {place_hi} थाना परिसर में होगी। सभी सदस्य उपस्थित रहें।",
    "शराब की अवैध बिक्री की सूचना थानाध्यक्ष को दें, सूचना देने वाले का नाम गुप्त रखा जाएगा।",
    "किसी भी आपात स्थिति में 112 डायल करें।",
)
REPLIES_EN = (
    "Noted. Patrol team sent.",
    "Please come to the thana with a written application.",
    "Team is on the way.",
    "Thank you for the information. Action will be taken.",
    "Yes, this is fraud. Do not share OTP. Call 1930.",
    "Jam cleared. Thanks for informing.",
    "Please share your number, our officer will call you.",
    "Ok",
)
REPLIES_HI = (
    "संज्ञान में लिया गया है, टीम भेजी जा रही है।",
    "कृपया थाने पर आकर आवेदन दें।",
    "सूचना के लिए धन्यवाद, कार्रवाई की जाएगी।",
    "जी हाँ, यह फ्रॉड है। OTP किसी को न बताएं।",
    "जाम हटा दिया गया है।",
    "गश्ती दल को निर्देशित किया गया है।",
)
PUBLIC_EN = (
    "Road blocked near market since morning, please send someone",
    "Sir, street light not working near {place} school, chain snatching risk in the evening",
    "Sir my mobile was stolen at {place} bus stand today. What to do?",
    "Received a call asking for OTP in the name of the bank. Is this fraud?",
    "Loud DJ playing after 11 pm near {place} chowk, please look into it",
    "Sir truck parked on the road near the bridge, jam since 1 hour",
    "Bike stolen from outside my shop in {place} market.\nHero Splendor, black colour.\nPlease help"
    " sir",
    "Thank you sir 🙏",
    "Ok sir",
    "Very good work by {place} police 👏",
    "Sir kal meeting kitne baje hai?",
    "Sir {place} mor pe jam laga hai",
    "Sir FIR online kaise darj kare?",
)
PUBLIC_HI = (
    "चोरी की शिकायत: मेरी दुकान का ताला तोड़कर चोरी हुई है सर, कृपया मदद करें",
    "सर {place_hi} बाजार के पास सड़क जाम है",
    "सर रात में गश्ती बढ़ाई जाए, मोहल्ले में संदिग्ध लोग घूम रहे हैं",
    "मेरे खाते से 20 हजार रुपये कट गए, किसी ने लिंक भेजा था\nकृपया मदद करें",
    "सर गाँव में शराब बिक रही है, कार्रवाई करें",
    "बिजली विभाग के नाम से फ़ोन आया था, क्या यह फ्रॉड है?",
    "धन्यवाद सर",
    "जी सर",
    "बहुत अच्छा काम सर 👍",
)
# Noise: greetings by time of day, chain forwards, emoji only.
MORNING = (
    "Good morning 🌹",
    "Good morning",
    "Good Morning all 🙏",
    "सुप्रभात",
    "सुप्रभात 🌞🙏",
    "शुभ प्रभात",
    "Suprabhat sir",
    "जय श्री राम",
    "Jai Shri Ram 🚩",
    "राधे राधे",
)
NIGHT = ("Good night", "Good night 🌙", "शुभ रात्रि", "शुभ रात्रि 🙏", "Gn all")
ANYTIME = (
    "जय श्री राम",
    "जय हिंद 🇮🇳",
    "🙏",
    "🙏🙏🙏",
    "👍",
    "🌹🌹🌹",
    "👌👌",
    "😂😂",
    "🇮🇳🇮🇳",
    "Happy Dussehra to all 🙏",
    "*Forwarded as received*\nसभी भाइयों से निवेदन है कि यह संदेश कम से कम 10 ग्रुप में भेजें।\nभेजने"
    " वाले का कल्याण होगा 🙏",
    "Forwarded many times\nVery important!! From tomorrow all WhatsApp calls will be recorded. Do"
    " not send any political message.\nShare with all groups.",
    "*Forwarded*\n🌺 जीवन में सफल होना है तो सुबह जल्दी उठें, माता-पिता की सेवा करें 🌺\nसुप्रभात 🙏",
    "Forward this message to all your contacts. Government is giving free recharge of Rs 239 for"
    " 3 months. Click: bit.ly/free-recharge-2026",
    "Forwarded many times\nआज रात 12 बजे से 3 बजे तक मोबाइल बंद रखें, अंतरिक्ष से खतरनाक किरणें"
    " आएंगी।\nसभी को बताएं।",
)


@dataclass(frozen=True)
class Phrases:
    """System lines and markers of one layout; None where the layout writes no such line."""

    encrypted: str
    media: tuple[str, ...]
    deleted: str
    created: str | None  # {actor} {name}
    added: str  # {actor} {subjects}
    added_max: int  # most subjects in one "added" line
    joined: str  # {subject}
    left: str
    removed: str  # {actor} {subject}
    subject: str | None  # {actor} {old} {new}
    icon: str | None
    and_word: str
    admin_made: str | None = None  # {subject}
    pinned: str | None = None  # {actor}
    security: str | None = None  # {subject}
    disappearing: str | None = None  # {actor}
    admin_dismissed: str | None = None  # {subject}
    settings: str | None = None  # {actor}


PHRASES_EN = Phrases(
    encrypted=ENCRYPTED_ANDROID,
    media=(MEDIA_ANDROID,),
    deleted=DELETED_ANDROID,
    created='{actor} created group "{name}"',
    added="{actor} added {subjects}",
    added_max=6,
    joined="{subject} joined using this group's invite link",
    left="{subject} left",
    removed="{actor} removed {subject}",
    subject='{actor} changed the subject from "{old}" to "{new}"',
    icon="{actor} changed this group's icon",
    and_word="and",
)
PHRASES = {
    "android": PHRASES_EN,
    "android24": PHRASES_EN,
    "ios": Phrases(
        encrypted=ENCRYPTED_IOS,
        media=MEDIA_IOS,
        deleted=DELETED_IOS,
        created="{actor} created group " + LQ + "{name}" + RQ,
        added=PHRASES_EN.added,
        added_max=6,
        joined=PHRASES_EN.joined,
        left=PHRASES_EN.left,
        removed=PHRASES_EN.removed,
        subject=f"{{actor}} changed the subject from {LQ}{{old}}{RQ} to {LQ}{{new}}{RQ}",
        icon=PHRASES_EN.icon,
        and_word="and",
    ),
    # Hindi phone locale: only the phrasings of the corpus sample (no created/subject/icon lines).
    "android_hi": Phrases(
        encrypted=ENCRYPTED_HI,
        media=(MEDIA_HI,),
        deleted=DELETED_HI,
        created=None,
        added="{actor} ने {subjects} को जोड़ा",
        added_max=2,
        joined="{subject} इस ग्रुप के इनवाइट लिंक से जुड़े",
        left="{subject} ने ग्रुप छोड़ दिया",
        removed="{actor} ने {subject} को हटाया",
        subject=None,
        icon=None,
        and_word="और",
    ),
}


def subjects_text(names: Sequence[str], and_word: str) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"
