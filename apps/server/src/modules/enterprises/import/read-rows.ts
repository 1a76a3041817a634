import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DecodeTextStream } from './decode-text.js';

/** A cell as read: text, a number, a date (xlsx with date styles), or nothing. */
export type Cell = string | number | Date | null;

export interface RawRow {
  /** 1-based, as the user sees it in Excel (blank rows counted). */
  rowNumber: number;
  /** Column 0 is A. */
  cells: Cell[];
}

export type ImportFileKind = 'csv' | 'xlsx';

/**
 * The rows of a spreadsheet, one at a time: memory stays bounded by a row (plus,
 * for xlsx, the workbook's shared-string table, which ExcelJS keeps in memory).
 * csv: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK; delimiter
 * detected (comma, tab, semicolon …). xlsx: the first visible worksheet; formula
 * results and rich text flattened to their values; hyperlinks and styles ignored,
 * so date cells arrive as Excel serial numbers (parseDate reads them).
 */
export function readRows(file: string, kind: ImportFileKind): AsyncIterable<RawRow> {
  return readRowsFrom(fs.createReadStream(file), kind);
}

/** The same from a byte stream (an upload being received, a test's generator); the stream is destroyed at the end. */
export function readRowsFrom(source: Readable, kind: ImportFileKind): AsyncIterable<RawRow> {
  return kind === 'csv' ? readCsv(source) : readXlsx(source);
}

async function* readCsv(source: Readable): AsyncGenerator<RawRow> {
  const decode = new DecodeTextStream();
  // Papa's duplex stream parses row by row (its `step`) and pauses the parser when
  // the readable side is full: back-pressure reaches the file through the pipeline.
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  pipeline(source, decode, parser, (error) => {
    if (error) parser.destroy(error);
  });
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record.map((v) => (v === '' ? null : v)) };
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}

async function* readXlsx(input: Readable): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const state = (sheet as unknown as { state?: string }).state;
      if (state === 'hidden' || state === 'veryHidden') continue;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(flatten(values[i]));
        yield { rowNumber: row.number, cells };
      }
      return; // first worksheet only
    }
  } finally {
    input.destroy();
  }
}

/** ExcelJS cell values → plain values: rich text joined, formula results taken, errors dropped. */
export function flatten(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) {
      const text = (v['richText'] as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
      return text === '' ? null : text;
    }
    if ('formula' in v || 'sharedFormula' in v) return flatten(v['result']);
    if ('error' in v) return null;
    if ('text' in v) return flatten(v['text']);
    if ('result' in v) return flatten(v['result']);
  }
  return null;
}
