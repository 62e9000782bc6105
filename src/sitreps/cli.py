"""The `sitreps` command. A thin face over sitreps.api: parse flags, call, format, exit.

Exit codes: 0 ok, 1 bug (traceback shown), 2 bad usage, 3 bad config or input (or an output
that cannot be written), 4 missing resource (also a store held by another process or on a full
disk or read-only), 5 finished but some inputs failed (each named on stderr).
"""

from __future__ import annotations

import json
import os
import re
import sys
from contextlib import contextmanager
from datetime import datetime
from typing import Iterable, TextIO

import click

from . import api
from .config import Settings, load_settings
from .errors import EXIT_BAD_INPUT, EXIT_PARTIAL, EXIT_USAGE, InputError, OutputError, SitrepsError, UsageError
from .model import EVENT_TYPES
from .pipeline import RunResult
from .resources import Resources

EXPORT_FORMATS = ("jsonl", "csv")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Settings file (TOML) over the packaged defaults.")
@click.option("--actors", "actors_file", type=click.Path(dir_okay=False), help="Extra actor registry (TOML) merged over the packaged one.")
@click.version_option(package_name="sitreps")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, actors_file: str | None) -> None:
    """sitreps: raw news pages in, ACLED-style conflict event records out."""
    ctx.obj = load_settings(config_file, overrides={"actors_file": actors_file})


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.pass_obj
def extract(settings: Settings, paths: tuple[str, ...], published: str | None, fmt: str, output: str | None) -> None:
    """Extract events from files and folders (stateless): .txt, .html, .json, .jsonl, .warc(.gz)."""
    # The output is opened before the run, so a bad -o path fails at once, not after minutes of work.
    with _open_output(output) as out:
        result = api.run_paths(paths, published=published, settings=settings, progress=_progress(settings, "documents"))
        _write(result.events, fmt, out, output or STDOUT)
    _finish(result, settings)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting, ./sitreps.duckdb).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.pass_obj
def ingest(settings: Settings, paths: tuple[str, ...], db: str | None, published: str | None) -> None:
    """Extract events from files and folders into the embedded store; known documents add nothing,
    and a page that changed since it was stored (same path, new content) replaces its reports.

    Work is committed every ingest_batch_documents documents: an ingest that is interrupted
    (killed, crashed, disk full) keeps what it committed, and running it again adds the rest. A
    document that failed is not stored and is tried again next time. Other commands can read the
    store while an ingest runs."""
    result, added = api.ingest_paths(paths, db=db, published=published, settings=settings, progress=_progress(settings, "documents"))
    changed = f", {added.pages_changed} changed pages replaced ({added.events_removed} events left without reports removed)" if added.pages_changed else ""
    click.echo(
        f"{added.documents_added} new documents ({result.skipped_documents} already stored), "
        f"{added.events_added} new events, {added.events_updated} updated, {added.sources_added} sources added{changed}",
        err=True,
    )
    _finish(result, settings)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting).")
@click.option("--country", help="ISO3 country code, e.g. MLI.")
@click.option("--since", help="First event date (YYYY-MM-DD).")
@click.option("--until", help="Last event date (YYYY-MM-DD).")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES), help="Event type.")
@click.option("--actor", help="Text found in an actor's name (case-insensitive).")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(("table",) + EXPORT_FORMATS), default="table", show_default=True)
@click.option("--as-of", "as_of", help="Events as known at the end of this day (YYYY-MM-DD): only reports that had arrived.")
@click.option("--explain", "explain_id", metavar="ID", help="One event's sources side by side, and why they were merged.")
@click.pass_obj
def events(settings: Settings, db, country, since, until, event_type, actor, limit, fmt, as_of, explain_id) -> None:
    """List stored events. The table starts with each event's id, which --explain, merge and split take."""
    if explain_id:
        from .analyze.explain import format_explanation

        _echo(format_explanation(api.explain(explain_id, db=db, settings=settings)))
        return
    found = api.events(db=db, country=country, since=since, until=until, event_type=event_type, actor=actor, limit=limit,
                       as_of=as_of, settings=settings)
    _write(found, fmt, sys.stdout, STDOUT)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting).")
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl")), default="table", show_default=True)
@click.pass_obj
def claims(settings: Settings, db: str | None, fmt: str) -> None:
    """List stored period statistics (claims), kept apart from events."""
    from .analyze.claims import format_claims

    found = api.claims(db=db, settings=settings)
    if fmt == "jsonl":
        _echo("\n".join(json.dumps(claim.to_dict(), ensure_ascii=False) for claim in found) if found else None)
    else:
        _echo(format_claims(found))


