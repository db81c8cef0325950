"""Recognisers for the site furniture that scraping leaves in news text, in French and English.

Each recogniser looks at one line (already stripped) and its folded form (see
:func:`alireader.core.text.fold`). They are deliberately about *kinds* of noise that news sites
share (comment prompts, share bars, "read more on X" links, captions, cookie banners), never
about one article. Prose is protected by construction: label-like words ("Newsletter",
"Related", "Tags") count only alone on their line or before a colon, and unanchored searches
run only on lines that carry one of their keywords.
"""

from __future__ import annotations

import re

from alireader.core.models import Removal
from alireader.core.text import fold

# Lines that are nothing but a page loader or widget left behind (checked on folded text).
_DEBRIS = re.compile(
    r"^(?:(?:loading|chargement(?: en cours)?|please wait|veuillez patienter|avatar|image|photo|"
    r"video|illustration|icone?|icon|logo|placeholder|undefined|null|none|nan|play|pause|"
    r"mute|unmute|close|fermer|menu|replay|advertisement|publicite|pub|annonce|sponsored|"
    r"sponsorise|contenu sponsorise|contenu partenaire|ad|ads|scroll|zoom|diaporama|"
    r"slideshow|play video|lire la video|accueil|home|"
    r"ecouter(?: cet| l')?(?: article)?|listen(?: to this article)?|"
    r"(?:temps de )?lecture ?:? ?\d+ ?min(?:utes?)?|\d+ ?min(?:utes?)? (?:de lecture|read)|"
    r"se connecter|connexion|mon compte|my account|log ?in|sign in|register|s'identifier|"
    r"skip to (?:main )?content|aller au contenu(?: principal)?|back to top|"
    r"retour en haut(?: de (?:la )?page)?|(?:voir|afficher|lire) plus|(?:see|show|load) more|"
    r"en savoir plus|learn more|click here|cliquez ici|agrandir|enlarge|fullscreen|"
    r"click to enlarge|cliquez pour agrandir|plein ecran|sommaire|search|rechercher|"
    r"(?:image|photo|slide|diapo)s? ?\d+ ?(?:/|of|sur) ?\d+|\d+ ?/ ?\d+)[.…]*"
    # A stray number or symbol ("0", "•").
    r"|\d{1,6}|[^\w\s]{1,5})$"
)
# A stray short token ("le", "FR", "X"), but not an interview's "Oui" or "Non". A word written
# like one, with a capital ("Sel", "Riz", "Thé"), may be a list's item or an answer: it stays.
_STRAY_WORD = re.compile(r"(?!(?:oui|non|yes|ok)$)[a-z]{1,3}$")
# An ad slot's label, maybe with its prompt: "Publicité - Continuez la lecture ci-dessous".
_AD_SLOT = re.compile(
    r"^(?:advertisement|publicite|annonce|sponsored(?: content)?|partner content|"
    r"contenus? (?:sponsorises?|partenaires?)|articles? sponsorises?)"
    r"(?:\s*[-–:|]\s*(?:continue|scroll|continuez|la suite|story continues|article continues)"
    r"[^.]{0,40}\.?)?$"
)
_DEBRIS_MAX_CHARS = 30  # the longest debris above ("retour en haut de la page") fits
_AD_SLOT_MAX_CHARS = 90
_PROMPT_MAX_CHARS = 160  # comment prompts, share bars and calls to action are short
_COMMENTS = re.compile(
    r"(?:vous devez etre (?:membre|connecte|abonne|inscrit)|devenez membre|connectez-vous|"
    r"aucun commentaire|ajouter un commentaire|laisser un commentaire|ecrire un commentaire|"
    r"ce contenu n'est pas ouvert aux commentaires|les commentaires sont (?:fermes|clos)|"
    r"commentaires? \(\d+\)|^\d+ commentaires?$|^commentaires?$|^reagir|^reagissez|"
    r"soyez le premier a (?:commenter|reagir)|signaler (?:un abus|ce commentaire)|"
    r"^(?:voir|afficher|lire) (?:les |tous les )?(?:\d+ )?commentaires|"
    r"^\d+ (?:reactions?|reponses?)$|"
    r"leave a (?:comment|reply)|add a comment|^\d+ comments?$|^comments?$|no comments yet|"
    r"comments? \(\d+\)|^(?:view|show|see|read) (?:all )?(?:\d+ )?comments|"
    r"comments are closed|(?:log|sign) in to (?:comment|reply)|be the first to comment|"
    r"report (?:abuse|this comment)|join the (?:conversation|discussion))"
)
# Every comment prompt contains one of these: lines without any skip the regex search.
_COMMENT_HINTS = (
    "comment", "membre", "connect", "reagi", "signaler", "reply", "reaction", "reponse",
    "report ", "join the", "vous devez",
)  # fmt: skip
# Calls to action, whatever follows them: "Abonnez-vous pour lire la suite", "Lire aussi : ...".
_PROMO = re.compile(
    r"^(?:abonnez-vous|s'abonner|je m'abonne|deja abonne|reserve aux abonnes|"
    r"cet article est reserve|article reserve|la suite est reservee|inscrivez-vous|"
    r"s'inscrire|votre adresse (?:e-mail|email|mail)|recevez (?:notre|nos|gratuitement)|"
    r"subscribe (?:to|now|for|today)|sign up (?:for|to|now|here|today)|already a subscriber|"
    r"subscribers? only|your email address|get (?:our|the) (?:\w+ )?newsletter|"
    r"(?:a )?lire (?:aussi|egalement|la suite)|voir aussi|"
    r"sur le meme (?:sujet|theme)|dans la meme rubrique|a voir (?:aussi|egalement)|"
    r"see also|you (?:may|might) also like|vous aimerez aussi|"
    r"telecharger l'application|download (?:the|our) app|"
    r"suivez-nous|follow us|retrouvez-nous|"
    r"cet article vous a plu|vous avez aime cet article|did you (?:enjoy|like) this|"
    r"was this article helpful|signaler une erreur|report an error|suggest a correction|"
    r"explore more on these topics|"
    r"reuse this content|reutiliser ce contenu|offrir cet article|gift this article|"
    r"ajouter a (?:vos|mes) (?:selections|favoris)|save (?:this )?(?:article|story)|"
    r"lire plus tard|read later)\b"
    # Labels, which are prose words too ("Related parties must ..."): alone on their line or
    # followed by a colon, a bar or an arrow. "Sujet brûlant" may be a heading, "Sujets :" not.
    r"|^(?:newsletters?(?: [\w'-]+){0,2}|subscribe|sign up|read (?:more|also|next)|"
    r"related(?: articles?| stories| content| coverage)?|recommended(?: for you)?|"
    r"most (?:read|popular|viewed)|les plus lus|a decouvrir|more on this (?:story|topic)|"
    r"more from|further reading|trending|editor's picks|nos partenaires|offre speciale|"
    r"our standards|editorial standards|nos engagements|mots-cles|mots cles|tags?|sujets?|"
    r"themes?|keywords?|topics?|categories?|rubriques?|filed under|publie dans|classe dans)"
    r"\s*(?:$|[:|>»\"])"  # (» is folded to ")
)
# A bare "Lire aussi :" / "Related:" label: the headline links that follow it are promotion too.
_RELATED_LABEL = re.compile(
    r"^(?:(?:a )?lire (?:aussi|egalement)|voir aussi|a voir (?:aussi|egalement)|"
    r"sur le meme (?:sujet|theme)|dans la meme rubrique|les plus lus|a decouvrir|"
    r"vous aimerez aussi|read (?:more|also|next)|see also|"
    r"related(?: articles?| stories| content| coverage)?|more on this (?:story|topic)|"
    r"recommended(?: for you)?|most (?:read|popular)|you (?:may|might) also like|"
    r"further reading)[\s:>»-]*$"
)
# "Lire la suite de l'article sur Le Parisien.fr", "Read the full story at Reuters": the site
# follows a preposition, so "Read more: <a headline>" is a link, not a source.
_READ_MORE_ON = re.compile(
    r"^(?:lire la suite(?: de (?:l['’]article|cet article))?|"
    r"lire l['’]article(?: complet| original| en entier)?|"
    r"retrouvez (?:l['’]article|cet article)(?: complet)?(?: en int[ée]gralit[ée])?|"
    r"(?:cet )?article (?:complet|original)|"
    r"(?:cet article a [ée]t[ée] )?(?:initialement|d['’]abord|originellement) publi[ée]|"
    r"read (?:the )?(?:full|original|rest of the|entire) (?:article|story)|continue reading|"
    r"read more|(?:this (?:article|story) )?(?:was )?(?:first|originally) (?:appeared|published))"
    r"\s*(?:sur|on|at|chez|in|dans)\s+(?P<source>\S.{0,80}?)[\s.…:]*$",
    re.IGNORECASE,
)
_READ_MORE_INITIALS = "lrcaidotwf"  # lire, retrouvez, cet, article, initialement, d'abord, ...
_READ_MORE_MAX_CHARS = 160  # the longest phrase, its preposition and an 80-character site
# "Source : l'Insee.", "Source: company filings", "Source : Le Monde": usually a data credit under
# a chart, sometimes the publisher (the parser decides from where the line is).
_SOURCE_LABEL = re.compile(r"^sources?\s*(?::|-)\s*(?P<source>\S.{0,80}?)[\s.…]*$", re.IGNORECASE)

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
        "ex-twitter",
        "l",
        "copie",
        "les",
        "reseaux",
        "sociaux",
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
        "imprimer",
        "print",
        "email",
        "e-mail",
        "copier",
        "lien",
    ]
)
# Every share bar contains one of these: lines without any skip the tokenising.
_SHARE_HINTS = (
    "parta", "share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
    "imprimer", "print", "mail", "copier", "lien",
)  # fmt: skip
_SHARE_MAX_CHARS = 160
_PROSE_END = frozenset('.!?"')
_SHARE_SPLIT = re.compile(r"[\s|•·/,;:'()]+")
_CAPTION_LABEL = re.compile(
    r"^(?:photo|photos|credit photo|credits? photos?|credits?|illustration|image|infographie|"
    r"legende|caption|picture|pictured|source photo)\s*(?::|©|-|/)"
)
_PHOTO_AGENCIES = (
    r"(?:afp|reuters|ap|getty images?|ap photo|shutterstock|istock(?:photo)?|maxppp|abaca|sipa|"
    r"epa|dr|hans lucas|leemage|bloomberg|xinhua|anadolu|dpa|belga|efe|alamy|pa images|"
    r"pa wire|afp photo|epa-efe|nurphoto|sopa images|imago|picture alliance)"
)
_PHOTO_AGENCY_TAIL = re.compile(rf"/\s*{_PHOTO_AGENCIES}\b[^/]{{0,30}}$")
# A credit line on its own: "Getty Images", "AFP/Archives", "Reuters/John Smith".
_PHOTO_CREDIT_ONLY = re.compile(rf"^{_PHOTO_AGENCIES}(?:\s*(?:/|via|-)\s*[^/.]{{1,40}})?$")
_CREDIT_ONLY_MAX_CHARS = 80
# A caption that ends with its credit: "The ferry at its berth. Photo: Rhys Morgan",
# "Le maire, à Lyon (Photo : Jean Dupont)".
_CREDIT_WORDS = ("photo", "credit", "image", "illustration")
_CREDIT_TAIL_CHARS = 90  # the credit is at the very end: only the tail is searched
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?)\]]\s+|\s[-–—|]\s|\()(?:photos?|photograph|photographie|credit photo|"
    r"credits? photos?|credits?|image|illustration)\s*(?::|©|\bby\b|\bpar\b)\s*"
    r"[^.!?:]{2,60}\)?\.?$"
)
_CAPTION_MAX_CHARS = 300
_COPYRIGHT_LABEL = re.compile(r"^copyright\s*(?:[:©]|\(c\)|by\b|(?:19|20)\d\d)")
# Copyright notices are the page's footer, not a picture's credit.
_COPYRIGHT = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:(?:19|20)\d\d\b|by\b)|"
    r"(?:all rights reserved|tous droits reserves|droits de reproduction reserves)\W*$"
)
# A copyright sign written out, "(c) 2021 Example Media", "Photo (c) Jean Dupont": before a year,
# or before a short credit that ends the line. "(a) fines, (b) bans and (c) criminal referrals"
# is an enumeration, and "(c)" before a lowercase word is one too.
_COPYRIGHT_SIGN = re.compile(r"(?:^|\s)\([cC]\)\s*(?:(?:19|20)\d\d\b|[A-ZÀ-Þ]\S*(?:\s+\S+){0,5}$)")
_ENUMERATION = ("(a)", "(b)")
_RIGHTS_RESERVED = ("rights reserved", "droits reserves", "droits de reproduction")
# Wire credits at the end of a dispatch: "Reporting by X; Editing by Y", "Édité par X".
_CREDITS = re.compile(
    r"^\(?(?:(?:additional|further) )?(?:reporting|writing|editing|edited|research|compiled|"
    r"graphics|production|translation|translated|fact-checked|fact-checking) by\b|"
    r"^\(?(?:edite|redige|traduit|adapte|relu|mis en forme) par\b"
)
_CREDITS_MAX_CHARS = 250
# Cookie and consent banners. A banner speaks to the reader from its first words ("Nous
# utilisons des cookies pour vous ...", "By continuing to browse, you agree ..."): an article
# about cookies reports what someone did or said ("Meta had said: \"We use cookies ...\"",
# "By continuing to browse, users were deemed to accept cookies, the CNIL found").
_CONSENT_OPENING = re.compile(
    r"^(?:nous (?:et nos partenaires )?(?:utilisons|deposons|collectons|stockons)|"
    r"nous et nos partenaires|avec votre (?:accord|consentement)|"
    r"(?:ce|notre) site(?: web| internet)? (?:utilise|depose)|"
    r"(?:les )?cookies nous (?:aident|permettent)|(?:vos|votre) (?:choix|consentement|vie privee)|"
    r"we (?:and our (?:\w+ )?partners )?(?:use|store|collect|value|care about)|"
    r"(?:this|our) (?:web)?site (?:uses|stores)|cookies help us|your (?:privacy|cookie|choices)|"
    r"en (?:poursuivant|continuant)|by (?:continuing|clicking|using (?:this|our)))\b"
)
# The reader, addressed: every banner asks "you" for something.
_CONSENT_READER = re.compile(r"\b(?:vous|votre|vos|you|your)\b")
# Reported speech: a sentence that says who said it is an article's, whatever it quotes.
# ("Selon vos centres d'intérêt", "according to your choices" are a banner's own words.)
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|told|(?:according to|selon) (?!(?:vos|votre|vous|your|you)\b)|"
    r"a (?:declare|indique|affirme|estime|explique|precise|reconnu|releve|juge|ecrit|assure)|"
    r"ont (?:declare|estime|juge|releve))\b"
)
_CONSENT_BUTTON = re.compile(
    r"^(?:(?:tout )?(?:accepter|refuser)(?: et (?:fermer|continuer)| tout| les cookies| "
    r"tous les cookies)?|continuer sans accepter|j'accepte|je refuse|"
    r"(?:accept|reject|decline)(?: all)?(?: cookies)?|i (?:agree|accept)|got it|agree|"
    r"(?:manage|customi[sz]e) (?:my )?(?:preferences|cookies|settings|options|choices)|"
    r"cookies? (?:settings|preferences)|parametrer(?: les cookies)?|"
    r"parametres (?:des|de) cookies|gerer (?:les cookies|mes choix|les preferences|"
    r"mes preferences)|personnaliser(?: mes choix)?|(?:more|plus d') options|"
    r"cookie policy|politique (?:de|des|relative aux|d'utilisation des) cookies|"
    r"gestion des cookies)$"
)
_CONSENT_MAX_CHARS = 1500  # whole banners run long, but they are still a banner
_CONSENT_BUTTON_MAX_CHARS = 40  # a button without the word "cookie": "Continuer sans accepter"

