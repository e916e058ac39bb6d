"""Word-level knowledge for the passive-voice rule (PL203) and the vague "can be done" rule (PL212):
which Swedish words are s-passive verb forms and which English words are past participles.

There are no part-of-speech tags (no trained Swedish pipeline exists), so the decisions are made
from endings, with explicit lists of the words those endings get wrong: deponent verbs (*finns*,
*hoppas*, *lyckas*), reciprocal verbs (*träffas*, *ses*), genitives (*ärendets*, *kundens*, *ett
företags*), nouns and adverbs ending in -s (*webbplats*, *annars*, *tills*), and in English
adjectival participles (*committed*, *entitled*, *located*, *closed*).
Not a rule itself.
"""

from __future__ import annotations

from policygen.check.rules.pl2_patterns import word_set
from policygen.check.rules.pl2_verbs import sv_lexicon_entry

# --- Swedish --------------------------------------------------------------------------------

# Verbs whose -s form is not a passive: deponents, reciprocal and intransitive forms ("om din
# adress ändras", "när ärendet avslutas": something changes or ends, nobody is hidden), and verbs
# whose -s form names or defines rather than hides an actor. Matched as whole words and as the
# end of a compound (misslyckas, uppfattas), so only forms of four letters or more are listed.
SV_NOT_PASSIVE = word_set(
    """
    finns fanns funnits finnas hoppas hoppades hoppats andas andades andats minnas minns mindes
    mints lyckas lyckades lyckats trivas trivs trivdes trivts synas syns syntes synts låtsas
    låtsades låtsats svettas svettades kräkas kräks kräktes fattas fattades fattats åldras
    åldrades åldrats brottas brottades slåss slogs träffas träffades träffats mötas möts möttes
    mötts märkas märks märktes märkts kännas känns kändes känts behövas behövs behövdes behövts
    krävas krävs krävdes krävts skämmas skäms skämdes tyckas tycks tycktes umgås umgicks vistas
    vistades avundas envisas hämnas väsnas samsas enas enades kallas kallades kallats benämns
    benämnas menas avses avsågs saknas saknades saknats förändras förändrades förändrats
    utvecklas utvecklades hörs hördes höras ses sågs setts givetvis förstås ändras avslutas förnyas
    förlängs grundas grundades grundats baseras baserades baserats regleras reglerades styrs styrdes
    """
)

# Compounds of those verbs are not passives either (misslyckas, uppfattas, återfinns).
_SV_NOT_PASSIVE_ENDINGS = tuple(sorted(form for form in SV_NOT_PASSIVE if len(form) >= 5))

# Nouns, adverbs and loan words the endings below would take for verbs.
SV_NOT_VERB = word_set(
    """
    ananas atlas kanvas pyjamas tapas alias gas glas vas fas ras bas mars börs sms apps tips
    deras vars andras varandras allas bådas någras somligas
    annars tills alls hittills tvärs längs dags utomlands diabetes plus status process adress
    chans gräns licens kurs resurs vers
    """
)
SV_NOT_VERB_ENDINGS = ("plats", "sats", "databas", "kunskapsbas", "glas", "börs")

# The previous word makes the -s word a genitive: "ett företags", "varje kunds", "en veckas".
SV_DETERMINERS = word_set(
    """
    en ett varje någon något några annan annat andra vår vårt våra din ditt dina er ert era min
    mitt mina hans hennes dess deras sin sitt sina samma tredje denna detta dessa vilken vilket
    vilka varenda ingen inget inga första nästa sista hela
    """
)

# Short passive forms the length limit would drop.
SV_SHORT_PASSIVES = word_set("tas fås nås ges görs förs sås slås beds ombeds ombads gavs angavs uppgavs togs drogs")
_SV_SHORT_LEXICON = word_set("sys tros")  # third conjugation: "kläderna sys", "det tros"
SV_GES_PASSIVES = word_set("ges anges uppges medges överges utges avges återges tillges efterges delges framges")

