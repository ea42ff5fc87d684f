// A small horizontal bar chart in SVG, drawn with design tokens so Teams' light, dark and high-contrast
// themes restyle it. Every bar carries its value as text (colour never carries meaning alone), the
// chart has a name and a one-line summary for screen readers, and a table with the same numbers sits
// under it (ChartWithTable).
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useReportsText } from './strings';

export interface ChartRow {
  label: string;
  /** One value per series. */
  values: number[];
  /** What is written after each bar, e.g. "12" or "median 2 h". */
  texts: string[];
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const BAR_SPACE = 300;
const BAR_HEIGHT = 16;
const GAP = 4;
const ROW_GAP = 10;
const MAX_LABEL = 34;

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', maxWidth: `${WIDTH}px`, height: 'auto', overflow: 'visible' },
  label: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: '12px' },
  value: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: '12px', fontWeight: tokens.fontWeightSemibold },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  series0: { fill: tokens.colorBrandBackground },
  series1: { fill: tokens.colorNeutralStrokeAccessible },
});

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

export function BarChart({ title, rows }: { title: string; rows: ChartRow[] }) {
  const styles = useStyles();
  const t = useReportsText();
  const titleId = useId();
  const descId = useId();
  const series = Math.max(1, ...rows.map((r) => r.values.length));
  const max = Math.max(0, ...rows.flatMap((r) => r.values));
  const rowHeight = series * BAR_HEIGHT + (series - 1) * GAP + ROW_GAP;
  const height = Math.max(rowHeight, rows.length * rowHeight);
  const top = rows.reduce<{ row: ChartRow; value: number } | null>((best, row) => {
    const v = row.values[0] ?? 0;
    return best === null || v > best.value ? { row, value: v } : best;
  }, null);
  const summary = rows.length === 0 || top === null
    ? t('chartEmpty')
    : t('chartSummary', { n: rows.length, label: top.row.label, value: top.row.texts[0] ?? String(top.value) });
  const seriesClass = [styles.series0, styles.series1];

  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <line className={styles.axis} x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} />
      {rows.map((row, i) => {
        const y = i * rowHeight;
        return (
          <g key={`${row.label}-${i}`}>
            <text className={styles.label} x={LABEL_WIDTH - 8} y={y + (rowHeight - ROW_GAP) / 2} textAnchor="end" dominantBaseline="middle">{shorten(row.label)}</text>
            {row.values.map((value, s) => {
              const length = max === 0 ? 0 : Math.max(value > 0 ? 2 : 0, (value / max) * BAR_SPACE);
              const by = y + s * (BAR_HEIGHT + GAP);
              return (
                <g key={s}>
                  <rect className={seriesClass[s % 2]} x={LABEL_WIDTH + 1} y={by} width={length} height={BAR_HEIGHT} rx={2} />
                  <text className={styles.value} x={LABEL_WIDTH + length + 8} y={by + BAR_HEIGHT / 2} dominantBaseline="middle">{row.texts[s] ?? String(value)}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