#: News agencies whose name in brackets tags a dispatch: "(AFP)", "PARIS (Reuters) -".
AGENCIES = (
    "AFP", "AP", "Reuters", "ANSA", "ATS", "Belga", "DPA", "dpa", "EFE", "Xinhua", "Kyodo",
    "Yonhap", "TASS", "Bloomberg", "APS", "MAP", "Relaxnews", "ETX Daily Up", "ETX Studio",
    "AFP-Services", "Keystone-ATS", "Agence France-Presse", "Associated Press", "UPI",
)  # fmt: skip
_AGENCY = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True))
_AGENCY_GROUP = rf"(?:{_AGENCY})(?:\s*(?:[/,&-]|et|and)\s*(?:{_AGENCY}))*"
#: A tag at the very end of a paragraph: "... sur ses plateformes. (AFP)".
TRAILING_AGENCY = re.compile(rf"\s*\((?P<source>{_AGENCY_GROUP})\)\s*$")
#: A tag in a dispatch's first words: "PARIS (AFP) - ", "(Reuters) - ", "Paris, 3 mars (AFP) -".
_DATELINE_MAX_CHARS = 60
LEADING_AGENCY = re.compile(
    rf"^(?P<head>[^()]{{0,{_DATELINE_MAX_CHARS}}}?)\s*\((?P<source>{_AGENCY_GROUP})\)\s*(?=[-–—:])"
)
_AGENCY_ONLY = re.compile(rf"^[-–—(\s]*(?P<source>{_AGENCY_GROUP})[)\s.]*$")
# "(avec AFP)", "With Reuters", "Source : AP": only agencies, so "Avec le soutien de ..." is text.
_WITH_AGENCY = re.compile(
    rf"^[-–—(\s]*(?:avec|with|source ?:)\s+(?P<source>{_AGENCY_GROUP})[)\s.]*$", re.IGNORECASE
)


