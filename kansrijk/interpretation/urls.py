"""URLs under /coalities/<slug>/monitorrondes/: the cycles of one coalition, their sessions,
and what the sessions recorded. Members read; coordinators and editors write."""

from django.urls import path

from .views import cycles, records, sessions

app_name = "interpretation"
urlpatterns = [
    path("", cycles.cycle_list, name="cycle-list"),
    path("nieuw/", cycles.cycle_create, name="cycle-create"),
    path("<int:cycle_id>/", cycles.cycle_detail, name="cycle-detail"),
    path("<int:cycle_id>/wijzigen/", cycles.cycle_edit, name="cycle-edit"),
    path("<int:cycle_id>/afsluiten/", cycles.cycle_close, name="cycle-close"),
    path("<int:cycle_id>/sessies/nieuw/", sessions.session_create, name="session-create"),
    path("sessies/<int:session_id>/", sessions.session_detail, name="session-detail"),
    path("sessies/<int:session_id>/wijzigen/", sessions.session_edit, name="session-edit"),
    path("sessies/<int:session_id>/verwijderen/", sessions.session_delete, name="session-delete"),
    path("sessies/<int:session_id>/vastleggen/", records.session_record, name="session-record"),
    path("aantekeningen/<int:note_id>/verwijderen/", records.note_delete, name="note-delete"),
    path(
        "conclusies/<int:conclusion_id>/wijzigen/",
        records.conclusion_edit,
        name="conclusion-edit",
    ),
    path(
        "conclusies/<int:conclusion_id>/verwijderen/",
        records.conclusion_delete,
        name="conclusion-delete",
    ),
    path("acties/", records.action_list, name="action-list"),
    path("acties/<int:action_id>/wijzigen/", records.action_edit, name="action-edit"),
    path("acties/<int:action_id>/verwijderen/", records.action_delete, name="action-delete"),
]
