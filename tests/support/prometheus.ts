/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: it throws on any line a
 * Prometheus server would refuse, and checks what a histogram must hold (cumulative buckets,
 * +Inf = _count). Written from the format's specification, independently of the server's writer.
 */

export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedFamily {
  name: string;
  help: string;
  type: string;
  samples: ParsedSample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(text.slice(i))?.[0];
    if (!name || text[i + name.length] !== '=' || text[i + name.length + 1] !== '"') throw new Error(`bad label in: ${line}`);
    i += name.length + 2;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') throw new Error(`unterminated label value in: ${line}`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === '\\') value += '\\';
        else if (next === '"') value += '"';
        else if (next === 'n') value += '\n';
        else throw new Error(`bad escape in: ${line}`);
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    if (name in labels) throw new Error(`label ${name} twice in: ${line}`);
    labels[name] = value;
    i++;
    if (text[i] === ',') i++;
    else if (i !== text.length) throw new Error(`bad label list in: ${line}`);
  }
  return labels;
}

const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count', ''] };

export function parseExposition(text: string): Map<string, ParsedFamily> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, ParsedFamily>();
  let current: ParsedFamily | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line))) {
      if (families.has(m[1]!)) throw new Error(`family ${m[1]} declared twice`);
      current = { name: m[1]!, help: m[2]!, type: 'untyped', samples: [] };
      families.set(current.name, current);
    } else if ((m = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line))) {
      if (!current || current.name !== m[1] || current.samples.length) throw new Error(`TYPE of ${m[1]} must follow its HELP, before its samples`);
      current.type = m[2]!;
    } else if ((m = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`).exec(line))) {
      const name = m[1]!;
      if (!current) throw new Error(`sample before any HELP: ${line}`);
      const allowed = (SUFFIXES[current.type] ?? ['']).map((s) => current!.name + s);
      if (!allowed.includes(name)) throw new Error(`sample ${name} outside its family ${current.name}`);
      current.samples.push({ name, labels: parseLabels(m[2] ?? '', line), value: parseValue(m[3]!, line) });
    } else {
      throw new Error(`not a line of the text format: ${JSON.stringify(line)}`);
    }
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

function checkHistogram(family: ParsedFamily): void {
  const buckets = family.samples.filter((s) => s.name.endsWith('_bucket'));
  let previous = -Infinity;
  let previousCount = 0;
  for (const b of buckets) {
    const le = parseValue(b.labels.le ?? '', `le of ${family.name}`);
    if (!(le > previous)) throw new Error(`${family.name}: buckets must increase`);
    if (b.value < previousCount) throw new Error(`${family.name}: buckets must be cumulative`);
    previous = le;
    previousCount = b.value;
  }
  const count = family.samples.find((s) => s.name === `${family.name}_count`)?.value;
  if (previous !== Infinity) throw new Error(`${family.name}: the last bucket must be +Inf`);
  if (previousCount !== count) throw new Error(`${family.name}: +Inf must equal _count`);
  if (!family.samples.some((s) => s.name === `${family.name}_sum`)) throw new Error(`${family.name}: no _sum`);
}

/** The value of one sample, by its labels (all given labels must match). */
export function sampleValue(families: Map<string, ParsedFamily>, family: string, name: string = family, labels: Record<string, string> = {}): number | undefined {
  return families.get(family)?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
