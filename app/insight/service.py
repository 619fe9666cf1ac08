"""Weekly figures per finding code (fired, fixed, sent anyway, dismissed) and incidents by severity.

A check record holds the codes a check found, the user's outcome and the codes dismissed: a code counts as
dismissed when the user dismissed it, as sent anyway when the mail went out with it otherwise, as fixed or
cancelled with the check's outcome. Weeks start on Monday (UTC).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session

from app.common import as_utc, utcnow
from app.insight import repository
from app.insight.schemas import CodeFigures, CodeSummary, CodeWeek, IncidentWeek, Insight

LEVELS = ("low", "medium", "high", "critical")
# A code needs this many firings before its dismissal rate means something.
MIN_FIRED_FOR_HIGHLIGHT = 5
MOSTLY = 0.5
_OUTCOME_FIELDS = {"fixed": "fixed", "sent_anyway": "sent_anyway", "cancelled": "cancelled"}


def week_of(moment: datetime) -> date:
    day = as_utc(moment).date()
    return day - timedelta(days=day.weekday())


def insight(session: Session, tenant_id: uuid.UUID, weeks: int, now: datetime | None = None) -> Insight:
    first_week = week_of(now or utcnow()) - timedelta(weeks=weeks - 1)
    since = datetime.combine(first_week, time.min).replace(tzinfo=(now or utcnow()).tzinfo)
    week_list = [first_week + timedelta(weeks=i) for i in range(weeks)]
    checks, figures = tally_checks(repository.check_rows(session, tenant_id, since))
    per_week = tally_incidents(repository.incident_rows(session, tenant_id, since))
    totals = _totals(figures.values())
    return Insight(
        weeks=week_list,
        checks_per_week=[checks.get(w, 0) for w in week_list],
        codes=sorted((_summary(f) for f in totals.values()), key=lambda s: (-s.fired, s.code)),
        series=sorted(figures.values(), key=lambda f: (f.week, f.code)),
        incidents_by_severity={level: sum(getattr(w, level) for w in per_week.values()) for level in LEVELS},
        incidents_per_week=[per_week.get(w) or IncidentWeek(week=w) for w in week_list],
    )


def tally_checks(rows: Iterable[tuple[Any, ...]]) -> tuple[Counter[date], dict[tuple[date, str], CodeWeek]]:
    checks: Counter[date] = Counter()
    figures: dict[tuple[date, str], CodeWeek] = {}
    for created_at, codes, outcome, dismissed in rows:
        week = week_of(created_at)
        checks[week] += 1
        for code in dict.fromkeys(codes or ()):
            entry = figures.setdefault((week, code), CodeWeek(week=week, code=code))
            entry.fired += 1
            if code in (dismissed or ()):
                entry.dismissed += 1
            elif outcome in _OUTCOME_FIELDS:
                field = _OUTCOME_FIELDS[outcome]
                setattr(entry, field, getattr(entry, field) + 1)
    return checks, figures


def tally_incidents(rows: Iterable[tuple[datetime, str]]) -> dict[date, IncidentWeek]:
    weeks: dict[date, IncidentWeek] = {}
    for created_at, level in rows:
        if level in LEVELS:
            entry = weeks.setdefault(week_of(created_at), IncidentWeek(week=week_of(created_at)))
            setattr(entry, level, getattr(entry, level) + 1)
    return weeks


def _totals(weeks: Iterable[CodeWeek]) -> dict[str, CodeFigures]:
    totals: dict[str, CodeFigures] = {}
    for week in weeks:
        total = totals.setdefault(week.code, CodeFigures(code=week.code))
        for field in ("fired", "fixed", "sent_anyway", "dismissed", "cancelled"):
            setattr(total, field, getattr(total, field) + getattr(week, field))
    return totals


def _summary(figures: CodeFigures) -> CodeSummary:
    rate = figures.dismissed / figures.fired if figures.fired else 0.0
    return CodeSummary(
        **figures.model_dump(),
        dismiss_rate=round(rate, 3),
        mostly_dismissed=figures.fired >= MIN_FIRED_FOR_HIGHLIGHT and rate > MOSTLY,
    )
