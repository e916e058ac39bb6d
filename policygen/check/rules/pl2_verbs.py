"""Verb forms for suggestions that can be pasted: the active form of a Swedish s-passive, in the
tense it was written in, and the base, past and third-person forms of an English verb from its
past participle. Not a rule itself.

Swedish. The s-form tells its tense and conjugation when the words before it are known (a modal
or *att* before it makes it an infinitive, *har*/*hade* a supine); the active form then follows
by rule:

- infinitive and supine drop the -s: *härledas* → *härleda*, *samlats* → *samlat*, *getts* → *gett*;
- past drops the -s: *sparades* → *sparade*, *användes* → *använde*, *gavs* → *gav*;
- present: -as → -ar (conjugation 1: *lagras* → *lagrar*, *tas* → *tar*); a vowel + s and the
  formal -es → +r/-er (*ges* → *ger*, *nås* → *når*, *läses* → *läser*); a stem in -r keeps it
  (*förs* → *för*, *överförs* → *överför*, *görs* → *gör*); any other consonant + s → -er
  (*används* → *använder*, *säljs* → *säljer*, *härleds* → *härleder*); a stem in single -m
  doubles it (*bestäms* → *bestämmer*), except the long-vowel verbs listed (*döms* → *dömer*).

English. Participle → base: a lexicon of irregular verbs (with their past forms), then spelling
rules for the regular -ed: *-ied* → *-y* (*copied*) or *-ie* (*tied*); a doubled consonant is
undoubled (*transferred*, *stopped*) except *-ss*, *-ll* after *a*, *-ff*, and *added*; a silent
*e* is restored after the endings that need it (*-v*, *-c*, *-z*, *-s*, *-g*, single vowel +
consonant: *saved, enhanced, organized, used, purged, engaged, stored, described, updated*),
and not after two vowels or a consonant cluster (*cleared, avoided, collected, posted*). Where
a spelling rule cannot tell (*-or*, *-et*, *-it*, *-ot*, *-op*, *-on*, *-al*), the verbs that
take the *e* are listed (*store, ignore, delete, complete, invite, promote, scope, phone,
scale*), written for this module from general knowledge of English spelling; no outside word
list is used.
"""

from __future__ import annotations

from policygen.check.rules.pl2_patterns import word_set

# --- verbs of handling data (PL203, PL212) ---------------------------------------------------

EN_DATA_PARTICIPLES = word_set(
    """
    shared disclosed transferred used processed collected combined sold passed sent provided
    accessed stored kept retained given transmitted rented matched linked analysed analyzed
    monitored recorded published exchanged traded forwarded released moved inferred derived
    deduced
    """
)

# The same for Swedish, as the stems of s-passives ("delas", "överläts", "har samkörts"): a form
# that can be downloaded or a door that can be opened is not about the reader's data.
SV_DATA_STEMS = (
    "del", "lämna", "utlämna", "överlåt", "överläm", "överför", "använd", "behandl", "saml", "spar",
    "lagr", "sälj", "såld", "skick", "kombiner", "samkör", "analyser", "registrer", "publicer",
    "flytt", "vidarebefordr", "utbyt", "spela", "övervak", "länka", "matcha", "hämta", "inhämta",
    "röj", "sprid", "kopier", "bevar", "ges", "gavs", "getts", "visa", "läsa", "läses", "lästs",
    "profiler", "tillgängliggör", "överlämn", "härled", "utläs", "slutled",
)


# --- Swedish ---------------------------------------------------------------------------------

SV_PARTICLES = word_set("in ut över upp bort ner ned fram tillbaka vidare ihop samman undan")
"""Particles of particle verbs, kept after the verb (*samlas in* → *samlar in*). *Av, på, till,
om* are left out: after a passive they are usually prepositions (*lämnas till Skatteverket*)."""

SV_MODALS = word_set(
    "kan kunna kunde kunnat ska skall skulle måste bör borde får fick behöver behövde behövt brukar vill velat lär torde"
)
SV_FUTURE = word_set("kommer kommit komma")  # "kommer att lagras"
SV_PERFECT = word_set("har hade ha haft")
SV_PREPOSITIONS = word_set(
    "av med för till från hos åt mot på i vid utan genom efter före under över enligt bland kring inför inom"
)
"""Swedish prepositions, without "om" (also "if"): the reader after one is "dig", not "du"
("godkänns av användaren" → 'av dig'), and a passive verb is often followed by one."""
SV_CLAUSE_ADVERBS = word_set(
    """
    inte aldrig ej icke också även endast bara alltid automatiskt direkt sedan då redan nu helt
    permanent snabbt genast aldrig säkert därefter normalt vanligtvis oftast ibland dessutom
    däremot heller ju väl fortfarande enbart uteslutande främst huvudsakligen manuellt löpande
    """
)

