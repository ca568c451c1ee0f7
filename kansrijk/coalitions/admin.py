from django.contrib import admin

from .models import Activity, Ambition, Coalition, Goal, Membership, Partner, PlanIndicator


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the partners of the coalition being edited (none on the add page).
        if db_field.name == "partner":
            coalition_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Partner.objects.filter(coalition_id=coalition_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AmbitionInline(admin.TabularInline):
    model = Ambition
    extra = 0
    fields = ["title", "position"]
    show_change_link = True


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "contact_email", "is_fictitious", "created_at"]
    list_filter = ["is_fictitious"]
    search_fields = ["name", "slug", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["areas"]
    inlines = [PartnerInline, MembershipInline, AmbitionInline]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "coalition"]
    list_filter = ["domain", "coalition"]
    search_fields = ["name", "coalition__name"]
    list_select_related = ["coalition"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "coalition", "role", "partner"]
    list_filter = ["role", "coalition"]
    search_fields = ["user__username", "user__email", "coalition__name"]
    raw_id_fields = ["user", "coalition", "partner"]
    list_select_related = ["user", "coalition", "partner"]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["title", "position"]
    show_change_link = True


@admin.register(Ambition)
class AmbitionAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "position"]
    list_filter = ["coalition"]
    search_fields = ["title", "description", "coalition__name"]
    list_select_related = ["coalition"]
    inlines = [GoalInline]


class GoalIndicatorInline(admin.TabularInline):
    model = PlanIndicator
    fk_name = "goal"
    extra = 0
    raw_id_fields = ["indicator"]
    exclude = ["activity"]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ["title", "position"]
    show_change_link = True


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "ambition", "position"]
    list_filter = ["ambition__coalition"]
    search_fields = ["title", "description", "ambition__title"]
    raw_id_fields = ["ambition"]
    list_select_related = ["ambition"]
    inlines = [GoalIndicatorInline, ActivityInline]


class ActivityIndicatorInline(admin.TabularInline):
    model = PlanIndicator
    fk_name = "activity"
    extra = 0
    raw_id_fields = ["indicator"]
    exclude = ["goal"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "goal", "position"]
    list_filter = ["goal__ambition__coalition"]
    search_fields = ["title", "description", "goal__title"]
    raw_id_fields = ["goal", "partners"]
    list_select_related = ["goal"]
    inlines = [ActivityIndicatorInline]


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(admin.ModelAdmin):
    list_display = ["indicator", "goal", "activity", "baseline_year", "target_year", "direction"]
    list_filter = ["direction", "goal__ambition__coalition"]
    search_fields = ["indicator__code", "indicator__name_nl", "goal__title", "activity__title"]
    raw_id_fields = ["goal", "activity", "indicator"]
    list_select_related = ["indicator", "goal", "activity"]
