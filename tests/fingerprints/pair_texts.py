"""The made-up texts of `make_pairs`: base messages in English and Hindi, the markers, emoji
and lines their copies gain, directive templates with their slots, short everyday messages and
pairs on one topic in other words. Every text is made up for the tests (no real order, person
or number).
"""

BASES_EN = [
    "All SHOs are directed to ensure night patrolling in their areas from 10 PM to 4 AM.\n"
    "Beat constables will report to the thana by 9:30 PM.\nSP City",
    "Beware of fake calls claiming to be from the electricity department asking you to pay "
    "an overdue bill at once. The department never asks for payment on WhatsApp.",
    "Children are being kidnapped by a gang in a white van near schools. Please keep your "
    "children safe and share this message with everyone.",
    "Traffic advisory: the road from the railway station to the collectorate will remain "
    "closed for the procession on Sunday. Please use the bypass road.\nTraffic Police",
    "No police officer will ever ask you for an OTP. If someone calls asking for one, hang up "
    "and dial 1930 to report the cyber fraud.",
    "The meeting of all circle officers with the SP is fixed at the police lines conference "
    "hall. Attendance is compulsory.\nReader to SP",
    "Viral message about salt shortage is false. There is enough stock of salt in every "
    "market of the district. Do not buy in panic.\nDistrict Administration",
    "Village defence committee members are requested to share information about any "
    "suspicious person in the village with the beat officer.",
    "Please do not believe rumours about the water supply being poisoned. The water has been "
    "tested and is safe to drink.\nIssued in public interest",
    "Women in distress can call the helpline 112 at any time. A PRV vehicle will reach you "
    "within minutes. Save the number in your phone today.",
    "A video of a fight is being shared as if it happened in our district. It is an old video "
    "from another state. Sharing it will invite legal action.",
    "Digital volunteers are requested to report any objectionable post on social media to the "
    "cyber cell with a screenshot and the link.\nCyber Cell",
    "Registration for the Police Mitra programme is open till the end of the month at every "
    "thana. Bring an identity card and one photograph.",
    "All thana in charges will send the list of history-sheeters of their area to the DCRB "
    "before the crime meeting.\nSP",
    "During the festival, do not leave your house locked and unattended for many days without "
    "telling the beat officer. Inform the thana before travelling.",
    "Loan apps that ask for access to your contacts and photos are used to blackmail people. "
    "Do not install apps from unknown links.",
    "A lost child aged about six years, wearing a red shirt and blue shorts, was found near the "
    "bus stand. The family may contact the town thana.",
    "Strict action will be taken against anyone who spreads communal messages in this group. "
    "Admins must remove such posts at once and inform the thana.",
    "Gram Rakshak members will assemble at the block office for training with their "
    "identity cards. Lunch will be provided.\nCircle Officer",
    "Fake news alert: no curfew has been announced in the district. Markets, schools and "
    "offices will remain open as usual.\nDM and SP",
    "Please keep the area clean around the polling booth and do not allow any gathering within "
    "one hundred metres on the day of voting.",
    "The missing person report form can now be filled online on the state police citizen "
    "portal. No need to visit the thana for the first report.",
    "Suraksha Sakhi members are requested to visit the girls hostels in their area this week "
    "and note any complaint about safety.",
    "Drivers of school vans must carry their licence and the permit of the vehicle. Checking "
    "will be done from Monday near all schools.\nTraffic Police",
]

