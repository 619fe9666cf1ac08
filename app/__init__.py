"""SendGuard: checks outgoing mail for wrong recipients and helps recover from misdirected sends."""
