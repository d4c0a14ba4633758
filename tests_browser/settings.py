"""The browser tests' server: the project's settings, with static files served straight from the finders
(no collectstatic step before every test session)."""

from qubithub.settings import *  # noqa: F403

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
