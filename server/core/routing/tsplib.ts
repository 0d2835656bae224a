/**
 * Readers and writers for TSPLIB (.tsp, .vrp, .tour) and CVRPLIB (.sol) text.
 * Pure: text in, data out. Every error is a RoutingError 'parse_error' whose
 * message and details name the 1-based line.
 */
import { parseError } from './base/errors.js';
import { isTsplibMetric, matrixFromCoordinates } from './base/metrics.js';

export interface TsplibInstance {
  name: string;
  /** TSP, CVRP, ... as written in the file. */
  type: string;
  comment: string;
  dimension: number;
  edgeWeightType: string;
  capacity?: number;
  /** Coordinates when the file has a NODE_COORD_SECTION. */
  x?: Float64Array;
  y?: Float64Array;
  /** Integer distances, row-major dimension x dimension. */
  matrix: Int32Array;
  /** CVRP: demand per node (0-based node index). */
  demands?: Int32Array;
  /** CVRP: depot nodes, 0-based. */
  depots?: number[];
}

interface Line {
  no: number;
  text: string;
}

function splitLines(text: string): Line[] {
  return text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t.trim() }));
}

const HEADER = /^([A-Z_]+)\s*:\s*(.*)$/;
const SECTION = /^([A-Z_]+_SECTION)\s*:?\s*$/;

function toNumber(token: string, line: number, what: string, source?: string): number {
  const v = Number(token);
  if (token === '' || !Number.isFinite(v)) throw parseError(line, `expected a number for ${what}, got "${token}"`, source);
  return v;
}

function toInteger(token: string, line: number, what: string, source?: string): number {
  const v = toNumber(token, line, what, source);
  if (!Number.isInteger(v)) throw parseError(line, `expected an integer for ${what}, got "${token}"`, source);
  return v;
}

