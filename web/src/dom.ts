/** A very light layer over the DOM: build elements with attributes and children. */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'class') el.className = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function errorBox(error: unknown): HTMLElement {
  return h('div', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}

/** Runs an async action from a button, disabling it meanwhile and showing a refusal next to it. */
export function action(button: HTMLButtonElement, run: () => Promise<void>, errorSlot: HTMLElement): void {
  button.addEventListener('click', async (event) => {
    event.preventDefault();
    button.disabled = true;
    errorSlot.replaceChildren();
    try {
      await run();
    } catch (err) {
      errorSlot.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
}
