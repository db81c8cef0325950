"""The body digest behind reading-state keys: its normalisation, and stability across versions."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.keys import body_digest, normalise_body

# Spaces of every kind (the usual ones of French text and the rare ones), case pairs whose
# casefold differs from lower (ß, ﬁ, final sigma), decomposed accents and surrogates.
_BODY_ALPHABET = st.one_of(
    st.sampled_from(
        [
            *"aZ é\u0301E\n\t\r\x0b\x0c\x1c\x85\u00a0\u202f\u2009\u2003\u2028\u3000ßﬁΣς\x00",
            *("\ud800", "İ"),
        ]
    ),
    st.characters(),
)


@given(st.text(alphabet=_BODY_ALPHABET, max_size=60))
@settings(max_examples=300, deadline=None)
def test_normalise_body_is_nfc_casefolded_single_spaced(body: str) -> None:
    # The definition, the slow way: the fast path must agree on every text.
    expected = " ".join(unicodedata.normalize("NFC", body).casefold().split())
    assert normalise_body(body) == expected


def test_body_digest_is_stable() -> None:
    # Reading states are stored under keys made from this digest: it must never change.
    body = "Le\u00a0Premier ministre a annoncé…\n\nÉtape  deux\u202f: « Straße »"
    assert body_digest(body).hex() == "0b559b3151815d441f8963e4f7642e97"
    assert body_digest("plain ascii\n\nBODY").hex() == "36579c8594414a485218551c1568a70d"
