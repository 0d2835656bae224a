import { api, ApiError } from '../api.js';
import { clientConfig } from '../config.js';
import { h, errorBox } from '../dom.js';
import { pickLabel, t, type MessageKey } from '../i18n.js';

const scores = [4, 3, 2, 1] as const;

/** The rating page behind the signed link sent with the closing message: once, 1-4 (the IKM scale), optional elements and a comment. */
export async function ratingPage(root: HTMLElement, token = ''): Promise<void> {
  const config = await clientConfig();
  const title = h('h1', {}, t('rate_title'));
  let form;
  try {
    form = await api.get('/api/v1/ratings', { query: { token, jurisdiction_id: config.utility.code } });
  } catch (err) {
    root.replaceChildren(title, errorBox(err));
    return;
  }
  const head = h('p', {}, h('strong', { id: 'rating-number' }, form.number), ` · ${pickLabel(form.statusLabel)}`);
  if (!form.open) {
    root.replaceChildren(title, head, h('p', { class: 'muted', id: 'rating-closed' }, form.rated ? t('already_rated') : t('not_ratable')));
    return;
  }
  const radios = (name: string, id: string) =>
    h('div', { class: 'row', role: 'radiogroup', id }, ...scores.map((s) => h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: String(s) }), ` ${s} ${t(`score_${s}` as MessageKey)}`)));
  const errors = h('div');
  const send = h('button', { type: 'submit', id: 'send-rating' }, t('send_rating'));
  const el = h(
    'form',
    { class: 'card', id: 'rating-form', novalidate: true },
    h('p', {}, t('rate_question')),
    radios('score', 'score'),
    h(
      'details',
      { id: 'rating-elements' },
      h('summary', {}, t('rate_details')),
      ...form.elements.map((e) => h('div', {}, h('p', { class: 'muted', style: 'margin-bottom:0' }, pickLabel(e.label)), radios(`element-${e.key}`, `element-${e.key}`))),
    ),
    h('label', { for: 'comment' }, t('comment')),
    h('textarea', { id: 'comment', name: 'comment', rows: 3 }),
    errors,
    h('p', {}, send),
  );
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    const data = new FormData(el);
    const score = Number(data.get('score'));
    if (!score) {
      errors.replaceChildren(errorBox(t('choose_score')));
      return;
    }
    const elements: Record<string, number> = {};
    for (const e of form.elements) {
      const v = Number(data.get(`element-${e.key}`));
      if (v) elements[e.key] = v;
    }
    send.disabled = true;
    try {
      await api.post('/api/v1/ratings', { body: { token, score, elements, comment: String(data.get('comment') ?? ''), jurisdiction_id: config.utility.code } });
      root.replaceChildren(title, head, h('p', { class: 'success', id: 'rating-thanks' }, t('rating_thanks')));
    } catch (err) {
      errors.replaceChildren(errorBox(err instanceof ApiError && err.code === 'ALREADY_RATED' ? t('already_rated') : err));
      send.disabled = false;
    }
  });
  root.replaceChildren(title, head, el);
}
