"""Database errors never put SQL parameters (attachment names, addresses) into the logs."""

from __future__ import annotations

import logging
import traceback

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.helpers import ADMIN
from tests.tenants.test_failed_request_isolation import POISON, _incident, database_rejects_incidents_named

SECRET_NAME = POISON + "_Confidential_PI_for_SolarTech.pdf"


def _formatted(record: logging.LogRecord) -> str:
    text = record.getMessage()
    if record.exc_info and record.exc_info[1] is not None:
        text += "".join(traceback.format_exception(record.exc_info[1]))
    return text


def test_a_failed_statement_logs_no_parameters(
    app: FastAPI, client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with database_rejects_incidents_named(app, POISON):
        response = client.post("/v1/incidents", json=_incident(SECRET_NAME), headers=ADMIN)
    assert response.status_code >= 500
    logged = "\n".join(_formatted(r) for r in caplog.records)
    assert "IntegrityError" in logged  # the failure itself was logged...
    assert SECRET_NAME not in logged  # ...without the values it carried
    assert "l.gomez@sunpeak.example" not in logged
