// A tiny element builder: the page renders with DOM nodes and textContent only, never innerHTML,
// so text from FACEKI or a CSV file can never become markup.

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [props] properties (className, hidden, onclick, ...) or data-/aria- attributes
 * @param {...(Node | string | null | false | undefined)} children
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for')
      node.setAttribute(key, String(value));
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

export function replaceChildren(parent, ...children) {
  parent.replaceChildren(...children.filter(Boolean));
}
