"""Pipeline wiring: the stage field check, content hashes, run results, and a small end-to-end run."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from sitreps import extract, fuse, ingest, resolve
from sitreps.errors import ConfigError
from sitreps.model import Article, Document, Rejected
from sitreps.pipeline import STAGES, RunResult, check_stages, content_hash, process, process_articles
from sitreps.resources import Resources


def _stage(name, reads=(), fills=()):
    return SimpleNamespace(__name__=name, READS=tuple(reads), FILLS=tuple(fills))


def test_check_stages_accepts_the_real_pipeline():
    check_stages(STAGES)


@pytest.mark.parametrize(
    "stages",
    [
        [_stage("a", fills=["Mention.x"]), _stage("b", reads=["Mention.x"])],
        [_stage("a", fills=["Mention.x"]), _stage("b", fills=["Mention.y"]), _stage("c", reads=["Mention.x", "Mention.y"])],
        [_stage("a", reads=["Article.text", "Article.published"])],
        [_stage("a")],
        [],
    ],
)
def test_check_stages_accepts_fields_filled_earlier(stages):
    check_stages(stages)


@pytest.mark.parametrize(
    "stages, culprit",
    [
        ([_stage("a", fills=["Mention.x"]), _stage("b", reads=["Mention.nobody"])], "b"),
        ([_stage("a", reads=["Mention.x"]), _stage("b", fills=["Mention.x"])], "a"),
        ([_stage("a", reads=["Event.location"])], "a"),
        ([_stage("a", fills=["Mention.place"]), _stage("b", reads=["Mention.place"]), _stage("c", reads=["Mention.actor9"])], "c"),
    ],
)
def test_check_stages_catches_a_field_nobody_fills(stages, culprit):
    with pytest.raises(ConfigError, match=f"stage {culprit} reads"):
        check_stages(stages)


@pytest.mark.parametrize(
    "stages",
    [(ingest, extract, fuse, resolve), (ingest, resolve, extract, fuse), (fuse, ingest, extract, resolve)],
)
def test_check_stages_catches_real_stages_out_of_order(stages):
    with pytest.raises(ConfigError):
        check_stages(stages)


@pytest.mark.parametrize("field", ["Event.event_id", "Event.location"])
def test_check_stages_wildcard_fills_cover_every_field(field):
    check_stages((*STAGES, _stage("store", reads=[field])))


@pytest.mark.parametrize(
    "first, second, same",
    [("<p>Attack in Djibo</p>", "<p>Attack in Djibo</p>", True), ("<p>Attack in Djibo</p>", "<p>Attack in Boni</p>", False)],
)
def test_content_hash_depends_on_content_only(first, second, same):
    a = Document(document_id="a", path="a.html", kind="html", content=first, url="https://example.org/a")
    b = Document(document_id="b", path="b.html", kind="html", content=second, title="Other")
    assert (content_hash(a) == content_hash(b)) is same
    assert len(content_hash(a)) == 64


@pytest.mark.parametrize(
    "reasons, failed",
    [
        (["binary", "boilerplate", "not_event"], ["binary"]),
        (["no_date", "no_text"], []),
        (["bad_json", "unreadable", "skipped"], ["bad_json", "unreadable"]),
    ],
)
def test_run_result_failures_are_input_failures_only(reasons, failed):
    result = RunResult(rejected=[Rejected(f"item{i}", "p", "ingest", r) for i, r in enumerate(reasons)])
    assert [r.reason for r in result.failures] == failed


STORIES = [
    (
        "en",
        "Gunmen killed five villagers in Gaskindé on Monday. The attack also wounded 20 people.",
        "Violence against civilians",
        "Civilians (Burkina Faso)",
    ),
    (
        "fr",
        "Des hommes armés ont tué cinq civils à Gaskindé lundi. L'attaque a aussi fait vingt blessés.",
        "Violence against civilians",
        "Civilians (Burkina Faso)",
    ),
]


def _article(text, language):
    return Article(
        article_id="story-1", document_id="story-1", path="story-1.txt", text=text,
        published=date(2024, 3, 13), language=language,
    )


@pytest.mark.parametrize("language, text, event_type, actor2", STORIES)
def test_process_articles_runs_extract_resolve_fuse(settings, resources, language, text, event_type, actor2):
    result = process_articles([_article(text, language)], settings, resources)
    assert len(result.mentions) == 1 and result.mentions[0].place is not None
    (event,) = result.events
    assert (event.event_date, event.location, event.iso3) == (date(2024, 3, 11), "Gaskindé", "BFA")
    assert (event.event_type, event.actor2, event.fatalities) == (event_type, actor2, 5)
    assert len(event.sources) == 1


@pytest.mark.parametrize("language, text, event_type, actor2", STORIES)
def test_process_articles_drops_mentions_below_min_confidence(settings, resources, language, text, event_type, actor2):
    strict = settings.replace(min_confidence=0.99)
    result = process_articles([_article(text, language)], strict, resources)
    assert result.mentions == [] and result.events == []


# -- per-document isolation -------------------------------------------------------------------

GOOD_DOCUMENTS = [
    Document("gaskinde", "pages/feed.jsonl", "text", "OUAGADOUGOU, 13 March 2024 - " + STORIES[0][1], published=date(2024, 3, 13)),
    Document("djibo", "pages/djibo.txt", "text", "OUAGADOUGOU, 13 March 2024 - Gunmen killed seven villagers in Djibo, Burkina Faso, on Monday, residents said.", published=date(2024, 3, 13)),
]


class _GazetteerWithPlantedBug:
    """The real gazetteer with one planted bug: geocoding Gaskindé raises. Correct code cannot
    produce an unexpected exception on purpose, so this is how the isolation of one is tested."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def geocode(self, place, *args, **kwargs):
        if "Gaskind" in place:
            raise KeyError("planted bug")
        return self._real.geocode(place, *args, **kwargs)


