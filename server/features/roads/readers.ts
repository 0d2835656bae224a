/**
 * Readers of OpenStreetMap files, each feeding an OsmRoadCollector as it goes:
 * Overpass API JSON, .osm XML (streamed with saxes) and .osm.pbf (blocks
 * read one at a time, decoded with pbf; docs/roads.md says why not a
 * ready-made PBF reader).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { PbfReader } from 'pbf';
import type { OsmRoadCollector, OsmTags } from '../../core/roads/osm.js';
import { validationError, type DomainError } from '../../core/domain/errors.js';
import type { RoadFileFormat } from './repository.js';

/** A file we cannot read as OpenStreetMap data: a validation error on the field "file". */
export function badRoadFile(message: string, messageId: string): DomainError {
  return validationError([{ field: 'file', message, messageId }]);
}

/** The format by the file's name, else by its first byte. */
export function roadFileFormatOf(fileName: string, firstByte: number | undefined): RoadFileFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.pbf')) return 'osm-pbf';
  if (name.endsWith('.json') || name.endsWith('.geojson')) return 'overpass-json';
  if (name.endsWith('.osm') || name.endsWith('.xml')) return 'osm-xml';
  if (firstByte === 0x7b) return 'overpass-json';
  if (firstByte === 0x3c) return 'osm-xml';
  return 'osm-pbf';
}

export async function readRoadFile(filePath: string, format: RoadFileFormat, collector: OsmRoadCollector): Promise<void> {
  if (format === 'overpass-json') return readOverpassJson(filePath, collector);
  if (format === 'osm-xml') return readOsmXml(filePath, collector);
  return readOsmPbf(filePath, collector);
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function tagsOf(value: unknown): OsmTags {
  if (value === null || typeof value !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

// ---------------------------------------------------------------- Overpass JSON

async function readOverpassJson(filePath: string, collector: OsmRoadCollector): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(await fs.promises.readFile(filePath, 'utf8'));
  } catch (err) {
    throw badRoadFile(`${path.basename(filePath)} is not valid JSON (${(err as Error).message})`, `${path.basename(filePath)} bukan JSON yang sah`);
  }
  const elements = (doc as { elements?: unknown } | null)?.elements;
  if (!Array.isArray(elements)) {
    throw badRoadFile(`${path.basename(filePath)} has no "elements" list: not an Overpass API answer`, `${path.basename(filePath)} tidak berisi daftar "elements": bukan jawaban Overpass API`);
  }
  for (const [i, el] of elements.entries()) {
    const e = el as { type?: unknown; id?: unknown; lat?: unknown; lon?: unknown; nodes?: unknown; tags?: unknown };
    if (e.type === 'node') {
      if (!isFiniteNumber(e.id) || !isFiniteNumber(e.lat) || !isFiniteNumber(e.lon) || Math.abs(e.lat) > 90 || Math.abs(e.lon) > 180) {
        throw badRoadFile(`element ${i} is a node without a valid id, lat and lon`, `elemen ${i} adalah node tanpa id, lat dan lon yang sah`);
      }
      collector.addNode(e.id, e.lat, e.lon, e.tags ? tagsOf(e.tags) : null);
    } else if (e.type === 'way') {
      if (!isFiniteNumber(e.id) || !Array.isArray(e.nodes) || !e.nodes.every(isFiniteNumber)) {
        throw badRoadFile(`element ${i} is a way without a valid id and node list`, `elemen ${i} adalah way tanpa id dan daftar node yang sah`);
      }
      collector.addWay(e.id, e.nodes, tagsOf(e.tags));
    }
  }
}

// ---------------------------------------------------------------- OSM XML

async function readOsmXml(filePath: string, collector: OsmRoadCollector): Promise<void> {
  const parser = new SaxesParser();
  let sawOsm = false;
  let way: { id: number; nodes: number[]; tags: Record<string, string> } | null = null;
  let node: { id: number; lat: number; lon: number; tags: Record<string, string> | null } | null = null;
  let failure: DomainError | null = null;
  const fail = (message: string, messageId: string) => {
    failure ??= badRoadFile(`${path.basename(filePath)} line ${parser.line}: ${message}`, `${path.basename(filePath)} baris ${parser.line}: ${messageId}`);
  };
  parser.on('error', (err) => fail(`not well-formed XML (${err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')})`, 'XML tidak tersusun dengan benar'));
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'osm':
        sawOsm = true;
        break;
      case 'node': {
        const id = Number(a.id);
        const lat = Number(a.lat);
        const lon = Number(a.lon);
        if (!Number.isFinite(id) || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          fail('a node without a valid id, lat and lon', 'node tanpa id, lat dan lon yang sah');
          break;
        }
        node = { id, lat, lon, tags: null };
        if (tag.isSelfClosing) {
          collector.addNode(id, lat, lon, null);
          node = null;
        }
        break;
      }
      case 'way': {
        const id = Number(a.id);
        if (!Number.isFinite(id)) fail('a way without a valid id', 'way tanpa id yang sah');
        else way = { id, nodes: [], tags: {} };
        break;
      }
      case 'nd':
        if (way) {
          const ref = Number(a.ref);
          if (Number.isFinite(ref)) way.nodes.push(ref);
          else fail('a way node (nd) without a valid ref', 'nd tanpa ref yang sah');
        }
        break;
      case 'tag':
        if (way) way.tags[a.k] = a.v;
        else if (node) (node.tags ??= {})[a.k] = a.v;
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'node' && node) {
      collector.addNode(node.id, node.lat, node.lon, node.tags);
      node = null;
    } else if (tag.name === 'way' && way) {
      collector.addWay(way.id, way.nodes, way.tags);
      way = null;
    }
  });
  const stream = fs.createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    parser.write(chunk as string);
    if (failure) break;
  }
  stream.destroy();
  if (!failure) parser.close();
  if (failure) throw failure;
  if (!sawOsm) throw badRoadFile(`${path.basename(filePath)} has no <osm> element: not an OpenStreetMap XML file`, `${path.basename(filePath)} tidak berisi elemen <osm>: bukan berkas XML OpenStreetMap`);
}

