"""Partners' registration data: CSV/Excel files (and typed grids) into a coalition's numbers.

Two steps, the same for the upload page, the manual-entry grid and ``kansrijk import
registrations``:

* ``read_registrations(data, file_name, coalition=…, partner=…)`` reads and validates the file
  and answers a ``Preview``: the rows it would write, and every problem with its row and
  column, in Dutch. It writes nothing.
* ``commit_registrations(preview)`` writes a valid preview as one import batch in one
  transaction (the original file kept with it), replacing earlier values of the same
  indicator, area and period and keeping those in the batch's history (see ``history``).

What counts as an error: an unknown area or period, a period in the future, a count that is
negative, not a whole number or not a number at all, a numerator above its denominator, a
percentage above 100, the same area, period and indicator twice. ``x``, ``.``, ``-``, ``<5``
and empty cells are unknown or secret (status "secret"), never zero. Totals and note rows
("Totaal", "Bron: …") are skipped and reported. A value far from the previous periods is a
warning, not an error. The checks live in ``validation``, the result types in ``preview``,
the column roles in ``columns`` and the matching of names in ``matching``.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kansrijk.catalog.models import Unit
from kansrijk.lib.tabular import (
    Limits,
    Table,
    TabularError,
    column_letter,
    normalize_text,
    read_table,
)

from ..importing import save_observations
from ..models import ColumnMapping, ImportBatch, SourceKind, Upload
from . import columns as roles
from .columns import interpret_columns, is_known_label
from .matching import AreaMatcher, IndicatorMatcher, IndicatorRef
from .preview import (  # noqa: F401 - RegistrationRow and the levels are part of this API
    ERROR,
    SKIPPED,
    WARNING,
    Preview,
    Problem,
    RegistrationRejected,
    RegistrationRow,
)
from .validation import compare_with_stored, observed_value, validate_rows

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_ROWS = 200_000
STALE_UPLOAD_HOURS = 24


def upload_limits() -> Limits:
    """The limits for partner files, from the settings."""
    max_bytes = getattr(settings, "KANSRIJK_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    return Limits(
        max_bytes=max_bytes,
        max_rows=getattr(settings, "KANSRIJK_UPLOAD_MAX_ROWS", DEFAULT_MAX_ROWS),
        max_uncompressed_bytes=max(20 * max_bytes, 50 * 1024 * 1024),
    )


# --- reading --------------------------------------------------------------------------------


def read_registrations(
    data: bytes,
    file_name: str,
    *,
    coalition,
    partner=None,
    indicator=None,
    sheet: str | None = None,
    columns: dict[str, str] | None = None,
    today: date | None = None,
    limits: Limits | None = None,
) -> Preview:
    """Read and validate a partner's file for ``coalition``; writes nothing.

    ``indicator`` is the indicator of every value unless the file names indicators itself;
    ``columns`` maps headers (or column letters) to roles and overrides the partner's saved
    mapping and the recognised headers. A file that cannot be read at all gives a preview
    with one error.
    """
    preview = Preview(coalition=coalition, partner=partner, file_name=file_name, data=data)
    if partner is None:
        preview.problems.append(
            Problem(ERROR, "missing-partner", "Kies de partner van wie de cijfers komen.")
        )
    elif partner.coalition_id != coalition.id:
        preview.problems.append(
            Problem(ERROR, "missing-partner", "Deze partner hoort niet bij de coalitie.")
        )
    saved = _saved_mapping(partner)
    try:
        table = _read_table(data, file_name, sheet, saved, limits or upload_limits())
    except TabularError as exc:
        preview.problems.append(Problem(ERROR, "unreadable", str(exc)))
        return preview
    return interpret_and_validate(
        preview,
        table,
        indicators=IndicatorMatcher.for_coalition(coalition),
        areas=AreaMatcher.for_coalition(coalition),
        indicator=indicator,
        columns=columns,
        saved=saved,
        today=today,
    )


def interpret_and_validate(
    preview: Preview,
    table: Table,
    *,
    indicators: IndicatorMatcher,
    areas: AreaMatcher,
    indicator=None,
    columns: dict[str, str] | None = None,
    saved: ColumnMapping | None = None,
    today: date | None = None,
) -> Preview:
    """The steps after reading that every tabular importer shares: find the columns' roles,
    match areas and indicators, validate every row and compare with what is stored."""
    preview.table = table
    preview.indicators = indicators
    preview.areas = areas
    if indicator is not None:
        preview.default_indicator = preview.indicators.get(indicator.id)
        if preview.default_indicator is None:
            preview.problems.append(
                Problem(
                    ERROR,
                    "unknown-indicator",
                    f"Indicator '{indicator.code}' is hier niet beschikbaar.",
                )
            )
            return preview
    chosen = _resolve_chosen(columns or {}, table.headers, preview.problems)
    preview.columns = interpret_columns(
        table.headers,
        chosen=chosen,
        saved=saved.columns if saved else None,
        match_indicator=preview.indicators.match,
        default_measure=_default_measure(preview.default_indicator),
    )
    _check_columns(preview)
    if not preview.file_errors:
        validate_rows(preview, today or timezone.localdate())
        compare_with_stored(preview)
    if not preview.rows and not preview.errors:
        preview.problems.append(
            Problem(ERROR, "no-rows", "Het bestand bevat geen cijfers om in te lezen.")
        )
    return preview
    chosen = _resolve_chosen(columns or {}, table.headers, preview.problems)
    preview.columns = interpret_columns(
        table.headers,
        chosen=chosen,
        saved=saved.columns if saved else None,
        match_indicator=preview.indicators.match,
        default_measure=_default_measure(preview.default_indicator),
    )
    _check_columns(preview)
    if not preview.file_errors:
        validate_rows(preview, today or timezone.localdate())
        compare_with_stored(preview)
    if not preview.rows and not preview.errors:
        preview.problems.append(
            Problem(ERROR, "no-rows", "Het bestand bevat geen cijfers om in te lezen.")
        )
    return preview


def _read_table(data, file_name, sheet, saved, limits) -> Table:
    """The chosen sheet; else the partner's sheet of last time when the file has it; else the
    first visible one."""
    if not sheet and saved is not None and saved.sheet:
        try:
            return read_table(
                data, file_name, sheet=saved.sheet, limits=limits, is_header=is_known_label
            )
        except TabularError as exc:
            if not str(exc).startswith("Werkblad"):
                raise
    return read_table(data, file_name, sheet=sheet, limits=limits, is_header=is_known_label)


def _saved_mapping(partner) -> ColumnMapping | None:
    if partner is None or partner.pk is None:
        return None
    return ColumnMapping.objects.filter(partner=partner).first()


def _default_measure(indicator: IndicatorRef | None) -> str:
    if indicator is not None and indicator.unit != Unit.COUNT:
        return roles.VALUE
    return roles.NUMERATOR


def _resolve_chosen(chosen: dict[str, str], headers: list[str], problems) -> dict[str, str]:
    """Chosen roles by header; a header may also be given as its column letter (``C``)."""
    by_key = {normalize_text(header): header for header in headers}
    letters = {column_letter(i): header for i, header in enumerate(headers)}
    resolved = {}
    for name, role in chosen.items():
        header = by_key.get(normalize_text(name)) or letters.get(name.strip().upper())
        if header is None:
            problems.append(
                Problem(
                    ERROR,
                    "unknown-column",
                    f"Kolom '{name}' staat niet in het bestand. Kolommen: {', '.join(headers)}.",
                )
            )
            continue
        resolved[header] = role
    return resolved


def _check_columns(preview: Preview) -> None:
    """File-level checks on the mapping: every value needs an area, a period and an indicator."""
    cols = preview.columns
    add = preview.problems.append
    hint = "Kies de rol van de kolommen hieronder (of gebruik --columns)."
    if not any(c.role == roles.AREA for c in cols):
        add(Problem(ERROR, "no-area-column", f"Geen kolom met het gebied (wijk) gevonden. {hint}"))
    measures = [c for c in cols if c.is_measure]
    if not measures:
        add(
            Problem(
                ERROR,
                "no-value-column",
                f"Geen kolom met cijfers gevonden (aantal, noemer of waarde). {hint}",
            )
        )
    for role in roles.SINGLE_ROLES:
        same = [c.header for c in cols if c.role == role]
        if len(same) > 1:
            names = " en ".join(f"'{h}'" for h in same)
            add(
                Problem(
                    ERROR,
                    "double-role",
                    f"De kolommen {names} hebben allebei de rol "
                    f"'{roles.ROLE_LABELS[role]}'; kies er één.",
                )
            )
    has_row_period = any(
        c.role in (roles.PERIOD, roles.YEAR, roles.QUARTER, roles.MONTH) for c in cols
    )
    has_row_indicator = any(c.role == roles.INDICATOR for c in cols)
    for column in measures:
        if column.period is None and not has_row_period:
            add(
                Problem(
                    ERROR,
                    "no-period",
                    f"Bij kolom '{column.header}' is geen periode bekend: voeg een kolom met de "
                    "periode toe (jaar, kwartaal of maand) of zet de periode in de kolomnaam.",
                )
            )
            break
    for column in measures:
        if column.indicator is None and not has_row_indicator and preview.default_indicator is None:
            add(
                Problem(
                    ERROR,
                    "no-indicator",
                    f"Bij kolom '{column.header}' is geen indicator bekend: kies een indicator "
                    "(--indicator CODE) of voeg een kolom 'indicator' toe.",
                )
            )
            break


# --- writing --------------------------------------------------------------------------------


def commit_registrations(
    preview: Preview,
    *,
    user=None,
    upload: Upload | None = None,
    kind: str = SourceKind.REGISTRATION,
) -> ImportBatch:
    """Write a valid preview as one batch, in one transaction; RegistrationRejected otherwise.

    The original file is kept with the batch (``upload``, or a new ``Upload``), and the
    columns' roles are remembered for the partner's next file.
    """
    if not preview.is_valid:
        raise RegistrationRejected(preview)
    coalition, partner = preview.coalition, preview.partner
    units = {i.id: i.unit for i in preview.indicators.by_id.values()}
    user = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            kind=kind,
            source_name=partner.name,
            table_or_file=preview.file_name[:300],
            checksum=preview.checksum,
            coalition=coalition,
            partner=partner,
            created_by=user,
            details=preview.details(),
        )
        # RegistrationRow has ObservationRow's attributes (its period already parsed).
        save_observations(batch, preview.rows, units, replace=True)
        batch.details["replaced"] = batch.replaced_versions.count()
        batch.save(update_fields=["details"])
        if upload is None:
            upload = Upload(
                coalition=coalition,
                partner=partner,
                file_name=preview.file_name[:255],
                content=preview.data,
                size=len(preview.data),
                checksum=preview.checksum,
                created_by=user,
                indicator_id=preview.default_indicator.id if preview.default_indicator else None,
                sheet=preview.table.sheet,
            )
        upload.batch = batch
        upload.columns = preview.column_roles()
        upload.save()
        if kind == SourceKind.REGISTRATION:
            remember_mapping(partner, preview)
    return batch


def remember_mapping(partner, preview: Preview) -> None:
    """Keep the columns' roles (and the sheet) for the partner's next file."""
    ColumnMapping.objects.update_or_create(
        partner=partner,
        defaults={
            "columns": {normalize_text(c.header): c.role for c in preview.columns},
            "sheet": preview.table.sheet if preview.table else "",
        },
    )


def import_registrations(
    data: bytes, file_name: str, *, user=None, dry_run: bool = False, **options
) -> tuple[Preview, ImportBatch | None]:
    """Read, and write when the file has no errors (and it is not a dry run)."""
    preview = read_registrations(data, file_name, **options)
    if dry_run or not preview.is_valid:
        return preview, None
    return preview, commit_registrations(preview, user=user)


# --- uploads kept between preview and import ------------------------------------------------


def store_upload(
    data: bytes, file_name: str, *, coalition, partner=None, indicator=None, sheet="", user=None
) -> Upload:
    """Keep an uploaded file until it is imported (or dropped); clears stale uploads."""
    cutoff = timezone.now() - timedelta(hours=STALE_UPLOAD_HOURS)
    Upload.objects.filter(coalition=coalition, batch__isnull=True, created_at__lt=cutoff).delete()
    return Upload.objects.create(
        coalition=coalition,
        partner=partner,
        indicator=indicator,
        sheet=sheet or "",
        file_name=file_name[:255],
        content=data,
        size=len(data),
        checksum=hashlib.sha256(data).hexdigest(),
        created_by=user if user is not None and user.is_authenticated else None,
    )


def read_upload(upload: Upload, *, today: date | None = None) -> Preview:
    """The preview of a kept upload, with the columns the user chose for it."""
    return read_registrations(
        bytes(upload.content),
        upload.file_name,
        coalition=upload.coalition,
        partner=upload.partner,
        indicator=upload.indicator,
        sheet=upload.sheet or None,
        columns=upload.columns or None,
        today=today,
    )


def preview_sample(preview: Preview, limit: int = 25) -> list[dict]:
    """The first rows the import would write, with names, for the preview page."""
    areas = {area.id: area for area in preview.areas.areas} if preview.areas else {}
    sample = []
    for row in preview.rows[:limit]:
        sample.append(
            {
                "row": row.row,
                "area": areas.get(row.area_id),
                "period": row.period.label,
                "indicator": preview.indicators.get(row.indicator_id),
                "numerator": row.numerator,
                "denominator": row.denominator,
                "value": observed_value(preview, row),
                "status": row.status,
            }
        )
    return sample
