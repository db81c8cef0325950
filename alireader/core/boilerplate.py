"""Recognisers for the site furniture that scraping leaves in news text, in French and English.

Each recogniser looks at one line (already stripped) and its folded form (see
:func:`alireader.core.text.fold`). They are deliberately about *kinds* of noise that news sites
share (comment prompts, share bars, "read more on X" links, captions), never about one article.
"""

from __future__ import annotations

import re

from alireader.core.models import Removal

# Lines that are nothing but a page loader or widget left behind (checked on folded text).
_DEBRIS = re.compile(
    r"^(?:loading|chargement(?: en cours)?|please wait|veuillez patienter|avatar|image|photo|"
    r"video|illustration|icone?|icon|logo|placeholder|undefined|null|none|nan|play|pause|"
    r"mute|unmute|close|fermer|menu|replay|advertisement|publicite|pub|annonce|sponsored|"
    r"sponsorise|contenu sponsorise|contenu partenaire|ad|ads|scroll|zoom|"
    r"ecouter(?: cet| l')?(?: article)?|listen(?: to this article)?|"
    r"(?:temps de )?lecture ?: ?\d+ ?min(?:utes?)?|\d+ ?min(?:utes?)? (?:de lecture|read)|"
    r"\d{1,6}|[a-z]{1,3}|[^\w\s]{1,5})[.…]*$"
)
_COMMENTS = re.compile(
    r"(?:vous devez etre (?:membre|connecte|abonne|inscrit)|devenez membre|connectez-vous|"
    r"aucun commentaire|ajouter un commentaire|laisser un commentaire|ecrire un commentaire|"
    r"ce contenu n'est pas ouvert aux commentaires|les commentaires sont (?:fermes|clos)|"
    r"commentaires? \(\d+\)|^\d+ commentaires?$|^commentaires?$|^reagir|^reagissez|"
    r"soyez le premier a (?:commenter|reagir)|signaler (?:un abus|ce commentaire)|"
    r"leave a (?:comment|reply)|add a comment|^\d+ comments?$|^comments?$|no comments yet|"
    r"comments are closed|(?:log|sign) in to (?:comment|reply)|be the first to comment|"
    r"report (?:abuse|this comment)|join the (?:conversation|discussion))"
)
_PROMO = re.compile(
    r"^(?:abonnez-vous|s'abonner|deja abonne|reserve aux abonnes|cet article est reserve|"
    r"article reserve|la suite est reservee|inscrivez-vous|recevez notre newsletter|newsletter|"
    r"subscribe|sign up|already a subscriber|subscribers? only|"
    r"(?:a )?lire (?:aussi|egalement)|voir aussi|sur le meme (?:sujet|theme)|dans la meme rubrique|"
    r"read (?:more|also)|see also|related(?: articles?| stories)?|recommended|most read|"
    r"les plus lus|a decouvrir|telecharger l'application|download (?:the|our) app|"
    r"suivez-nous|follow us|retrouvez-nous|nos partenaires|offre speciale)\b"
    # Tag and keyword labels count only with their colon: "Sujet brûlant" may be a heading.
    r"|^(?:mots-cles|mots cles|tags?|sujets?|themes?|keywords?|topics?|categories?|rubriques?|"
    r"filed under|publie dans|classe dans)\s*:"
)
# "Lire la suite de l'article sur Le Parisien.fr", "Read the full story at Reuters".
_READ_MORE_ON = re.compile(
    r"^(?:lire la suite(?: de (?:l'article|cet article))?|lire l'article(?: complet| original)?|"
    r"retrouvez (?:l'article|cet article)(?: complet)?|article (?:complet|original)|"
    r"read (?:the )?(?:full|original|rest of the) (?:article|story)|continue reading|"
    r"read more|source)\s*(?:sur|on|at|chez|:|-)\s*(?P<source>\S.{0,80}?)[\s.…:]*$",
    re.IGNORECASE,
)
_WITH_AGENCY = re.compile(
    r"^[-–—(\s]*(?:avec|with|source ?:)\s+(?P<source>[\w .&/-]{2,40}?)[)\s.]*$"
)