# Swedish verbs whose s-forms no ending rule recognises or conjugates: strong verbs (a vowel
# change: *skrivs, skrevs, har skrivits*), short verbs of the third conjugation (*sys, tros,
# nås*), stems in -s (*läses*) and the second-conjugation verbs whose supine or past the
# ending rules miss (*ställts, följts*). One line a verb: infinitive, present, past,
# supine (a second past or supine after "/"). Written for this module from the principal parts
# in standard Swedish grammars (Svenska Akademiens grammatik, Svenska Akademiens ordlista);
# no outside word list is copied. Compounds are found by prefix (*överförs*, *tillhandahålls*,
# *uppges*, *fastställs*). Verbs whose s-form is not a passive (*finns*, *syns*, *hoppas*) are
# not here; the passive-word module keeps those.
_SV_LEXICON = """
ge ger gav gett/givit
ta tar tog tagit
se ser såg sett
dra drar drog dragit
slå slår slog slagit
nå når nådde nått
tro tror trodde trott
sy syr sydde sytt
göra gör gjorde gjort
föra för förde fört
höra hör hörde hört
köra kör körde kört
sälja säljer sålde sålt
välja väljer valde valt
lägga lägger lade lagt
sätta sätter satte satt
säga säger sade sagt
skriva skriver skrev skrivit
driva driver drev drivit
hålla håller höll hållit
låta låter lät låtit
tillåta tillåter tillät tillåtit
bjuda bjuder bjöd bjudit
erbjuda erbjuder erbjöd erbjudit
sprida sprider spred/spridde spridit/spritt
bryta bryter bröt brutit
stryka stryker strök strukit
knyta knyter knöt knutit
stjäla stjäl stal stulit
läsa läser läste läst
byta byter bytte bytt
mäta mäter mätte mätt
leda leder ledde lett
sända sänder sände sänt
använda använder använde använt
följa följer följde följt
ställa ställer ställde ställt
glömma glömmer glömde glömt
bestämma bestämmer bestämde bestämt
döma dömer dömde dömt
tömma tömmer tömde tömt
dölja döljer dolde dolt
köpa köper köpte köpt
röja röjer röjde röjt
"""
_SV_PREFIXES = (
    "tillhanda", "upprätt", "vidare", "bort", "fram", "över", "under", "genom", "efter", "åter", "till", "upp",
    "fast", "ned", "ner", "sam", "mot", "med", "in", "ut", "av", "an", "om", "be", "för", "på", "er",
)
"""Verb prefixes a compound is built with (*över+förs*, *tillhanda+hålls*, *upp+ges*)."""


def _sv_lexicon() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """``s-form → (infinitive, tense)`` and ``infinitive → present`` from :data:`_SV_LEXICON`.

    The present s-form is the infinitive + s when the present is the infinitive + r (*ge, ger,
    ges*; *nå, når, nås*), the stem + s when the present is in -er (*skriver, skrivs*; *läser,
    läses*: a stem in -s takes -es), else the present + s (*gör, görs*; *stjäl, stjäls*).
    """
    forms: dict[str, tuple[str, str]] = {}
    presents: dict[str, str] = {}
    for line in filter(str.strip, _SV_LEXICON.splitlines()):
        infinitive, present, pasts, supines = line.split()
        presents[infinitive] = present
        if present == infinitive + "r":
            passive = infinitive + "s"
        elif present.endswith("er"):
            stem = present[:-2]
            stem = stem[:-1] if stem.endswith("mm") else stem  # bestämmer → bestäms
            passive = stem + ("es" if stem.endswith("s") else "s")
        else:
            passive = present + "s"
        for past in pasts.split("/"):
            forms.setdefault(past + "s", (infinitive, "past"))
        for supine in supines.split("/"):
            forms.setdefault(supine + "s", (infinitive, "supine"))
        forms.setdefault(infinitive + "s", (infinitive, "infinitive"))
        forms[passive] = (infinitive, "present")  # "ges", "tas": present and infinitive alike
    return forms, presents


SV_LEXICON_FORMS, _SV_LEXICON_PRESENT = _sv_lexicon()


def sv_lexicon_entry(lower: str) -> tuple[str, str, str] | None:
    """``(prefix, infinitive, tense)`` of a listed s-form or of a compound of one ("överförs" →
    ("över", "föra", "present"), "skrevs" → ("", "skriva", "past")), or ``None``."""
    entry = SV_LEXICON_FORMS.get(lower)
    if entry is not None:
        return "", *entry
    for prefix in _SV_PREFIXES:
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            entry = SV_LEXICON_FORMS.get(lower[len(prefix) :])
            if entry is not None:
                return prefix, *entry
    return None


def sv_lexicon_active(infinitive: str, tense: str) -> str | None:
    """The active ``tense`` ("present", "past", "supine", "infinitive") of a listed verb or of
    a compound of one ("överföra", "present" → "överför"), or ``None`` if it is not listed."""
    for prefix in ("", *_SV_PREFIXES):
        base = infinitive[len(prefix) :]
        if infinitive.startswith(prefix) and base in _SV_LEXICON_PARTS:
            present, past, supine = _SV_LEXICON_PARTS[base]
            return prefix + {"present": present, "past": past, "supine": supine, "infinitive": base}[tense]
    return None


_SV_LEXICON_PARTS = {
    line.split()[0]: (line.split()[1], line.split()[2].split("/")[0], line.split()[3].split("/")[0])
    for line in filter(str.strip, _SV_LEXICON.splitlines())
}

# Strong and irregular participles after "bli" ("blev borttagna", "blir givna"): the verb and
# its particle. Weak participles (raderade, använda, köpta) are conjugated by rule.
SV_STRONG_PARTICIPLE_VERBS = {
    **{form: ("ge", "") for form in ("given", "givna", "givet")},
    **{form: ("ta", "") for form in ("tagen", "tagna", "taget")},
    **{form: ("ta", "bort") for form in ("borttagen", "borttagna", "borttaget")},
    **{form: ("ge", "ut") for form in ("utgiven", "utgivna", "utgivet")},
    **{form: ("skriva", "") for form in ("skriven", "skrivna", "skrivet")},
    **{form: ("dra", "") for form in ("dragen", "dragna", "draget")},
    **{form: ("hålla", "") for form in ("hållen", "hållna", "hållet")},
    **{form: ("stjäla", "") for form in ("stulen", "stulna", "stulet")},
    **{form: ("lägga", "") for form in ("lagd", "lagda")},
    **{form: ("sätta", "") for form in ("satt", "satta")},
    **{form: ("göra", "") for form in ("gjord", "gjorda")},
    **{form: ("se", "") for form in ("sedd", "sedda")},
    **{form: ("sälja", "") for form in ("såld", "sålda")},
    **{form: ("välja", "") for form in ("vald", "valda")},
}


