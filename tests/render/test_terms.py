"""Terms of art are explained once, where a document first uses them, from the glossary."""

from __future__ import annotations

from policygen.render.terms import Term, TermExplainer, load_terms

TERMS = (
    Term("personuppgifter", ("personuppgifter", "personuppgifterna"), "uppgifter om dig"),
    Term("personuppgiftsbiträde", ("personuppgiftsbiträde",), "ett företag som hanterar personuppgifter åt oss"),
    Term("tredje land", ("tredje land", "tredje länder"), "ett land utanför EU"),
)


def test_first_use_is_explained_and_later_uses_are_bare():
    term = TermExplainer(TERMS)
    assert term("personuppgifter") == "personuppgifter (uppgifter om dig)"
    assert term("personuppgifter", "personuppgifterna") == "personuppgifterna"


def test_an_explanation_that_uses_another_term_explains_that_term_inside_it():
    term = TermExplainer(TERMS)
    assert term("personuppgiftsbiträde") == (
        "personuppgiftsbiträde (ett företag som hanterar personuppgifter (uppgifter om dig) åt oss)")
    assert term.explained("personuppgifter")


def test_explain_in_inserts_after_the_first_unexplained_use_only():
    term = TermExplainer(TERMS)
    text = "Vi skickar personuppgifterna till tredje\nländer. Personuppgifterna skyddas."
    assert term.explain_in(text) == (
        "Vi skickar personuppgifterna (uppgifter om dig) till tredje\nländer (ett land utanför EU). "
        "Personuppgifterna skyddas.")
    assert term.explain_in("Fler personuppgifter.") == "Fler personuppgifter."


def test_explain_in_leaves_an_existing_parenthesis_alone():
    term = TermExplainer(TERMS)
    assert term.explain_in("personuppgifter (det vill säga allt om dig)") == (
        "personuppgifter (det vill säga allt om dig)")
    assert term.explained("personuppgifter")


def test_used_in_lists_terms_for_text_that_must_not_change():
    term = TermExplainer(TERMS)
    assert term.used_in(["Ja, spara mina personuppgifter."]) == [("personuppgifter", "uppgifter om dig")]
    assert term.used_in(["Ja, spara mina personuppgifter."]) == []


def test_fresh_starts_over():
    term = TermExplainer(TERMS)
    term("personuppgifter")
    assert term.fresh()("personuppgifter") == "personuppgifter (uppgifter om dig)"


def test_the_shipped_glossaries_load():
    for lang in ("sv", "en"):
        terms = {t.term for t in load_terms(lang)}
        assert {"sv": "personuppgiftsbiträde", "en": "processor"}[lang] in terms
