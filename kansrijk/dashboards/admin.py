from django.contrib import admin

from .models import DashboardItem, DashboardSettings


@admin.register(DashboardSettings)
class DashboardSettingsAdmin(admin.ModelAdmin):
    list_display = ["coalition", "order", "public_enabled", "updated_at"]
    list_filter = ["public_enabled", "order"]


@admin.register(DashboardItem)
class DashboardItemAdmin(admin.ModelAdmin):
    list_display = ["coalition", "indicator", "audience", "position", "show_wijken"]
    list_filter = ["audience"]
    raw_id_fields = ["indicator"]
