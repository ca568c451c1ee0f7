"""Personal API tokens: the API has no models of its own apart from these.

Only the sha256 hash of a token's secret is stored; the secret itself is shown once, when the
token is made (``kansrijk.api.tokens.create_token``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=100)
    prefix = models.CharField(
        _("begin van de sleutel"),
        max_length=16,
        help_text=_("De eerste tekens van de sleutel, om haar te herkennen"),
    )
    key_hash = models.CharField(_("controlegetal (sha256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    expires_on = models.DateField(
        _("geldig tot en met"), null=True, blank=True, help_text=_("Leeg = verloopt niet")
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and timezone.localdate() > self.expires_on
