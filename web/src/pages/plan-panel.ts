/**
 * The dispatcher's plan beside the map: the plan's figures against the fair
 * baseline, each crew's day (stops in order; km, hours and stops before and
 * after from the diff; lock), the unplanned tickets with what to do about each,
 * and the edits (pin to a crew, take out, put back, lift a pin, re-optimise),
 * publish and re-base. Every solve runs as a solve job: the page shows what the
 * planner is doing and how far it is, and can cancel it (the server stops the
 * solve and stores nothing).
 */
import { api, ApiError, jobError, type Schemas } from '../api.js';
import { h, errorBox } from '../dom.js';
import { lang, priorityLabel, t, type MessageKey } from '../i18n.js';
import { drawPlan, drawZones, type PlanLayers } from '../map/plan-layers.js';

type Plan = Schemas['Plan'];
type Diff = Schemas['PlanDiff'];
type Stop = Plan['routes'][number]['stops'][number];
type Unplanned = Plan['unplanned'][number];
type Job = Schemas['PlanJob'];

/** Waits ms, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export interface PlanPanelOptions {
  root: HTMLElement;
  timeZone: string;
  crews: readonly Pick<Schemas['Crew'], 'id' | 'code' | 'name'>[];
  colourOf(crewId: number): string;
  layers: PlanLayers;
  /** After a publish: the open tickets and the urgent list change. */
  onPublished(): Promise<void>;
  /** The map shows a day's plan for the first time: bring it into view. */
  onFirstShown(): void;
  /** Urgent dispatch: the fastest crews for a ticket, shown in a slot. */
  suggest(ticket: { id: number; number: string }, slot: HTMLElement): Promise<void>;
}

export interface PlanPanel {
  /** Plans the day: a new draft. */
  plan(date: string): Promise<void>;
  show(plan: Plan): Promise<void>;
  /** No plan to show (another day without one). */
  clear(): void;
  /** Reads the plan shown again (an urgent dispatch published a new version: a draft shown becomes stale). */
  refresh(): Promise<void>;
  select(ticketId: number | null): void;
  /** Pins the selected ticket to a crew (a click on the crew's base). */
  pinSelected(crewId: number): Promise<void>;
  selected(): number | null;
}

const UNDER_WAY = new Set(['on_site', 'escalated', 'fixed', 'closed']);
const REASONS = new Set(['no_crew_in_reach', 'shift_too_short', 'crew_capacity', 'shift_full', 'pinned_crew_full', 'held_out', 'no_crew_within_sla', 'off_road_network']);

/** Why a ticket is not planned, in the console's language (the server's sentence for a reason the console does not know yet). */
export const reasonText = (u: { reason: string; message: string }) => (REASONS.has(u.reason) ? t(`reason_${u.reason}` as MessageKey) : u.message);

/** A crew's colour on an element, through the CSSOM (the CSP refuses inline style attributes). */
function painted(el: HTMLElement, colour: string, text?: string | number): HTMLElement {
  el.style.background = colour;
  if (text !== undefined) el.textContent = String(text);
  return el;
}