_SHARE_WORDS = frozenset(
    [
        "partager",
        "partagez",
        "partage",
        "partages",
        "share",
        "shares",
        "sharing",
        "tweet",
        "tweeter",
        "twitter",
        "x",
        "facebook",
        "linkedin",
        "whatsapp",
        "messenger",
        "telegram",
        "pinterest",
        "reddit",
        "flipboard",
        "bluesky",
        "threads",
        "mastodon",
        "email",
        "e-mail",
        "mail",
        "courriel",
        "imprimer",
        "print",
        "copier",
        "copy",
        "le",
        "la",
        "lien",
        "link",
        "url",
        "cet",
        "cette",
        "article",
        "this",
        "story",
        "sur",
        "on",
        "via",
        "par",
        "envoyer",
        "send",
        "sms",
        "enregistrer",
        "sauvegarder",
        "save",
        "bookmark",
        "commenter",
        "comment",
        "facebook-f",
        "twitter-x",
    ]
)
_SHARE_KEYS = frozenset(
    [
        "partager",
        "partagez",
        "share",
        "tweet",
        "tweeter",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
    ]
)
_SHARE_SPLIT = re.compile(r"[\s|•·/,;:]+")
_CAPTION_LABEL = re.compile(
    r"^(?:photo|photos|credit photo|credits? photos?|credits?|illustration|image|infographie|"
    r"legende|caption|picture|pictured|source photo)\s*(?::|©|-|/)"
)
_PHOTO_AGENCY_TAIL = re.compile(
    r"/\s*(?:afp|reuters|ap|getty images?|ap photo|shutterstock|istock|maxppp|abaca|sipa|epa|"
    r"dr|hans lucas|leemage|bloomberg|xinhua|anadolu|dpa|belga|efe)\b[^/]{0,30}$"
)

#: News agencies whose name in brackets tags a dispatch: "(AFP)", "PARIS (Reuters) -".
AGENCIES = (
    "AFP", "AP", "Reuters", "ANSA", "ATS", "Belga", "DPA", "dpa", "EFE", "Xinhua", "Kyodo",
    "Yonhap", "TASS", "Bloomberg", "APS", "MAP", "Relaxnews", "ETX Daily Up", "ETX Studio",
    "AFP-Services", "Keystone-ATS", "Agence France-Presse", "Associated Press", "UPI",
)  # fmt: skip
_AGENCY = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
_AGENCY_GROUP = rf"(?:{_AGENCY})(?:\s*[/,-]\s*(?:{_AGENCY}))*"
#: A tag at the very end of a paragraph: "... sur ses plateformes. (AFP)".
TRAILING_AGENCY = re.compile(rf"\s*\((?P<source>{_AGENCY_GROUP})\)\s*$")
#: A tag in a dispatch's first words: "PARIS (AFP) - ", "(Reuters) - ", "Paris, 3 mars (AFP) -".
LEADING_AGENCY = re.compile(
    rf"^(?P<head>[^()]{{0,60}}?)\s*\((?P<source>{_AGENCY_GROUP})\)\s*(?=[-–—:])"
)
_AGENCY_ONLY = re.compile(rf"^[-–—(\s]*(?P<source>{_AGENCY_GROUP})[)\s.]*$")


def read_more_source(line: str) -> str | None:
    """The site named by a "Lire la suite … sur X" / "Read the full article on X" line."""
    match = _READ_MORE_ON.match(line)
    if match is None:
        return None
    return match["source"].strip().rstrip(".…:") or None


def agency_line_source(line: str, folded: str) -> str | None:
    """The agency of a line that only credits one: "AFP", "(avec AFP)", "Source : Reuters"."""
    if match := _AGENCY_ONLY.match(line):
        return match["source"]
    if match := _WITH_AGENCY.match(folded):
        start, end = match.span("source")
        return line[start:end].strip() if len(line) == len(folded) else match["source"].strip()
    return None


def is_share_bar(folded: str) -> bool:
    """A row of share buttons: "Partager sur Facebook", "Facebook Twitter LinkedIn Email"."""
    tokens = [token for token in _SHARE_SPLIT.split(folded) if token]
    if not tokens or len(tokens) > 14:
        return False
    return all(t in _SHARE_WORDS or t.isdigit() for t in tokens) and any(
        t in _SHARE_KEYS for t in tokens
    )


def is_caption(line: str, folded: str) -> bool:
    """A photo caption or credit: it carries ©, a "Photo :" label or a "/ AFP" agency credit."""
    if len(line) > 300:
        return False
    if "©" in line or "(c) " in folded or folded.startswith("copyright"):
        return True
    return bool(_CAPTION_LABEL.match(folded) or _PHOTO_AGENCY_TAIL.search(folded))


def classify_noise(line: str, folded: str) -> Removal | None:
    """Why ``line`` is site furniture rather than article text, or None if it may be text.

    ``folded`` is ``fold(line)``. Only short lines are judged: a long line is always prose.
    """
    if len(line) > 300:
        return None
    if _DEBRIS.match(folded):
        return Removal.DEBRIS
    if len(line) <= 160:
        if _COMMENTS.search(folded):
            return Removal.COMMENTS
        if is_share_bar(folded):
            return Removal.SHARE
        if _PROMO.match(folded):
            return Removal.PROMO
    if is_caption(line, folded):
        return Removal.CAPTION
    return None
