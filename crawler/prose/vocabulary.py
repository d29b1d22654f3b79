"""The phrases the prose reader knows, as data: which words state which facility fact.

Each :class:`Phrase` names a field (dotted path of :class:`~iop.facility.Facility`), a regular
expression (matched case-insensitively on one clause), the value a plain statement sets
(``stated``) and the value a denial sets (``denied``; ``None``: a denial says nothing). List
fields take ``item``: the name added to the list. ``requires``/``forbids`` are patterns the clause
must / must not contain for the phrase to count (e.g. a payment is only stated where the clause
is about accepting it). Adding knowledge means adding a row here, not code.

English and a little Spanish (the language most US programs also publish in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crawler.prose.numbers import A_MONTH_OR_SEASON, TRACK_TIMES
from iop.facility import STATE_NAMES, Ownership


@dataclass(frozen=True)
class Phrase:
    path: str
    pattern: str
    stated: Any = True
    denied: Any = False
    requires: str | None = None
    forbids: str | None = None
    item: str | None = None
    # Read in "If ..., " clauses too: "if another doctor prescribes it, you are welcome".
    in_conditionals: bool = False
    # ``forbids`` stops it only in its own clause ("We cannot provide methadone — but members
    # who get it from a clinic are welcome": the refusal is of the methadone, not the welcome).
    forbids_in_its_clause: bool = False


# Seen by appointment alone: "by appointment only", "The studio is appointment only" (not one
# service's: "counseling is appointment only", "Our pharmacy is appointment-only for vaccines").
BY_APPOINTMENT_ONLY = (
    r"\bby appointment only\b"
    r"|\b(?:studio|office|clinic|practice|cent(?:er|re)|program|iop) is (?:by )?appointment"
    r"[- ]only\b"
    # "We see people by appointment, so please call before you come in"
    r"|\bwe (?:only )?see (?:people|clients|patients|everyone) (?:only )?by appointment\b"
    r"(?![^.;]*\b(?:walk|drop[- ]?in|same[- ]day)\b)"
)

# Medicaid by the names states give it (and their Medicaid managed-care programs).
MEDICAID_NAMES = (
    r"\bmedicaid\b|medi-cal|\bahcccs\b|denalicare|arhome|health first colorado|husky health"
    r"|diamond state health plan|dc healthy families|georgia pathways|med-quest|quest integration"
    r"|healthchoices?\b|healthy indiana plan|hoosier (?:healthwise|care connect)|ia health link"
    r"|iowa health and wellness plan|kancare|healthy louisiana|mainecare"
    r"|(?:pa |pennsylvania |minnesota |mn )?medical assistance (?:\(ma\)|program|plans?)"
    r"|\b(?:pennsylvania|minnesota) medical assistance\b|community care behavioral health"
    r"|masshealth|healthy michigan plan|minnesotacare|mississippican|mo healthnet|heritage health"
    r"|granite advantage|nj familycare|turquoise care|centennial care|soonercare"
    r"|oregon health plan|rite care|healthy connections medicaid|tenncare|star\+plus|star kids"
    r"|green mountain care|cardinal care|apple health|mountain health trust|badgercare"
    r"|forwardhealth|equalitycare"
)
# Medicaid managed-care plans by their brand names, which name no other product: "Sunshine
# Health", "Aetna Better Health of Illinois", "UnitedHealthcare Community Plan".
MEDICAID_PLANS = (
    r"\baetna better health\b|amerihealth caritas|\bamerigroup\b|buckeye health plan|caresource"
    r"|\bcountycare\b|healthy blue\b|humana healthy horizons|mercy care\b"
    r"|(?<!ambetter from )peach state health plan"
    r"|simply healthcare|sunshine health\b|superior healthplan|unitedhealthcare community plan"
    r"|banner university family care|health choice arizona|community health plan of washington"
    r"|coordinated care\b|blue cross community health plans?|absolute total care"
    r"|select health of south carolina|louisiana healthcare connections|nebraska total care"
    r"|iowa total care|home state health|magnolia health|western sky community care"
    r"|carolina complete health|oklahoma complete health|molina healthcare(?! marketplace)"
    # plans that serve only Medicaid members, by state: California's Medi-Cal plans, Oregon's
    # coordinated care organizations, Pennsylvania's, New York's, Texas's and others'
    r"|partnership health ?plan of california|blue shield (?:of california )?promise"
    r"|\bl\.?a\.? care health plan|inland empire health"
    r"|\bcaloptima\b|cencal health|central california alliance for health|calviva health"
    r"|health plan of san joaquin|alameda alliance for health|kern family health care"
    r"|gold coast health plan|santa clara family health plan|san francisco health plan"
    r"|\bcareoregon\b|trillium community health plan|pacificsource community solutions"
    r"|\bkeystone first\b|upmc for you|pa health (?:&|and) wellness|horizon nj health"
    r"|\bmetroplus\b|texas children's health plan|driscoll health plan"
    r"|parkland community health plan|cook children's health plan|passport health plan"
    r"|bluecare tennessee|upper peninsula health plan|priority partners"
    r"|maryland physicians care|virginia premier|arkansas total care|buckeye community health"
    r"|sunflower health plan|meridian(?:care| health plan of (?:illinois|michigan))"
    r"|\byouthcare\b|south country health alliance|primewest health"
)
# Blue plans and regional insurers by their own names (their commercial plans).
REGIONAL_INSURERS = (
    r"florida blue|highmark|premera|regence|wellmark|carefirst|excellus|priority health"
    r"|harvard pilgrim|\bmedica\b|healthpartners|blue shield(?! (?:of california )?promise)"
)
# Clauses about paying for care, not education about insurance in general.
PAYING = (
    r"accept|\btake\b|in[- ]network|contract|\bbill|approved|participat|we work with|welcome"
    r"|payment|\bpay\b|paying|insurance (?:plans?|accepted)|plans? accepted"
    # a label or heading over plans: "Insurance:", "Insurance & Cost: Medicare: Yes"
    r"|\b(?:insurance|coverage|costs?|commercial)\b[^.:;]{0,20}:"
    r"|aceptamos|seguro|^\W*no\b"
    # "We are not enrolled with Medicare", "we're not a Medicare provider" (not "help you enroll")
    r"|\b(?:we are|we're|we are not|we're not|not) enrolled (?:with|in)\b"
    r"|\b(?:we are|we're|we)(?: not)? an? (?:medicare|medicaid) provider"
)
# The kinds of a program by its time, its way or its people: "Evening IOP", "virtual IOP",
# "Adolescent IOP", "Spanish IOP" (one track or kind of the program, not the program).
# Whom a track of the program is for: "Adolescent IOP", "Women's group", "Spanish IOP".
PEOPLES_KINDS = r"young[- ]adults?|adolescents?|teens?|youth|women'?s|men'?s|veterans'?|spanish"
PROGRAM_KINDS = rf"{TRACK_TIMES}|saturday|sunday|virtual|online|in-person|adults?|{PEOPLES_KINDS}"
# Who speaks of the program's own care: "we", "our", or the program by its name, denying what
# it runs ("Heron Bay does not offer residential or inpatient care").
WE_OR_THE_PROGRAM = (
    r"\b(?:we|our)"
    # (not a payer's nor another place's: "Medicare does not provide residential coverage",
    # "Sober Living does not provide inpatient care")
    r"|^\W*(?!(?:medicare|medicaid|tricare|insurance|your|the state|sober|recovery (?:house"
    r"|home|residence)|halfway|intensive outpatient|iop|outpatient)\b)"
    r"(?:[A-Z][\w&'.-]*\s+){1,5}(?:does not|doesn't) (?:offer|provide|have|run|operate)\b"
    r"(?![^.;]*\bcoverage\b)"
)
# A heading over payment words ("Paying for care": "Medicaid, Medicare, private insurance").
PAYMENT_HEADING = r"\b(?:insurance|payment|paying|pay for|costs?|fees?|coverage|financial)\b"
A_PAYMENT_HEADING = re.compile(PAYMENT_HEADING, re.I)
# A heading of payment words only, over a section of them: "Insurance", "Insurance & Fees",
# "Paying for treatment" (not "Insurance-Covered Addiction Treatment in Phoenix").
PAYMENT_WORDS = (
    r"(?:insurance|payment(?: options)?|paying for (?:care|treatment|services)|costs?|fees|pricing"
    r"|coverage|billing|financial assistance|(?:cost|costs|fees|payment) and insurance)"
)
A_PAYMENT_SECTION = re.compile(
    rf"^\W*{PAYMENT_WORDS}(?:\s*(?:&|and|,)\s*{PAYMENT_WORDS})*\W*$", re.I
)
# A heading over plans a program does not take: its list accepts none of them.
REFUSED_HEADING = r"\bnot\b|n't\b|\bno\b|out[- ]of[- ]network|\bwe do not\b"
# An opioid treatment program the program works with, not its own: "our contracted OTP".
PARTNER_OTP = (
    r"(?:community|partner(?:ing)?|local|contracted|affiliated|nearby|area)"
    r" (?:otp|methadone (?:clinic|provider)|opioid treatment program)"
)
# Methadone given through an OTP, even the same system's: "Methadone is provided through the
# Highland Crest Opioid Treatment Program" (the IOP's clients take part; it gives none).
THROUGH_AN_OTP = (
    # (not what only an OTP may do: "can only be dispensed by a ... program, and we are not one")
    r"(?<!only be )(?:provided|dispensed|available|given|offered) (?:through|by|at|via)"
    r" (?:our |an? |the )?"
    r"(?:[\w'-]+ ){0,4}(?:otp|opioid treatment program|methadone (?:clinic|program)"
    # a hub of a hub-and-spoke system (Vermont's): "dispensed by the regional hub"
    r"|(?:regional )?hub\b)"
)
# Medication another clinic gives the program's clients: "Medication-assisted treatment is
# provided in partnership with Delta Family Clinic, which prescribes buprenorphine".
IN_PARTNERSHIP = (
    r"\b(?:medications?|mat|moud|buprenorphine|suboxone|vivitrol|naltrexone|methadone)\b[^.;]{0,40}"
    r"\b(?:provided|offered|available|prescribed|given) (?:in|through (?:a|an|our)) partnership"
    r" with\b"
)
# Sending clients to an OTP for methadone: "we refer you to an opioid treatment program".
REFERRED_TO_AN_OTP = (
    r"\brefer(?:s|red|ring)? (?:you |them |patients |clients |people )?to (?:(?:an?|the|local"
    r"|area) )?(?:[\w-]+ )?(?:otps?|opioid treatment programs?|methadone (?:clinics?|providers?))"
)
# People already taking a medication for an addiction: "clients on methadone", "patients
# already taking buprenorphine".
ALREADY_ON_MEDICATION = (
    r"\b(?:clients|patients|people|members|participants|adults|individuals)"
    r"(?: who are| who(?= (?:already )?(?:take|receive|get)\b))?"
    r" (?:already )?(?:on|taking|receiving|prescribed|(?<=who )(?:take|receive|get)"
    r"|(?<=who already )(?:take|receive|get))"
    r" (?:mat\b|moud\b|medications?|methadone|buprenorphine|suboxone|naltrexone|vivitrol)"
    # (not from the program itself: "Clients who get Vivitrol injections from our nurse")
    r"(?![^.;]{0,40}\b(?:from|by|through) (?:our|us|this program)\b)"
)
# "Clients on methadone are welcome": on it already, from whoever prescribes it.
ALREADY_ON_ARE_WELCOME = (
    rf"{ALREADY_ON_MEDICATION}[^.;]{{0,40}}\b(?:are|is) (?:also )?(?:welcome|accepted)\b"
)
# Someone else's prescriber: the program accepts clients on MAT, it does not provide it.
OUTSIDE_PRESCRIBER = (
    r"outside (?:provider|prescriber|clinic)"
    r"|another (?:provider|prescriber|clinic|program|doctor|physician)"
    r"|\bfrom (?:a|their|your) local (?:prescriber|provider|doctor|physician|clinic)"
    rf"|prescribed elsewhere|(?:their|your) own (?:provider|prescriber|clinic)|{PARTNER_OTP}"
    rf"|{THROUGH_AN_OTP}|{IN_PARTNERSHIP}"
    rf"|{REFERRED_TO_AN_OTP}"
    r"|outside prescribers?|(?:su|tu) propio (?:m[eé]dico|doctor|proveedor)"
    r"|de (?:su|tu|otro) (?:m[eé]dico|doctor|proveedor)|de (?:una|otra) cl[ií]nica"
    r"|otro (?:proveedor|m[eé]dico|programa)|outside (?:our|the|this) program"
    r"|from an? (?:outside|community|other) (?:provider|prescriber|clinic|doctor|otp)"
    r"|enrolled (?:at|in|with) (?:an?|a local) (?:methadone clinic|otp|opioid treatment program)"
    r"|enrolled (?:at|in|with) the methadone clinic\b(?! here)(?! at our)"
    r"|(?:your|their) (?:clinic'?s|otp'?s) prescriber"
    r"|from an? (?:[\w-]+ )?(?:opioid treatment program|otp|methadone clinic)"
    r"|(?:have|has) an? (?:[\w-]+ )?prescriber"
    r"|(?:your|their|whose|his|her) own (?:[\w-]+ ){0,2}(?:physician|doctor|prescriber|clinic)"
    r"|(?:a|the|your) doctor elsewhere|\bdos(?:es?|ing) (?:at|with)\b|keep dosing"
    r"|\bif (?:a|an|your|another) (?:doctor|provider|prescriber|clinic) (?:already )?prescribes\b"
    r"|narcotic treatment program"
    # "Clients who need buprenorphine get it through our partner clinic"
    r"|\b(?:through|at|from|via) our (?:partner|partnering) (?:clinic|practice|provider)s?\b"
    rf"|{ALREADY_ON_ARE_WELCOME}"
    r"|(?:receive|get)s? (?:methadone|buprenorphine|suboxone|it|them) (?:at|from) an? (?:[\w-]+ )?"
    r"(?:otp|opioid treatment program|methadone clinic)"
    # "get those medicines from the tribal clinic", "receiving methadone through a licensed OTP"
    r"|\b(?:get|gets|getting|receive|receives|receiving|maintained on)"
    r" (?:[\w-]+ ){1,2}(?:from|at|through|by) (?!(?:our|us|this|the program)\b)"
    r"|(?<!to )\b(?:get|gets|getting|receive|receives|receiving) (?:[\w-]+ ){1,3}somewhere else\b"
)
# Taking part in the program: "are welcome in every group", "may enroll in IOP", "attend our IOP".
WELCOME_IN_THE_PROGRAM = (
    r"welcome|accepted|(?:that's|that is|are) fine"
    r"|(?:can|may)(?: still)? (?:join|attend|enroll|participate|take part|continue)"
    r"|remain eligible|keep (?:taking|dosing)|(?:attend|join) (?:our|the|all|any|every)\b"
    r"|take part\b|participate in\b"
    r"|(?:are|is) (?:full )?members? of (?:the|our) (?:program|iop|group)"
    r"|pueden? (?:participar|asistir|unirse)|(?:es|son) bienvenid[oa]s?"
)
# What a sentence says of a medication that is not the program's offer: someone else's
# prescriber, or how the care is given anywhere ("methadone can only come from an OTP").
NOT_THE_PROGRAMS_MEDICATION = (
    OUTSIDE_PRESCRIBER
    + r"|\bonly (?:be )?(?:dispensed|provided|given|available|comes?|come) (?:by|from|at|through)\b"
    + r"|\bmethadone (?:has|must|needs) (?:to )?be dispensed (?:by|from|at|through)\b"
)
# A sentence about clients on medication for an addiction names one (or MAT, or an OTP).
ADDICTION_MEDICATION = (
    r"methadone|buprenorphine|suboxone|sublocade|naltrexone|vivitrol|\bmat\b|\bmoud\b"
    r"|medications?\b|medicines?\b|\botp\b|opioid treatment|narcotic treatment|\bdos(?:e|es|ing)\b"
    r"|metadona|buprenorfina"
)
# The program itself saying it does not, just before the verb: "we don't ", "our practice
# doesn't " (each a fixed-width look-behind).
PROGRAM_SAYS_NOT = "|".join(
    f"(?<={subject} {negation} )"
    for subject in ("we", "our practice", "our program", "our iop", "the program", "the iop")
    for negation in ("do not", "don't", "does not", "doesn't", "never")
)
# Prescribing medication in general, for the addiction (not for other conditions).
PRESCRIBES_MEDICATION = (
    # ("We do not prescribe or dispense any medication.")
    r"prescrib(?:e|es|ing)(?: or dispense)? (?:any )?medications?\b"
    r"(?! for (?:anxiety|depression|mental|sleep))"
    r"|recet(?:amos|a|an) medicamentos?\b(?! para (?:la ansiedad|la depresi[oó]n|la salud mental"
    r"|dormir|el sueño))"
    r"|medications? for (?:opioid|alcohol) use disorders?|\bmoud\b"
    # "Our practice doesn't prescribe." (nothing named: no medication at all), said of the
    # program, not of some of its staff ("our counselors don't prescribe")
    rf"|(?:{PROGRAM_SAYS_NOT})prescribe\b"
    r"(?= any medic(?:ations?|ines?) (?:ourselves|here|on site)\b|\s*[.;]?\s*$)"
)
# The medications for opioid use disorder, by name (generic and brand).
MEDICATIONS = {
    "medications.mat_buprenorphine": r"buprenorphine|buprenorfina|suboxone|sublocade|subutex"
    r"|zubsolv|brixadi",
    "medications.mat_methadone": r"methadone|metadona",
    "medications.mat_naltrexone": r"naltrexone|naltrexona|vivitrol",
}
# Other levels of care named as where a program sends people, or what it is compared with.
ELSEWHERE = (
    r"\brefer|higher level of care|step(?:s|ped)?[- ]down|alternative to|instead of|compared"
    r"|\bthan\b|\bvs\.?\b|versus|transition"
)
GROUP_WORDS = r"groups?|sessions?|programs?|programming|tracks?|iop|options?|schedules?|cohorts?"
# Between a time of day and the groups it times: a few words, not another kind of care's name
# ("our school-day partial hospitalization program" times the PHP, not the IOP's groups).
TO_ITS_GROUPS = (
    r"(?:(?!\s*(?:partial|php|residential|inpatient|detox|withdrawal|hospital))[\w\s,&/]){0,25}?"
)
# What meets at a time of day: "groups meet Tuesday evenings", "we meet four mornings a week".
WHAT_MEETS = (
    r"(?:we|groups?|sessions?|classes|circles?|(?:the )?program|(?:the )?iop|tracks?|cohorts?)"
    r" meets?"
)
# The whole program as what meets (not one track or group): "the IOP meets", "we meet".
# A price in dollars: "$15", "$1,800", "$120.00".
PRICE = r"\$\s?[1-9][\d,]*(?:\.\d\d)?"
THE_PROGRAM_MEETS = (
    r"(?:(?:no, |right now,? )?(?:the |our )?(?:iop|program)(?: groups)?|we"
    r"|(?:all )?(?:our )?groups) (?:meets?|runs?)"
)
SPOKEN = (
    r"speak|language|bilingual|interpret|(?:groups?|sessions?|services?|counseling|therapy)"
    r"(?: are| is| can be| may be)?(?: also)?(?: available| offered| provided| held| conducted)?"
    r" in\b"
    r"(?!\s+(?:groups?|person|individual|one|a|an|the|our|your|their)\b)|idioma"
)

# Sessions for a client's family, not the client's groups: "Four Saturday morning sessions (9 -
# noon) for family members" (their weekend is the program's; their morning no daytime group).
SESSIONS_FOR_A_FAMILY = (
    r"\b(?:sessions?|groups?|programs?|workshops?|classes)\b[^;]{0,40}"
    r"\bfor (?:family members|families|loved ones)\b"
)
# An accreditation sought, not held: "working toward CARF accreditation", "seeking Joint
# Commission accreditation", "Joint Commission accreditation in progress" (what else the
# clause says stands: "We are CARF accredited and working toward Joint Commission ...").
NOT_SOUGHT = (
    r"(?<!toward )(?<!towards )(?<!seeking )(?<!pursuing )(?<!applied for )(?<!applying for )"
    r"(?<!working on )"
)
NOT_PENDING = r"(?! accreditation (?:is )?(?:in progress|pending|underway))"
# Only an OTP may give it, and the program is none: "Methadone can only be dispensed by a
# federally certified opioid treatment program, and we are not one."
NOT_ONE_OF_THE_OTPS = (
    # "Only federally certified OTPs can dispense methadone, and we are not one."
    r"\bonly (?:federally )?(?:certified |licensed )?(?:opioid treatment programs|otps)"
    r" (?:can|may) (?:dispense|provide|give|administer) methadone\b[^.;]{0,15}"
    r"\b(?:and|but) we(?:'re| are) not (?:one|an? (?:otp|opioid treatment program))\b|"
    r"\bonly be (?:dispensed|provided|given|administered) (?:by|at|through) (?:an? )?"
    r"(?:federally )?(?:certified |licensed )?(?:opioid treatment program|otp)s?\b[^.;]{0,15}"
    r"\b(?:and|but) (?:we(?:'re| are)|[\w ]{2,40} is) not"
    r" (?:one|an? (?:otp|opioid treatment program))\b"
)

# Languages a program may name, besides English, Spanish and sign language: the country's most
# spoken, and the languages of its tribes' and immigrants' communities.
OTHER_LANGUAGES = (
    "Vietnamese", "Mandarin", "Cantonese", "Korean", "Tagalog", "Ilocano", "Russian",
    "Ukrainian", "Arabic", "Portuguese", "French", "Haitian Creole", "German", "Italian",
    "Polish", "Greek", "Hebrew", "Yiddish", "Armenian", "Albanian", "Bosnian", "Hindi",
    "Urdu", "Punjabi", "Gujarati", "Bengali", "Nepali", "Farsi", "Dari", "Pashto", "Japanese",
    "Somali", "Amharic", "Tigrinya", "Oromo", "Swahili", "Burmese", "Khmer", "Lao",
    "Hmong", "Thai", "Marshallese", "Chuukese", "Samoan", "Tongan", "Hawaiian", "Navajo",
    "Lakota", "Nakoda", "Dakota", "Ojibwe", "Cherokee", "Choctaw", "Cree", "Yup'ik", "Inupiaq",
    "Tlingit", "Gwich'in", "Apache", "Hopi", "Zuni", "Northern Paiute", "Shoshone",
    "Blackfeet", "Kiowa", "Comanche", "Muscogee", "Osage", "Potawatomi", "Arapaho",
    "Tohono O'odham", "Mixtec", "Zapotec", "K'iche'",
)  # fmt: skip
# A language's name in a place's ("Cherokee County", "Apache Junction"): the place.
PLACE_WORDS = (
    r"(?:\s+(?:county|nation|reservation|agency|valley|junction|creek|river|lake|mountains?"
    r"|springs|falls|city|street|st\b|avenue|ave\b|road|rd\b|building|center|centre|hall|room"
    r"|health|clinic|hospital|school|campus|tribe|offices?|beach|trail|drive|dr\b|lane|way"
    r"|boulevard|blvd\b|casino|heights|hills?|park|plaza|location)"
    r"|\s+(?:and|&) [\w' -]{1,30}\s(?:offices|locations|clinics)\b"
    r"|\s*,\s*(?:" + "|".join(STATE_NAMES) + r")\b)"
)

# "not an online program", "isn't a virtual IOP": what the program is not, in person.
NOT_A_VIRTUAL_PROGRAM = r"\b(?:not|n't) an? (?:online|virtual|remote) (?:program|iop|service)\b"


# Meetings of others in the building: mutual-help groups', a church's, alumni's.
MEETINGS_OF_OTHERS = (
    r"\b(?:aa|na|alcoholics|narcotics|al-anon|nar-anon|church|12-step|alumni|smart recovery"
    r"|celebrate recovery)\b"
)
# Weekend meetings of others, visitors' and residents' too, or of programs at large.
WEEKEND_OF_OTHERS = (
    MEETINGS_OF_OTHERS
    + r"|\b(?:visit\w*|residential|residents|volunteers?|students?|some|iops|programs)\b"
)
# Who meets, as the program's groups: "We", "Groups", "IOP groups", "The program".
THE_PROGRAMS_GROUPS = (
    r"we|(?:iop |our |the |all |family )?(?:groups?|sessions)|(?:the |our )?(?:iop|program)"
)

# Therapies the model has no field of its own for, by their words, as the list names them.
OTHER_THERAPIES = (
    (r"\bemdr\b|eye movement desensiti", "EMDR"),
    (r"motivational interviewing", "motivational interviewing"),
    (r"seeking safety", "Seeking Safety"),
    (r"matrix model", "Matrix Model"),
    (r"contingency management", "contingency management"),
    (r"12-step facilitation|twelve[- ]step facilitation", "12-step facilitation"),
    (r"drumming circles?", "drumming"),
)
# One clinician's training, not the program's offer: "Our clinical director is trained in EMDR"
# (not its staff's, "Our counselors are trained in motivational interviewing", nor one who uses
# it with the program's clients).
ONE_CLINICIANS_TRAINING = (
    r"^(?![^.;]*\b(?:uses?|offers?|offered|provides?|with (?:our )?(?:iop )?clients)\b)"
    r"[^.;]*\b(?:is|was) (?:also )?(?:trained|certified|credentialed) in\b"
)
PHRASES: tuple[Phrase, ...] = (
    # Levels of care. Residential and inpatient are mostly named as what IOP is an alternative
    # to, so only denials ("we are not a residential program") and "our residential ..." count.
    # (a comparison states nothing of it: "Not the same as IOP", over court programs)
    Phrase(
        "levels_of_care.iop",
        r"intensive outpatient|\biop\b|asam (?:level )?2\.1\b",
        forbids=r"\bnot the same as\b",
    ),
    Phrase(
        "levels_of_care.iop",
        r"programa (?:intensivo ambulatorio|ambulatorio intensivo)"
        r"|tratamiento ambulatorio intensivo",
    ),
    Phrase(
        "levels_of_care.partial_hospitalization",
        # (North Carolina's "Substance Abuse Comprehensive Outpatient Treatment": its PHP)
        r"partial hospitali[sz]ation|\bphp\b|day treatment program|asam (?:level )?2\.5\b"
        r"|\bsacot\b",
        forbids=ELSEWHERE,
    ),
    Phrase(
        "levels_of_care.outpatient",
        r"(?:standard|general|traditional|routine|regular) outpatient"
        r"|asam (?:level )?1(?:\.0)?\b(?!\.\d)",
    ),
    # Outpatient counseling next to the IOP ("step down to weekly outpatient counseling with the
    # same counselor"), not outpatient care in general ("outpatient counseling is usually ...").
    Phrase(
        "levels_of_care.outpatient",
        r"(?<!intensive )(?<!intensive-)\boutpatient (?:counseling|therapy|sessions?)\b"
        r"|\b(?:step(?:s|ping)? down to|continue (?:in|with)|mov(?:e|es|ing) (?:on )?to"
        r"|transition(?:s|ing)? to|(?:keep|continue) seeing (?:your|a) (?:counsel+or|therapist) in)"
        r" our (?!intensive)(?:[\w-]+ ){0,2}?outpatient"
        r" (?:aftercare |continuing care |behavioral health |mental health )?"
        r"(?:groups?|care|program|level|counseling"
        r"|therapy|clinic)\b"
        r"|\bstep-down outpatient (?:program|groups?|care) after (?:the |our )?(?:iop|intensive)\b"
        # the program's own step-down: "then weekly outpatient aftercare", "a weekly outpatient
        # group for graduates"
        r"|\bweekly (?:aftercare |virtual |online )?outpatient (?:aftercare|continuing[- ]care"
        r"|groups?)\b"
        r"|\bconsulta externa\b",
        forbids=r"\brefer|elsewhere|is (?:usually|often|typically)|\bcan include\b|\bthan\b"
        r"|\bfind\b|near (?:home|you)|(?:their|your) (?:own )?communit|level of care|\bcompared\b"
        r"|\bended\b|\bdiscontinued\b",
    ),
    # A table's row of a level of care given here, and its bare answer: "Outpatient (here): Yes"
    # (see crawler.prose.page._offered; not a coverage table's, nor "Yes (through a partner)").
    Phrase(
        "levels_of_care.outpatient",
        r"^\W*(?:standard |general |regular )?outpatient(?: (?:counseling|services|treatment"
        r"|care))? \(here\)\s*:\s*(?:yes|offered|available|\u2713|\u2714)\W*$",
    ),
    # What the practice is: "We're an outpatient practice only" (not what another is: "A
    # methadone clinic is an outpatient clinic", "Summit Path is an outpatient program"); "an
    # outpatient agency: we don't offer residential treatment" denies what follows, not it.
    Phrase(
        "levels_of_care.outpatient",
        r"\bwe(?:'re| are) an? outpatient (?:practice|program|clinic|provider|agency)\b"
        # a practice by its name (not a program: its IOP is one): "Big Creek Recovery
        # Counseling is an outpatient practice offering an Intensive Outpatient Program"
        r"|(?-i:\b[A-Z][\w'-]*(?: [A-Z][\w'-]*){1,5}) is an? outpatient"
        r" (?:practice|clinic|agency)\b"
        # "the Easley office is an outpatient office only"
        r"|\b(?:the|our|this) (?:[\w-]+ ){0,2}office is an? outpatient office\b"
        # "Our Delphi center is outpatient only"
        r"|\b(?:our|the|this) (?:[\w-]+ ){0,2}(?:center|centre|clinic|office|practice|location)"
        r" is outpatient only\b",
        denied=None,
    ),
    Phrase(
        "levels_of_care.residential",
        r"our residential (?:program|facility|campus|unit)|we (?:also )?offer residential",
        forbids=ELSEWHERE,
    ),
    Phrase(
        "levels_of_care.residential", r"\bresidential\b", stated=None, requires=WE_OR_THE_PROGRAM
    ),
    # "Liberty Pines itself has no residential beds" (said of beds open today, nothing).
    Phrase(
        "levels_of_care.residential",
        r"\bresidential (?:treatment )?beds\b(?!\s+(?:are\s+|is\s+)?(?:open|available|left|free))",
        stated=None,
    ),
    # "We don't have beds": no place to stay (not "no beds open today", not a sober house's).
    Phrase(
        "levels_of_care.residential",
        r"\b(?:have|offer) (?:any )?(?:overnight )?beds\b"
        r"(?![^.]*\b(?:open|available|today|right now|left|wait|sober|house|residential|detox"
        r"|for|at our)\b)",
        stated=None,
        requires=r"\bwe\b",
    ),
    Phrase(
        "levels_of_care.residential",
        r"\b(?:somos|ofrecemos|tenemos|contamos con) (?:un |una )?programa residencial\b",
        stated=None,
    ),
    # A table's row of a level of care and its bare answer: "Residential (here): No" (see
    # crawler.prose.page._offered_by_row).
    Phrase(
        "levels_of_care.residential",
        r"^\W*residential(?: (?:treatment|care|services))? \(here\)(?=\s*:\s*(?:yes|no|offered"
        r"|available|\u2713|\u2714)\W*$)",
    ),
    Phrase("levels_of_care.inpatient", r"\binpatient\b", stated=None, requires=WE_OR_THE_PROGRAM),
    # Residential care named in a denial ("Not available: residential treatment"); named
    # otherwise, it is what IOP is an alternative to, or where a client is referred.
    Phrase(
        "levels_of_care.residential",
        r"\bresidential (?:treatment|care|programs?|services)\b",
        stated=None,
    ),
    # "We're an outpatient practice only": nobody stays overnight.
    Phrase(
        "levels_of_care.residential",
        r"\b(?:we(?:'re| are)|is) an? (?:[\w-]+ ){0,2}outpatient (?:practice|program|clinic"
        r"|provider|center|centre|office) only\b(?!\s+(?:for|to|in|serving)\b)"
        r"|\b(?:we(?:'re| are)|is) (?:an? )?outpatient only\b",
        stated=False,
        denied=None,
    ),
    # Medications.
    Phrase(
        "medications.mat_buprenorphine",
        MEDICATIONS["medications.mat_buprenorphine"],
        forbids=NOT_THE_PROGRAMS_MEDICATION,
    ),
    Phrase(
        "medications.mat_methadone",
        MEDICATIONS["medications.mat_methadone"],
        forbids=NOT_THE_PROGRAMS_MEDICATION,
    ),
    # "Neither office prescribes medication": a denial of every medication; stated, it names none.
    *(
        Phrase(path, PRESCRIBES_MEDICATION, stated=None, forbids=NOT_THE_PROGRAMS_MEDICATION)
        for path in (
            "medications.mat_buprenorphine",
            "medications.mat_methadone",
            "medications.mat_naltrexone",
        )
    ),
    Phrase(
        "medications.mat_naltrexone",
        MEDICATIONS["medications.mat_naltrexone"],
        forbids=NOT_THE_PROGRAMS_MEDICATION,
    ),
    Phrase(
        "medications.mat_alcohol",
        r"acamprosate|campral|disulfiram|antabuse|medications? for alcohol use disorders?"
        r"|(?:naltrexone|vivitrol)\b[^.;]{0,40}\bfor (?:(?:opioid|opiate) (?:or|and|&) )?alcohol\b"
        r"|(?:naltrexone|vivitrol)\b[^.;]{0,40}\bfor (?:both )?alcohol (?:or|and|&) opioid",
    ),
    # one of the services a list gives ("Outpatient counseling; Medication for opioid and
    # alcohol use disorder"), not a heading's topic ("Medications for opioid and alcohol use
    # disorders", over what the program prescribes)
    Phrase(
        "medications.mat_alcohol",
        r"medications? for (?:opioid|opiate) (?:and|&) alcohol use disorders?",
        forbids=r"^\W*medications? for",
    ),
    Phrase(
        "medications.otp_certified",
        # one OTP, not others' ("we coordinate care with opioid treatment programs in Billings")
        r"\bour (?:certified |licensed )?opioid treatment programs\b"
        r"|(?:certified |licensed )?opioid treatment program\b(?!s)|\botp\b",
        forbids=NOT_THE_PROGRAMS_MEDICATION
        + r"|\bcoordinat\w* (?:care )?with (?:the |local |area )*(?:opioid treatment|otps?\b)"
        # another's: "patients dosing at an opioid treatment program", "dispensed by a local OTP"
        + r"|\b(?:at|from|by|through|with) (?:an?|another|their|your) (?:[\w-]+ ){0,2}"
        r"(?:opioid treatment program|otp)\b",
    ),
    # "Methadone can only be dispensed by a federally certified opioid treatment program, and we
    # are not one": neither an OTP nor its methadone.
    *(
        Phrase(path, NOT_ONE_OF_THE_OTPS, stated=False, denied=None)
        for path in ("medications.otp_certified", "medications.mat_methadone")
    ),
    Phrase(
        "medications.mat_accepts_outside_prescriptions",
        rf"{ALREADY_ON_ARE_WELCOME}"
        r"|(?:welcome|accept)\w* (?:clients|patients|people)(?: who are)? (?:already )?"
        r"(?:on|taking|receiving|prescribed)"
        r" (?:mat\b|medications?|methadone|buprenorphine|suboxone)"
        r"|outside prescribers? (?:are |is )?(?:welcome|accepted)"
        r"|(?:welcome|accept)\w* (?:prescriptions|patients|clients) (?:from|of) (?:an? )?"
        r"(?:outside|community|other) (?:prescribers?|providers?|clinics?)"
        r"|(?:keep|continue) (?:seeing |with |working with )?(?:your|their) (?:own |current )?"
        r"(?:prescriber|provider|doctor|otp|clinic)"
        r"|(?:coordinate|work) (?:care )?with (?:local |area )?(?:opioid treatment programs|otps"
        r"|methadone clinics)\b(?![^.]*\btaper)"
        r"|(?:coordinate|work) (?:care )?with (?:your|their|that|the|an outside|outside|community)"
        r"\b[^.;]{0,30}(?:prescribers?|providers?|otp|methadone clinic|clinic)\b"
        rf"|(?:{OUTSIDE_PRESCRIBER})[^.;]{{0,80}}\b(?:{WELCOME_IN_THE_PROGRAM})"
        # "you're welcome in IOP if you get Suboxone from your own doctor"
        rf"|\b(?:welcome|can (?:join|attend))\b[^.;]{{0,40}}\bif you (?:get|take|receive)\b"
        rf"[^.;]{{0,50}}(?:{OUTSIDE_PRESCRIBER})"
        # "Our clients who take buprenorphine see their own prescriber"
        r"|\b(?:clients|patients|members|participants) who (?:take|are on|receive)"
        r" (?:buprenorphine|suboxone|methadone|naltrexone|vivitrol|medications?)\b[^.;]{0,20}"
        r"\b(?:see|keep seeing|continue (?:with|seeing)) (?:their|your) own\b"
        # "clients who dose there can take part in Pathways", "clients enrolled there can ..."
        r"|\b(?:who (?:dose|are dosing)|(?:clients|patients|people|those) (?:enrolled|dosing"
        r"|treated)) (?:there|elsewhere)\b[^.;]{0,40}\b"
        rf"(?:{WELCOME_IN_THE_PROGRAM})"
        # "we refer you to an opioid treatment program and keep seeing you here for IOP"
        rf"|{REFERRED_TO_AN_OTP}[^.;]{{0,60}}\b(?:keep (?:seeing|treating)|continue|stay)\b"
        # "Methadone is provided through our contracted opioid treatment program"
        rf"|{THROUGH_AN_OTP}|{IN_PARTNERSHIP}",
        # A refusal is no welcome: "... cannot attend the IOP", "are not eligible".
        forbids=r"\b(?:cannot|can't|can not|may not|must not|not (?:eligible|allowed|permitted"
        r"|accepted|welcome)|no (?:pueden?|podr[aá]n?|son (?:elegibles|aceptad[oa]s)))\b",
        forbids_in_its_clause=True,
        # "... prescribes either", "get them from": the medications the sentence before named.
        requires=ADDICTION_MEDICATION
        + r"|\b(?:prescrib\w*|gets?|getting|take|taking|receiv\w+) (?:either|both|them|it)\b",
        in_conditionals=True,
    ),
    # Detox. A bare "detox" is only read when denied: "we offer detox" does not say where.
    Phrase(
        "detox.detox_onsite",
        r"\bdetox(?:ification)?\b|withdrawal management|desintoxicaci[oó]n",
        stated=None,
    ),
    Phrase(
        "detox.detox_onsite",
        r"on[- ]site detox|detox(?:ification)? (?:is )?(?:available )?on[- ]site"
        r"|(?:our|in-house) (?:medical(?:ly supervised)? )?detox(?:ification)?"
        r" (?:unit|program|center)",
    ),
    Phrase(
        "detox.detox_outpatient",
        r"outpatient (?:medical )?detox|ambulatory (?:detox|withdrawal)"
        r"|outpatient (?:alcohol |opioid )?withdrawal management"
        # "We can manage mild alcohol withdrawal on an outpatient basis" (the program, not
        # "some primary care doctors")
        r"|\b(?:we|our (?:team|clinic|nurses?|providers?|physicians?|prescribers?))"
        r" (?:can |also )?manage (?:mild |moderate )?(?:alcohol |opioid )?withdrawal"
        r" on an outpatient basis",
    ),
    Phrase(
        "detox.detox_referral",
        r"refer\w* [^.;]{0,60}(?:detox|withdrawal)|(?:detox(?:ification)?|withdrawal management)"
        r" (?:partners?|referrals?)"
        r"|\barrang\w* (?:a |an |direct )?admissions? to (?:a |an )?(?:[\w-]+ ){0,2}"
        r"(?:detox|withdrawal)"
        r"|\bhelp\w* (?:you )?get into (?:a )?(?:medical )?detox\b"
        r"|\bhelp\w* (?:you |them )?(?:get )?admitted to (?:a |an )?(?:[\w-]+ )?"
        r"(?:detox|withdrawal)"
        r"|(?:arrang|coordinat|find|set\w* up|help\w* (?:you )?(?:get|find)|get you|connect)\w*"
        r" [^.;]{0,50}"
        r"(?:detox(?:ification)?|withdrawal(?: management)?"
        r"|(?<!our )(?<!own )medical stabilization)"
        r"(?:\s+(?!our\b|on\b|here\b)[\w-]+){0,3}?"
        r"\s+(?:facilit|cent|program|bed|provider|unit|admission|elsewhere|partner|hospital)",
        denied=None,
        # Referrals in, not out: "We take referrals from hospitals and detox units".
        forbids=r"\b(?:take|takes|accept|accepts|receive|receives|welcome) referrals\b"
        r"|\breferrals? (?:come )?from\b",
    ),
    # Withdrawal named first, the referral after: "Clients who need withdrawal management are
    # referred to a medical provider", "If you need withdrawal care first, we'll help you find a
    # program".
    Phrase(
        "detox.detox_referral",
        r"(?:detox(?:ification)?|withdrawal)\b[^.;]{0,70}\b(?:(?:are |is )?referred (?:to|out"
        r"|elsewhere)|refer you|help you (?:find|get)"
        r"|arranges? (?:admission|placement|a bed|it|one|for"
        r"|(?:a )?transfers?)"
        # "Withdrawal management is arranged through a contracted program"
        r"|(?:is|are|can be) arranged (?:through|with|at)\b"
        # "... withdrawal care, we refer to a hospital", "your IOP team will arrange the
        # admission", "we'll make the referral", "help the family find", "by referral to ..."
        r"|refers? (?:to|out)|(?:make|makes|arrange|arranges|coordinate|coordinates)"
        r" (?:the |a |an |your )?(?:referral|admission)"
        r"|helps? (?:you |the family |them |your family )?(?:find (?:one|a|an|the)\b|get (?:into"
        r"|admitted|a bed|placed))"
        r"|connects? (?:you|them|clients) (?:with|to)|by referral)\b",
        # Referred here after it, or the program's own unit: no referral to detox elsewhere.
        forbids=r"\bafter (?:detox|withdrawal)|complet\w* (?:detox|withdrawal)\w*[^.;]{0,30}"
        r"(?:are|is) referred|referred by|follow(?:ing)? (?:detox|withdrawal)"
        r"|referred to (?:our|the) (?:iop|intensive|program)|\brefers? (?:clients |patients )?to"
        r" (?:us|our)\b|\bmake a referral\b|\bconnect clients with our\b|\bcome from\b"
        r"|\bour (?:inpatient|detox|withdrawal) (?:unit|program|center|centre)",
        denied=None,
        in_conditionals=True,
    ),
    # Detox denied, then its referral of "it": "We can't provide detox here, but if you need it
    # first we'll help you find a bed".
    Phrase(
        "detox.detox_referral",
        r"\b(?:if|when) (?:you|a patient|a client|someone) needs? (?:it|either|one|them|both)\b"
        r"[^.;]{0,30}\b(?:help you (?:find|get) (?:a bed|one|admitted)|refer you"
        r"|arrange (?:an? )?(?:admission|bed)|coordinates? (?:a|the) transfer)",
        requires=r"\b(?:detox\w*|withdrawal)\b",
        denied=None,
        in_conditionals=True,
    ),
    # A table's row of levels of care: "3.7-WM Medically monitored withdrawal: Referral; ...".
    Phrase(
        "detox.detox_referral",
        r"(?:detox(?:ification)?|withdrawal)\b[^.;:]{0,30}:\s*(?:by )?referral\s*(?:;|$)"
        # "Patients who need withdrawal management are admitted to our Inpatient Withdrawal
        # Unit at the main hospital first and then join the IOP"
        r"|\bneed\w* (?:medical )?(?:detox(?:ification)?|withdrawal management)\b[^.;]{0,20}"
        r"\b(?:are|is|will be|get) admitted to\b[^.;]{0,60}\bat (?:the |our )?(?:main |[A-Z]\w+ )?"
        r"(?:hospital|campus|medical center)\b[^.;]{0,20}\bfirst\b",
        denied=None,
    ),
    # Therapies.
    Phrase(
        "therapies.group_process",
        r"process(?:-oriented)? groups?|groups? (?:mix|combine|blend|include)\w*[^.;]{0,20}"
        r"\bprocess work\b",
    ),
    Phrase(
        "therapies.group_psychoeducation",
        r"psycho-?educational groups?|psychoeducation|\beducation(?:al)? groups?\b",
    ),
    # what a week of groups holds: "education about addiction and recovery", "recovery
    # education", "Education sessions on the brain" (not a family's, a driver's course, a talk)
    Phrase(
        "therapies.group_psychoeducation",
        r"\beducation (?:sessions?|classes) on\b|\b(?:recovery|addiction) education\b"
        r"|\beducation about (?:addiction|recovery|substance use)\b",
        forbids=r"\b(?:famil(?:y|ies)|dui|dwi|owi|adets|traffic|community|public|school)\b",
        forbids_in_its_clause=True,
    ),
    Phrase(
        "therapies.group_skills",
        r"(?<!refusal[- ])(?:skills?(?:-building)? groups?|coping skills|skills practice"
        # what groups cover: "Groups cover relapse prevention, anger management and life skills"
        r"|(?<!alumni )(?<!parent )(?<!parents' )(?<!family )\bgroups? (?:cover|covers|include"
        r"|includes|teach|teaches|focus on|draw on) [^.;]{0,80}"
        r"\b(?:life|coping|communication|social|living) skills\b"
        r"|\b(?:learn|practice|build|teach)\w* (?:[\w-]+ ){0,2}skills in (?:a )?groups?\b"
        # a schedule's row of a skills group: "Cognitive-Behavioral Skills: Saturday; 9-12"
        r"|^(?![^:]*\b(?:alumni|parenting|parents?|family|families)\b)[\w\s-]{0,40}"
        r"\bskills\s*:\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*\s*(?:;|$))",
    ),
    Phrase(
        "therapies.group_relapse_prevention", r"relapse prevention|prevenci[oó]n de reca[ií]das"
    ),
    Phrase("therapies.group_refusal_training", r"refusal[- ](?:skills?|training)"),
    Phrase(
        "therapies.family_therapy",
        r"family (?:therapy|counseling|sessions?|nights?|evenings?|workshops?|education|healing"
        r"|saturdays|sundays)\b|\b(?-i:family circles?)\b"
        r"|\b(?:our|weekly|monthly|a) family (?:programs?|groups?)\b"
        # "A family gathering night is held ... with a family counselor"
        r"|\bwith (?:a|our) family (?:counselors?|therapists?)\b"
        # "Process group and family group", "a Sunday family dinner and family group" (not
        # "Al-Anon and family groups", "family group homes")
        r"|(?<!anon )\b(?:and|&) family groups?\b(?!\s+homes?)"
        r"|^\W*family (?:programs?|groups?)\s*:"
        r"|^\W*family groups?\s*:\s*(?:first |second |every |each )?(?:mon|tue|wed|thu|fri|sat|sun)"
        r"|(?:individual|group) (?:and|&) family (?:therapy|counseling|sessions?)"
        r"|multi-?family groups?|terapia familiar"
        r"|\bfamilies meet with (?:our|the program's) (?:counselors|therapists|clinicians)\b"
        # "grupo familiar" is also a household: only a group that meets ("los sábados")
        r"|grupo familiar(?= (?:los|cada|semanal|de (?:los )?(?:s[aá]bado|domingo|lunes|martes"
        r"|mi[eé]rcoles|jueves|viernes)))|sesi[oó]n(?:es)? familiar(?:es)?",
    ),
    Phrase(
        "therapies.group_therapy",
        r"group (?:therapy|counseling)|therapy groups|terapia de grupo|terapia grupal"
        r"|group (?:&|and|or) individual (?:therapy|counseling)"
        # a kind of group named as a group: "a cognitive behavioral therapy (CBT) group", "an
        # art therapy group", "attends three groups a week"
        r"|\b(?:cbt|dbt|cognitive[- ]behavioral therapy(?: \(cbt\))?|art therapy|music therapy"
        r"|mindfulness|trauma) groups?\b"
        r"|\battends? (?:\w+ )?groups? (?:a|per|each) week\b",
    ),
    Phrase(
        "therapies.individual_therapy",
        r"individual (?:therapy|counseling|sessions)|one-on-one (?:therapy|counseling|sessions?)"
        r"|(?:weekly|one|1|a \d+-minute)(?: \d+-minute)? individual session\b"
        # "an individual session with your counselor every other week"
        r"|an individual session (?:with (?:your|their) (?:[\w-]+ )?(?:counsel+or|therapist) )?"
        r"(?:every|each|a|per) (?:other )?week"
        # what each week combines: "... mindfulness practice and an individual session with your
        # therapist"
        r"|\b(?:each|every) week (?:combines|includes)\b[^.]{0,160}\ban individual session\b"
        # "meets weekly with a licensed counselor for an individual session"
        r"|\bwith (?:a|your|their) (?:[\w-]+ )?(?:counsel+or|therapist) for an? individual session"
        r"|individual (?:and|&) (?:family|group) (?:therapy|counseling|sessions?)"
        r"|\b(?:each|every) (?:client|patient|participant) (?:also )?meets? (?:with )?an"
        r" individual (?:counselor|therapist)"
        r"|\ba (?:weekly )?one-on-one with (?:your|a|their) (?:[\w-]+ )?(?:therapist|counselor)"
        r"|\b(?:you|clients|patients|participants)(?:'ll| will)? meet one-on-one with (?:your|a"
        r"|their) (?:[\w-]+ )?(?:therapist|counselor)"
        r"|\b(?:everyone|every (?:client|patient|participant)|each (?:client|patient|participant"
        r"|adult|teen|member|woman|man))"
        r" (?:also )?(?:has|gets|is assigned|works with) (?:an|their own|his or her own|a)"
        r" individual"
        r" (?:counselor|therapist|clinician)\b"
        r"|\b(?:sees?|meets? with) (?:a|your|their|his|her) (?:[\w-]+ )?(?:therapist|counselor"
        r"|clinician) (?:one-on-one|one on one|individually)\b"
        r"|meets? individually with (?:a|your|their|the) (?:[\w-]+ )?(?:counselor|therapist"
        r"|clinician)"
        r"|terapia individual|sesi[oó]n(?:es)? individual(?:es)?|consejer[ií]a individual",
        # A counselor of one's own elsewhere: "an individual therapist outside the program".
        forbids=r"\boutside (?:of )?(?:the|our) (?:program|iop)\b|\btheir referring\b|\bat school\b"
        r"|\bgroup-based only\b",
    ),
    Phrase(
        "therapies.cbt",
        r"cognitive[- ]behavio(?:u)?ral (?:therapy|skills|groups?|counseling|tools|techniques"
        r"|approach(?:es)?|methods?|interventions?|strategies)"
        r"|\bcbt\b|cognitivo[- ]conductual",
    ),
    Phrase("therapies.dbt", r"dialectical behavio(?:u)?r(?:al)? therapy|\bdbt\b"),
    # (an expressive art group too: "An expressive art group and mindfulness on Thursdays")
    Phrase("therapies.art_therapy", r"\bart therapy|expressive arts?\b"),
    Phrase("therapies.music_therapy", r"music therapy"),
    Phrase("therapies.equine_therapy", r"equine"),
    Phrase("therapies.yoga", r"\byoga\b(?!\s+(?:mats?|pants|clothes|blocks))"),
    Phrase("therapies.acupuncture", r"acupuncture|nada protocol"),
    Phrase("therapies.mindfulness", r"mindfulness|meditation"),
    # (a therapy one clinician is trained in is no promise the program offers it: "Our clinical
    # director is trained in EMDR")
    *(
        Phrase(
            "therapies.other",
            pattern,
            item=item,
            denied=None,
            forbids=ONE_CLINICIANS_TRAINING,
            forbids_in_its_clause=True,
        )
        for pattern, item in OTHER_THERAPIES
    ),
    # Schedule words about groups; clock times are read by the number readers.
    Phrase(
        "schedule.evening",
        rf"\b(?:evenings?|nights?|after[- ]work)\b{TO_ITS_GROUPS}\s(?:{GROUP_WORDS})\b"
        rf"|\b{WHAT_MEETS}\b[^.;]{{0,30}}\bevenings?\b"
        # "IOP clients attend group four evenings a week"
        rf"|\battends? (?:{GROUP_WORDS}) (?:on |for )?(?:two|three|four|five|[2-5]) evenings"
        r" (?:a|per|each) week\b"
        r"|grupos? (?:nocturnos?|vespertinos?|por la (?:tarde|noche))"
        r"|horario (?:nocturno|vespertino)",
    ),
    # "Hoola Intensive Outpatient Program - addiction treatment for adults, mornings or
    # evenings": the program in either.
    Phrase(
        "schedule.daytime",
        r"\b(?:mornings|daytime|days) (?:or|and|&) evenings\b",
        denied=None,
        requires=r"\biop\b|intensive outpatient",
        # someone else's hours: "Mornings or evenings, our counselors are available by phone"
        forbids=r"\b(?:counselors?|staff|phones?|call|office|available)\b",
        forbids_in_its_clause=True,
    ),
    Phrase(
        "schedule.evening",
        r"\b(?:mornings|daytime|days) (?:or|and|&) evenings\b",
        denied=None,
        requires=r"\biop\b|intensive outpatient",
        # someone else's hours: "Mornings or evenings, our counselors are available by phone"
        forbids=r"\b(?:counselors?|staff|phones?|call|office|available)\b",
        forbids_in_its_clause=True,
    ),
    Phrase(
        "schedule.daytime",
        rf"\b(?:mornings?|afternoons?|daytime|day)\b{TO_ITS_GROUPS}\s(?:{GROUP_WORDS})\b"
        rf"|\b{WHAT_MEETS}\b[^.;]{{0,30}}\b(?:mornings?|afternoons?)\b"
        r"|\b(?:groups?|sessions?|iop|tracks?) (?:are |meet |run )?during the day\b"
        r"|grupos? (?:matutinos?|por la mañana)",
        forbids=r"\b(?:same[- ]day|next[- ]day|\d+[- ]day|per day|a day|each day|every day"
        # (nor sessions for a client's family: "... morning sessions (9 - noon) for family
        # members")
        r"|day one|family day)\b" + rf"|{SESSIONS_FOR_A_FAMILY}",
    ),
    # Meeting only in the evenings: no daytime group ("the IOP meets in the evenings only").
    Phrase(
        "schedule.daytime",
        rf"^\W*{THE_PROGRAM_MEETS}(?: only)?(?: in the| on)? (?:evenings?|weeknights?|nights?)"
        r" only\b"
        rf"|^\W*{THE_PROGRAM_MEETS} only (?:in the |on )?(?:evenings?|weeknights?|nights?)\b"
        r"|\b(?:runs|has|offers) (?:an? |its )?(?:evening|night) (?:track|program|iop) only\b"
        # "Right now all IOP groups meet in the evening"
        r"|\ball (?:(?:of )?(?:our|the) )?(?:iop )?groups (?:meet|run|are held) in the evenings?\b",
        forbids=r"\b(?:summer|winter|july|august|during|holidays?|mornings?|afternoons?"
        r"|daytime|except|but)\b",
        stated=False,
        denied=None,
    ),
    # Meeting only in the mornings or the day: no evening group ("The Ware IOP meets in the
    # morning only", an office's IOP by its town's name; not a track's or another program's:
    # "The Adult IOP ...", "The DUI program ...").
    Phrase(
        "schedule.evening",
        rf"^\W*(?:the |our )?(?!(?:{PROGRAM_KINDS})\b)(?-i:[A-Z][\w-]+ )?iop(?: groups)?"
        r" (?:meets?|runs?)(?: only)?(?: in the| during the)? (?:mornings?|afternoons?|daytime"
        r"|day) only\b",
        forbids=r"\b(?:summer|winter|july|august|holidays?|evenings?|nights?|except|but|first"
        r"|phase|weeks?)\b",
        stated=False,
        denied=None,
    ),
    Phrase(
        "schedule.weekend",
        rf"\b(?:weekend|saturday|sunday)s?\b(?:[\w\s,&/]{{0,20}}?)\s(?:{GROUP_WORDS})\b"
        rf"|\b(?:{GROUP_WORDS}) (?:on|every) (?:saturday|sunday|weekend)s?\b"
        r"|\bgrupos?\b(?:(?!\bno\b|\bni\b)[^.;]){0,25}\b(?:s[aá]bados?|domingos?)\b"
        r"|\b(?:s[aá]bados?|domingos?) de \d"
        # "Classes meet Tuesday and Thursday evenings ... and Saturday mornings"
        r"|\b(?:groups|classes|sessions) meet (?:(?!\b(?:never|not|no|except|closed|office)\b)"
        r"(?:[ap]\.m\.|[^.;])){0,80}?\b(?:saturday|sunday)s?\b"
        # the program's family sessions: "Families meet with our counselors on Sunday afternoons"
        r"|\bfamilies meet with (?:our|the program's) (?:counselors|therapists|clinicians|staff)"
        r" (?:on )?(?:saturday|sunday)s?\b",
        # (others' meetings as what it is about: "Al-Anon Family Groups meet ... Saturdays")
        forbids=rf"^\W*(?:the |our |an? )?(?:{MEETINGS_OF_OTHERS})",
    ),
    # The program's groups on the weekend, or denied it: "Groups also meet on Saturdays",
    # "Family education sessions are held the first Saturday of each month", "We don't meet
    # on weekends" (not AA's, a class's, volunteers', visitors', nor programs at large: "Some
    # IOPs meet on Saturdays and Sundays").
    Phrase(
        "schedule.weekend",
        rf"\b(?:{THE_PROGRAMS_GROUPS})\s+(?:also\s+|still\s+|only\s+)?meets? (?:on )?(?:the )?"
        r"(?:weekends?|saturdays?|sundays?)\b"
        rf"|\b(?:{THE_PROGRAMS_GROUPS}) are held (?:on )?(?:the )?(?:(?:first|second|third|fourth"
        r"|last) )?(?:saturday|sunday)s?\b",
        forbids=WEEKEND_OF_OTHERS,
    ),
    Phrase(
        "schedule.weekend",
        rf"\b(?:{THE_PROGRAMS_GROUPS})\s+(?:do not|don't|does not|doesn't|never)\s+meets?"
        r" (?:on )?(?:the )?(?:weekends?|saturdays?|sundays?)\b",
        stated=False,
        denied=None,
        forbids=WEEKEND_OF_OTHERS,
    ),
    # "IOP groups never meet on weekends or in the evening", "Our groups do not meet at night"
    Phrase(
        "schedule.evening",
        rf"\b(?:{THE_PROGRAMS_GROUPS})\s+(?:do not|don't|does not|doesn't|never)\s+meets?"
        r" (?:on (?:the )?weekends? (?:or|and) )?(?:in the evenings?|at night|evenings|nights)\b"
        r"(?!\s+(?:before|after|on|during|in|except|when|until|of)\b)",
        stated=False,
        denied=None,
        # (not a family's, nor a day track's, nor for a while: "Day IOP groups do not meet in
        # the evening; see our Evening IOP", "..., except Tuesday's", "... this month")
        forbids=WEEKEND_OF_OTHERS
        + r"|\b(?:family|families|day|daytime|morning|afternoon)(?: iop)? groups?\b|\bexcept\b"
        r"|\bthis (?:month|week|season|summer|winter)\b|\bbecause\b|\buntil\b",
    ),
    # The program's own monthly day: "On the first Saturday of each month we hold Family Day,
    # a family counseling session", "Families join us on the second Saturday of each month
    # for a family program" (not volunteers' coffee night, a cleanup, an office's paperwork).
    Phrase(
        "schedule.weekend",
        r"\bon the (?:first|second|third|fourth|last) (?:saturday|sunday) of (?:each|every|the)"
        r" month\b",
        requires=r"\b(?:we|us)\b.*\b(?:sessions?|groups?|program|therapy|counseling)\b",
        forbids=WEEKEND_OF_OTHERS
        + r"|\b(?:volunteers?|parish|clos\w*|cleanup|paperwork|training|office)\b",
    ),
    # Payment.
    Phrase(
        "payment.medicaid",
        MEDICAID_NAMES,
        requires=PAYING,
    ),
    # One plan refused is not Medicaid refused.
    Phrase(
        "payment.medicaid",
        MEDICAID_PLANS,
        requires=PAYING,
        denied=None,
        # (their other products, a plan dropped or not yet taken, a program taking no insurance)
        forbids=r"marketplace|medicare|ambetter|wellcare|\bexchange\b|\bno longer\b|not yet"
        r"|\bnot (?:in[- ]network|accepted|contracted)\b|out[- ]of[- ]network|please call"
        r"|(?:private|self)[- ]pay only|cash only",
    ),
    # (a Medicare Advantage plan refused is not Medicare refused)
    Phrase("payment.medicare", r"\bmedicare\b(?!\s+advantage)", requires=PAYING),
    Phrase("payment.medicare", r"\bmedicare advantage\b", requires=PAYING, denied=None),
    Phrase(
        "payment.private_insurance",
        r"private (?:health )?insurance|commercial (?:insurance|plans|health plans)"
        r"|\bcommercial(?=\s*:(?![^.;]*\b(?:out[- ]of[- ]network|superbill|reimburse\w*)\b))"
        r"|most major (?:insurance|health plans|insurers)|employer-sponsored"
        # (not their Medicaid plans: "Aetna Better Health", "Humana Healthy Horizons", nor their
        # Medicare ones: "Humana Medicare Advantage plans")
        r"|(?:aetna(?! better health)|cigna|blue cross(?! community health plan)|\bbcbs\b"
        r"|unitedhealthcare(?! community plan)|united healthcare(?! community plan)"
        r"|humana(?! healthy horizons)|anthem|kaiser)(?!\s+(?:[\w-]+\s+)?medicare\b)"
        # Blue plans and regional insurers by their own names
        rf"|(?:{REGIONAL_INSURERS})(?![^.;,]{{0,25}}\b(?:medicaid|medicare|wholecare"
        r"|health options|simply|community))"
        r"|seguros? privados?",
        requires=PAYING,
    ),
    # Marketplace (ACA exchange) plans, private plans: "Ambetter from Magnolia Health" (one
    # such plan dropped is not private insurance refused: "no longer accepts Ambetter").
    Phrase(
        "payment.private_insurance",
        r"\bambetter\b|\bmarketplace plans?\b",
        requires=PAYING,
        denied=None,
    ),
    # "We do not bill insurance", "... accept insurance at this time": no plan is taken ("we
    # accept insurance" names none).
    Phrase(
        "payment.private_insurance",
        r"\b(?:bill|accept|take) (?:any )?(?:health )?insurance(?: of any (?:kind|type|sort))?"
        r"(?=(?:\s+(?:at (?:this|the) (?:time|moment)|at present|currently|right now|for now))?"
        r"\s*(?:[,.;]|or\b|and\b|$))",
        stated=None,
    ),
    Phrase("payment.military_insurance", r"tricare|military insurance", requires=PAYING),
    Phrase(
        "payment.self_pay",
        r"self[- ]pay|private[- ]pay|cash pay|pay privately|pago en efectivo"
        r"|\bpay for (?:services|treatment|care|it|the program) yourself\b"
        # "Paying yourself? Cash, card, or a payment plan all work."
        r"|^\W*paying (?:for (?:it|treatment|care) )?yourself:\s*(?![^.]*\b(?:not|no|only|cannot"
        r"|can't|don't|won't|unfortunately|sorry)\b)[^.]*\b(?:cash|cards?|credit|debit|checks?"
        r"|payment plans?)\b",
    ),
    # Paying at the door: "We take cash, checks and cards." (not a co-pay's way of paying)
    Phrase(
        "payment.self_pay",
        r"\b(?:we|the office|our office) (?:take|takes|accept|accepts) cash\b(?! donations?)",
        forbids=r"co-?pays?|deductible|co-?insurance|\bdui\b|\bdwi\b|\bclass(?:es)?\b|donat",
        denied=None,
    ),
    # A price table's row: "IOP $1,800 / month", "Day IOP: $650 per week".
    Phrase(
        "payment.self_pay",
        r"^\W*(?:(?:day|evening|virtual|adult|teen) )?(?:iop|intensive outpatient(?: program)?)"
        r"\s*:?\s*\$\s?[1-9][\d,]*(?:\.\d\d)?\s*(?:/|per|a|each)\s*(?:week|session|group|day"
        r"|month)\b",
        denied=None,
    ),
    # A fee schedule's row, a price for a session: "Community members: $10-$40 per session" (not
    # a copay, a missed visit's fee, parking).
    Phrase(
        "payment.self_pay",
        rf"^\W*[^:.;$]{{1,40}}:\s*{PRICE}(?:\s*(?:[-\u2013]|to)\s*{PRICE})?"
        r"\s*(?:/|per|a|each)\s*(?:session|group|week|day|visit)\b",
        forbids=r"co-?pay|deductible|co-?insurance|missed|no-show|late|cancel|parking|deposit",
        denied=None,
    ),
    # Fees in a range of prices: "Without Medicaid, fees slide by income, from $0 to $20 a
    # week", "Other clients pay $10 to $40 per session" (what a client without coverage pays).
    Phrase(
        "payment.self_pay",
        rf"\b(?:fees?|costs?|prices?|rates?|pays?)\b[^.;$]{{0,40}}?(?:\bfrom\s+)?(?:{PRICE}|\$0)"
        r"\s*(?:[-\u2013]|to)\s*"
        rf"{PRICE}\s*(?:/|per|a|each)\s*(?:session|group|week|day|visit)\b",
        # (not what insured members pay, nor another course's rate)
        forbids=r"co-?pay|deductible|co-?insurance|missed|no-show|late|cancel|parking|deposit"
        r"|\b(?:with|after) (?:insurance|medicaid|medicare|coverage)\b|\binsured\b|\bmembers?\b"
        r"|\b(?:medicaid|medicare|insurance) (?:clients|patients)\b|\bdui\b|\bdwi\b"
        r"|\bclass(?:es)?\b",
        denied=None,
    ),
    # A price of the program: "The evening IOP is $240 per week" (not a study's "paid $20").
    Phrase(
        "payment.self_pay",
        r"\b(?:iop|program|group|treatment)\b[^.;$]{0,20}\b(?:is|costs?)\s+\$\s?[1-9]\d*"
        r"(?:\.\d\d)? (?:per|a|each) (?:week|session|group|day|month)\b",
        # Not what others pay for it (a grant, the county, Medicaid), nor a study's pay.
        forbids=r"\b(?:are|is|be|get|gets|were) paid\b|paid (?:for )?by (?:a|an|the) "
        r"(?:state|county|city|grant|insurer|insurance|medicaid|program)|\bgrant\b|stipend"
        r"|gift card|compensat|research|study|parking|co-?pay|deductible|reimburs"
        r"|national average",
        denied=None,
    ),
    # Who pays the program themselves: "Families paying on their own pay $120 per week".
    Phrase(
        "payment.self_pay",
        r"\bpay(?:ing)? (?:on (?:their|your) own|out of (?:their|your) own pocket)\b",
        forbids=r"co-?pays?|deductible|\bwith (?:insurance|coverage)\b|\binsured\b",
        denied=None,
    ),
    # A price of the week or the month: "Members pay a weekly fee of $40 that is scaled down by
    # household income" (a ministry's members: its clients).
    Phrase(
        "payment.self_pay",
        r"\b(?:weekly|monthly)(?: program)? fee of \$\s?[1-9]",
        forbids=r"co-?pay|deductible|co-?insurance|\binsured\b|\b(?:plan|insurance) members?\b"
        r"|\b(?:with|after) (?:insurance|medicaid|medicare|coverage)\b|\bdui\b|\bdwi\b"
        r"|\bsober\b|\bhous(?:e|es|ing)\b|\brent\b|\bresiden\w*|\bclass(?:es)?\b|\bcourse\b",
        denied=None,
    ),
    # A fee of the week or the month a client pays: "a flat weekly fee" (not what insured
    # members pay, nor a fee by income: "the weekly fee slides by household income").
    Phrase(
        "payment.self_pay",
        r"\b(?:a|the|our) (?:flat |set )?(?:weekly|monthly)(?: program)? fee\b",
        # (not a house's rent, a class's fee, nor what insured members pay)
        forbids=r"co-?pay|deductible|co-?insurance|\binsured\b|\bmembers?\b"
        r"|\b(?:with|after) (?:insurance|medicaid|medicare|coverage)\b|\bdui\b|\bdwi\b"
        r"|\bsober\b|\bhous(?:e|es|ing)\b|\brent\b|\bresiden\w*|\bclass(?:es)?\b|\bcourse\b"
        r"|\binsurance (?:is )?billed\b|\bbill (?:your )?insurance\b"
        # (a fee by income and no price: a sliding fee, as most sets' labels read it)
        r"|^(?!.*\$\s?\d).*\bincome\b",
        denied=None,
    ),
    Phrase(
        "payment.sliding_fee",
        # a range of prices by income: "$10-$40 per session, based on household income"
        rf"{PRICE}\s*(?:[-\u2013]|to)\s*{PRICE}\s*(?:/|per|a|each)\s*(?:session|group|week|day"
        r"|visit)\b[^.;]{0,20}\b(?:based on|according to|by) (?:your |household |family )?income"
        r"|sliding[- ](?:fee|scale)|income-based (?:fees|rates)"
        r"|fees? (?:are |is )?based on (?:your |household )?income"
        # ("The fee is $60 per week, reduced according to household income")
        r"|\bfees?\b[^.;]{0,30}?\b(?<!never )(?<!not )(?:slides?|are adjusted|is adjusted"
        r"|scales?|(?:is )?reduced|(?:is )?scaled(?: down)?|(?:slides?|scales?) down)"
        r" (?:with|to|by|based on|according to) (?:(?:your|household|family) ){0,2}income"
        r"|\bdiscounted (?:care|treatment|services|fees?|rates?) based on (?:your |household"
        r" |family )?income"
        r"|\bfees?\b[^.;]{0,30}?\b(?:are )?(?:based on|according to)"
        r" (?:your |the client's )?ability to pay"
        r"|escala m[oó]vil|tarifa(?:s)? (?:seg[uú]n|basadas? en) (?:sus )?ingresos",
        # (not a house's, a DUI course's)
        forbids=r"\bdui\b|\bdwi\b|\bsober\b|\bhousing\b",
    ),
    # "pay reduced rates on our income-based scale" (not eligibility for food or housing)
    Phrase(
        "payment.sliding_fee",
        r"\bincome-based (?:fee )?scale\b",
        requires=r"\b(?:pay|pays|paying|fees?|rates?|costs?|charges?)\b",
        forbids=r"\beligib|pantry|housing|food\b",
    ),
    Phrase(
        "payment.free_care",
        r"free of charge|at no cost|no cost to (?:you|clients|patients)"
        # (not who pays nothing for who they are: "students pay nothing", "Patients eligible
        # for IHS services pay nothing")
        r"|(?<!students )(?<!members )(?<!services )(?<!beneficiaries )\bpay nothing\b"
        r"(?![^.;]{0,30}\b(?:assessment|evaluation|screening|first visit|parking))"
        r"|\b(?:services|care|treatment|the program|our program|the iop|our iop) (?:is|are)"
        r" (?:free|offered free|provided free)\b"
        r"|free (?:treatment|services|care|iop)|no one is turned away|sin costo|gratuito"
        # "Riverlight charges no fee for the IOP ... so no one ever pays to attend"
        r"|\bcharges? no (?:fees?|money) for (?:the |our )?(?:iop|program|treatment|care|groups)\b"
        r"|\bfree or discounted (?:care|treatment|services)\b"
        # "Uninsured teens ... attend free through a state prevention grant"
        r"|\b(?:teens|clients|patients|participants|residents|adults|students|veterans|women"
        r"|men)\b(?: who [^.;]{0,60})? (?:attend|participate|take part) (?:for )?free\b"
        # "scholarship seats, free for people who can't afford to pay"
        r"|\b(?:seats?|spots?|iop|program|treatment|care|services),? free (?:for|to) (?:people"
        r"|those|anyone|clients|patients|members) who (?:can't|cannot|are unable to)"
        r" (?:afford|pay)\b"
        r"|\bscholarships? (?:cover|pay for|waive) (?:the (?:full |entire |program )?|all )"
        r"(?:fees?|costs?)\b(?! of (?:sober|housing|rent))(?=[^.;]*\b(?:anyone|everyone|all)\b)"
        r"|nadie (?:es|ser[aá]) rechazad[oa]"
        # "scholarships for any family who can't pay", "a state grant covers any woman who can't"
        r"|\b(?:scholarships?|grants?|funds?)\b[^.;]{0,40}\b(?:for|covers?) (?:any|every) ?(?:one"
        r"|[\w-]+) who (?:can'?t|cannot|is unable to) (?:afford to )?pay\b(?! (?:the full|in full"
        r"|all at once|at once|up ?front|rent|for (?:sober|housing|food|groceries)))"
        r"|\b(?:no one|nobody|no (?:[\w-]+ ){0,3}(?:client|patient|person|resident|individual"
        r"|member|veteran|family|adult|teen)s?)\b[^.;]{0,30}\b(?:turned away|denied"
        r"|refused)\b[^.;]{0,40}\b(?:(?:inability|unable|can'?t|cannot|not able) (?:to )?pay\b"
        r"|for (?:lack of )?money\b)"
        # "The $25 fee is waived for anyone who can't pay it"
        r"|\bfees? (?:is|are|can be|will be) waived for (?:anyone|any ?one|those|people|clients)"
        r" who (?:can'?t|cannot|is unable to|are unable to) (?:afford to )?pay\b",
        # What is free is not the care: parking, or an interpreter ("servicios gratuitos de
        # asistencia lingüística" in a Section 1557 tagline).
        forbids=r"parking|estacionamiento|wi-?fi|coffee|caf[eé]|interpret|translat|language"
        r"|ling[uü][ií]stic|idioma|for family members|to family members|billed to insurance"
        # a hospital's financial assistance: "may receive discounted or free care"
        r"|discounted or free|free or discounted"
        # who pays nothing for who they are: "at no cost to eligible American Indian and Alaska
        # Native patients"
        r"|\bno cost to (?:eligible|enrolled)\b",
    ),
    # Languages.
    Phrase(
        "languages.spanish",
        r"\bspanish\b|en español|se habla español|hablamos español|bilingüe",
        requires=SPOKEN + r"|español",
    ),
    # "Offered in English only": no Spanish, said without naming it.
    Phrase(
        "languages.spanish",
        r"\b(?:in|only in) english only\b|\benglish[- ]only\b|\bonly in english\b",
        stated=False,
        denied=None,
    ),
    Phrase("languages.sign_language", r"sign language|\basl\b", requires=SPOKEN + r"|deaf"),
    *(
        Phrase(
            "languages.other",
            # (not a state's: "North Dakota")
            rf"(?<!north )(?<!south )\b{re.escape(name)}(?!\w)(?!{PLACE_WORDS})"
            r"(?!\s+(?:life|orthodox|festival|food))",
            item=name,
            denied=None,
            requires=SPOKEN,
        )
        for name in OTHER_LANGUAGES
    ),
    # Ownership.
    Phrase(
        "ownership",
        r"\b(?:we are|we're|as|is) an? (?:private, )?(?:[\w-]+ ){0,3}(?:non-?profit|not-for-profit)"
        r"|501\s?\(c\)\s?\(3\)|organización sin fines de lucro"
        # a footer's "© 2026 Heron Bay Youth & Family Services, a nonprofit agency ..."
        r"|©\s*(?:\d{4}\s+)?[^,.;]{2,80},\s+an? (?:[\w-]+ )?(?:non-?profit|not-for-profit)"
        r" (?:[\w-]+ )?(?:agency|organi[sz]ation|corporation|health|center|centre|provider"
        r"|ministry|clinic|community)\b"
        r"|ownership:\s*(?:private\s+)?non-?profit",
        stated=Ownership.PRIVATE_NON_PROFIT,
        denied=None,
    ),
    Phrase(
        "ownership",
        r"\b(?:operated|run|administered|funded and operated) by (?:the )?(?:[\w.]+ ){1,3}county\b"
        r"|\bcounty[- ](?:run|operated)\b|(?:program|service|division|department) of "
        r"(?:the )?(?:[\w.]+ ){1,3}county\b"
        r"|^\W*(?:the )?(?:[\w.]+ ){1,3}county (?:department|division|office) of\b"
        r"|\bis a local government agency\b"
        # a public hospital district: "Admiralty Inlet Health is Public Hospital District No. 3
        # of Jefferson County, a municipal corporation"
        # (said of itself, not of a partner or a neighbour: "Our partner Jefferson Healthcare is
        # a public hospital district")
        r"|^\W*(?!(?:our|the|a|its) (?:partner|neighbou?r|hospital|affiliate)|the hospital)"
        r"(?:[\w.&'-]+ ){1,5}is (?:a )?public (?:hospital|health(?:care)?) district\b"
        r"|^\W*(?!(?:our|the|a|its) (?:partner|neighbou?r|hospital|affiliate)|the hospital)"
        r"(?:[\w.&'-]+ ){1,5}is (?:a |the )?(?:[\w.-]+ ){0,4}(?:hospital|health) district"
        r"(?: no\.? ?\d+)?(?: of [\w. ]{2,40})?, a municipal corporation\b"
        r"|\b(?:we are|(?:program|clinic|center|centre|agency|hospital|iop|regional|services?"
        r"|department|authority) is) (?:owned and operated|owned|operated|run) by the city"
        r"(?: and borough)? of\b"
        r"(?![^.]*\b(?:leased|until|formerly)\b)",
        stated=Ownership.PUBLIC_LOCAL,
        denied=None,
    ),
    Phrase(
        "ownership",
        r"\b(?:operated|run|administered) by the state of|state[- ](?:run|operated) "
        r"(?:program|facility|clinic)"
        # A state university's program: "Northfork University is a public university of the
        # State of North Carolina".
        r"|\b(?:university|college|state) is a public (?:research )?(?:university|college)\b"
        # "A member of the Texas state university system" (of the site's own, not a partner's)
        r"|^\W*(?:we(?:'re| are) )?(?:a )?(?:member|part) of the (?:[A-Z][a-z]+ ){0,2}state"
        r" university system\b",
        stated=Ownership.PUBLIC_STATE,
        denied=None,
    ),
    Phrase(
        "ownership",
        r"\b(?:owned and operated|operated|run|administered) by (?:the )?(?:[\w.-]+ ){1,5}"
        r"(?:tribe|tribes|nation|band|pueblo|tribal council|rancheria)\b"
        r"|self-governance compact|\b638 compact|p\.?\s?l\.? 93-638"
        r"|\btribally[- ](?:owned|operated|run)",
        stated=Ownership.PUBLIC_TRIBAL,
        denied=None,
    ),
    # Its own contract: "operates its health programs under a Title I self-determination
    # contract with the IHS", "... an Indian Self-Determination and Education Assistance Act
    # contract" (not a partner's or a neighbour's).
    Phrase(
        "ownership",
        r"\bself-determination (?:(?:and|education|assistance|act) ){0,4}(?:contract|compact)\b"
        # "operates under a compact with the Indian Health Service under the Indian
        # Self-Determination and Education Assistance Act"
        r"|\b(?:compact|contract) with the indian health service\b(?=[^.]*self-determination)",
        stated=Ownership.PUBLIC_TRIBAL,
        denied=None,
        requires=r"\b(?:we|our|operates|operated|runs)\b",
        forbids=r"\b(?:partner\w*|neighbou?r\w*|nearby|another|other|their)\b",
    ),
    Phrase(
        "ownership",
        r"privately[- ]owned|for-profit|©[^.]{0,80}\bl\.?l\.?c\b"
        # a footer's company line, the name before its address: "Juniper Signal Health, LLC"
        r"|^\W*(?:(?-i:[A-Z])[\w&'.-]*\s+){1,6}?(?-i:[A-Z])[\w&'.-]*,?\s+(?:llc|l\.l\.c\.?)"
        r"(?=\s*(?::|$|\d|[\u00b7|\u2022]\s*\(?\d|\(formerly\b"
        # its phone or its office after a dot: "X, LLC \u00b7 (978) 555-0125", "X, LLC \u00b7
        # Administrative office (no in-person visits): ..."
        r"|[\u00b7|\u2022]\s*(?:(?:business|main|mailing|administrative|corporate) )?"
        r"(?:office|address)\b"
        # where it is based: "X, LLC \u00b7 Based in Hailey, Idaho"
        r"|[\u00b7|\u2022]\s*based in\b"
        # (its address's label after it: "Sabine Bend Virtual Recovery, LLC Business office: 210")
        r"|(?:(?:business|main|mailing|administrative|corporate) )?(?:office|address)\s*:))"
        # "We are a locally owned LLC."
        r"|\bwe(?:'re| are) an? (?:small |locally[- ]owned |family[- ]owned |private )*"
        r"(?:llc|pllc|l\.l\.c\.)",
        stated=Ownership.PRIVATE_FOR_PROFIT,
        denied=None,
        # another's: "dispensed by a privately owned opioid treatment program in Price"
        forbids=r"non-?profit|not-for-profit"
        r"|\b(?:at|from|by|through|with|to) an? (?:privately[- ]owned|for-profit)\b",
    ),
    # Access.
    Phrase(
        "access.telehealth",
        r"telehealth(?!,? (?:inc|llc|pllc|corp)\b)|telemedicine|telesalud"
        r"|video (?:sessions?|visits?|groups?|calls?|appointments?)"
        r"|(?:by|over|through|via) (?:secure |a )?video\b|in person or (?:by|over|online)"
        r"|\b(?:sessions?|visits?|appointments?|therapy|counseling|groups?)\b[^.;]{0,30}"
        r"\b(?:by|over|through|via|on) (?:zoom|doxy\.me|microsoft teams)\b"
        r"|por video\b|videollamadas?|en persona o (?:por|en l[ií]nea)"
        rf"|(?:virtual|online) (?:{GROUP_WORDS}|care|treatment|visits|counseling|therapy)\b"
        r"|\b(?:groups?|sessions?|visits?|tracks?|iop)\b(?:(?!\b(?:never|not|no)\b|n't)[^.;]){0,30}"
        r"\b(?:happen|meet|take place|held)\w* (?:live )?(?:on|by|over) video\b",
        # "Methadone can't be prescribed through telehealth" denies methadone, not telehealth.
        forbids=NOT_A_VIRTUAL_PROGRAM + r"|\b(?:can't|cannot|can not|isn't|is not|aren't|are not"
        r"|may not) be (?:prescribed|dispensed|given|started|administered) (?:through|via|by|over)"
        r" (?:telehealth|telemedicine|video)\b"
        # a sick day's check-in, not care given by video: "If you're sick or snowed in, your
        # counselor can check in with you by video."
        r"|\bif you(?:'re| are)\b[^.;]{0,25}\b(?:sick|ill|snowed in)\b[^.;]{0,40}"
        r"\bcheck(?:s|ing)?[- ]in with you\b",
    ),
    # "We don't offer online classes" (that a site offers online classes says nothing: a
    # parents' course, a DUI class).
    Phrase("access.telehealth", r"\bonline classes\b", stated=None),
    # a schedule's line: "Tuesday, Wednesday & Thursday • 6:00 - 9:00 PM • on Zoom" (not others'
    # meetings: "Al-Anon • Thursdays 7 pm • via Zoom", a board's, alumni's)
    Phrase(
        "access.telehealth",
        r"[\u2022|\u00b7]\s*(?:on|via|over|by) (?:zoom|doxy\.me|microsoft teams)\b",
        denied=None,
        forbids=MEETINGS_OF_OTHERS + r"|\b(?:board|meetings?|family|families|support)\b",
    ),
    # "IOP is not an online program": it meets in person (video may still be offered).
    Phrase("access.virtual_only", NOT_A_VIRTUAL_PROGRAM, stated=False, denied=None),
    # "We do not offer online groups": the groups meet in person, no virtual program.
    Phrase(
        "access.virtual_only",
        r"\b(?:online|virtual|video) groups\b",
        stated=None,
        forbids=r"\b(?:alumni|family|families|parents?|aftercare|support)\b",
    ),
    Phrase(
        "access.virtual_only",
        r"(?:100%|fully|entirely|exclusively|completely) (?:virtual|online|remote)"
        r"|virtual-only|online-only|no (?:physical|in-person) (?:location|office|clinic)"
        # (always, not at some times, for some people or beside an office: "All IOP groups are
        # held online during winter storms", "... for clients outside Boise")
        r"|all (?:iop |program )?(?:sessions|groups|services) are (?:held |delivered )?"
        r"(?:online|virtually)\b(?![^.;]*\b(?:during|when|if|while|until|unless|except|closures?"
        r"|storms?|weather|holidays?|outside|office|in[- ]person|(?:mon|tues|wednes|thurs|fri"
        r"|satur|sun)days?|for (?:clients|those|people|patients|residents))\b)"
        r"|\bevery (?:session|group|visit) (?:happens|is held|takes place|is) (?:by|over|on|via)"
        r" (?:live )?(?:video|zoom)\b(?![^.;]*\b(?:during|when|if|while|closures?|otherwise"
        r"|except)\b)",
        # one track's: "Our evening track: all IOP groups are held online"
        forbids=rf"^\W*(?:our )?(?:{TRACK_TIMES}|saturday)\s+"
        r"(?:track|group|cohort|iop)s?\s*:",
    ),
    # "IOP groups are in person only": the program is not a virtual one.
    Phrase(
        "access.virtual_only",
        r"\bin[- ]person only\b|\bonly in[- ]person\b",
        stated=False,
        denied=None,
    ),
    # "Groups meet in person", "Every group is in person", "an in-person program": the program
    # is not a virtual one (some sessions "in person or by video" and "most sessions" say less).
    Phrase(
        "access.virtual_only",
        rf"\b(?:(?:iop|program|all|every|each) (?:{GROUP_WORDS})|{GROUP_WORDS}|everything)"
        r"(?: and (?:appointments|sessions|visits|individual sessions|counseling))?"
        r"(?:\s+(?:themselves|also|still|always|all))?"
        # "IOP groups at Delphi meet in person"
        r"(?:\s+(?:at|in) (?:our )?(?-i:[A-Z][a-z]+)(?: (?:office|clinic|center|centre))?)?"
        # "Groups are small (eight people at most) and meet in person"
        r"(?:\s+(?:are|is) [\w-]+(?:\s*\([^()]{0,40}\))?,? and)?"
        r"\s+(?:are|is|meet|happen|take place|are held|is held)\s+(?:held\s+)?in[- ]person\b"
        r"(?! or\b)(?!,? (?:or|and) (?:by|over|online|virtual))"
        r"|\b(?:is|'s|are|we're) an in[- ]person (?:iop|program|intensive outpatient)\b",
        stated=False,
        denied=None,
        # ("most sessions", not a group's size: "eight people at most")
        forbids=r"\b(?:(?<!at )most|some|many|a few|certain)\b[^.;]{0,20}\bin[- ]person\b"
        r"|\bin[- ]person (?:or|and) (?:by|over|online|virtual)"
        # another kind of session's: "Alumni groups meet in person", "Family sessions are ..."
        r"|(?<!\band )\b(?:alumni|family|families|individual|intake|assessments?|court|aftercare"
        r"|support|parent|parenting|visits?|visitation|aa|na|alano|12-step)\b[^.;]{0,30}"
        r"\bin[- ]person",
        forbids_in_its_clause=True,
    ),
    # "We don't offer a virtual IOP", "we don't run IOP groups online": not a virtual program.
    Phrase(
        "access.virtual_only",
        r"(?:\b(?:virtual|online|telehealth|video) (?:iop|intensive outpatient)\b"
        r"|\b(?:iop|intensive outpatient)(?: program)?(?: groups)? (?:online|virtually|by video)\b)"
        # not for some people or places: "not available to residents of Ohio", "for adolescents"
        r"(?![^.;]{0,30}\b(?:to|for) (?:\w+ ){0,2}(?:residents|adolescents|teens|adults|youth"
        r"|people|clients|members|patients|students)\b)",
        stated=None,
        denied=False,
    ),
    Phrase(
        "access.virtual_only",
        r"\b(?:iop|intensive outpatient)(?: program)?(?: groups)? (?:is|are) not"
        r" (?:offered |available |held )?(?:online|virtually|by video)\b",
        stated=False,
        denied=None,
    ),
    # "individual sessions by telephone or video" (who "can't drive in" denies nothing of it)
    Phrase(
        "access.telehealth",
        r"\b(?:sessions?|counseling|therapy|visits?|appointments?|groups?)\b[^.;]{0,40}"
        r"\bby (?:phone|telephone) or video\b",
        denied=None,
    ),
    # Intake.
    Phrase(
        "intake.walk_in",
        r"(?<!crisis )(?<!crisis-)(?<!urgent care )walk-?ins?\b"  # a crisis line's are no intake
        # (nor another service's: "walk-in vaccine clinic", "walk-in lab")
        r"(?! (?:vaccin\w*|flu|immuni[sz]ations?|covid|lab|dental|pharmacy|primary care"
        r"|urgent care)\b)"
        r"|no appointment(?: or referral)? (?:is )?(?:needed|necessary|required)"
        r"(?!\s+(?:for|to) (?:your |the |a )?(?:first |free )?(?:call|phone call|consultation"
        r"|screening event|event))|sin cita"
        r"|\bdrop-in (?:screenings?|assessments?|intakes?)\b(?![^.]*\b(?:depression|health fair|flu"
        r"|blood pressure|vaccin|clubhouse|pantry)\b)"
        r"|\bwalk in (?:for (?:an? |your )?(?:same[- ]day )?(?:assessment|admission|intake"
        r"|screening|evaluation)s?|any \w+|during|between|(?:on )?(?:monday|tuesday|wednesday"
        r"|thursday|friday|saturday)s?\b|weekdays)",
        forbids=BY_APPOINTMENT_ONLY,
    ),
    Phrase("intake.walk_in", BY_APPOINTMENT_ONLY, stated=False, denied=None),
    # "All visits at the La Plata office are by appointment" (not "... except walk-in hours")
    Phrase(
        "intake.walk_in",
        r"\ball (?:visits|appointments|services|intakes?|assessments)(?: at [^.;]{0,40}?)?"
        r" are by appointment\b",
        stated=False,
        denied=None,
        forbids=r"walk|drop[- ]?in|same[- ]day|come in\b|except",
    ),
    Phrase(
        "accreditations",
        rf"{NOT_SOUGHT}(?:\bcarf\b|commission on accreditation of rehabilitation){NOT_PENDING}",
        item="CARF",
        denied=None,
    ),
    Phrase(
        "accreditations",
        rf"{NOT_SOUGHT}joint commission{NOT_PENDING}",
        item="Joint Commission",
        denied=None,
    ),
    Phrase(
        "accreditations",
        rf"{NOT_SOUGHT}(?:\baaahc\b|accreditation association for ambulatory health care)"
        rf"{NOT_PENDING}",
        item="AAAHC",
        denied=None,
    ),
)

# The things an intake asks a patient to bring, and the words that name each (a list's items
# are kept in the site's words: crawler.prose.intake).
WHAT_TO_BRING: tuple[tuple[str, str], ...] = (
    ("photo ID", r"photo id|\bid\b|identification|driver'?s license"),
    (
        "insurance card",
        r"\b(?:insurance|medicaid|medicare|tricare)\b[\w\s'-]{0,30}\bcard|insurance information",
    ),
    ("medications", r"\bmedic(?:ations?|ines?)\b|\bmeds\b"),
    ("proof of income", r"proof of income|pay stubs?"),
    ("proof of address", r"proof of (?:address|residency|residence)"),
    ("court or probation paperwork", r"court|probation|legal paperwork"),
)

# A person's name and credentials, as a bio's heading gives them: "Ray Okafor, LCPC",
# "Dr. Dana Whitcomb". (Case matters: a name is capitalised.)
A_PERSONS_NAME = (
    r"(?:Dr\.? )?[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3},? (?:MD|DO|PhD|PsyD|LCSW|LPC|LMFT|NP|PA-C"
    r"|RN|LADC|CADC|LCADC|LICSW|APRN|PMHNP|LCPC|LPCC|LMHC|LCDC|LISW|LCAS|CSAC|MSW)\b"
    r"|Dr\.? [A-Z][\w'-]+ [A-Z][\w'-]+"
)

# Words that deny what follows them in a clause ("we do not offer", "no Medicaid").
DENIAL_BEFORE = (
    r"\b(?:no|not|never|don'?t|doesn'?t|isn'?t|aren'?t|won'?t|cannot|can'?t|unable"
    r"|neither|nor|none of)\b"
)
# Between a denial word and what it denies: a few words, none that start another phrase
# ("welcomed without judgment at X IOP" does not deny the IOP).
DENIAL_GAP_WORDS = 6
DENIAL_GAP_BREAK = (
    r"\b(?:at|for|from|by|about|than|because|who|which|that|when|if|replace|substitute|mean"
    r"|guarantee|require|need)\b"
)
# "no one", "not only": negation words that do not deny.
NOT_A_DENIAL = (
    r"\b(?:no one|not only|not just|no matter|whether or not|no-cost|no cost"
    # a condition, not a denial: "women who have no insurance pay nothing"
    r"|(?:have|has|with) no (?:insurance|coverage)"
    # a label for those without it: "No insurance: Sliding fee, based on income"
    r"|no insurance(?=\s*[:?\u2013\u2014])"
    # someone's own can't, not the program's: "elders who can't drive in may do sessions by video"
    r"|who (?:can'?t|cannot|don'?t|do not|doesn'?t|does not|aren'?t|are not) [\w-]+"
    # and a client's trip: "clients who live in Tennessee and can't make the drive can join"
    r"|(?:can'?t|cannot|can not|are unable to|is unable to) (?:make (?:the|it)|get (?:to|here|in)"
    r"|drive|travel|commute|come in|leave home))\b"
)
# The rest of the name a match begins: "Walk-in| appointments", "Evening| groups".
REST_OF_THE_NAME = (
    r"(?:(?:treatment|programs?|services?|care|groups?|tracks?|iop|sessions?|visits?"
    r"|appointments?|assessments?|evaluations?|screenings?|intakes?|options?|fees?|scales?"
    r"|discounts?)\s+)?"
)
# "Spanish|-speaking counselors": said of them, a denial needs its verb ("are not available").
SPEAKING_STAFF = r"(?:-?speaking (?:staff|counselors|therapists|clinicians|providers)\s*)?"
# Offering verbs a modal or past denial must deny ("can't be prescribed here"), not what it
# says of the thing ("Vivitrol cannot be started until...", "walk-ins are never turned away").
OFFERING = (
    r"(?:be\s+)?(?:offered|provided|prescribed|available|accepted|dispensed|given|part of"
    r"|accommodated|seen|allowed|supported|arranged)\b"
)
# A label whose "none" answers its wait, cost or openings, not the thing it names: "Wait time
# for evening groups: none", "Out-of-pocket cost with Medicare: none at this time".
NONE_OF_ITS_COST_OR_WAIT = (
    r"\b(?:wait\w*|cost|charges?|fees?|price|openings?|out-of-pocket|co-?pays?|deductible)\b"
    r"[^:.;]*$"
)
# A denial that names nothing, answering what is named before it: "Not offered", "N/A", "None".
BARE_DENIAL = r"not (?:currently )?(?:offered|available|provided|accepted|covered)|n/a|none"
# What a bare denial may say of when: "None at this time", "No, not yet".
FOR_NOW = r"(?:\s+(?:at (?:this|the) (?:time|moment)|at present|currently|right now|for now|yet))?"
# What answers a label with a denial and nothing else: "\u2014 not offered.", "(no)", ": N/A".
DENIAL_ONLY = (
    r"(?:not(?:\s+(?:offered|available|provided|accepted|covered))?|none|no|n/a)"
    rf"{FOR_NOW}\s*(?:$|[.,;)])"
)
# What a thing is not for everyone: "virtual IOP isn't a safe place to start" (for someone
# who needs withdrawal care), "IOP is not the right fit for everyone".
NOT_RIGHT_FOR_SOME = r"(?:an? |the )?(?:safe|good|right|best|safest|appropriate|fit)\b"
# Words after a match that deny it ("Medicaid is not accepted", "Medicaid: not accepted").
DENIAL_AFTER = (
    rf"^[\s:,-]*{REST_OF_THE_NAME}(?:is |are |(?:is|are)(?=n't))?(?:currently |also )?"
    r"(?:not(?!-for-profit)(?!\s+(?:just|only|always|necessarily|for everyone)\b)"
    # "IOP is not an online program": a kind it is not, not a denial of it.
    r"(?!\s+an?\s+(?:online|virtual|residential|inpatient|live-in|overnight|cure)\b)"
    rf"(?!\s+{NOT_RIGHT_FOR_SOME})"
    rf"|n't(?!\s+(?:always|necessarily|for everyone)\b)(?!\s+{NOT_RIGHT_FOR_SOME})"
    r"|unavailable|no longer)\b"
    # "Methadone can't be prescribed here", "... was not part of the program"
    rf"|^[\s:,-]*{SPEAKING_STAFF}{REST_OF_THE_NAME}"
    r"(?:(?:is|are|was|were) |(?:is|are|was|were|ca|wo)(?=n't))?"
    rf"(?:not|n't|never|cannot|can not|will not)\s+{OFFERING}"
    r"|^[\s:,-]*(?:is |are )?(?:not |no longer )(?:accepted|offered|available|provided)"
    # A table's row: "NC Medicaid Managed Care: Not accepted", "Daytime groups: None — ...",
    # "Weekend groups: No" (not "IOP: no openings").
    r"|^[^:.;]{0,40}:\s*(?:not\b(?!\s+(?:just|only)\b)"
    rf"|(?:none|no|n/a){FOR_NOW}\s*(?:$|[.,;(\u2013\u2014-]))"
    # "Methadone \u2013 no.", "Yoga (not offered)"; not "Medicaid (not Medicare)"
    rf"|^\s*{SPEAKING_STAFF}{REST_OF_THE_NAME}(?:[\u2013\u2014-]|\()\s*{DENIAL_ONLY}"
    # A cross after it, in a list marked with ticks and crosses: "Medicare \u2717"
    r"|^\s*[\u2717\u2718\u274c]"
    # A label answered by a refusal: "Medicare: we are not able to bill Medicare."
    r"|^\s*:\s*we(?:'re| are)? (?:not|unable|never)\b|^\s*:\s*we (?:do not|don't|cannot|can't)\b"
)
# A label's plan that a longer sentence after it drops: "TRICARE: effective July 1, 2026,
# Musconetcong Behavioral Health is no longer in network with TRICARE."
DROPPED_AFTER_ITS_LABEL = (
    r"^\s*:\s*[^.;:]{0,70}?\bno longer (?:in[- ]network|accept|tak|contract|participat)"
)
# A recovery residence, which is no treatment program: its beds, rules and rent are its own.
RESIDENCE_WORDS = r"sober living|recovery (?:housing|residences?|homes?|houses?)|halfway houses?"
# A welcome after a dash, of the people the words before it name: "People taking Suboxone
# prescribed by their own doctor \u2014 you are welcome here".
WELCOME_AFTER_A_DASH = r"(?:you(?:'re| are)|they(?:'re| are)) (?:also |still |always )?welcome\b"
# Clause boundaries: a denial does not carry past these.
CLAUSE_BREAK = (
    # a semicolon or a spaced dash (hyphen, en or em dash), not a label's dash before a denial
    # and nothing else ("Methadone \u2014 not offered.", not "Suboxone \u2013 not methadone
    # \u2013"), nor the dash before a welcome of those it names
    rf";|\s[-\u2013\u2014]\s(?!{DENIAL_ONLY}|{WELCOME_AFTER_A_DASH})|"
    r",?\s(?:but|however|although|though|while|whereas|instead|except)\b"
    # a colon before a clause of its own (not a list): "We are not an OTP: if methadone ..."
    r"|:\s(?=(?:if|when|instead|because)\b)"
)
# What is still to come: "Coming in 2027: a Saturday group", "Starting February 1, 2027, we are
# adding a morning track", "Starting next month, groups will meet on Saturdays too".
TO_COME = (
    r"^\W*(?:starting|beginning) (?:next|this|in) \w+,[^.;]*\bwill\b"
    rf"|\bcoming (?:in|this|next) (?:20\d\d|{A_MONTH_OR_SEASON}|year|month)\b"
    # a news headline's "Evening IOP coming to Phillipsburg" (not "coming to our groups")
    r"|^\W*[\w' -]{1,40} coming (?:soon )?to (?-i:[A-Z])"
    r"|\bwe(?:'re| are) (?:adding|launching|opening|starting)\b"
    r"(?! (?:(?:our|its) doors|new|today|now)\b)"
    r"(?![^.;]*\b(?:today|now|this week)\b)"
)
# A clause that names only what someone needs, in a list of who should look elsewhere or who the
# program is for: "Anyone who needs daily methadone dosing \u2014 we are not an OTP" offers no
# methadone; the words after the dash say what the program does of it.
A_NEED_ALONE = (
    r"^(?:[^:.;]{0,60}:\s*)?\W*(?:anyone|people|those|patients|clients|adults|someone"
    r"|individuals|persons?)"
    r" who (?:needs?|requires?)\b(?![^.;]*\b(?:can|will|may|are|is|get|gets|receive|start|we"
    r"|our|offer\w*|provide\w*|prescrib\w*)\b)"
)
# Hedges: "sliding-scale fees may be available" does not say they are.
# Hopes, plans and maybes state nothing the program does today.
HEDGE = (
    r"\b(?:may|might|could) (?:also )?(?:be )?(?:available|possible|offered|eligible|accepted"
    r"|covered|cover|qualify)\b"
    r"|\bmay (?:also )?be (?:held|provided|conducted|done) (?:by|via|over|through|on)"
    r" (?:telehealth|video|zoom|phone)\b"
    r"|\b(?:we|we're|we are|the program|the clinic) (?:hope|hopes|plan|plans"
    r"|planning|expect|expects|intend|intends) to\b|\bwe(?:'re| are) working (?:on|toward)"
    r"|coming soon|in the (?:near )?future|pr[oó]ximamente|esperamos|working to become"
    # a track yet to open: "Our evening track opens in March", "launches this spring"
    r"|\b(?:tracks?|groups?|iop|programs?|cohorts?) (?:opens|launches|is opening|is launching"
    rf"|will open|will launch) (?:in|this|next) (?:{A_MONTH_OR_SEASON}|year|month)\b"
    r"|\b(?:we(?:'re| are| have been|'ve been)|the program is|[A-Z]\w+ (?:[A-Z]\w+ )?is)"
    r" (?:also )?(?:thinking about|exploring|considering|looking (?:at|into)|talking about"
    r"|discussing)\b"
    r"|\bmay (?:add|pilot|expand|open|launch)\b"
    r"|\bwe may (?:start|begin) (?:a|an|our|another|offering|running|holding)\b"
    # a board's business: "The County Board will consider a proposal to study a Saturday group"
    # (not "In our IOP you will explore CBT")
    r"|\b(?:board|commission|committee|council|commissioners|supervisors|leadership|we)\b"
    r"[^.;]{0,30}\bwill (?:consider|discuss|review|study|explore|look (?:at|into))\b"
    r"|\ba proposal (?:to|for)\b"
    r"|\bpending (?:license|licensure|approval)\b"
    # a plan to ask about: "TRICARE: coverage depends on your plan", "TRICARE: Call us"
    r"|:\s*(?:coverage )?depends on (?:your|the|each) (?:plan|policy|coverage|insurance|insurer)\b"
    r"|:\s*(?:please )?call (?:us|the office)\s*(?:[.;]|$)"
    # a table's cell that only points elsewhere: "Medicare: See note"
    r"|:\s*see (?:the )?(?:note|below|details|footnote)\s*(?:[.;*]|$)"
    # A payer not yet taken: "we are in the credentialing process and hope to be in network"
    r"|\b(?:in|going through|completing) (?:the |our )?credentialing\b"
    r"|\bin the process of (?:credentialing|becoming|getting|joining)\b"
    r"|\bcredentialing (?:is )?(?:pending|underway|in progress)\b|\bhope to be\b"
    # "We have prayed about a morning group and we hope the Lord provides the volunteers"
    r"|\b(?:pray|prays|prayed|praying) (?:about|for)\b"
    r"|\bwe(?:'re| are)? hop(?:e|ing) (?:to|that|for|the lord|god)\b"
    # What is to come ("will be available starting in 2027"), wished for ("we would love to
    # offer"), stopped or past ("our former program", "until 2023 we offered"), or for a doctor
    # to weigh ("ask your doctor whether ...").
    r"|\bwill (?:be )?(?:available|offer(?:ed)?|add(?:ed)?|launch(?:ed)?|provide[ds]?)\b[^.;]*"
    r"\b(?:in 20\d\d|by 20\d\d|next (?:year|spring|summer|fall|autumn|winter)|later this year"
    r"|this (?:spring|summer|fall|autumn|winter)|soon)\b"
    rf"|{TO_COME}"
    # (not an invitation: "If you'd like to join, ...", "We'd love to welcome you")
    r"|\b(?:we|i)(?: would|'d|\u2019d) (?:love|like) to\b"
    r"(?! (?:welcome|hear|help|meet|talk|answer|see|invite|show|introduce)\b)"
    r"|\bsomeday\b|\bone day,? we(?:'d|\u2019d| would| hope| plan| want)\b"
    # a wish for what is not there: "Wish they had a methadone program here"
    r"|^\W*(?:i |we )?(?:really )?wish (?:they|there|you) (?:had|offered|ran|were|was)\b"
    r"|\b(?:we|we've|we have|the program has|our (?:program|clinic|practice) has)"
    r" (?:stopped|discontinued|ended|paused|suspended)\b"
    r"|\b(?:stopped|discontinued|ceased) (?:offering|providing|prescribing|running|accepting)\b"
    r"|\b(?:our|the) former (?:program|clinic|location|office|site|building)\b"
    r"|\b(?:we|our program|the program|the clinic) (?:used to|formerly|previously)"
    r" (?:offer|offered|provide|provided|have|had|run|ran)\b"
    r"|\buntil (?:19|20)\d\d,? (?:we|the program|our program) (?:offered|provided|ran|had)\b"
    r"|\buntil (?:last|this past) (?:spring|summer|fall|autumn|winter|year|month)\b"
    r"|\bwhether\b(?! or not)"
    # What some of a chain's centres offer is no promise of this one's.
    r"|\bsome (?:of our )?(?:centers|centres|locations|offices|clinics|sites|programs)\b"
    r"|\bdepending on the (?:center|centre|location|office|clinic|site|campus)\b"
    r"|\b(?:may|might) (?:also )?include\b"
)

# The states by name (the model's table), for "licensed in Colorado and Wyoming".
US_STATES = STATE_NAMES


# New clients seen by appointment: "Intake assessments are by appointment", "New clients are
# seen by appointment" (not an office's hours, nor beside a walk-in time: "by appointment or walk
# in Wednesdays"). It denies walk-ins only where the site names no walk-in time (see
# crawler.prose.merge): "Assessments are by appointment" and "Walk-in Wednesdays, 1-4 p.m."
# make a walk-in day.
BY_APPOINTMENT = re.compile(
    r"^\W*(?:(?:our |all )?(?:intakes?|intake assessments?|assessments)"
    r"|new (?:clients|patients)(?: are)? (?:seen|scheduled))"
    r"(?: here)?(?: are| is)? (?:by|scheduled by) appointment\b"
    r"(?![^.;]*\b(?:walk|drop[- ]?in|same[- ]day|come in)\b)",
    re.I,
)
