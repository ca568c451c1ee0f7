"""GET JSON from a public web service (CBS, PDOK) with time-outs, retries and Dutch errors.

Time-outs, connection errors and 5xx answers are retried with exponential backoff; 4xx
answers and malformed JSON are not. Every error carries a Dutch message that says what
failed and what to do. Tests pass an ``httpx`` transport and never touch the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 1.0
USER_AGENT = "kansrijk (Lerende Lokale Monitor Kansrijke Start)"


class ServiceError(Exception):
    """A request failed; ``str(error)`` is a Dutch message for the user."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class ServiceUnavailable(ServiceError):
    """No answer in time, or a server error, even after the retries."""


class ServiceBadResponse(ServiceError):
    """An answer, but not what the protocol promises (or the query was refused)."""


@dataclass
class JsonHttp:
    service: str = "de dienst"
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    requests_made: int = 0
    _client: httpx.Client | None = field(default=None, repr=False)

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout,
                transport=self.transport,
                headers={"Accept": "application/json", "User-Agent": USER_AGENT},
                follow_redirects=True,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get_json(self, url: str, params: dict[str, str] | None = None) -> Any:
        last_error: ServiceError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                self.requests_made += 1
                response = self.client().get(url, params=params)
            except httpx.TimeoutException:
                last_error = ServiceUnavailable(
                    f"{self.service} antwoordde niet op tijd. Probeer het later opnieuw; "
                    "de gegevens die er al waren blijven staan.",
                    url=url,
                )
                continue
            except httpx.TransportError as exc:
                last_error = ServiceUnavailable(
                    f"Geen verbinding met {self.service} ({exc.__class__.__name__}). "
                    "Controleer de internetverbinding of probeer het later opnieuw.",
                    url=url,
                )
                continue
            if response.status_code >= 500:
                last_error = ServiceUnavailable(
                    f"{self.service} gaf een serverfout (HTTP {response.status_code}). "
                    "Probeer het later opnieuw; de gegevens die er al waren blijven staan.",
                    url=url,
                    status=response.status_code,
                )
                continue
            if response.status_code >= 400:
                raise ServiceBadResponse(
                    f"{self.service} weigerde de vraag (HTTP {response.status_code}): "
                    f"{_error_message(response)}. Controleer de gevraagde tabel of het jaar.",
                    url=url,
                    status=response.status_code,
                )
            return _decode(response, url, self.service)
        assert last_error is not None
        raise last_error


def _error_message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.reason_phrase or "onbekende fout"
    if not isinstance(body, dict):
        return response.reason_phrase or "onbekende fout"
    error = body.get("odata.error") or body.get("error") or {}
    message = error.get("message", "") if isinstance(error, dict) else ""
    if isinstance(message, dict):
        message = message.get("value", "")
    return message or body.get("detail") or response.reason_phrase or "onbekende fout"


def _decode(response: httpx.Response, url: str, service: str) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise ServiceBadResponse(
            f"{service} stuurde een antwoord dat geen geldige JSON is. Probeer het later opnieuw.",
            url=url,
            status=response.status_code,
        ) from exc
