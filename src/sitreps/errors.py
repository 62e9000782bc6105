"""Expected failures. Each carries a message that says what to do, an exit code and an HTTP status.

Exit codes: 0 ok, 1 bug, 2 bad usage, 3 bad config or input (or an output that cannot be
written), 4 missing resource, 5 finished but some inputs failed.
"""

from __future__ import annotations

import time

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_MISSING_RESOURCE = 4
EXIT_PARTIAL = 5

# Reason codes for Rejected items, with a human sentence for each.
REASONS: dict[str, str] = {
    "unreadable": "cannot be read",
    "not_found": "does not exist",
    "binary": "is binary, not text or HTML",
    "empty": "is empty",
    "too_large": "is larger than the input size limit",
    "bad_encoding": "is not valid text in any known encoding",
    "bad_html": "is HTML with no extractable text",
    "bad_json": "is not valid JSON",
    "bad_record": "has a record without the required fields",
    "bad_warc": "is not a readable WARC file",
    "unsupported": "has an unsupported file type",
    "symlink_loop": "is a symbolic link back into a folder being read (a loop); it was read once",
    "too_long": "has more text than the max_document_chars setting allows",
    "too_slow": "took longer than the max_document_seconds setting allows",
    "internal_error": "hit an internal error, a bug in sitreps: please report it with the traceback",
    "skipped": "is not a supported input type (skipped in a folder)",
    "no_text": "has no article text after cleaning",
    "boilerplate": "is navigation or boilerplate",
    "no_date": "has no date the text fixes",
    "not_event": "is not a concrete event",
}

# Reasons that mean an input itself failed (reported, and exit code 5); the others are items a
# stage dropped on purpose (boilerplate, statistics...) and are only counted.
INPUT_FAILURES = frozenset(
    {"unreadable", "not_found", "binary", "empty", "too_large", "bad_encoding", "bad_html", "bad_json",
     "bad_record", "bad_warc", "unsupported", "symlink_loop", "too_long", "too_slow", "internal_error"}
)


class SitrepsError(Exception):
    """Base of expected failures."""

    exit_code = EXIT_BUG
    http_status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(SitrepsError):
    exit_code = EXIT_USAGE
    http_status = 400


class ConfigError(SitrepsError):
    exit_code = EXIT_BAD_INPUT
    http_status = 400


class InputError(SitrepsError):
    """An input file or record cannot be used. ``reason`` is a key of REASONS."""

    exit_code = EXIT_BAD_INPUT
    http_status = 422

    def __init__(self, path: str, reason: str, detail: str = ""):
        self.path = path
        self.reason = reason
        self.detail = detail
        text = f"{path}: {REASONS.get(reason, reason)}"
        super().__init__(f"{text} ({detail})" if detail else text)


class OutputError(SitrepsError):
    """The output (a file given with -o, or standard output) cannot be written: the disk is full,
    the device refuses it, or the reader of a pipe went away."""

    exit_code = EXIT_BAD_INPUT
    http_status = 507

    def __init__(self, output: str, exc: OSError):
        self.output = output
        problem = exc.strerror or type(exc).__name__
        advice = {
            "EPIPE": "the program reading the output stopped early; not all output was written",
            "ENOSPC": "free some space or write elsewhere with -o FILE",
        }.get(_errno_name(exc), "write elsewhere with -o FILE")
        super().__init__(f"{output}: cannot write the output ({problem}); {advice}")


def _errno_name(exc: OSError) -> str:
    import errno

    return errno.errorcode.get(exc.errno or 0, "")


class MissingResourceError(SitrepsError):
    exit_code = EXIT_MISSING_RESOURCE
    http_status = 503


class NotFoundError(SitrepsError):
    exit_code = EXIT_BAD_INPUT
    http_status = 404


class PartialFailure(SitrepsError):
    """The run finished, but some inputs failed (they were reported one by one)."""

    exit_code = EXIT_PARTIAL
    http_status = 207


class TimeBudgetExceeded(SitrepsError):
    """A document took longer than ``max_document_seconds``; the pipeline turns it into that
    document's ``too_slow`` rejection and goes on with the next one."""

    exit_code = EXIT_PARTIAL
    http_status = 422


class Deadline:
    """A per-document time budget. Stages call ``check()`` between bounded steps (a sentence, a
    story, a mention), so a pathological document is cut off instead of holding up the run."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds if seconds and seconds > 0 else None
        self._until = time.monotonic() + self.seconds if self.seconds else None

    def check(self) -> None:
        if self._until is not None and time.monotonic() > self._until:
            raise TimeBudgetExceeded(f"stopped after {self.seconds:g} s (max_document_seconds)")