BASES_HI = [
    "सभी थानाध्यक्ष अपने क्षेत्र में रात्रि गश्त सुनिश्चित करें।\n"
    "बीट सिपाही रात नौ बजे तक थाने पर उपस्थित रहेंगे।\nपुलिस अधीक्षक",
    "बिजली विभाग के नाम से आने वाले फर्जी कॉल से सावधान रहें। विभाग कभी भी व्हाट्सऐप पर "
    "बिल जमा करने को नहीं कहता।",
    "स्कूलों के पास सफेद वैन में बच्चा चोर गिरोह घूम रहा है। अपने बच्चों का ध्यान रखें और यह संदेश सभी को भेजें।",
    "यातायात सूचना: रविवार को जुलूस के कारण स्टेशन से कचहरी तक का रास्ता बंद रहेगा। कृपया "
    "बाईपास का प्रयोग करें।\nयातायात पुलिस",
    "कोई भी पुलिस अधिकारी आपसे ओटीपी नहीं माँगेगा। ऐसा कॉल आने पर फोन काट दें और साइबर "
    "ठगी की सूचना 1930 पर दें।",
    "पुलिस अधीक्षक के साथ सभी अंचल अधिकारियों की बैठक पुलिस लाइन सभागार में होगी। उपस्थिति "
    "अनिवार्य है।\nवाचक, पुलिस अधीक्षक",
    "नमक की कमी का वायरल संदेश झूठा है। जिले के हर बाज़ार में नमक का पर्याप्त भंडार है। "
    "घबराकर खरीदारी न करें।\nजिला प्रशासन",
    "ग्राम रक्षा दल के सदस्य गाँव में किसी भी संदिग्ध व्यक्ति की सूचना बीट अधिकारी को दें।",
    "पानी की टंकी में ज़हर मिलाने की अफ़वाह पर विश्वास न करें। पानी की जाँच हो चुकी है और "
    "यह पीने योग्य है।\nजनहित में जारी",
    "संकट में महिलाएँ किसी भी समय 112 पर कॉल करें। पीआरवी वाहन कुछ ही मिनटों में पहुँचेगा। "
    "यह नंबर आज ही अपने फोन में सेव करें।",
    "मारपीट का एक वीडियो हमारे जिले का बताकर फैलाया जा रहा है। यह दूसरे राज्य का पुराना "
    "वीडियो है। इसे फैलाने पर कानूनी कार्रवाई होगी।",
    "डिजिटल वॉलंटियर सोशल मीडिया पर कोई भी आपत्तिजनक पोस्ट दिखने पर स्क्रीनशॉट और लिंक के "
    "साथ साइबर सेल को सूचित करें।\nसाइबर सेल",
    "पुलिस मित्र कार्यक्रम का पंजीकरण महीने के अंत तक हर थाने पर खुला है। पहचान पत्र और एक फोटो साथ लाएँ।",
    "सभी थाना प्रभारी अपने क्षेत्र के हिस्ट्रीशीटरों की सूची अपराध गोष्ठी से पहले डीसीआरबी को भेजें।\nपुलिस अधीक्षक",
    "त्योहार में घर को कई दिनों तक बंद छोड़कर जाने से पहले बीट अधिकारी को बताएँ। यात्रा से पहले थाने को सूचना दें।",
    "जो लोन ऐप आपके संपर्क और फोटो की अनुमति माँगते हैं, उनसे लोगों को ब्लैकमेल किया जाता है। "
    "अनजान लिंक से ऐप न डालें।",
    "लगभग छह वर्ष का एक बच्चा, लाल कमीज़ और नीली निकर पहने, बस अड्डे के पास मिला है। "
    "परिजन नगर थाने से संपर्क करें।",
    "इस ग्रुप में सांप्रदायिक संदेश फैलाने वाले पर सख्त कार्रवाई होगी। एडमिन ऐसी पोस्ट तुरंत "
    "हटाएँ और थाने को सूचित करें।",
    "ग्राम रक्षक दल के सदस्य प्रशिक्षण के लिए अपने पहचान पत्र के साथ प्रखंड कार्यालय पर "
    "एकत्र होंगे। भोजन की व्यवस्था रहेगी।\nअंचल अधिकारी",
    "फर्जी खबर: जिले में कोई कर्फ्यू घोषित नहीं हुआ है। बाज़ार, स्कूल और दफ़्तर सामान्य रूप "
    "से खुले रहेंगे।\nजिलाधिकारी एवं पुलिस अधीक्षक",
    "मतदान के दिन मतदान केंद्र के सौ मीटर के भीतर कोई भीड़ न लगने दें और आसपास सफाई रखें।",
    "गुमशुदगी की रिपोर्ट अब राज्य पुलिस के नागरिक पोर्टल पर ऑनलाइन भरी जा सकती है। पहली "
    "रिपोर्ट के लिए थाने आने की ज़रूरत नहीं।",
    "सुरक्षा सखी सदस्य इस सप्ताह अपने क्षेत्र के बालिका छात्रावासों में जाकर सुरक्षा संबंधी शिकायतें नोट करें।",
    "स्कूल वैन चालक अपना लाइसेंस और वाहन का परमिट साथ रखें। सोमवार से सभी स्कूलों के पास "
    "जाँच होगी।\nयातायात पुलिस",
]