# Endings of present and past s-passives and supines that Swedish verbs use and nouns rarely do.
_SV_SUPINE_ENDINGS = (
    "ats", "its", "tts", "änts", "ärts", "örts", "orts", "älts", "ålts", "olts", "alts", "mnts", "ömts",
    "öpts", "ppts", "ckts", "ägts", "agts", "ästs", "östs", "ynts",
)
_SV_CONSONANT_S_ENDINGS = (
    "örs", "ärs", "yrs", "öms", "mms", "öps", "pps", "ivs", "övs", "ävs", "ycks", "äcks", "öks",
    "ggs", "ägs", "ygs", "älls", "ålls", "ylls", "js", "änds", "uds", "äds", "leds", "ängs", "äms",
)
_VOWELS = "aeiouyåäö"

SV_BLI = word_set("bli blir blev blivit blivande")
SV_PARTICIPLE_ADJECTIVES = word_set(
    """
    nöjd nöjda nöjt rädd rädda glad glada klar klara klart sjuk sjuka trött trötta kvitt bättre
    sämre känd kända känt ledsen ledsna van vana vant medveten medvetna medvetet arg arga fri
    fria fritt av med kvar större mindre fler färre godkänd svart svarta stort stora svårt svåra
    rund runda blind blinda försenad försenat försenade skadad skadat skadade stulen stulet stulna
    borttappad borttappat borttappade
    """
)
SV_STRONG_PARTICIPLES = word_set(
    """
    skriven skrivna skrivet given givna givet tagen tagna taget borttagen borttagna borttaget
    stulen stulna stulet gripen gripna funnen funna bunden bundna dragen dragna slagen slagna
    vunnen vunna utgiven utgivna raderad
    """
)
# Weak participles: -ad/-at (raderad, sparat) and -d/-t after the consonants Swedish participles
# use (ställd, använd, hörd, lagd, bedömd, köpt, sänt); not -st/-kt/-tt, which nouns and
# adjectives share ("blir tvist", "blir kontakt", "blir lätt").
_SV_PARTICIPLE_ENDINGS = tuple(
    stem + tail
    for stem in ("a", "d", "n", "l", "r", "g", "m", "v", "p")
    for tail in ("d", "de", "da", "t", "ta")
    if not (stem == "a" and tail in ("da", "ta"))
)
SV_ADVERBS = word_set(
    "inte aldrig alltid också även då sedan automatiskt direkt genast snabbt redan ofta sällan bara endast"
)


def _sv_shape(lower: str) -> bool:
    """Does the word have the shape of an s-passive (present, past, supine or infinitive)?"""
    if lower in SV_SHORT_PASSIVES or lower in SV_GES_PASSIVES:
        return True
    if len(lower) >= 4 and lower != "låts" or lower in _SV_SHORT_LEXICON:
        entry = sv_lexicon_entry(lower)  # strong and irregular forms the endings miss: skrevs, hölls, läses, ställts
        if entry is not None and (not entry[0] or len(lower) - len(entry[0]) >= 4):
            return True  # a compound only of a form of four letters or more: not "anses"
    if len(lower) < 4 or not lower.endswith("s"):
        return False
    if lower.endswith(("ets", "ens", "ns", "rnas", "enas", "ss", "ers", "ars", "års", "urs")):
        return False  # genitives (ärendets, kundens, kundernas) and nouns (kurs, process)
    if lower.endswith("as"):
        return lower[-3] not in _VOWELS  # behandlas, sparas; not "ideas"
    if lower.endswith("ades") or (lower.endswith(("des", "tes")) and lower[-4] not in _VOWELS):
        return True  # behandlades, användes, köptes; not "diabetes", "updates"
    return lower.endswith(_SV_SUPINE_ENDINGS) or lower.endswith(_SV_CONSONANT_S_ENDINGS)


def sv_is_s_passive(lower: str, previous: str = "") -> bool:
    """Is ``lower`` (a lower-cased Swedish word) an s-passive verb form in this place?

    ``previous`` is the lower-cased word before it: after a determiner ("ett företags") the
    word is a genitive. Cheap tests come first: most words do not end in -s at all.
    """
    if not lower.endswith("s") or not _sv_shape(lower):
        return False
    if not lower.isalpha() and "-" not in lower:
        return False
    if lower in SV_NOT_VERB or lower.endswith(SV_NOT_VERB_ENDINGS):
        return False
    if lower in SV_NOT_PASSIVE or lower.endswith(_SV_NOT_PASSIVE_ENDINGS):
        return False
    return previous not in SV_DETERMINERS




