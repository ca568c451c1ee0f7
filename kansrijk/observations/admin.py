from django.contrib import admin

from .models import (
    ColumnMapping,
    DataUpdate,
    ImportBatch,
    Observation,
    ObservationVersion,
    Upload,
)


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "source_name",
        "table_or_file",
        "kind",
        "coalition",
        "row_count",
        "created_at",
        "rolled_back_at",
    ]
    list_filter = ["kind", "coalition"]
    search_fields = ["source_name", "table_or_file", "checksum"]
    raw_id_fields = ["coalition", "partner", "created_by", "rolled_back_by"]
    list_select_related = ["coalition"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at"]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ["indicator", "area", "period", "value", "numerator", "denominator", "status"]
    list_filter = ["indicator", "status", "period_kind", "coalition"]
    search_fields = ["indicator__code", "indicator__name_nl", "area__code", "area__name", "period"]
    raw_id_fields = ["indicator", "area", "batch", "coalition"]
    list_select_related = ["indicator", "area"]
    show_full_result_count = False


class _ReadOnlyAdmin(admin.ModelAdmin):
    """History and files written by the importers: to look at, never to edit by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ObservationVersion)
class ObservationVersionAdmin(_ReadOnlyAdmin):
    list_display = ["indicator", "area", "period", "value", "status", "batch", "replaced_by"]
    list_filter = ["status", "period_kind", "coalition"]
    search_fields = ["indicator__code", "area__code", "period"]
    list_select_related = ["indicator", "area", "batch", "replaced_by"]
    show_full_result_count = False


@admin.register(Upload)
class UploadAdmin(_ReadOnlyAdmin):
    list_display = ["file_name", "coalition", "partner", "size", "created_at", "batch"]
    list_filter = ["coalition"]
    search_fields = ["file_name", "checksum"]
    exclude = ["content"]
    list_select_related = ["coalition", "partner", "batch"]
    date_hierarchy = "created_at"


@admin.register(ColumnMapping)
class ColumnMappingAdmin(admin.ModelAdmin):
    list_display = ["partner", "sheet", "updated_at"]
    search_fields = ["partner__name", "partner__coalition__name"]
    raw_id_fields = ["partner"]
    list_select_related = ["partner"]


@admin.register(DataUpdate)
class DataUpdateAdmin(_ReadOnlyAdmin):
    list_display = ["coalition", "state", "requested_by", "created_at", "finished_at"]
    list_filter = ["state", "coalition"]
    list_select_related = ["coalition", "requested_by"]
    date_hierarchy = "created_at"
