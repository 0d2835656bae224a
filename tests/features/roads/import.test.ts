/**
 * The importer on small hand-written extracts (.osm XML and the same as
 * .osm.pbf written by osmium): one-way streets both ways round, a roundabout,
 * a gate that cuts a street, a private street and a footway left out, a
 * maxspeed cap, an island dropped and reported; bad files refused with a
 * clear error and nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useRoadsScratch } from './support.js';
import { importRoadNetwork, roadMatrix, roadNetworkOf, type RoadImportReport } from '../../../server/features/roads/service.js';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const xmlFile = path.join(fixtures, 'small-town.osm');
const pbfFile = path.join(fixtures, 'small-town.osm.pbf');

/** The town's nodes (small-town.osm). */
const node = {
  1: { lat: -1.25, lon: 116.8 },
  2: { lat: -1.25, lon: 116.8009 },
  3: { lat: -1.25, lon: 116.8018 },
  4: { lat: -1.2509, lon: 116.8 },
  5: { lat: -1.2509, lon: 116.8009 },
  6: { lat: -1.2509, lon: 116.8018 },
  7: { lat: -1.2518, lon: 116.8 },
  8: { lat: -1.2518, lon: 116.8009 },
  9: { lat: -1.2518, lon: 116.8018 },
  20: { lat: -1.2527, lon: 116.8009 },
  21: { lat: -1.253, lon: 116.8012 },
  30: { lat: -1.25, lon: 116.82 },
};

const scratch = useRoadsScratch('roads-import-');

/** Metres and seconds from a to b on the utility's network. */
async function trip(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const m = await roadMatrix(scratch.env.ctx, scratch.env.utility.id, [a, b]);
  return { metres: m.distances[1], seconds: m.durations[1], offNetwork: Array.from(m.offNetwork) };
}

function expectTownStats(report: RoadImportReport) {
  expect(report.stats).toMatchObject({
    osmNodes: 16,
    osmWays: 11,
    roadWays: 9, // not the private diagonal, not the footway
    vertices: 12, // nodes 1-9, both sides of the gate, the roundabout's entry
    edges: 15,
    droppedEdges: 1, // the island
    droppedComponents: 1,
  });
  expect(report.stats.droppedKm).toBeCloseTo(0.1, 1);
}

describe('importing a hand-written .osm XML town', () => {
  let report: RoadImportReport;
  beforeAll(async () => {
    report = await importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, xmlFile);
  });

  it('splits ways at shared nodes, drops the island and reports it', async () => {
    expectTownStats(report);
    expect(report.network).toMatchObject({ format: 'osm-xml', fileName: 'small-town.osm', edges: 15, droppedEdges: 1 });
    const { rows } = await scratch.env.db.raw('SELECT osm_way_id, count(*)::int AS n FROM road_edges WHERE utility_id = ? GROUP BY 1 ORDER BY 1', [scratch.env.utility.id]);
    expect(rows).toEqual([
      { osm_way_id: 101, n: 2 },
      { osm_way_id: 102, n: 3 },
      { osm_way_id: 103, n: 2 },
      { osm_way_id: 104, n: 2 },
      { osm_way_id: 105, n: 2 },
      { osm_way_id: 106, n: 2 },
      { osm_way_id: 110, n: 1 },
      { osm_way_id: 111, n: 1 },
    ]);
  });

  it('a oneway=yes street is driven only in node order: 1 -> 7 straight down, 7 -> 1 around the block', async () => {
    const down = await trip(node[1], node[7]);
    const up = await trip(node[7], node[1]);
    expect(down.metres).toBeGreaterThan(195);
    expect(down.metres).toBeLessThan(205);
    expect(up.metres).toBeGreaterThan(395);
    expect(up.metres).toBeLessThan(405);
    expect(up.seconds).toBeGreaterThan(down.seconds);
  });

  it('a oneway=-1 street is driven only against node order (nodes 9, 6, 3: only 3 -> 9)', async () => {
    expect((await trip(node[3], node[9])).metres).toBeLessThan(205);
    expect((await trip(node[9], node[3])).metres).toBeGreaterThan(395);
  });

  it('a roundabout is one-way (clockwise as drawn): 20 -> 21 a quarter, 21 -> 20 three quarters', async () => {
    const quarter = await trip(node[20], node[21]);
    const threeQuarters = await trip(node[21], node[20]);
    expect(quarter.metres).toBeGreaterThan(40);
    expect(quarter.metres).toBeLessThan(55);
    expect(threeQuarters.metres).toBeGreaterThan(3 * 40);
    expect(threeQuarters.metres).toBeLessThan(3 * 55);
  });

  it('a gate with access=private cuts its street: 4 -> 5 goes round by 7 and 8', async () => {
    const t = await trip(node[4], node[5]);
    expect(t.metres).toBeGreaterThan(295);
    expect(t.metres).toBeLessThan(305);
  });

  it('a private street and a footway are not driven: 1 -> 9 and 1 -> 5 by the grid', async () => {
    expect((await trip(node[1], node[9])).metres).toBeGreaterThan(395);
    expect((await trip(node[1], node[5])).metres).toBeGreaterThan(195);
  });

  it('speeds come from the class (residential 20 km/h), capped by maxspeed (10 on the south street)', async () => {
    const residential = await trip(node[1], node[2]);
    expect(residential.seconds).toBeCloseTo(100.2 / (20 / 3.6), -0.5);
    const capped = await trip(node[7], node[8]);
    expect(capped.seconds).toBeCloseTo(100.2 / (10 / 3.6), -0.5);
  });

  it('the island was dropped: a point on it is off the network', async () => {
    expect((await trip(node[1], node[30])).offNetwork).toEqual([0, 1]);
  });
});