// ---------------------------------------------------------------- OSM PBF

/** What a reader of ours understands (anything else listed in a file's header is refused). */
const PBF_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);
/** The format's own limits: a header at most 64 KiB, a blob at most 32 MiB. */
const MAX_HEADER = 64 * 1024;
const MAX_BLOB = 32 * 1024 * 1024;

async function readOsmPbf(filePath: string, collector: OsmRoadCollector): Promise<void> {
  const name = path.basename(filePath);
  const bad = (message: string, messageId: string) => badRoadFile(`${name}: ${message}`, `${name}: ${messageId}`);
  const file = await fs.promises.open(filePath, 'r');
  try {
    const size = (await file.stat()).size;
    let at = 0;
    let sawHeader = false;
    while (at < size) {
      const lengthBuf = Buffer.alloc(4);
      if ((await file.read(lengthBuf, 0, 4, at)).bytesRead < 4) throw bad('the file ends in the middle of a block', 'berkas berakhir di tengah blok');
      const headerLength = lengthBuf.readUInt32BE(0);
      if (headerLength === 0 || headerLength > MAX_HEADER) throw bad('not an OpenStreetMap PBF file (bad block header)', 'bukan berkas PBF OpenStreetMap (kepala blok rusak)');
      const header = Buffer.alloc(headerLength);
      if ((await file.read(header, 0, headerLength, at + 4)).bytesRead < headerLength) throw bad('the file ends in the middle of a block', 'berkas berakhir di tengah blok');
      const { type, dataSize } = new PbfReader(header).readFields(
        (tag, h: { type: string; dataSize: number }, pbf) => {
          if (tag === 1) h.type = pbf.readString();
          else if (tag === 3) h.dataSize = pbf.readVarint();
        },
        { type: '', dataSize: -1 },
      );
      if (dataSize < 0 || dataSize > MAX_BLOB || (type !== 'OSMHeader' && type !== 'OSMData')) throw bad('not an OpenStreetMap PBF file (bad block header)', 'bukan berkas PBF OpenStreetMap (kepala blok rusak)');
      const blob = Buffer.alloc(dataSize);
      if ((await file.read(blob, 0, dataSize, at + 4 + headerLength)).bytesRead < dataSize) throw bad('the file ends in the middle of a block', 'berkas berakhir di tengah blok');
      at += 4 + headerLength + dataSize;
      const data = blobData(blob, bad);
      if (type === 'OSMHeader') {
        sawHeader = true;
        const required = new PbfReader(data).readFields((tag, list: string[], pbf) => {
          if (tag === 4) list.push(pbf.readString());
        }, []);
        const unknown = required.filter((f) => !PBF_FEATURES.has(f));
        if (unknown.length) throw bad(`needs features this reader lacks: ${unknown.join(', ')}`, `memerlukan fitur yang tidak didukung: ${unknown.join(', ')}`);
      } else {
        if (!sawHeader) throw bad('data before the OSMHeader block', 'data sebelum blok OSMHeader');
        readPrimitiveBlock(data, collector);
      }
    }
    if (!sawHeader) throw bad('an empty file', 'berkas kosong');
  } finally {
    await file.close();
  }
}

