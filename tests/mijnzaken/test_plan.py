"""The MijnZaken plan without any I/O: which requests, in which order, unlocked by what."""

from __future__ import annotations

from typing import Any

import pytest

from zgw_client import AccessDeniedError, NotFoundError
from zgw_client.catalogi.models import Statustype, Zaaktype
from zgw_client.mijnzaken import Policy
from zgw_client.mijnzaken._plan import Composition, Services
from zgw_client.mijnzaken._requests import (
    BesluitenOf,
    BesluittypenOf,
    DocumentSearch,
    Fetch,
    OpenTaken,
    RollenOf,
    StatussenOf,
    StatustypenOf,
    SubjectContacts,
    ZaakWith,
    ZakenOf,
)
from zgw_client.mijnzaken._subject import SubjectIdentity
from zgw_client.zaken.models import Rol, Status, Zaak

BSN = "999990111"
Z = "https://oz.test/zaken/api/v1/zaken/"
ZT = "https://oz.test/catalogi/api/v1/zaaktypen/00000000-0000-4000-8000-00000000aaaa"
EIO = "https://oz.test/documenten/api/v1/enkelvoudiginformatieobjecten/"
ST = "https://oz.test/zaken/api/v1/statussen/00000000-0000-4000-8000-0000000000a1"
STT = "https://oz.test/catalogi/api/v1/statustypen/00000000-0000-4000-8000-0000000000b1"
ALL = ["zaken", "catalogi", "documenten", "besluiten", "klantinteracties", "objecten"]


def services(zaken: tuple[str, ...] = ("zaken",), kinds: list[str] = ALL) -> Services:
    return Services(list(zaken), kinds, lambda kind, url: kind if kind in kinds else None)


def raw_zaak(n: int, *, documents: int = 0, status: bool = False) -> dict[str, Any]:
    url = f"{Z}00000000-0000-4000-8000-{n:012d}"
    expand: dict[str, Any] = {}
    if documents:
        expand["zaakinformatieobjecten"] = [
            {
                "url": f"{url}/zio/{d}",
                "informatieobject": f"{EIO}{n:04d}{d:04d}-0000-4000-8000-000000000000",
            }
            for d in range(documents)
        ]
    body: dict[str, Any] = {
        "url": url,
        "uuid": url.rsplit("/", 1)[-1],
        "identificatie": f"ZAAK-{n}",
        "zaaktype": ZT,
        "vertrouwelijkheidaanduiding": "openbaar",
        "_expand": expand,
    }
    if status:
        body["status"] = ST
    return body


def rol(zaak: dict[str, Any], bsn: str = BSN) -> Rol:
    return Rol.model_validate(
        {
            "url": f"https://oz.test/zaken/api/v1/rollen/{bsn}-{zaak['uuid']}",
            "zaak": zaak["url"],
            "roltype": "",
            "betrokkeneType": "natuurlijk_persoon",
            "omschrijvingGeneriek": "initiator",
            "betrokkeneIdentificatie": {"inpBsn": bsn},
        }
    )


ZAAKTYPE = Zaaktype.model_validate({"url": ZT, "indicatieInternOfExtern": "extern"})


def overview(details: bool = False, **kwargs: Any) -> Composition:
    subject = SubjectIdentity(BSN, None, None)
    return Composition.overview(
        subject, Policy(), kwargs.get("services", services()), details=details
    )


def test_the_first_requests_need_nothing_but_the_subject() -> None:
    plan = overview(details=True)
    first = plan.start()
    assert [type(r) for r in first] == [ZakenOf, RollenOf, OpenTaken, SubjectContacts]
    zaken = first[0]
    assert isinstance(zaken, ZakenOf)
    assert dict(zaken.filters)["expand"] == ("status", "resultaat", "zaakinformatieobjecten")
    assert plan.start() == []  # each request is asked for once


def test_the_catalogi_come_with_the_zaken_before_the_rollen() -> None:
    plan = overview()
    zaken, _, _ = plan.start()
    unlocked = plan.settle(zaken, [raw_zaak(1), raw_zaak(2)])
    assert unlocked == [Fetch(ZT, "zaaktype"), StatustypenOf(ZT)]  # one zaaktype, asked once


def test_a_zaak_is_followed_up_only_once_rollen_and_zaaktype_allow_it() -> None:
    plan = overview()
    zaken, rollen, _ = plan.start()
    mine, theirs = raw_zaak(1, status=True), raw_zaak(2, status=True)
    plan.settle(zaken, [mine, theirs])
    assert plan.settle(rollen, [rol(mine), rol(theirs, "999990019")]) == []  # zaaktype pending
    unlocked = plan.settle(Fetch(ZT, "zaaktype"), ZAAKTYPE)
    assert unlocked == [Fetch(ST, "status")]  # only for the subject's own zaak
    assert [z.identificatie for z, _ in plan.visible_zaken()] == ["ZAAK-1"]


