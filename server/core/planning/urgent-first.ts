/**
 * Step 9 of the day: a trip visits its urgent stops whose SLA falls due today
 * (Day.visitFirst) first when that fits in the shift (the cheaper of the two
 * directions through the rest); otherwise it keeps its order, run in
 * whichever direction reaches the first such stop sooner. Both directions are
 * timed: on a road network (one-way streets) a trip reversed is not the same
 * length. An urgent stop due later keeps the place the search gave it.
 */
import type { Day } from './day.js';
import type { PlannedRoute } from './model.js';
import { timeRoute } from './route.js';

export function urgentFirst(day: Day, r: PlannedRoute): PlannedRoute {
  const { tickets, crews, travel } = day.input;
  const crew = crews[r.crew];
  const order = r.stops.map((s) => s.ticket);
  const isFront = day.visitFirst;
  const front = order.filter(isFront);
  if (front.length === 0 || front.length === order.length) return r;
  const rest = order.filter((i) => !isFront(i));
  const retime = (stops: number[]) => timeRoute(r.crew, r.from, r.startSeconds, stops, tickets, travel, r.zoneId, r.to);
  const fits = [retime([...front, ...rest]), retime([...front, ...rest.slice().reverse()])].filter((c) => c.endSeconds <= crew.shiftEndSeconds);
  if (fits.length > 0) return fits.reduce((a, b) => (b.distanceMetres < a.distanceMetres ? b : a));
  const reversed = retime(order.slice().reverse());
  const firstUrgent = (c: PlannedRoute) => c.stops.find((s) => isFront(s.ticket))!.arrivalSeconds;
  return reversed.endSeconds <= crew.shiftEndSeconds && firstUrgent(reversed) < firstUrgent(r) ? reversed : r;
}
