// A plain data table (the table alternative to every chart, and the lists): Fluent's Table with
// column headers and a name.
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface Column<R> { header: string; cell: (row: R) => ReactNode; numeric?: boolean }

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export function DataTable<R>({ name, columns, rows, rowKey }: { name: string; columns: Column<R>[]; rows: R[]; rowKey: (row: R, i: number) => string }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-label={name} size="small">
        <TableHeader>
          <TableRow>
            {columns.map((c) => <TableHeaderCell key={c.header} scope="col" className={c.numeric ? styles.numeric : undefined}>{c.header}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={rowKey(r, i)}>
              {columns.map((c) => <TableCell key={c.header} className={c.numeric ? styles.numeric : undefined}>{c.cell(r)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function useMonoStyle(): string {
  return useStyles().mono;
}