# Present forms a rule gets wrong: long-vowel -m stems and present -ts forms (not supines).
_SV_PRESENT = {
    "döms": "dömer", "bedöms": "bedömer", "fördöms": "fördömer", "tillhandahålls": "tillhandahåller",
    "sätts": "sätter", "mäts": "mäter", "skjuts": "skjuter", "uppskjuts": "uppskjuter",
    "ombeds": "ber", "beds": "ber", "fås": "får", "ses": "ser",
}
_SV_PRESENT_TS = frozenset(form for form in _SV_PRESENT if form.endswith("ts"))
# Strong past s-forms (a vowel change, no -de/-te): their active form drops the -s.
SV_STRONG_PAST = word_set(
    """
    gavs angavs uppgavs togs drogs slogs sågs hölls skrevs drevs bjöds lät fördes valdes
    överläts läts ombads bads fanns gjordes sattes lades såldes sändes
    """
)
_SV_SUPINE_ENDINGS = ("ats", "its", "tts", "änts", "ärts", "örts", "orts", "älts", "ålts", "olts", "alts",
                      "mnts", "ömts", "öpts", "ppts", "ckts", "ägts", "agts", "ästs", "östs", "ynts", "ärts",
                      "ökts", "äckts", "ypts", "upts", "önts", "ints", "rts", "lts", "nts", "pts", "kts", "sts")


def sv_tense(lower: str, before: list[str]) -> str:
    """The tense of the s-form ``lower``: ``infinitive``, ``supine``, ``past`` or ``present``.

    ``before`` holds the lower-cased words before it, nearest last; clause adverbs between an
    auxiliary and the verb (*ska inte sparas*, *har även lämnats*) and an inverted subject
    (*ska dina uppgifter raderas*, *har uppgifterna samlats in*) are looked through.
    """
    auxiliary = sv_auxiliary(before)
    if auxiliary is not None:
        word = before[auxiliary]
        return "supine" if word in SV_PERFECT else "infinitive"
    content = [word for word in before[-3:] if word not in SV_CLAUSE_ADVERBS]
    if content and content[-1] == "att":
        return "infinitive"  # "för att informeras"
    entry = sv_lexicon_entry(lower)
    if entry is not None and entry[2] != "infinitive":
        return entry[2]
    if lower.endswith("ades") or lower in SV_STRONG_PAST:
        return "past"
    if lower.endswith(("des", "tes")) and len(lower) > 4 and lower[-4] not in "aeiouyåäö":
        return "past"
    if lower.endswith(_SV_SUPINE_ENDINGS) and lower not in _SV_PRESENT_TS:
        return "supine"
    return "present"


SV_SUBJECT_WORDS = word_set(
    """
    du ni vi jag han hon hen man den det de dessa detta denna dem alla
    """
)
SV_POSSESSIVES = word_set("din ditt dina er ert era vår vårt våra min mitt mina hans hennes deras dess sin sitt sina")


def sv_subject_length(words: list[str], start: int) -> int:
    """How many words from ``start`` make a subject written after the verb ("raderas
    *uppgifterna*", "ska *dina uppgifter* raderas", "har *du* kontaktats"): a pronoun, a noun in
    the definite form, or a possessive and up to two words after it; 0 if none."""
    if start >= len(words):
        return 0
    word = words[start]
    if word in SV_SUBJECT_WORDS:
        return 1
    if word in SV_POSSESSIVES:
        return 3 if start + 2 < len(words) and words[start + 1].endswith(("a", "e")) and _sv_definite_or_noun(words[start + 2]) else 2
    return 1 if _sv_definite(word) else 0


def _sv_definite(word: str) -> bool:
    """Does ``word`` look like a noun in the definite form (uppgifterna, samtalet, kontot, kunden)?"""
    if len(word) < 5 or not word.isalpha() or word in SV_CLAUSE_ADVERBS or word in _SV_NOT_DEFINITE:
        return False
    return word.endswith(("na", "en", "et", "ot", "an"))


def _sv_definite_or_noun(word: str) -> bool:
    return word.isalpha() and word not in SV_CLAUSE_ADVERBS and word not in _SV_NOT_DEFINITE


_SV_NOT_DEFINITE = word_set(
    """
    sedan efteråt igen mellan innan utan enligt genom hemma gärna kanske någonsin länge
    senare tidigare ensam ungefär efteråt nästan mindre samman tillsammans därefter hittills
    """
)


def sv_auxiliary(before: list[str]) -> int | None:
    """Index in ``before`` of the auxiliary or modal that governs an s-form written right after
    ``before`` (*ska raderas*, *har inte samlats*, *kommer att lämnas*, *ska dina uppgifter
    raderas*), or ``None``: only clause adverbs, "att" and one inverted subject may come between."""
    index = len(before) - 1
    subject_seen = False
    while index >= 0 and index >= len(before) - 7:
        word = before[index]
        if word in SV_MODALS or word in SV_FUTURE or word in SV_PERFECT:
            return index
        if word in SV_CLAUSE_ADVERBS or word == "att":
            index -= 1
            continue
        if subject_seen:
            return None
        for length in (3, 2, 1):
            start = index - length + 1
            if start >= 1 and sv_subject_length(before, start) == length and before[start - 1] in _SV_FINITE_AUXILIARIES:
                index = start - 1
                subject_seen = True
                break
        else:
            return None
    return None


_SV_FINITE_AUXILIARIES = SV_MODALS | SV_FUTURE | SV_PERFECT
_SV_PERSONAL = word_set("du ni jag vi han hon hen man de")
_SV_CLAUSE_JOINS = word_set("och men eller samt")