export function planPanel(o: PlanPanelOptions): PlanPanel {
  const { root, layers, colourOf } = o;
  const working = h('div', { id: 'plan-working' });
  const notice = h('div', { id: 'plan-notice' });
  const selectedBox = h('div', { id: 'plan-selected' });
  // Before the day has a plan the notice (a refusal, a cancel) stands alone; then it sits in the plan's card.
  const card = h('div', {}, notice);
  root.replaceChildren(working, selectedBox, card);

  let plan: Plan | null = null;
  let diff: Diff | null = null;
  let selected: number | null = null;
  let busy: AbortController | null = null;
  let shownDate: string | null = null;

  const crewCode = (id: number) => o.crews.find((c) => c.id === id)?.code ?? `#${id}`;
  const clockOf = (iso: string) => new Intl.DateTimeFormat(lang() === 'id' ? 'id-ID' : 'en-GB', { timeZone: o.timeZone, timeStyle: 'short' }).format(new Date(iso));
  const stopOf = (ticketId: number) => {
    for (const r of plan?.routes ?? []) for (const s of r.stops) if (s.ticketId === ticketId) return { route: r, stop: s };
    return null;
  };
  const unplannedOf = (ticketId: number) => plan?.unplanned.find((u) => u.ticketId === ticketId) ?? null;

  /**
   * Runs a request that solves as a solve job (Prefer: respond-async): a working state with what the planner is
   * doing, a progress bar (the share of its time budget used), the time so far and a cancel button that cancels
   * the job on the server (the solve stops, nothing is stored). The plan it made is shown.
   */
  async function solving(start: () => Promise<Job>): Promise<void> {
    if (busy) return;
    const controller = new AbortController();
    busy = controller;
    const started = Date.now();
    let jobId: string | null = null;
    const step = h('span', { id: 'plan-step' }, t('job_step_reading'));
    const bar = h('progress', { id: 'plan-progress', max: '100', value: '0', 'aria-label': t('job_progress') }) as HTMLProgressElement;
    const percent = h('span', { id: 'plan-percent' }, '0%');
    const elapsed = h('span', { class: 'elapsed' }, '0');
    const cancel = h('button', { type: 'button', id: 'plan-cancel', class: 'secondary' }, t('cancel_solve'));
    cancel.addEventListener('click', () => controller.abort());
    working.replaceChildren(
      h(
        'div',
        { class: 'card working', role: 'status' },
        h('strong', {}, t('plan_working')),
        step,
        h('div', { class: 'progress-row' }, bar, percent),
        h('span', { class: 'muted' }, elapsed, ` ${t('seconds_short')}`),
        cancel,
      ),
    );
    const tick = setInterval(() => (elapsed.textContent = String(Math.round((Date.now() - started) / 1000))), 500);
    const showJob = (j: Job) => {
      step.textContent = j.state === 'queued' && j.queuePosition ? t('job_step_waiting').replace('{n}', String(j.queuePosition)) : t(`job_step_${j.step}` as MessageKey);
      bar.value = j.percent;
      percent.textContent = `${j.percent}%`;
      working.dataset.state = j.state;
      working.dataset.percent = String(j.percent);
    };
    root.dataset.busy = 'true';
    notice.replaceChildren();
    try {
      let job = await start();
      jobId = job.id;
      showJob(job);
      while (job.state === 'queued' || job.state === 'running') {
        await pause(job.elapsedMs < 1000 ? 150 : 400, controller.signal);
        if (controller.signal.aborted) break;
        job = await api.get('/api/v1/plan-jobs/{id}', { path: { id: job.id } });
        showJob(job);
      }
      // Cancelled here: the server stops the solve; it answers the job once stopped (done if the plan was already being stored).
      if (controller.signal.aborted) job = await api.delete('/api/v1/plan-jobs/{id}', { path: { id: job.id } });
      if (job.state === 'done' && job.result) {
        if (job.result.published) await o.onPublished();
        await show(await api.get('/api/v1/plans/{id}', { path: { id: job.result.planId } }));
      } else if (job.state === 'cancelled') notice.replaceChildren(h('p', { class: 'muted', id: 'plan-cancelled' }, t('solve_cancelled')));
      else if (job.error) throw jobError(job.error);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PLAN_STALE') notice.replaceChildren(staleNotice(err));
      else if (err instanceof ApiError && err.status === 404 && jobId) notice.replaceChildren(errorBox(new Error(t('job_lost'))));
      else notice.replaceChildren(errorBox(err));
    } finally {
      clearInterval(tick);
      working.replaceChildren();
      delete working.dataset.state;
      delete working.dataset.percent;
      busy = null;
      delete root.dataset.busy;
    }
  }

  /** 409 PLAN_STALE: what was published since (and which tickets changed), and the re-base. */
  function staleNotice(err: ApiError): HTMLElement {
    const since = (err.details.publishedSince ?? []) as { version: number; kind: string; publishedAt: string | null }[];
    const changed = (err.details.ticketsChanged ?? []) as number[];
    const rebase = h('button', { type: 'button', id: 'rebase-plan', class: 'secondary' }, t('rebase_plan'));
    rebase.addEventListener('click', () => void solving(() => api.later('post', '/api/v1/plans/{id}/publish', { path: { id: plan!.id }, body: { rebase: true } })));
    const kind = (k: string) => (['daily', 'reoptimise', 'dispatch'].includes(k) ? t(`kind_${k}` as MessageKey) : k);
    return h(
      'div',
      { class: 'error', role: 'alert', id: 'plan-stale' },
      h('strong', {}, t('plan_stale')),
      since.length ? h('div', {}, `${t('published_since')}: `, since.map((v) => `v${v.version} (${kind(v.kind)}${v.publishedAt ? `, ${clockOf(v.publishedAt)}` : ''})`).join(', ')) : null,
      changed.length ? h('div', {}, `${changed.length} ${t('tickets_changed')}`) : null,
      h('p', { class: 'muted' }, t('rebase_hint')),
      rebase,
    );
  }

  async function show(next: Plan): Promise<void> {
    // The page's first load may answer after a plan made meanwhile: never go back to an older version of the day.
    if (plan && plan.date === next.date && next.version < plan.version) return;
    const [nextDiff, zones] = await Promise.all([
      api.get('/api/v1/plans/{id}/diff', { path: { id: next.id } }),
      api.get('/api/v1/zones', { query: { date: next.date } }).catch(() => null),
    ]);
    plan = next;
    diff = nextDiff;
    if (zones) drawZones(layers, zones, colourOf);
    if (selected !== null && !stopOf(selected) && !unplannedOf(selected)) selected = null;
    render();
    if (shownDate !== next.date) {
      shownDate = next.date;
      o.onFirstShown();
    }
  }

  function render(): void {
    if (!plan || !diff) return;
    // What the map draws, for whoever checks it (the browser tests): the vertices of each trip line.
    root.dataset.tripVertices = drawPlan(layers, plan, colourOf, selected).join(' ');
    renderSelected();
    const p = plan;
    const s = p.summary;
    const b = p.baseline;
    const buttons = h('div', { class: 'row' });
    const reoptimise = h('button', { type: 'button', id: 'reoptimise-plan', class: 'secondary' }, t('reoptimise'));
    reoptimise.addEventListener('click', () => void solving(() => api.later('post', '/api/v1/plans/{id}/reoptimise', { path: { id: p.id } })));
    if (p.status === 'draft') {
      const publish = h('button', { type: 'button', id: 'publish-plan' }, t('publish_plan'));
      publish.addEventListener('click', () =>
        void solving(() => api.later('post', '/api/v1/plans/{id}/publish', { path: { id: p.id }, body: {} })),
      );
      buttons.append(publish);
    }
    buttons.append(reoptimise);
    card.replaceChildren(
      h(
        'div',
        { class: 'card', id: 'plan-card', dataset: { status: p.status, version: String(p.version) } },
        h('h2', {}, `${t('plan_day')} ${p.date} (v${p.version}) `, h('span', { class: 'badge' }, p.status === 'draft' ? t('plan_draft') : t('plan_published'))),
        h('p', {}, `${s.served.total} ${t('tickets_word')} · ${s.km} ${t('km')} · ${p.routes.length} ${t('crews')}`),
        h(
          'div',
          { id: 'plan-baseline' },
          h('p', { class: 'success' }, `${t('saved_vs_baseline')}: ${p.savings.km} ${t('km')} (${p.savings.kmPercent}%)`),
          h(
            'table',
            {},
            h('tr', {}, h('th', {}, ''), h('th', {}, t('tickets_word')), h('th', {}, t('km')), h('th', {}, t('hours_short'))),
            h('tr', {}, h('td', {}, t('this_plan')), h('td', {}, s.served.total), h('td', {}, s.km), h('td', {}, s.hours)),
            h('tr', {}, h('td', {}, t('baseline')), h('td', {}, b.served.total), h('td', {}, b.km), h('td', {}, b.hours)),
          ),
          h('p', { class: 'muted', id: 'baseline-rule' }, t('baseline_rule')),
        ),
        notice,
        buttons,
        crewDays(p, diff),
        unplannedList(p),
      ),
    );
  }

  /** Each crew's day: its changes against the published day, its stops in order, its lock. */
  function crewDays(p: Plan, d: Diff): HTMLElement {
    return h(
      'div',
      {},
      h('h2', {}, t('plan_changes')),
      d.stale ? h('p', { class: 'error' }, t('plan_stale')) : null,
      h('p', { class: 'muted' }, `${t('stops')} · ${t('km')} · ${t('hours_short')}: ${t('before_after')}`),
      h(
        'ul',
        { class: 'list', id: 'plan-diff' },
        ...d.crews.map((c) => {
          const route = p.routes.find((r) => r.crewId === c.crewId);
          const parts = [
            c.added.length ? `+${c.added.length} ${t('added')} (${c.added.map((x) => x.number).join(', ')})` : '',
            c.removed.length ? `−${c.removed.length} ${t('removed')} (${c.removed.map((x) => x.number).join(', ')})` : '',
            c.movedIn.length ? `${c.movedIn.length} ${t('moved_in')} (${c.movedIn.map((x) => x.number).join(', ')})` : '',
            c.movedOut.length ? `${c.movedOut.length} ${t('moved_out')} (${c.movedOut.map((x) => `${x.number} → ${crewCode(x.toCrewId)}`).join(', ')})` : '',
            c.reordered ? t('reordered') : '',
          ].filter(Boolean);
          const locked = route?.locked ?? false;
          const lock = h('button', { type: 'button', class: `secondary ${locked ? 'unlock-crew' : 'lock-crew'}` }, locked ? t('unlock_order') : t('lock_order'));
          lock.addEventListener('click', () =>
            void solving(() =>
              locked
                ? api.later('delete', '/api/v1/plans/{id}/locks/{crewId}', { path: { id: p.id, crewId: c.crewId } })
                : api.later('put', '/api/v1/plans/{id}/locks/{crewId}', { path: { id: p.id, crewId: c.crewId }, body: {} }),
            ),
          );
          const movedFrom = new Map(c.movedIn.map((x) => [x.ticketId, x.fromCrewId]));
          const added = new Set(c.added.map((x) => x.ticketId));
          return h(
            'li',
            { dataset: { crew: String(c.crewId), changed: String(c.changed), locked: String(locked) } },
            h(
              'div',
              { class: 'row' },
              painted(h('span', { class: 'dot' }), colourOf(c.crewId)),
              h('strong', {}, c.crewCode),
              h('span', { class: 'muted' }, c.crewName),
              locked ? h('span', { class: 'badge warn' }, t('order_locked')) : null,
            ),
            h('div', { class: 'crew-figures' }, `${c.stops.before} → ${c.stops.after} ${t('stops')} · ${c.km.before} → ${c.km.after} ${t('km')} · ${c.hours.before} → ${c.hours.after} ${t('hours_short')}`),
            h('div', { class: 'crew-changes' }, parts.length ? parts.join(' · ') : h('span', { class: 'muted' }, t('no_changes'))),
            h('div', { class: 'crew-stops' }, ...(route?.stops ?? []).map((stop) => stopRow(c.crewId, stop, added.has(stop.ticketId), movedFrom.get(stop.ticketId)))),
            route && route.stops.some((x) => !UNDER_WAY.has(x.status)) ? lock : null,
          );
        }),
      ),
    );
  }

  function stopRow(crewId: number, stop: Stop, isNew: boolean, fromCrew: number | undefined): HTMLElement {
    const row = h(
      'div',
      { class: `plan-stop${stop.ticketId === selected ? ' selected' : ''}`, role: 'button', tabindex: '0', dataset: { ticket: String(stop.ticketId), crew: String(crewId), seq: String(stop.seq), status: stop.status, pinned: String(stop.pinned) } },
      painted(h('span', { class: 'n' }), colourOf(crewId), stop.seq),
      h('span', {}, clockOf(stop.eta)),
      h('strong', {}, stop.number),
      h('span', { class: `badge ${stop.priority}` }, priorityLabel(stop.priority)),
      stop.pinned ? h('span', { class: 'tag' }, `📌 ${t('pinned')}`) : null,
      UNDER_WAY.has(stop.status) ? h('span', { class: 'tag under-way' }, t('under_way')) : null,
      isNew ? h('span', { class: 'tag' }, t('new_stop')) : null,
      fromCrew !== undefined ? h('span', { class: 'tag' }, `${t('moved_from')} ${crewCode(fromCrew)}`) : null,
    );
    const pick = () => panel.select(stop.ticketId);
    row.addEventListener('click', pick);
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') pick();
    });
    return row;
  }

  /** The unplanned tickets, urgent ones no crew reaches in time first, each with the action its reason points at. */
  function unplannedList(p: Plan): HTMLElement | null {
    if (p.unplanned.length === 0) return null;
    return h(
      'div',
      { id: 'unplanned' },
      h('h2', {}, `${t('unplanned')}: ${p.unplanned.length}`),
      h('ul', { class: 'list' }, ...p.unplanned.slice(0, 200).map((u) => unplannedItem(p, u))),
    );
  }

  function unplannedItem(p: Plan, u: Unplanned): HTMLElement {
    const slot = h('div');
    const actions = h('div', { class: 'row' });
    if (u.reason === 'held_out') {
      const back = h('button', { type: 'button', class: 'secondary put-back' }, t('put_back'));
      back.addEventListener('click', () => void solving(() => api.later('delete', '/api/v1/plans/{id}/removals/{ticketId}', { path: { id: p.id, ticketId: u.ticketId } })));
      actions.append(back);
    } else {
      if (u.reason === 'no_crew_within_sla') {
        const now = h('button', { type: 'button', class: 'dispatch-now' }, t('dispatch_now'));
        now.addEventListener('click', () => void o.suggest({ id: u.ticketId, number: u.number }, slot));
        actions.append(now);
      }
      if (u.reason === 'no_crew_in_reach') actions.append(h('span', { class: 'badge warn' }, t('no_road_access')));
      const pin = h('button', { type: 'button', class: 'secondary pin-pick' }, t('pin_to_crew'));
      pin.addEventListener('click', () => panel.select(u.ticketId));
      actions.append(pin);
    }
    return h(
      'li',
      { dataset: { ticket: String(u.ticketId), reason: u.reason } },
      h('span', { class: `badge ${u.priority}` }, priorityLabel(u.priority)),
      ' ',
      h('strong', {}, u.number),
      h('div', { class: 'reason' }, reasonText(u)),
      actions,
      slot,
    );
  }

  /** The selected ticket: where it is in the plan and what can be done with it. */
  function renderSelected(): void {
    if (!plan || selected === null) {
      selectedBox.replaceChildren();
      return;
    }
    const p = plan;
    const id = selected;
    const at = stopOf(id);
    const out = unplannedOf(id);
    const number = at?.stop.number ?? out?.number ?? `#${id}`;
    const choose = h(
      'select',
      { id: 'pin-crew-select', 'aria-label': t('choose_crew') },
      h('option', { value: '' }, t('choose_crew')),
      ...o.crews.filter((c) => c.id !== at?.route.crewId).map((c) => h('option', { value: String(c.id) }, `${c.code} · ${c.name}`)),
    );
    const pin = h('button', { type: 'button', id: 'pin-crew' }, t('pin_to_crew'));
    pin.addEventListener('click', () => {
      if (choose.value) void panel.pinSelected(Number(choose.value));
    });
    const actions = h('div', { class: 'row' });
    const underWay = at !== null && UNDER_WAY.has(at.stop.status);
    if (!underWay && out?.reason !== 'held_out') actions.append(choose, pin);
    if (at && !underWay) {
      const takeOut = h('button', { type: 'button', id: 'take-out', class: 'danger' }, t('take_out'));
      takeOut.addEventListener('click', () => void solving(() => api.later('post', '/api/v1/plans/{id}/removals', { path: { id: p.id }, body: { ticketId: id } })));
      actions.append(takeOut);
    }
    if (at?.stop.pinned && !underWay) {
      const unpin = h('button', { type: 'button', id: 'unpin', class: 'secondary' }, t('unpin'));
      unpin.addEventListener('click', () => void solving(() => api.later('delete', '/api/v1/plans/{id}/pins/{ticketId}', { path: { id: p.id, ticketId: id } })));
      actions.append(unpin);
    }
    if (out?.reason === 'held_out') {
      const back = h('button', { type: 'button', id: 'put-back', class: 'secondary' }, t('put_back'));
      back.addEventListener('click', () => void solving(() => api.later('delete', '/api/v1/plans/{id}/removals/{ticketId}', { path: { id: p.id, ticketId: id } })));
      actions.append(back);
    }
    const close = h('button', { type: 'button', class: 'secondary', 'aria-label': '×' }, '×');
    close.addEventListener('click', () => panel.select(null));
    selectedBox.replaceChildren(
      h(
        'div',
        { class: 'card', dataset: { ticket: String(id) } },
        h('div', { class: 'row' }, h('strong', {}, `${t('selected_ticket')}: ${number}`), close),
        at ? h('p', {}, `${at.route.crewCode} · ${at.stop.seq} · ${clockOf(at.stop.eta)}`, underWay ? ` · ${t('under_way')}` : '') : null,
        out ? h('p', {}, reasonText(out)) : null,
        underWay ? null : h('p', { class: 'muted' }, t('pick_crew_hint')),
        actions,
      ),
    );
  }

  const panel: PlanPanel = {
    plan: (date) => solving(() => api.later('post', '/api/v1/plans', { body: { date } })),
    show,
    clear() {
      plan = null;
      diff = null;
      selected = null;
      shownDate = null;
      for (const source of Object.values(layers)) source.clear();
      notice.replaceChildren();
      selectedBox.replaceChildren();
      card.replaceChildren(notice);
    },
    async refresh() {
      if (!plan) return;
      // A draft under review stays on screen (its diff then says it is stale); a published plan gives way to the day's latest.
      await show(plan.status === 'draft' ? await api.get('/api/v1/plans/{id}', { path: { id: plan.id } }) : await api.get('/api/v1/plans', { query: { date: plan.date } }));
    },
    select(ticketId) {
      selected = ticketId;
      render();
    },
    async pinSelected(crewId) {
      const p = plan;
      const id = selected;
      if (!p || id === null) return;
      await solving(() => api.later('post', '/api/v1/plans/{id}/pins', { path: { id: p.id }, body: { ticketId: id, crewId } }));
    },
    selected: () => selected,
  };
  return panel;
}
