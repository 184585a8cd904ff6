// The moderation console: sign-in, the queues and their filters, actions (one, many, by keyboard), the live stream.
import { ApiError, explain, request, session } from "./api.js";
import { renderDetail } from "./detail.js";
import { $, announce, el } from "./dom.js";
import { followModeration } from "./live.js";
import * as Q from "./queries.js";
import { belongsIn, QUEUES, QueueView } from "./queue.js";

const state = { queue: "PENDING", order: "OLDEST", filter: {}, next: null, viewer: null };
let live = null;

const queue = new QueueView($("#items"), {
  onActivate: (item) => {
    // A live update of the comment being worked on must not wipe a reason or a note half typed.
    const detail = $("#detail");
    if (item && detail.dataset.id === item.id && detail.contains(document.activeElement)) return;
    detail.dataset.id = item?.id ?? "";
    renderDetail(detail, item, detailHandlers);
  },
  onSelectionChange: (count) => {
    $("#selected-count").textContent = `${count} selected`;
    $("#bulk-approve").disabled = $("#bulk-reject").disabled = count === 0;
  },
  actions: { approve: (item) => decide([item], "VISIBLE"), reject: (item) => startReject(item), feature },
});

const detailHandlers = {
  reject: (item, reason) => decide([item], "REJECTED", reason),
  cancelReject: () => {
    $(`[data-id="${CSS.escape(queue.activeId)}"]`)?.focus();
  },
  loadHistory: async (id) => (await request(Q.HISTORY, { id })).node,
  accountAction: async (id, kind, input) => {
    await request(Q.ACCOUNT_ACTIONS[kind], { id, ...input });
    announce(`${kind.toLowerCase()} applied`);
    renderDetail($("#detail"), queue.active(), detailHandlers);
  },
  filterAuthor: (id) => {
    document.forms.filters.elements.author.value = id;
    applyFilters();
  },
};

function fail(error) {
  if (error instanceof ApiError && error.code === "UNAUTHENTICATED") return signOut(explain(error));
  announce(explain(error));
  $("#filter-error").textContent = explain(error);
}

// ---- sign-in -------------------------------------------------------------------------------------------------
// The roles that may not use the console, as a sentence names them ("an analyst", not "a analyst").
const OTHER_ROLES = { READER: "a reader", ANALYST: "an analyst", EDITOR: "an editor" };

async function signIn() {
  $("#sign-in-error").textContent = "";
  try {
    const { viewer } = await request(Q.VIEWER);
    if (!viewer) return signOut("Paste a token to sign in.");
    if (viewer.role !== "MODERATOR" && viewer.role !== "ADMIN") {
      const role = OTHER_ROLES[viewer.role] ?? viewer.role.toLowerCase();
      return signOut(
        `This token signs in ${viewer.displayName}, ${role}: the console needs a moderator or administrator.`,
      );
    }
    state.viewer = viewer;
    $("#sign-in").hidden = true;
    $("#desk").hidden = false;
    $("#whoami").hidden = $("#sign-out").hidden = false;
    $("#whoami").textContent = `Signed in as ${viewer.displayName} (${viewer.role.toLowerCase()})`;
    renderTabs({});
    await load();
    startLive();
  } catch (error) {
    signOut(
      error?.code === "UNAUTHENTICATED"
        ? "That token is not valid: it is unknown, revoked or expired."
        : explain(error),
    );
  }
}

function signOut(message = "") {
  live?.close();
  live = null;
  session.clear();
  $("#desk").hidden = true;
  $("#whoami").hidden = $("#sign-out").hidden = true;
  $("#sign-in").hidden = false;
  $("#sign-in-error").textContent = message;
  $("#token").value = "";
  $("#token").focus();
}

// ---- queues --------------------------------------------------------------------------------------------------
function renderTabs(counts) {
  const label = QUEUES.find(([value]) => value === state.queue)[1];
  const count = counts[state.queue.toLowerCase()];
  $("#queue-title").textContent = count === undefined ? label : `${label}: ${count}`;
  $("#queues").replaceChildren(
    ...QUEUES.map(([value, label]) =>
      el(
        "li",
        {},
        el("button", {
          text: `${label} (${counts[value.toLowerCase()] ?? "…"})`,
          attrs: { type: "button", "aria-current": state.queue === value ? "page" : "false", "data-queue": value },
          on: { click: () => switchQueue(value) },
        }),
      ),
    ),
  );
}

async function switchQueue(value) {
  state.queue = value;
  await load();
  $("#queue").focus();
}

function variables(after = null) {
  return { queue: state.queue, order: state.order, ...state.filter, after };
}

async function load(after = null) {
  try {
    const data = await request(Q.QUEUE, variables(after));
    const page = data.moderationItems;
    const items = page.edges.map((e) => e.node);
    if (after) queue.append(items);
    else queue.set(items);
    state.next = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    $("#more").hidden = !state.next;
    $("#empty").hidden = queue.items.length > 0;
    $("#items").setAttribute("aria-label", `${QUEUES.find(([v]) => v === state.queue)[1]} comments`);
    renderTabs(data.moderationCounts);
  } catch (error) {
    fail(error);
  }
}

