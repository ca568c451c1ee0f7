"""Views of the coalitions app, one module per page group.

Every view starts with ``login_required`` and one helper from ``kansrijk.coalitions.access``:
outsiders get a 404, members without the right role a 403.
"""
