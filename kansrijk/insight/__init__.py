"""The indicator engine: values, uncertainty, trends, comparisons, verdicts and small-number
protection for every page, export, report and API (see docs/insight.md)."""