let countsTimer;
function refreshCounts() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(async () => {
    try {
      renderTabs((await request(Q.COUNTS, state.filter)).moderationCounts);
    } catch (error) {
      fail(error);
    }
  }, 200);
}

async function applyFilters() {
  const form = document.forms.filters.elements;
  $("#filter-error").textContent = "";
  const filter = {};
  if (form.section.value.trim()) filter.section = form.section.value.trim();
  if (form.author.value.trim()) filter.authorId = form.author.value.trim();
  if (form.story.value.trim()) {
    const { article } = await request(Q.ARTICLE_BY_SLUG, { slug: form.story.value.trim() }).catch(() => ({}));
    if (!article) {
      $("#filter-error").textContent = `No story with the slug “${form.story.value.trim()}”.`;
      return;
    }
    filter.articleId = article.id;
  }
  state.filter = filter;
  state.order = form.order.value;
  await load();
}

// ---- actions -------------------------------------------------------------------------------------------------
function after(changed) {
  for (const item of changed) {
    if (belongsIn(item, state.queue, state.filter)) queue.upsert(item);
    else queue.remove(item.id);
  }
  $("#empty").hidden = queue.items.length > 0;
  refreshCounts();
  if (queue.items.length === 0) $("#queue").focus();
}

async function decide(items, to, reason) {
  try {
    const ids = items.map((i) => i.id);
    const data =
      to === "VISIBLE" ? await request(Q.APPROVE, { ids }) : await request(Q.REJECT, { ids, reason: reason ?? "" });
    const changed = data.approveComments ?? data.rejectComments;
    announce(
      `${changed.length} comment${changed.length === 1 ? "" : "s"} ${to === "VISIBLE" ? "approved" : "rejected"}`,
    );
    after(changed);
  } catch (error) {
    fail(error);
  }
}

function startReject(item) {
  if (queue.activeId !== item.id) queue.activate(item.id, false);
  $("#reject-reason")?.focus();
}

async function feature(item) {
  try {
    const data = await request(item.featured ? Q.UNFEATURE : Q.FEATURE, { id: item.id });
    const changed = data.featureComment ?? data.unfeatureComment;
    announce(changed.featured ? "Featured" : "No longer featured");
    after([changed]);
  } catch (error) {
    fail(error);
  }
}

// ---- keyboard ------------------------------------------------------------------------------------------------
function typing(target) {
  return target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]");
}

document.addEventListener("keydown", (event) => {
  if ($("#desk").hidden || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  const item = queue.active();
  const keys = {
    j: () => queue.move(1),
    k: () => queue.move(-1),
    a: () => item && decide([item], "VISIBLE"),
    r: () => item && startReject(item),
    f: () => item && feature(item),
    x: () => item && queue.toggleSelected(item.id),
    "/": () => document.forms.filters.elements.section.focus(),
  };
  const run = keys[event.key];
  if (!run) return;
  event.preventDefault();
  run();
});

// ---- live ----------------------------------------------------------------------------------------------------
function startLive() {
  live?.close();
  let connectedBefore = false;
  live = followModeration(Q.STREAM, {
    onState: (liveState) => {
      $("#live-state").textContent =
        liveState === "live" ? "Live: new items arrive as they happen." : `Live updates: ${liveState}…`;
      document.body.dataset.live = liveState;
      if (liveState === "live" && connectedBefore) void load(); // what happened while away
      if (liveState === "live") connectedBefore = true;
    },
    onEvent: ({ kind, comment }) => {
      const inQueue = queue.has(comment.id);
      const belongs = belongsIn(comment, state.queue, state.filter);
      if (belongs) {
        queue.upsert(comment, state.order === "NEWEST");
        if (!inQueue) announce(`New in the queue: a comment by ${comment.author.displayName}`);
      } else if (inQueue) {
        queue.remove(comment.id);
        announce(`A comment by ${comment.author.displayName} left the queue (${kind.toLowerCase().replace("_", " ")})`);
      }
      $("#empty").hidden = queue.items.length > 0;
      refreshCounts();
    },
    onRefused: (message) => signOut(message),
  });
}

// ---- wiring --------------------------------------------------------------------------------------------------
$("#sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  session.save($("#token").value.trim());
  void signIn();
});
$("#sign-out").addEventListener("click", () => signOut("Signed out."));
document.forms.filters.addEventListener("submit", (event) => {
  event.preventDefault();
  void applyFilters();
});
$("#clear-filters").addEventListener("click", () => {
  document.forms.filters.reset();
  void applyFilters();
});
$("#more").addEventListener("click", () => void load(state.next));
const selectedItems = () => queue.items.filter((i) => queue.selected.has(i.id));
$("#bulk-approve").addEventListener("click", () => void decide(selectedItems(), "VISIBLE"));
$("#bulk-reject").addEventListener("click", () => {
  const reason = $("#bulk-reason").value.trim();
  if (!reason) {
    announce("Give a reason to reject the selection");
    $("#bulk-reason").focus();
    return;
  }
  void decide(selectedItems(), "REJECTED", reason);
});

if (session.token()) void signIn();
else signOut();
