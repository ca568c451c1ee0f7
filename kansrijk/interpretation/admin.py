from django.contrib import admin

from .models import Action, Conclusion, Cycle, Participant, Session, SessionNote


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["title", "held_on"]
    show_change_link = True


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "started_on", "closed_on"]
    fields = [
        "coalition",
        "title",
        "started_on",
        "closed_on",
        "previous",
        "data_note",
        "data_version",
        "plan_changes",
    ]
    readonly_fields = ["data_version"]
    list_filter = ["coalition"]
    search_fields = ["title", "coalition__name"]
    raw_id_fields = ["coalition", "previous"]
    list_select_related = ["coalition"]
    inlines = [SessionInline]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0


class SessionNoteInline(admin.TabularInline):
    model = SessionNote
    extra = 0
    fields = ["kind", "indicator", "question", "text"]
    raw_id_fields = ["indicator"]


class ConclusionInline(admin.TabularInline):
    model = Conclusion
    extra = 0
    raw_id_fields = ["indicator", "goal"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fk_name = "session"
    fields = ["what", "who", "due_on", "status", "goal", "activity"]
    raw_id_fields = ["goal", "activity"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "cycle", "held_on"]
    list_filter = ["cycle__coalition"]
    search_fields = ["title", "cycle__title"]
    raw_id_fields = ["cycle", "indicators", "stories", "goal"]
    readonly_fields = ["snapshot", "prepared_at"]
    list_select_related = ["cycle"]
    inlines = [ParticipantInline, SessionNoteInline, ConclusionInline, ActionInline]

    def save_formset(self, request, form, formset, change):
        """An action added to a session belongs to the session's cycle."""
        if formset.model is Action:
            for action in formset.save(commit=False):
                action.cycle_id = form.instance.cycle_id
                action.save()
            for action in formset.deleted_objects:
                action.delete()
            formset.save_m2m()
            return
        super().save_formset(request, form, formset, change)


@admin.register(Conclusion)
class ConclusionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "session", "indicator"]
    list_filter = ["session__cycle__coalition"]
    search_fields = ["text"]
    raw_id_fields = ["session", "indicator"]
    list_select_related = ["session", "indicator"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "who", "due_on", "status", "session"]
    list_filter = ["status", "cycle__coalition"]
    search_fields = ["what", "who"]
    raw_id_fields = ["cycle", "session", "goal", "activity", "carried_over_from"]
    list_select_related = ["session"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["session", "role", "count", "names"]
    list_filter = ["role"]
    search_fields = ["names", "session__title"]
    list_select_related = ["session"]


@admin.register(SessionNote)
class SessionNoteAdmin(admin.ModelAdmin):
    list_display = ["session", "kind", "indicator", "question"]
    list_filter = ["kind"]
    search_fields = ["text", "question", "session__title"]
    raw_id_fields = ["indicator"]
    list_select_related = ["session", "indicator"]
