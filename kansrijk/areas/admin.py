from django.contrib import admin

from .models import Area, Geometry, RegionMember, Succession


class GeometryInline(admin.TabularInline):
    model = Geometry
    extra = 0
    fields = ["year", "source"]
    readonly_fields = ["year", "source"]
    show_change_link = True
    can_delete = False


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "valid_from", "valid_to", "is_fictitious"]
    list_filter = ["level", "is_fictitious", "valid_to"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [GeometryInline]


@admin.register(Geometry)
class GeometryAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "source"]
    list_filter = ["year"]
    search_fields = ["area__code", "area__name"]
    raw_id_fields = ["area"]
    list_select_related = ["area"]


@admin.register(RegionMember)
class RegionMemberAdmin(admin.ModelAdmin):
    list_display = ["region", "member"]
    list_filter = ["region__level"]
    search_fields = ["region__code", "region__name", "member__code", "member__name"]
    raw_id_fields = ["region", "member"]
    list_select_related = ["region", "member"]


@admin.register(Succession)
class SuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "year"]
    list_filter = ["year"]
    search_fields = ["predecessor__code", "predecessor__name", "successor__code", "successor__name"]
    raw_id_fields = ["predecessor", "successor"]
    list_select_related = ["predecessor", "successor"]