@cli.command()
@click.argument("claim_id")
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting).")
@click.pass_obj
def check(settings: Settings, claim_id: str, db: str | None) -> None:
    """Compare a claim with what the stored events say for its actors, period and area."""
    from .analyze.claims import format_check

    _echo(format_check(api.check(claim_id, db=db, settings=settings)))


@cli.command()
@click.argument("event_ids", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting).")
@click.pass_obj
def merge(settings: Settings, event_ids: tuple[str, ...], db: str | None) -> None:
    """Merge events into the first ID; kept by every later ingest."""
    event = api.merge(list(event_ids), db=db, settings=settings)
    _echo(f"merged {', '.join(event_ids[1:])} into {event.event_id} ({len(event.sources)} sources)")


@cli.command()
@click.argument("event_id")
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB store (default: db_path setting).")
@click.pass_obj
def split(settings: Settings, event_id: str, sources: tuple[str, ...], db: str | None) -> None:
    """Move SOURCES (documents or mention ids) out of EVENT_ID into a new event; kept by every later ingest."""
    kept, new = api.split(event_id, list(sources), db=db, settings=settings)
    _echo(f"{kept.event_id} keeps {len(kept.sources)} sources; {new.event_id} has {len(new.sources)}")


@cli.command()
@click.argument("place")
@click.option("--country", help="ISO3 code of the country to prefer.")
@click.pass_obj
def geocode(settings: Settings, place: str, country: str | None) -> None:
    """Look a place up in the gazetteer; prints JSON with the alternatives considered."""
    _echo(json.dumps(api.geocode(place, country=country, settings=settings), ensure_ascii=False, indent=2))


@cli.group()
def gazetteer() -> None:
    """Manage the local gazetteer."""


@gazetteer.command("add", short_help="Add a GeoNames country dump to the local gazetteer.")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def gazetteer_add(settings: Settings, file: str) -> None:
    """Add a GeoNames country dump (e.g. ML.txt from the GeoNames export) to the local gazetteer."""
    count = api.gazetteer_add(file, settings=settings)
    click.echo(f"added {count} places from {file} to {settings.user_gazetteer_dir()}", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("table",) + EXPORT_FORMATS), default="table", show_default=True)
@click.pass_obj
def demo(settings: Settings, fmt: str) -> None:
    """Run the pipeline on the sample news pages shipped with sitreps and print the events."""
    result = api.demo(settings=settings, resources=Resources(settings), progress=_progress(settings, "sample pages"))
    _write(result.events, fmt, sys.stdout, STDOUT)
    if fmt == "table":
        click.echo(
            f"{len(result.articles)} stories from {len(result.documents)} sample pages; "
            f"{len(result.mentions)} event mentions fused into {len(result.events)} events.",
            err=True,
        )
    _finish(result, settings)


@cli.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default="../shared/data", show_default=True,
              help="Folder with the labelled data (case2021_task2/, ucdp_ged/, geonames_sahel/).")
@click.pass_obj
def bench(settings: Settings, data_dir: str) -> None:
    """Measure extraction quality on labelled data (CASE 2021, UCDP GED, GeoNames, real news pages) and print the tables."""
    from pathlib import Path

    from . import evaluate

    from .evaluate import news

    resources = Resources(settings)
    report = evaluate.quality(Path(data_dir), resources)
    _echo(evaluate.format_quality(report))
    if (Path(data_dir) / news.NEWS_DIR / "corpus.jsonl").is_file():
        fusion = news.fusion_scores(Path(data_dir), resources) if (Path(data_dir) / news.FUSION_DIR / "pages.jsonl").is_file() else None
        _echo("\n" + news.format_news(news.news_scores(Path(data_dir), resources), fusion))


