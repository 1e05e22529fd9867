"""The Documenten API: upload (small and in bestandsdelen), streamed download, and locking.

Shows ``upload()`` of a small file (one POST, base64) and of a larger one (sent in parts,
with a progress callback), ``download()`` streamed chunk by chunk into a file, and the
``locked()`` context manager around an update. Neither direction holds a file in memory.

Run: ``python examples/documenten.py``. Without ``ZGW_*`` variables it uses the in-memory
demo (parts of 64 KiB); set ``ZGW_DOCUMENTEN_API_ROOT``, ``ZGW_CATALOGI_API_ROOT``,
``ZGW_CLIENT_ID`` and ``ZGW_SECRET`` to run it against your Open Zaak (Open Zaak's own
``DOCUMENTEN_UPLOAD_CHUNK_SIZE`` decides the parts there). It creates two documents and
deletes them again.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from _connect import connect

KIB = 1024


def progress(sent: int, total: int) -> None:
    print(f"    {sent // KIB:>4} of {total // KIB} KiB sent")


def main() -> None:
    with connect(chunk_size=64 * KIB) as client, tempfile.TemporaryDirectory() as tmp:
        documenten = client.documenten.enkelvoudiginformatieobjecten
        iotype = client.catalogi.informatieobjecttypen.list(limit=1).to_list()[0]
        metadata = {
            "bronorganisatie": client.get(iotype.catalogus).rsin,
            "creatiedatum": dt.date.today().isoformat(),
            "titel": "Voorbeeld",
            "auteur": "examples/documenten.py",
            "taal": "dut",
            "informatieobjecttype": iotype.url,
        }
        small = documenten.upload(
            b"Hallo, ZGW!\n", metadata={**metadata, "bestandsnaam": "hallo.txt"}
        )
        print(f"Small upload: {small.bestandsnaam}, {small.bestandsomvang} bytes in one POST")

        large = Path(tmp, "rapport.bin")
        large.write_bytes(bytes(range(256)) * 1000)  # 250 KiB
        print(f"Large upload of {large.name} in bestandsdelen:")
        document = documenten.upload(
            large, metadata=metadata, chunk_threshold=64 * KIB, progress=progress
        )
        print(f"  stored: {document.bestandsomvang} bytes, locked={document.locked}")

        copy = Path(tmp, "download.bin")
        with documenten.download(document) as download, copy.open("wb") as file:
            print(f"Download: {download.filename}, {download.size} bytes, streamed to {copy.name}")
            for chunk in download:
                file.write(chunk)
        print(f"  same content: {copy.read_bytes() == large.read_bytes()}")

        with documenten.locked(document) as lock:
            documenten.partial_update(document, {"titel": "Rapport (bijgewerkt)", "lock": lock})
        updated = documenten.get(document)
        print(
            f"Locked, updated and unlocked: titel={updated.titel!r}, versie {updated.versie}, "
            f"locked={updated.locked}"
        )

        for doc in (small, document):
            documenten.delete(doc)
        print("Both documents deleted again.")


if __name__ == "__main__":
    main()
