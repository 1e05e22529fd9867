from django.urls import include, path

from zgw_client.notifications import django as zgw_notifications

from .receiver import receiver

urlpatterns = [path("notificaties/", include(zgw_notifications.urls(receiver)))]
