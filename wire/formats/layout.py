"""Recognising the furniture of a wire story in its text.

Agencies print the same things in the same few ways, whatever the format carries them
in: a dateline before the first paragraph ("WASHINGTON (Reuters) -"), a byline ("By
..."), photo captions ending in a credit ("(AP Photo/Jane Fox, File)", "Photo:
Ann Lee/AFP"), sign-off lines ("Reporting by ...", "contributed to this
report"), short subheadings. These functions each recognise one of them in a block of
text; the readers decide where to look.
"""

import re
from dataclasses import dataclass

from wire.story import Dateline

MONTHS = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|"
    r"ene(?:ro|\.)?|feb(?:rero|\.)?|mar(?:zo|\.)?|abr(?:il|\.)?|may(?:o|\.)?|jun(?:io|\.)?|"
    r"jul(?:io|\.)?|ago(?:sto|\.)?|sept?(?:iembre|\.)?|oct(?:ubre|\.)?|nov(?:iembre|\.)?|"
    r"dic(?:iembre|\.)?|janv(?:ier|\.)?|févr(?:ier|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|"
    r"août|déc(?:embre|\.)?"
)
DATE_PART = re.compile(
    rf"^(?:\d{{1,2}}\s+(?:de\s+)?(?:{MONTHS})\.?(?:\s+(?:de\s+)?\d{{4}})?|"
    rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
    r"\d{4}|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)$",
    re.IGNORECASE,
)
MONTH = re.compile(rf"^(?:{MONTHS})$", re.IGNORECASE)
PLACE_PARTICLES = frozenset("de del la las los el of da do dos di du y e".split())
LOWER_CASE_AGENCIES = frozenset({"dpa", "apa", "sda"})
DASHES = r"(?:--|[-—–_])"
# PLACE[, REGION][, DATE] (AGENCY) -   e.g. "ROSCOE, South Dakota (AP) _", "Berlin (dpa) -",
# "STOCKHOLM, Aug 29, 2014 (AFP) -", "Tegucigalpa, Jan 2 (EFE).-"
DATELINE_WITH_AGENCY = re.compile(
    r"^(?P<head>[A-ZÀ-Þ][^()\n]{0,70}?)\s*\((?P<agency>[A-Za-z][\w&.' -]{0,24})\)\s*"
    rf"(?P<sep>\.?\s?{DASHES}+|:)(?:\s+|$)"
)
# (AGENCY) - PLACE, DATE -   e.g. "(ANSA) - Rome, October 11 -"
AGENCY_FIRST_DATELINE = re.compile(
    rf"^\((?P<agency>[A-Za-z][\w&.' -]{{0,24}})\)\s*{DASHES}\s*"
    rf"(?P<head>[A-ZÀ-Þ][^()\n]{{0,50}}?)\s+(?P<sep>{DASHES})(?:\s+|$)"
)
# PLACE[, DATE].-   e.g. "Washington.-", "Madrid, 8 ene.-" (Spanish agencies)
SPANISH_DATELINE = re.compile(r"^(?P<head>[A-ZÀ-Þ][^.()\n]{0,50}?)(?P<sep>\.-|\. -)(?:\s+|$)")
# ALL-CAPS PLACE -   e.g. "PARIS —", "NEW YORK --"
CAPS_DATELINE = re.compile(r"^(?P<head>[A-ZÀ-Þ][A-ZÀ-Þ .,'’-]{1,40}?)\s+(?P<sep>—|--|–)(?:\s+|$)")

