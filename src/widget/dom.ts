// The widget's only way to make DOM: elements, attributes and text nodes. Comment text is always set as text
// (a Text node or textContent), never parsed as HTML, so nothing a commenter types can become markup or script.

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  class?: string;
  /** Attributes, set with setAttribute (so an `on…` handler here would be inert text, and none is ever set). */
  attrs?: Record<string, string | undefined>;
  text?: string;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  if (props.text !== undefined) element.textContent = props.text;
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    element.addEventListener(type, listener as EventListener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

let idCounter = 0;
/** A document-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  return `lede-c-${prefix}-${++idCounter}`;
}

/** A random id for clientMutationId: crypto.getRandomValues works on plain-http pages too (randomUUID does not). */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export const STYLES = `
.lede-c{font:inherit;color:inherit;max-width:48rem}
.lede-c *{box-sizing:border-box}
.lede-c-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.lede-c-form{display:grid;gap:.4rem;margin:.5rem 0 1rem}
.lede-c-form textarea{width:100%;min-height:4.5rem;font:inherit;padding:.4rem}
.lede-c-form input{font:inherit;padding:.3rem;max-width:20rem}
.lede-c-form-actions{display:flex;gap:.5rem;align-items:center}
.lede-c button{font:inherit;cursor:pointer}
.lede-c button:focus-visible,.lede-c textarea:focus-visible,.lede-c input:focus-visible{outline:2px solid #1a5fb4;outline-offset:2px}
.lede-c-message{min-height:1.2em;font-size:.9em}
.lede-c > .lede-c-message:empty{display:none}
.lede-c-message[data-kind=error]{color:#a51d2d}
.lede-c-list{list-style:none;margin:0;padding:0}
.lede-c-replies{list-style:none;margin:.5rem 0 0 1.25rem;padding:0 0 0 .75rem;border-left:2px solid #ddd}
.lede-c-comment{margin:0 0 1rem}
.lede-c-meta{font-size:.9em;display:flex;gap:.5rem;flex-wrap:wrap;align-items:baseline}
.lede-c-author{font-weight:600}
.lede-c-body{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
.lede-c-removed .lede-c-body{font-style:italic;opacity:.7}
.lede-c-badge{font-size:.8em;padding:0 .35rem;border-radius:.25rem;background:#fdf0c4;color:#5c4400}
.lede-c-badge[data-status=REJECTED]{background:#f8d7da;color:#6b1a22}
.lede-c-reasons{font-size:.85em;margin:.1rem 0}
.lede-c-link{background:none;border:none;padding:0;color:#1a5fb4;text-decoration:underline}
.lede-c-live{font-size:.8em;opacity:.75}
.lede-c-actions{display:flex;gap:.75rem;flex-wrap:wrap}
.lede-c-standing{border:1px solid #e0b400;background:#fff8db;padding:.25rem .5rem;margin:.5rem 0}
`;
