/**
 * The service charter (Maklumat Pelayanan, seed 002): what the utility promises
 * the public (response and repair times per priority, the call centre's reply
 * standard) beside what it achieved last month (SLA attainment and IKM per
 * region). The promises are the utility's SLA settings, so the page never
 * disagrees with the clock that escalates; the texts are the admin's.
 */
import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/service.js';
import { priorities } from '../../core/domain/tickets.js';
import { localDateOf } from '../../core/domain/time.js';
import { slaReport } from '../reports/service.js';
import { monthRange } from '../reports/period.js';
import { ikmReport } from '../satisfaction/service.js';
import { findCharterTexts, saveCharterTexts } from './repository.js';
import { recordAudit } from '../audit/service.js';

export const charterTextKeys = ['title', 'pledge', 'replyStandard', 'complaints'] as const;
export type CharterTextKey = (typeof charterTextKeys)[number];
export type CharterTexts = Record<CharterTextKey, { id: string; en: string }>;

/** Until the admin writes their own: the usual wording of a Maklumat Pelayanan and the call-centre standard of seeds 001 and 004. */
export const defaultCharterTexts: CharterTexts = {
  title: { id: 'Maklumat Pelayanan', en: 'Service charter' },
  pledge: {
    id: 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
    en: 'We undertake to deliver the service to the standards set out here; if we fail to keep this promise, we accept the sanctions the law provides.',
  },
  replyStandard: {
    id: 'Pusat panggilan mencatat nama, nomor telepon, alamat dan keluhan Anda dalam 5 menit, meneruskannya ke unit terkait dalam 10 menit, dan memberi jawaban kepada Anda paling lambat 2 jam.',
    en: 'The call centre records your name, phone number, address and complaint within 5 minutes, forwards it to the responsible unit within 10 minutes and replies to you within 2 hours at the latest.',
  },
  complaints: {
    id: 'Pengaduan dapat disampaikan melalui aplikasi ini, pusat panggilan, media sosial, surel, atau langsung ke kantor pelayanan. Pelanggan berkebutuhan khusus dilayani dengan prioritas.',
    en: 'Complaints can be made through this app, the call centre, social media, e-mail or in person at the service office. Customers with special needs are served with priority.',
  },
};

function textsOf(stored: Record<string, unknown> | null): CharterTexts {
  const out = { ...defaultCharterTexts };
  for (const key of charterTextKeys) {
    const v = stored?.[key] as { id?: unknown; en?: unknown } | undefined;
    if (v && typeof v.id === 'string' && typeof v.en === 'string') out[key] = { id: v.id, en: v.en };
  }
  return out;
}

/** The month before the one `now` falls in, in the utility's calendar (YYYY-MM). */
function lastMonthOf(now: Date, timeZone: string): string {
  const [y, m] = localDateOf(now, timeZone).split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** The public charter: texts, promises, and last month's attainment and IKM per region. */
export async function charterOf(ctx: AppContext, utility: Utility) {
  const now = ctx.now();
  const month = lastMonthOf(now, utility.timeZone);
  const w = monthRange(month, utility.timeZone);
  const [stored, sla, ikm] = await Promise.all([
    findCharterTexts(ctx.db, utility.id),
    slaReport(ctx.db, utility, w, now, { breachLimit: 0 }),
    ikmReport(ctx.db, utility, { from: w.from, to: w.to, firstMonth: month, lastMonth: month }),
  ]);
  const ikmByRegion = new Map(ikm.data.byRegion.map((r) => [r.region ?? '', r]));
  const regionNames = [...new Set([...sla.data.byRegion.map((r) => r.key), ...ikm.data.byRegion.map((r) => r.region ?? '')])].filter(Boolean).sort();
  const achieved = (key: string | null) => {
    const s = key === null ? sla.data.total : sla.data.byRegion.find((r) => r.key === key);
    const k = key === null ? ikm.data.total : ikmByRegion.get(key);
    return {
      tickets: s?.tickets ?? 0,
      respondPercent: percent(s?.respond.attainment ?? null),
      resolvePercent: percent(s?.resolve.attainment ?? null),
      ikm: k?.index ?? null,
      ikmGrade: k?.grade ?? null,
      respondents: k?.respondents ?? 0,
    };
  };
  return {
    utility: { code: utility.code, name: utility.name, contact: utility.settings.contact },
    texts: textsOf(stored),
    promises: priorities.map((p) => ({ priority: p, respondMinutes: utility.settings.sla[p].respondMinutes, resolveMinutes: utility.settings.sla[p].resolveMinutes })),
    month,
    achieved: { total: achieved(null), regions: regionNames.map((name) => ({ region: name, ...achieved(name) })) },
  };
}

/** The admin changes some of the texts; the others keep theirs. */
export async function changeCharterTexts(ctx: AppContext, utility: Utility, user: StaffUser, changes: Partial<CharterTexts>) {
  await ctx.db.transaction(async (tx) => {
    const texts = { ...textsOf(await findCharterTexts(tx, utility.id)), ...changes };
    await saveCharterTexts(tx, utility.id, texts, user.id, ctx.now());
    await recordAudit(tx, { utilityId: utility.id, actorId: user.id, action: 'charter.update', objectType: 'charter', objectId: null, details: { changed: changes }, at: ctx.now() });
  });
  return charterOf(ctx, utility);
}
