from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .access import coalitions_of, get_coalition_for_member


@login_required
def coalition_list(request):
    return render(
        request, "coalitions/coalition_list.html", {"coalitions": coalitions_of(request.user)}
    )


@login_required
def coalition_detail(request, slug):
    coalition, can_edit = get_coalition_for_member(request.user, slug)
    return render(
        request, "coalitions/coalition_detail.html", {"coalition": coalition, "can_edit": can_edit}
    )