def _contains_any(text: str, words: tuple[str, ...]) -> bool:
    # A plain loop: any() over a generator costs more than the substring tests themselves.
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


def trailing_agency(text: str) -> re.Match[str] | None:
    """:data:`TRAILING_AGENCY` searched in ``text``, from its last "(": the tag's "(" is that
    one (no agency name holds one), so the pattern is not tried at every character before."""
    return TRAILING_AGENCY.search(text, max(0, text.rfind("(")))


def leading_agency(text: str) -> re.Match[str] | None:
    """:data:`LEADING_AGENCY` matched at the start of ``text``, tried only when it can match:
    its tag's "(" is the first one, after at most the dateline's length and then only spaces."""
    bracket = text.find("(")
    if bracket < 0 or (
        bracket > _DATELINE_MAX_CHARS and not text[_DATELINE_MAX_CHARS:bracket].isspace()
    ):
        return None
    return LEADING_AGENCY.match(text)


def read_more_source(line: str) -> str | None:
    """The site named by a "Lire la suite … sur X" / "Read the full article on X" line."""
    # Every phrase of _READ_MORE_ON starts with one of _READ_MORE_INITIALS (any case): most
    # lines stop before the regex. A non-ASCII first letter may still match ("İ" under
    # IGNORECASE), so only ASCII ones are ruled out here.
    first = line[:1]
    if len(line) > _READ_MORE_MAX_CHARS or (
        first.isascii() and first.lower() not in _READ_MORE_INITIALS
    ):
        return None
    match = _READ_MORE_ON.match(line)
    if match is None:
        return None
    return match["source"].strip().rstrip(".…:") or None


