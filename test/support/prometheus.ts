// parse-prometheus-text-format ships no types: these are the shapes it returns.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parse = require('parse-prometheus-text-format') as (text: string) => MetricFamily[];

interface Sample {
  labels?: Record<string, string>;
  value?: string;
  count?: string;
  sum?: string;
  buckets?: Record<string, string>;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

/** /metrics as a Prometheus server would read it, with a lookup of one series by name and labels. */
export async function scrape(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const families = parse(text);
  const sample = (name: string, labels: Record<string, string> = {}): Sample | undefined =>
    families
      .find((f) => f.name === name)
      ?.metrics.find((m) => Object.entries(labels).every(([key, value]) => m.labels?.[key] === value));
  return {
    families,
    contentType: response.headers.get('content-type'),
    has: (name: string) => families.some((f) => f.name === name),
    /**
     * A labelled histogram's observation count, read from its `_count` line: the parser folds the
     * series of a histogram with labels into one, so it cannot tell them apart.
     */
    histogramCount: (name: string, labels: Record<string, string>): number => {
      const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
      const line = text.split('\n').find((l) => l.startsWith(`${name}_count{`) && wanted.every((w) => l.includes(w)));
      return Number(line?.split(' ').at(-1) ?? 0);
    },
    /** A counter's or gauge's value, or an unlabelled histogram's count; 0 for a series not there yet. */
    value: (name: string, labels: Record<string, string> = {}): number => {
      const found = sample(name, labels);
      return Number(found?.value ?? found?.count ?? 0);
    },
  };
}
