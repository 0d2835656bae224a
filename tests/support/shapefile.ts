/**
 * A zipped ESRI Shapefile (.shp, .dbf; WGS84, no .prj) of named polygons,
 * written byte by byte, for the tests of the Shapefile import: no writer
 * library is needed for a handful of rectangles.
 */
import zlib from 'node:zlib';

export interface NamedRing {
  name: string;
  /** One outer ring, [lon, lat] pairs, closed. Written clockwise, as the format wants outer rings. */
  ring: number[][];
}

const isClockwise = (ring: number[][]) => ring.reduce((sum, [x1, y1], i) => (i === 0 ? 0 : sum + (x1 - ring[i - 1][0]) * (y1 + ring[i - 1][1])), 0) > 0;

function shp(shapes: NamedRing[]): Buffer {
  const rings = shapes.map((s) => (isClockwise(s.ring) ? s.ring : [...s.ring].reverse()));
  const records = rings.map((ring, i) => {
    const content = Buffer.alloc(44 + 4 + ring.length * 16);
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    content.writeInt32LE(5, 0); // polygon
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => content.writeDoubleLE(v, 4 + 8 * k));
    content.writeInt32LE(1, 36); // parts
    content.writeInt32LE(ring.length, 40);
    content.writeInt32LE(0, 44); // the part starts at point 0
    ring.forEach(([x, y], k) => {
      content.writeDoubleLE(x, 48 + 16 * k);
      content.writeDoubleLE(y, 56 + 16 * k);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([header, content]);
  });
  const all = rings.flat();
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + records.reduce((n, r) => n + r.length, 0)) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))].forEach((v, k) => head.writeDoubleLE(v, 36 + 8 * k));
  return Buffer.concat([head, ...records]);
}

function dbf(shapes: NamedRing[], field: string): Buffer {
  const width = 40;
  const head = Buffer.alloc(32 + 32 + 1);
  head.writeUInt8(3, 0);
  head.writeUInt8(126, 1);
  head.writeUInt8(11, 2);
  head.writeUInt8(30, 3);
  head.writeUInt32LE(shapes.length, 4);
  head.writeUInt16LE(head.length, 8);
  head.writeUInt16LE(1 + width, 10);
  head.write(field.slice(0, 10), 32, 'latin1');
  head.write('C', 32 + 11, 'latin1');
  head.writeUInt8(width, 32 + 16);
  head.writeUInt8(0x0d, 64);
  const rows = shapes.map((s) => Buffer.from(` ${s.name.padEnd(width).slice(0, width)}`, 'latin1'));
  return Buffer.concat([head, ...rows, Buffer.from([0x1a])]);
}

/** Stored (uncompressed) entries: every unzip reads them. */
function zip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.write(name, 30, 'latin1');
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    central.write(name, 46, 'latin1');
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `<base>.shp` and `<base>.dbf` (one text field) in a zip. */
export function shapefileZip(base: string, shapes: NamedRing[], field = 'NAMA'): Buffer {
  return zip({ [`${base}.shp`]: shp(shapes), [`${base}.dbf`]: dbf(shapes, field) });
}