def source_label(line: str) -> str | None:
    """What a "Source : X" line credits, as written ("l'Insee", "company filings", "Le Monde").

    Such a line usually credits a chart's data, not the publisher: whether X is the article's
    source is the caller's decision (see :mod:`alireader.core.parse`).
    """
    if len(line) > _READ_MORE_MAX_CHARS or line[:6].casefold() != "source":
        return None
    match = _SOURCE_LABEL.match(line)
    if match is None:
        return None
    return match["source"].strip().rstrip(".…:") or None


def agency_line_source(line: str) -> str | None:
    """The agency of a line that only credits one, as written: "AFP", "(avec AFP)",
    "Source : Reuters"."""
    if match := _AGENCY_ONLY.match(line):
        return match["source"]
    if match := _WITH_AGENCY.match(line):
        return match["source"].strip()
    return None


def is_related_label(folded: str) -> bool:
    """A bare "Lire aussi :" / "Related:" label, whose following lines are headline links."""
    return bool(_RELATED_LABEL.match(folded))


def is_share_bar(folded: str) -> bool:
    """A row of share buttons: "Partager sur Facebook", "Facebook Twitter LinkedIn Email"."""
    if len(folded) > _SHARE_MAX_CHARS or not _contains_any(folded, _SHARE_HINTS):
        return False
    tokens = [token for token in _SHARE_SPLIT.split(folded) if token]
    if not tokens or len(tokens) > 14:
        return False
    return all(t in _SHARE_WORDS or t.isdigit() for t in tokens) and any(
        t in _SHARE_KEYS for t in tokens
    )


