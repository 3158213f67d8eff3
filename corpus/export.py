"""Write whole corpus tables or one query's result as CSV, JSON or Parquet files for pandas/R users."""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path
from typing import Iterator

import sqlite_utils

from corpus.errors import CorpusError

LOG = logging.getLogger(__name__)
FORMATS = ("csv", "json", "parquet")
EXPORT_TABLES = ("sources", "pages", "articles", "sentences", "officials", "institutions", "dates", "figures",
                 "flags", "flag_reasons")
SKIPPED_COLUMNS = {"pages": {"body"}}  # raw HTML stays in the database; export the extracted articles instead
CHUNK = 5000


def _select(db: sqlite_utils.Database, table: str) -> str:
    if table not in db.table_names():
        raise CorpusError(f"table {table!r} is not in the corpus; choose from {', '.join(EXPORT_TABLES)}")
    columns = [c for c in db[table].columns_dict if c not in SKIPPED_COLUMNS.get(table, set())]
    return f"select {', '.join(f'[{c}]' for c in columns)} from [{table}]"


def _chunks(db: sqlite_utils.Database, sql: str) -> tuple[list[str], Iterator[list[tuple]]]:
    try:
        cursor = db.execute(sql)
    except Exception as exc:
        raise CorpusError(f"query failed: {exc}") from exc
    names = [d[0] for d in cursor.description]

    def rows():
        while batch := cursor.fetchmany(CHUNK):
            yield batch
    return names, rows()


def _write_csv(path: Path, names, chunks, types=None) -> int:
    count = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(names)
        for batch in chunks:
            writer.writerows(batch)
            count += len(batch)
    return count


def _write_json(path: Path, names, chunks, types=None) -> int:
    """A JSON array of objects (pandas.read_json(orient='records'), jsonlite::fromJSON), streamed."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for batch in chunks:
            for row in batch:
                out.write(",\n" if count else "\n")
                out.write(json.dumps(dict(zip(names, row)), ensure_ascii=False,
                                     default=lambda b: b.decode("utf-8", "replace")))
                count += 1
        out.write("\n]\n")
    return count


def _arrow_schema(pa, names, types, first_batch):
    """Column types from the declared SQLite types, else from the first rows; unknown (all NULL) -> string."""
    by_declared = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "bytes": pa.binary()}
    fields = []
    for i, name in enumerate(names):
        kind = (types or {}).get(name)
        arrow_type = by_declared.get(getattr(kind, "__name__", ""))
        if arrow_type is None:
            sample = next((row[i] for row in first_batch if row[i] is not None), "")
            arrow_type = pa.array([sample]).type
        fields.append(pa.field(name, arrow_type))
    return pa.schema(fields)


def _write_parquet(path: Path, names, chunks, types=None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise CorpusError("parquet export needs pyarrow: pip install pyarrow (or use --format csv/json)") from exc
    writer, count = None, 0
    for batch in chunks:
        if writer is None:
            writer = pq.ParquetWriter(path, _arrow_schema(pa, names, types, batch))
        columns = list(zip(*batch))
        writer.write_table(pa.Table.from_arrays(
            [pa.array(col, type=field.type) for col, field in zip(columns, writer.schema)], schema=writer.schema))
        count += len(batch)
    if writer is None:
        writer = pq.ParquetWriter(path, _arrow_schema(pa, names, types, []))
    writer.close()
    return count


WRITERS = {"csv": _write_csv, "json": _write_json, "parquet": _write_parquet}


def export(db: sqlite_utils.Database, out_dir: Path, fmt: str, tables=(), query: str | None = None,
           name: str = "query") -> dict[str, tuple[Path, int]]:
    """Export `tables` (all when empty) or the result of `query`; returns {name: (file, rows)}."""
    if fmt not in FORMATS:
        raise CorpusError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"{out_dir}: cannot create the export directory ({exc.strerror})") from exc
    jobs = {name: query} if query else {t: _select(db, t) for t in (tables or EXPORT_TABLES)}
    written = {}
    for label, sql in jobs.items():
        path = out_dir / f"{label}.{fmt}"
        names, chunks = _chunks(db, sql)
        types = None if query else db[label].columns_dict
        written[label] = (path, WRITERS[fmt](path, names, chunks, types=types))
        LOG.info("exported %s: %d rows to %s", label, written[label][1], path)
    return written