EMOJI = ["🙏", "🚨", "⚠️", "👉", "🇮🇳", "‼️", "📢", "🙏🏽", "👍🏻", "🔴"]
MARKERS = [
    "*Important*\n",
    "Forwarded\n",
    "*IMPORTANT* ",
    "Forwarded as received\n",
    "🚨 *URGENT* 🚨\n",
    "*अति आवश्यक*\n",
    "अति आवश्यक!! ",
    "_जरूरी सूचना_\n",
    "*महत्वपूर्ण* 📢\n",
    "Fwd: ",
]
LINES_EN = [
    "Please share in all groups.",
    "Jai Hind",
    "Forward to all members of your group.",
    "Received from SP office.",
    "Kindly comply.",
]
LINES_HI = [
    "सभी ग्रुप में भेजें।",
    "जय हिन्द",
    "अपने ग्रुप के सभी सदस्यों को भेजें।",
    "पुलिस अधीक्षक कार्यालय से प्राप्त।",
    "अनुपालन सुनिश्चित करें।",
]
MATRAS = "ािीुूेैोौ"

# Different directives of one template: the same words around other content.
TEMPLATES_EN = [
    (
        "Duty order: {name} and four constables will be on duty at {place} on {date} from "
        "{time}. Report to the duty officer on arrival.\nReserve Inspector",
        {
            "name": ["SI Ramesh Prasad", "SI Kavita Kumari", "ASI Mohan Lal", "SI Imran Ali"],
            "place": ["Gandhi Maidan", "the railway station", "Kali Mandir", "the bus stand"],
            "date": ["12.03.2026", "15.03.2026", "19.03.2026", "22.03.2026"],
            "time": ["8 AM", "2 PM", "6 AM", "10 PM"],
        },
    ),
    (
        "Meeting notice: the monthly crime meeting of {unit} will be held on {date} at {time} "
        "in {place}. All officers must bring their pending case files.",
        {
            "unit": ["Sadar circle", "Town circle", "Rural circle", "Sadar subdivision"],
            "date": ["5 April", "9 April", "14 April", "28 April"],
            "time": ["11 AM", "3 PM", "10 AM", "4 PM"],
            "place": ["the SP office", "the police lines", "the circle office", "the DM hall"],
        },
    ),
    (
        "Missing person: {name}, aged {age}, last seen near {place} wearing {clothes}. "
        "Anyone with information may call the thana.",
        {
            "name": ["Sonu Kumar", "Priya Devi", "Raju Yadav", "Anita Kumari"],
            "age": ["14 years", "22 years", "9 years", "65 years"],
            "place": ["the vegetable market", "the canal bridge", "the temple", "the school"],
            "clothes": ["a green kurta", "a black jacket", "a yellow frock", "a white shirt"],
        },
    ),
    (
        "Traffic diversion on {date}: heavy vehicles will not enter the city from {road} "
        "between {time}. They will use {other} instead.",
        {
            "date": ["Monday", "Friday", "1 May", "26 January"],
            "road": ["the Patna road", "the old bridge", "the highway gate", "the station road"],
            "time": ["6 AM and 10 PM", "8 AM and noon", "2 PM and 9 PM", "5 AM and 11 AM"],
            "other": ["the ring road", "the new bridge", "the bypass", "the canal road"],
        },
    ),
    (
        "Leave of {name} is sanctioned from {start} to {end}. {other} will hold charge of "
        "{unit} during this period.\nSP",
        {
            "name": ["SHO Kotwali", "SHO Sadar", "OP in charge Rampur", "SHO Mahila thana"],
            "start": ["3 June", "10 June", "17 June", "24 June"],
            "end": ["7 June", "14 June", "21 June", "28 June"],
            "other": ["SI Verma", "SI Khan", "SI Das", "SI Mishra"],
            "unit": ["the thana", "the outpost", "the police station", "the women thana"],
        },
    ),
]

