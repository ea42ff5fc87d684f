// The CSV writer: RFC 4180 quoting, UTF-8 BOM, formula guard and the Swedish-Excel variant, each
// checked by parsing the output back with papaparse.
import Papa from 'papaparse';
import { toCsv, type Column } from '../../src/server/reports/csv';

type Row = { text: string; n: number | null };
const columns: Column<Row>[] = [{ header: 'text', value: (r) => r.text }, { header: 'n', value: (r) => r.n }];
const rows: Row[] = [
  { text: 'Åtgärdad, "med citat"', n: 1.5 },
  { text: 'två\r\nrader', n: null },
  { text: 'öppen', n: -2 },
];

describe('CSV export', () => {
  it('starts with a byte-order mark, ends lines with CRLF, and parses back to the same cells', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFFtext,n\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([['text', 'n'], ['Åtgärdad, "med citat"', '1.5'], ['två\r\nrader', ''], ['öppen', '-2']]);
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    const csv = toCsv(columns, [{ text: '=HYPERLINK("x")', n: 0 }, { text: '@SUM(A1)', n: 0 }]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(["'=HYPERLINK(\"x\")", "'@SUM(A1)"]);
  });

  it('writes semicolons and decimal commas for Excel with Swedish regional settings', () => {
    const csv = toCsv(columns, [{ text: 'a;b', n: 0.75 }], 'semicolon');
    expect(csv).toBe('\uFEFFtext;n\r\n"a;b";0,75\r\n');
    expect(Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data).toEqual([['text', 'n'], ['a;b', '0,75']]);
  });
});