def sv_is_participle(lower: str) -> bool:
    """Is ``lower`` a past participle after a form of *bli* ("blir raderade", "blev inspelad")?"""
    if lower in SV_PARTICIPLE_ADJECTIVES:
        return False
    if lower in SV_STRONG_PARTICIPLES:
        return True
    if len(lower) < 5:
        return False
    return lower.endswith(_SV_PARTICIPLE_ENDINGS)


# --- English --------------------------------------------------------------------------------

EN_BE = word_set("be is are was were been being am isn't aren't wasn't weren't it's we're you're they're")
EN_GET = word_set("get gets got gotten getting")
EN_ADVERBS = word_set(
    """
    not never also only then still already often always sometimes just even soon now further
    thus therefore usually generally automatically immediately regularly securely permanently
    fully strictly later currently properly safely manually directly electronically routinely
    typically normally promptly lawfully fairly partly mostly primarily mainly routinely
    """
)

# Participles that after "be" describe a state or an attitude, not an action someone hides.
EN_ADJECTIVAL = word_set(
    """
    committed entitled interested concerned located based situated headquartered required needed
    closed finished done gone dedicated devoted determined prepared supposed obliged obligated
    bound allowed permitted pleased delighted excited thrilled disappointed satisfied dissatisfied
    worried surprised annoyed frustrated bored tired scared embarrassed amazed married divorced
    retired employed involved related known called named registered qualified aware unable
    experienced skilled equipped accustomed subscribed unsubscribed enrolled authorised
    authorized resolved solved completed settled delayed lost stolen broken damaged paid listed
    limited designed intended meant considered deemed regarded expected presumed included contained
    licensed classed classified
    """
)
EN_IRREGULAR_PARTICIPLES = {
    "known": "know", "shown": "show", "given": "give", "taken": "take", "made": "make",
    "kept": "keep", "held": "hold", "sent": "send", "sold": "sell", "told": "tell",
    "found": "find", "seen": "see", "written": "write", "done": "do", "built": "build",
    "bought": "buy", "brought": "bring", "chosen": "choose", "drawn": "draw", "driven": "drive",
    "forgotten": "forget", "hidden": "hide", "lost": "lose", "meant": "mean", "paid": "pay",
    "put": "put", "set": "set", "spent": "spend", "stolen": "steal", "thrown": "throw",
    "understood": "understand", "withdrawn": "withdraw", "broken": "break", "caught": "catch",
    "cut": "cut", "dealt": "deal", "fed": "feed", "led": "lead", "left": "leave", "lent": "lend",
    "let": "let", "overseen": "oversee", "overridden": "override", "proven": "prove",
    "sought": "seek", "shut": "shut", "spoken": "speak", "split": "split", "spread": "spread",
    "stuck": "stick", "taught": "teach", "torn": "tear", "undertaken": "undertake",
    "upheld": "uphold", "withheld": "withhold", "won": "win", "frozen": "freeze",
    "beaten": "beat", "shot": "shoot", "grown": "grow", "read": "read", "heard": "hear",
    "said": "say", "begun": "begin", "rewritten": "rewrite", "mistaken": "mistake",
    "forbidden": "forbid", "laid": "lay", "hung": "hang", "sworn": "swear", "woken": "wake",
    "worn": "wear", "misled": "mislead", "overtaken": "overtake", "sunk": "sink",
}
_EN_NOT_PARTICIPLE_ED = word_set("need seed feed speed indeed breed greed red bed wed shed sacred naked wicked hundred")


def en_is_participle(lower: str) -> bool:
    """Is ``lower`` an English past participle (regular -ed or a listed irregular one)?"""
    if lower in EN_IRREGULAR_PARTICIPLES:
        return True
    if len(lower) < 4 or not lower.endswith("ed") or not lower.isalpha():
        return False
    return lower not in _EN_NOT_PARTICIPLE_ED and not lower.endswith("eed")
