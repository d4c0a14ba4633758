from django.urls import path

from accounts.api import views

urlpatterns = [
    path("auth/register", views.RegisterView.as_view(), name="api-register"),
    path("auth/login", views.LoginView.as_view(), name="api-login"),
    path("auth/refresh", views.RefreshView.as_view(), name="api-refresh"),
    path("auth/logout", views.LogoutView.as_view(), name="api-logout"),
    path("auth/me", views.MeView.as_view(), name="api-me"),
]
