"""The canonical facility model shared by the crawler, the indexer and the API.

This is the one definition of what the product knows about a treatment facility. Every fact
may be unknown: ``None`` means "no source has said", never "no". A boolean service is ``True``
(offered), ``False`` (a source said it is not offered) or ``None`` (unknown).

The service groups below are also the service vocabulary: every boolean field of a group is a
service code that search requests name (``iop``, ``mat_buprenorphine``, ``medicaid``, ...); see
:mod:`iop.vocabulary`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_serializer,
    field_validator,
)
from pydantic.json_schema import SkipJsonSchema

from iop.phones import is_e164_phone_number


class Model(BaseModel):
    """Base for every part of the facility: unknown keys are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class LocationPrecision(StrEnum):
    """How exactly a location points at the building, best first."""

    ROOFTOP = "rooftop"
    STREET = "street"
    ZIP_CENTROID = "zip_centroid"
    CITY_CENTROID = "city_centroid"


class Ownership(StrEnum):
    PRIVATE_FOR_PROFIT = "private_for_profit"
    PRIVATE_NON_PROFIT = "private_non_profit"
    PUBLIC_FEDERAL = "public_federal"
    PUBLIC_STATE = "public_state"
    PUBLIC_LOCAL = "public_local"
    PUBLIC_TRIBAL = "public_tribal"
    PUBLIC_VA = "public_va"
    PUBLIC_IHS = "public_ihs"
    PUBLIC_MILITARY = "public_military"

    @property
    def sector(self) -> str:
        """``public`` or ``private``: the distinction referrers filter on first."""
        return self.value.split("_", 1)[0]


class PhoneKind(StrEnum):
    MAIN = "main"
    INTAKE = "intake"
    HOTLINE = "hotline"


class FacilityStatus(StrEnum):
    ACTIVE = "active"
    STALE = "stale"


# USPS codes of the states, DC, the territories (PR, GU, VI, AS, MP), the freely associated
# states (FM, MH, PW) and the armed forces' post (AA, AE, AP): every code of a US ZIP code. The
# 2024 SAMHSA directory lists facilities in PR, GU and MP.
STATE_CODES = frozenset(
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
        "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW", "AA",
        "AE", "AP",
    }
)  # fmt: skip
# The states', DC's and the territories' names, as people write them in an address.
STATE_NAMES: dict[str, str] = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "District of Columbia": "DC",
    "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Hawai\u02bbi": "HI", "Hawai'i": "HI",
    "Idaho": "ID", "Illinois": "IL",
    "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI",
    "Minnesota": "MN", "Mississippi": "MS", "Missouri": "MO", "Montana": "MT",
    "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH", "New Jersey": "NJ",
    "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND",
    "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN",
    "Texas": "TX", "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA",
    "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY", "Puerto Rico": "PR",
    "Guam": "GU", "Virgin Islands": "VI", "American Samoa": "AS",
    "Northern Mariana Islands": "MP",
}  # fmt: skip
_ZIP_CODE = re.compile(r"\d{5}(-\d{4})?")


def _state_code(code: str | None) -> str | None:
    if code is not None and code not in STATE_CODES:
        raise ValueError(f"{code!r} is not a US state or territory code (NM, PR, ...)")
    return code


def _zip_code(text: str | None) -> str | None:
    if text is not None and not _ZIP_CODE.fullmatch(text):
        raise ValueError(f"{text!r} is not a ZIP code (five digits, or ZIP+4)")
    return text


def _e164_phone_number(number: str) -> str:
    if not is_e164_phone_number(number):
        raise ValueError(f"{number!r} is not a phone number (E.164: +15052700840)")
    return number


class Address(Model):
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = Field(None, description="Two-letter USPS state or territory code")
    postal_code: str | None = Field(None, description="Five-digit ZIP code (or ZIP+4)")

    # Checked wherever a facility is read (a crawl's validate pipeline, a feed, the index): a
    # record with a value that is none is quarantined or refused, naming the field.
    _valid_state = field_validator("state")(_state_code)
    _valid_postal_code = field_validator("postal_code")(_zip_code)

    def one_line(self) -> str:
        """ "1 Main St, Suite 2, Albuquerque, NM 87102", what is known of it."""
        return one_line_address(self.street1, self.street2, self.city, self.state, self.postal_code)


def one_line_address(
    street1: str | None,
    street2: str | None,
    city: str | None,
    state: str | None,
    postal_code: str | None,
) -> str:
    """An address on one line, as people write it, leaving out what is not known."""
    place = " ".join(p for p in (state, postal_code) if p)
    return ", ".join(p for p in (street1, street2, city, place) if p)


