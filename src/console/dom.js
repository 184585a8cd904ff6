// Tiny DOM helpers. Text goes in with textContent only: comment text, names and notes are never parsed as HTML.
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.class) node.className = options.class;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  for (const [event, handler] of Object.entries(options.on ?? {})) node.addEventListener(event, handler);
  for (const child of children) if (child) node.append(child);
  return node;
}

export const $ = (selector) => document.querySelector(selector);

let announceTimer;
/** Says `text` to screen readers (a polite live region). */
export function announce(text) {
  const region = $("#announcer");
  region.textContent = "";
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => (region.textContent = text), 30);
}

export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString();
}

export function ago(iso, now = Date.now()) {
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000);
  if (days < 1) return "less than a day";
  if (days < 60) return `${days} day${days === 1 ? "" : "s"}`;
  return `${Math.floor(days / 30)} months`;
}
