"""The Google Workspace add-on for Gmail: HTTP endpoints that take the add-on event and return card JSON."""