def sv_verb_first(words: list[str], finite: int, comma_after: bool = False) -> bool:
    """Is the finite verb at ``finite`` followed by its subject, as in a main clause after a
    fronted adverbial or a subordinate clause ("I två år lagras uppgifterna", "Om du ber om det
    raderas dina uppgifter") or in a question ("Lagras uppgifterna?")? An active form must then
    keep the verb second: 'lagrar vi …', not 'vi lagrar …'. ``comma_after``: a comma follows
    the verb, so what comes next is not its subject."""
    if comma_after or not sv_subject_length(words, finite + 1):
        return False
    if finite == 0:
        return True
    previous = words[finite - 1]
    if previous in _SV_PERSONAL:
        return False  # "Du ges möjligheten …": the subject came first
    if previous == "det" and (finite == 1 or words[finite - 2] in _SV_CLAUSE_JOINS):
        return False  # "Det lagras uppgifterna …": an expletive subject
    return sv_subject_length(words, 0) != finite  # "Uppgifterna raderas dagen efter"


def sv_active(lower: str, tense: str) -> str:
    """The active form of the s-passive ``lower`` in ``tense`` (see :func:`sv_tense`)."""
    if tense != "present":
        if lower in ("ombeds", "ombads") or lower.endswith(("beds", "bads")):
            return {"infinitive": "be", "supine": "bett", "past": "bad"}[tense]
        entry = sv_lexicon_entry(lower)
        if entry is not None and tense == "infinitive" and entry[2] == "present":
            return entry[0] + entry[1]  # "ska ges" → "ge", "ska överföras" is regular
        return lower[:-1]
    if lower in _SV_PRESENT:
        return _SV_PRESENT[lower]
    entry = sv_lexicon_entry(lower)
    if entry is not None and entry[2] in ("present", "infinitive"):
        return entry[0] + _SV_LEXICON_PRESENT[entry[1]]  # skrivs → skriver, läses → läser, överförs → överför
    if lower.endswith("as"):
        return sv_present_of_infinitive(lower[:-1])  # behandlas → behandlar, tas → tar, skrämmas → skrämmer
    if lower.endswith("es"):
        return lower[:-1] + "r"  # ges → ger, anges → anger, läses → läser
    if lower[-2:-1] in ("å", "o", "y", "e", "u", "i", "a", "ä", "ö"):
        return lower[:-1] + "r"  # nås → når, tros → tror
    if lower.endswith("rs"):
        return lower[:-1]  # förs → för, överförs → överför, görs → gör
    if lower.endswith("ms") and not lower.endswith("mms"):
        return lower[:-1] + "mer"  # bestäms → bestämmer, glöms → glömmer
    return lower[:-1] + "er"  # används → använder, säljs → säljer, härleds → härleder


# Verbs written with their particle in front (*insamlas*, *utlämnas*): the active form reads
# better with the particle after the verb, as the writer would say it (*samlar in*, *lämnar ut*).
_SV_FUSED_PARTICLES = {"insaml": ("saml", "in"), "inhämt": ("hämt", "in"), "utlämn": ("lämn", "ut"),
                       "bortta": ("ta", "bort"), "bortto": ("to", "bort"), "inspel": ("spel", "in")}


def sv_split_particle(active: str) -> tuple[str, str]:
    """``(verb, particle)`` of an active form whose particle is fused in front ("insamlar" →
    ("samlar", "in"), "har utlämnat" is split by the caller word by word); else ``(active, "")``."""
    for fused, (stem, particle) in _SV_FUSED_PARTICLES.items():
        if active.startswith(fused):
            return stem + active[len(fused) :], particle
    return active, ""


# Swedish infinitives whose present ends in -er (or is irregular), for "kan komma att använda"
# → "använder". Any other infinitive in -a takes -ar (conjugation 1: "dela" → "delar").
_SV_ER_PRESENT = {
    "använda": "använder", "sälja": "säljer", "köpa": "köper", "läsa": "läser", "skriva": "skriver",
    "ställa": "ställer", "sända": "sänder", "höra": "hör", "göra": "gör", "lägga": "lägger",
    "sätta": "sätter", "välja": "väljer", "behöva": "behöver", "följa": "följer", "stödja": "stöder",
    "bygga": "bygger", "kräva": "kräver", "söka": "söker", "leda": "leder", "ge": "ger", "ta": "tar",
    "få": "får", "se": "ser", "gå": "går", "stå": "står", "nå": "når", "dra": "drar", "be": "ber",
    "föra": "för", "överföra": "överför", "genomföra": "genomför", "utföra": "utför", "hålla": "håller",
    "tillhandahålla": "tillhandahåller", "behålla": "behåller", "innehålla": "innehåller", "ringa": "ringer",
    "sprida": "sprider", "röja": "röjer", "visa": "visar", "skicka": "skickar", "lämna": "lämnar",
    "radera": "raderar", "spara": "sparar", "lagra": "lagrar", "dela": "delar", "kontakta": "kontaktar",
    "känna": "känner", "glömma": "glömmer", "bestämma": "bestämmer", "döma": "dömer", "bedöma": "bedömer",
    "låta": "låter", "komma": "kommer", "vara": "är", "ha": "har", "kunna": "kan", "vilja": "vill",
    "veta": "vet", "säga": "säger", "ligga": "ligger", "sitta": "sitter", "äga": "äger", "dölja": "döljer",
    "tala": "talar", "meddela": "meddelar", "ändra": "ändrar", "uppdatera": "uppdaterar",
    "skydda": "skyddar", "överlåta": "överlåter", "hämta": "hämtar", "samla": "samlar",
    "registrera": "registrerar", "publicera": "publicerar", "behandla": "behandlar", "avgöra": "avgör",
    "motta": "tar emot", "ta emot": "tar emot", "skicka ut": "skickar ut", "besöka": "besöker",
    "tänka": "tänker", "hjälpa": "hjälper", "märka": "märker", "växa": "växer", "öka": "ökar",
    "minska": "minskar", "stänga": "stänger", "tömma": "tömmer", "spela": "spelar",
    "fylla": "fyller", "påminna": "påminner", "ske": "sker", "hända": "händer", "erbjuda": "erbjuder",
    "bjuda": "bjuder", "driva": "driver", "möta": "möter", "lära": "lär", "hyra": "hyr", "ställa": "ställer",
    "hålla": "håller", "följa": "följer", "stödja": "stöder", "säkerställa": "säkerställer",
}
_SV_SUFFIX_KEYS = sorted(set(_SV_ER_PRESENT) - {"vara", "kunna", "vilja", "veta", "ha"}, key=len, reverse=True)
"""Verbs whose present a compound shares (säkerställa, erhålla); not "vara" (bevara, förvara)."""


