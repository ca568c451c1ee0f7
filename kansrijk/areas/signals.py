"""``areas_changed`` is sent after a bulk write of areas, regions or boundaries.

Bulk writes send no ``post_save`` per row; whoever caches figures per area tree (the insight
app) listens to this signal instead.
"""

from django.dispatch import Signal

areas_changed = Signal()
