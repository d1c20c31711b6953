// Scrolls an element into view when its head is off screen (a phone shows the result card below the
// form), and leaves the page alone when it can already be read.

const HEAD_PX = 240; // the card's title and its link URL row

/** @param {HTMLElement} element */
export function revealIfOffscreen(element) {
  const { top, height } = element.getBoundingClientRect();
  if (top >= 0 && top + Math.min(height, HEAD_PX) <= window.innerHeight) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
}