def sv_present_of_infinitive(infinitive: str) -> str:
    """The present of a Swedish active infinitive ("använda" → "använder", "dela" → "delar")."""
    if infinitive in _SV_ER_PRESENT:
        return _SV_ER_PRESENT[infinitive]
    listed = sv_lexicon_active(infinitive, "present")  # byta → byter, samköra → samkör
    if listed is not None:
        return listed
    for known in _SV_SUFFIX_KEYS:  # compounds: säkerställa, erhålla, tillgodose, utgöra
        head = infinitive[: -len(known)]
        if infinitive.endswith(known) and head and " " not in known and any(c in _SV_VOWELS for c in head):
            return head + _SV_ER_PRESENT[known]  # not "r" + "öka": röka is no compound
    if infinitive.endswith("a") and _sv_second_conjugation(infinitive):
        stem = infinitive[:-1]
        return stem if stem.endswith("r") else stem + "er"  # skrämma → skrämmer, störa → stör
    return infinitive + "r"  # dela → delar, tro → tror, bo → bor


_SV_VOWELS = "aeiouyåäö"
_SV_SECOND_TAILS = frozenset({"mm", "nn", "ng", "nd", "j", "lj", "k", "ck", "rk", "p", "s", "t", "r", "l", "ll"})
_SV_VERB_PREFIXES = ("av", "be", "för", "upp", "in", "ut", "över", "till", "om", "an", "er", "åter", "bort", "fram")


def _sv_second_conjugation(infinitive: str) -> bool:
    """Does an -a infinitive the tables do not list take -er in the present (second
    conjugation)? Most verbs in -a are first conjugation (dela → delar, ändra → ändrar, flytta →
    flyttar); a one-syllable stem with a front vowel (ä, ö, y) and a final consonant of the
    second conjugation's shape is second (skrämma → skrämmer, tända → tänder, höja → höjer,
    trycka → trycker, köpa → köper), also after a prefix (avskräcka, förstöra)."""
    stem = infinitive[:-1]
    for prefix in ("", *_SV_VERB_PREFIXES):
        if not stem.startswith(prefix):
            continue
        root = stem[len(prefix) :]
        vowels = [index for index, char in enumerate(root) if char in _SV_VOWELS]
        if len(vowels) == 1 and root[vowels[0]] in "äöy" and root[vowels[0] + 1 :] in _SV_SECOND_TAILS:
            return True
    return False


# Swedish nouns of handling data and the active verb behind them, for "Behandling sker" → "vi
# behandlar". Nouns in -ering are regular (registrering → registrerar) and need no entry.
SV_ACTION_NOUNS = {
    "behandling": "behandlar", "insamling": "samlar in", "lagring": "lagrar", "överföring": "för över",
    "radering": "raderar", "gallring": "gallrar", "delning": "delar", "utlämning": "lämnar ut",
    "utlämnande": "lämnar ut", "användning": "använder", "inspelning": "spelar in", "hantering": "hanterar",
    "loggning": "loggar", "bevarande": "bevarar", "sparande": "sparar", "arkivering": "arkiverar",
    "analys": "analyserar", "kontroll": "kontrollerar", "uppföljning": "följer upp", "granskning": "granskar",
    "övervakning": "övervakar", "utskick": "skickar ut", "försäljning": "säljer", "spridning": "sprider",
    "inhämtning": "hämtar in", "sammanställning": "sammanställer", "bearbetning": "bearbetar",
    "utvärdering": "utvärderar", "profilering": "profilerar", "kommunikation": "kommunicerar",
}


def sv_action_verb(noun: str) -> str | None:
    """The active present verb of a noun of handling data (definite or not), or ``None``."""
    for form in (noun, noun[:-2] if noun.endswith("en") else "", noun[:-1] if noun.endswith("et") else ""):
        if form in SV_ACTION_NOUNS:
            return SV_ACTION_NOUNS[form]
        if form.endswith("ering") and len(form) > 7:
            return form[:-3] + "ar"  # registrering → registrerar
    return None


# --- English ---------------------------------------------------------------------------------