class Location(Model):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: LocationPrecision
    source: str | None = Field(None, description="Where the coordinates came from")


class Phone(Model):
    number: str = Field(description="E.164, e.g. +15052700840")
    extension: str | None = None
    kind: PhoneKind = PhoneKind.MAIN

    _valid_number = field_validator("number")(_e164_phone_number)


class LevelsOfCare(Model):
    iop: bool | None = Field(None, title="IOP", description="Intensive outpatient (ASAM level 2.1)")
    outpatient: bool | None = Field(None, description="Regular outpatient (ASAM level 1)")
    partial_hospitalization: bool | None = Field(
        None,
        title="partial hospitalization",
        description="Partial hospitalization / day treatment (ASAM level 2.5)",
    )
    residential: bool | None = Field(None, description="Residential (ASAM level 3)")
    inpatient: bool | None = Field(None, description="Hospital inpatient (ASAM level 4)")


class Medications(Model):
    """Medications for opioid and alcohol use disorder, and other pharmacotherapies."""

    mat_buprenorphine: bool | None = Field(None, description="Buprenorphine")
    mat_methadone: bool | None = Field(None, description="Methadone")
    mat_naltrexone: bool | None = Field(None, description="Naltrexone")
    otp_certified: bool | None = Field(
        None, title="certified OTP", description="Federally certified opioid treatment program"
    )
    mat_accepts_outside_prescriptions: bool | None = Field(
        None,
        title="accepts outside MAT prescriptions",
        description="Accepts clients on MAT prescribed elsewhere",
    )
    mat_alcohol: bool | None = Field(
        None, title="alcohol MAT", description="Medication for alcohol use disorder"
    )
    pharmacotherapies: list[str] | None = Field(
        None, description="Medications used in treatment, by name"
    )


class Detox(Model):
    detox_onsite: bool | None = Field(
        None, title="on-site detox", description="Detox (medically managed withdrawal) on site"
    )
    detox_outpatient: bool | None = Field(None, description="Outpatient detox")
    detox_referral: bool | None = Field(None, description="Refers clients to detox elsewhere")
    substances: list[str] | None = Field(
        None, description="Substances detox is offered for (opioids, alcohol, ...)"
    )


class Therapies(Model):
    individual_therapy: bool | None = Field(None, description="Individual counseling")
    group_therapy: bool | None = Field(None, description="Group counseling")
    group_process: bool | None = Field(None, description="Process groups")
    group_psychoeducation: bool | None = Field(None, description="Psychoeducational groups")
    group_skills: bool | None = Field(None, description="Skills groups")
    group_relapse_prevention: bool | None = Field(None, description="Relapse prevention")
    group_refusal_training: bool | None = Field(None, description="Drug refusal training")
    family_therapy: bool | None = Field(None, description="Family counseling")
    cbt: bool | None = Field(None, title="CBT", description="Cognitive behavioral therapy")
    art_therapy: bool | None = Field(None, description="Art therapy")
    music_therapy: bool | None = Field(None, description="Music therapy")
    equine_therapy: bool | None = Field(None, description="Equine therapy")
    yoga: bool | None = Field(None, description="Yoga")
    acupuncture: bool | None = Field(None, description="Acupuncture")
    dbt: bool | None = Field(None, title="DBT", description="Dialectical behavior therapy")
    mindfulness: bool | None = Field(None, description="Mindfulness or meditation")
    other: list[str] | None = Field(None, description="Other therapies, by name")


class Schedule(Model):
    daytime: bool | None = Field(None, title="daytime", description="Daytime groups")
    evening: bool | None = Field(None, title="evening", description="Evening groups")
    weekend: bool | None = Field(None, title="weekend", description="Weekend groups")
    opening_hours: list[str] | None = Field(
        None, description='Opening hours, e.g. "Mo-Fr 09:00-17:00" (schema.org style)'
    )
    hours_per_week: float | None = Field(None, gt=0, le=80)
    program_weeks: float | None = Field(None, gt=0, le=104)


class Payment(Model):
    medicaid: bool | None = Field(None, description="Medicaid")
    medicare: bool | None = Field(None, description="Medicare")
    private_insurance: bool | None = Field(
        None, title="private insurance", description="Private health insurance"
    )
    military_insurance: bool | None = Field(
        None, title="TRICARE", description="Military insurance (TRICARE)"
    )
    self_pay: bool | None = Field(None, description="Cash or self-payment")
    sliding_fee: bool | None = Field(None, description="Sliding fee scale")
    free_care: bool | None = Field(
        None, title="free care", description="Free of charge for those who cannot pay"
    )


