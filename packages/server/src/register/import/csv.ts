import fs from "node:fs";

/**
 * A streaming RFC 4180 reader: quoted fields with "" escapes and line breaks, CRLF or LF, a UTF-8
 * BOM. Yields each record with its row number as a spreadsheet shows it (the header is row 1).
 * Written here rather than pulled from npm: it is 60 lines and the importer needs row numbers.
 */
export type CsvRow = { row: number; fields: string[] };

export async function* readCsv(file: string): AsyncGenerator<CsvRow> {
  const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let afterQuote = false;
  let row = 1;
  let first = true;
  let pending: CsvRow[] = [];
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) pending.push({ row, fields });
    row += 1;
    fields = [];
    field = "";
    afterQuote = false;
  };
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = chunk;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === 34 /* " */) {
          field += text.slice(start, i);
          if (text.charCodeAt(i + 1) === 34) {
            field += '"';
            i += 1;
          } else {
            quoted = false;
            afterQuote = true;
          }
          start = i + 1;
        }
        continue;
      }
      if (c === 44 /* , */) {
        fields.push(field + text.slice(start, i));
        field = "";
        afterQuote = false;
        start = i + 1;
      } else if (c === 10 /* \n */) {
        field += text.slice(start, i);
        if (field.endsWith("\r")) field = field.slice(0, -1);
        endRecord();
        start = i + 1;
      } else if (c === 34 && !afterQuote && field === "" && start === i) {
        quoted = true;
        start = i + 1;
      }
    }
    field += text.slice(start);
    if (pending.length > 0) {
      yield* pending;
      pending = [];
    }
  }
  if (field !== "" || fields.length > 0) {
    if (field.endsWith("\r")) field = field.slice(0, -1);
    endRecord();
  }
  yield* pending;
}

/** Quotes a field when it needs it. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (values: ReadonlyArray<string | number | null | undefined>): string =>
  `${values.map(csvField).join(",")}\n`;
