"""A coalition's own data: its import batches, uploading a partner's file (preview, column
mapping, import), manual entry and rolling a batch back.

Access goes through ``kansrijk.coalitions.access``: members read the list; coordinators and
editors upload, type and roll back; outsiders get a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.coalitions.access import get_coalition_for_editor, get_coalition_for_member
from kansrijk.coalitions.models import Membership

from ..forms import GridChoiceForm, MappingForm, UploadForm
from ..history import RollbackError, rollback_batch, rollback_problem
from ..importers.registrations import (
    RegistrationRejected,
    commit_registrations,
    preview_sample,
    read_upload,
    store_upload,
)
from ..manual import build_grid, read_grid
from ..models import ImportBatch, SourceKind, Upload

MAX_SHOWN_PROBLEMS = 500


def _list_url(coalition) -> str:
    return reverse("observations:batch-list", kwargs={"slug": coalition.slug})


def _own_partner(user, coalition):
    membership = Membership.objects.filter(user=user, coalition=coalition).first()
    return membership.partner if membership else None


def _get_batch(coalition, batch_id: int) -> ImportBatch:
    return get_object_or_404(ImportBatch, coalition=coalition, pk=batch_id)


def _get_pending_upload(coalition, upload_id: int) -> Upload:
    return get_object_or_404(
        Upload.objects.select_related("partner", "indicator", "coalition"),
        coalition=coalition,
        pk=upload_id,
        batch__isnull=True,
    )


def _commit(request, preview, **options):
    """Write the preview; None (and a message) when it has errors or another import of the
    same values got there first."""
    try:
        return commit_registrations(preview, user=request.user, **options)
    except RegistrationRejected:
        messages.error(request, _("Er is niets ingelezen: verbeter eerst de fouten."))
    except IntegrityError:
        messages.error(
            request,
            _("Niets ingelezen: tegelijk kwamen dezelfde cijfers binnen. Probeer het opnieuw."),
        )
    return None


@login_required
def batch_list(request, slug):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    batches = coalition.import_batches.select_related(
        "partner", "created_by", "rolled_back_by"
    ).annotate(has_file=Exists(Upload.objects.filter(batch=OuterRef("pk"))))
    context = {"coalition": coalition, "can_edit": can_edit, "batches": batches}
    return render(request, "observations/batch_list.html", context)


@login_required
def upload(request, slug):
    coalition = get_coalition_for_editor(request.user, slug)
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        coalition=coalition,
        initial_partner=_own_partner(request.user, coalition),
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        stored = store_upload(
            data["file"].read(),
            data["file"].name,
            coalition=coalition,
            partner=data["partner"],
            indicator=data["indicator"],
            sheet=data["sheet"],
            user=request.user,
        )
        return redirect("observations:upload-preview", slug=coalition.slug, upload_id=stored.pk)
    return render(request, "observations/upload_form.html", {"coalition": coalition, "form": form})


@login_required
def upload_preview(request, slug, upload_id):
    coalition = get_coalition_for_editor(request.user, slug)
    pending = _get_pending_upload(coalition, upload_id)
    preview = read_upload(pending)
    posted = request.POST if request.method == "POST" and "mapping" in request.POST else None
    table = preview.table
    mapping = MappingForm(
        posted,
        columns=preview.columns,
        sheets=table.sheets if table else (),
        sheet=table.sheet if table else "",
    )
    if posted is not None and mapping.is_valid():
        sheet = mapping.cleaned_data.get("sheet")
        if sheet and sheet != table.sheet:  # another sheet, other columns: start afresh
            pending.sheet, pending.columns = sheet, {}
        else:
            pending.columns = mapping.roles()
        pending.save(update_fields=["columns", "sheet"])
        return redirect("observations:upload-preview", slug=coalition.slug, upload_id=pending.pk)
    importing = request.method == "POST" and "import" in request.POST
    if importing and (batch := _commit(request, preview, upload=pending)) is not None:
        messages.success(
            request,
            _("Import %(id)s: %(summary)s") % {"id": batch.pk, "summary": preview.summary()},
        )
        return redirect(_list_url(coalition))
    context = {
        "coalition": coalition,
        "upload": pending,
        "preview": preview,
        "mapping": mapping,
        "errors": preview.errors[:MAX_SHOWN_PROBLEMS],
        "sample": preview_sample(preview),
    }
    return render(request, "observations/upload_preview.html", context)


@login_required
@require_POST
def upload_discard(request, slug, upload_id):
    coalition = get_coalition_for_editor(request.user, slug)
    _get_pending_upload(coalition, upload_id).delete()
    messages.success(request, _("Het bestand is weggegooid; er is niets ingelezen."))
    return redirect(_list_url(coalition))


@login_required
def batch_rollback(request, slug, batch_id):
    coalition = get_coalition_for_editor(request.user, slug)
    batch = _get_batch(coalition, batch_id)
    problem = rollback_problem(batch)
    if request.method == "POST" and not problem:
        try:
            result = rollback_batch(batch, user=request.user)
        except RollbackError as exc:
            problem = str(exc)
        except IntegrityError:
            problem = _("Er is tegelijk iets anders ingelezen; probeer het opnieuw.")
        else:
            messages.success(request, result.summary())
            return redirect(_list_url(coalition))
    context = {
        "coalition": coalition,
        "batch": batch,
        "problem": problem,
        "restores": batch.replaced_versions.count(),
        "removes": batch.observations.count(),
    }
    return render(request, "observations/batch_rollback.html", context)


@login_required
def batch_file(request, slug, batch_id):
    coalition = get_coalition_for_editor(request.user, slug)
    original = Upload.objects.filter(batch=_get_batch(coalition, batch_id)).first()
    if original is None:
        raise Http404
    response = HttpResponse(bytes(original.content), content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, original.file_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def manual_entry(request, slug):
    coalition = get_coalition_for_editor(request.user, slug)
    choice = GridChoiceForm(
        request.GET or None,
        coalition=coalition,
        initial_partner=_own_partner(request.user, coalition),
    )
    grid, nothing_typed, general_errors, status = None, False, [], 200
    if choice.is_valid():
        chosen = choice.cleaned_data
        today = timezone.localdate()
        grid = build_grid(coalition, chosen["indicator"], chosen["year"], chosen["kind"], today)
        if request.method == "POST" and not grid.is_too_large:
            grid.fill(request.POST)
            preview = read_grid(grid, partner=chosen["partner"], today=today)
            nothing_typed = not grid.lines
            general_errors = [p for p in preview.file_errors if p.code != "no-rows"]
            if preview.is_valid and (batch := _commit(request, preview, kind=SourceKind.MANUAL)):
                messages.success(
                    request,
                    _("Import %(id)s: %(summary)s")
                    % {"id": batch.pk, "summary": preview.summary()},
                )
                return redirect(_list_url(coalition))
            status = 400
    context = {
        "coalition": coalition,
        "choice": choice,
        "grid": grid,
        "nothing_typed": nothing_typed,
        "general_errors": general_errors,
    }
    return render(request, "observations/manual_entry.html", context, status=status)
