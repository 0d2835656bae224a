/**
 * Tirta Dispatch routing library: pure functions, plain data in and out.
 * See docs/routing.md for the API, the command line and the benchmark.
 */
export type { UnassignedReason, VrpJob, VrpProblem, VrpRoute, VrpSolution, VrpVehicle } from './base/types.js';
export { monotonicMs, type SolveOptions } from './base/budget.js';
export { RoutingError, type RoutingErrorCode } from './base/errors.js';

// Travel costs
export {
  attDistance,
  ceil2dDistance,
  euc2dDistance,
  haversineMetres,
  LAT_LON_MATRIX_DEFAULTS,
  matrixFromCoordinates,
  matrixFromLatLon,
  tourLength,
  type LatLon,
  type LatLonMatrixOptions,
  type TsplibMetric,
} from './base/metrics.js';

export { haversineTravelSource, type TravelMatrix, type TravelTimeSource } from './travel.js';

// One closed trip (TSP)
export { solveTsp } from './tsp.js';
export { TSP_DEFAULTS, type TspOptions, type TspResult } from './tsp/solve-tsp.js';
export { nearestNeighbourTour } from './tsp/nearest-neighbour.js';

// Several crews (VRP), urgent insertion
export { solveVrp, VRP_DEFAULTS, type VrpSolveOptions } from './vrp/solve-vrp.js';
export { insertJob, type InsertJobOptions, type JobInsertion } from './vrp/insert-job.js';
export { improveRoutes, IMPROVE_ROUTES_DEFAULTS, type ImprovedRoutes } from './vrp/improve-routes.js';
export { clarkeWrightRoutes } from './vrp/construct.js';

// Which jobs to serve on an over-full day (prize-collecting VRP)
export { solvePrizeRoutes, PRIZE_SEARCH_DEFAULTS, type PrizeSearchOptions, type PrizeSearchResult } from './prize/search.js';
export { neighbourhoods, type Neighbourhoods, type PrizeProblem, type PrizeVehicle } from './prize/problem.js';

// Benchmark formats
export { cvrpRoutesCost, cvrpToProblem, cvrpViolations, solveCvrp, vehiclesFromName, type CvrpResult } from './cvrp.js';
export {
  formatCvrpSolution,
  formatTour,
  parseCvrpSolution,
  parseTour,
  parseTsplib,
  type CvrpSolutionText,
  type TsplibInstance,
} from './tsplib.js';
