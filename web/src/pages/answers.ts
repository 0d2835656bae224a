import { api, type Schemas } from '../api.js';
import { action, h } from '../dom.js';
import { categoryLabel, pickLabel, t } from '../i18n.js';

type Answer = Schemas['StandardAnswer'];
const categories = ['pipe_burst', 'visible_leak', 'meter_leak', 'no_water', 'other'] as const;

/**
 * The admin's knowledge base of standard answers (seed 001: a complaint
 * answered on the spot): each with a kind of complaint (or any), a title and
 * the answer in Bahasa Indonesia and English; retire one with "in use" off.
 * The operator picks them in the staff entry form (#/input).
 */
export async function answersPage(root: HTMLElement): Promise<void> {
  const { items } = await api.get('/api/v1/answers', { query: { all: 'true' } });
  const list = h('div', { id: 'answers' }, ...items.map((a) => answerForm(a, () => void answersPage(root))));
  root.replaceChildren(
    h('h1', {}, t('standard_answers')),
    h('p', { class: 'muted' }, t('standard_answers_hint')),
    h('h2', {}, t('new_answer')),
    answerForm(null, () => void answersPage(root)),
    h('h2', {}, `${t('standard_answers')} (${items.length})`),
    items.length ? list : h('p', { class: 'muted', id: 'answers-none' }, t('nothing_here')),
  );
  root.dataset.ready = 'true';
}

/** One answer's editor (null: a new one). Field ids carry the answer's id, so a language switch keeps what was typed. */
function answerForm(answer: Answer | null, reload: () => void): HTMLElement {
  const key = answer ? String(answer.id) : 'new';
  const field = (name: string, label: string, value: string, rows = 0) => {
    const id = `answer-${key}-${name}`;
    const input = rows ? h('textarea', { id, name, rows, maxlength: 2000 }) : h('input', { id, name, type: 'text', maxlength: 120 });
    input.value = value;
    return { input, label: h('label', { for: id }, label) };
  };
  const category = h('select', { id: `answer-${key}-category`, name: 'category' }, h('option', { value: '' }, t('any_kind')), ...categories.map((c) => h('option', { value: c, selected: answer?.category === c }, categoryLabel(c))));
  const titleId = field('title-id', `${t('answer_title')} (Bahasa Indonesia)`, answer?.title.id ?? '');
  const titleEn = field('title-en', `${t('answer_title')} (English)`, answer?.title.en ?? '');
  const textId = field('text-id', `${t('answer_text')} (Bahasa Indonesia)`, answer?.answer.id ?? '', 3);
  const textEn = field('text-en', `${t('answer_text')} (English)`, answer?.answer.en ?? '', 3);
  const active = h('input', { type: 'checkbox', id: `answer-${key}-active`, name: 'active', checked: answer ? answer.active : true });
  const errors = h('div');
  const save = h('button', { type: 'button', class: 'save-answer' }, answer ? t('save') : t('add_answer'));
  action(save, async () => {
    const body = {
      category: (category.value || null) as Answer['category'],
      title: { id: titleId.input.value, en: titleEn.input.value },
      answer: { id: textId.input.value, en: textEn.input.value },
      active: active.checked,
    };
    if (answer) await api.put('/api/v1/answers/{id}', { path: { id: answer.id }, body });
    else await api.post('/api/v1/answers', { body });
    reload();
  }, errors);
  return h(
    'div',
    { class: 'card answer', dataset: { answerId: key } },
    answer ? h('h3', {}, pickLabel(answer.title), answer.active ? '' : h('span', { class: 'badge' }, t('retired'))) : null,
    h('label', { for: category.id }, t('category')),
    category,
    titleId.label,
    titleId.input,
    titleEn.label,
    titleEn.input,
    textId.label,
    textId.input,
    textEn.label,
    textEn.input,
    h('label', { for: active.id, style: 'font-weight:400' }, active, ' ', t('in_use')),
    errors,
    h('p', {}, save),
  );
}