# Irregular verbs: participle → (base, past). Several participles of one verb may be listed.
EN_IRREGULAR: dict[str, tuple[str, str]] = {
    "known": ("know", "knew"), "shown": ("show", "showed"), "given": ("give", "gave"),
    "taken": ("take", "took"), "made": ("make", "made"), "kept": ("keep", "kept"), "held": ("hold", "held"),
    "sent": ("send", "sent"), "sold": ("sell", "sold"), "told": ("tell", "told"), "found": ("find", "found"),
    "seen": ("see", "saw"), "written": ("write", "wrote"), "done": ("do", "did"), "built": ("build", "built"),
    "bought": ("buy", "bought"), "brought": ("bring", "brought"), "chosen": ("choose", "chose"),
    "drawn": ("draw", "drew"), "driven": ("drive", "drove"), "forgotten": ("forget", "forgot"),
    "hidden": ("hide", "hid"), "lost": ("lose", "lost"), "meant": ("mean", "meant"), "paid": ("pay", "paid"),
    "put": ("put", "put"), "set": ("set", "set"), "spent": ("spend", "spent"), "stolen": ("steal", "stole"),
    "thrown": ("throw", "threw"), "understood": ("understand", "understood"),
    "withdrawn": ("withdraw", "withdrew"), "broken": ("break", "broke"), "caught": ("catch", "caught"),
    "cut": ("cut", "cut"), "dealt": ("deal", "dealt"), "fed": ("feed", "fed"), "led": ("lead", "led"),
    "left": ("leave", "left"), "lent": ("lend", "lent"), "let": ("let", "let"), "overseen": ("oversee", "oversaw"),
    "overridden": ("override", "overrode"), "proven": ("prove", "proved"), "sought": ("seek", "sought"),
    "shut": ("shut", "shut"), "spoken": ("speak", "spoke"), "split": ("split", "split"),
    "spread": ("spread", "spread"), "stuck": ("stick", "stuck"), "taught": ("teach", "taught"),
    "torn": ("tear", "tore"), "undertaken": ("undertake", "undertook"), "upheld": ("uphold", "upheld"),
    "withheld": ("withhold", "withheld"), "won": ("win", "won"), "frozen": ("freeze", "froze"),
    "beaten": ("beat", "beat"), "shot": ("shoot", "shot"), "grown": ("grow", "grew"), "read": ("read", "read"),
    "heard": ("hear", "heard"), "said": ("say", "said"), "begun": ("begin", "began"),
    "rewritten": ("rewrite", "rewrote"), "mistaken": ("mistake", "mistook"), "forbidden": ("forbid", "forbade"),
    "laid": ("lay", "laid"), "hung": ("hang", "hung"), "sworn": ("swear", "swore"), "woken": ("wake", "woke"),
    "worn": ("wear", "wore"), "misled": ("mislead", "misled"), "overtaken": ("overtake", "overtook"),
    "sunk": ("sink", "sank"), "got": ("get", "got"), "gotten": ("get", "got"), "sped": ("speed", "sped"),
    "bound": ("bind", "bound"), "fought": ("fight", "fought"), "thought": ("think", "thought"),
    "felt": ("feel", "felt"), "met": ("meet", "met"), "run": ("run", "ran"), "come": ("come", "came"),
    "become": ("become", "became"), "gone": ("go", "went"), "had": ("have", "had"), "struck": ("strike", "struck"),
    "ridden": ("ride", "rode"), "risen": ("rise", "rose"), "fallen": ("fall", "fell"), "eaten": ("eat", "ate"),
    "flown": ("fly", "flew"), "blown": ("blow", "blew"), "sewn": ("sew", "sewed"), "shaken": ("shake", "shook"),
    "forgiven": ("forgive", "forgave"), "foreseen": ("foresee", "foresaw"), "outdone": ("outdo", "outdid"),
    "redone": ("redo", "redid"), "resold": ("resell", "resold"), "resent": ("resend", "resent"),
    "rebuilt": ("rebuild", "rebuilt"), "reset": ("reset", "reset"), "upset": ("upset", "upset"),
    "input": ("input", "input"), "output": ("output", "output"), "broadcast": ("broadcast", "broadcast"),
    "forecast": ("forecast", "forecast"), "cast": ("cast", "cast"), "hurt": ("hurt", "hurt"),
    "quit": ("quit", "quit"), "bid": ("bid", "bid"), "slid": ("slide", "slid"), "sent out": ("send out", "sent out"),
    "overheard": ("overhear", "overheard"), "withstood": ("withstand", "withstood"), "stood": ("stand", "stood"),
    "wound": ("wind", "wound"), "lit": ("light", "lit"), "fled": ("flee", "fled"), "sold on": ("sell on", "sold on"),
    "mown": ("mow", "mowed"), "shown up": ("show up", "showed up"), "dug": ("dig", "dug"), "hit": ("hit", "hit"),
}

# Regular participles the spelling rules below would get wrong.
_EN_REGULAR_EXCEPTIONS = {
    "added": "add", "focused": "focus", "focussed": "focus", "biased": "bias", "signalled": "signal",
    "quizzed": "quiz", "adhered": "adhere", "interfered": "interfere", "persevered": "persevere",
    "revered": "revere", "cohered": "cohere", "convened": "convene", "intervened": "intervene",
    "postponed": "postpone", "atoned": "atone", "condoned": "condone", "combated": "combat",
    "routed": "route", "echoed": "echo", "vetoed": "veto", "embedded": "embed", "padded": "pad",
    "skied": "ski", "installed": "install", "recalled": "recall", "enthralled": "enthrall",
    "cancelled": "cancel", "labelled": "label", "modelled": "model", "travelled": "travel",
    "levelled": "level", "channelled": "channel", "fuelled": "fuel", "controlled": "control",
    "patrolled": "patrol", "enrolled": "enrol", "compelled": "compel", "expelled": "expel",
    "propelled": "propel", "dispelled": "dispel", "excelled": "excel", "fulfilled": "fulfil", "synced": "sync", "bred": "breed",
    "totalled": "total", "marshalled": "marshal", "pencilled": "pencil", "counselled": "counsel",
    "initialled": "initial", "appalled": "appal", "rebelled": "rebel", "repelled": "repel",
    "shampooed": "shampoo", "tattooed": "tattoo", "booed": "boo", "wooed": "woo",
    "licenced": "licence", "cached": "cache", "niched": "niche", "ached": "ache", "bathed": "bathe",
    "breathed": "breathe", "clothed": "clothe", "soothed": "soothe", "loathed": "loathe", "practised": "practise", "housed": "house", "aroused": "arouse",
}

# Single vowel + consonant stems that take no silent e, or take it, where spelling cannot tell.
_EN_ORE = word_set("stor restor ignor explor scor ador implor deplor bor snor shor por underscor cor")
_EN_ETE = word_set("delet complet compet deplet secret excret concret obsolet")
_EN_ITE = word_set("invit unit cit excit recit ignit incit expedit requit reunit")
_EN_OTE = word_set("promot devot quot not vot denot remot emot")
_EN_AST = word_set("past wast tast hast bast")
_EN_EATE = word_set("creat recreat procreat delineat permeat nauseat")
_EN_AL_NO_E = word_set("signal total equal rival marshal dial")
_VOWELS = "aeiouy"


