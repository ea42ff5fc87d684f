// A chart with its table alternative: the chart first, the same numbers as a table one click away.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { BarChart, type ChartRow } from './BarChart';
import { DataTable, type Column } from './DataTable';
import { useReportsText } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

export function ChartWithTable<R>({ title, chart, columns, rows, rowKey, openTable = false }: {
  title: string; chart: ChartRow[]; columns: Column<R>[]; rows: R[]; rowKey: (row: R, i: number) => string; openTable?: boolean;
}) {
  const styles = useStyles();
  const t = useReportsText();
  const headingId = useId();
  return (
    <div className={styles.root} role="group" aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>{title}</Subtitle2>
      <BarChart title={title} rows={chart} />
      <Accordion collapsible defaultOpenItems={openTable ? ['table'] : []}>
        <AccordionItem value="table">
          <AccordionHeader size="small" button={{ 'aria-describedby': headingId }}>{t('showTable')}</AccordionHeader>
          <AccordionPanel>
            <DataTable name={t('tableOf', { title })} columns={columns} rows={rows} rowKey={rowKey} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
