"""Police structure of the demo states: ranges and their districts (public facts).

Only data lives here: codes, English and Hindi names. District names are public; every person,
thana and village in the demo is synthetic (see `etl.demo.data.names`). Each range is
(code, English, Hindi, its police districts as (code, English, Hindi)).
"""

from __future__ import annotations

Range = tuple[str, str, str, tuple[tuple[str, str, str], ...]]

# Ranges of Bihar (12 since Aug 2019): code, English, Hindi, and their police districts as
# (code, English, Hindi). The range→district map follows the revenue divisions (see DOMAIN.md).
BIHAR_RANGES: tuple[Range, ...] = (
    (
        "CEN",
        "Central Range",
        "केंद्रीय क्षेत्र",
        (
            ("PAT", "Patna", "पटना"),
            ("NAL", "Nalanda", "नालंदा"),
        ),
    ),
    (
        "SHA",
        "Shahabad Range",
        "शाहाबाद क्षेत्र",
        (
            ("BHO", "Bhojpur", "भोजपुर"),
            ("BUX", "Buxar", "बक्सर"),
            ("ROH", "Rohtas", "रोहतास"),
            ("KAI", "Kaimur", "कैमूर"),
        ),
    ),
    (
        "MAG",
        "Magadh Range",
        "मगध क्षेत्र",
        (
            ("GAY", "Gaya", "गया"),
            ("JEH", "Jehanabad", "जहानाबाद"),
            ("ARW", "Arwal", "अरवल"),
            ("NAW", "Nawada", "नवादा"),
            ("AUR", "Aurangabad", "औरंगाबाद"),
        ),
    ),
    (
        "SAR",
        "Saran Range",
        "सारण क्षेत्र",
        (
            ("SAR", "Saran", "सारण"),
            ("SIW", "Siwan", "सिवान"),
            ("GOP", "Gopalganj", "गोपालगंज"),
        ),
    ),
    (
        "CHA",
        "Champaran Range",
        "चंपारण क्षेत्र",
        (
            ("BET", "Bettiah", "बेतिया"),
            ("BAG", "Bagaha", "बगहा"),
            ("MOT", "Motihari", "मोतिहारी"),
        ),
    ),
    (
        "TIR",
        "Tirhut Range",
        "तिरहुत क्षेत्र",
        (
            ("MUZ", "Muzaffarpur", "मुजफ्फरपुर"),
            ("SIT", "Sitamarhi", "सीतामढ़ी"),
            ("SHE", "Sheohar", "शिवहर"),
            ("VAI", "Vaishali", "वैशाली"),
        ),
    ),
    (
        "MIT",
        "Mithila Range",
        "मिथिला क्षेत्र",
        (
            ("DAR", "Darbhanga", "दरभंगा"),
            ("MAD", "Madhubani", "मधुबनी"),
            ("SAM", "Samastipur", "समस्तीपुर"),
        ),
    ),
    (
        "KOS",
        "Kosi Range",
        "कोसी क्षेत्र",
        (
            ("SAH", "Saharsa", "सहरसा"),
            ("MDP", "Madhepura", "मधेपुरा"),
            ("SUP", "Supaul", "सुपौल"),
        ),
    ),
    (
        "PUR",
        "Purnia Range",
        "पूर्णिया क्षेत्र",
        (
            ("PUR", "Purnia", "पूर्णिया"),
            ("KAT", "Katihar", "कटिहार"),
            ("ARA", "Araria", "अररिया"),
            ("KIS", "Kishanganj", "किशनगंज"),
        ),
    ),
    (
        "EAS",
        "Eastern Range",
        "पूर्वी क्षेत्र",
        (
            ("BHA", "Bhagalpur", "भागलपुर"),
            ("NAU", "Naugachia", "नवगछिया"),
            ("BAN", "Banka", "बांका"),
        ),
    ),
    (
        "MUN",
        "Munger Range",
        "मुंगेर क्षेत्र",
        (
            ("MUN", "Munger", "मुंगेर"),
            ("JAM", "Jamui", "जमुई"),
            ("LAK", "Lakhisarai", "लखीसराय"),
            ("SHK", "Sheikhpura", "शेखपुरा"),
        ),
    ),
    (
        "BEG",
        "Begusarai Range",
        "बेगूसराय क्षेत्र",
        (
            ("BEG", "Begusarai", "बेगूसराय"),
            ("KHA", "Khagaria", "खगड़िया"),
        ),
    ),
)

