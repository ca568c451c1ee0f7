"""Views of stories: the coalition's pages (members) and the public form (no login)."""

from .coding import (
    overview,
    quote_delete,
    story_code,
    theme_create,
    theme_delete,
    theme_edit,
    theme_list,
)
from .public import public_form, public_thanks
from .settings import question_create, question_edit, story_settings
from .stories import (
    review_list,
    story_create,
    story_delete,
    story_detail,
    story_details,
    story_export,
    story_list,
    story_review,
)

__all__ = [
    "overview",
    "public_form",
    "public_thanks",
    "question_create",
    "question_edit",
    "quote_delete",
    "review_list",
    "story_code",
    "story_create",
    "story_delete",
    "story_detail",
    "story_details",
    "story_export",
    "story_list",
    "story_review",
    "story_settings",
    "theme_create",
    "theme_delete",
    "theme_edit",
    "theme_list",
]
