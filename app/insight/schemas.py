from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class CodeFigures(BaseModel):
    """How one finding code fared: how often it fired and what the user then did."""

    code: str
    fired: int = 0
    fixed: int = 0
    sent_anyway: int = 0
    dismissed: int = 0
    cancelled: int = 0


class CodeWeek(CodeFigures):
    week: date


class CodeSummary(CodeFigures):
    dismiss_rate: float
    # Users dismiss it most of the time: the rule or the directory needs care.
    mostly_dismissed: bool


class IncidentWeek(BaseModel):
    week: date
    low: int = 0
    medium: int = 0
    high: int = 0
    critical: int = 0


class Insight(BaseModel):
    weeks: list[date]
    checks_per_week: list[int]
    codes: list[CodeSummary]
    series: list[CodeWeek]
    incidents_by_severity: dict[str, int]
    incidents_per_week: list[IncidentWeek]
