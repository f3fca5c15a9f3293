// Charts for reports, drawn on the server as SVG by Vega-Lite/Vega (no canvas, no browser, no
// network): the report file carries them inline. Same data → same SVG bytes.
import type { TopLevelSpec } from 'vega-lite';
import type { Severity } from '../core/types.js';

export const SEVERITY_COLORS: Record<Severity, string> = { critical: '#a40e26', major: '#c2410c', minor: '#9a6700', neutral: '#8c959f' };
const ORDER: Severity[] = ['critical', 'major', 'minor', 'neutral'];

const CONFIG = {
  font: 'system-ui, Segoe UI, Roboto, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 11, labelColor: '#1b1f24', titleColor: '#1b1f24' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: null },
};

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: Vega takes a second to load, and most commands draw no chart.
  const [{ compile }, { parse, View }] = await Promise.all([import('vega-lite'), import('vega')]);
  const vg = compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // An accessible name, and no XML declaration: the SVG goes inline into HTML.
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(spec.description ?? 'chart')}" `);
  } finally {
    view.finalize();
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const severityColor = {
  field: 'severity',
  type: 'nominal' as const,
  title: 'Severity',
  scale: { domain: ORDER, range: ORDER.map((s) => SEVERITY_COLORS[s]) },
  sort: ORDER,
};

/** Errors per category, stacked by severity. */
export function errorsByCategoryChart(rows: Array<{ category: string; severity: Severity; count: number }>): Promise<string> | null {
  if (rows.length === 0) return null;
  return renderSvg({
    description: 'Errors per category, by severity',
    width: 460,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 220 } },
      x: { field: 'count', type: 'quantitative', title: 'Errors', axis: { tickMinStep: 1, format: 'd' } },
      color: severityColor,
      order: { field: 'rank', type: 'quantitative' },
    },
    transform: [{ calculate: `indexof(${JSON.stringify(ORDER)}, datum.severity)`, as: 'rank' }],
  } as TopLevelSpec);
}

/** A strip along the document: the penalty of each sentence pair, coloured by its worst error. */
export function penaltyStripChart(rows: Array<{ pair: number; penalty: number; worst: Severity | 'none' }>): Promise<string> | null {
  if (rows.length === 0) return null;
  return renderSvg({
    description: 'Penalty points per sentence pair along the document',
    width: Math.max(300, Math.min(900, rows.length * 24)),
    height: 120,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'pair', type: 'ordinal', title: 'Sentence pair', axis: { labelAngle: 0, labelOverlap: true } },
      y: { field: 'penalty', type: 'quantitative', title: 'Penalty', axis: { tickMinStep: 1 } },
      color: {
        field: 'worst',
        type: 'nominal',
        title: 'Worst error',
        scale: { domain: [...ORDER, 'none'], range: [...ORDER.map((s) => SEVERITY_COLORS[s]), '#d0d7de'] },
      },
    },
  } as TopLevelSpec);
}

/** One bar per item (system or document) with its MQM score and the pass threshold as a rule. */
export function scoreBarsChart(rows: Array<{ name: string; score: number; pass: boolean }>, threshold?: number, title = 'MQM score'): Promise<string> | null {
  if (rows.length === 0) return null;
  const layers: unknown[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'name', type: 'nominal', title: null, sort: '-x' },
        x: { field: 'score', type: 'quantitative', title, scale: { domainMax: 100 } },
        color: { field: 'result', type: 'nominal', title: null, scale: { domain: ['PASS', 'FAIL'], range: ['#116329', '#a40e26'] } },
      },
    },
  ];
  if (threshold !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], color: '#1b1f24' }, encoding: { x: { datum: threshold } } });
  return renderSvg({
    description: `${title} per item`,
    width: 460,
    data: { values: rows.map((r) => ({ ...r, result: r.pass ? 'PASS' : 'FAIL' })) },
    layer: layers,
  } as TopLevelSpec);
}

/** Errors per category for several systems side by side. */
export function categoryBySystemChart(rows: Array<{ system: string; category: string; count: number }>): Promise<string> | null {
  if (rows.length === 0) return null;
  return renderSvg({
    description: 'Errors per category for each system',
    width: 460,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', title: null },
      yOffset: { field: 'system', type: 'nominal' },
      x: { field: 'count', type: 'quantitative', title: 'Errors', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'system', type: 'nominal', title: 'System' },
    },
  } as TopLevelSpec);
}
