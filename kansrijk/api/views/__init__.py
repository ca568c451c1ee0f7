"""The API's views, one module per part: catalogue, areas, coalitions; ``tokens`` holds the
web pages where people manage their API tokens, ``meta`` the OpenAPI document and its page."""
