"""Partijen and what hangs on them: identificatoren, digitale adressen, rekeningnummers."""

from __future__ import annotations

from typing import ClassVar

from ._filters import Filter
from ._klantinteracties_base import (
    API,
    CODE_OBJECTTYPE,
    CODE_REGISTER,
    CODE_SOORT_OBJECT_ID,
    SOORT_DIGITAAL_ADRES,
    SOORT_PARTIJ,
    KlantCollection,
    _adres,
    _bsn_errors,
    _contactnaam,
    _identificator_filters,
    _identificatoren_of,
    _ref_filters,
    _values_at,
    _walk,
    invalid_input,
    volledige_naam,
)
from ._problems import InvalidParam
from ._router import RequestContext
from ._types import JSON

_PENDING = "_partijIdentificatoren"


"""Where a write's nested identificatoren wait between ``clean_input`` and ``after_write``."""


class Partijen(KlantCollection):
    name = "partijen"
    required = ("soortPartij", "indicatieActief")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"soortPartij": SOORT_PARTIJ}
    refs: ClassVar[dict[str, str]] = {
        "voorkeursDigitaalAdres": "digitaleadressen",
        "voorkeursRekeningnummer": "rekeningnummers",
    }
    read_only = (
        "betrokkenen",
        "categorieRelaties",
        "vertegenwoordigden",
        "digitaleAdressen",
        "rekeningnummers",
    )
    expand = frozenset(
        {"betrokkenen", "betrokkenen.hadKlantcontact", "categorieRelaties", "digitaleAdressen"}
    )
    filters = (
        Filter("nummer"),
        Filter("soortPartij", type="choice", choices=SOORT_PARTIJ),
        Filter("indicatieActief", type="bool"),
        Filter("indicatieGeheimhouding", type="bool"),
        *(
            Filter(
                f"partijIdentificator__{code}",
                values=_values_at(f"partijIdentificatoren.partijIdentificator.{code}"),
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "nummer": None,
            "interneNotitie": "",
            "betrokkenen": [],
            "categorieRelaties": [],
            "digitaleAdressen": [],
            "voorkeursDigitaalAdres": None,
            "vertegenwoordigden": [],
            "rekeningnummers": [],
            "voorkeursRekeningnummer": None,
            "partijIdentificatoren": [],
            "soortPartij": "",
            "indicatieGeheimhouding": False,
            "voorkeurstaal": "",
            "indicatieActief": True,
            "bezoekadres": _adres(),
            "correspondentieadres": _adres(),
            "partijIdentificatie": {},
        }

    def clean_input(self, data: JSON) -> JSON:
        """Nested identificatoren are kept aside: a write without them leaves them alone."""
        cleaned = super().clean_input(data)
        given = cleaned.pop("partijIdentificatoren", None)
        if isinstance(given, list):
            cleaned[_PENDING] = given
        return cleaned

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        errors: list[InvalidParam] = []
        for index, identificator in enumerate(body.get(_PENDING) or []):
            errors += _bsn_errors(
                identificator, f"partijIdentificatoren.{index}.partijIdentificatorObjectId"
            )
        if errors:
            raise invalid_input(*errors)

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if _PENDING not in body and body.get("partijIdentificatoren"):
            body[_PENDING] = body["partijIdentificatoren"]  # seeded with backend.add
        body["partijIdentificatoren"] = []
        for field in ("bezoekadres", "correspondentieadres"):
            if isinstance(body.get(field), dict):
                body[field] = {**_adres(), **body[field]}
        identificatie = body.get("partijIdentificatie")
        if not isinstance(identificatie, dict):
            identificatie = {}
        if body.get("soortPartij") in ("persoon", "contactpersoon"):
            identificatie["contactnaam"] = {
                **_contactnaam(),
                **(identificatie.get("contactnaam") or {}),
            }
            identificatie.pop("volledigeNaam", None)
        elif body.get("soortPartij") == "organisatie":
            identificatie = {"naam": identificatie.get("naam", "")}
        body["partijIdentificatie"] = identificatie

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Nested ``partijIdentificatoren`` become partij-identificatoren of this partij."""
        given = body.pop(_PENDING, None)
        if not isinstance(given, list):
            return
        existing = list(_identificatoren_of(self.backend, body["url"]))
        keep = {i.get("uuid") for i in given if isinstance(i, dict) and i.get("uuid")}
        for old in existing:
            if old["uuid"] not in keep:
                self.backend.unstore(API, "partij-identificatoren", old["uuid"])
        for identificator in given:
            if isinstance(identificator, dict):
                nested = {
                    k: v for k, v in identificator.items() if k not in ("identificeerdePartij",)
                }
                nested["identificeerdePartij"] = body["url"]
                self.backend.add(API, "partij-identificatoren", nested)

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        url = body["url"]
        identificatoren = self.backend.collections[(API, "partij-identificatoren")]
        rendered["betrokkenen"] = self.refs_to("betrokkenen", "wasPartij", url)
        rendered["digitaleAdressen"] = self.refs_to("digitaleadressen", "verstrektDoorPartij", url)
        rendered["rekeningnummers"] = self.refs_to("rekeningnummers", "partij", url)
        rendered["partijIdentificatoren"] = [
            identificatoren.render(i) for i in _identificatoren_of(self.backend, url)
        ]
        identificatie = rendered.get("partijIdentificatie")
        if isinstance(identificatie, dict) and "contactnaam" in identificatie:
            identificatie["volledigeNaam"] = volledige_naam(identificatie["contactnaam"])
        return rendered

    def after_delete(self, body: JSON) -> None:
        for identificator in list(_identificatoren_of(self.backend, body["url"])):
            self.backend.unstore(API, "partij-identificatoren", identificator["uuid"])


class PartijIdentificatoren(KlantCollection):
    name = "partij-identificatoren"
    newest_first = False
    required = ("partijIdentificator",)
    refs: ClassVar[dict[str, str]] = {
        "identificeerdePartij": "partijen",
        "subIdentificatorVan": "partij-identificatoren",
    }
    nested_choices: ClassVar[dict[str, tuple[str, ...]]] = {
        "partijIdentificator.codeObjecttype": CODE_OBJECTTYPE,
        "partijIdentificator.codeSoortObjectId": CODE_SOORT_OBJECT_ID,
        "partijIdentificator.codeRegister": CODE_REGISTER,
    }
    filters = (
        Filter("anderePartijIdentificator"),
        *(
            Filter(
                f"partijIdentificator{code[0].upper()}{code[1:]}",
                field=f"partijIdentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "identificeerdePartij": None,
            "anderePartijIdentificator": "",
            "partijIdentificator": {
                "codeObjecttype": "",
                "codeSoortObjectId": "",
                "objectId": "",
                "codeRegister": "",
            },
            "subIdentificatorVan": None,
        }

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        errors = _bsn_errors(body, "partijIdentificatorObjectId")
        if errors:
            raise invalid_input(*errors)

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        groep = body.get("partijIdentificator")
        if isinstance(groep, dict):
            body["partijIdentificator"] = {**self.defaults()["partijIdentificator"], **groep}


class DigitaleAdressen(KlantCollection):
    name = "digitaleadressen"
    required = ("adres", "soortDigitaalAdres")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "soortDigitaalAdres": SOORT_DIGITAAL_ADRES
    }
    date_fields = ("verificatieDatum",)
    refs: ClassVar[dict[str, str]] = {
        "verstrektDoorBetrokkene": "betrokkenen",
        "verstrektDoorPartij": "partijen",
    }
    expand = frozenset(
        {
            "verstrektDoorBetrokkene",
            "verstrektDoorBetrokkene.hadKlantcontact",
            "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
        }
    )
    filters = (
        Filter("adres"),
        Filter("adres__icontains"),
        Filter("soortDigitaalAdres", type="choice", choices=SOORT_DIGITAAL_ADRES),
        Filter("isStandaardAdres", type="bool"),
        Filter("omschrijving"),
        Filter("referentie"),
        Filter("verificatieDatum", type="date"),
        Filter("verificatieDatum__gte", type="date"),
        Filter("verificatieDatum__lte", type="date"),
        *_ref_filters("verstrektDoorPartij"),
        *_ref_filters("verstrektDoorBetrokkene"),
        *_identificator_filters(
            "verstrektDoorPartij", lambda ctx, body: _walk(body, "verstrektDoorPartij.url")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "verstrektDoorBetrokkene": None,
            "verstrektDoorPartij": None,
            "adres": "",
            "soortDigitaalAdres": "",
            "isStandaardAdres": False,
            "omschrijving": "",
            "referentie": "",
            "verificatieDatum": None,
        }


class Rekeningnummers(KlantCollection):
    name = "rekeningnummers"
    required = ("iban",)
    refs: ClassVar[dict[str, str]] = {"partij": "partijen"}
    filters = (Filter("iban"), Filter("bic"), Filter("uuid", type="uuid"))

    def defaults(self) -> JSON:
        return {"partij": None, "iban": "", "bic": ""}
