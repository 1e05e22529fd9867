from django.urls import include, path

from zgw_client.notifications import django as zgw_notifications

from . import views
from .notifications import receiver

urlpatterns = [
    path("", views.mijn_zaken, name="mijn-zaken"),
    path("inloggen/", views.demo_login, name="login"),
    path("notificaties/", include(zgw_notifications.urls(receiver))),
]