def _silent_e(stem: str) -> bool:
    """Does the regular -ed ``stem`` (participle without -ed) need its silent e back?"""
    last = stem[-1]
    previous = stem[-2] if len(stem) > 1 else ""
    before = stem[-3] if len(stem) > 2 else ""
    if last in "vcz":
        return True  # saved, enhanced, organized
    if last == "s":
        return True  # used, closed, licensed, released
    if last == "g":
        if previous == "n":
            return not stem.endswith(("ong", "ing"))  # changed, arranged; belonged, pinged
        return True  # purged, acknowledged, engaged
    if stem in _EN_AST:
        return True  # pasted, wasted
    if last == "l" and previous not in _VOWELS:
        return previous not in "rwl"  # handled, enabled; curled, howled
    if previous not in _VOWELS or last not in "dtkmnlpbr":
        return False  # a consonant cluster: collected, posted, signed, formed, fixed, played
    if before == "u" and stem[-4:-3] in ("q", "g"):
        before = stem[-4]  # "qu", "gu" act as a consonant: required, acquired, guided, quoted
    if before in _VOWELS:
        if stem.endswith(("iat", "uat")) or stem in _EN_EATE:
            return True  # initiated, evaluated, created
        return False  # two vowels: cleared, avoided, claimed, failed, treated
    tail = stem[-2:]
    if tail == "er":
        return False  # answered, offered, registered
    if tail == "or":
        return stem in _EN_ORE  # stored, ignored; monitored, sponsored
    if tail == "et":
        return stem in _EN_ETE  # deleted, completed; targeted, budgeted
    if tail == "it":
        return stem in _EN_ITE  # invited, cited; edited, limited, visited
    if tail == "ot":
        return stem in _EN_OTE  # promoted, quoted; piloted, pivoted
    if tail in ("op", "ip"):
        return len(stem) <= 5  # scoped, wiped; developed
    if tail == "on":
        return len(stem) <= 4  # phoned, zoned; questioned, mentioned
    if tail == "en":
        return False  # opened, happened, listened
    if tail == "el":
        return False  # canceled, labeled, traveled
    if tail == "al":
        return stem not in _EN_AL_NO_E  # scaled, exhaled; signaled, totaled
    return True  # provided, updated, computed, invoked, named, combined, described, typed, ruled


