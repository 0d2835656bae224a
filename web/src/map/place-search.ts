import type Map from 'ol/Map.js';
import { transformExtent } from 'ol/proj.js';
import { api, type Schemas } from '../api.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';

export type PlaceHit = Schemas['PlaceList']['items'][number];

export const placeSearchDefaults = {
  /** Wait after the last key before asking the server. */
  debounceMs: 200,
  /** Deepest zoom when fitting a small place (an address). */
  maxZoom: 17,
};

const kindLabel = (kind: PlaceHit['kind']) => t(kind === 'kecamatan' ? 'place_kecamatan' : kind === 'kelurahan' ? 'place_kelurahan' : 'place_address');

let boxes = 0;

/**
 * A search box for kelurahan, kecamatan and (with a geocoder) addresses: an
 * ARIA combobox, usable from the keyboard alone (type, arrows, Enter; Escape
 * closes). `onChoose` gets the chosen place; `fitPlace` zooms a map to it.
 */
export function placeSearch(options: { jurisdiction: string; id?: string; onChoose: (place: PlaceHit) => void }): HTMLElement {
  const n = ++boxes;
  const inputId = options.id ?? `place-search-${n}`;
  const listId = `${inputId}-list`;
  const input = h('input', {
    type: 'search',
    id: inputId,
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': `${inputId}-hint`,
    placeholder: t('search_place'),
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'place-options', 'aria-label': t('search_place'), hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status', id: `${inputId}-status` });
  let hits: PlaceHit[] = [];
  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const place = hits[i];
    if (!place) return;
    input.value = place.name;
    close();
    options.onChoose(place);
  };
  const show = () => {
    list.replaceChildren(
      ...hits.map((p, i) =>
        h(
          'li',
          { role: 'option', id: `${listId}-${i}`, 'aria-selected': 'false', dataset: { kind: p.kind, name: p.name }, onmousedown: (e: Event) => e.preventDefault(), onclick: () => choose(i) },
          h('strong', {}, p.name),
          ` · ${kindLabel(p.kind)}${p.district ? ` ${p.district}` : ''}`,
        ),
      ),
    );
    if (!hits.length) list.replaceChildren(h('li', { class: 'muted', 'aria-disabled': 'true' }, t('search_no_match')));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${hits.length} ${t('places_found')}`;
    highlight(-1);
  };
  const search = async () => {
    const q = input.value.trim();
    const ticket = ++asked;
    if (!q) {
      hits = [];
      close();
      return;
    }
    try {
      const answer = await api.get('/api/v1/places', { query: { q, jurisdiction_id: options.jurisdiction, lang: lang() } });
      if (ticket !== asked) return;
      hits = answer.items;
      show();
    } catch {
      if (ticket === asked) close(); // the search is a help, never a blocker
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), placeSearchDefaults.debounceMs);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) {
        if (hits.length) show();
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight(hits.length ? (active + step + hits.length) % hits.length : -1);
    } else if (e.key === 'Enter') {
      // Never the form's submit: Enter here chooses (the first match when none is highlighted).
      e.preventDefault();
      if (!list.hidden && hits.length) choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return h(
    'div',
    { class: 'place-search' },
    h('label', { for: inputId }, t('search_place')),
    input,
    h('span', { class: 'muted small', id: `${inputId}-hint` }, t('search_place_hint')),
    list,
    status,
  );
}

/** Zooms the map to a place: its whole extent, or close in on a point. */
export function fitPlace(map: Map, place: PlaceHit): void {
  const extent = transformExtent(place.bbox, 'EPSG:4326', 'EPSG:3857');
  map.getView().fit(extent, { padding: [30, 30, 30, 30], maxZoom: placeSearchDefaults.maxZoom, duration: 0 });
}
