"""Public figures for a coalition: where they come from, and bringing them up to date.

Starting an update only queues a background task (coordinators only); the page and its JSON
twin show the progress and the outcome.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansrijk.coalitions.access import (
    get_coalition_for_coordinator,
    get_coalition_for_member,
    role_in,
)
from kansrijk.coalitions.models import Role

from ..models import DataUpdate
from ..provenance import describe_source, public_batches_for
from ..updates import active_update, request_update


def _status(update: DataUpdate | None) -> dict | None:
    if update is None:
        return None
    return {
        "id": update.pk,
        "state": update.state,
        "state_label": update.get_state_display(),
        "active": update.is_active,
        "percent": update.percent,
        "message": update.progress_message,
        "summary": update.summary,
        "warnings": update.warnings,
    }


@login_required
def public_data(request, slug):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    latest = coalition.data_updates.select_related("requested_by").first()
    context = {
        "coalition": coalition,
        "can_update": role_in(request.user, coalition) == Role.COORDINATOR,
        "update": latest,
        "active": active_update(coalition),
        "sources": [(batch, describe_source(batch)) for batch in public_batches_for(coalition)],
    }
    return render(request, "observations/public_data.html", context)


@login_required
@require_POST
def public_data_update(request, slug):
    coalition = get_coalition_for_coordinator(request.user, slug)
    request_update(coalition, request.user)
    messages.success(
        request, _("Het bijwerken is gestart. Dit gebeurt op de achtergrond; u kunt verder werken.")
    )
    return redirect("observations:public-data", slug=coalition.slug)


@login_required
def public_data_status(request, slug, update_id):
    coalition, _can_edit = get_coalition_for_member(request.user, slug)
    update = get_object_or_404(DataUpdate, coalition=coalition, pk=update_id)
    return JsonResponse(_status(update))