def en_base_form(participle: str) -> str:
    """The base form of an English past participle ("stored" → "store", "tied" → "tie",
    "described" → "describe", "transferred" → "transfer", "given" → "give")."""
    if participle in EN_IRREGULAR:
        return EN_IRREGULAR[participle][0]
    if participle in _EN_REGULAR_EXCEPTIONS:
        return _EN_REGULAR_EXCEPTIONS[participle]
    if not participle.endswith("ed") or len(participle) < 4:
        return participle
    if participle.endswith("ied"):
        stem = participle[:-3]
        return stem + "ie" if len(stem) <= 1 else stem + "y"  # tied → tie, copied → copy
    if participle.endswith(("eed", "ued", "oed")):
        return participle[:-1]  # agreed → agree, continued → continue, hoed → hoe
    stem = participle[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        if stem[-1] in "sflz":
            return stem  # processed, stuffed, called, filled, buzzed (British -lled: listed above)
        return stem[:-1]  # transferred, stopped, submitted, logged
    return stem + "e" if _silent_e(stem) else stem


def en_past(participle: str) -> str:
    """The simple past of the verb whose participle is ``participle`` ("given" → "gave")."""
    if participle in EN_IRREGULAR:
        return EN_IRREGULAR[participle][1]
    return participle


def en_third_person(base: str) -> str:
    """The third person singular present of a base form ("decide" → "decides", "deny" → "denies")."""
    if base in ("be", "have", "do", "go"):
        return {"be": "is", "have": "has", "do": "does", "go": "goes"}[base]
    if " " in base:
        head, rest = base.split(" ", 1)
        return f"{en_third_person(head)} {rest}"
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def en_ing(base: str) -> str:
    """The -ing form of a base form ("store" → "storing", "stop" → "stopping" is not attempted:
    a final consonant is doubled only for the short verbs listed)."""
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if base in ("stop", "log", "tag", "plan", "scan", "ship", "drop", "map", "chat", "run", "set", "put", "cut",
                "get", "let", "submit", "transfer", "refer", "permit", "omit", "admit", "commit", "control"):
        return base + base[-1] + "ing"
    return base + "ing"


def en_participle(base: str) -> str:
    """The past participle of a base form ("keep" → "kept", "change" → "changed")."""
    irregular = _EN_PARTICIPLE_OF.get(base)
    if irregular:
        return irregular
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        return base[:-1] + "ied"
    if base in _EN_DOUBLING:
        return base + base[-1] + "ed"
    return base + "ed"


_EN_DOUBLING = word_set("stop log tag plan scan ship drop map chat submit transfer refer permit omit admit commit control")
_EN_PARTICIPLE_OF = {base: participle for participle, (base, _) in EN_IRREGULAR.items() if " " not in base}
_EN_PARTICIPLE_OF.update({"get": "got", "prove": "proved", "show": "shown", "sew": "sewn", "mow": "mowed"})


def en_form_of(matched: str, phrase: str) -> str | None:
    """How ``matched`` inflects the base form ``phrase``: "s", "ed", "ing", "base", or ``None``
    (a noun or another word: "modification" of "modify")."""
    if matched == phrase:
        return "base"
    if matched in (phrase + "s", phrase + "es") or (phrase.endswith("y") and matched == phrase[:-1] + "ies"):
        return "s"
    if matched.endswith("ing") and (matched[:-3] in (phrase, phrase[:-1]) or matched[:-4] == phrase):
        return "ing"
    if (matched.endswith("ed") or matched in EN_IRREGULAR) and en_base_form(matched) == phrase:
        return "ed"
    return None


def en_inflect(base: str, form: str) -> str:
    """``base`` (a verb, or a verb and the words after it: "make sure") in ``form``."""
    head, _, rest = base.partition(" ")
    if form == "s":
        head = en_third_person(head)
    elif form == "ed":
        head = en_participle(head)
    elif form == "ing":
        head = en_ing(head)
    return f"{head} {rest}".strip()


# Swedish verbs whose forms no rule gives: infinitive → (present, past, supine, s-passive).
_SV_IRREGULAR = {
    "få": ("får", "fick", "fått", "fås"), "ge": ("ger", "gav", "gett", "ges"), "göra": ("gör", "gjorde", "gjort", "görs"),
    "ta": ("tar", "tog", "tagit", "tas"), "se": ("ser", "såg", "sett", "ses"), "ha": ("har", "hade", "haft", "has"),
    "vara": ("är", "var", "varit", "—"), "gå": ("går", "gick", "gått", "gås"), "säga": ("säger", "sa", "sagt", "sägs"),
    "be": ("ber", "bad", "bett", "ombeds"), "veta": ("vet", "visste", "vetat", "vetas"),
    "lägga": ("lägger", "lade", "lagt", "läggs"), "sätta": ("sätter", "satte", "satt", "sätts"),
    "välja": ("väljer", "valde", "valt", "väljs"), "sälja": ("säljer", "sålde", "sålt", "säljs"),
    "skriva": ("skriver", "skrev", "skrivit", "skrivs"), "hålla": ("håller", "höll", "hållit", "hålls"),
    "låta": ("låter", "lät", "låtit", "låts"), "komma": ("kommer", "kom", "kommit", "—"),
    "stå": ("står", "stod", "stått", "stås"), "dra": ("drar", "drog", "dragit", "dras"),
    "leda": ("leder", "ledde", "lett", "leds"), "påminna": ("påminner", "påminde", "påmint", "påminns"),
    "erbjuda": ("erbjuder", "erbjöd", "erbjudit", "erbjuds"), "driva": ("driver", "drev", "drivit", "drivs"),
    "ske": ("sker", "skedde", "skett", "—"), "finnas": ("finns", "fanns", "funnits", "—"),
}


def sv_inflect(infinitive: str, form: str) -> str:
    """A Swedish infinitive (or a particle verb: "ta emot", "se till") in ``form``: "present",
    "past", "supine", "passive" (present s-form) or "infinitive"."""
    head, _, rest = infinitive.partition(" ")
    if form in ("passive-past", "passive-supine"):
        head = _sv_form(head, form.split("-")[1])
        head = head if head.endswith("s") else head + "s"  # hämtade → hämtades, använt → använts
    elif form != "infinitive":
        head = _sv_form(head, form)
    return f"{head} {rest}".strip()


def _sv_form(verb: str, form: str) -> str:
    for prefix in ("", "in", "ut", "upp", "över", "till", "om", "be", "för", "efter", "åter"):
        rest = verb[len(prefix):]
        if verb.startswith(prefix) and rest in _SV_IRREGULAR and (not prefix or len(rest) > 1):
            present, past, supine, passive = _SV_IRREGULAR[rest]
            value = {"present": present, "past": past, "supine": supine, "passive": passive}[form]
            return verb if value == "—" else prefix + value
    listed = sv_lexicon_active(verb, form) if form in ("present", "past", "supine") else None
    if listed is not None:
        return listed  # skriva → skrev, skrivit; sprida → spred
    present = sv_present_of_infinitive(verb)
    if present.endswith("ar") and verb.endswith("a"):  # first conjugation: skicka, använda is not
        return {"present": present, "past": verb + "de", "supine": verb + "t", "passive": verb + "s"}[form]
    stem = present[:-2] if present.endswith("er") else present
    if form == "present":
        return present
    stem = stem[:-1] if stem.endswith("mm") else stem  # bestämmer → bestäms, bestämde, bestämt
    if form == "passive":
        return stem + ("es" if stem.endswith("s") else "s")  # läses
    if form == "past":
        return stem + ("e" if stem.endswith("d") else "de" if stem[-1] in "lmnrvgj" else "te")
    return (stem[:-1] if stem.endswith("d") else stem) + "t"  # supine: använt, följt, köpt


def sv_form_of(matched: str, phrase: str) -> str | None:
    """How the Swedish word ``matched`` inflects the infinitive ``phrase``: "present", "past",
    "supine", "passive", "infinitive", or ``None`` (a participle, a noun, an irregular form)."""
    if matched == phrase:
        return "infinitive"
    stem = phrase[:-1] if phrase.endswith("a") else phrase
    first = phrase.endswith("a") and sv_present_of_infinitive(phrase).endswith("ar")
    if first:
        forms = {phrase + "r": "present", phrase + "de": "past", phrase + "t": "supine", phrase + "s": "passive",
                 phrase + "des": "passive-past", phrase + "ts": "passive-supine"}
    else:
        forms = {sv_present_of_infinitive(phrase): "present", stem + "er": "present", stem + "r": "present",
                 stem + "de": "past", stem + "te": "past",
                 stem + "e": "past", stem + "t": "supine", stem + "it": "supine", stem + "s": "passive",
                 stem + "es": "passive", (stem[:-1] if stem.endswith("d") else stem) + "t": "supine",
                 stem + "des": "passive-past", stem + "tes": "passive-past", stem + "ts": "passive-supine",
                 (stem[:-1] if stem.endswith("d") else stem) + "ts": "passive-supine"}
    return forms.get(matched)
