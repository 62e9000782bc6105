"""WARC files: each successful HTML response becomes a Document ``path#n``.

The WARC-Date header is when the page was crawled, not when it was published, so it is never
used as the publication date; it is kept as ``retrieved``, the latest day the page can tell of.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Iterator

from ..config import Settings
from ..model import Document, Rejected
from .readers import decode_input, parse_record_date, reject

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def read_warc(path: Path, name: str, settings: Settings) -> Iterator[Document | Rejected]:
    """HTML responses of a .warc or .warc.gz; a truncated or corrupt file ends with ``bad_warc``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or not _is_html_ok(record):
                    continue
                count += 1
                item = f"{name}#{count}"
                payload = record.content_stream().read(settings.max_input_bytes + 1)
                # warcio stops quietly at the end of a cut-off record: what is left unread
                # of the declared length tells that the file is truncated.
                if getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= settings.max_input_bytes:
                    yield reject(item, name, "bad_warc", f"record {count} is truncated")
                    return
                yield _document(record, payload, item, name, settings)
            size = path.stat().st_size
            # A gzip member cut in the middle ends the iteration early without an error.
            if records.offset < size:
                yield reject(name, name, "bad_warc", f"unreadable data after byte {records.offset} of {size}")
                return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        yield reject(name, name, "bad_warc", f"{type(exc).__name__}: {exc}")
        return
    except AttributeError as exc:
        # warcio 1.8 raises AttributeError on some garbled headers instead of ArchiveLoadFailed.
        yield reject(name, name, "bad_warc", f"garbled record header ({exc})")
        return
    except OSError as exc:
        yield reject(name, name, "unreadable", exc.strerror or str(exc))
        return
    if count == 0:
        yield reject(name, name, "no_text", "no HTML response records")


def _is_html_ok(record) -> bool:
    headers = record.http_headers
    if headers is None:
        return False
    status = headers.get_statuscode() or ""
    content_type = (headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and content_type.startswith(_HTML_TYPES)


def _document(record, payload: bytes, item: str, name: str, settings: Settings) -> Document | Rejected:
    if len(payload) > settings.max_input_bytes:
        return reject(item, name, "too_large", f"response larger than {settings.max_input_bytes} bytes")
    charset = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
    decoded = decode_input(payload, item, name, charset.group(1) if charset else None)
    if isinstance(decoded, Rejected):
        return decoded
    return Document(
        document_id=item,
        path=name,
        kind="html",
        content=decoded,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        retrieved=parse_record_date(record.rec_headers.get_header("WARC-Date")),
    )
