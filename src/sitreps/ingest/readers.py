"""Read files and folders into ``Document`` records; bad inputs become ``Rejected``.

One bad input never stops the others: every failure is yielded as a ``Rejected`` with a
reason code of ``errors.REASONS`` and the reader moves on.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import traceback
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from ..config import Settings
from ..model import Document, Rejected, TextKind
from .normalise import without_surrogates
from .published import plausible

STAGE = "ingest"
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")

# Bytes that never occur in text (everything below 0x20 except tab, newline, form feed,
# carriage return and escape). A few are tolerated: scraped pages carry stray control bytes.
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_MAX_CONTROL_RATIO = 0.05
_SNIFF_BYTES = 65536

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|li|ul|article|section|table|td|tr|meta|script|style|title|body|html)\b[^>]*>", re.I)


def read_path(path: str | Path, settings: Settings) -> Iterator[Document | Rejected]:
    """Documents of a file or a folder (recursive, sorted, hidden files skipped, symbolic links
    followed once). Every problem is a ``Rejected`` naming its file, never an exception: a bug
    met while reading one file becomes that file's ``internal_error`` and the next file is read."""
    name = display_name(path)
    target = Path(path)
    if target.is_symlink() and not target.exists():
        yield reject(name, name, "not_found", f"broken symbolic link to {display_name(os.readlink(target))}")
        return
    if not target.exists():
        yield reject(name, name, "not_found")
        return
    if target.is_dir():
        yield from _read_folder(target, name, settings)
        return
    yield from _guarded(target, name, settings)


def display_name(path: str | Path) -> str:
    """A path as text that can always be printed and encoded (an undecodable byte in a file name
    becomes U+FFFD); the file itself is opened by its real path."""
    return without_surrogates(os.fsdecode(path))


def _guarded(path: Path, name: str, settings: Settings) -> Iterator[Document | Rejected]:
    try:
        yield from _read_file(path, name, settings)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the run; it is reported
        yield internal_error(name, name, exc)


def internal_error(item_id: str, path: str, exc: Exception) -> Rejected:
    """An unexpected exception met while reading ``item_id``, with its traceback for the log."""
    trace = "".join(traceback.format_exception(exc))
    return Rejected(item_id, path, STAGE, "internal_error", f"{type(exc).__name__}: {exc}"[:300], trace=trace)