/** Reads a .tsp or .vrp file. `source` (a file name) is only used in messages. */
export function parseTsplib(text: string, source?: string): TsplibInstance {
  const lines = splitLines(text);
  const header: Record<string, { value: string; line: number }> = {};
  let x: Float64Array | undefined;
  let y: Float64Array | undefined;
  let weights: number[] | undefined;
  let weightsLine = 0;
  let demands: Int32Array | undefined;
  let depots: number[] | undefined;
  let i = 0;

  let dim: number | undefined;
  let capacity: number | undefined;
  const dimension = (): number => {
    if (dim === undefined) throw parseError(lines[i - 1]?.no ?? 1, 'section before DIMENSION', source);
    return dim;
  };

  while (i < lines.length) {
    const { no, text: t } = lines[i];
    if (t === '' || t === 'EOF') {
      i++;
      continue;
    }
    const section = SECTION.exec(t);
    if (section) {
      const name = section[1];
      i++;
      const n = dimension();
      if (name === 'NODE_COORD_SECTION') {
        x = new Float64Array(n);
        y = new Float64Array(n);
        const seen = new Uint8Array(n);
        for (let k = 0; k < n; k++, i++) {
          const l = lines[i];
          if (!l || l.text === '' || l.text === 'EOF' || SECTION.test(l.text))
            throw parseError(l?.no ?? lines.length, `NODE_COORD_SECTION: expected ${n} nodes, found ${k}`, source);
          const parts = l.text.split(/\s+/);
          if (parts.length !== 3) throw parseError(l.no, `expected "id x y", got "${l.text}"`, source);
          const id = toInteger(parts[0], l.no, 'node id', source);
          if (id < 1 || id > n) throw parseError(l.no, `node id ${id} outside 1..${n}`, source);
          if (seen[id - 1]) throw parseError(l.no, `node id ${id} given twice`, source);
          seen[id - 1] = 1;
          x[id - 1] = toNumber(parts[1], l.no, 'x', source);
          y[id - 1] = toNumber(parts[2], l.no, 'y', source);
        }
      } else if (name === 'DEMAND_SECTION') {
        demands = new Int32Array(n);
        for (let k = 0; k < n; k++, i++) {
          const l = lines[i];
          if (!l || l.text === '' || SECTION.test(l.text))
            throw parseError(l?.no ?? lines.length, `DEMAND_SECTION: expected ${n} lines, found ${k}`, source);
          const parts = l.text.split(/\s+/);
          if (parts.length !== 2) throw parseError(l.no, `expected "id demand", got "${l.text}"`, source);
          const id = toInteger(parts[0], l.no, 'node id', source);
          if (id < 1 || id > n) throw parseError(l.no, `node id ${id} outside 1..${n}`, source);
          const d = toInteger(parts[1], l.no, 'demand', source);
          if (d < 0) throw parseError(l.no, `negative demand ${d}`, source);
          demands[id - 1] = d;
        }
      } else if (name === 'DEPOT_SECTION') {
        depots = [];
        for (;;) {
          const l = lines[i];
          if (!l) throw parseError(lines.length, 'DEPOT_SECTION: missing -1', source);
          i++;
          if (l.text === '') continue;
          const id = toInteger(l.text, l.no, 'depot id', source);
          if (id === -1) break;
          if (id < 1 || id > n) throw parseError(l.no, `depot id ${id} outside 1..${n}`, source);
          depots.push(id - 1);
        }
      } else if (name === 'EDGE_WEIGHT_SECTION') {
        weights = [];
        weightsLine = no;
        while (i < lines.length) {
          const l = lines[i];
          if (l.text === 'EOF' || SECTION.test(l.text) || HEADER.test(l.text)) break;
          if (l.text !== '') for (const tok of l.text.split(/\s+/)) weights.push(toNumber(tok, l.no, 'edge weight', source));
          i++;
        }
      } else if (name === 'DISPLAY_DATA_SECTION' || name === 'FIXED_EDGES_SECTION') {
        while (i < lines.length && !SECTION.test(lines[i].text) && lines[i].text !== 'EOF') i++;
      } else {
        throw parseError(no, `unsupported section ${name}`, source);
      }
      continue;
    }
    const h = HEADER.exec(t);
    if (!h) throw parseError(no, `expected "KEY : value" or a section, got "${t}"`, source);
    const key = h[1];
    const value = h[2].trim();
    if (key === 'DIMENSION' || key === 'CAPACITY') {
      const v = toInteger(value, no, key, source);
      if (v <= 0) throw parseError(no, `${key} must be positive, got ${v}`, source);
      if (key === 'DIMENSION') dim = v;
      else capacity = v;
    } else {
      header[key] = { value, line: no };
    }
    i++;
  }

  if (dim === undefined) throw parseError(1, 'missing DIMENSION', source);
  const n = dim;
  const edgeWeightType = header.EDGE_WEIGHT_TYPE?.value ?? '';
  let matrix: Int32Array;
  if (edgeWeightType === 'EXPLICIT') {
    if (!weights) throw parseError(lines.length, 'EDGE_WEIGHT_TYPE EXPLICIT without EDGE_WEIGHT_SECTION', source);
    matrix = explicitMatrix(n, header.EDGE_WEIGHT_FORMAT?.value ?? 'FULL_MATRIX', weights, weightsLine, source);
  } else if (isTsplibMetric(edgeWeightType)) {
    if (!x || !y) throw parseError(lines.length, `EDGE_WEIGHT_TYPE ${edgeWeightType} without NODE_COORD_SECTION`, source);
    matrix = matrixFromCoordinates(x, y, edgeWeightType);
  } else {
    throw parseError(header.EDGE_WEIGHT_TYPE?.line ?? 1, `unsupported EDGE_WEIGHT_TYPE "${edgeWeightType}"`, source);
  }
  const type = header.TYPE?.value ?? '';
  if (type === 'CVRP') {
    if (capacity === undefined) throw parseError(lines.length, 'CVRP without CAPACITY', source);
    if (!demands) throw parseError(lines.length, 'CVRP without DEMAND_SECTION', source);
  }
  return {
    name: header.NAME?.value ?? '',
    type,
    comment: header.COMMENT?.value ?? '',
    dimension: n,
    edgeWeightType,
    capacity,
    x,
    y,
    matrix,
    demands,
    depots: depots ?? (demands ? [0] : undefined),
  };
}

/** Explicit TSPLIB weights (FULL_MATRIX, UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW, LOWER_DIAG_ROW). */
function explicitMatrix(n: number, format: string, w: number[], line: number, source?: string): Int32Array {
  const m = new Int32Array(n * n);
  const expected: Record<string, number> = {
    FULL_MATRIX: n * n,
    UPPER_ROW: (n * (n - 1)) / 2,
    LOWER_ROW: (n * (n - 1)) / 2,
    UPPER_DIAG_ROW: (n * (n + 1)) / 2,
    LOWER_DIAG_ROW: (n * (n + 1)) / 2,
  };
  if (!(format in expected)) throw parseError(line, `unsupported EDGE_WEIGHT_FORMAT "${format}"`, source);
  if (w.length !== expected[format])
    throw parseError(line, `EDGE_WEIGHT_SECTION: ${format} needs ${expected[format]} weights, found ${w.length}`, source);
  let k = 0;
  const set = (i: number, j: number) => {
    m[i * n + j] = w[k];
    m[j * n + i] = w[k++];
  };
  if (format === 'FULL_MATRIX') for (let i = 0; i < n * n; i++) m[i] = w[i];
  else if (format === 'UPPER_ROW') for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) set(i, j);
  else if (format === 'LOWER_ROW') for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) set(i, j);
  else if (format === 'UPPER_DIAG_ROW') for (let i = 0; i < n; i++) for (let j = i; j < n; j++) set(i, j);
  else for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) set(i, j);
  return m;
}