describe('importing the same town as .osm.pbf (written by osmium)', () => {
  it('gives the same network and the same matrix as the XML', async () => {
    const points = Object.values(node);
    await importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, xmlFile);
    const fromXml = await roadMatrix(scratch.env.ctx, scratch.env.utility.id, points);
    const report = await importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, pbfFile);
    expectTownStats(report);
    expect(report.network.format).toBe('osm-pbf');
    const fromPbf = await roadMatrix(scratch.env.ctx, scratch.env.utility.id, points);
    expect(Array.from(fromPbf.durations)).toEqual(Array.from(fromXml.durations));
    expect(Array.from(fromPbf.distances)).toEqual(Array.from(fromXml.distances));
  });
});

describe('a bad file is refused with a clear error, and the network in place stays', () => {
  const cases: [string, string, string | Buffer, RegExp][] = [
    ['truncated XML', 'cut.osm', fs.readFileSync(xmlFile, 'utf8').slice(0, 900), /not well-formed XML|line/],
    ['XML that is no OSM', 'other.osm', '<?xml version="1.0"?><html><body/></html>', /no <osm> element/],
    ['a way naming a missing node', 'missing.osm', '<osm version="0.6"><node id="1" lat="-1.25" lon="116.8"/><way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way></osm>', /way 9 names node 2/],
    ['a node without coordinates', 'nocoords.osm', '<osm version="0.6"><node id="1" lat="x" lon="116.8"/></osm>', /node without a valid id, lat and lon/],
    ['no drivable road', 'paths.osm', '<osm version="0.6"><node id="1" lat="-1.25" lon="116.8"/><node id="2" lat="-1.251" lon="116.8"/><way id="9"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>', /no drivable road/],
    ['JSON that is no Overpass answer', 'other.json', '{"type":"FeatureCollection","features":[]}', /no "elements" list/],
    ['broken JSON', 'broken.json', '{"elements": [', /not valid JSON/],
    ['a PBF file cut short', 'cut.osm.pbf', fs.readFileSync(pbfFile).subarray(0, 200), /ends in the middle of a block/],
    ['a file that is no PBF', 'text.osm.pbf', 'this is not a protocol buffer at all, just words', /not an OpenStreetMap PBF file/],
    ['an empty file', 'empty.osm', '', /is empty/],
  ];

  it.each(cases)('%s', async (_what, name, content, message) => {
    await importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, xmlFile);
    const before = await roadNetworkOf(scratch.env.ctx, scratch.env.utility.id);
    const file = path.join(scratch.tmp, name);
    fs.writeFileSync(file, content);
    const err = await importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'file' }] } });
    const field = (err as { details: { fields: { message: string; messageId: string }[] } }).details.fields[0];
    expect(field.message).toMatch(message);
    expect(field.messageId.length).toBeGreaterThan(5);
    const after = await roadNetworkOf(scratch.env.ctx, scratch.env.utility.id);
    expect(after).toEqual(before);
    const { rows } = await scratch.env.db.raw('SELECT count(*)::int AS n FROM road_edges WHERE utility_id = ? AND network_id = ?', [scratch.env.utility.id, before!.id]);
    expect(rows[0].n).toBe(15);
  });

  it('a file that does not exist', async () => {
    await expect(importRoadNetwork(scratch.env.ctx, scratch.env.utility.id, path.join(scratch.tmp, 'nowhere.osm'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /cannot be read \(ENOENT\)/ });
  });
});
