"""Server time of a coalition's dashboard and of the national figures API, on the dataset
``bench/dataset.py`` built.

``bench_dashboard()``: the professionals' dashboard (``dashboards:dashboard``) of a scratch
coalition (the municipality with the most wijken, every shared indicator with figures in its
plan), requested in-process with ``django.test.Client`` as a signed-in member: the time of
handling the request, cold (the cache cleared before each request) and warm (the same
request again), p50 and p90, and the SQL queries of one cold and one warm request. Beside
it, a minimal Django view (``HttpResponse("ok")``, this module's URLconf) requested the same
way, through the same middleware, and the ratio of the two. Goal: warm p50 at most 30 ms.

``bench_national_values()``: ``GET /api/v1/indicators/{code}/values`` for every municipality
in one period (``limit=1000``) over real HTTP, from a WSGI server in a thread, against
Datasette serving the same SQLite file with the equivalent SQL (observations joined with
areas) as JSON. Datasette is installed only for the bench, in ``bench/out/.venv-datasette``
(hidden, so ``makemessages`` skips it; ``python -m venv`` + ``pip install datasette``, on
first use); when that is impossible (offline, or the database is not SQLite) the comparison
is skipped with a note on stderr.
Goal: the API at least as fast as Datasette (ratio at most 1).

Everything scratch is removed afterwards. Django must be set up.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, OuterRef
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, path, reverse

ROOT = Path(__file__).resolve().parent.parent
DATASETTE_VENV = ROOT / "bench" / "out" / ".venv-datasette"
DASHBOARD_GOAL_MS = 30.0
SLUG = "bench-dashboard-scratch"
MINIMAL_PATH = "/bench-minimal/"
MUNICIPAL_LEVELS = ("gemeente", "wijk", "buurt")


def note(text: str) -> None:
    """A remark beside the figures (stderr, so stdout stays ``name: value unit`` lines)."""
    print(f"# {text}", file=sys.stderr, flush=True)


def percentile(values: list[float], share: int) -> float:
    """The ``share``-th percentile (linear between the closest ranks)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1]


def _milliseconds(
    request: Callable[[], object], runs: int, before: Callable | None = None
) -> list[float]:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        request()
        times.append((time.perf_counter() - started) * 1000)
    return times


# The minimal view: Django's floor for a request through the same middleware ------------------


def minimal_view(request):
    return HttpResponse("ok")


urlpatterns = [path(MINIMAL_PATH.strip("/") + "/", minimal_view)]


# The dashboard -------------------------------------------------------------------------------


def _indicators_with_figures():
    from kansrijk.catalog.models import Indicator
    from kansrijk.observations.models import Observation

    figures = Observation.objects.filter(indicator=OuterRef("pk"), coalition__isnull=True)
    return list(Indicator.objects.shared().filter(Exists(figures)).order_by("code"))


def _scratch_member(indicators):
    """A coalition of the municipality with the most wijken, the indicators in its plan, and a
    member (viewer) to sign in as."""
    from django.contrib.auth import get_user_model

    from kansrijk.areas.models import Area, Level
    from kansrijk.coalitions.models import (
        Ambition,
        Coalition,
        Goal,
        Membership,
        PlanIndicator,
        Role,
    )

    username = f"{SLUG}@example.org"
    Coalition.objects.filter(slug=SLUG).delete()  # left over from an interrupted run
    get_user_model().objects.filter(username=username).delete()
    municipality = (
        Area.objects.filter(level=Level.MUNICIPALITY)
        .annotate(wijken=Count("children"))
        .order_by("-wijken", "code")
        .first()
    )
    coalition = Coalition.objects.create(name="Benchcoalitie dashboard", slug=SLUG)
    coalition.areas.add(municipality)
    goal = Goal.objects.create(
        ambition=Ambition.objects.create(coalition=coalition, title="Bench"), title="Bench"
    )
    PlanIndicator.objects.bulk_create(
        [PlanIndicator(goal=goal, indicator=i, direction=i.direction) for i in indicators]
    )
    user = get_user_model().objects.create_user(username=username, password=None)
    Membership.objects.create(user=user, coalition=coalition, role=Role.VIEWER)
    return coalition, user


def dashboard_url(slug: str) -> str:
    """The professionals' dashboard; the figures page when the dashboard is not there."""
    try:
        return reverse("dashboards:dashboard", kwargs={"slug": slug})
    except NoReverseMatch:
        note("no dashboards:dashboard URL: measuring the figures page (insight:overview) instead")
        return reverse("insight:overview", kwargs={"slug": slug})


def _get(client: Client, url: str) -> Callable[[], object]:
    def request():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    return request


