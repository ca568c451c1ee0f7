"""The page “API-sleutels” under the user's account: make a token (its secret is shown once,
in the answer to the POST, and never stored) and revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..forms import TokenForm
from ..tokens import TokenError, create_token, revoke_token, tokens_of


@never_cache
@login_required
def token_list(request):
    form = TokenForm(request.POST if request.method == "POST" else None)
    new_token = None
    if form.is_valid():
        try:
            new_token = create_token(request.user, **form.cleaned_data)
        except TokenError as exc:
            form.add_error(None, str(exc))
        else:
            form = TokenForm()
    context = {"form": form, "tokens": tokens_of(request.user), "new_token": new_token}
    return render(request, "api/token_list.html", context)


@login_required
@require_POST
def token_revoke(request, token_id):
    token = get_object_or_404(tokens_of(request.user), pk=token_id)
    revoke_token(token)
    messages.success(request, _("De API-sleutel ‘%(name)s’ is ingetrokken.") % {"name": token.name})
    return redirect("api-tokens:token-list")
