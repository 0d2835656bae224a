/**
 * Public entry to the construction heuristics of the VRP solver.
 */
import { invalidProblem } from '../base/errors.js';
import type { VrpProblem } from '../base/types.js';
import { buildModel } from './model/model.js';
import { clarkeWrightSavings, isSavingsApplicable } from './savings.js';

/**
 * Clarke-Wright savings routes (job lists) for a fleet of identical vehicles
 * that start and end at one depot, without pins. May return more routes than
 * vehicles; jobs that never fit a vehicle are left out.
 */
export function clarkeWrightRoutes(problem: VrpProblem): number[][] {
  const model = buildModel(problem);
  if (!isSavingsApplicable(model)) throw invalidProblem('savings needs identical vehicles at one depot and no pinned jobs');
  const jobs: number[] = [];
  for (let j = 0; j < model.m; j++) if (model.neverFits[j] === null) jobs.push(j);
  return clarkeWrightSavings(model, jobs);
}
