"""Small helpers the coalition views share: form data, the generic form and confirm pages."""

from django.shortcuts import render

from ..models import Coalition


def form_data(request):
    """The POST data on a POST, otherwise None (an unbound form)."""
    return request.POST if request.method == "POST" else None


def plan_url(coalition: Coalition, anchor: str = "plan") -> str:
    """The overview page, scrolled to the plan or to one item of it (``ambitie-3``, ``doel-7``)."""
    return f"{coalition.get_absolute_url()}#{anchor}"


def render_form(request, coalition, form, *, title, cancel_url, context_line=""):
    return render(
        request,
        "coalitions/item_form.html",
        {
            "coalition": coalition,
            "form": form,
            "title": title,
            "context_line": context_line,
            "cancel_url": cancel_url,
        },
    )


def render_confirm(request, coalition, *, title, question, cancel_url, consequence="", error=""):
    return render(
        request,
        "coalitions/item_confirm_delete.html",
        {
            "coalition": coalition,
            "title": title,
            "question": question,
            "consequence": consequence,
            "cancel_url": cancel_url,
            "error": error,
        },
    )
