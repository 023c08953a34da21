import { useEffect, useRef, useState, type ReactNode } from 'react';
import classes from './statistics.module.css';

/**
 * Two small SVG charts (no chart library): horizontal bars for categories with long Vietnamese names,
 * and a line over years. Each is one image to assistive technology (role="img", named by its title
 * and a sentence listing every value); the table under it holds the same numbers and is the fallback.
 * Laid out in pixels for the width it gets, so the text stays readable on a phone.
 */
export interface ChartItem { key: string; label: string; value: number }

interface ChartProps {
  title: string;
  /** what the values count (the value axis) */
  valueLabel: string;
  items: ChartItem[];
  /** the sentence read instead of the picture */
  summary: string;
  empty: string;
  format: (n: number) => string;
  'data-testid'?: string;
}

const FONT = 12;
/** a rough average glyph width of the UI font at FONT px, to cut labels before they overflow */
const GLYPH = 7.2;

function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Round numbers for the value axis: 0 and up to four steps of 1, 2 or 5 × 10ⁿ reaching the largest value. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.max(step, Math.ceil(max / step) * step);
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step));
}

const cut = (text: string, room: number) => {
  const chars = Math.max(4, Math.floor(room / GLYPH));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
};

function Frame({ title, children, width }: { title: string; children: ReactNode; width: number }) {
  return (
    <figure className={classes.chart} style={{ maxWidth: width }}>
      <figcaption className={classes.chartTitle}>{title}</figcaption>
      {children}
    </figure>
  );
}

export function BarChart({ title, valueLabel, items, summary, empty, format, ...rest }: ChartProps) {
  const { ref, width } = useWidth(720);
  // on a narrow screen each label gets its own line above its bar, uncut as far as the width allows
  const stacked = width < 560;
  // the plot's left edge: after the labels, or a little margin so the axis's first number shows whole
  const labelWidth = stacked ? 10 : Math.min(280, Math.round(width * 0.38));
  const valueRoom = 56;
  const plot = Math.max(40, width - labelWidth - valueRoom - 8);
  const row = stacked ? 42 : 26;
  const barHeight = 18;
  const top = 8;
  const scale = ticks(Math.max(0, ...items.map((i) => i.value)));
  const max = scale.at(-1)!;
  const bottom = top + items.length * row;
  const height = bottom + 40;
  const x = (v: number) => labelWidth + (v / max) * plot;
  const barTop = (i: number) => top + i * row + row - barHeight - 4;
  return (
    <div ref={ref}>
      <Frame title={title} width={width}>
        {items.length === 0 ? <p className={classes.chartEmpty}>{empty}</p> : (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid={rest['data-testid']}>
            <title>{title}</title>
            {scale.map((t) => (
              <g key={t} aria-hidden="true">
                <line x1={x(t)} x2={x(t)} y1={top} y2={bottom} className={classes.grid} />
                <text x={x(t)} y={bottom + 16} textAnchor="middle" fontSize={FONT - 1} className={classes.axisText}>{format(t)}</text>
              </g>
            ))}
            {items.map((item, i) => (
              <g key={item.key}>
                <title>{`${item.label}: ${format(item.value)}`}</title>
                {stacked
                  ? <text x={labelWidth + 4} y={barTop(i) - 5} fontSize={FONT} className={classes.label}>{cut(item.label, width - labelWidth - 8)}</text>
                  : <text x={labelWidth - 6} y={barTop(i) + barHeight - 5} textAnchor="end" fontSize={FONT} className={classes.label}>{cut(item.label, labelWidth - 10)}</text>}
                <rect className={classes.bar} data-bar={item.key} x={labelWidth} y={barTop(i)}
                  width={Math.max(item.value > 0 ? 2 : 0, x(item.value) - labelWidth)} height={barHeight} rx={2} />
                <text x={x(item.value) + 4} y={barTop(i) + barHeight - 5} fontSize={FONT} className={classes.value}>{format(item.value)}</text>
              </g>
            ))}
            <line x1={labelWidth} x2={labelWidth} y1={top} y2={bottom} className={classes.axis} />
            <text x={labelWidth + plot / 2} y={height - 4} textAnchor="middle" fontSize={FONT} className={classes.axisText}>{valueLabel}</text>
          </svg>
        )}
      </Frame>
    </div>
  );
}

export function LineChart({ title, valueLabel, items, summary, empty, format, xLabel, ...rest }: ChartProps & { xLabel: string }) {
  const { ref, width } = useWidth(720);
  const left = 56;
  const right = 16;
  const top = 20;
  const plotHeight = 180;
  const height = top + plotHeight + 48;
  const scale = ticks(Math.max(0, ...items.map((i) => i.value)));
  const max = scale.at(-1)!;
  const step = items.length > 1 ? (width - left - right) / (items.length - 1) : 0;
  const x = (i: number) => (items.length > 1 ? left + i * step : left + (width - left - right) / 2);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  // every label when they fit, else every second, fifth… (the values stay in the table and the summary)
  const every = [1, 2, 5, 10].find((k) => (step * k) >= 36) ?? 10;
  return (
    <div ref={ref}>
      <Frame title={title} width={width}>
        {items.length === 0 ? <p className={classes.chartEmpty}>{empty}</p> : (
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} data-testid={rest['data-testid']}>
            <title>{title}</title>
            {scale.map((t) => (
              <g key={t} aria-hidden="true">
                <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className={classes.grid} />
                <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize={FONT - 1} className={classes.axisText}>{format(t)}</text>
              </g>
            ))}
            <polyline className={classes.line} points={items.map((item, i) => `${x(i)},${y(item.value)}`).join(' ')} />
            {items.map((item, i) => (
              <g key={item.key}>
                <title>{`${item.label}: ${format(item.value)}`}</title>
                <circle className={classes.point} data-point={item.key} cx={x(i)} cy={y(item.value)} r={4} />
                {(i % every === 0 || items.length <= 12) && (
                  <text x={x(i)} y={y(item.value) - 8} textAnchor="middle" fontSize={FONT - 1} className={classes.value}>{format(item.value)}</text>
                )}
                {i % every === 0 && (
                  <text x={x(i)} y={top + plotHeight + 18} textAnchor="middle" fontSize={FONT} className={classes.label}>{item.label}</text>
                )}
              </g>
            ))}
            <line x1={left} x2={width - right} y1={top + plotHeight} y2={top + plotHeight} className={classes.axis} />
            <text x={(left + width - right) / 2} y={height - 6} textAnchor="middle" fontSize={FONT} className={classes.axisText}>{xLabel}</text>
            <text transform={`translate(12 ${top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT} className={classes.axisText}>{valueLabel}</text>
          </svg>
        )}
      </Frame>
    </div>
  );
}
