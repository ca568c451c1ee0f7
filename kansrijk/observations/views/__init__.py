"""Views of a coalition's data: registration uploads and manual entry, and public figures."""

from .public import public_data, public_data_status, public_data_update
from .registrations import (
    batch_file,
    batch_list,
    batch_rollback,
    manual_entry,
    upload,
    upload_discard,
    upload_preview,
)

__all__ = [
    "batch_file",
    "batch_list",
    "batch_rollback",
    "manual_entry",
    "public_data",
    "public_data_status",
    "public_data_update",
    "upload",
    "upload_discard",
    "upload_preview",
]
