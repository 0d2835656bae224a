/**
 * The routing library's public data shapes (plain data in, plain data out).
 * Locations are indexes into the matrices; times are seconds on the caller's
 * clock; distances are metres (or any integer unit the caller uses).
 */

export interface VrpVehicle {
  id?: string;
  /** Location the crew leaves from at shiftStartSeconds. */
  start: number;
  /** Location the crew must be back at by shiftEndSeconds. */
  end: number;
  /** Demand units the crew can carry; default Infinity. */
  capacity?: number;
  shiftStartSeconds: number;
  shiftEndSeconds: number;
}

export interface VrpJob {
  id?: string;
  location: number;
  /** Time on site, seconds (rounded to an integer). */
  serviceSeconds: number;
  /** Default 1. */
  demand?: number;
  /** Integer weight >= 0, default 0; the served priority sum is maximised first. */
  priority?: number;
  /** Indexes into vehicles that may serve the job (pins); default all. */
  allowedVehicles?: number[];
}

export interface VrpProblem {
  /** Number of locations. */
  size: number;
  /** Travel seconds, row-major size x size. A negative entry means "no path". */
  durations: Int32Array;
  /** Metres, row-major size x size; defaults to durations. */
  distances?: Int32Array;
  vehicles: VrpVehicle[];
  jobs: VrpJob[];
  /**
   * 'distance' (default): least total distance. 'makespan': the longest crew
   * day (end - shift start) as short as possible, then least total distance.
   */
  objective?: 'distance' | 'makespan';
}

export interface VrpRoute {
  vehicle: number;
  /** Job indexes in visit order. */
  jobs: number[];
  /** Per job, absolute, same clock as the shift. */
  arrivalSeconds: number[];
  /** Arrival back at the vehicle's end; shiftStartSeconds for an empty route. */
  endSeconds: number;
  distance: number;
  travelSeconds: number;
  serviceSeconds: number;
}

/**
 * Why a job is not in any route. The first four mean it could never fit, not
 * even alone in an empty route of any allowed vehicle; 'not_enough_time' means
 * it could, but the day is full.
 */
export type UnassignedReason = 'shift_too_short' | 'capacity' | 'no_allowed_vehicle' | 'unreachable' | 'not_enough_time';

export interface VrpSolution {
  /** One per vehicle, in vehicle order, possibly empty. */
  routes: VrpRoute[];
  unassigned: { job: number; reason: UnassignedReason }[];
  /** Sum of route distances. */
  distance: number;
}
