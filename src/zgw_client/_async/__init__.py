"""The asynchronous face's I/O shells: the one hand-written source of both faces.

``scripts/unasync.py`` writes every module here into ``../_sync/`` with ``async``/``await``
dropped and ``Async*`` names renamed; CI fails when the two drift apart. Edit these files,
never the generated ones. Import the public names from ``zgw_client`` and its API packages.
"""
