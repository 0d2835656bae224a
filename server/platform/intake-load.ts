/**
 * Requests carrying a photo, in flight in this process: the photo analysis
 * (features/tickets/photo-analysis.service.ts) waits while there are any, so
 * that in a burst of reports (a main breaks and a street reports it) the
 * acknowledgments get the CPU first and the blur scores and thumbnails follow
 * after. The wait is bounded: under endless load the analysis still runs.
 */
let inFlight = 0;

/** One more request with a photo until `done` is called (once; later calls do nothing). */
export function enterIntake(): () => void {
  inFlight++;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    inFlight--;
  };
}

export function intakeInFlight(): number {
  return inFlight;
}

/**
 * Resolves once no request with a photo is in flight (looked at every
 * `pollMs`), or after `maxWaitMs` whatever the load; `stopped` ends the wait early.
 */
export async function intakeQuiet(maxWaitMs: number, pollMs = 100, stopped: () => boolean = () => false): Promise<void> {
  const until = Date.now() + maxWaitMs;
  while (inFlight > 0 && Date.now() < until && !stopped()) await new Promise((r) => setTimeout(r, pollMs).unref());
}