def _query_count(request: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as queries:
        request()
    return len(queries)


def bench_dashboard(cold_runs: int = 5, warm_runs: int = 30) -> list[tuple[str, float, str]]:
    indicators = _indicators_with_figures()
    coalition, user = _scratch_member(indicators)
    try:
        client = Client()
        client.force_login(user)
        dashboard = _get(client, dashboard_url(coalition.slug))
        dashboard()  # imports and compiled templates: once per process, not per request
        cold = _milliseconds(dashboard, cold_runs, before=cache.clear)
        cache.clear()
        cold_queries = _query_count(dashboard)
        warm_queries = _query_count(dashboard)
        warm = _milliseconds(dashboard, warm_runs)
        with override_settings(ROOT_URLCONF=__name__):
            minimal = _get(client, MINIMAL_PATH)
            minimal()
            floor = _milliseconds(minimal, warm_runs)
    finally:
        coalition.delete()
        user.delete()
        cache.clear()
    warm_p50 = statistics.median(warm)
    minimal_p50 = statistics.median(floor)
    if warm_p50 > DASHBOARD_GOAL_MS:
        note(f"dashboard warm p50 {warm_p50:.1f} ms misses the goal of {DASHBOARD_GOAL_MS} ms")
    return [
        ("dashboard_indicators", float(len(indicators)), "indicators"),
        ("dashboard_cold_p50_time", statistics.median(cold), "ms"),
        ("dashboard_cold_p90_time", percentile(cold, 90), "ms"),
        ("dashboard_warm_p50_time", warm_p50, "ms"),
        ("dashboard_warm_p50_goal", DASHBOARD_GOAL_MS, "ms"),
        ("dashboard_warm_p90_time", percentile(warm, 90), "ms"),
        ("dashboard_cold_queries", float(cold_queries), "queries"),
        ("dashboard_warm_queries", float(warm_queries), "queries"),
        ("minimal_view_p50_time", minimal_p50, "ms"),
        ("dashboard_to_minimal_ratio", warm_p50 / minimal_p50, "x"),
    ]


# The national figures API against Datasette ---------------------------------------------------


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class TimedServer(WSGIServer):
    """``wsgiref``'s server, keeping the CPU time of each request (HTTP handling included)."""

    cpu_ms: list[float]

    def finish_request(self, request, client_address):
        started = time.thread_time()
        super().finish_request(request, client_address)
        self.cpu_ms.append((time.thread_time() - started) * 1000)


def serve_django_in_thread() -> tuple[str, TimedServer]:
    """The project's WSGI application on 127.0.0.1 (a free port): base URL and the server
    (stop it with ``shutdown()`` and ``server_close()``)."""
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1",
        0,
        get_wsgi_application(),
        server_class=TimedServer,
        handler_class=_QuietHandler,
    )
    server.cpu_ms = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def process_cpu_ms(pid: int) -> float | None:
    """CPU time used so far by a process (Linux ``/proc``; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def datasette_command() -> Path | None:
    """The bench's own Datasette, installed on first use; None (with a note) if impossible."""
    executable = DATASETTE_VENV / "bin" / "datasette"
    if executable.exists():
        return executable
    note(f"installing Datasette into {DATASETTE_VENV.relative_to(ROOT)} (once)")
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(DATASETTE_VENV)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            [str(DATASETTE_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "datasette"],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        output = getattr(exc, "stderr", b"") or b""
        last = output.decode(errors="replace").strip().splitlines()[-1:] or [str(exc)]
        note(f"could not install Datasette ({last[0]}): comparison skipped")
        return None
    return executable if executable.exists() else None


def serve_datasette(database: Path, executable: Path) -> tuple[str, subprocess.Popen]:
    """Datasette on the SQLite file, on a free port; waits until it answers."""
    port = _free_port()
    process = subprocess.Popen(
        [str(executable), "serve", str(database), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _fetch(base + "/-/versions.json")
            return base, process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.terminate()
                process.wait(timeout=10)
                raise RuntimeError("Datasette started but does not answer") from None
            time.sleep(0.2)


def national_query(database: str, indicator_id: int, period: str) -> str:
    """The Datasette path of the API's question: one indicator, one period, every
    municipality, public figures only, by area code."""
    from kansrijk.areas.models import Area, Level
    from kansrijk.observations.models import Observation

    observations, areas = Observation._meta.db_table, Area._meta.db_table
    sql = (
        f"select a.code as area_code, a.name as area_name, o.period, o.numerator, "
        f"o.denominator, o.value, o.status from {observations} o "
        f"join {areas} a on a.id = o.area_id "
        f"where o.indicator_id = :indicator and o.period = :period "
        f"and o.coalition_id is null and a.level = '{Level.MUNICIPALITY}' order by a.code"
    )
    query = urllib.parse.urlencode(
        {"sql": sql, "indicator": indicator_id, "period": period, "_shape": "array"}
    )
    return f"/{urllib.parse.quote(database)}.json?{query}"


def _national_indicator():
    """The first shared ratio indicator with yearly municipal figures, and its latest year."""
    from kansrijk.catalog.models import Unit
    from kansrijk.observations.models import Observation

    for indicator in _indicators_with_figures():
        if (
            indicator.lowest_level in MUNICIPAL_LEVELS
            and indicator.pool_years <= 1
            and indicator.unit in (Unit.PERCENTAGE, Unit.PER_1000)
        ):
            years = Observation.objects.public().filter(indicator=indicator, period_kind="year")
            latest = years.order_by("-period").values_list("period", flat=True).first()
            if latest:
                return indicator, latest
    return None, None


def _datasette_url(indicator, period: str) -> tuple[str | None, subprocess.Popen | None]:
    """Datasette serving the bench's SQLite file, and the URL of the API's question."""
    import json

    if connection.vendor != "sqlite":
        note("Datasette reads SQLite only: comparison with Datasette skipped")
        return None, None
    executable = datasette_command()
    if executable is None:
        return None, None
    try:
        base, process = serve_datasette(Path(connection.settings_dict["NAME"]), executable)
    except RuntimeError as exc:
        note(f"{exc}: comparison with Datasette skipped")
        return None, None
    try:
        (served,) = json.loads(_fetch(base + "/-/databases.json"))
    except (OSError, ValueError):
        process.terminate()
        process.wait(timeout=10)
        note("Datasette does not list its database: comparison with Datasette skipped")
        return None, None
    return base + national_query(served["name"], indicator.id, period), process


def _interleaved(first: str, second: str, runs: int) -> tuple[list[float], list[float]]:
    """Both URLs ``runs`` times, taking turns (and turns at going first), so that both see
    the same machine: other work on it slows both alike."""
    times: dict[str, list[float]] = {first: [], second: []}
    for run in range(runs):
        for url in (first, second) if run % 2 == 0 else (second, first):
            started = time.perf_counter()
            _fetch(url)
            times[url].append((time.perf_counter() - started) * 1000)
    return times[first], times[second]


def bench_national_values(runs: int = 50) -> list[tuple[str, float, str]]:
    import json

    indicator, period = _national_indicator()
    if indicator is None:
        note("no indicator with municipal figures: API figures skipped")
        return []
    base, server = serve_django_in_thread()
    path_ = reverse("api:indicator-national-values", kwargs={"code": indicator.code})
    api_url = f"{base}{path_}?period={period}&limit=1000"
    datasette_url, process = None, None
    try:
        _fetch(api_url)  # the process's first request: imports, not the figures
        cache.clear()
        started = time.perf_counter()
        rows = json.loads(_fetch(api_url))["results"]
        api_cold = (time.perf_counter() - started) * 1000
        datasette_url, process = _datasette_url(indicator, period)
        server.cpu_ms.clear()
        if datasette_url is None:
            api = _milliseconds(lambda: _fetch(api_url), runs)
        else:
            found = json.loads(_fetch(datasette_url))  # also Datasette's warm-up
            if len(found) != len(rows):
                note(f"Datasette returned {len(found)} rows, the API {len(rows)}")
            server.cpu_ms.clear()
            datasette_cpu = process_cpu_ms(process.pid)
            api, datasette = _interleaved(api_url, datasette_url, runs)
            if datasette_cpu is not None:
                datasette_cpu = (process_cpu_ms(process.pid) - datasette_cpu) / runs
    finally:
        server.shutdown()
        server.server_close()
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
    api_p50, api_cpu = statistics.median(api), statistics.mean(server.cpu_ms)
    figures = [
        ("api_national_values_rows", float(len(rows)), "rows"),
        ("api_national_values_cold_time", api_cold, "ms"),
        ("api_national_values_p50_time", api_p50, "ms"),
        ("api_national_values_cpu_time", api_cpu, "ms"),
    ]
    if datasette_url is None:
        return figures
    datasette_p50 = statistics.median(datasette)
    if api_p50 > datasette_p50:
        note(f"API p50 {api_p50:.1f} ms is slower than Datasette ({datasette_p50:.1f} ms)")
    figures += [
        ("datasette_national_values_p50_time", datasette_p50, "ms"),
        ("api_to_datasette_ratio", api_p50 / datasette_p50, "x"),
        ("api_to_datasette_goal", 1.0, "x"),
    ]
    if datasette_cpu:
        figures += [
            ("datasette_national_values_cpu_time", datasette_cpu, "ms"),
            ("api_to_datasette_cpu_ratio", api_cpu / datasette_cpu, "x"),
        ]
    return figures
