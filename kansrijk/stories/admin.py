"""Stories in the admin. The original (not de-identified) text is never shown here: only its
collector sees it, in the stories pages."""

from django.contrib import admin

from .models import Answer, Question, Quote, Story, StorySettings, StoryTheme


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
    raw_id_fields = ["created_by"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    raw_id_fields = ["question"]


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
        "reviewed_by",
        "themes",
        "goals",
        "indicators",
    ]
    readonly_fields = ["reviewed_at"]
    list_select_related = ["coalition"]
    date_hierarchy = "created_at"
    inlines = [QuoteInline, AnswerInline]


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "story"]
    list_filter = ["story__coalition"]
    search_fields = ["text"]
    raw_id_fields = ["story"]


@admin.register(StorySettings)
class StorySettingsAdmin(admin.ModelAdmin):
    list_display = ["coalition", "public_form_open", "retention_days"]
    list_filter = ["public_form_open"]
    raw_id_fields = ["coalition"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "coalition", "position", "is_active"]
    search_fields = ["text"]
    list_filter = ["is_active", "coalition"]
    raw_id_fields = ["coalition"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "score", "story"]
    list_filter = ["question__coalition"]
    raw_id_fields = ["story", "question"]