def is_caption(line: str, folded: str) -> bool:
    """A photo caption or credit: it carries ©, a "Photo :" label, a "/ AFP" agency credit,
    a credit at its end ("... Photo: Rhys Morgan") or is a credit alone ("Getty Images")."""
    if len(line) > _CAPTION_MAX_CHARS:
        return False
    if "©" in line or _COPYRIGHT_LABEL.match(folded):
        return True
    if "(c)" in folded and _COPYRIGHT_SIGN.search(line) and not _contains_any(folded, _ENUMERATION):
        return True
    return bool(
        _CAPTION_LABEL.match(folded)
        or (
            "/" in folded
            and _PHOTO_AGENCY_TAIL.search(folded) is not None
            # "... plateformes. (AFP/Reuters)" is a dispatch's tag, not a photo credit
            and not (line.endswith(")") and trailing_agency(line))
        )
        or (len(folded) <= _CREDIT_ONLY_MAX_CHARS and _PHOTO_CREDIT_ONLY.match(folded))
        or (
            _contains_any(folded, _CREDIT_WORDS)
            and _CREDIT_TAIL.search(folded, max(0, len(folded) - _CREDIT_TAIL_CHARS)) is not None
        )
    )


def is_consent(line: str, folded: str) -> bool:
    """A cookie or consent banner line: "Nous utilisons des cookies pour vous ...", "Tout
    accepter".

    A banner's text opens with the site speaking ("Nous utilisons", "We use", "En poursuivant",
    "By clicking"), addresses the reader ("vous", "you") and reports nobody's words; a button
    is a whole line. Prose about cookies, quotes of a banner included, is none of these.
    """
    if len(line) > _CONSENT_MAX_CHARS:
        return False
    if "ookie" in line or "OOKIE" in line:
        if folded == line:  # a long line arrives unfolded
            folded = fold(line)
        if _CONSENT_BUTTON.match(folded):
            return True
        return bool(
            _CONSENT_OPENING.match(folded)
            and _CONSENT_READER.search(folded)
            and not _REPORTED_SPEECH.search(folded)
        )
    return len(folded) <= _CONSENT_BUTTON_MAX_CHARS and bool(_CONSENT_BUTTON.match(folded))


