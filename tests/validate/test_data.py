"""Built-in country and authority data."""

from __future__ import annotations

from policygen.data import authorities, countries


def test_eu_and_eea_membership():
    assert len(countries.EU_MEMBER_STATES) == 27
    assert countries.EU_EEA == countries.EU_MEMBER_STATES | {"IS", "LI", "NO"}
    assert countries.in_eu_eea("se") and countries.in_eu_eea("NO")
    assert not countries.in_eu_eea("GB") and not countries.in_eu_eea("CH")
    assert countries.is_third_country("US")


def test_adequacy_list():
    expected = {"AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ",
                "US", "UY"}
    assert set(countries.ADEQUACY) == expected
    assert countries.adequacy("US").conditional
    assert not any(d.conditional for code, d in countries.ADEQUACY.items() if code != "US")
    assert countries.adequacy("IN") is None
    assert not (set(countries.ADEQUACY) & countries.EU_EEA)


def test_country_names_cover_every_listed_country():
    for code in countries.EU_EEA | set(countries.ADEQUACY):
        sv, en = countries.COUNTRY_NAMES[code]
        assert sv and en
    assert countries.country_name("CH", "sv") == "Schweiz"
    assert countries.country_name("XX", "en") == "XX"


def test_imy_is_built_in():
    imy = authorities.known_authority("imy")
    assert imy.name == {"sv": "Integritetsskyddsmyndigheten (IMY)",
                        "en": "the Swedish Authority for Privacy Protection (IMY)"}
    assert imy.website == "https://www.imy.se"
    assert authorities.known_authority("CNIL") is None


def test_data_modules_import_without_pydantic():
    import subprocess
    import sys

    code = ("import sys; import policygen.data.countries, policygen.data.authorities; "
            "print('pydantic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