@cli.group("config")
def config_group() -> None:
    """Inspect settings."""


@config_group.command("show")
@click.pass_obj
def config_show(settings: Settings) -> None:
    """Print the settings in force (defaults < --config file < SITREPS_* variables < flags)."""
    _echo("\n".join(f"{key} = {json.dumps(list(value) if isinstance(value, tuple) else value)}" for key, value in settings.as_dict().items()))


STDOUT = "standard output"


def _echo(text: str | None) -> None:
    """Print to standard output; a full disk or a closed pipe is an OutputError, not a traceback."""
    if text is None:
        return
    try:
        click.echo(text)
        sys.stdout.flush()
    except OSError as exc:
        raise OutputError(STDOUT, exc) from None


def _write(found: list, fmt: str, out: TextIO, label: str) -> None:
    from .analyze.export import format_table, write_csv, write_jsonl

    try:
        if fmt == "jsonl":
            write_jsonl(found, out)
        elif fmt == "csv":
            write_csv(found, out)
        else:
            out.write(format_table(found) + "\n")
        out.flush()
    except OSError as exc:
        raise OutputError(label, exc) from None


@contextmanager
def _open_output(output: str | None):
    if not output:
        yield sys.stdout
        return
    try:
        handle = open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the output file ({exc.strerror}); check that its folder exists and is writable") from None
    try:
        yield handle
    finally:
        try:
            handle.close()
        except OSError as exc:  # the last buffered bytes are written on close
            raise OutputError(output, exc) from None


def _progress(settings: Settings, unit: str):
    show = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    def wrap(items: Iterable) -> Iterable:
        # delay: runs shorter than a few seconds show no bar at all.
        return tqdm(items, desc=unit, unit="doc", file=sys.stderr, delay=2.0, leave=False)

    return wrap


def _finish(result: RunResult, settings: Settings) -> None:
    failures = result.failures
    logged = _log_tracebacks([f for f in failures if f.trace], settings)
    for failure in failures:
        error = InputError(failure.where, failure.reason, failure.detail)
        line = f"{error.message}; {logged}" if failure.trace else error.message
        click.echo(f"sitreps: error: {_one_line(line)}", err=True)
    if failures:
        click.echo(f"sitreps: {len(failures)} input(s) failed; the others were processed", err=True)
        raise SystemExit(EXIT_PARTIAL)


_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")


def _one_line(text: str) -> str:
    """One line, whatever a file name or an exception message holds."""
    return _LINE_BREAKS.sub(" ", text)


def _log_tracebacks(failures: list, settings: Settings) -> str:
    """Append the tracebacks of internal errors to the error log; says where (or why not)."""
    if not failures:
        return ""
    path = settings.error_log()
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            for failure in failures:
                log.write(f"--- {stamp} sitreps {_version()}: {failure.where}\n{failure.trace}\n")
    except OSError as exc:
        return f"the traceback could not be written to {path} ({exc.strerror}); set log_dir to a writable folder"
    return f"traceback in {path}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sitreps")
    except PackageNotFoundError:
        return "(not installed)"


def main(argv: list[str] | None = None) -> None:
    """Console entry point: expected errors become one line on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="sitreps", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sitreps: aborted", err=True)
        raise SystemExit(EXIT_USAGE) from None
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(EXIT_USAGE) from None
    except SitrepsError as exc:
        _quiet_stdout_if_broken(exc)
        click.echo(f"sitreps: error: {_one_line(exc.message)}", err=True)
        raise SystemExit(exc.exit_code) from None
    except SystemExit:
        raise
    try:
        sys.stdout.flush()
    except OSError as exc:  # output still buffered when the command returned
        error = OutputError(STDOUT, exc)
        _quiet_stdout_if_broken(error)
        click.echo(f"sitreps: error: {error.message}", err=True)
        raise SystemExit(EXIT_BAD_INPUT) from None


def _quiet_stdout_if_broken(exc: SitrepsError) -> None:
    """After a failed write to standard output, point it at /dev/null: Python flushes it again at
    exit and would print a second, unhelpful error."""
    if isinstance(exc, OutputError) and exc.output == STDOUT:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass


if __name__ == "__main__":
    main(sys.argv[1:])
