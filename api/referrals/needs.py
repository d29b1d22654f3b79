"""What a referrer says a patient needs, and how it becomes a search request.

Required: the services, one of the ways to pay, one of the schedules, the languages.
Preferred: other services and the populations a program serves (they raise the rank).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from api.params import LANGUAGE_NAME_MAX_LENGTH, LANGUAGES_MAX
from api.search.location import Place
from api.search.request import SearchRequest
from iop.geo import Point
from iop.vocabulary import SERVICES, check_codes

# Populations a referrer names: groups programs are run for, and ages a facility accepts.
POPULATION_GROUPS = ("populations", "ages")
# A list of service codes names each code once at most: no longer than the vocabulary.
CODES_MAX = len(SERVICES)
Code = Annotated[str, StringConstraints(max_length=60)]
LanguageName = Annotated[str, StringConstraints(max_length=LANGUAGE_NAME_MAX_LENGTH)]


class PatientLocation(Place):
    """One of: lat and lon, a ZIP code, or words (address or "city, state")."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class PatientNeeds(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        json_schema_extra={
            "examples": [
                {
                    "location": {"zip": "87102"},
                    "required_services": ["iop", "mat_buprenorphine"],
                    "payment": ["medicaid"],
                    "languages": ["spanish"],
                    "schedule": ["evening", "weekend"],
                    "populations": ["women"],
                }
            ]
        },
    )

    location: PatientLocation
    state: str | None = Field(
        None, max_length=2, description="Patient's state for virtual programs"
    )
    radius_miles: float = Field(25.0, gt=0, le=500)
    required_services: list[Code] = Field(default_factory=lambda: ["iop"], max_length=CODES_MAX)
    preferred_services: list[Code] = Field(default_factory=list, max_length=CODES_MAX)
    payment: list[Code] = Field(
        default_factory=list,
        max_length=CODES_MAX,
        description="The patient's ways to pay: any one must be accepted",
    )
    languages: list[LanguageName] = Field(
        default_factory=list,
        max_length=LANGUAGES_MAX,
        description="Languages needed: spanish, sign_language, or other languages by name "
        f"(at most {LANGUAGES_MAX})",
    )
    schedule: list[Code] = Field(
        default_factory=list,
        max_length=CODES_MAX,
        description="When the patient can attend: any one of daytime, evening, weekend",
    )
    populations: list[Code] = Field(
        default_factory=list,
        max_length=CODES_MAX,
        description="Programs for these groups, and facilities accepting these ages, preferred",
    )
    max_days_to_intake: int | None = Field(None, ge=0, le=365)
    accepting_new_patients: bool | None = None
    include_unknown: bool = False
    include_virtual: bool = False
    limit: int = Field(10, ge=1, le=100)

    @field_validator("required_services", "preferred_services")
    @classmethod
    def _services(cls, codes: list[str]) -> list[str]:
        return check_codes(codes)

    @field_validator("payment")
    @classmethod
    def _payment(cls, codes: list[str]) -> list[str]:
        return check_codes(codes, ("payment",))

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, codes: list[str]) -> list[str]:
        return check_codes(codes, ("schedule",))

    @field_validator("populations")
    @classmethod
    def _populations(cls, codes: list[str]) -> list[str]:
        return check_codes(codes, POPULATION_GROUPS)

    @field_validator("languages")
    @classmethod
    def _languages(cls, names: list[str]) -> list[str]:
        return list(dict.fromkeys(name.strip() for name in names if name.strip()))

    @model_validator(mode="after")
    def _one_location(self) -> PatientNeeds:
        where = self.location
        kinds = [
            k
            for k, v in (("lat/lon", where.lat), ("zip", where.zip), ("near", where.near))
            if v is not None
        ]
        if where.lon is not None and "lat/lon" not in kinds:
            kinds.insert(0, "lat/lon")
        if len(kinds) != 1:
            raise ValueError("location needs exactly one of lat and lon, zip, or near")
        if (where.lat is None) != (where.lon is None):
            raise ValueError("location: lat and lon must be given together")
        return self

    def language_codes(self) -> list[str]:
        return [
            n.lower()
            for n in self.languages
            if SERVICES.get(n.lower(), None) is not None
            and SERVICES[n.lower()].group == "languages"
        ]

    def language_names(self) -> list[str]:
        codes = set(self.language_codes())
        return [name for name in self.languages if name.lower() not in codes]

    def search_request(
        self, origin: Point, state: str | None, today: date, max_results: int
    ) -> SearchRequest:
        """The search these needs make: ranked by ``best``, one page of the best matches."""
        required = [*self.required_services, *self.language_codes()]
        preferred = [*self.preferred_services, *self.populations]
        return SearchRequest(
            origin=origin,
            radius_miles=self.radius_miles,
            today=today,
            required_services=tuple(dict.fromkeys(required)),
            preferred_services=tuple(dict.fromkeys(preferred)),
            any_of_services=tuple(tuple(g) for g in (self.payment, self.schedule) if g),
            languages=tuple(self.language_names()),
            max_days_to_intake=self.max_days_to_intake,
            accepting_new_patients=self.accepting_new_patients,
            include_unknown=self.include_unknown,
            include_virtual=self.include_virtual,
            patient_state=state,
            limit=min(self.limit, max_results),
        )
