from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Lists and revokes (deletes) tokens; making one is done by the user or the command,
    because only they can show the secret."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "expires_on"]
    list_filter = ["expires_on"]
    search_fields = ["name", "user__username", "user__email", "prefix"]
    readonly_fields = ["user", "prefix", "key_hash", "created_at", "last_used_at"]
    fields = ["name", "user", "prefix", "key_hash", "created_at", "last_used_at", "expires_on"]

    def has_add_permission(self, request):
        return False