# State-level divisions: id suffix, English, Hindi.
BIHAR_DIVISIONS: tuple[tuple[str, str, str], ...] = (
    ("CID", "CID", "अपराध अनुसंधान विभाग"),
    ("BMP", "Bihar Military Police", "बिहार सैन्य पुलिस"),
    ("SB", "Special Branch", "विशेष शाखा"),
    ("PRO", "Prohibition", "मद्यनिषेध"),
    ("EOU", "Economic Offences Unit", "आर्थिक अपराध इकाई"),
    ("RAIL", "Rail Police", "रेल पुलिस"),
)

# Rajasthan's seven ranges since Jan 2025. Ajmer, Bharatpur and Bikaner as DOMAIN.md lists them;
# the others follow the revenue divisions (plausible, not confirmed by a police source). The
# Jaipur and Jodhpur commissionerates, which have no range IG, are left out of the demo.
RAJASTHAN_RANGES: tuple[Range, ...] = (
    (
        "AJM",
        "Ajmer Range",
        "अजमेर रेंज",
        (
            ("AJM", "Ajmer", "अजमेर"),
            ("BHL", "Bhilwara", "भीलवाड़ा"),
            ("TNK", "Tonk", "टोंक"),
            ("BWR", "Beawar", "ब्यावर"),
            ("NGR", "Nagaur", "नागौर"),
            ("DDK", "Didwana-Kuchaman", "डीडवाना-कुचामन"),
        ),
    ),
    (
        "BKN",
        "Bikaner Range",
        "बीकानेर रेंज",
        (
            ("BKN", "Bikaner", "बीकानेर"),
            ("SGN", "Sri Ganganagar", "श्रीगंगानगर"),
            ("HMH", "Hanumangarh", "हनुमानगढ़"),
            ("CHU", "Churu", "चूरू"),
        ),
    ),
    (
        "BTP",
        "Bharatpur Range",
        "भरतपुर रेंज",
        (
            ("BTP", "Bharatpur", "भरतपुर"),
            ("DHO", "Dholpur", "धौलपुर"),
            ("KRL", "Karauli", "करौली"),
            ("DEG", "Deeg", "डीग"),
            ("SWM", "Sawai Madhopur", "सवाई माधोपुर"),
        ),
    ),
    (
        "JPR",
        "Jaipur Range",
        "जयपुर रेंज",
        (
            ("JPR", "Jaipur Rural", "जयपुर ग्रामीण"),
            ("DAU", "Dausa", "दौसा"),
            ("ALW", "Alwar", "अलवर"),
            ("SIK", "Sikar", "सीकर"),
            ("JJN", "Jhunjhunu", "झुंझुनूं"),
            ("KPB", "Kotputli-Behror", "कोटपूतली-बहरोड़"),
            ("KTT", "Khairthal-Tijara", "खैरथल-तिजारा"),
            ("BWD", "Bhiwadi", "भिवाड़ी"),
        ),
    ),
    (
        "JDR",
        "Jodhpur Range",
        "जोधपुर रेंज",
        (
            ("JDR", "Jodhpur Rural", "जोधपुर ग्रामीण"),
            ("BMR", "Barmer", "बाड़मेर"),
            ("BLT", "Balotra", "बालोतरा"),
            ("JSM", "Jaisalmer", "जैसलमेर"),
            ("PHL", "Phalodi", "फलोदी"),
            ("JLR", "Jalore", "जालोर"),
            ("PAL", "Pali", "पाली"),
            ("SRH", "Sirohi", "सिरोही"),
        ),
    ),
    (
        "KOT",
        "Kota Range",
        "कोटा रेंज",
        (
            ("KTC", "Kota City", "कोटा शहर"),
            ("KTR", "Kota Rural", "कोटा ग्रामीण"),
            ("BUN", "Bundi", "बूंदी"),
            ("BRN", "Baran", "बारां"),
            ("JHL", "Jhalawar", "झालावाड़"),
        ),
    ),
    (
        "UDR",
        "Udaipur Range",
        "उदयपुर रेंज",
        (
            ("UDR", "Udaipur", "उदयपुर"),
            ("RSM", "Rajsamand", "राजसमंद"),
            ("CTG", "Chittorgarh", "चित्तौड़गढ़"),
            ("PTG", "Pratapgarh", "प्रतापगढ़"),
            ("BSW", "Banswara", "बांसवाड़ा"),
            ("DGP", "Dungarpur", "डूंगरपुर"),
            ("SLB", "Salumbar", "सलूंबर"),
        ),
    ),
)

