from django.contrib import admin

from .models import Action, Conclusion, Cycle, Session


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    fields = ["title", "held_on"]
    show_change_link = True


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "started_on", "closed_on"]
    list_filter = ["coalition"]
    search_fields = ["title", "coalition__name"]
    raw_id_fields = ["coalition", "previous"]
    list_select_related = ["coalition"]
    inlines = [SessionInline]


class ConclusionInline(admin.TabularInline):
    model = Conclusion
    extra = 0
    raw_id_fields = ["indicator"]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fk_name = "session"
    raw_id_fields = ["goal", "activity", "carried_over_from"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "cycle", "held_on"]
    list_filter = ["cycle__coalition"]
    search_fields = ["title", "cycle__title"]
    raw_id_fields = ["cycle", "indicators", "stories"]
    list_select_related = ["cycle"]
    inlines = [ConclusionInline, ActionInline]


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
    list_filter = ["status", "session__cycle__coalition"]
    search_fields = ["what", "who"]
    raw_id_fields = ["session", "goal", "activity", "carried_over_from"]
    list_select_related = ["session"]