TEMPLATES_HI = [
    (
        "ड्यूटी आदेश: {name} चार सिपाहियों के साथ दिनांक {date} को {time} से {place} पर ड्यूटी "
        "पर रहेंगे। पहुँचकर ड्यूटी अधिकारी को सूचित करें।\nआरक्षी निरीक्षक",
        {
            "name": [
                "उपनिरीक्षक रमेश प्रसाद",
                "उपनिरीक्षक कविता कुमारी",
                "सहायक उपनिरीक्षक मोहन लाल",
                "उपनिरीक्षक इमरान अली",
            ],
            "date": ["12.03.2026", "15.03.2026", "19.03.2026", "22.03.2026"],
            "time": ["सुबह आठ बजे", "दोपहर दो बजे", "सुबह छह बजे", "रात दस बजे"],
            "place": ["गांधी मैदान", "रेलवे स्टेशन", "काली मंदिर", "बस अड्डा"],
        },
    ),
    (
        "बैठक सूचना: {unit} की मासिक अपराध गोष्ठी {date} को {time} {place} में होगी। सभी "
        "अधिकारी लंबित कांड की संचिका साथ लाएँ।",
        {
            "unit": ["सदर अंचल", "नगर अंचल", "ग्रामीण अंचल", "सदर अनुमंडल"],
            "date": ["पाँच अप्रैल", "नौ अप्रैल", "चौदह अप्रैल", "अट्ठाईस अप्रैल"],
            "time": ["ग्यारह बजे", "तीन बजे", "दस बजे", "चार बजे"],
            "place": ["पुलिस अधीक्षक कार्यालय", "पुलिस लाइन", "अंचल कार्यालय", "समाहरणालय सभागार"],
        },
    ),
    (
        "गुमशुदा: {name}, उम्र {age}, {place} के पास {clothes} पहने अंतिम बार देखे गए। "
        "सूचना मिलने पर थाने को बताएँ।",
        {
            "name": ["सोनू कुमार", "प्रिया देवी", "राजू यादव", "अनीता कुमारी"],
            "age": ["चौदह वर्ष", "बाईस वर्ष", "नौ वर्ष", "पैंसठ वर्ष"],
            "place": ["सब्ज़ी मंडी", "नहर पुल", "मंदिर", "स्कूल"],
            "clothes": ["हरा कुर्ता", "काली जैकेट", "पीली फ्रॉक", "सफेद कमीज़"],
        },
    ),
    (
        "यातायात परिवर्तन {date}: {road} से भारी वाहन {time} के बीच शहर में प्रवेश नहीं करेंगे। "
        "वे {other} का प्रयोग करेंगे।",
        {
            "date": ["सोमवार", "शुक्रवार", "एक मई", "छब्बीस जनवरी"],
            "road": ["पटना रोड", "पुराने पुल", "हाईवे गेट", "स्टेशन रोड"],
            "time": [
                "सुबह छह और रात दस",
                "सुबह आठ और दोपहर बारह",
                "दोपहर दो और रात नौ",
                "सुबह पाँच और ग्यारह",
            ],
            "other": ["रिंग रोड", "नए पुल", "बाईपास", "नहर रोड"],
        },
    ),
    (
        "{name} का अवकाश {start} से {end} तक स्वीकृत है। इस अवधि में {other} {unit} का प्रभार "
        "संभालेंगे।\nपुलिस अधीक्षक",
        {
            "name": ["थानाध्यक्ष कोतवाली", "थानाध्यक्ष सदर", "ओपी प्रभारी रामपुर", "थानाध्यक्ष महिला थाना"],
            "start": ["तीन जून", "दस जून", "सत्रह जून", "चौबीस जून"],
            "end": ["सात जून", "चौदह जून", "इक्कीस जून", "अट्ठाईस जून"],
            "other": ["उपनिरीक्षक वर्मा", "उपनिरीक्षक खान", "उपनिरीक्षक दास", "उपनिरीक्षक मिश्र"],
            "unit": ["थाने", "ओपी", "पुलिस स्टेशन", "महिला थाने"],
        },
    ),
]

