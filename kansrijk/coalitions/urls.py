"""URLs under /coalities/. Every page except the list belongs to one coalition (``slug``)."""

from django.urls import path

from .views import members, overview, partners, plan

app_name = "coalitions"
urlpatterns = [
    path("", overview.coalition_list, name="coalition-list"),
    path("<slug:slug>/", overview.coalition_detail, name="coalition-detail"),
    # The monitoring plan
    path("<slug:slug>/plan/ambities/nieuw/", plan.ambition_create, name="ambition-create"),
    path(
        "<slug:slug>/plan/ambities/<int:ambition_id>/wijzigen/",
        plan.ambition_edit,
        name="ambition-edit",
    ),
    path(
        "<slug:slug>/plan/ambities/<int:ambition_id>/verwijderen/",
        plan.ambition_delete,
        name="ambition-delete",
    ),
    path(
        "<slug:slug>/plan/ambities/<int:ambition_id>/doelen/nieuw/",
        plan.goal_create,
        name="goal-create",
    ),
    path("<slug:slug>/plan/doelen/<int:goal_id>/wijzigen/", plan.goal_edit, name="goal-edit"),
    path(
        "<slug:slug>/plan/doelen/<int:goal_id>/verwijderen/", plan.goal_delete, name="goal-delete"
    ),
    path(
        "<slug:slug>/plan/doelen/<int:goal_id>/activiteiten/nieuw/",
        plan.activity_create,
        name="activity-create",
    ),
    path(
        "<slug:slug>/plan/activiteiten/<int:activity_id>/wijzigen/",
        plan.activity_edit,
        name="activity-edit",
    ),
    path(
        "<slug:slug>/plan/activiteiten/<int:activity_id>/verwijderen/",
        plan.activity_delete,
        name="activity-delete",
    ),
    path(
        "<slug:slug>/plan/doelen/<int:goal_id>/indicatoren/nieuw/",
        plan.goal_indicator_create,
        name="goal-indicator-create",
    ),
    path(
        "<slug:slug>/plan/activiteiten/<int:activity_id>/indicatoren/nieuw/",
        plan.activity_indicator_create,
        name="activity-indicator-create",
    ),
    path(
        "<slug:slug>/plan/indicatoren/<int:link_id>/wijzigen/",
        plan.plan_indicator_edit,
        name="plan-indicator-edit",
    ),
    path(
        "<slug:slug>/plan/indicatoren/<int:link_id>/verwijderen/",
        plan.plan_indicator_delete,
        name="plan-indicator-delete",
    ),
    # Partner organisations and members (coordinators)
    path("<slug:slug>/partners/", partners.partner_list, name="partner-list"),
    path("<slug:slug>/partners/nieuw/", partners.partner_create, name="partner-create"),
    path(
        "<slug:slug>/partners/<int:partner_id>/wijzigen/",
        partners.partner_edit,
        name="partner-edit",
    ),
    path(
        "<slug:slug>/partners/<int:partner_id>/verwijderen/",
        partners.partner_delete,
        name="partner-delete",
    ),
    path("<slug:slug>/leden/", members.member_list, name="member-list"),
    path(
        "<slug:slug>/leden/<int:membership_id>/wijzigen/", members.member_edit, name="member-edit"
    ),
    path(
        "<slug:slug>/leden/<int:membership_id>/verwijderen/",
        members.member_delete,
        name="member-delete",
    ),
]
