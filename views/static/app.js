// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk/govuk-frontend.min.js';

initAll();

// GOV.UK Frontend marks a radio or checkbox that reveals more questions with
// aria-expanded, which ARIA 1.2 does not allow on those roles (axe-core:
// aria-allowed-attr). The reveal is already announced through aria-controls
// and the revealed fields themselves, so the attribute is taken off again
// whenever it is set.
const revealers = 'input[type="radio"][aria-controls], input[type="checkbox"][aria-controls]';
const strip = (el) => el.removeAttribute('aria-expanded');
document.querySelectorAll(revealers).forEach(strip);
new MutationObserver((changes) => {
  for (const c of changes) {
    if (c.target.matches(revealers) && c.target.hasAttribute('aria-expanded')) {
      strip(c.target);
    }
  }
}).observe(document.body, { subtree: true, attributeFilter: ['aria-expanded'] });

// A table's scrolling box (.concord-table-scroll) is a tab stop so that a
// keyboard can scroll it. Where the table fits there is nothing to scroll,
// so the stop is taken away, and given back when the box becomes narrower
// than its table (a phone turned, a window made smaller).
const scrollers = document.querySelectorAll('.concord-table-scroll');
if (scrollers.length > 0 && 'ResizeObserver' in window) {
  const tabStop = (box) => {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute('tabindex', '0');
    } else {
      box.removeAttribute('tabindex');
    }
  };
  const watch = new ResizeObserver((changes) => changes.forEach((c) => tabStop(c.target)));
  scrollers.forEach((box) => watch.observe(box));
}
