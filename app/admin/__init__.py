"""The admin console at /admin: static files built from frontend/admin, and the sign-in settings it needs."""