/** Reads a TSPLIB .tour file; returns 0-based node ids in visit order. */
export function parseTour(text: string, source?: string): number[] {
  const lines = splitLines(text);
  const tour: number[] = [];
  let dimension: number | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const { no, text: t } = lines[i];
    if (t === '') continue;
    if (t === 'TOUR_SECTION') break;
    const h = HEADER.exec(t);
    if (!h) throw parseError(no, `expected "KEY : value" or TOUR_SECTION, got "${t}"`, source);
    if (h[1] === 'DIMENSION') dimension = toInteger(h[2].trim(), no, 'DIMENSION', source);
  }
  if (i === lines.length) throw parseError(lines.length, 'missing TOUR_SECTION', source);
  let ended = false;
  for (i++; i < lines.length && !ended; i++) {
    const { no, text: t } = lines[i];
    if (t === '') continue;
    if (t === 'EOF') throw parseError(no, 'EOF before the closing -1', source);
    for (const tok of t.split(/\s+/)) {
      const id = toInteger(tok, no, 'node id', source);
      if (id === -1) {
        ended = true;
        break;
      }
      if (id < 1 || (dimension !== undefined && id > dimension))
        throw parseError(no, `node id ${id} outside 1..${dimension ?? 'n'}`, source);
      tour.push(id - 1);
    }
  }
  if (!ended) throw parseError(lines.length, 'TOUR_SECTION without the closing -1', source);
  if (dimension !== undefined && tour.length !== dimension)
    throw parseError(lines.length, `tour has ${tour.length} nodes, DIMENSION is ${dimension}`, source);
  const seen = new Set(tour);
  if (seen.size !== tour.length) throw parseError(lines.length, 'tour visits a node twice', source);
  return tour;
}

export interface CvrpSolutionText {
  /** Customers per route, numbered as in the file (CVRPLIB: customer c is node c+1, depot omitted). */
  routes: number[][];
  cost: number | null;
}

/** Reads a CVRPLIB .sol file (`Route #k: c1 c2 ...`, then `Cost X`). */
export function parseCvrpSolution(text: string, source?: string): CvrpSolutionText {
  const routes: number[][] = [];
  let cost: number | null = null;
  for (const { no, text: t } of splitLines(text)) {
    if (t === '') continue;
    const route = /^Route\s*#\s*(\d+)\s*:(.*)$/i.exec(t);
    if (route) {
      const body = route[2].trim();
      routes.push(body === '' ? [] : body.split(/\s+/).map((tok) => toInteger(tok, no, 'customer', source)));
      continue;
    }
    const c = /^Cost\s+(\S+)\s*$/i.exec(t);
    if (c) {
      cost = toNumber(c[1], no, 'cost', source);
      continue;
    }
    throw parseError(no, `expected "Route #k: ..." or "Cost X", got "${t}"`, source);
  }
  if (routes.length === 0) throw parseError(1, 'no routes', source);
  return { routes, cost };
}

/** TSPLIB TOUR text: a comment with the length, TOUR_SECTION, 1-based ids, -1, EOF. */
export function formatTour(name: string, tour: readonly number[], length: number): string {
  const out = [
    `NAME : ${name}.tour`,
    `COMMENT : Length ${length}`,
    'TYPE : TOUR',
    `DIMENSION : ${tour.length}`,
    'TOUR_SECTION',
  ];
  for (const c of tour) out.push(String(c + 1));
  out.push('-1', 'EOF');
  return out.join('\n') + '\n';
}

/** CVRPLIB solution text; routes hold customers numbered as in .sol files. */
export function formatCvrpSolution(routes: readonly (readonly number[])[], cost: number): string {
  const out: string[] = [];
  let k = 1;
  for (const r of routes) {
    if (r.length === 0) continue;
    out.push(`Route #${k++}: ${r.join(' ')}`);
  }
  out.push(`Cost ${cost}`);
  return out.join('\n') + '\n';
}
