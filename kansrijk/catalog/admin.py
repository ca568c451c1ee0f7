from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import CatalogueLoad, Indicator, Source, Theme
from .own import accept_proposal


class SourceInline(admin.StackedInline):
    model = Source
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["position", "provider", "table", "link", "update_frequency", "how_to_obtain"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name_nl",
        "indicator_set",
        "phase",
        "unit",
        "lowest_level",
        "coalition",
        "proposed_for_catalogue",
    ]
    list_filter = [
        "proposed_for_catalogue",
        ("coalition", admin.EmptyFieldListFilter),
        "indicator_set",
        "phase",
        "unit",
        "lowest_level",
        "themes",
    ]
    list_select_related = ["coalition"]
    search_fields = ["code", "name_nl", "name_en", "definition", "sources__provider"]
    filter_horizontal = ["themes"]
    readonly_fields = ["proposed_at", "origin_coalition", "accepted_at", "created_by"]
    inlines = [SourceInline]
    actions = ["accept_proposals"]

    @admin.action(description=_("Voorstel accepteren: opnemen in de gedeelde catalogus"))
    def accept_proposals(self, request, queryset):
        accepted = 0
        for indicator in queryset.select_related("coalition"):
            try:
                accept_proposal(indicator)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.WARNING)
            else:
                accepted += 1
        if accepted:
            self.message_user(
                request,
                ngettext(
                    "%(count)s indicator opgenomen in de gedeelde catalogus.",
                    "%(count)s indicatoren opgenomen in de gedeelde catalogus.",
                    accepted,
                )
                % {"count": accepted},
                messages.SUCCESS,
            )


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_nl", "name_en"]
    search_fields = ["code", "name_nl", "name_en"]


@admin.register(CatalogueLoad)
class CatalogueLoadAdmin(admin.ModelAdmin):
    list_display = ["version", "loaded_at", "file_name", "created", "updated", "unchanged"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
