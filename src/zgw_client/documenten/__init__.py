"""Documenten API (DRC) models: documents, bestandsdelen, links and gebruiksrechten.

The resources (sync `DocumentenAPI`, async `AsyncDocumentenAPI`, and one class per
collection) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from ._upload import ChunkedUploadError
from .models import (
    RESOURCE_MODELS,
    AuditTrail,
    BestandsDeel,
    BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres,
    CorrespondentiePostadres,
    DocumentStatus,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectExpand,
    Gebruiksrechten,
    GebruiksrechtenExpand,
    Integriteit,
    IntegriteitAlgoritme,
    Lock,
    ObjectInformatieObject,
    ObjectInformatieObjectExpand,
    ObjectInformatieObjectType,
    Ondertekening,
    OndertekeningSoort,
    PostadresType,
    Vertrouwelijkheidaanduiding,
    Verzending,
    VerzendingAardRelatie,
    VerzendingExpand,
)

if TYPE_CHECKING:
    from .._async.documenten import (
        AsyncDocumentenAPI,
        AsyncDownload,
        AsyncEnkelvoudigInformatieObjecten,
        AsyncGebruiksrechtenResource,
        AsyncObjectInformatieObjecten,
        AsyncVerzendingen,
    )
    from .._sync.documenten import (
        DocumentenAPI,
        Download,
        EnkelvoudigInformatieObjecten,
        GebruiksrechtenResource,
        ObjectInformatieObjecten,
        Verzendingen,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncDownload": "zgw_client._async.documenten",
    "AsyncEnkelvoudigInformatieObjecten": "zgw_client._async.documenten",
    "AsyncObjectInformatieObjecten": "zgw_client._async.documenten",
    "AsyncGebruiksrechtenResource": "zgw_client._async.documenten",
    "AsyncVerzendingen": "zgw_client._async.documenten",
    "AsyncDocumentenAPI": "zgw_client._async.documenten",
    "Download": "zgw_client._sync.documenten",
    "EnkelvoudigInformatieObjecten": "zgw_client._sync.documenten",
    "ObjectInformatieObjecten": "zgw_client._sync.documenten",
    "GebruiksrechtenResource": "zgw_client._sync.documenten",
    "Verzendingen": "zgw_client._sync.documenten",
    "DocumentenAPI": "zgw_client._sync.documenten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncDocumentenAPI",
    "AsyncDownload",
    "AsyncEnkelvoudigInformatieObjecten",
    "AsyncGebruiksrechtenResource",
    "AsyncObjectInformatieObjecten",
    "AsyncVerzendingen",
    "AuditTrail",
    "BestandsDeel",
    "BinnenlandsCorrespondentieadres",
    "BuitenlandsCorrespondentieadres",
    "ChunkedUploadError",
    "CorrespondentiePostadres",
    "DocumentStatus",
    "DocumentenAPI",
    "Download",
    "EnkelvoudigInformatieObject",
    "EnkelvoudigInformatieObjectExpand",
    "EnkelvoudigInformatieObjecten",
    "Gebruiksrechten",
    "GebruiksrechtenExpand",
    "GebruiksrechtenResource",
    "Integriteit",
    "IntegriteitAlgoritme",
    "Lock",
    "ObjectInformatieObject",
    "ObjectInformatieObjectExpand",
    "ObjectInformatieObjectType",
    "ObjectInformatieObjecten",
    "Ondertekening",
    "OndertekeningSoort",
    "PostadresType",
    "Vertrouwelijkheidaanduiding",
    "Verzending",
    "VerzendingAardRelatie",
    "VerzendingExpand",
    "Verzendingen",
]
