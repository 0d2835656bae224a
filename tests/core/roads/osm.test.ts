/** The OpenStreetMap tag rules of the road importer (core/roads/osm.ts), one by one. */
import { describe, expect, it } from 'vitest';
import { isBlockingBarrier, isDrivable, maxspeedKmh, onewayOf, OsmRoadCollector } from '../../../server/core/roads/osm.js';

describe('OpenStreetMap tag rules', () => {
  it('oneway: yes/1/true forward, -1/reverse backward, no both; roundabouts and motorways one-way unless tagged', () => {
    for (const v of ['yes', '1', 'true']) expect(onewayOf({ highway: 'residential', oneway: v })).toBe(1);
    for (const v of ['-1', 'reverse']) expect(onewayOf({ highway: 'residential', oneway: v })).toBe(-1);
    for (const v of ['no', 'false', '0']) expect(onewayOf({ highway: 'residential', oneway: v })).toBe(0);
    expect(onewayOf({ highway: 'residential' })).toBe(0);
    expect(onewayOf({ highway: 'tertiary', junction: 'roundabout' })).toBe(1);
    expect(onewayOf({ highway: 'tertiary', junction: 'circular' })).toBe(1);
    expect(onewayOf({ highway: 'tertiary', junction: 'roundabout', oneway: 'no' })).toBe(0);
    expect(onewayOf({ highway: 'motorway' })).toBe(1);
    expect(onewayOf({ highway: 'motorway', oneway: 'no' })).toBe(0);
    expect(onewayOf({ highway: 'motorway_link' })).toBe(0);
  });

  it('access: the most specific tag wins; private and no keep cars out', () => {
    expect(isDrivable({ highway: 'residential' })).toBe(true);
    expect(isDrivable({ highway: 'residential', access: 'private' })).toBe(false);
    expect(isDrivable({ highway: 'residential', access: 'no' })).toBe(false);
    expect(isDrivable({ highway: 'residential', access: 'no', motor_vehicle: 'yes' })).toBe(true);
    expect(isDrivable({ highway: 'residential', motorcar: 'no' })).toBe(false);
    expect(isDrivable({ highway: 'residential', access: 'destination' })).toBe(true);
    expect(isDrivable({ highway: 'pedestrian', area: 'yes' })).toBe(false);
  });

  it('a barrier blocks only with access no/private', () => {
    expect(isBlockingBarrier({ barrier: 'gate', access: 'private' })).toBe(true);
    expect(isBlockingBarrier({ barrier: 'gate', motor_vehicle: 'no' })).toBe(true);
    expect(isBlockingBarrier({ barrier: 'gate', access: 'yes' })).toBe(false);
    expect(isBlockingBarrier({ barrier: 'gate' })).toBe(false);
    expect(isBlockingBarrier({ access: 'private' })).toBe(false);
  });

  it('maxspeed in km/h from "50", "50 km/h", "30 mph"; nothing from words', () => {
    expect(maxspeedKmh('50')).toBe(50);
    expect(maxspeedKmh('50 km/h')).toBe(50);
    expect(maxspeedKmh('30 mph')).toBeCloseTo(48.28, 2);
    expect(maxspeedKmh('ID:urban')).toBeNull();
    expect(maxspeedKmh('0')).toBeNull();
    expect(maxspeedKmh(undefined)).toBeNull();
  });

  it('a class without a speed is no road; maxspeed caps, never raises, the class speed', () => {
    const c = new OsmRoadCollector({ residential: 20, primary: 40 });
    c.addNode(1, 0, 0, null);
    c.addNode(2, 0, 0.001, null);
    c.addNode(3, 0.001, 0.001, null);
    c.addWay(10, [1, 2], { highway: 'residential', maxspeed: '60' });
    c.addWay(11, [2, 3], { highway: 'primary', maxspeed: '20' });
    c.addWay(12, [3, 1], { highway: 'footway' });
    c.addWay(13, [3, 1], { highway: 'residential', access: 'private' });
    const built = c.build();
    expect(built.stats.roadWays).toBe(2);
    const [residential, primary] = built.edges;
    expect(residential.forwardSeconds).toBeCloseTo(residential.lengthMetres / (20 / 3.6), 2);
    expect(primary.forwardSeconds).toBeCloseTo(primary.lengthMetres / (20 / 3.6), 2);
  });
});
