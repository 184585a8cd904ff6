// The selected comment in full: its story, its parent, why it is held (rules and their reasons), every flag, the
// commenter's history and notes, and the account actions (warn, suspend, ban, lift, note), each with a reason.
import { ago, el, when } from "./dom.js";

const RULES = {
  BANNED_WORD: "Banned word",
  SUSPECT_WORD: "Suspect word",
  TOO_MANY_LINKS: "Too many links",
  PREMODERATED_ARTICLE: "Pre-moderated story",
  NEW_ACCOUNT: "New account",
  FLAGS: "Flagged by readers",
  MODERATOR: "Moderator",
};

const section = (title, ...children) => el("section", {}, el("h3", { text: title }), ...children);
const list = (items, render, empty) =>
  items.length ? el("ul", {}, ...items.map((i) => el("li", {}, ...[render(i)].flat()))) : el("p", { text: empty });

export function renderDetail(container, item, handlers) {
  if (!item) {
    container.replaceChildren(el("p", { class: "muted", text: "Choose a comment to see it in full." }));
    return;
  }
  const story = el("a", {
    text: item.article.headline,
    attrs: { href: item.article.url, target: "_blank", rel: "noopener" },
  });
  const parent = item.parent
    ? section(
        "In reply to",
        el("p", { class: "body", text: `${item.parent.author.displayName}: ${item.parent.body ?? "(removed)"}` }),
      )
    : null;
  const decisions = item.moderation ?? [];
  const why = section(
    "Decisions and rules",
    list(
      decisions,
      (d) => [
        `${when(d.createdAt)} — ${d.status}${d.automatic ? " (automatic)" : ` by ${d.moderator?.displayName ?? "a moderator"}`}: `,
        d.reasons.map((r) => `${RULES[r.rule] ?? r.rule}${r.detail ? ` (${r.detail})` : ""}`).join("; "),
      ],
      "No decisions yet.",
    ),
  );
  const flags = section(
    `Flags (${item.flagCount ?? 0})`,
    list(
      item.flags ?? [],
      (f) =>
        el("span", {
          class: "flag",
          text: `${f.reason}${f.note ? `: ${f.note}` : ""} — ${f.reporter.displayName}, ${when(f.createdAt)}`,
        }),
      "No flags.",
    ),
  );
  const rejectForm = el(
    "form",
    { class: "reject-form", attrs: { "aria-label": "Reject with a reason" } },
    el("label", { text: "Reason for rejecting", attrs: { for: "reject-reason" } }),
    el("input", { attrs: { id: "reject-reason", name: "reason", list: "reasons", required: true, maxlength: "500" } }),
    el("button", { text: "Reject", attrs: { type: "submit" } }),
  );
  rejectForm.addEventListener("submit", (event) => {
    event.preventDefault();
    handlers.reject(item, rejectForm.elements.reason.value);
  });
  rejectForm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") handlers.cancelReject();
  });
  const history = el(
    "div",
    { attrs: { "aria-live": "polite" } },
    el("p", { class: "muted", text: "Loading history…" }),
  );
  const parts = [
    el("h2", { text: `Comment by ${item.author.displayName}` }),
    el(
      "p",
      { class: "meta" },
      "On ",
      story,
      ` · ${when(item.createdAt)} · status ${item.status}${item.featured ? " · featured" : ""}`,
    ),
    el("p", { class: "body", text: item.body ?? "(no text)" }),
    rejectForm,
    parent,
    why,
    flags,
    section("Commenter", history),
    accountForm(item.author, handlers),
    el("button", {
      text: "Show all comments by this commenter",
      attrs: { type: "button" },
      on: { click: () => handlers.filterAuthor(item.author.id) },
    }),
  ];
  container.replaceChildren(...parts.filter(Boolean));
  handlers.loadHistory(item.author.id).then(
    (account) => history.replaceChildren(...renderHistory(account)),
    (error) =>
      history.replaceChildren(el("p", { class: "error", text: `History could not be loaded: ${error.message}` })),
  );
}

function renderHistory(account) {
  if (!account?.history) return [el("p", { text: "No history." })];
  const h = account.history;
  const standing = account.standing;
  const status = standing?.banned
    ? "Banned."
    : standing?.suspendedUntil
      ? `Suspended until ${when(standing.suspendedUntil)}.`
      : "In good standing.";
  return [
    el("p", {
      text: `${account.displayName} (${account.role.toLowerCase()}), account ${ago(h.accountCreatedAt)} old. ${status}`,
    }),
    standing?.warning ? el("p", { text: `Unread warning: ${standing.warning}` }) : null,
    el("p", {
      text: `Comments: ${h.visibleCount} visible (${h.approvedCount} approved by a moderator), ${h.pendingCount} pending, ${h.rejectedCount} rejected, ${h.removedCount} removed; ${h.flagsReceived} flags received.`,
    }),
    el("h4", { text: "Moderators' actions and notes" }),
    list(
      h.actions,
      (a) =>
        `${when(a.createdAt)} — ${a.kind} by ${a.moderator?.displayName ?? "someone"}: ${a.reason}${a.message ? ` (message: ${a.message})` : ""}${a.until ? ` until ${when(a.until)}` : ""}`,
      "None.",
    ),
    el("h4", { text: "Earlier decisions on their comments" }),
    list(
      h.decisions,
      (d) => `${when(d.createdAt)} — ${d.status}${d.automatic ? " (automatic)" : ""}${d.note ? `: ${d.note}` : ""}`,
      "None.",
    ),
  ].filter(Boolean);
}

function accountForm(author, handlers) {
  const kind = el(
    "select",
    { attrs: { id: "account-action", name: "kind" } },
    ...[
      ["WARN", "Warn (the reader sees the message)"],
      ["SUSPEND", "Suspend until…"],
      ["BAN", "Ban"],
      ["UNBAN", "Lift ban or suspension"],
      ["NOTE", "Add a note for moderators"],
    ].map(([value, text]) => el("option", { text, attrs: { value } })),
  );
  const message = el("input", { attrs: { id: "account-message", name: "message", maxlength: "500" } });
  const until = el("input", { attrs: { id: "account-until", name: "until", type: "datetime-local" } });
  const reason = el("textarea", { attrs: { id: "account-reason", name: "reason", required: true, rows: "2" } });
  const result = el("p", { attrs: { role: "status" } });
  const messageRow = el(
    "div",
    {},
    el("label", { text: "Message to the reader", attrs: { for: "account-message" } }),
    message,
  );
  const untilRow = el("div", {}, el("label", { text: "Suspended until", attrs: { for: "account-until" } }), until);
  const sync = () => {
    messageRow.hidden = kind.value !== "WARN";
    untilRow.hidden = kind.value !== "SUSPEND";
  };
  kind.addEventListener("change", sync);
  sync();
  const form = el(
    "form",
    { attrs: { "aria-label": `Act on ${author.displayName}'s account` } },
    el("h3", { text: `Account: ${author.displayName}` }),
    el("label", { text: "Action", attrs: { for: "account-action" } }),
    kind,
    messageRow,
    untilRow,
    el("label", { text: "Reason (for the record)", attrs: { for: "account-reason" } }),
    reason,
    el("button", { text: "Apply to the account", attrs: { type: "submit" } }),
    result,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = {
      reason: reason.value,
      message: message.value,
      until: until.value ? new Date(until.value).toISOString() : null,
    };
    try {
      await handlers.accountAction(author.id, kind.value, input);
      result.textContent = "Done.";
      reason.value = "";
      message.value = "";
    } catch (error) {
      result.textContent = error.message;
    }
  });
  return form;
}
