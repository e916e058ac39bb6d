"""Words and sentences as DESIGN.md defines them, and spaCy's tokenizer with our abbreviations."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from policygen.check.analyse import analyse


def words(text: str, lang: str) -> list[tuple[str, int]]:
    document = analyse(text, lang, "txt")
    return [(word.text, word.letters) for word in document.words]


def sentences(text: str, lang: str) -> list[str]:
    return [sentence.text for sentence in analyse(text, lang, "txt").sentences]


def test_compounds_contractions_possessives_and_abbreviations_are_one_word_each() -> None:
    assert words("Skicka e-post till CRM-systemet, t.ex. (idag)!", "sv") == [
        ("Skicka", 6), ("e-post", 5), ("till", 4), ("CRM-systemet", 11), ("t.ex.", 3), ("idag", 4),
    ]  # fmt: skip
    assert words("Don't share the company's data, i.e. «ours».", "en") == [
        ("Don't", 4), ("share", 5), ("the", 3), ("company's", 8), ("data", 4), ("i.e.", 2), ("ours", 4),
    ]  # fmt: skip


def test_numbers_urls_and_emails_are_not_words() -> None:
    assert words("Ring 08-123 45 67, 24 h/dygn, 3:e gången: info@x.se http://x.se www.x.se", "sv") == [
        ("Ring", 4), ("h/dygn", 5), ("3:e", 1), ("gången", 6),
    ]  # fmt: skip


def test_long_words_count_letters_only() -> None:
    document = analyse("e-postadress CRM-system rättsligt 1234567a", "sv", "txt")
    assert [(word.text, word.is_long) for word in document.words] == [
        ("e-postadress", True), ("CRM-system", True), ("rättsligt", True), ("1234567a", False),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Se t.ex. avtalet. Enl. lagen gäller det. Ca. tio dagar!", "sv", ["Se t.ex. avtalet.", "Enl. lagen gäller det.", "Ca. tio dagar!"]),
        ("Jfr. art. 6 dataskyddsförordningen. Klart?", "sv", ["Jfr. art. 6 dataskyddsförordningen.", "Klart?"]),
        ("See Art. 6 and Sec. 2, approx. ten days, e.g. now. Done.", "en", ["See Art. 6 and Sec. 2, approx. ten days, e.g. now.", "Done."]),
        ("Version 2.0 is out.Really. Yes", "en", ["Version 2.0 is out.Really.", "Yes"]),
        ("Wait... what?! No.", "en", ["Wait...", "what?!", "No."]),
        ("123. 456. Ord.", "sv", ["Ord."]),
    ],
)
def test_sentence_ends(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_every_block_ends_a_sentence() -> None:
    document = analyse("# Rubrik utan punkt\n\n- punkt ett\n- punkt två\n", "sv", "md")
    assert [sentence.text for sentence in document.sentences] == ["Rubrik utan punkt", "punkt ett", "punkt två"]


@pytest.mark.parametrize(
    ("lang", "text", "token"),
    [("sv", "Se enl. avtalet och jfr. lagen, ca. tio, art. 6.", "enl."), ("sv", "Jfr. art. 6.", "art."),
     ("en", "See Art. 6, Sec. 2, No. 5, approx. ten.", "approx.")],
)  # fmt: skip
def test_spacy_tokenizer_keeps_our_abbreviations_whole(lang: str, text: str, token: str) -> None:
    from policygen.check.tokens import nlp

    tokens = [t.text for t in nlp(lang)(text)]
    assert token in tokens
    assert nlp(lang) is nlp(lang)  # created once


def test_bare_domains_are_not_words_but_abbreviations_are() -> None:
    assert [w for w, _ in words("Besök exempel.se eller example.com/privacy, t.ex. nu.", "sv")] == ["Besök", "eller", "t.ex.", "nu"]


_ALPHABET = st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(" \n\t\xa0.!?()-'’,t.ex.e.g.…"))


def _spacy_runs(text: str, lang: str) -> list[tuple[int, int, int]]:
    """``(start, end, last)`` of every run of spaCy tokens of the whole text with no white space
    between them; ``last`` is where the run's final spaCy token starts. The reference the checker's
    white-space tokens must equal, read from spaCy's own tokens."""
    from policygen.check.tokens import nlp

    runs: list[tuple[int, int, int]] = []
    start = last = end = -1
    for token in nlp(lang)(text):
        if token.is_space:
            if start >= 0:
                runs.append((start, end, last))
            start = -1
            continue
        if start < 0:
            start = token.idx
        last, end = token.idx, token.idx + len(token)
        if token.whitespace_:
            runs.append((start, end, last))
            start = -1
    if start >= 0:
        runs.append((start, end, last))
    return runs


def _reference_sentences(text: str, lang: str) -> list[str]:
    """DESIGN.md's sentences of a one-block text, from spaCy's tokens of the whole text: a run whose
    final spaCy token ends with . ! or ? and is no listed abbreviation ends a sentence."""
    from policygen.check.tokens import abbreviations, is_abbreviation, make_word

    found, first = [], None
    words = False
    for start, end, last in _spacy_runs(text, lang):
        first = start if first is None else first
        words = words or make_word(text[start:end], start, abbreviations(lang)) is not None
        if text[end - 1] in ".!?" and not is_abbreviation(text[last:end], abbreviations(lang)):
            if words:
                found.append(text[first:end])
            first, words = None, False
    if first is not None and words:
        found.append(text[first : len(text.rstrip())])
    return found


