"""Built-in country and authority data."""

from __future__ import annotations

from policygen.data import authorities, countries


def test_eu_and_eea_membership():
    assert len(countries.EU_MEMBER_STATES) == 27
    assert countries.EU_EEA == countries.EU_MEMBER_STATES | {"IS", "LI", "NO"}
    assert countries.in_eu_eea("SE") and countries.in_eu_eea("NO")
    assert not countries.in_eu_eea("GB") and not countries.in_eu_eea("CH")
    assert not countries.in_eu_eea("US")


def test_adequacy_list():
    expected = {"AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ",
                "US", "UY"}
    assert set(countries.ADEQUACY) == expected
    assert countries.adequacy("US").conditional
    assert not any(d.conditional for code, d in countries.ADEQUACY.items() if code != "US")
    assert countries.adequacy("IN") is None
    assert not (set(countries.ADEQUACY) & countries.EU_EEA)


def test_every_iso_code_the_model_accepts_has_a_swedish_and_an_english_name():
    from policygen.lang import cldr
    from policygen.model.values import iso_countries
    from policygen.render.words import pack_for

    sv, en = pack_for("sv"), pack_for("en")
    for code in sorted(iso_countries()):
        names = (cldr.country_name(sv, code), cldr.country_name(en, code))
        assert all(name and name != code for name in names), code
    assert cldr.country_name(sv, "CH") == "Schweiz" and cldr.country_name(en, "CH") == "Switzerland"
    assert cldr.country_name(sv, "US") == "USA" and cldr.country_name(en, "US") == "the United States"


def test_every_adequacy_decision_has_its_name_in_both_languages():
    from policygen.render.context import decision_name
    from policygen.render.words import pack_for

    names = {lang: {code: decision_name(pack_for(lang), decision)
                    for code, decision in countries.ADEQUACY.items()} for lang in ("sv", "en")}
    assert names["en"]["CH"] == "Commission Decision 2000/518/EC"
    assert names["sv"]["CH"] == "Kommissionens beslut 2000/518/EG"
    assert names["sv"]["GB"] == "Kommissionens genomförandebeslut (EU) 2021/1772, förnyat 2025"
    assert names["en"]["UY"] == "Commission Implementing Decision 2012/484/EU"


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
