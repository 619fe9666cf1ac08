"""What a worker imports to serve: libraries only some deployments or operations need are imported when used.

Each of them costs a worker 5-15 MB for as long as it runs (measured: 149 -> 122 MB for importing the app), and
with a 100,000-organization directory a worker's memory is what limits how many run on a host.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Imported on first use: Redis with REDIS_URL, alembic to migrate, openpyxl for a workbook import, the Gmail API
# client and msal on the first mailbox call.
ON_DEMAND = ("redis", "alembic", "openpyxl", "googleapiclient", "httplib2", "google_auth_httplib2", "msal")


def _modules_after(code: str) -> set[str]:
    env = {**os.environ, "REDIS_URL": "", "MIGRATE_ON_START": "false"}
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_serving_checks_imports_none_of_the_libraries_loaded_on_demand() -> None:
    loaded = _modules_after("import app.main")
    assert "fastapi" in loaded and "ahocorasick" in loaded  # the app itself was imported
    assert loaded.isdisjoint(ON_DEMAND), sorted(loaded.intersection(ON_DEMAND))


def test_the_libraries_loaded_on_demand_load_when_used() -> None:
    code = (
        "import app.main\n"
        "from app.mailbox.graph_auth import _no_token_cache_class\n"
        "from app.db import alembic_config, create_db_engine\n"
        "from app.directory.tables import _xlsx_table\n"
        "from app.main import _shared_redis\n"
        "from app.config import Settings\n"
        "_no_token_cache_class()\n"
        "alembic_config(create_db_engine('sqlite://'))\n"
        "try:\n    _xlsx_table(b'not a workbook')\nexcept Exception:\n    pass\n"
        "_shared_redis(Settings(redis_url='redis://127.0.0.1:6379/0'))\n"
    )
    assert {"msal", "alembic", "openpyxl", "redis"} <= _modules_after(code)
