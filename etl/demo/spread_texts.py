"""The demo's planted texts: directives sent down the chain, rumours forwarded across groups and
the police answers to them, in English and Hindi, and the edits a forward makes to a copy.

Every text is written for the demo (no real order, no real rumour). `{place}` is the district's
name, filled per directive so that two districts' copies of one order stay one text."""

from __future__ import annotations

import random

# (English, Hindi): a directive of three or four lines, as the PHQ writes them.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    (
        "All SHOs to ensure foot patrolling near every puja pandal from 6 PM to midnight.\n"
        "Women staff to be posted at each pandal entry.\n"
        "Report compliance to the district control room by 10 PM daily.",
        "सभी थानाध्यक्ष प्रत्येक पूजा पंडाल के पास शाम 6 बजे से मध्यरात्रि तक पैदल गश्त सुनिश्चित करें।\n"
        "हर पंडाल के प्रवेश द्वार पर महिला बल तैनात करें।\n"
        "अनुपालन की सूचना प्रतिदिन रात 10 बजे तक जिला नियंत्रण कक्ष को दें।",
    ),
    (
        "Cyber fraud alert: callers posing as bank officers are asking for OTPs.\n"
        "Every thana group to share the helpline 1930 with the public today.\n"
        "Register every complaint on the portal the same day.",
        "साइबर ठगी चेतावनी: बैंक अधिकारी बनकर फोन करने वाले ओटीपी माँग रहे हैं।\n"
        "हर थाना समूह आज ही जनता के साथ हेल्पलाइन 1930 साझा करे।\n"
        "हर शिकायत उसी दिन पोर्टल पर दर्ज करें।",
    ),
    (
        "Heavy rain warning for the next 48 hours in low lying areas.\n"
        "Keep boats, ropes and the disaster response team ready at every station.\n"
        "Inform the village chowkidars and send a report by evening.",
        "निचले इलाकों में अगले 48 घंटे भारी बारिश की चेतावनी है।\n"
        "हर थाने पर नाव, रस्सी और आपदा राहत दल तैयार रखें।\n"
        "गाँव के चौकीदारों को सूचित करें और शाम तक रिपोर्ट भेजें।",
    ),
    (
        "Road safety week starts Monday: helmet and seat belt checks at every chowk.\n"
        "No challan without a body camera recording.\n"
        "Share the awareness poster in all public groups.",
        "सोमवार से सड़क सुरक्षा सप्ताह: हर चौक पर हेलमेट और सीट बेल्ट की जाँच।\n"
        "बॉडी कैमरा रिकॉर्डिंग के बिना कोई चालान नहीं।\n"
        "जागरूकता पोस्टर सभी सार्वजनिक समूहों में साझा करें।",
    ),
    (
        "Missing child protocol: circulate the photo in every group within one hour.\n"
        "Check bus stands, railway stations and hospitals nearby.\n"
        "Inform the child welfare committee and the control room.",
        "लापता बच्चा प्रोटोकॉल: एक घंटे के भीतर हर समूह में फोटो प्रसारित करें।\n"
        "पास के बस अड्डे, रेलवे स्टेशन और अस्पताल जाँचें।\n"
        "बाल कल्याण समिति और नियंत्रण कक्ष को सूचित करें।",
    ),
    (
        "Election code of conduct is in force from today.\n"
        "Verify all licensed arms and collect them within seven days.\n"
        "Send the list of habitual offenders bound over to the SP office.",
        "आज से चुनाव आचार संहिता लागू है।\n"
        "सभी लाइसेंसी हथियारों का सत्यापन कर सात दिन के भीतर जमा कराएँ।\n"
        "पाबंद किए गए आदतन अपराधियों की सूची एसपी कार्यालय भेजें।",
    ),
    (
        "Night checking drive from 11 PM to 4 AM on all highways this week.\n"
        "Each thana to put two mobile teams with breath analysers.\n"
        "Upload the checking register photos to the group every morning.",
        "इस सप्ताह सभी राजमार्गों पर रात 11 बजे से सुबह 4 बजे तक रात्रि जाँच अभियान।\n"
        "हर थाना ब्रेथ एनालाइज़र के साथ दो मोबाइल टीमें लगाए।\n"
        "जाँच रजिस्टर की फोटो हर सुबह समूह में डालें।",
    ),
    (
        "Exam centres: section 163 orders around every centre during the board exams.\n"
        "Photocopy shops within 200 metres to stay closed.\n"
        "Flying squads to report any paper leak rumour at once.",
        "परीक्षा केंद्र: बोर्ड परीक्षा के दौरान हर केंद्र के आसपास धारा 163 के आदेश।\n"
        "200 मीटर के भीतर फोटोकॉपी की दुकानें बंद रहेंगी।\n"
        "उड़न दस्ते पेपर लीक की किसी भी अफवाह की तुरंत सूचना दें।",
    ),
    (
        "Festival traffic plan for {place}: heavy vehicles barred from the city 8 AM to 10 PM.\n"
        "Diversion boards to be put up at every entry point.\n"
        "Traffic staff to share live updates in the public groups.",
        "{place} के लिए त्योहार यातायात योजना: सुबह 8 से रात 10 बजे तक भारी वाहनों का शहर में प्रवेश बंद।\n"
        "हर प्रवेश बिंदु पर डायवर्जन बोर्ड लगाए जाएँ।\n"
        "यातायात कर्मी सार्वजनिक समूहों में ताज़ा जानकारी साझा करें।",
    ),
    (
        "Verification of tenants and domestic help in {place} to finish by month end.\n"
        "Beat officers to visit every ward with the verification forms.\n"
        "Landlords who refuse are to be noted in the beat book.",
        "{place} में किरायेदारों और घरेलू सहायकों का सत्यापन महीने के अंत तक पूरा करें।\n"
        "बीट अधिकारी सत्यापन फॉर्म के साथ हर वार्ड में जाएँ।\n"
        "मना करने वाले मकान मालिकों का नाम बीट बुक में दर्ज करें।",
    ),
)

