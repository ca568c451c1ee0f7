"""Theme suggestions: the themes of already-coded stories that read like this one.

TF-IDF vectors over the approved anonymised texts of the coalition, cosine similarity, in plain
Python (no model, nothing downloaded). The themes of the most similar coded stories are scored
by their similarity; a theme whose name or description shares words with the story gets a
small extra, so suggestions appear even before much is coded. Suggestions only help a person
code: nothing is coded automatically.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .coding import theme_keywords
from .deidentify import PLACEHOLDERS
from .models import ReviewStatus, Story, StoryTheme

NEIGHBOURS = 5
MIN_SIMILARITY = 0.05
KEYWORD_WEIGHT = 0.15

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_PLACEHOLDER_WORDS = {p.strip("[]").lower() for p in PLACEHOLDERS.values()}
STOPWORDS = (
    frozenset(
        re.findall(
            r"\w+",
            """
    aan achter af al alle alles als altijd andere ben bij daar daarna dan dat de der deze die
    dit doch doen door dus een eens eigen en er ere ge geen geweest had heb hebben heeft hem het
    hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn mn
    moet na naar nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw
    van veel voor want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij
    zijn zo zonder zou heel echt gewoon erg toen weer even niet niets nooit kwam ging gaan kreeg
    hadden waren werden heb had hebt zei zegt zeggen waar wanneer welke zoals omdat dus
    """,
        )
    )
    | _PLACEHOLDER_WORDS
)


@dataclass(frozen=True)
class Suggestion:
    theme: StoryTheme
    score: float
    similar_stories: int  # how many of the nearest coded stories carry the theme


def tokens(text: str) -> list[str]:
    """Lower-case words of three letters or more, without stop words and placeholders."""
    return [w for w in _WORD.findall((text or "").lower()) if w not in STOPWORDS]


def _stem(word: str) -> str:
    """A crude Dutch stem: enough to match 'hulp'/'hulpverlener', 'huis'/'huizen' loosely."""
    return word[:6]


def _idf(documents: int, frequency: int) -> float:
    return math.log((1 + documents) / (1 + frequency)) + 1


def tfidf_vectors(texts: list[list[str]]) -> list[dict[str, float]]:
    """One normalised TF-IDF vector per tokenised text."""
    document_frequency: Counter[str] = Counter()
    for words in texts:
        document_frequency.update({_stem(w) for w in words})
    total = len(texts)
    vectors = []
    for words in texts:
        counts = Counter(_stem(w) for w in words)
        vector = {
            term: (1 + math.log(count)) * _idf(total, document_frequency[term])
            for term, count in counts.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({term: value / norm for term, value in vector.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(term, 0.0) for term, value in a.items())


def suggest_themes(story: Story, *, limit: int = 3) -> list[Suggestion]:
    """Up to ``limit`` themes the story does not have yet, best first."""
    coded = list(
        Story.objects.filter(coalition_id=story.coalition_id, review_status=ReviewStatus.APPROVED)
        .exclude(pk=story.pk)
        .filter(themes__isnull=False)
        .distinct()
        .prefetch_related("themes")
    )
    own_words = tokens(story.anonymised_text)
    vectors = tfidf_vectors([own_words] + [tokens(other.anonymised_text) for other in coded])
    target, others = vectors[0], vectors[1:]
    nearest = sorted(
        ((cosine(target, vector), other) for vector, other in zip(others, coded, strict=True)),
        key=lambda pair: -pair[0],
    )[:NEIGHBOURS]
    scores: dict[int, float] = defaultdict(float)
    supporters: Counter[int] = Counter()
    themes = {theme.pk: theme for theme in StoryTheme.objects.filter(coalition=story.coalition_id)}
    for similarity, other in nearest:
        if similarity < MIN_SIMILARITY:
            continue
        for theme in other.themes.all():
            scores[theme.pk] += similarity
            supporters[theme.pk] += 1
    stems = {_stem(word) for word in own_words}
    for theme in themes.values():
        shared = {_stem(word) for word in theme_keywords(theme)} & stems
        if shared:
            scores[theme.pk] += KEYWORD_WEIGHT * len(shared)
    current = set(story.themes.values_list("pk", flat=True))
    ranked = sorted(
        (
            Suggestion(themes[pk], round(score, 3), supporters[pk])
            for pk, score in scores.items()
            if pk in themes and pk not in current and score > 0
        ),
        key=lambda suggestion: (-suggestion.score, suggestion.theme.name),
    )
    return ranked[:limit]