def _read_folder(folder: Path, name: str, settings: Settings) -> Iterator[Document | Rejected]:
    problems: list[OSError] = []
    first_seen: dict[tuple[int, int], Path] = {}
    inputs = unreadable = 0
    # Symbolic links are followed (a folder of links to the day's crawls is common); each real
    # folder is read once, and a link back into a folder being read (a loop) is reported once.
    for root, dirs, files in os.walk(folder, onerror=problems.append, followlinks=True):
        unreadable += len(problems)
        yield from (_unreadable_folder(error) for error in problems)
        problems.clear()
        here = Path(root)
        label = display_name(here)
        try:
            stat = here.stat()
        except OSError as exc:
            unreadable += 1
            yield reject(label, label, "unreadable", f"folder: {exc.strerror or exc}")
            dirs[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in first_seen:
            dirs[:] = []
            earlier = first_seen[key]
            if earlier in here.parents:
                yield reject(label, label, "symlink_loop", f"leads back to {display_name(earlier)}")
            else:  # a second link to a folder already read: its files would be read twice
                yield reject(label, label, "skipped", f"the same folder as {display_name(earlier)}, already read")
            continue
        first_seen[key] = here
        # Sorted and in place, so os.walk descends in a stable order; hidden folders are skipped.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            if file_name.startswith("."):
                continue
            file_path = here / file_name
            file_label = display_name(file_path)
            if _suffix(file_path) is None:
                # Folders hold other files (READMEs, manifests): counted, not an input failure.
                yield reject(file_label, file_label, "skipped", f"extension {display_name(file_path.suffix) or '(none)'!r}")
                continue
            inputs += 1
            yield from _guarded(file_path, file_label, settings)
    unreadable += len(problems)
    yield from (_unreadable_folder(error) for error in problems)
    if inputs == 0 and unreadable == 0:
        suffixes = ", ".join(TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)
        yield reject(name, name, "empty", f"a folder with no input files: none ends in {suffixes}")


def _unreadable_folder(error: OSError) -> Rejected:
    label = display_name(error.filename) if error.filename else "?"
    return reject(label, label, "unreadable", f"folder: {error.strerror or error}")


def _read_file(path: Path, name: str, settings: Settings) -> Iterator[Document | Rejected]:
    suffix = _suffix(path)
    if suffix is None:
        yield reject(name, name, "unsupported", f"extension {path.suffix or '(none)'!r}")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield reject(name, name, "unreadable", exc.strerror or str(exc))
        return
    # Checked before reading, so an oversized file is never loaded into memory.
    if size > settings.max_input_bytes:
        yield reject(name, name, "too_large", f"{size} bytes > {settings.max_input_bytes}")
        return
    if size == 0:
        yield reject(name, name, "empty")
        return
    if suffix in WARC_SUFFIXES:
        from .warc import read_warc  # warcio is only imported when a WARC is read

        yield from read_warc(path, name, settings)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield reject(name, name, "unreadable", exc.strerror or str(exc))
        return
    decoded = decode_input(data, name, name)
    if isinstance(decoded, Rejected):
        yield decoded
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(decoded, name)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(decoded, name)
    else:
        yield Document(document_id=name, path=name, kind=sniff_kind(decoded), content=decoded)


def decode_input(data: bytes, item_id: str, path: str, declared: str | None = None) -> str | Rejected:
    """Text of an input's bytes, or why it is not text (binary, bad_encoding, empty)."""
    if is_binary(data):
        return reject(item_id, path, "binary")
    text = decode_bytes(data, declared)
    if text is None:
        return reject(item_id, path, "bad_encoding", "not UTF-8 and no other encoding fits")
    text = without_surrogates(text)
    if not text.strip():
        return reject(item_id, path, "empty", "only whitespace")
    return text


def is_binary(data: bytes) -> bool:
    """True for NUL bytes or too many control bytes in the first 64 KiB (UTF-16 with a BOM is text)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > _MAX_CONTROL_RATIO * len(head)


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """UTF-8 (BOM or not), then UTF-16 by BOM, a declared charset, Western European, then
    charset-normalizer. None when nothing gives plausible Latin-script text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    # Sources are English and French: when cp1252 decodes to French letters only, trust it.
    # charset-normalizer guesses cp1250 for short French latin-1 text ("à" becomes "ŕ").
    western = _western_european(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return text if _latin_share(text) >= 0.5 else None


_FRENCH_EXTRA = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…€°·•©®ºª ")


def _western_european(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if all(ch.isascii() or ch in _FRENCH_EXTRA for ch in text):
        return text
    return None


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return latin / len(letters)


def sniff_kind(text: str) -> TextKind:
    """HTML or text by content, whatever the extension (a .txt full of tags is HTML)."""
    head = text[:_SNIFF_BYTES]
    if _HTML_START.match(head):
        return "html"
    tags = len(_HTML_TAG.findall(head))
    words = len(head.split())
    return "html" if tags >= 3 and tags * 100 >= words else "text"


def _read_json(text: str, name: str) -> Iterator[Document | Rejected]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield reject(name, name, "bad_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    except (ValueError, RecursionError) as exc:  # an integer of over 4,300 digits, or very deep nesting
        yield reject(name, name, "bad_json", str(exc) if isinstance(exc, ValueError) else "nested too deeply")
        return
    if isinstance(value, dict):
        yield _record_document(value, name, default_id=name, item_id=name)
    elif isinstance(value, list):
        for index, record in enumerate(value, start=1):
            item = f"{name}#{index}"
            yield _record_document(record, name, default_id=item, item_id=item)
    else:
        yield reject(name, name, "bad_json", f"top level is {type(value).__name__}, not a record or a list")


def _read_jsonl(text: str, name: str) -> Iterator[Document | Rejected]:
    # Split on line feeds only: str.splitlines() would also cut at U+2028 or U+0085, which JSON
    # allows raw inside a string.
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = f"{name}:{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield reject(item, name, "bad_json", f"column {exc.colno}: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:
            yield reject(item, name, "bad_json", str(exc) if isinstance(exc, ValueError) else "nested too deeply")
            continue
        yield _record_document(record, name, default_id=item, item_id=item)


def _record_document(record: Any, name: str, default_id: str, item_id: str) -> Document | Rejected:
    if not isinstance(record, dict):
        return reject(item_id, name, "bad_record", f"expected an object, got {type(record).__name__}")
    record_id = record.get("id")
    # Record ids, like every string of a record, may hold lone surrogates ("\ud800" is valid JSON).
    record_id = without_surrogates(str(record_id)) if isinstance(record_id, (str, int)) and record_id != "" else None
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        kind, content = "html", without_surrogates(html)
    elif isinstance(text, str) and text.strip():
        content = without_surrogates(text)
        kind = sniff_kind(content)
    else:
        at = ""
        if record_id and item_id != name and item_id.startswith(name):  # where the record is: its line or place
            at = f"{'line' if item_id[len(name)] == ':' else 'item'} {item_id[len(name) + 1:]}: "
        return reject(record_id or item_id, name, "bad_record", f"{at}no non-empty 'text' or 'html' field")
    return Document(
        document_id=record_id or default_id,
        path=name,
        kind=kind,
        content=content,
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        published=parse_record_date(record.get("published")),
        language=_optional_str(record.get("language")),
        retrieved=parse_record_date(record.get("retrieved")),
    )


def parse_record_date(value: Any) -> date | None:
    """An ISO date or datetime from a record's ``published`` or ``retrieved`` field; anything
    else is no date."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        found = datetime.fromisoformat(value).date()
    except ValueError:
        try:
            found = date.fromisoformat(value[:10])
        except ValueError:
            return None
    return found if plausible(found) else None


def _optional_str(value: Any) -> str | None:
    return without_surrogates(value.strip()) or None if isinstance(value, str) else None


def _suffix(path: Path) -> str | None:
    lower = path.name.lower()
    for suffix in WARC_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES:
        if lower.endswith(suffix):
            return suffix
    return None


def reject(item_id: str, path: str, reason: str, detail: str = "") -> Rejected:
    return Rejected(item_id=item_id, path=path, stage=STAGE, reason=reason, detail=detail)

