/**
 * Tables become cards on a phone (styles.css, under 640 px): each cell is
 * labelled with its column's heading (data-label, shown before the value).
 * Done once here for every page's tables, as they appear, instead of in each page.
 */
export function labelTableCells(root: HTMLElement): void {
  const label = () => {
    for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table:not([data-labelled])'))) {
      const headings = Array.from(table.querySelectorAll('tr:first-child th')).map((th) => th.textContent?.trim() ?? '');
      if (!headings.length) continue;
      table.dataset.labelled = '1';
      table.classList.add('cards');
      for (const row of Array.from(table.querySelectorAll('tr'))) {
        Array.from(row.children).forEach((cell, i) => {
          if (cell.tagName === 'TD' && headings[i]) (cell as HTMLElement).dataset.label = headings[i];
        });
      }
    }
  };
  new MutationObserver(label).observe(root, { childList: true, subtree: true });
  label();
}
