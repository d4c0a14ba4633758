from django.urls import path

from accounts import views

urlpatterns = [
    path("signup", views.signup, name="signup"),
    path("login", views.LoginView.as_view(), name="login"),
    path("logout", views.LogoutView.as_view(), name="logout"),
    path("settings", views.settings_profile, name="settings-profile"),
    path("settings/password", views.PasswordChangeView.as_view(), name="password-change"),
    path("settings/keys", views.settings_keys, name="settings-keys"),
    path("settings/keys/<uuid:key_id>/revoke", views.settings_key_revoke, name="settings-key-revoke"),
    path("settings/providers", views.settings_providers, name="settings-providers"),
    path("settings/providers/<str:provider>", views.settings_provider_set, name="settings-provider-set"),
    path("settings/providers/<str:provider>/remove", views.settings_provider_remove, name="settings-provider-remove"),
]
