/**
 * The roads thread: holds each utility's graph (one version: the network's
 * id) and answers matrices and street paths off the event loop. Asks for the
 * graph when it does not hold the version named. No database here.
 */
import { RoadMatrices } from '../../core/roads/matrices.js';
import type { RoadAnswer, RoadTask } from './protocol.js';

const held = new Map<number, { networkId: number; roads: RoadMatrices }>();

const pointsOf = (flat: Float64Array) => Array.from({ length: flat.length / 2 }, (_, i) => ({ lat: flat[2 * i], lon: flat[2 * i + 1] }));

export default function answer(task: RoadTask): RoadAnswer {
  if (task.kind === 'forget') {
    held.clear();
    return { needGraph: false, forgotten: true };
  }
  let mine = held.get(task.utilityId);
  if (!mine || mine.networkId !== task.networkId) {
    if (!task.graph) return { needGraph: true };
    mine = { networkId: task.networkId, roads: new RoadMatrices(task.graph) };
    held.set(task.utilityId, mine);
  }
  const points = pointsOf(task.points);
  return task.kind === 'matrix' ? { needGraph: false, matrix: mine.roads.matrix(points, task.snapLimitMetres) } : { needGraph: false, line: mine.roads.path(points, task.snapLimitMetres) };
}