_ABBREVIATED = st.sampled_from(["t.ex.", "(t.ex.", "bl.a.", "oss.", "Art.", "(e.g.", "e.g.", "i.e.", "start.", "p.",
                                "S.", "osv.", "No.", "«e.g.", "app.", "t.ex.)", "m.m.!", "Inc.?"])
_PROSE = st.lists(st.text(_ALPHABET, max_size=8) | _ABBREVIATED, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.text(_ALPHABET, max_size=63) | _PROSE, lang=st.sampled_from(["sv", "en"]))
def test_spacy_runs_are_exactly_the_white_space_tokens(text: str, lang: str) -> None:
    """Merging spaCy tokens not separated by white space gives back DESIGN.md's white-space tokens,
    and the final spaCy token of each is found where it decides a sentence end (runs are shorter
    than 64 characters here: a longer one is not handed to spaCy at all)."""
    assume(all(len(run) < 64 for run in text.split()))
    assert [(start, end) for start, end, _last in _spacy_runs(text, lang)] == [
        (match.start(), match.end()) for match in re.finditer(r"\S+", text)
    ]
    assert _spans(text, lang) == _spacy_runs(text, lang)  # each token alone is cut as in the text
    for block in analyse(text, lang, "txt").blocks:  # a block's text: its lines joined
        assert [sentence.text for sentence in block.sentences] == _reference_sentences(block.text, lang)


def _spans(text: str, lang: str) -> list[tuple[int, int, int]]:
    """``(start, end, last)`` of every white-space token of ``text``, ``last`` found as the checker
    finds it: spaCy is given the tokens alone, one per line (:func:`policygen.check.tokens._last_starts`),
    and a token of ``_LONG_RUN`` characters or more ends with its final character."""
    from policygen.check.tokens import _LONG_RUN, _last_starts

    short = [match for match in re.finditer(r"\S+", text) if len(match.group()) < _LONG_RUN]
    lasts = dict(zip((match.start() for match in short), _last_starts([match.group() for match in short], lang)))
    return [(match.start(), match.end(), match.start() + lasts.get(match.start(), len(match.group()) - 1))
            for match in re.finditer(r"\S+", text)]


def test_a_long_block_is_split_like_its_parts() -> None:
    text = "Vi sparar e-post t.ex. i tre år. Du kan fråga oss! " * 40
    whole = [(s.text, [w.text for w in s.words]) for s in analyse(text, "sv", "txt").sentences]
    assert whole[:2] == [("Vi sparar e-post t.ex. i tre år.", ["Vi", "sparar", "e-post", "t.ex.", "i", "tre", "år"]),
                         ("Du kan fråga oss!", ["Du", "kan", "fråga", "oss"])]
    assert whole == whole[:2] * 40


def test_an_abbreviation_after_an_opening_bracket_does_not_end_the_sentence() -> None:
    """spaCy strips the bracket and keeps ``t.ex.`` whole, so it is the abbreviation that is tested."""
    assert sentences("Vissa uppgifter (t.ex. namn) sparas. Andra (bl.a. adress) inte.", "sv") == [
        "Vissa uppgifter (t.ex. namn) sparas.", "Andra (bl.a. adress) inte.",
    ]  # fmt: skip
    assert sentences("Some data («e.g. names») is kept. Done.", "en") == ["Some data («e.g. names») is kept.", "Done."]


def test_a_long_run_without_space_skips_spacy_but_keeps_the_definition() -> None:
    """spaCy's affix loop is quadratic on a giant run; such a run stays one white-space token."""
    text = "Se " + "(" * 200_000 + "x. Hej. " + "a" * 1500 + " slut https://example.com/" + "a/" * 40 + "."
    document = analyse(text, "sv", "txt")
    assert [sentence.text[:4] for sentence in document.sentences] == ["Se (", "Hej.", "aaaa"]
    assert [(word.text, word.start) for word in document.words] == [
        ("Se", 0), ("x", 200_003), ("Hej", 200_006), ("a" * 1500, 200_011), ("slut", 201_512),
    ]  # fmt: skip
    assert [(start, end) for start, end, _last in _spans(text, "sv")] == [
        (match.start(), match.end()) for match in re.finditer(r"\S+", text)
    ]


def test_the_pipeline_is_rebuilt_when_its_vocabulary_grows_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's vocabulary keeps every new token string; memory stays bounded on huge varied files."""
    from policygen.check import tokens

    monkeypatch.setattr(tokens, "_decided", {})  # nothing decided yet: spaCy is asked about each new token
    # each word ends like the abbreviation "s.", so spaCy has to tokenise it
    text = " ".join(f"ord{chr(0x61 + i % 26)}{chr(0x61 + i // 26 % 26)}{chr(0x61 + i // 676)}s." for i in range(3000))
    expected = [(s.text, [w.text for w in s.words]) for s in analyse(text, "sv", "txt").sentences]
    first = tokens.nlp("sv")
    monkeypatch.setattr(tokens, "_VOCAB_LIMIT", len(first.vocab) + 100)
    assert [(s.text, [w.text for w in s.words]) for s in analyse(text.upper(), "sv", "txt").sentences] == [
        (sentence.upper(), [word.upper() for word in words]) for sentence, words in expected
    ]
    # checked before each call to spaCy (a block with tokens that may end with an abbreviation)
    assert analyse("Nästa block, t.ex. detta.", "sv", "txt").sentences[0].text == "Nästa block, t.ex. detta."
    assert tokens.nlp("sv") is not first
    assert len(tokens.nlp("sv").vocab) <= len(first.vocab)
