// CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold the delimiter, a quote or
// a line break; quotes doubled), in UTF-8 with a byte-order mark so that Excel reads å, ä and ö.
// Text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading
// apostrophe. `semicolon` is for Excel with Swedish regional settings: ';' between fields and a
// decimal comma.

export type Cell = string | number | boolean | null;
export interface Column<R> { header: string; value: (row: R) => Cell }
export type Delimiter = 'comma' | 'semicolon';

export const BOM = '\uFEFF';

function cell(value: Cell, delimiter: Delimiter): string {
  let text: string;
  if (value === null) text = '';
  else if (typeof value === 'number') text = delimiter === 'semicolon' ? String(value).replace('.', ',') : String(value);
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const sep = delimiter === 'semicolon' ? ';' : ',';
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[], delimiter: Delimiter = 'comma'): string {
  const sep = delimiter === 'semicolon' ? ';' : ',';
  const lines = [columns.map((c) => cell(c.header, delimiter)).join(sep)];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r), delimiter)).join(sep));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