def test_an_intern_zaaktype_hides_the_zaak() -> None:
    plan = overview()
    zaken, rollen, _ = plan.start()
    mine = raw_zaak(1, status=True)
    plan.settle(zaken, [mine])
    plan.settle(rollen, [rol(mine)])
    intern = Zaaktype.model_validate({"url": ZT, "indicatieInternOfExtern": "intern"})
    assert plan.settle(Fetch(ZT, "zaaktype"), intern) == []
    assert plan.visible_zaken() == []


def test_documents_of_every_shown_zaak_come_in_one_search_once_all_are_decided() -> None:
    plan = overview(details=True)
    zaken, rollen, *_ = plan.start()
    one, two = raw_zaak(1, documents=2), raw_zaak(2, documents=1)
    plan.settle(zaken, [one, two])
    plan.settle(rollen, [rol(one), rol(two)])
    unlocked = plan.settle(Fetch(ZT, "zaaktype"), ZAAKTYPE)
    searches = [r for r in unlocked if isinstance(r, DocumentSearch)]
    assert len(searches) == 1
    assert len(searches[0].uuids) == 3
    assert sum(isinstance(r, StatussenOf) for r in unlocked) == 2
    assert sum(isinstance(r, BesluitenOf) for r in unlocked) == 2


def test_failing_rollen_hide_every_zaak_of_that_service_and_say_so() -> None:
    plan = overview()
    zaken, rollen, _ = plan.start()
    mine = raw_zaak(1)
    plan.settle(zaken, [mine])
    error = NotFoundError(
        status=404,
        code=None,
        title=None,
        detail=None,
        instance=None,
        invalid_params=[],
        body={},
        response=None,
        method="GET",
        url="x",
    )
    assert plan.settle(rollen, error) == []
    assert plan.visible_zaken() == []
    assert [m.part for m in plan.fetched.missing] == ["zaken (rollen)"]


def test_two_zaken_services_each_get_their_own_lists() -> None:
    plan = overview(services=services(("zaken", "zaken_oost")))
    first = plan.start()
    assert [(type(r).__name__, getattr(r, "service", None)) for r in first[:4]] == [
        ("ZakenOf", "zaken"),
        ("RollenOf", "zaken"),
        ("ZakenOf", "zaken_oost"),
        ("RollenOf", "zaken_oost"),
    ]


def test_what_nothing_provided_is_asked_when_idle_once() -> None:
    plan = overview()
    zaken, rollen, _ = plan.start()
    mine = raw_zaak(1, status=True)
    plan.settle(zaken, [mine])
    plan.settle(rollen, [rol(mine)])
    plan.settle(Fetch(ZT, "zaaktype"), ZAAKTYPE)
    plan.settle(StatustypenOf(ZT), [])  # the status's type is not in the zaaktype's list
    status = Status.model_validate({"url": ST, "statustype": STT, "zaak": mine["url"]})
    assert plan.settle(Fetch(ST, "status"), status) == []
    assert plan.idle() == [Fetch(STT, "statustype")]
    plan.settle(Fetch(STT, "statustype"), Statustype.model_validate({"url": STT}))
    assert plan.idle() == []


def test_the_besluittypen_list_is_skipped_for_a_zaaktype_without_besluiten() -> None:
    plan = overview(details=True)
    zaken, *_ = plan.start()
    assert BesluittypenOf(ZT) in plan.settle(zaken, [raw_zaak(1)])


def test_a_zaak_detail_refuses_a_zaak_the_subject_holds_no_rol_on() -> None:
    zaak_url = raw_zaak(1)["url"]
    subject = SubjectIdentity(BSN, None, None)
    plan = Composition.zaak(zaak_url, subject, Policy(), services(), service="zaken")
    [first] = plan.start()
    assert isinstance(first, ZaakWith)
    someone_else = {
        **raw_zaak(1),
        "_expand": {"rollen": [rol(raw_zaak(1), "999990019").model_dump(by_alias=True)]},
    }
    with pytest.raises(AccessDeniedError):
        plan.settle(first, Zaak.model_validate(someone_else))


def test_a_zaak_that_cannot_be_read_raises_its_own_error() -> None:
    subject = SubjectIdentity(BSN, None, None)
    plan = Composition.zaak(raw_zaak(1)["url"], subject, Policy(), services(), service="zaken")
    [first] = plan.start()
    error = NotFoundError(
        status=404,
        code=None,
        title=None,
        detail=None,
        instance=None,
        invalid_params=[],
        body={},
        response=None,
        method="GET",
        url="x",
    )
    with pytest.raises(NotFoundError):
        plan.settle(first, error)
