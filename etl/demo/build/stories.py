"""Demo success stories: a few a week per district, in Hindi, English or both.

Most are clean (arrests, gang busts, recoveries, rescues, awareness). A handful are written the
way a hurried station sends them and must be stopped by the legal guard before anything is
posted: a POCSO case naming the victim's village and relation, a juvenile identified by school,
a victim's address, a mobile number, an Aadhaar-like number, and words that imply guilt
("criminal", "दोषी", "अपराधी"). All names, places and numbers are synthetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from etl.demo.write.sheets import file_slug

if TYPE_CHECKING:
    from etl.demo.model import Thana

WEEKS = 8
PER_WEEK = 3.0

# (category, English title, English body, Hindi title, Hindi body); {t}/{th}: thana in English
# and Hindi, {n}: a count.
CLEAN: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "arrest",
        "{n} arrested within a day of a video on the thana group",
        "Acting on a video posted on the {t} thana WhatsApp group, police registered a case the "
        "same day and arrested {n} accused the next morning. Investigation is on.",
        "थाना समूह पर वीडियो के एक दिन में {n} गिरफ्तार",
        "{th} थाना व्हाट्सएप समूह पर पोस्ट वीडियो के आधार पर उसी दिन मामला दर्ज कर अगली सुबह {n} "
        "आरोपियों को गिरफ्तार किया गया। अनुसंधान जारी है।",
    ),
    (
        "gang_bust",
        "Inter-district bike theft gang busted, {n} held",
        "{t} police busted a gang accused of stealing motorcycles across three districts; {n} "
        "accused were arrested and 9 motorcycles seized.",
        "अंतर-जिला बाइक चोर गिरोह का भंडाफोड़, {n} गिरफ्तार",
        "{th} पुलिस ने तीन जिलों में मोटरसाइकिल चोरी के आरोपी गिरोह का भंडाफोड़ किया; {n} आरोपी "
        "गिरफ्तार, 9 मोटरसाइकिलें जब्त।",
    ),
    (
        "recovery",
        "{n} stolen mobile phones returned to owners",
        "The {t} cyber desk traced {n} stolen mobile phones through CEIR and handed them back to "
        "their owners at the thana.",
        "{n} चोरी के मोबाइल मालिकों को लौटाए",
        "{th} थाना के साइबर डेस्क ने सीईआईआर से {n} चोरी के मोबाइल खोजकर मालिकों को सौंपे।",
    ),
    (
        "rescue",
        "Missing boy found within six hours",
        "A group member's message about a missing 8-year-old reached the {t} patrol; the boy was "
        "found at the bus stand and returned to his family within six hours.",
        "लापता बच्चा छह घंटे में मिला",
        "समूह के एक सदस्य के संदेश पर {th} गश्ती दल ने बस स्टैंड से लापता बच्चे को खोजकर छह घंटे में परिवार को सौंपा।",
    ),
    (
        "good_initiative",
        "Night patrol with village volunteers",
        "{t} police began joint night patrols with {n} Gram Rakshaks and CLG members.",
        "ग्राम रक्षकों के साथ रात्रि गश्त",
        "{th} पुलिस ने {n} ग्राम रक्षकों और सीएलजी सदस्यों के साथ संयुक्त रात्रि गश्त शुरू की।",
    ),
    (
        "awareness",
        "Cyber fraud awareness camp at the market",
        "{t} police held a cyber fraud awareness camp for {n} traders: never share an OTP, report "
        "fraud on 1930.",
        "बाज़ार में साइबर ठगी जागरूकता शिविर",
        "{th} पुलिस ने {n} व्यापारियों के लिए साइबर ठगी जागरूकता शिविर लगाया: ओटीपी साझा न करें, "
        "ठगी की सूचना 1930 पर दें।",
    ),
    (
        "positive_impact",
        "Rumour stopped before it spread",
        "A forwarded rumour about child lifters was checked and denied on the {t} group within "
        "40 minutes; {n} members shared the police clarification.",
        "अफवाह फैलने से पहले रोकी गई",
        "बच्चा चोरी की अफवाह का {th} समूह पर 40 मिनट में खंडन किया गया; {n} सदस्यों ने पुलिस का "
        "स्पष्टीकरण साझा किया।",
    ),
)

# Stories the legal guard must block, each as a station might really write it.
UNSAFE: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "arrest",
        "Accused arrested in POCSO case",
        "{t} police arrested the accused in the rape of the 14-year-old daughter of Ramesh "
        "Paswan of village Bhagwanpur within 24 hours of the FIR.",
        "",
        "",
    ),
    (
        "arrest",
        "Juvenile apprehended for theft",
        "A 15-year-old Class 9 student of Government Middle School, Sonbarsa was apprehended by "
        "{t} police with the stolen mobile phones.",
        "",
        "",
    ),
    (
        "rescue",
        "Woman rescued from her in-laws",
        "The victim, resident of House No. 42, Ward 7, Mohalla Kazipur, {t}, was rescued and "
        "sent for medical examination.",
        "",
        "",
    ),
    (
        "recovery",
        "Lost purse returned",
        "A purse with cash and documents was returned to its owner; for more details call "
        "9431822146 at {t} thana.",
        "खोया पर्स लौटाया",
        "नकद और दस्तावेज़ों वाला पर्स मालिक को लौटाया गया, आधार संख्या 4821 7364 9052 के आधार पर पहचान हुई।",
    ),
    (
        "gang_bust",
        "Notorious criminal held with a pistol",
        "{t} police caught the criminal Pappu alias Bhola with a country-made pistol.",
        "कुख्यात अपराधी पिस्तौल के साथ पकड़ा गया",
        "{th} पुलिस ने दोषी अपराधी पप्पू उर्फ भोला को देसी पिस्तौल के साथ पकड़ा।",
    ),
)


def _story(
    tpl: tuple[str, str, str, str, str], lang: str, thana: Thana, n: int
) -> dict[str, str | None]:
    category, title, body, title_hi, body_hi = tpl
    english = lang in ("en", "both") or not title_hi
    hindi = lang in ("hi", "both") and bool(title_hi)
    fill = {"t": thana.name, "th": thana.name_hi, "n": n}
    return {
        "category": category,
        "title": title.format(**fill) if english else None,
        "body": body.format(**fill) if english else None,
        "title_hi": title_hi.format(**fill) if hindi else None,
        "body_hi": body_hi.format(**fill) if hindi else None,
    }


def story_frame(thanas: Sequence[Thana], now: datetime, seed: int) -> pl.DataFrame:
    """Stories per district over the last WEEKS weeks, the unsafe ones in the first district."""
    rng = np.random.default_rng(seed)
    by_district: dict[str, list[Thana]] = {}
    for thana in thanas:
        by_district.setdefault(thana.district_id, []).append(thana)
    rows: list[dict[str, str | None]] = []
    for i, (district, mine) in enumerate(sorted(by_district.items())):
        count = int(rng.poisson(PER_WEEK * WEEKS))
        plan = [CLEAN[int(k)] for k in rng.integers(0, len(CLEAN), count)]
        if i == 0:
            plan += list(UNSAFE)
        for tpl in plan:
            thana = mine[int(rng.integers(0, len(mine)))]
            lang = ("both", "hi", "en")[int(rng.choice(3, p=(0.4, 0.35, 0.25)))]
            if tpl in UNSAFE:
                lang = "both"  # every unsafe detail is written, in whichever language it is
            day = (now - timedelta(days=int(rng.integers(1, WEEKS * 7)))).date()
            shots = int(rng.integers(0, 4))
            row = _story(tpl, lang, thana, int(rng.integers(2, 12)))
            row |= {
                "unit_id": thana.unit_id,
                "district_id": district,
                "story_date": day.strftime("%d-%m-%Y"),
                "media": "; ".join(
                    f"IMG_{day:%Y%m%d}_{thana.unit_id[-4:]}_{k + 1}.jpg" for k in range(shots)
                )
                or None,
                "submitted_by": f"SHO {thana.name}"
                if lang == "en"
                else f"थानाध्यक्ष {thana.name_hi}",
            }
            rows.append(row)
    same = ["unit_id", "story_date", "category", "title", "title_hi", "body", "body_hi"]
    return pl.DataFrame(rows).unique(same, maintain_order=True)


def story_rows(
    thanas: Sequence[Thana], now: datetime, seed: int
) -> tuple[int, int, dict[str, tuple[pl.DataFrame, str]]]:
    """(good stories, bad rows, {file name: (frame, header language)}): one sheet per district,
    bilingual headers; the first also holds five bad rows."""
    frame = story_frame(thanas, now, seed)
    sheets: dict[str, tuple[pl.DataFrame, str]] = {}
    bad_total = 0
    districts = sorted({t.district_id: t.district for t in thanas}.items())
    for i, (district, name) in enumerate(districts):
        mine = frame.filter(pl.col("district_id") == district).drop("district_id")
        if i == 0 and mine.height:
            first = mine.row(0, named=True)
            bad = pl.DataFrame(
                [
                    first | {"category": "misc"},
                    first | {"title": None, "body": None, "title_hi": None, "body_hi": None},
                    first | {"story_date": "कल"},
                    first | {"unit_id": "BR-PAT-T9999"},
                ],
                schema=mine.schema,
            )
            mine = pl.concat([mine, bad, mine.head(1)])
            bad_total += bad.height + 1
        suffix = ".xlsx" if i % 4 == 1 else ".csv"
        sheets[f"{file_slug(name)}_stories{suffix}"] = (mine, "bi")
    return frame.height, bad_total, sheets
