"""What an import of a partner's file would do: the rows it would write and its problems.

``Preview`` is what ``read_registrations`` answers and ``commit_registrations`` writes; every
``Problem`` names its row (as the user sees it) and column, in Dutch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from kansrijk.lib.periods import Period
from kansrijk.lib.tabular import Table

from ..importing import ObservationRow
from ..models import Status
from .columns import Column
from .matching import AreaMatcher, IndicatorMatcher, IndicatorRef

ERROR, WARNING, SKIPPED = "error", "warning", "skipped"


class RegistrationRejected(ValueError):
    """A preview with errors was offered for import; nothing was written."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(f"Niets ingelezen: {len(preview.errors)} fout(en).")


@dataclass(frozen=True)
class Problem:
    level: str
    code: str
    message: str
    row: int | None = None
    column: str | None = None
    value: str = ""  # the cell text the problem is about, where that helps (unknown areas)

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(slots=True)
class RegistrationRow:
    row: int
    indicator_id: int
    area_id: int
    period: Period
    numerator: float | None
    denominator: float | None
    value: float | None
    status: str


@dataclass
class Preview:
    """What an import would do: the rows it would write and what is wrong with the file."""

    coalition: object
    partner: object | None
    file_name: str
    data: bytes
    table: Table | None = None
    columns: list[Column] = field(default_factory=list)
    rows: list[RegistrationRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    indicators: IndicatorMatcher | None = None
    areas: AreaMatcher | None = None
    default_indicator: IndicatorRef | None = None
    decimal_comma: bool | None = None
    replaced: int = 0
    data_rows: int = 0

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.level == SKIPPED]

    @property
    def file_errors(self) -> list[Problem]:
        return [p for p in self.errors if p.row is None]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.errors

    @property
    def layout(self) -> str:
        return "breed" if any(c.is_wide for c in self.columns) else "lang"

    @property
    def secret_count(self) -> int:
        return sum(1 for row in self.rows if row.status == Status.SECRET)

    @property
    def unmatched_areas(self) -> list[str]:
        names = {p.value for p in self.errors if p.code == "unknown-area"}
        return sorted(names, key=str.lower)

    def column_roles(self) -> dict[str, str]:
        """The mapping to remember: header → role, for every column."""
        return {column.header: column.role for column in self.columns}

    def summary(self) -> str:
        """One Dutch line on what the import would do or did."""
        if self.errors:
            return (
                f"Niets ingelezen: {len(self.errors)} fout(en) in {self.file_name}. "
                "Verbeter het bestand en probeer het opnieuw."
            )
        parts = [f"{len(self.rows)} waarden"]
        if self.replaced:
            parts.append(f"waarvan {self.replaced} vervangen")
        if self.secret_count:
            parts.append(f"{self.secret_count} onbekend of geheim")
        if self.skipped:
            parts.append(f"{len(self.skipped)} rij(en) overgeslagen")
        if self.warnings:
            parts.append(f"{len(self.warnings)} waarschuwing(en)")
        return ", ".join(parts) + "."

    def details(self) -> dict:
        """What the batch remembers about the reading, for provenance and the batch list."""
        periods = sorted({row.period for row in self.rows})
        return {
            "file": self.file_name,
            "reading": self.table.describe() if self.table else "",
            "sheet": self.table.sheet if self.table else "",
            "layout": self.layout,
            "columns": self.column_roles(),
            "indicators": sorted({self.indicators.get(row.indicator_id).code for row in self.rows})
            if self.indicators
            else [],
            "periods": [periods[0].label, periods[-1].label] if periods else [],
            "rows_read": self.data_rows,
            "written": len(self.rows),
            "secret": self.secret_count,
            "skipped": len(self.skipped),
            "warnings": len(self.warnings),
        }

    def observation_rows(self) -> list[ObservationRow]:
        return [
            ObservationRow(
                indicator_id=row.indicator_id,
                area_id=row.area_id,
                period=row.period.label,
                numerator=row.numerator,
                denominator=row.denominator,
                value=row.value,
                status=row.status,
            )
            for row in self.rows
        ]