function blobData(blob: Buffer, bad: (m: string, id: string) => DomainError): Uint8Array {
  const b = new PbfReader(blob).readFields(
    (tag, r: { raw?: Uint8Array; zlib?: Uint8Array; other?: boolean }, pbf) => {
      if (tag === 1) r.raw = pbf.readBytes();
      else if (tag === 3) r.zlib = pbf.readBytes();
      else if (tag === 4 || tag === 5 || tag === 6 || tag === 7) r.other = true;
    },
    {},
  );
  if (b.raw) return b.raw;
  if (b.zlib) {
    try {
      return zlib.inflateSync(b.zlib);
    } catch {
      throw bad('a damaged compressed block', 'blok terkompresi rusak');
    }
  }
  throw bad(b.other ? 'a block compressed other than with zlib (re-save it with osmium cat)' : 'an empty block', b.other ? 'blok terkompresi selain zlib (simpan ulang dengan osmium cat)' : 'blok kosong');
}

interface BlockState {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: [number, number][];
}

function readPrimitiveBlock(data: Uint8Array, collector: OsmRoadCollector): void {
  const pbf = new PbfReader(data);
  // Strings and the coordinate scale come first in practice, but the format allows any order: read them, then the groups.
  const block = pbf.readFields(
    (tag, b: BlockState, p) => {
      if (tag === 1) {
        const end = p.readVarint() + p.pos;
        while (p.pos < end) {
          const field = p.readVarint();
          if (field >> 3 === 1) b.strings.push(p.readString());
          else p.skip(field);
        }
      } else if (tag === 2) {
        const length = p.readVarint();
        b.groups.push([p.pos, p.pos + length]);
        p.pos += length;
      } else if (tag === 17) b.granularity = p.readVarint();
      else if (tag === 19) b.latOffset = p.readVarint(true);
      else if (tag === 20) b.lonOffset = p.readVarint(true);
    },
    { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] },
  );
  const lat = (v: number) => 1e-9 * (block.latOffset + block.granularity * v);
  const lon = (v: number) => 1e-9 * (block.lonOffset + block.granularity * v);
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    pbf.readFields(
      (tag, _r, p) => {
        if (tag === 1) readNode(p, block, lat, lon, collector);
        else if (tag === 2) readDenseNodes(p, block, lat, lon, collector);
        else if (tag === 3) readWay(p, block, collector);
      },
      null,
      end,
    );
  }
}

function tagsFrom(keys: number[], values: number[], strings: string[]): OsmTags | null {
  if (keys.length === 0) return null;
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i]]] = strings[values[i]];
  return tags;
}

function readNode(p: PbfReader, block: BlockState, lat: (v: number) => number, lon: (v: number) => number, collector: OsmRoadCollector): void {
  const n = p.readMessage(
    (tag, r: { id: number; lat: number; lon: number; keys: number[]; values: number[] }, q) => {
      if (tag === 1) r.id = q.readSVarint();
      else if (tag === 2) q.readPackedVarint(r.keys);
      else if (tag === 3) q.readPackedVarint(r.values);
      else if (tag === 8) r.lat = q.readSVarint();
      else if (tag === 9) r.lon = q.readSVarint();
    },
    { id: 0, lat: 0, lon: 0, keys: [], values: [] },
  );
  collector.addNode(n.id, lat(n.lat), lon(n.lon), tagsFrom(n.keys, n.values, block.strings));
}

function readDenseNodes(p: PbfReader, block: BlockState, lat: (v: number) => number, lon: (v: number) => number, collector: OsmRoadCollector): void {
  const d = p.readMessage(
    (tag, r: { ids: number[]; lats: number[]; lons: number[]; keysVals: number[] }, q) => {
      if (tag === 1) q.readPackedSVarint(r.ids);
      else if (tag === 8) q.readPackedSVarint(r.lats);
      else if (tag === 9) q.readPackedSVarint(r.lons);
      else if (tag === 10) q.readPackedVarint(r.keysVals);
    },
    { ids: [], lats: [], lons: [], keysVals: [] },
  );
  let id = 0;
  let la = 0;
  let lo = 0;
  let kv = 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i];
    la += d.lats[i];
    lo += d.lons[i];
    let tags: Record<string, string> | null = null;
    if (d.keysVals.length) {
      while (kv < d.keysVals.length && d.keysVals[kv] !== 0) {
        (tags ??= {})[block.strings[d.keysVals[kv]]] = block.strings[d.keysVals[kv + 1]];
        kv += 2;
      }
      kv++;
    }
    collector.addNode(id, lat(la), lon(lo), tags);
  }
}

function readWay(p: PbfReader, block: BlockState, collector: OsmRoadCollector): void {
  const w = p.readMessage(
    (tag, r: { id: number; keys: number[]; values: number[]; refs: number[] }, q) => {
      if (tag === 1) r.id = q.readVarint();
      else if (tag === 2) q.readPackedVarint(r.keys);
      else if (tag === 3) q.readPackedVarint(r.values);
      else if (tag === 8) q.readPackedSVarint(r.refs);
    },
    { id: 0, keys: [], values: [], refs: [] },
  );
  let ref = 0;
  const nodes = w.refs.map((delta) => (ref += delta));
  collector.addWay(w.id, nodes, tagsFrom(w.keys, w.values, block.strings) ?? {});
}
