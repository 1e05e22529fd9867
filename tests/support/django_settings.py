"""Django settings for the test session, configured once: Django takes one settings object
per process, so the test modules that use Django (the notifications adapters, the
integration) share this one and put their own URLs in with ``override_settings``."""

from __future__ import annotations


def configure_django() -> None:
    """Configure Django for the tests, unless it is configured already."""
    import django
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(
        DEBUG=False,
        SECRET_KEY="tests-only-not-secret",
        ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost"],
        ROOT_URLCONF="tests.integration.django_urls",
        MIDDLEWARE=[
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
        ],
        INSTALLED_APPS=["zgw_client.django"],
        DATABASES={},
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        },
        USE_TZ=True,
        ZGW=None,
    )
    django.setup()