@pytest.fixture
def buggy_resources(settings, resources):
    planted = Resources(settings)
    planted.replace("gazetteer", _GazetteerWithPlantedBug(resources.gazetteer))
    return planted


def test_process_turns_an_exception_into_that_documents_internal_error(settings, buggy_resources):
    result = process(GOOD_DOCUMENTS, settings, buggy_resources)
    [failure] = result.failures
    assert (failure.item_id, failure.reason, failure.stage) == ("gaskinde", "internal_error", "pipeline")
    assert failure.where == "pages/feed.jsonl: record gaskinde"
    assert "KeyError: 'planted bug'" in failure.detail and "geocode" in failure.trace
    # Nothing of the failed document is kept; the other one is processed and written.
    assert [d.document_id for d, _ in result.documents] == ["djibo"]
    assert {m.document_id for m in result.mentions} == {"djibo"}
    assert [e.location for e in result.events] == ["Djibo"]


def test_process_cuts_off_a_document_over_its_time_budget(settings, resources):
    hurried = settings.replace(max_document_seconds=1e-6)
    result = process(GOOD_DOCUMENTS, hurried, resources)
    assert [(f.item_id, f.reason) for f in result.failures] == [("gaskinde", "too_slow"), ("djibo", "too_slow")]
    assert result.events == [] and result.documents == []
    assert process(GOOD_DOCUMENTS, settings, resources).failures == []


def test_process_rejects_a_document_longer_than_max_document_chars(settings):
    short = settings.replace(max_document_chars=112)
    result = process(GOOD_DOCUMENTS, short, Resources(short))
    [failure] = result.failures
    assert (failure.item_id, failure.reason) == ("gaskinde", "too_long") and "115 characters > 112" in failure.detail
    assert [e.location for e in result.events] == ["Djibo"]


def test_cli_finish_names_the_file_and_logs_the_traceback(settings, buggy_resources, tmp_path, capsys):
    from sitreps.cli import _finish

    logged = settings.replace(log_dir=str(tmp_path / "logs"))
    result = process(GOOD_DOCUMENTS, logged, buggy_resources)
    with pytest.raises(SystemExit) as stop:
        _finish(result, logged)
    assert stop.value.code == 5
    [line, summary] = capsys.readouterr().err.splitlines()
    assert line.startswith("sitreps: error: pages/feed.jsonl: record gaskinde: hit an internal error")
    assert line.endswith(f"traceback in {tmp_path / 'logs' / 'errors.log'}")
    log = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    assert "pages/feed.jsonl: record gaskinde" in log and "KeyError: 'planted bug'" in log


def test_cli_finish_says_when_the_log_cannot_be_written(settings, buggy_resources, tmp_path, capsys):
    from sitreps.cli import _finish

    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    logged = settings.replace(log_dir=str(tmp_path / "file"))
    with pytest.raises(SystemExit):
        _finish(process(GOOD_DOCUMENTS, logged, buggy_resources), logged)
    assert "could not be written" in capsys.readouterr().err
