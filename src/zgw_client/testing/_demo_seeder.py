"""The demo's building blocks: fixed URLs, dates relative to today, one ``add`` per resource."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._demo_scenarios import (
    DEMO_KVK,
    DEMO_RSIN,
    DEMO_VESTIGINGSNUMMER,
    TAAK_SCHEMA,
    stable_uuid,
)
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


class _Seeder:
    """Shared helpers: fixed URLs, dates relative to today, one ``add`` per resource."""

    def __init__(self, backend: InMemoryBackend, today: dt.date) -> None:
        self.backend = backend
        self.today = today

    def url(self, api: str, collection: str, name: str) -> str:
        return f"{self.backend.api_roots[api]}{collection}/{stable_uuid(name)}"

    def add(self, api: str, collection: str, name: str, body: JSON) -> str:
        created = self.backend.add(
            api, collection, {"url": self.url(api, collection, name), **body}
        )
        return str(created["url"])

    def day(self, offset: int) -> str:
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def moment(self, offset: int, time: str = "09:30:00") -> str:
        return f"{self.day(offset)}T{time}Z"

    # -- catalogi ------------------------------------------------------------------------

    def catalogus(self) -> str:
        return self.add(
            "catalogi",
            "catalogussen",
            "catalogus",
            {
                "domein": "DHAAG",
                "rsin": DEMO_RSIN,
                "contactpersoonBeheerNaam": "Team MijnDenHaag",
                "contactpersoonBeheerTelefoonnummer": "14070",
                "contactpersoonBeheerEmailadres": "mijndenhaag@denhaag.nl",
                "naam": "Zaaktypecatalogus gemeente Den Haag",
                "versie": "1",
                "begindatumVersie": "2023-01-01",
            },
        )

    def zaaktype(
        self,
        key: str,
        catalogus: str,
        omschrijving: str,
        *,
        doorlooptijd: str = "P8W",
        intern: bool = False,
        vertrouwelijkheid: str = "zaakvertrouwelijk",
    ) -> str:
        return self.add(
            "catalogi",
            "zaaktypen",
            f"zaaktype:{key}",
            {
                "identificatie": f"DH-{key.upper()}",
                "omschrijving": omschrijving,
                "omschrijvingGeneriek": omschrijving,
                "vertrouwelijkheidaanduiding": vertrouwelijkheid,
                "doel": f"Behandelen van: {omschrijving.lower()}",
                "aanleiding": "Verzoek van een inwoner of ondernemer",
                "toelichting": "",
                "indicatieInternOfExtern": "intern" if intern else "extern",
                "handelingInitiator": "aanvragen",
                "onderwerp": omschrijving,
                "handelingBehandelaar": "behandelen",
                "doorlooptijd": doorlooptijd,
                "servicenorm": None,
                "opschortingEnAanhoudingMogelijk": True,
                "verlengingMogelijk": False,
                "verlengingstermijn": None,
                "trefwoorden": [],
                "publicatieIndicatie": False,
                "publicatietekst": "",
                "verantwoordingsrelatie": [],
                "productenOfDiensten": [f"https://www.denhaag.nl/nl/producten/{key}"],
                "referentieproces": {"naam": omschrijving, "link": ""},
                "concept": False,
                "verantwoordelijke": "Gemeente Den Haag",
                "beginGeldigheid": "2023-01-01",
                "eindeGeldigheid": None,
                "versiedatum": "2023-01-01",
                "catalogus": catalogus,
            },
        )

    def statustypen(
        self, key: str, zaaktype: str, catalogus: str, steps: list[tuple[str, str, bool]]
    ) -> list[str]:
        """``steps``: (omschrijving, statustekst, informeren); the last one ends the zaak."""
        return [
            self.add(
                "catalogi",
                "statustypen",
                f"statustype:{key}:{number}",
                {
                    "omschrijving": omschrijving,
                    "omschrijvingGeneriek": omschrijving,
                    "statustekst": statustekst,
                    "zaaktype": zaaktype,
                    "volgnummer": number,
                    "isEindstatus": number == len(steps),
                    "informeren": informeren,
                    "catalogus": catalogus,
                },
            )
            for number, (omschrijving, statustekst, informeren) in enumerate(steps, start=1)
        ]

    def roltypen(self, key: str, zaaktype: str, catalogus: str) -> dict[str, str]:
        return {
            generiek: self.add(
                "catalogi",
                "roltypen",
                f"roltype:{key}:{generiek}",
                {
                    "zaaktype": zaaktype,
                    "omschrijving": omschrijving,
                    "omschrijvingGeneriek": generiek,
                    "catalogus": catalogus,
                },
            )
            for generiek, omschrijving in (
                ("initiator", "Aanvrager"),
                ("belanghebbende", "Belanghebbende"),
            )
        }

    def resultaattype(self, key: str, zaaktype: str, catalogus: str, omschrijving: str) -> str:
        return self.add(
            "catalogi",
            "resultaattypen",
            f"resultaattype:{key}:{omschrijving}",
            {
                "zaaktype": zaaktype,
                "omschrijving": omschrijving,
                "resultaattypeomschrijving": (
                    "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/"
                    "fb65d251-1518-4185-865f-b8bdcfad07b1"
                ),
                "omschrijvingGeneriek": omschrijving,
                "selectielijstklasse": (
                    "https://selectielijst.openzaak.nl/api/v1/resultaten/"
                    "cc5ae4e3-a9e6-4386-bcee-46be4986a829"
                ),
                "toelichting": "",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P10Y",
                "brondatumArchiefprocedure": {
                    "afleidingswijze": "afgehandeld",
                    "datumkenmerk": "",
                    "einddatumBekend": False,
                    "objecttype": "",
                    "registratie": "",
                    "procestermijn": None,
                },
                "catalogus": catalogus,
            },
        )

    def informatieobjecttype(self, catalogus: str, omschrijving: str, vertrouwelijk: str) -> str:
        return self.add(
            "catalogi",
            "informatieobjecttypen",
            f"informatieobjecttype:{omschrijving}",
            {
                "catalogus": catalogus,
                "omschrijving": omschrijving,
                "vertrouwelijkheidaanduiding": vertrouwelijk,
                "beginGeldigheid": "2023-01-01",
                "eindeGeldigheid": None,
                "concept": False,
                "informatieobjectcategorie": "Document",
                "trefwoord": [],
            },
        )

    # -- zaken ---------------------------------------------------------------------------

    def zaak(
        self,
        key: str,
        zaaktype: str,
        omschrijving: str,
        start: int,
        *,
        gepland: int | None = None,
        toelichting: str = "",
    ) -> str:
        return self.add(
            "zaken",
            "zaken",
            f"zaak:{key}",
            {
                "bronorganisatie": DEMO_RSIN,
                "verantwoordelijkeOrganisatie": DEMO_RSIN,
                "zaaktype": zaaktype,
                "omschrijving": omschrijving,
                "toelichting": toelichting,
                "registratiedatum": self.day(start),
                "startdatum": self.day(start),
                "einddatumGepland": self.day(gepland) if gepland is not None else None,
                "communicatiekanaalNaam": "Webformulier",
            },
        )

    def rol_persoon(
        self, key: str, zaak: str, roltype: str, bsn: str, naam: tuple[str, str, str]
    ) -> str:
        voornamen, voorletters, geslachtsnaam = naam
        return self.add(
            "zaken",
            "rollen",
            f"rol:{key}",
            {
                "zaak": zaak,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": roltype,
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {
                    "inpBsn": bsn,
                    "voornamen": voornamen,
                    "voorletters": voorletters,
                    "geslachtsnaam": geslachtsnaam,
                },
            },
        )

    def rol_bedrijf(self, key: str, zaak: str, roltype: str) -> str:
        return self.add(
            "zaken",
            "rollen",
            f"rol:{key}",
            {
                "zaak": zaak,
                "betrokkeneType": "niet_natuurlijk_persoon",
                "roltype": roltype,
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {
                    "kvkNummer": DEMO_KVK,
                    "vestigingsNummer": DEMO_VESTIGINGSNUMMER,
                    "statutaireNaam": "Haagse Horeca B.V.",
                    "innRechtsvorm": "besloten_vennootschap",
                },
            },
        )

    def statussen(self, key: str, zaak: str, statustypen: list[str], offsets: list[int]) -> None:
        """Set the first ``len(offsets)`` statustypen, ``offsets`` days from today."""
        for number, (statustype, offset) in enumerate(zip(statustypen, offsets, strict=False)):
            self.add(
                "zaken",
                "statussen",
                f"status:{key}:{number}",
                {
                    "zaak": zaak,
                    "statustype": statustype,
                    "datumStatusGezet": self.moment(offset, f"{9 + number:02d}:00:00"),
                    "statustoelichting": "",
                },
            )

    def document(
        self,
        key: str,
        zaak: str,
        titel: str,
        informatieobjecttype: str,
        *,
        status: str = "definitief",
        vertrouwelijk: str = "openbaar",
        created: int = 0,
    ) -> str:
        document = self.add(
            "documenten",
            "enkelvoudiginformatieobjecten",
            f"document:{key}",
            {
                "identificatie": f"DOC-{key.upper()}",
                "bronorganisatie": DEMO_RSIN,
                "creatiedatum": self.day(created),
                "titel": titel,
                "vertrouwelijkheidaanduiding": vertrouwelijk,
                "auteur": "Gemeente Den Haag",
                "status": status,
                "formaat": "application/pdf",
                "taal": "dut",
                "versie": 1,
                "bestandsnaam": f"{key}.pdf",
                "bestandsomvang": 0,
                "link": "",
                "beschrijving": titel,
                "indicatieGebruiksrecht": False,
                "informatieobjecttype": informatieobjecttype,
                "locked": False,
            },
        )
        self.add(
            "zaken",
            "zaakinformatieobjecten",
            f"zio:{key}",
            {"informatieobject": document, "zaak": zaak, "titel": titel, "beschrijving": ""},
        )
        return document

    def besluit(self, key: str, zaak: str, besluittype: str, toelichting: str, datum: int) -> str:
        besluit = self.add(
            "besluiten",
            "besluiten",
            f"besluit:{key}",
            {
                "verantwoordelijkeOrganisatie": DEMO_RSIN,
                "besluittype": besluittype,
                "zaak": zaak,
                "datum": self.day(datum),
                "toelichting": toelichting,
                "bestuursorgaan": "Burgemeester en wethouders",
                "ingangsdatum": self.day(datum),
            },
        )
        linked = self.backend.related("zaken", "zaakbesluiten", "zaak").get(zaak, [])
        if not any(link.get("besluit") == besluit for link in linked):
            self.add(
                "zaken", "zaakbesluiten", f"zaakbesluit:{key}", {"zaak": zaak, "besluit": besluit}
            )
        return besluit

    # -- taken ---------------------------------------------------------------------------

    def taak_objecttype(self) -> str:
        objecttype = self.add(
            "objecten",
            "objecttypes",
            "objecttype:taak",
            {
                "name": "Taak",
                "namePlural": "Taken",
                "description": "Taak voor een inwoner of ondernemer (NL Portal portaaltaak v2)",
                "dataClassification": "intern",
                "maintainerOrganization": "Gemeente Den Haag",
                "maintainerDepartment": "Team MijnDenHaag",
                "contactPerson": "Team MijnDenHaag",
                "contactEmail": "mijndenhaag@denhaag.nl",
                "source": "GZAC",
                "updateFrequency": "real_time",
                "providerOrganization": "Gemeente Den Haag",
                "documentationUrl": "https://github.com/nl-portal/nl-portal-backend-libraries",
                "labels": {},
                "allowGeometry": False,
            },
        )
        self.backend.add(
            "objecten",
            "objecttype-versions",
            {
                "objectType": objecttype,
                "version": 1,
                "status": "published",
                "jsonSchema": TAAK_SCHEMA,
            },
        )
        return objecttype

    def taak(self, key: str, objecttype: str, data: JSON, start: int = -1) -> str:
        body: JSON = {
            "status": "open",
            "eigenaar": "gzac",
            "verwerker_taak_id": stable_uuid(f"verwerker:{key}"),
            **data,
        }
        return self.add(
            "objecten",
            "objects",
            f"taak:{key}",
            {
                "type": objecttype,
                "record": {"typeVersion": 1, "data": body, "startAt": self.day(start)},
            },
        )

    def deadline(self, days: int) -> str:
        return f"{self.day(days)}T23:59:59Z"

    # -- klantinteracties ----------------------------------------------------------------

    def klantcontact(
        self,
        key: str,
        partij: str,
        zaak: str,
        naam: JSON,
        *,
        kanaal: str,
        onderwerp: str,
        inhoud: str,
        offset: int,
    ) -> str:
        klantcontact = self.add(
            "klantinteracties",
            "klantcontacten",
            f"klantcontact:{key}",
            {
                "kanaal": kanaal,
                "onderwerp": onderwerp,
                "inhoud": inhoud,
                "indicatieContactGelukt": True,
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": self.moment(offset, "10:15:00"),
            },
        )
        self.add(
            "klantinteracties",
            "betrokkenen",
            f"betrokkene:{key}",
            {
                "wasPartij": {"url": partij},
                "hadKlantcontact": {"url": klantcontact},
                "rol": "klant",
                "initiator": True,
                "organisatienaam": "",
                "contactnaam": naam,
            },
        )
        self.add(
            "klantinteracties",
            "onderwerpobjecten",
            f"onderwerpobject:{key}",
            {
                "klantcontact": {"url": klantcontact},
                "wasKlantcontact": None,
                "onderwerpobjectidentificator": {
                    "objectId": zaak.rstrip("/").rsplit("/", 1)[-1],
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            },
        )
        return klantcontact

    def contactmoment(self, key: str, zaak: str, *, kanaal: str, tekst: str, offset: int) -> str:
        contactmoment = self.add(
            "contactmomenten",
            "contactmomenten",
            f"contactmoment:{key}",
            {
                "bronorganisatie": DEMO_RSIN,
                "registratiedatum": self.moment(offset, "10:15:00"),
                "kanaal": kanaal,
                "voorkeurskanaal": "e-mail",
                "voorkeurstaal": "nld",
                "tekst": tekst,
                "onderwerpLinks": [],
                "initiatiefnemer": "klant",
                "medewerkerIdentificatie": {
                    "identificatie": "kcc-0042",
                    "achternaam": "de Vries",
                    "voorletters": "M.",
                    "voorvoegselAchternaam": "",
                },
            },
        )
        self.add(
            "contactmomenten",
            "objectcontactmomenten",
            f"objectcontactmoment:{key}",
            {"contactmoment": contactmoment, "object": zaak, "objectType": "zaak"},
        )
        return contactmoment