# (English, Hindi) rumours, each with its police answer (English, Hindi).
RUMOURS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (
        (
            "Urgent!! A gang of child lifters has come in a white van, they give biscuits "
            "with drugs to children. Do not let children out alone. Forward to all groups",
            "सावधान!! सफेद वैन में बच्चा चोर गिरोह आया है, बच्चों को नशे वाले बिस्कुट देते हैं। "
            "बच्चों को अकेले बाहर न जाने दें। सभी ग्रुप में भेजें",
        ),
        (
            "Police notice: the message about a child lifter gang in a white van is false. "
            "No such case is registered. Do not forward it; call 112 for help.",
            "पुलिस सूचना: सफेद वैन में बच्चा चोर गिरोह वाला संदेश झूठा है। ऐसा कोई मामला दर्ज "
            "नहीं है। इसे आगे न भेजें, मदद के लिए 112 पर कॉल करें।",
        ),
    ),
    (
        (
            "The water tank of the town has been poisoned tonight, do not drink tap water "
            "tomorrow morning. Message from a doctor friend, share fast",
            "आज रात शहर की पानी की टंकी में जहर मिला दिया गया है, कल सुबह नल का पानी न पिएँ। "
            "डॉक्टर मित्र का संदेश है, जल्दी शेयर करें",
        ),
        (
            "Police and the water board checked the tank: the water is safe. The poison "
            "message is a rumour; spreading it is an offence.",
            "पुलिस और जल बोर्ड ने टंकी की जाँच की: पानी सुरक्षित है। जहर वाला संदेश अफवाह है; "
            "इसे फैलाना अपराध है।",
        ),
    ),
    (
        (
            "Banks will be closed for 10 days from Monday and ATMs will run dry, withdraw "
            "all your cash today. Confirmed news from a bank manager",
            "सोमवार से 10 दिन बैंक बंद रहेंगे और एटीएम खाली हो जाएँगे, आज ही सारा पैसा निकाल लें। "
            "बैंक मैनेजर से पक्की खबर",
        ),
        (
            "Banks are open as usual. The ten day bank closure message is fake; please "
            "do not crowd the ATMs.",
            "बैंक सामान्य रूप से खुले हैं। दस दिन बैंक बंदी का संदेश फर्जी है; कृपया एटीएम पर भीड़ न लगाएँ।",
        ),
    ),
    (
        (
            "Exam paper of tomorrow has leaked, pay 500 rupees on this number to get it "
            "before night. Many students already got it, hurry",
            "कल की परीक्षा का पेपर लीक हो गया है, रात से पहले पाने के लिए इस नंबर पर 500 रुपये "
            "भेजें। कई छात्रों को मिल चुका है, जल्दी करें",
        ),
        (
            "The paper leak message is a fraud to take your money. The paper is safe; "
            "report such numbers on 1930.",
            "पेपर लीक का संदेश पैसे ठगने की धोखाधड़ी है। पेपर सुरक्षित है; ऐसे नंबर की शिकायत 1930 पर करें।",
        ),
    ),
    (
        (
            "Stone pelting has started near the main market, all shops are being shut, "
            "stay at home tonight and keep sticks ready. Send to everyone",
            "मुख्य बाजार के पास पथराव शुरू हो गया है, सब दुकानें बंद हो रही हैं, आज रात घर पर "
            "रहें और लाठी तैयार रखें। सबको भेजें",
        ),
        (
            "The market is calm and police are on patrol. The stone pelting message is "
            "false; those who spread it will face action.",
            "बाजार शांत है और पुलिस गश्त पर है। पथराव का संदेश झूठा है; फैलाने वालों पर कार्रवाई होगी।",
        ),
    ),
)