# Uttar Pradesh's 75 districts in 18 ranges, following the revenue divisions (plausible, not
# confirmed by a police source). Zones above the ranges and the commissionerates' own structure
# are left out: the profile counts nothing at zone level, and every district gets an SP.
UP_RANGES: tuple[Range, ...] = (
    (
        "GKP",
        "Gorakhpur Range",
        "गोरखपुर परिक्षेत्र",
        (
            ("GKP", "Gorakhpur", "गोरखपुर"),
            ("DEO", "Deoria", "देवरिया"),
            ("KSN", "Kushinagar", "कुशीनगर"),
            ("MRJ", "Maharajganj", "महराजगंज"),
        ),
    ),
    (
        "AGR",
        "Agra Range",
        "आगरा परिक्षेत्र",
        (
            ("AGR", "Agra", "आगरा"),
            ("FZD", "Firozabad", "फिरोजाबाद"),
            ("MNP", "Mainpuri", "मैनपुरी"),
            ("MTR", "Mathura", "मथुरा"),
        ),
    ),
    (
        "ALG",
        "Aligarh Range",
        "अलीगढ़ परिक्षेत्र",
        (
            ("ALG", "Aligarh", "अलीगढ़"),
            ("ETA", "Etah", "एटा"),
            ("HTR", "Hathras", "हाथरस"),
            ("KSG", "Kasganj", "कासगंज"),
        ),
    ),
    (
        "AZM",
        "Azamgarh Range",
        "आजमगढ़ परिक्षेत्र",
        (
            ("AZM", "Azamgarh", "आजमगढ़"),
            ("BAL", "Ballia", "बलिया"),
            ("MAU", "Mau", "मऊ"),
        ),
    ),
    (
        "BLY",
        "Bareilly Range",
        "बरेली परिक्षेत्र",
        (
            ("BLY", "Bareilly", "बरेली"),
            ("BDN", "Budaun", "बदायूं"),
            ("PBT", "Pilibhit", "पीलीभीत"),
            ("SJP", "Shahjahanpur", "शाहजहांपुर"),
        ),
    ),
    (
        "BST",
        "Basti Range",
        "बस्ती परिक्षेत्र",
        (
            ("BST", "Basti", "बस्ती"),
            ("SKN", "Sant Kabir Nagar", "संत कबीर नगर"),
            ("SDN", "Siddharthnagar", "सिद्धार्थनगर"),
        ),
    ),
    (
        "AYD",
        "Ayodhya Range",
        "अयोध्या परिक्षेत्र",
        (
            ("AYD", "Ayodhya", "अयोध्या"),
            ("AMB", "Ambedkar Nagar", "अंबेडकर नगर"),
            ("AMT", "Amethi", "अमेठी"),
            ("BBK", "Barabanki", "बाराबंकी"),
            ("SLT", "Sultanpur", "सुल्तानपुर"),
        ),
    ),
    (
        "DVP",
        "Devipatan Range",
        "देवीपाटन परिक्षेत्र",
        (
            ("GND", "Gonda", "गोंडा"),
            ("BRH", "Bahraich", "बहराइच"),
            ("BRP", "Balrampur", "बलरामपुर"),
            ("SRV", "Shravasti", "श्रावस्ती"),
        ),
    ),
    (
        "KNP",
        "Kanpur Range",
        "कानपुर परिक्षेत्र",
        (
            ("KNN", "Kanpur Nagar", "कानपुर नगर"),
            ("KND", "Kanpur Dehat", "कानपुर देहात"),
            ("AUR", "Auraiya", "औरैया"),
            ("ETW", "Etawah", "इटावा"),
            ("FRK", "Farrukhabad", "फर्रुखाबाद"),
            ("KNJ", "Kannauj", "कन्नौज"),
        ),
    ),
    (
        "JHS",
        "Jhansi Range",
        "झांसी परिक्षेत्र",
        (
            ("JHS", "Jhansi", "झांसी"),
            ("JLN", "Jalaun", "जालौन"),
            ("LLP", "Lalitpur", "ललितपुर"),
        ),
    ),
    (
        "CKD",
        "Chitrakoot Dham Range",
        "चित्रकूट धाम परिक्षेत्र",
        (
            ("BND", "Banda", "बांदा"),
            ("CKT", "Chitrakoot", "चित्रकूट"),
            ("HMR", "Hamirpur", "हमीरपुर"),
            ("MHB", "Mahoba", "महोबा"),
        ),
    ),
    (
        "LKO",
        "Lucknow Range",
        "लखनऊ परिक्षेत्र",
        (
            ("LKO", "Lucknow", "लखनऊ"),
            ("HRD", "Hardoi", "हरदोई"),
            ("LKP", "Lakhimpur Kheri", "लखीमपुर खीरी"),
            ("RBL", "Raebareli", "रायबरेली"),
            ("STP", "Sitapur", "सीतापुर"),
            ("UNN", "Unnao", "उन्नाव"),
        ),
    ),
    (
        "MRT",
        "Meerut Range",
        "मेरठ परिक्षेत्र",
        (
            ("MRT", "Meerut", "मेरठ"),
            ("BGP", "Baghpat", "बागपत"),
            ("BSR", "Bulandshahr", "बुलंदशहर"),
            ("GBN", "Gautam Buddh Nagar", "गौतम बुद्ध नगर"),
            ("GZB", "Ghaziabad", "गाजियाबाद"),
            ("HPR", "Hapur", "हापुड़"),
        ),
    ),
    (
        "MBD",
        "Moradabad Range",
        "मुरादाबाद परिक्षेत्र",
        (
            ("MBD", "Moradabad", "मुरादाबाद"),
            ("AMR", "Amroha", "अमरोहा"),
            ("BJN", "Bijnor", "बिजनौर"),
            ("RMP", "Rampur", "रामपुर"),
            ("SBL", "Sambhal", "संभल"),
        ),
    ),
    (
        "SRE",
        "Saharanpur Range",
        "सहारनपुर परिक्षेत्र",
        (
            ("SRE", "Saharanpur", "सहारनपुर"),
            ("MZN", "Muzaffarnagar", "मुजफ्फरनगर"),
            ("SML", "Shamli", "शामली"),
        ),
    ),
    (
        "MZP",
        "Mirzapur Range",
        "मिर्जापुर परिक्षेत्र",
        (
            ("MZP", "Mirzapur", "मिर्जापुर"),
            ("BHD", "Bhadohi", "भदोही"),
            ("SBH", "Sonbhadra", "सोनभद्र"),
        ),
    ),
    (
        "PRY",
        "Prayagraj Range",
        "प्रयागराज परिक्षेत्र",
        (
            ("PRY", "Prayagraj", "प्रयागराज"),
            ("FTP", "Fatehpur", "फतेहपुर"),
            ("KSM", "Kaushambi", "कौशाम्बी"),
            ("PTG", "Pratapgarh", "प्रतापगढ़"),
        ),
    ),
    (
        "VNS",
        "Varanasi Range",
        "वाराणसी परिक्षेत्र",
        (
            ("VNS", "Varanasi", "वाराणसी"),
            ("CDL", "Chandauli", "चंदौली"),
            ("GZP", "Ghazipur", "गाजीपुर"),
            ("JNP", "Jaunpur", "जौनपुर"),
        ),
    ),
)