def classify_noise(line: str, folded: str) -> Removal | None:
    """Why ``line`` is site furniture rather than article text, or None if it may be text.

    ``folded`` is ``fold(line)``. Only short lines are judged (a long line is prose), except
    for cookie banners, which run long.
    """
    length = len(line)
    if length > _CAPTION_MAX_CHARS:
        return Removal.CONSENT if is_consent(line, folded) else None
    if length <= _DEBRIS_MAX_CHARS and (
        _DEBRIS.match(folded) or (_STRAY_WORD.match(folded) and not (length > 1 and line.istitle()))
    ):
        return Removal.DEBRIS
    if length <= _AD_SLOT_MAX_CHARS and _AD_SLOT.match(folded):
        return Removal.DEBRIS
    if length <= _PROMPT_MAX_CHARS:
        if _contains_any(folded, _COMMENT_HINTS) and _COMMENTS.search(folded):
            return Removal.COMMENTS
        # A share bar never ends like a sentence: most prose stops before the tokenising.
        if folded[-1:] not in _PROSE_END and is_share_bar(folded):
            return Removal.SHARE
        if _PROMO.match(folded):
            return Removal.PROMO
    short = length <= _CONSENT_BUTTON_MAX_CHARS
    if (short or "ookie" in line or "OOKIE" in line) and is_consent(line, folded):
        return Removal.CONSENT
    if length <= _CREDITS_MAX_CHARS and _CREDITS.match(folded):
        return Removal.BYLINE
    if (folded[:1] in "c©(" or _contains_any(folded, _RIGHTS_RESERVED)) and _COPYRIGHT.search(
        folded
    ):
        return Removal.FOOTER
    if is_caption(line, folded):
        return Removal.CAPTION
    return None