_EMOJI = ("🙏", "‼️", "📢", "🚨", "⚠️", "👮", "✅")
_PREFIXES = ("*Important*", "Forwarded", "*महत्वपूर्ण*", "Forwarded as received")
_ADDED_LINES = (
    "Please comply.",
    "कृपया पालन करें।",
    "Share with all.",
    "सभी को भेजें।",
    "Jai Hind.",
)


def _typo(text: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped, or one dropped, somewhere inside a word."""
    spots = [i for i in range(1, len(text) - 2) if text[i].isalpha() and text[i + 1].isalpha()]
    if not spots:
        return text
    i = rng.choice(spots)
    if rng.random() < 0.5:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + text[i + 1 :]


def _spacing(text: str, rng: random.Random) -> str:
    """A double space after a word, and a trailing space on a line."""
    words = text.split(" ")
    if len(words) > 3:
        i = rng.randrange(1, len(words) - 1)
        words[i] = words[i] + " "
    return " ".join(words).replace("\n", " \n", 1)


def _lines(text: str, rng: random.Random) -> str:
    """A line added at the end, or (a text of three lines or more) the last line cut."""
    lines = text.split("\n")
    if len(lines) >= 3 and rng.random() < 0.5:
        return "\n".join(lines[:-1])
    return text + "\n" + rng.choice(_ADDED_LINES)


def edited_copy(text: str, rng: random.Random) -> str:
    """A forward's copy: none to three of the edits people make (emoji, a prefix, a typo or
    two, a line added or cut, spacing), each kept to what still reads as the same message."""
    out = text
    if rng.random() < 0.3:
        out = _lines(out, rng)
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        out = _typo(out, rng)
    if rng.random() < 0.3:
        out = _spacing(out, rng)
    if rng.random() < 0.35:
        out = f"{rng.choice(_PREFIXES)}\n{out}" if rng.random() < 0.5 else f"{_PREFIXES[0]} {out}"
    if rng.random() < 0.4:
        emoji = rng.choice(_EMOJI) * rng.randint(1, 3)
        out = f"{emoji} {out}" if rng.random() < 0.5 else f"{out} {emoji}"
    return out
