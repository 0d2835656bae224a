import type { Runner } from '../../platform/db/knex.js';
import type { IkmElement, IkmScore } from '../../core/domain/ikm.js';

export interface NewRating {
  utilityId: number;
  ticketId: number;
  score: IkmScore;
  elements: Partial<Record<IkmElement, IkmScore>>;
  comment: string | null;
  regionId: number | null;
  crewId: number | null;
  ratedAt: Date;
}

/** Stores the one rating of a ticket; false when it was rated already. */
export async function insertRating(db: Runner, r: NewRating): Promise<boolean> {
  const rows = await db('ratings')
    .insert({
      utility_id: r.utilityId,
      ticket_id: r.ticketId,
      score: r.score,
      elements: JSON.stringify(r.elements),
      comment: r.comment,
      region_id: r.regionId,
      crew_id: r.crewId,
      rated_at: r.ratedAt,
    })
    .onConflict('ticket_id')
    .ignore()
    .returning('id');
  return rows.length === 1;
}

export async function isRated(db: Runner, ticketId: number): Promise<boolean> {
  return (await db('ratings').where({ ticket_id: ticketId }).first('id')) !== undefined;
}

export interface RatingRow {
  ratedAt: Date;
  regionId: number | null;
  region: string | null;
  crewId: number | null;
  crew: string | null;
  score: IkmScore;
  elements: Partial<Record<IkmElement, IkmScore>>;
}

/** The ratings given in [from, to), with their region and crew names. */
export async function ratingsBetween(db: Runner, utilityId: number, from: Date, to: Date): Promise<RatingRow[]> {
  const rows = await db('ratings as r')
    .leftJoin('service_regions as g', 'g.id', 'r.region_id')
    .leftJoin('crews as c', 'c.id', 'r.crew_id')
    .where('r.utility_id', utilityId)
    .where('r.rated_at', '>=', from)
    .where('r.rated_at', '<', to)
    .orderBy('r.rated_at')
    .select('r.rated_at', 'r.region_id', 'g.name as region', 'r.crew_id', 'c.name as crew', 'r.score', 'r.elements');
  return rows.map((r) => ({ ratedAt: r.rated_at, regionId: r.region_id, region: r.region, crewId: r.crew_id, crew: r.crew, score: r.score, elements: r.elements ?? {} }));
}
