"""Settings from environment variables (see DESIGN.md)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

AuthMode = Literal["dev", "entra", "google"]
MailboxProviderName = Literal["fake", "graph", "gmail"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///./data/sendguard.db"
    # Built directory indexes of large tenants, shared by the workers of one host (see app/checks/index_store.py).
    index_dir: str = "./data/indexes"
    # PostgreSQL: how long to wait for a connection, for a statement (the server cancels it; the service
    # gives up on a silent connection half a second later) and for a free pooled connection. Together
    # they keep a database that stops answering to a 503 within 5 s (see app/db_timeouts.py).
    db_connect_timeout_seconds: float = Field(default=2.0, ge=1, le=60)
    db_statement_timeout_seconds: float = Field(default=1.5, gt=0, le=600)
    db_pool_timeout_seconds: float = Field(default=1.0, gt=0, le=60)
    # Production must choose a real sign-in; `make run` and the tests set AUTH_MODE=dev explicitly.
    auth_mode: AuthMode = "entra"
    mailbox_provider: MailboxProviderName = "fake"
    migrate_on_start: bool = True
    log_level: str = "INFO"
    default_locale: str = "en"
    # Responses per keep-alive connection before the service asks the client to reconnect, so that a few busy
    # connections spread over the workers (app/connections.py); 0 keeps connections open for good.
    connection_max_requests: int = Field(default=100, ge=0)

    # Limits (bytes unless named otherwise)
    max_request_bytes: int = Field(default=40 * 1024 * 1024, ge=1024)
    max_body_chars: int = Field(default=5_000_000, ge=1000)
    max_attachment_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    max_check_attachment_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    max_extracted_chars: int = Field(default=1_000_000, ge=1000)
    # Time for all attachment text of one check (and for any one file), read by worker processes that are killed
    # when it runs out or when they need more memory than EXTRACTION_MEMORY_MB.
    extraction_seconds: float = Field(default=2.0, gt=0)
    extraction_workers: int = Field(default=2, ge=1, le=64)
    extraction_memory_mb: int = Field(default=512, ge=64)
    # Check records are written in batches this often (0: with each check, in its transaction).
    check_record_batch_seconds: float = Field(default=0.2, ge=0, le=10)
    rate_limit_checks_per_minute: int = Field(default=300, ge=1)
    rate_limit_scans_per_minute: int = Field(default=60, ge=1)
    # Check records and incidents older than this are deleted by the retention purge.
    retention_days: int = Field(default=180, ge=1)
    max_csv_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    max_csv_rows: int = Field(default=100_000, ge=1)

    # Where this service is reachable from clients (add-in files, Gmail add-on endpoint audiences).
    public_base_url: str = "http://127.0.0.1:8000"
    # The address uvicorn binds (uvicorn reads the same variable when --host is not given).
    uvicorn_host: str = "127.0.0.1"
    # AUTH_MODE=dev refuses to start, and refuses requests, on non-loopback addresses unless this is true.
    allow_dev_auth_on_network: bool = False
    # Whether a sign-in from an unknown organization creates its tenant. Unset: open in dev mode, closed
    # otherwise (an administrator creates the tenant first: `python -m app.cli create-tenant ...`).
    tenant_signup: Literal["open", "closed"] | None = None
    # /metrics outside dev mode: from this machine, or with `Authorization: Bearer <METRICS_TOKEN>`.
    metrics_token: SecretStr = SecretStr("")

    # Microsoft Entra (AUTH_MODE=entra) and Graph
    entra_client_id: str = ""
    entra_client_secret: SecretStr = SecretStr("")
    entra_scope: str = "access_as_user"
    # Empty: any Entra tenant may sign in (multi-tenant app); otherwise only these tenant ids.
    entra_allowed_tenants: list[str] = Field(default_factory=list)
    entra_authority_host: str = "https://login.microsoftonline.com"
    entra_jwks_uri: str = "https://login.microsoftonline.com/common/discovery/v2.0/keys"
    graph_base_url: str = "https://graph.microsoft.com/v1.0"
    graph_beta_url: str = "https://graph.microsoft.com/beta"
    graph_timeout_seconds: float = Field(default=10.0, gt=0)
    graph_max_retries: int = Field(default=3, ge=0, le=10)
    graph_recall_enabled: bool = False

    # Google (AUTH_MODE=google and the Gmail add-on)
    google_client_id: str = ""
    gmail_addon_service_account: str = ""
    # AUTH_MODE=google gives no roles: these addresses are administrators, when signed in with a Workspace
    # account whose verified `hd` is the address's own domain.
    google_admin_emails: list[str] = Field(default_factory=list)
    # A Google account without a Workspace (`hd`) claim: a tenant of its own, or refused.
    google_consumer_accounts: Literal["personal", "refuse"] = "personal"
    google_certs_url: str = "https://www.googleapis.com/oauth2/v1/certs"
    gmail_api_base_url: str = "https://gmail.googleapis.com/"
    gmail_timeout_seconds: float = Field(default=10.0, gt=0)
    # Gmail background work (scheduled sends, the safety delay): a service account with domain-wide delegation.
    # Its JSON key, inline or as a file path; without one, Gmail has no background access.
    gmail_delegation_key: SecretStr = SecretStr("")
    gmail_delegation_key_file: str = ""

    # Scheduled (delayed) sends
    scheduler_enabled: bool = True
    scheduler_poll_seconds: float = Field(default=1.0, gt=0)
    scheduled_send_deadline_minutes: int = Field(default=30, ge=1)
    scheduled_send_max_attempts: int = Field(default=8, ge=1)
    # A send whose outcome is unknown (the provider did not answer in time) is looked for in Sent Items after this
    # long, before any retry: longer than the provider may take to finish a send it has taken.
    scheduled_send_settle_seconds: float = Field(default=120, gt=0)

    # The sent-mail watch (`python -m app.watch`): how often each user's Sent Items is read, how long a watcher's
    # lease on a user lasts (another watcher takes over after it), and how far back mail is read again by date
    # after a history gap. WATCH_LINK_SECRET signs the recovery links in reports (derived from the deployment's
    # other secrets when empty).
    watch_poll_seconds: float = Field(default=20.0, gt=0)
    watch_lease_seconds: float = Field(default=60.0, gt=0)
    watch_lookback_minutes: int = Field(default=60, ge=1)
    watch_link_secret: SecretStr = SecretStr("")

    # Shared state for several replicas (rate limits, change notices); empty: each process on its own.
    redis_url: str = ""
    # Prefix of every Redis key and channel, so several deployments (or test runs) can share one server.
    redis_prefix: str = "sendguard:"

    # Origins allowed to call the API from a browser (the add-in's own origin)
    cors_origins: list[str] = Field(default_factory=list)

    @property
    def tenant_signup_open(self) -> bool:
        return (self.tenant_signup or ("open" if self.auth_mode == "dev" else "closed")) == "open"


@lru_cache
def get_settings() -> Settings:
    return Settings()
