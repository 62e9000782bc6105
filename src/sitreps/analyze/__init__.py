"""Analysis over stored events; ``export`` writes JSON Lines, CSV and terminal tables."""

from .export import CSV_COLUMNS, csv_row, event_record, format_table, source_name, write_csv, write_jsonl

__all__ = ["CSV_COLUMNS", "csv_row", "event_record", "format_table", "source_name", "write_csv", "write_jsonl"]
