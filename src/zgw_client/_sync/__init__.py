"""The synchronous face, GENERATED from ``../_async/`` by ``scripts/unasync.py``.

Do not edit these files: edit the async source and run the script. Import the public names
from ``zgw_client`` and its API packages.
"""
