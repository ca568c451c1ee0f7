"""Stories in the admin. The original (not de-identified) text is never shown here: only its
collector sees it, in the stories pages."""

from django.contrib import admin

from .models import Quote, Story, StoryTheme


@admin.register(StoryTheme)
class StoryThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "coalition"]
    list_filter = ["coalition"]
    search_fields = ["name", "description"]
    raw_id_fields = ["coalition", "goals", "indicators"]
    list_select_related = ["coalition"]


class QuoteInline(admin.TabularInline):
    model = Quote
    extra = 0


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "coalition", "phase", "consent", "review_status", "told_on"]
    list_filter = ["review_status", "consent", "phase", "coalition"]
    search_fields = ["anonymised_text"]
    exclude = ["original_text"]
    raw_id_fields = [
        "coalition",
        "area",
        "partner",
        "collected_by",
        "themes",
        "goals",
        "indicators",
    ]
    list_select_related = ["coalition"]
    date_hierarchy = "created_at"
    inlines = [QuoteInline]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story"]
    list_filter = ["story__coalition"]
    search_fields = ["text"]
    raw_id_fields = ["story"]