class AgesAccepted(Model):
    """The age groups a facility accepts as clients (SAMHSA's AGE category). Not the same as
    a special program for a group (:class:`Populations`): a facility may accept young adults
    without running a young adults' program."""

    ages_children_adolescents: bool | None = Field(
        None, title="children/adolescents accepted", description="Accepts children and adolescents"
    )
    ages_young_adults: bool | None = Field(
        None, title="young adults accepted", description="Accepts young adults"
    )
    ages_adults: bool | None = Field(None, title="adults accepted", description="Accepts adults")
    ages_seniors: bool | None = Field(None, title="seniors accepted", description="Accepts seniors")


class Populations(Model):
    """Groups a facility runs special programs for (SAMHSA's SG category)."""

    adolescents: bool | None = Field(
        None, title="adolescents' program", description="Adolescents' program"
    )
    young_adults: bool | None = Field(
        None, title="young adults' program", description="Young adults' program"
    )
    seniors: bool | None = Field(None, description="Seniors")
    women: bool | None = Field(None, description="Adult women")
    men: bool | None = Field(None, description="Adult men")
    pregnant_postpartum: bool | None = Field(
        None, title="pregnant/postpartum", description="Pregnant or postpartum women"
    )
    veterans: bool | None = Field(None, description="Veterans")
    lgbtq: bool | None = Field(None, description="LGBTQ clients")
    criminal_justice: bool | None = Field(None, description="Criminal justice clients")
    co_occurring: bool | None = Field(
        None, title="co-occurring disorders", description="Co-occurring mental health disorders"
    )


class Languages(Model):
    spanish: bool | None = Field(None, title="Spanish", description="Services in Spanish")
    sign_language: bool | None = Field(
        None, title="sign language", description="Sign language for the deaf and hard of hearing"
    )
    other: list[str] | None = Field(None, description="Other languages, by English name")


class Access(Model):
    telehealth: bool | None = Field(None, title="telehealth", description="Telehealth sessions")
    virtual_only: bool | None = Field(
        None, title="virtual only", description="Delivered only online (virtual IOP)"
    )
    licensed_states: list[str] | None = Field(
        None, description="States a virtual program may serve patients in"
    )


class Intake(Model):
    """What a referrer tells the patient about getting in."""

    walk_in: bool | None = None
    hours: str | None = Field(None, description="When intake calls or walk-ins are taken")
    what_to_bring: list[str] | None = None


class Availability(Model):
    accepting_new_patients: bool | None = None
    days_to_intake: int | None = Field(None, ge=0, le=365)
    open_slots: int | None = Field(None, ge=0, description="Open intake slots or beds")
    statement: str | None = Field(None, description="The source's words, quoted")
    as_of: date | None = Field(None, description="When the source stated it")
    source: str | None = None
    url: str | None = None


class Provenance(Model):
    source: str
    url: str | None = None
    fetched_at: datetime
    as_of: date | None = Field(None, description="When the source says the fact held, if it says")
    evidence: str | None = Field(
        None, description="The source's own words the fact was read from (a page's sentence)"
    )


# ``model_dump_json(context=COMPACT_PROVENANCE)`` writes provenance in its compact form.
COMPACT_PROVENANCE = {"provenance": "compact"}


class ProvenanceGroup(Model):
    """One provenance record and the paths it is the provenance of: the compact form's unit."""

    record: Provenance
    paths: list[str]


def compact_provenance(provenance: dict[str, Provenance]) -> list[dict[str, Any]]:
    """Each distinct record once, with the paths it stands for: ``[{"record", "paths"}...]``.

    A listing states dozens of facts from one fetch: written per path, the same record would
    fill most of a facility's JSON (and most of the time spent reading it back).
    """
    records = list(provenance.values())
    if records and records.count(records[0]) == len(records):  # one source: the common case
        return [{"record": _record_json(records[0]), "paths": list(provenance)}]
    groups: dict[tuple[Any, ...], tuple[Provenance, list[str]]] = {}
    for path, record in provenance.items():
        key = (record.source, record.url, record.fetched_at, record.as_of, record.evidence)
        if key not in groups:
            groups[key] = (record, [])
        groups[key][1].append(path)
    return [{"record": _record_json(record), "paths": paths} for record, paths in groups.values()]


def _record_json(record: Provenance) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude_none=True)  # absent reads back as None


def _expanded(provenance: list[ProvenanceGroup] | dict[str, Provenance]) -> dict[str, Provenance]:
    if isinstance(provenance, dict):
        return provenance
    by_path: dict[str, Provenance] = {}
    for group in provenance:
        by_path.update(dict.fromkeys(group.paths, group.record))
    if len(by_path) < sum(len(group.paths) for group in provenance):
        listed = [path for group in provenance for path in group.paths]
        twice = next(path for path in listed if listed.count(path) > 1)
        raise ValueError(f"{twice}: listed twice; a field has one provenance record")
    return by_path


