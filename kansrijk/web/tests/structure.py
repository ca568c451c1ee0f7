"""A small structural accessibility check of rendered HTML, for tests (no browser needed).

It checks what can go wrong in our templates without a browser noticing: ids are unique,
there is one h1 and heading levels never skip one going down, every visible form control has
a label, every ``aria-describedby`` and ``href="#…"`` points at an element that exists, and
the landmarks are there. Contrast and keyboard use still need a browser and a person.
"""

from html.parser import HTMLParser

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.headings: list[int] = []
        self.controls: list[dict] = []
        self.label_targets: set[str] = set()
        self.references: list[tuple[str, str]] = []
        self.tags: set[str] = set()
        self._open_labels = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "label":
            self._open_labels += 1
            if attrs.get("for"):
                self.label_targets.add(attrs["for"])
        if tag in CONTROLS and attrs.get("type") not in UNLABELLED_INPUTS:
            self.controls.append({**attrs, "_wrapped": self._open_labels > 0, "_tag": tag})
        for target in (attrs.get("aria-describedby") or "").split():
            self.references.append(("aria-describedby", target))
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.references.append(("href", href[1:]))

    def handle_endtag(self, tag):
        if tag == "label":
            self._open_labels -= 1


def structure_problems(html: str) -> list[str]:
    """Every problem found, in words; an empty list means the page passed."""
    page = _Collector()
    page.feed(html)
    problems = []
    duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    if page.headings.count(1) != 1:
        problems.append(f"expected one h1, found {page.headings.count(1)}")
    for previous, level in zip(page.headings, page.headings[1:], strict=False):
        if level > previous + 1:
            problems.append(f"heading level skips from h{previous} to h{level}")
    for control in page.controls:
        labelled = (
            control["_wrapped"]
            or control.get("id") in page.label_targets
            or control.get("aria-label")
            or control.get("aria-labelledby")
        )
        if not labelled:
            problems.append(f"{control['_tag']} {control.get('name')!r} has no label")
    for kind, target in page.references:
        if target not in page.ids:
            problems.append(f"{kind} points at missing id {target!r}")
    for landmark in ("header", "nav", "main", "footer"):
        if landmark not in page.tags:
            problems.append(f"no <{landmark}>")
    return problems
