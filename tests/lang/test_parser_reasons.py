"""The YAML reader's, the TOML reader's and Jinja's reasons in the interface language: English is
the library's own text, unchanged; Swedish explains the same in plain words."""

from __future__ import annotations

import pytest

from policygen.lang.messages import speaking
from policygen.lang.parser_reasons import template_reason, toml_reason, yaml_context, yaml_reason

YAML = [
    ("mapping values are not allowed here", "ett kolon följt av mellanslag får inte stå här"),
    ("could not find expected ':'", "kolonet efter nyckeln saknas"),
    ("expected ',' or ']', but got ':'", "här borde `,` eller `]` stå, men det står ':'"),
    ("expected ',' or '}', but got '<stream end>'", "filen tar slut innan `}` har stängt det som öppnades"),
    ("expected <block end>, but found a list item",
     "indraget stämmer inte: här står en listpunkt (`- `) på en nivå där det inte hör hemma"),
    ("expected <block end>, but found '<scalar>'",
     "indraget stämmer inte: här står ett värde på en nivå där det inte hör hemma"),
    ("found character '@' that cannot start any token",
     "tecknet '@' kan inte inleda ett värde; sätt värdet inom citattecken"),
    ("found unknown escape character 'q'",
     "inom dubbla citattecken får \\ inte följas av 'q' (skriv \\\\ för ett omvänt snedstreck)"),
    ("found unexpected end of stream", "filen tar slut innan ett värde är avslutat"),
    ("expected the node content, but found '<stream end>'", "filen tar slut där ett värde borde stå"),
]

TEMPLATES = [
    ("'nope' is undefined", "'nope' finns inte bland det en mall får använda"),
    ("No filter named 'shout'.", "Det finns inget filter som heter 'shout'."),
    ("unexpected '}', expected ')'", "här står '}', men det borde stå ')'"),
    ("unexpected 'end of print statement'", "`}}` står på fel ställe"),
    ("access to attribute '__class__' of 'Controller' object is unsafe.",
     "en mall får inte läsa attributet '__class__' hos ett 'Controller'-objekt, av säkerhetsskäl."),
    ("Encountered unknown tag 'foo'. Jinja was looking for the following tags: 'endblock'. The innermost "
     "block that needs to be closed is 'block'.",
     "Taggen 'foo' är okänd här. Jinja väntade sig någon av taggarna 'endblock'. Det innersta blocket "
     "som inte är stängt är 'block'."),
]


@pytest.mark.parametrize(("english", "swedish"), YAML)
def test_yaml_reasons(english: str, swedish: str) -> None:
    with speaking("en"):
        assert yaml_reason(english) == english
    with speaking("sv"):
        assert yaml_reason(english) == swedish


@pytest.mark.parametrize(("english", "swedish"), TEMPLATES)
def test_template_reasons(english: str, swedish: str) -> None:
    with speaking("en"):
        assert template_reason(english) == english
    with speaking("sv"):
        assert template_reason(english) == swedish


def test_toml_reasons_and_yaml_contexts() -> None:
    with speaking("sv"):
        assert toml_reason("Unclosed array") == "listan stängs inte med ]"
        assert toml_reason("Expected '=' after a key in a key/value pair") == "efter nyckeln saknas ="
        assert yaml_context("while scanning a double-quoted scalar") == (
            "felet sitter i ett värde inom dubbla citattecken")
    with speaking("en"):
        assert toml_reason("Unclosed array") == "Unclosed array"


def test_a_reason_no_pattern_knows_stays_as_the_library_wrote_it() -> None:
    with speaking("sv"):
        assert yaml_reason("found a spaceship") == "found a spaceship"
        assert template_reason("Something odd. And more.") == "Something odd. And more."


def test_json_reasons() -> None:
    from policygen.lang.parser_reasons import json_reason

    with speaking("sv"):
        assert json_reason("Expecting ',' delimiter") == "här saknas ett kommatecken"
    with speaking("en"):
        assert json_reason("Expecting ',' delimiter") == "Expecting ',' delimiter"


def test_os_reasons_follow_the_interface_language_but_keep_our_own_texts() -> None:
    import errno
    import os

    from policygen.lang.parser_reasons import os_reason

    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "x")
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    ours = OSError(errno.EEXIST, "something of our own")
    with speaking("sv"):
        assert os_reason(missing) == "filen eller mappen finns inte"
        assert os_reason(full) == "det finns inget utrymme kvar på disken"
        assert os_reason(ours) == "something of our own"
    with speaking("en"):
        assert os_reason(missing) == os.strerror(errno.ENOENT)
