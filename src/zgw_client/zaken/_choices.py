"""The Zaken API's enumerations (open: an unknown value stays a plain string)."""

from __future__ import annotations

from enum import Enum


class Archiefstatus(str, Enum):
    """Where a zaak is in the archiving process."""

    nog_te_archiveren = "nog_te_archiveren"
    gearchiveerd = "gearchiveerd"
    gearchiveerd_procestermijn_onbekend = "gearchiveerd_procestermijn_onbekend"
    overgedragen = "overgedragen"


class Betalingsindicatie(str, Enum):
    """Whether costs of a zaak were paid (``""`` when not applicable or not known)."""

    nvt = "nvt"
    gefactureerd = "gefactureerd"
    gecrediteerd = "gecrediteerd"
    betaald = "betaald"
    nog_niet = "nog_niet"
    gedeeltelijk = "gedeeltelijk"
    geheel = "geheel"


class BetrokkeneType(str, Enum):
    """Kind of party a rol is about; picks the shape of ``betrokkeneIdentificatie``."""

    natuurlijk_persoon = "natuurlijk_persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon"
    vestiging = "vestiging"
    organisatorische_eenheid = "organisatorische_eenheid"
    medewerker = "medewerker"


class IndicatieMachtiging(str, Enum):
    """Whether the betrokkene acts for someone else or authorised someone."""

    gemachtigde = "gemachtigde"
    machtiginggever = "machtiginggever"


class Geslachtsaanduiding(str, Enum):
    """Gender of a natuurlijk persoon (m, v, o)."""

    m = "m"
    v = "v"
    o = "o"


class InnRechtsvorm(str, Enum):
    """Legal form of a niet-natuurlijk persoon."""

    besloten_vennootschap = "besloten_vennootschap"
    cooperatie_europees_economische_samenwerking = "cooperatie_europees_economische_samenwerking"
    europese_cooperatieve_venootschap = "europese_cooperatieve_venootschap"
    europese_naamloze_vennootschap = "europese_naamloze_vennootschap"
    kerkelijke_organisatie = "kerkelijke_organisatie"
    naamloze_vennootschap = "naamloze_vennootschap"
    onderlinge_waarborg_maatschappij = "onderlinge_waarborg_maatschappij"
    overig_privaatrechtelijke_rechtspersoon = "overig_privaatrechtelijke_rechtspersoon"
    stichting = "stichting"
    vereniging = "vereniging"
    vereniging_van_eigenaars = "vereniging_van_eigenaars"
    publiekrechtelijke_rechtspersoon = "publiekrechtelijke_rechtspersoon"
    vennootschap_onder_firma = "vennootschap_onder_firma"
    maatschap = "maatschap"
    rederij = "rederij"
    commanditaire_vennootschap = "commanditaire_vennootschap"
    kapitaalvennootschap_binnen_eer = "kapitaalvennootschap_binnen_eer"
    overige_buitenlandse_rechtspersoon_vennootschap = (
        "overige_buitenlandse_rechtspersoon_vennootschap"
    )
    kapitaalvennootschap_buiten_eer = "kapitaalvennootschap_buiten_eer"


class RelevanteZaakAardRelatie(str, Enum):
    """How a zaak relates to a relevant other zaak."""

    vervolg = "vervolg"
    onderwerp = "onderwerp"
    bijdrage = "bijdrage"
    overig = "overig"


class SubStatusDoelgroep(str, Enum):
    """Who a substatus is meant for: the betrokkenen or internal use only."""

    betrokkenen = "betrokkenen"
    intern = "intern"
