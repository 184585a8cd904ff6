// The live blog's DOM. Everything an editor wrote goes in as text (el() sets textContent), never parsed as HTML;
// an image's address goes in only when it is http(s).
import { el } from "../dom.js";
import type { Block, Update } from "./api.js";

export const LIVE_STYLES = `
.lede-lb{font:inherit;color:inherit;max-width:48rem}
.lede-lb-status{font-size:.85em;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
.lede-lb-status[data-live=true]{color:#a51d2d}
.lede-lb-barslot{position:sticky;top:.5rem;z-index:1;height:0;overflow:visible;text-align:center}
.lede-lb-bar{display:inline-block;margin:0;padding:.35rem .9rem;border:none;border-radius:1rem;background:#1a5fb4;color:#fff;font:inherit;cursor:pointer}
.lede-lb-bar[hidden]{display:none}
.lede-lb-list{list-style:none;margin:0;padding:0}
.lede-lb-update{margin:0 0 1.25rem;padding:0 0 1rem;border-bottom:1px solid #ddd}
.lede-lb-update[data-key-event=true]{border-left:4px solid #a51d2d;padding-left:.75rem}
.lede-lb-pinned{margin:0 0 1.5rem;padding:.75rem;background:#f6f5f4}
.lede-lb-meta{font-size:.85em;display:flex;gap:.5rem;flex-wrap:wrap;align-items:baseline}
.lede-lb-badge{font-size:.8em;padding:0 .35rem;border-radius:.25rem;background:#a51d2d;color:#fff}
.lede-lb-update h3{margin:.25rem 0}
.lede-lb-update img{max-width:100%;height:auto}
.lede-lb-correction{font-size:.9em;font-style:italic}
`;

const time = (iso: string, label = "") =>
  el("time", {
    attrs: { datetime: iso },
    text: `${label}${new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`,
  });

function block(b: Block): HTMLElement | null {
  if (b.kind === "HEADING") return el(b.level === 4 ? "h5" : "h4", { text: b.text ?? "" });
  if (b.kind === "QUOTE")
    return el(
      "blockquote",
      {},
      el("p", { text: b.text ?? "" }),
      b.attribution ? el("cite", { text: b.attribution }) : null,
    );
  if (b.kind === "IMAGE") {
    if (!b.media || !/^https?:\/\//i.test(b.media.url)) return null;
    const caption = [b.media.caption, b.media.credit].filter(Boolean).join(" ");
    return el(
      "figure",
      {},
      el("img", { attrs: { src: b.media.url, alt: b.media.altText ?? b.media.caption ?? "", loading: "lazy" } }),
      caption ? el("figcaption", { text: caption }) : null,
    );
  }
  return el("p", { text: b.text ?? "" });
}

/** One update as an article element; `data-update-id` lets the page find it again. */
export function renderUpdate(u: Update, pinnedCopy = false): HTMLElement {
  return el(
    "article",
    {
      class: pinnedCopy ? "lede-lb-update lede-lb-pinned" : "lede-lb-update",
      attrs: {
        "data-update-id": u.id,
        "data-key-event": String(u.keyEvent),
        ...(pinnedCopy ? { "data-pinned-copy": "true" } : {}),
      },
    },
    el(
      "div",
      { class: "lede-lb-meta" },
      u.publishedAt ? time(u.publishedAt) : null,
      pinnedCopy ? el("span", { class: "lede-lb-badge", text: "Pinned" }) : null,
      u.keyEvent ? el("span", { class: "lede-lb-badge", text: "Key event" }) : null,
      u.summary ? el("span", { class: "lede-lb-badge", text: "Summary" }) : null,
      u.editedAt ? el("span", { class: "lede-lb-edited" }, time(u.editedAt, "Updated ")) : null,
      u.authors.length ? el("span", { class: "lede-lb-by", text: u.authors.map((a) => a.name).join(", ") }) : null,
    ),
    u.title ? el("h3", { text: u.title }) : null,
    el("div", { class: "lede-lb-body" }, ...u.body.map(block)),
    ...u.corrections.map((c) => el("p", { class: "lede-lb-correction", text: `Correction: ${c.text}` })),
  );
}