BYLINE = re.compile(r"^(?:By|BY|Por|POR|Par|PAR|Von|VON|Di|Från|Door)[: ]\s*\S", re.UNICODE)
EDITORIAL_NOTE = re.compile(
    r"^(?:(?:EDITOR'?S'? NOTE|EDITORS'? NOTE|Editor'?s'? [Nn]ote|NOTA DEL EDITOR|"
    r"Nota del editor|Nota de la redacción|NOTE AUX RÉDACTIONS)\b|Eds?:)"
)
SEPARATOR = re.compile(r"^\s*(?:[_=~*#-]\s*){3,}$")
SIGN_OFF = re.compile(
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|helped with this (?:story|report)"
    r"|can be reached at|^\(?(?:additional |writing and )?(?:reporting|writing|editing|compiled|"
    r"edited|produced) by\b|;\s*editing by\b|^\(?con información de\b|^\(?con (?:reporte|"
    r"reportes|informaciones) de\b|^\(?(?:redacción|edición|traducción) (?:de|por)\b|"
    r"^\(?com informações d|^\(?avec (?:l'|les |le |la )?\w+\)?$|^\(?(?:fin|end|ends|fim)\)?$|"
    r"^follow .{1,40} on (?:twitter|x)\b|^(?:[a-z]{1,4}/){1,7}[a-z]{1,4}$|"
    r"^(?:dpa|afp|efe|ap|ansa|apa|sda|ats)(?: [a-z]{2,4}){1,6}$|^\w[\w .'-]{1,40} reported from\b",
    re.IGNORECASE,
)
CREDIT_LABEL = r"(?:PHOTO|Photo|Photos|FOTO|Foto|Fotos|Picture|Image|Imagen|Bild|Credit|Crédito)"
# "... at the port. Photo: Ann Lee/AFP", "... in Brussels - PHOTO/X/@minister"
LABELLED_CREDIT = re.compile(
    rf"^(?P<caption>.*?)\s*(?:\s[-–—|]\s*)?(?P<credit>{CREDIT_LABEL}\s*[:/]\s*\S[^()]*?)\s*$"
)
# "... in Leeds. (AP Photo/Jane Fox, File)", "... en Kiev (REUTERS/Ana Soler)"
BRACKETED_CREDIT = re.compile(r"^(?P<caption>.*?)\s*(?P<credit>\((?P<inner>[^()]{2,90})\))\s*$")
# "Presidente de Chile, Gabriel Boric / AFP"
SLASHED_CREDIT = re.compile(r"^(?P<caption>.{8,}?)\s+[/|]\s+(?P<credit>[^/|]{2,60})$")
# "… in Rafah. REUTERS/Ibraheem Abu Mustafa", "… en Madrid. EFE/Juan Pérez"
AGENCY_SLASHED_CREDIT = re.compile(
    r"^(?P<caption>.{8,}?[.!?)»”])\s+(?P<credit>[^\s/][^/]{0,40}/[^/]{1,60})$"
)
# "27-06-2012 | Efe": a credit line standing alone, under its caption.
DATED_CREDIT = re.compile(
    r"^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2})\s*[|/-]\s*(?P<credit>\S.{0,60})$"
)
# Agencies and publications as they sign copy and credit photos, in lower case.
AGENCIES = frozenset(
    (
        "afp, ap, associated press, reuters, efe, dpa, ansa, epa, epa-efe, xinhua, kyodo, "
        "yonhap, anadolu, getty images, getty, afp photo, ap photo, europa press, pa, upi, "
        "bloomberg, tass, ria novosti, sputnik, lusa, notimex, télam, telam, prensa latina, "
        "apa, belga, anp, ntb, tt, stt, ritzau, ctk, pap, mti, aap, cp, the canadian press, "
        "press association, agence france-presse, agence france presse, agencia efe, "
        "washington post, the washington post, new york times, the new york times, "
        "the local, kyodo news, jiji, handout, pool, file, archivo"
    ).split(", ")
)
CREDIT_WORDS = re.compile(
    r"\b(?:photo|foto|photos|fotos|getty|handout|pool|file|archivo|archive|courtesy|cortesía|"
    r"vía|via)\b|/",
    re.IGNORECASE,
)
TERMINAL = tuple(".!?…\"”’»'")


@dataclass
class Caption:
    caption: str
    credit: str


def split_dateline(text):
    """Return ``(Dateline, rest of the paragraph)`` when ``text`` opens with a dateline,
    else ``(None, text)``."""
    for pattern in (AGENCY_FIRST_DATELINE, DATELINE_WITH_AGENCY, SPANISH_DATELINE, CAPS_DATELINE):
        match = pattern.match(text)
        if not match:
            continue
        head = match.group("head").strip(" ,")
        agency = match.groupdict().get("agency") or ""
        if agency and not _agency_is_plausible(agency):
            continue
        if not _dateline_head_is_plausible(head, has_agency=bool(agency)):
            continue
        place, date = _place_and_date(head)
        printed = text[: match.end("sep")].strip()
        if pattern is AGENCY_FIRST_DATELINE:
            printed = text[: match.end()].strip()
        return Dateline(printed=printed, place=place, agency=agency, date=date), text[
            match.end() :
        ].lstrip()
    return None, text


def _dateline_head_is_plausible(head, *, has_agency):
    words = head.replace(",", " ").split()
    if not words or len(words) > (9 if has_agency else 5):
        return False
    # A sentence that happens to contain "(...) -" is not a dateline: a dateline's place
    # and date are capitalised words and numbers, with at most a particle or a month.
    lower = [w for w in words if w[0].islower()]
    return all(w in PLACE_PARTICLES or MONTH.match(w) for w in lower) and (
        len(lower) <= (2 if has_agency else 0)
    )


def _agency_is_plausible(agency):
    return agency[:1].isupper() or agency in LOWER_CASE_AGENCIES


def _place_and_date(head):
    parts = [part.strip() for part in head.split(",") if part.strip()]
    place_parts, date_parts = [], []
    for part in parts:
        (date_parts if DATE_PART.match(part) or date_parts else place_parts).append(part)
    return ", ".join(place_parts), ", ".join(date_parts)


