"""Story text never goes into logs: not from the public form, the staff pages, the import, the
commands, nor from a request that fails."""

import io
import logging
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from kansrijk.stories.models import Story

CANARY = "Kanarie-Zwaluwstaart-7319"


@pytest.fixture
def every_log(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def _logged(caplog) -> str:
    return "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)


def test_the_public_form_logs_no_story_text(client, open_form, every_log):
    url = reverse("tell:form", kwargs={"slug": open_form.coalition.slug})
    client.post(url, {"text": f"Mijn verhaal {CANARY}.", "phase": "birth", "consent": "internal",
                      "agree": "on"})  # fmt: skip
    client.post(url, {"text": f"Zonder toestemming {CANARY}.", "phase": "birth"})
    assert Story.objects.count() == 1
    assert CANARY not in _logged(every_log)


def test_entering_and_reviewing_logs_no_story_text(client, editor, coalition, every_log):
    client.force_login(editor)
    client.post(
        reverse("stories:story-create", kwargs={"slug": coalition.slug}),
        {"text": f"Verhaal {CANARY}", "phase": "birth", "method": "interview", "language": "nl",
         "consent": "internal"},
    )  # fmt: skip
    story = Story.objects.get()
    client.post(
        reverse("stories:story-review", kwargs={"slug": coalition.slug, "story_id": story.pk}),
        {"anonymised_text": f"Verhaal {CANARY} 06-12345678", "action": "approve"},
    )
    assert CANARY not in _logged(every_log)


def test_the_import_and_the_commands_log_no_story_text(coalition, tmp_path, every_log):
    path = Path(tmp_path) / "verhalen.csv"
    path.write_text(f"tekst;fase;toestemming\nVerhaal {CANARY};bevalling;intern\n;x;\n")
    with pytest.raises(Exception):  # noqa: B017 - the second row is rejected
        call_command("import", "stories", str(path), "--coalition", coalition.slug,
                     stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    path.write_text(f"tekst;fase;toestemming\nVerhaal {CANARY};bevalling;intern\n")
    call_command("import", "stories", str(path), "--coalition", coalition.slug,
                 stdout=io.StringIO())  # fmt: skip
    call_command("stories", "approve", "--coalition", coalition.slug, "--all",
                 stdout=io.StringIO())  # fmt: skip
    Story.objects.update(retain_until="2000-01-01")
    call_command("stories", "purge", stdout=io.StringIO())
    assert CANARY not in _logged(every_log)


def test_a_failing_request_reports_neither_the_posted_story_nor_the_views_variables(
    client, editor, coalition, monkeypatch
):
    from kansrijk.stories.views import stories as views

    def broken(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(views, "collect_story", broken)
    client.force_login(editor)
    client.raise_request_exception = False
    with override_settings(DEBUG=False):
        response = client.post(
            reverse("stories:story-create", kwargs={"slug": coalition.slug}),
            {"text": f"Verhaal {CANARY}", "phase": "birth", "method": "interview",
             "language": "nl", "consent": "internal"},
        )  # fmt: skip
    assert response.status_code == 500
    request = response.wsgi_request
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert CANARY not in str(dict(cleaned))