SHORT = [
    ("Good morning sir", "Good morning sir ji"),
    ("Ok sir noted", "ok sir, noted 👍"),
    ("Jai Hind sir", "Jai Hind 🇮🇳"),
    ("जय हिन्द सर", "जय हिंद सर जी"),
    ("सुप्रभात सर", "सुप्रभात 🙏"),
    ("Happy Holi to all", "Happy Holi to all members"),
    ("ठीक है सर", "जी सर ठीक है"),
    ("Yes sir", "Yes sir done"),
    ("Thank you sir", "Thanks sir 🙏"),
    ("धन्यवाद सर", "धन्यवाद सर जी 🙏"),
    ("Report sent sir", "Report sent to office"),
    ("Present sir", "present sir, on duty"),
    ("शुभ रात्रि सभी को", "शुभ रात्रि सर"),
    ("Happy Diwali everyone", "Happy Diwali to you all"),
    ("Done sir", "Done sir 👍🏻"),
]

# Same topic, other words: a rumour and its rebuttal, two advisories on one subject.
SAME_TOPIC = [
    (
        "Children are being kidnapped by a gang in a white van near schools. Please keep your "
        "children safe and share this message with everyone.",
        "The message about a child-lifting gang in a white van is false. No such incident has "
        "been reported in the district. Do not beat strangers on suspicion.",
    ),
    (
        "Beware of fake calls claiming to be from the electricity department asking you to pay "
        "an overdue bill at once. The department never asks for payment on WhatsApp.",
        "Cyber criminals send SMS saying your power will be cut tonight. Never call the number "
        "in such a message or share card details.",
    ),
    (
        "Women in distress can call the helpline 112 at any time. A PRV vehicle will reach you "
        "within minutes. Save the number in your phone today.",
        "Dial 112 for police, fire or ambulance. One number for every emergency, answered day "
        "and night by the emergency response centre.",
    ),
    (
        "Viral message about salt shortage is false. There is enough stock of salt in every "
        "market of the district. Do not buy in panic.\nDistrict Administration",
        "Hoarding of essential goods is a crime. Traders found selling salt or sugar above the "
        "printed price will face action under the law.",
    ),
    (
        "Traffic advisory: the road from the railway station to the collectorate will remain "
        "closed for the procession on Sunday. Please use the bypass road.\nTraffic Police",
        "The procession on Sunday will start from the collectorate at noon. Volunteers should "
        "reach the starting point by eleven with their badges.",
    ),
    (
        "Loan apps that ask for access to your contacts and photos are used to blackmail people. "
        "Do not install apps from unknown links.",
        "If a loan app is threatening you with morphed photos, do not pay. Report it on the "
        "cyber crime portal or call 1930 at once.",
    ),
    (
        "No police officer will ever ask you for an OTP. If someone calls asking for one, hang up "
        "and dial 1930 to report the cyber fraud.",
        "Bank officials never ask for your PIN or OTP on a call. Keep your debit card details to "
        "yourself and check every SMS before you act.",
    ),
    (
        "During the festival, do not leave your house locked and unattended for many days without "
        "telling the beat officer. Inform the thana before travelling.",
        "Thefts rise during the festival season. Use good locks, keep jewellery in the bank "
        "locker and ask a neighbour to watch your house.",
    ),
    (
        "स्कूलों के पास सफेद वैन में बच्चा चोर गिरोह घूम रहा है। अपने बच्चों का ध्यान रखें और यह संदेश सभी को भेजें।",
        "सफेद वैन में बच्चा चोर गिरोह वाली खबर झूठी है। जिले में ऐसी कोई घटना नहीं हुई है। शक के "
        "आधार पर किसी को न पीटें।",
    ),
    (
        "बिजली विभाग के नाम से आने वाले फर्जी कॉल से सावधान रहें। विभाग कभी भी व्हाट्सऐप पर "
        "बिल जमा करने को नहीं कहता।",
        "साइबर ठग आज रात बिजली कटने का मैसेज भेजते हैं। ऐसे मैसेज में दिए नंबर पर कभी कॉल न करें "
        "और कार्ड की जानकारी न दें।",
    ),
    (
        "संकट में महिलाएँ किसी भी समय 112 पर कॉल करें। पीआरवी वाहन कुछ ही मिनटों में पहुँचेगा। "
        "यह नंबर आज ही अपने फोन में सेव करें।",
        "पुलिस, दमकल या एम्बुलेंस के लिए 112 डायल करें। हर आपात स्थिति के लिए एक ही नंबर, दिन-रात चालू।",
    ),
    (
        "नमक की कमी का वायरल संदेश झूठा है। जिले के हर बाज़ार में नमक का पर्याप्त भंडार है। "
        "घबराकर खरीदारी न करें।\nजिला प्रशासन",
        "आवश्यक वस्तुओं की जमाखोरी अपराध है। छपे मूल्य से अधिक पर नमक या चीनी बेचने वाले "
        "व्यापारियों पर कार्रवाई होगी।",
    ),
    (
        "यातायात सूचना: रविवार को जुलूस के कारण स्टेशन से कचहरी तक का रास्ता बंद रहेगा। कृपया "
        "बाईपास का प्रयोग करें।\nयातायात पुलिस",
        "रविवार का जुलूस दोपहर बारह बजे कचहरी से निकलेगा। स्वयंसेवक अपने बैज के साथ ग्यारह बजे तक पहुँचें।",
    ),
    (
        "जो लोन ऐप आपके संपर्क और फोटो की अनुमति माँगते हैं, उनसे लोगों को ब्लैकमेल किया जाता है। "
        "अनजान लिंक से ऐप न डालें।",
        "अगर कोई लोन ऐप बदली हुई फोटो से धमका रहा है तो पैसे न दें। साइबर अपराध पोर्टल पर शिकायत "
        "करें या तुरंत 1930 पर कॉल करें।",
    ),
    (
        "कोई भी पुलिस अधिकारी आपसे ओटीपी नहीं माँगेगा। ऐसा कॉल आने पर फोन काट दें और साइबर "
        "ठगी की सूचना 1930 पर दें।",
        "बैंक अधिकारी कभी फोन पर पिन या ओटीपी नहीं पूछते। अपने डेबिट कार्ड की जानकारी किसी को न "
        "दें और हर मैसेज को ध्यान से पढ़ें।",
    ),
    (
        "त्योहार में घर को कई दिनों तक बंद छोड़कर जाने से पहले बीट अधिकारी को बताएँ। यात्रा से "
        "पहले थाने को सूचना दें।",
        "त्योहार के मौसम में चोरी बढ़ जाती है। अच्छे ताले लगाएँ, गहने बैंक लॉकर में रखें और पड़ोसी "
        "से घर पर नज़र रखने को कहें।",
    ),
]
