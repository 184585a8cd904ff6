// The queue on screen: its items, the active one (keyboard focus), the selection, and which items belong in it.
import { el, when } from "./dom.js";

export const QUEUES = [
  ["PENDING", "Pending"],
  ["REPORTED", "Reported"],
  ["REJECTED", "Rejected"],
  ["APPROVED", "Approved"],
  ["FEATURED", "Featured"],
];

/** Whether a comment (as the server sent it just now) belongs in the queue under the filter. */
export function belongsIn(item, queue, filter) {
  if (filter.articleId && item.article.id !== filter.articleId) return false;
  if (filter.authorId && item.author.id !== filter.authorId) return false;
  if (filter.section && item.article.section?.slug !== filter.section) return false;
  switch (queue) {
    case "PENDING":
      return item.status === "PENDING";
    case "REPORTED":
      return item.status === "VISIBLE" && item.reported === true;
    case "REJECTED":
      return item.status === "REJECTED";
    case "APPROVED":
      return item.status === "VISIBLE" && (item.moderation ?? []).some((d) => d.status === "VISIBLE" && !d.automatic);
    case "FEATURED":
      return item.status === "VISIBLE" && item.featured;
    default:
      return false;
  }
}

export class QueueView {
  constructor(list, { onActivate, onSelectionChange, actions }) {
    this.list = list;
    this.items = [];
    this.activeId = null;
    this.selected = new Set();
    this.onActivate = onActivate;
    this.onSelectionChange = onSelectionChange;
    this.actions = actions;
  }

  set(items) {
    this.items = items;
    this.selected.clear();
    this.activeId = items[0]?.id ?? null;
    this.render();
  }

  append(items) {
    const known = new Set(this.items.map((i) => i.id));
    this.items.push(...items.filter((i) => !known.has(i.id)));
    this.render();
  }

  has(id) {
    return this.items.some((i) => i.id === id);
  }

  /** Replaces an item in place, or adds it (at the end, or the start for newest-first queues). */
  upsert(item, atStart) {
    const index = this.items.findIndex((i) => i.id === item.id);
    if (index >= 0) this.items[index] = item;
    else if (atStart) this.items.unshift(item);
    else this.items.push(item);
    if (!this.activeId) this.activeId = item.id;
    this.render();
  }

  /** Takes an item out; the next one (or the previous, at the end) becomes active. */
  remove(id) {
    const index = this.items.findIndex((i) => i.id === id);
    if (index < 0) return;
    this.items.splice(index, 1);
    this.selected.delete(id);
    if (this.activeId === id) this.activeId = (this.items[index] ?? this.items[index - 1])?.id ?? null;
    this.render();
  }

  active() {
    return this.items.find((i) => i.id === this.activeId) ?? null;
  }

  move(delta) {
    if (this.items.length === 0) return;
    const index = Math.max(
      0,
      this.items.findIndex((i) => i.id === this.activeId),
    );
    const next = this.items[Math.min(this.items.length - 1, Math.max(0, index + delta))];
    this.activate(next.id);
  }

  activate(id, focus = true) {
    this.activeId = id;
    for (const node of this.list.children) {
      const on = node.dataset.id === id;
      node.classList.toggle("active", on);
      node.setAttribute("aria-current", on ? "true" : "false");
      if (on && focus) node.focus();
    }
    this.onActivate(this.active());
  }

  toggleSelected(id) {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
    const box = this.list.querySelector(`[data-id="${CSS.escape(id)}"] input[type=checkbox]`);
    if (box) box.checked = this.selected.has(id);
    this.onSelectionChange(this.selected.size);
  }

  render() {
    const hadFocus = this.list.contains(document.activeElement);
    this.list.replaceChildren(...this.items.map((item) => this.renderItem(item)));
    this.onSelectionChange(this.selected.size);
    if (this.activeId) this.activate(this.activeId, hadFocus);
    else this.onActivate(null);
  }

  renderItem(item) {
    const label = `Comment by ${item.author.displayName} on ${item.article.headline}`;
    const select = el("input", {
      attrs: { type: "checkbox", "aria-label": `Select the comment by ${item.author.displayName}` },
      on: { change: () => this.toggleSelected(item.id) },
    });
    select.checked = this.selected.has(item.id);
    const flags = item.flagCount ? el("span", { class: "badge flags", text: `${item.flagCount} flag(s)` }) : null;
    const reasons = (item.flags ?? []).map((f) => f.reason).join(", ");
    const node = el(
      "li",
      {
        class: "item",
        attrs: { tabindex: "-1", "data-id": item.id, "aria-label": label },
        on: { click: (event) => !event.target.closest("button, input") && this.activate(item.id) },
      },
      el("div", { class: "meta" }, select, ` ${item.author.displayName} · ${when(item.createdAt)} · `, flags),
      el("div", { class: "meta", text: `${item.article.headline}${reasons ? ` — flagged: ${reasons}` : ""}` }),
      el("p", { class: "body", text: item.body ?? "(no text)" }),
      el(
        "div",
        { class: "actions" },
        el("button", { text: "Approve", attrs: { type: "button" }, on: { click: () => this.actions.approve(item) } }),
        el("button", { text: "Reject…", attrs: { type: "button" }, on: { click: () => this.actions.reject(item) } }),
        el("button", {
          text: item.featured ? "Unfeature" : "Feature",
          attrs: { type: "button", disabled: item.status !== "VISIBLE" && !item.featured },
          on: { click: () => this.actions.feature(item) },
        }),
      ),
    );
    node.addEventListener("focus", () => this.activeId !== item.id && this.activate(item.id, false));
    return node;
  }
}