def is_byline(text):
    """Say whether ``text`` is a byline: "By ...", or "Name | Place | date"."""
    if len(text) > 160 or (text.endswith((".", "?", "!")) and not text.endswith(" Jr.")):
        return False
    if BYLINE.match(text):
        return True
    parts = [part.strip() for part in text.split("|")]
    return len(parts) >= 2 and looks_like_name(parts[0]) and all(len(p) < 60 for p in parts)


def looks_like_name(text):
    """Say whether ``text`` reads as a person's name (two to five capitalised words)."""
    words = text.split()
    particles = {"de", "del", "la", "van", "von", "da", "dos", "di", "bin", "y", "e"}
    return 2 <= len(words) <= 5 and all(w[0].isupper() or w.lower() in particles for w in words)


def is_source_line(text):
    """Say whether ``text`` names only an agency or a publication ("AFP", "AFP/The
    Local", "Associated Press", "Washington Post")."""
    if len(text) > 50 or text.endswith((".", ":", ",")):
        return False
    names = [part.strip() for part in re.split(r"\s*[/|,]\s*", text) if part.strip()]
    if not names:
        return False
    if all(name.lower() in AGENCIES for name in names):
        return True
    words = text.split()
    return (
        len(words) <= 4
        and all(w[0].isupper() for w in words)
        and any(name.lower() in AGENCIES for name in names)
    )


def is_editorial_note(text):
    return bool(EDITORIAL_NOTE.match(text))


def is_separator(text):
    return bool(SEPARATOR.match(text))


def is_sign_off(text):
    """Say whether ``text`` is a sign-off: who reported, wrote and edited, agency
    closing codes, "contributed to this report"."""
    return len(text) < 400 and bool(SIGN_OFF.search(text.strip()))


def split_caption(text):
    """Return a ``Caption`` when ``text`` is a photo caption ending in its credit."""
    if is_sign_off(text) or len(text) > 700:
        return None
    match = BRACKETED_CREDIT.match(text)
    if match and _is_credit(match.group("inner"), bracketed=True):
        return Caption(match.group("caption").strip(), match.group("credit"))
    match = LABELLED_CREDIT.match(text)
    if match and match.group("caption"):
        return Caption(match.group("caption").strip(), match.group("credit").strip())
    match = SLASHED_CREDIT.match(text)
    if match and _is_credit(match.group("credit"), bracketed=False):
        return Caption(match.group("caption").strip(), match.group("credit").strip())
    match = AGENCY_SLASHED_CREDIT.match(text)
    if match and _names_an_agency(match.group("credit")):
        return Caption(match.group("caption").strip(), match.group("credit").strip())
    return None


def _names_an_agency(credit):
    """Say whether a "Name/Name" credit names an agency on one side."""
    parts = [part.strip().lower() for part in credit.split("/")]
    return len(parts) == 2 and all(parts) and any(part in AGENCIES for part in parts)


def credit_line(text):
    """Return the credit when ``text`` is a credit standing alone on its line (with a
    label, in brackets or after the photo's date), else ""."""
    text = text.strip()
    match = DATED_CREDIT.match(text)
    if match:
        return match.group("credit").strip()
    if re.match(rf"^{CREDIT_LABEL}\s*[:/]\s*\S", text) and len(text) < 80:
        return text
    if text.startswith("(") and text.endswith(")") and _is_credit(text[1:-1], bracketed=True):
        return text
    return ""


def _is_credit(inner, *, bracketed):
    inner = inner.strip()
    words = inner.split()
    if not words or len(words) > 10 or (bracketed and inner.endswith((".", ";", ":"))):
        return False
    if inner.lower() in AGENCIES:
        return True
    if not CREDIT_WORDS.search(inner):
        return False
    names = [part.strip() for part in re.split(r"\s*/\s*|\s+(?:vía|via)\s+", inner)]
    # Every part of a credit is a name: capitalised (or an agency's own spelling).
    return all(part and (part[0].isupper() or part.lower() in AGENCIES) for part in names)


def is_caption_without_credit(text):
    """Say whether ``text`` is a caption printed without a credit: "Name, what they
    are doing", no final full stop, shorter than a paragraph, no quotation."""
    words = text.split()
    if not 4 <= len(words) <= 45 or text.endswith(TERMINAL) or text.endswith((":", ",")):
        return False
    if any(mark in text for mark in '"“”«»'):
        return False
    head = text.split(",", 1)[0]
    return "," in text and looks_like_name(head)


def is_subheading(text):
    """Say whether ``text`` is a subheading: a short line with no closing punctuation."""
    words = text.split()
    if not words or len(words) > 8 or len(text) > 70:
        return False
    if text.endswith(TERMINAL) or text.endswith((",", ";", ":")):
        return False
    if any(mark in text for mark in '"“”«»'):
        return False
    return text[0].isupper() or text[0].isdigit()
