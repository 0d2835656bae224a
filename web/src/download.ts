import { authorisedObjectUrl } from './api.js';
import { h } from './dom.js';

/** A download link for an authorised report (CSV or XLSX): fetched with the token, saved under `filename`. */
export function downloadLink(label: string, path: string, filename: string): HTMLAnchorElement {
  const a = h('a', { href: '#', class: 'button secondary' }, label);
  a.addEventListener('click', async (e) => {
    e.preventDefault();
    const url = await authorisedObjectUrl(path);
    h('a', { href: url, download: filename }).click();
  });
  return a;
}
