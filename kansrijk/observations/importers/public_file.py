"""Public figures from downloaded files: regiobeeld.nl, waarstaatjegemeente.nl, Perined.

These sites offer CSV or Excel downloads but no API. The file goes through the same reader,
column recognition and row validation as a partner's registration file (see
``registrations``), with two differences: areas are matched across the whole country and
the figures are public (no coalition), stored as one batch of kind ``public_file`` named
after the source. Accepted layouts are described in docs/public-files.md.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.db import transaction

from kansrijk.lib.tabular import TabularError

from ..importing import save_observations
from ..models import ImportBatch, SourceKind
from .matching import AreaMatcher, IndicatorMatcher
from .preview import ERROR, Preview, Problem, RegistrationRejected
from .registrations import _read_table, interpret_and_validate, upload_limits

KNOWN_SOURCES = ("regiobeeld", "waarstaatjegemeente", "perined")


def read_public_file(
    data: bytes,
    file_name: str,
    *,
    indicator=None,
    sheet: str | None = None,
    columns: dict[str, str] | None = None,
    today: date | None = None,
) -> Preview:
    """Read and validate a downloaded public file; writes nothing."""
    preview = Preview(coalition=None, partner=None, file_name=file_name, data=data)
    try:
        table = _read_table(data, file_name, sheet, None, upload_limits())
    except TabularError as exc:
        preview.problems.append(Problem(ERROR, "unreadable", str(exc)))
        return preview
    return interpret_and_validate(
        preview,
        table,
        indicators=IndicatorMatcher.shared(),
        areas=AreaMatcher.for_public_figures(),
        indicator=indicator,
        columns=columns,
        today=today,
    )


def commit_public_file(preview: Preview, *, source_name: str, user=None) -> ImportBatch:
    """Write a valid preview as one public batch in one transaction."""
    if not preview.is_valid:
        raise RegistrationRejected(preview)
    units = {i.id: i.unit for i in preview.indicators.by_id.values()}
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            kind=SourceKind.PUBLIC_FILE,
            source_name=source_name[:200],
            table_or_file=preview.file_name[:300],
            checksum=hashlib.sha256(preview.data).hexdigest(),
            created_by=user if user is not None and user.is_authenticated else None,
            details=preview.details(),
        )
        save_observations(batch, preview.rows, units, replace=True)
    return batch
