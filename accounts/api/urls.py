from django.urls import path

from accounts.api import views

urlpatterns = [
    path("auth/register", views.RegisterView.as_view(), name="api-register"),
    path("auth/login", views.LoginView.as_view(), name="api-login"),
    path("auth/refresh", views.RefreshView.as_view(), name="api-refresh"),
    path("auth/logout", views.LogoutView.as_view(), name="api-logout"),
    path("auth/me", views.MeView.as_view(), name="api-me"),
    path("auth/me/usage", views.MeUsageView.as_view(), name="api-me-usage"),
    path("api-keys", views.ApiKeyListView.as_view(), name="api-keys"),
    path("api-keys/<uuid:key_id>", views.ApiKeyDetailView.as_view(), name="api-key"),
]