if TYPE_CHECKING:
    ProvenanceByPath = dict[str, Provenance]
else:
    # Either form is read: grouped (what feeds and documents are written in, validated without
    # leaving pydantic's core) or per path (what the API answers with).
    ProvenanceByPath = Annotated[
        SkipJsonSchema[list[ProvenanceGroup]] | dict[str, Provenance],
        Field(union_mode="left_to_right"),
        AfterValidator(_expanded),
    ]


class SourceRecord(Model):
    """One source's listing that this facility was built from."""

    source: str
    ref: str = Field(description="The listing's id within its source, stable across crawls")
    url: str | None = None
    fetched_at: datetime


class Facility(Model):
    id: str = Field(description="Stable facility id")
    name: str | None = Field(
        None, description="The program's own name, as people know it (SAMHSA name2, the site's)"
    )
    operator: str | None = Field(
        None,
        description="The organisation that runs the program, when the program has a name of "
        "its own (SAMHSA name1 beside name2)",
    )
    alternate_names: list[str] = Field(default_factory=list)
    address: Address = Field(default_factory=Address)
    location: Location | None = None
    phones: list[Phone] = Field(default_factory=list)
    website: str | None = None
    ownership: Ownership | None = None
    accreditations: list[str] | None = Field(
        None, description="Licenses and accreditations (CARF, Joint Commission, state agency...)"
    )
    levels_of_care: LevelsOfCare = Field(default_factory=LevelsOfCare)
    medications: Medications = Field(default_factory=Medications)
    detox: Detox = Field(default_factory=Detox)
    therapies: Therapies = Field(default_factory=Therapies)
    schedule: Schedule = Field(default_factory=Schedule)
    payment: Payment = Field(default_factory=Payment)
    ages: AgesAccepted = Field(default_factory=AgesAccepted)
    populations: Populations = Field(default_factory=Populations)
    languages: Languages = Field(default_factory=Languages)
    access: Access = Field(default_factory=Access)
    intake: Intake = Field(default_factory=Intake)
    availability: Availability = Field(default_factory=Availability)
    sources: list[SourceRecord] = Field(default_factory=list)
    provenance: ProvenanceByPath = Field(
        default_factory=dict, description="Per field (dotted path): which source said it, and when"
    )
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    status: FacilityStatus = FacilityStatus.ACTIVE
    missed_refreshes: int = Field(
        0, ge=0, description="Refreshes in a row in which no source that listed it listed it"
    )
    extras: dict[str, Any] = Field(default_factory=dict)

    @field_serializer("provenance", mode="wrap")
    def _serialize_provenance(
        self,
        provenance: dict[str, Provenance],
        plain: SerializerFunctionWrapHandler,
        info: SerializationInfo,
    ) -> Any:
        if info.context == COMPACT_PROVENANCE:
            return compact_provenance(provenance)
        return plain(provenance)


NAME_JOINER = " — "
# A company's legal form after its name: "..., LLC", "... Inc.", "..., P.C.", "..., Co." (a
# "Co" only after a comma: not "Recovery & Co" nor "Denver CO").
_LEGAL_FORM = re.compile(
    r"(?:[,.]?\s+(?:inc|llc|l\.l\.c|pllc|p\.?c|corp|ltd|lp)|,\s*co)\.?$", re.IGNORECASE
)


def without_legal_form(name: str) -> str:
    """A name as a referrer says it, without its legal form: "Kingfisher Lane Counseling, LLC"
    → "Kingfisher Lane Counseling"."""
    return _LEGAL_FORM.sub("", name).strip() or name


def display_name(name: str | None, operator: str | None) -> str | None:
    """The program's name with its operator, as a referrer recognises it:
    "Turquoise Lodge Hospital — NM Department of Health". The operator is left out when it
    says no more than the name ("Desert Mountain Healing IOP" run by "… IOP LLC")."""
    if not operator:
        return name
    if not name:
        return operator
    bare_name, bare_operator = (_LEGAL_FORM.sub("", n).casefold().strip() for n in (name, operator))
    if bare_operator in bare_name or bare_name in bare_operator:
        return name
    return f"{name}{NAME_JOINER}{operator}"


def facility_id(source: str, ref: str) -> str:
    """A stable id for a source's listing: the same listing gets the same id on every crawl."""
    digest = hashlib.sha256(f"{source}\x1f{ref}".encode()).hexdigest()
    return f"fac_{digest[:20]}"
