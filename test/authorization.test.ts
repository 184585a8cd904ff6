// The authorization matrix: every mutation and every restricted field, as each kind of caller, with the outcome each
// cell must have.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId, DRAFT_SLUG, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { globalId } from "./support/ids.js";

type Caller = "anonymous" | "reader" | "author" | "analyst" | "moderator" | "editor" | "admin";
const CALLERS: Caller[] = ["anonymous", "reader", "author", "analyst", "moderator", "editor", "admin"];
/** "ok": data and no error; "denied": UNAUTHENTICATED (anonymous) or FORBIDDEN; "hidden": null, as if it did not exist. */
type Outcome = "ok" | "denied" | "hidden";

interface Cell {
  name: string;
  operation: (ids: Ids) => { query: string; variables?: Record<string, unknown> };
  outcomes: Record<Caller, Outcome>;
  /** Where the answer is for "hidden" checks. */
  pick?: (data: any) => unknown;
}

interface Ids {
  article: string;
  comment: string;
  pending: string;
  /** A fresh reader account for the account actions, made for every caller. */
  target: string;
  /** Fresh records (at version 1) for the entity mutations, made for every caller. */
  graph: Graph;
}

interface Graph {
  article: string;
  /** Articles of the caller's own for updateArticle / publishArticle (a draft) and withdrawArticle, at version 1. */
  toUpdate: string;
  draft: string;
  toWithdraw: string;
  person: string;
  otherPerson: string;
  organisation: string;
  event: string;
  place: string;
  affiliation: string;
  participant: string;
  media: string;
  /** A published update and a draft on a live blog made of `article`. */
  liveUpdate: string;
  liveDraft: string;
  scheduledJob: string;
  previewToken: string;
  revision: string;
  webhookEndpoint: string;
  webhookDelivery: string;
}

/** Writes one of each record straight to the database, so that each caller edits, removes or merges its own. */
async function freshGraph(lede: TestLede): Promise<Graph> {
  const tag = Math.random().toString(36).slice(2, 10);
  const p = lede.db.prisma;
  const at = new Date("2020-01-01T00:00:00Z");
  const row = (kind: string) => ({ id: `${kind}-${tag}`, slug: `${kind}-${tag}`, name: `${kind} ${tag}` });
  await p.person.createMany({ data: [row("person"), row("other-person")] });
  await p.organisation.create({ data: { ...row("organisation"), kind: "OTHER" } });
  await p.place.create({ data: { ...row("place"), kind: "OTHER" } });
  await p.event.create({ data: { ...row("event"), kind: "OTHER", startsAt: at, startPrecision: "DAY" } });
  await p.affiliation.create({
    data: { id: `affiliation-${tag}`, personId: `person-${tag}`, organisationId: `organisation-${tag}`, role: "x" },
  });
  await p.participant.create({
    data: { id: `participant-${tag}`, eventId: `event-${tag}`, personId: `person-${tag}`, role: "x" },
  });
  // An article of its own, so that the callers' images and credits do not pile up on one.
  await p.article.create({
    data: {
      id: `article-${tag}`,
      slug: `article-${tag}`,
      canonicalUrl: `https://x.example/${tag}`,
      headline: "Matrix",
      bodyText: "",
      wordCount: 0,
      status: "PUBLISHED",
      publishedAt: at,
    },
  });
  const article = (kind: string, status: "DRAFT" | "PUBLISHED") => ({
    id: `${kind}-${tag}`,
    slug: `${kind}-${tag}`,
    canonicalUrl: `https://x.example/${kind}/${tag}`,
    headline: "Matrix",
    bodyText: "",
    wordCount: 0,
    status,
    publishedAt: status === "PUBLISHED" ? at : null,
  });
  await p.article.createMany({
    data: [article("to-update", "PUBLISHED"), article("draft", "DRAFT"), article("to-withdraw", "PUBLISHED")],
  });
  await p.media.create({
    data: { id: `media-${tag}`, articleId: `article-${tag}`, position: 0, url: "https://x.example/m.jpg" },
  });
  await p.byline.create({
    data: { id: `byline-${tag}`, articleId: `article-${tag}`, personId: `other-person-${tag}`, position: 0 },
  });
  await p.liveBlog.create({ data: { articleId: `article-${tag}`, coverageStartAt: at, lastUpdateSeq: 1 } });
  await p.liveUpdate.createMany({
    data: [
      {
        id: `live-update-${tag}`,
        articleId: `article-${tag}`,
        status: "PUBLISHED",
        seq: 1,
        bodyText: "x",
        publishedAt: at,
      },
      { id: `live-draft-${tag}`, articleId: `article-${tag}`, status: "DRAFT", bodyText: "x" },
    ],
  });
  // Scheduling, previews, revisions and webhooks: one record of each for the caller to act on.
  await p.scheduledJob.create({
    data: { id: `job-${tag}`, articleId: `draft-${tag}`, action: "PUBLISH", runAt: new Date("2099-01-01T00:00:00Z") },
  });
  await p.previewToken.create({
    data: {
      id: `preview-${tag}`,
      articleId: `draft-${tag}`,
      tokenHash: `hash-${tag}`,
      expiresAt: new Date("2099-01-01"),
    },
  });
  await p.articleRevision.create({
    data: {
      id: `revision-${tag}`,
      articleId: `to-update-${tag}`,
      version: 1,
      action: "createArticle",
      snapshot: JSON.stringify({
        headline: "Matrix",
        standfirst: null,
        language: "en",
        sectionSlug: null,
        tags: [],
        status: "PUBLISHED",
        publishedAt: null,
        embargoedUntil: null,
        commentsEnabled: true,
        commentsPremoderated: false,
        body: [],
      }),
    },
  });
  await p.webhookEndpoint.create({
    data: {
      id: `webhook-${tag}`,
      url: "https://receiver.example/hook",
      events: "article.scheduled",
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    },
  });
  await p.webhookDelivery.create({
    data: {
      id: `delivery-${tag}`,
      endpointId: `webhook-${tag}`,
      messageId: `msg_${tag}`,
      eventType: "article.scheduled",
      payload: "{}",
      status: "DELIVERED",
      nextAttemptAt: at,
    },
  });
  const gid = (type: string, kind: string) => globalId(type, `${kind}-${tag}`);
  return {
    article: gid("Article", "article"),
    toUpdate: gid("Article", "to-update"),
    draft: gid("Article", "draft"),
    toWithdraw: gid("Article", "to-withdraw"),
    person: gid("Person", "person"),
    otherPerson: gid("Person", "other-person"),
    organisation: gid("Organisation", "organisation"),
    event: gid("Event", "event"),
    place: gid("Place", "place"),
    affiliation: gid("Affiliation", "affiliation"),
    participant: gid("Participant", "participant"),
    media: gid("Media", "media"),
    liveUpdate: gid("LiveUpdate", "live-update"),
    liveDraft: gid("LiveUpdate", "live-draft"),
    scheduledJob: gid("ScheduledJob", "job"),
    previewToken: gid("PreviewToken", "preview"),
    revision: gid("ArticleRevision", "revision"),
    webhookEndpoint: gid("WebhookEndpoint", "webhook"),
    webhookDelivery: gid("WebhookDelivery", "delivery"),
  };
}

const EDITORS = ["editor", "admin"] as const;
/** An editors-only mutation: `input` is built from the caller's fresh records. */
const editorial = (name: string, input: (ids: Ids) => Record<string, unknown>, select: string): Cell => ({
  name,
  operation: (ids) => ({
    query: `mutation($i: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) ${select} }`,
    variables: { i: input(ids) },
  }),
  outcomes: allow(...EDITORS),
});
const removal = (name: string, id: (g: Graph) => string): Cell => ({
  name,
  operation: (ids) => ({ query: `mutation($id: ID!) { ${name}(id: $id) }`, variables: { id: id(ids.graph) } }),
  outcomes: allow(...EDITORS),
});
const slug = () => `matrix-${Math.random().toString(36).slice(2, 10)}`;
const day = { date: "2024-01-01T00:00:00.000Z", precision: "DAY" };

const allow = (...who: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, who.includes(c) ? "ok" : "denied"])) as Record<Caller, Outcome>;
const show = (...who: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, who.includes(c) ? "ok" : "hidden"])) as Record<Caller, Outcome>;
const SIGNED_IN: Caller[] = ["reader", "author", "analyst", "moderator", "editor", "admin"];

/** A moderators-only action on the caller's fresh target reader. */
const accountAction = (name: string, args: string, variables: Record<string, unknown> = {}): Cell => ({
  name,
  operation: (ids) => ({
    query: `mutation($id: ID!${"until" in variables ? ", $until: DateTime!" : ""}) { ${name}(id: $id, reason: "matrix"${args}) { id } }`,
    variables: { id: ids.target, ...variables },
  }),
  outcomes: allow("moderator", "admin"),
});

const CELLS: Cell[] = [
  {
    name: "startGuestSession",
    operation: () => ({ query: `mutation { startGuestSession(displayName: "x") { token } }` }),
    outcomes: allow(...CALLERS),
  },
  {
    name: "postComment",
    operation: (ids) => ({
      query: `mutation($a: ID!) { postComment(input: { articleId: $a, body: "matrix" }) { id } }`,
      variables: { a: ids.article },
    }),
    outcomes: allow(...SIGNED_IN),
  },
  {
    name: "editComment (the author's comment)",
    operation: (ids) => ({
      query: `mutation($id: ID!) { editComment(input: { id: $id, body: "edited by matrix" }) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow("author"),
  },
  {
    name: "reactToComment",
    operation: (ids) => ({
      query: `mutation($id: ID!) { reactToComment(commentId: $id, kind: LIKE) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow(...SIGNED_IN),
  },
  {
    name: "removeReaction",
    operation: (ids) => ({
      query: `mutation($id: ID!) { removeReaction(commentId: $id, kind: LIKE) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow(...SIGNED_IN),
  },
  {
    name: "flagComment (someone else's comment)",
    operation: (ids) => ({
      query: `mutation($id: ID!) { flagComment(id: $id, reason: SPAM) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: { ...allow("reader", "analyst", "moderator", "editor", "admin"), author: "denied" },
  },
  {
    name: "approveComment",
    operation: (ids) => ({
      query: `mutation($id: ID!) { approveComment(id: $id) { id } }`,
      variables: { id: ids.pending },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "rejectComment",
    operation: (ids) => ({
      query: `mutation($id: ID!) { rejectComment(id: $id, reason: "matrix") { id } }`,
      variables: { id: ids.pending },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "moderationQueue",
    operation: () => ({ query: `{ moderationQueue(first: 1) { totalCount } }` }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "approveComments",
    operation: (ids) => ({
      query: `mutation($ids: [ID!]!) { approveComments(ids: $ids) { id } }`,
      variables: { ids: [ids.pending] },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "rejectComments",
    operation: (ids) => ({
      query: `mutation($ids: [ID!]!) { rejectComments(ids: $ids, reason: "matrix") { id } }`,
      variables: { ids: [ids.pending] },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "featureComment",
    operation: (ids) => ({
      query: `mutation($id: ID!) { featureComment(id: $id) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "unfeatureComment",
    operation: (ids) => ({
      query: `mutation($id: ID!) { unfeatureComment(id: $id) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow("moderator", "admin"),
  },
  accountAction("banAccount", ""),
  accountAction("unbanAccount", ""),
  accountAction("suspendAccount", ", until: $until", { until: "2026-02-01T00:00:00.000Z" }),
  accountAction("warnAccount", `, message: "matrix warning"`),
  accountAction("addAccountNote", ""),
  {
    name: "acknowledgeWarning",
    operation: () => ({ query: `mutation { acknowledgeWarning { id } }` }),
    outcomes: allow(...SIGNED_IN),
  },
  {
    name: "changeDisplayName",
    operation: () => ({ query: `mutation { changeDisplayName(displayName: "Matrix") { id } }` }),
    outcomes: allow(...SIGNED_IN),
  },
  {
    name: "deleteAccount (a reader's, on request)",
    operation: (ids) => ({
      query: `mutation($id: ID!) { deleteAccount(id: $id, reason: "matrix request") { accountId } }`,
      variables: { id: ids.target },
    }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "moderationItems",
    operation: () => ({ query: `{ moderationItems(queue: REPORTED, first: 1) { totalCount } }` }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "moderationCounts",
    operation: () => ({ query: `{ moderationCounts { pending } }` }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "accountData (a reader's)",
    operation: (ids) => ({ query: `query($id: ID!) { accountData(id: $id) }`, variables: { id: ids.target } }),
    outcomes: allow("moderator", "admin"),
  },
  {
    name: "Comment.flags and reported",
    operation: (ids) => ({
      query: `query($id: ID!) { comment(id: $id) { flags { reason } reported } }`,
      variables: { id: ids.comment },
    }),
    outcomes: show("moderator", "admin"),
    pick: (data) => data.comment.flags,
  },
  {
    name: "Account.standing and history (a reader's)",
    operation: (ids) => ({
      query: `query($id: ID!) { node(id: $id) { ... on Account { standing { banned } history { rejectedCount } } } }`,
      variables: { id: ids.target },
    }),
    outcomes: show("moderator", "admin"),
    pick: (data) => data.node.history,
  },
  {
    name: "a draft article",
    operation: () => ({ query: `query($s: String!) { article(slug: $s) { id } }`, variables: { s: DRAFT_SLUG } }),
    outcomes: show("editor", "admin"),
    pick: (data) => data.article,
  },
  {
    name: "articles(filter: { status: DRAFT })",
    operation: () => ({ query: `{ articles(filter: { status: DRAFT }) { totalCount } }` }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "a draft article in search hits",
    operation: () => ({
      query: `{ search(query: "Medvedev case deserting", types: [ARTICLE]) { edges { node { ... on Article { slug } } } } }`,
    }),
    outcomes: show("editor", "admin"),
    pick: (data) => data.search.edges.find((e: { node: { slug: string } }) => e.node.slug === DRAFT_SLUG),
  },
  {
    name: "Comment.flagCount",
    operation: (ids) => ({
      query: `query($id: ID!) { comment(id: $id) { flagCount } }`,
      variables: { id: ids.comment },
    }),
    outcomes: show("moderator", "admin"),
    pick: (data) => data.comment.flagCount,
  },
  {
    name: "Comment.revisions and moderation (the author's comment)",
    operation: (ids) => ({
      query: `query($id: ID!) { comment(id: $id) { revisions { body } moderation { status } } }`,
      variables: { id: ids.comment },
    }),
    outcomes: show("author", "moderator", "admin"),
    pick: (data) => data.comment.revisions,
  },
  {
    name: "createArticle",
    operation: () => ({
      query: `mutation($s: String!) { createArticle(input: { slug: $s, headline: "Matrix" }) { id } }`,
      variables: { s: `matrix-${Math.random().toString(36).slice(2, 10)}` },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "updateArticle",
    operation: (ids) => ({
      query: `mutation($id: ID!) { updateArticle(input: { id: $id, version: 1, standfirst: "Matrix" }) { id } }`,
      variables: { id: ids.graph.toUpdate },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "publishArticle",
    operation: (ids) => ({
      query: `mutation($id: ID!) { publishArticle(id: $id, version: 1) { id } }`,
      variables: { id: ids.graph.draft },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "withdrawArticle",
    operation: (ids) => ({
      query: `mutation($id: ID!) { withdrawArticle(id: $id, version: 1, reason: "Matrix") { id } }`,
      variables: { id: ids.graph.toWithdraw },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "addCorrection",
    operation: (ids) => ({
      query: `mutation($id: ID!) { addCorrection(articleId: $id, text: "Matrix correction") { id } }`,
      variables: { id: ids.article },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "stats",
    operation: () => ({ query: `{ stats { articlesBySection { count } } }` }),
    outcomes: allow("analyst", "editor", "admin"),
  },
  { name: "auditLog", operation: () => ({ query: `{ auditLog(first: 1) { totalCount } }` }), outcomes: allow("admin") },
  {
    name: "createPerson",
    operation: () => ({
      query: `mutation($s: String!) { createPerson(input: { slug: $s, name: "Matrix" }) { id } }`,
      variables: { s: `matrix-${Math.random().toString(36).slice(2, 10)}` },
    }),
    outcomes: allow("editor", "admin"),
  },
  {
    name: "removeMention",
    operation: (ids) => ({
      query: `mutation($a: ID!, $e: ID!) { removeMention(articleId: $a, entityId: $e) }`,
      variables: { a: ids.article, e: globalId("Person", "nobody") },
    }),
    outcomes: allow("editor", "admin"),
  },
  editorial("updatePerson", (ids) => ({ id: ids.graph.person, version: 1, name: "Renamed" }), "{ id }"),
  editorial("createOrganisation", () => ({ slug: slug(), name: "Matrix", kind: "OTHER" }), "{ id }"),
  editorial("updateOrganisation", (ids) => ({ id: ids.graph.organisation, version: 1, name: "R" }), "{ id }"),
  editorial("createEvent", () => ({ slug: slug(), name: "Matrix", kind: "OTHER", start: day }), "{ id }"),
  editorial("updateEvent", (ids) => ({ id: ids.graph.event, version: 1, end: day }), "{ id }"),
  editorial("createPlace", () => ({ slug: slug(), name: "Matrix", kind: "OTHER" }), "{ id }"),
  editorial("updatePlace", (ids) => ({ id: ids.graph.place, version: 1, name: "R" }), "{ id }"),
  editorial(
    "addMention",
    (ids) => ({ articleId: ids.graph.article, entityId: ids.graph.person, salience: 0.5 }),
    "{ salience }",
  ),
  editorial(
    "addAffiliation",
    (ids) => ({ personId: ids.graph.otherPerson, organisationId: ids.graph.organisation, role: "matrix" }),
    "{ id }",
  ),
  removal("removeAffiliation", (g) => g.affiliation),
  editorial(
    "addParticipant",
    (ids) => ({ eventId: ids.graph.event, actorId: ids.graph.organisation, role: "matrix" }),
    "{ id }",
  ),
  removal("removeParticipant", (g) => g.participant),
  editorial("addByline", (ids) => ({ articleId: ids.graph.article, personId: ids.graph.person }), "{ position }"),
  {
    name: "removeByline",
    operation: (ids) => ({
      query: `mutation($i: RemoveBylineInput!) { removeByline(input: $i) }`,
      variables: { i: { articleId: ids.graph.article, personId: ids.graph.otherPerson } },
    }),
    outcomes: allow(...EDITORS),
  },
  editorial("addMedia", (ids) => ({ articleId: ids.graph.article, url: "https://x.example/matrix.jpg" }), "{ id }"),
  removal("removeMedia", (g) => g.media),
  editorial(
    "mergeEntities",
    (ids) => ({ keepId: ids.graph.person, mergeId: ids.graph.otherPerson, keepVersion: 1, mergeVersion: 1 }),
    "{ mergedId }",
  ),
  editorial("setLiveCoverage", (ids) => ({ articleId: ids.graph.article }), "{ id }"),
  editorial(
    "postLiveUpdate",
    (ids) => ({ articleId: ids.graph.article, body: [{ kind: "PARAGRAPH", text: "matrix" }] }),
    "{ id }",
  ),
  editorial("editLiveUpdate", (ids) => ({ id: ids.graph.liveUpdate, version: 1, title: "Matrix" }), "{ id }"),
  editorial("publishLiveUpdate", (ids) => ({ id: ids.graph.liveDraft, version: 1 }), "{ id }"),
  editorial("markLiveUpdate", (ids) => ({ id: ids.graph.liveUpdate, keyEvent: true }), "{ id }"),
  editorial("correctLiveUpdate", (ids) => ({ id: ids.graph.liveUpdate, text: "Matrix correction" }), "{ id }"),
  editorial("withdrawLiveUpdate", (ids) => ({ id: ids.graph.liveUpdate, reason: "Matrix" }), "{ id }"),
  {
    name: "LiveBlog.drafts",
    operation: (ids) => ({
      query: `query($id: ID!) { node(id: $id) { ... on Article { liveBlog { drafts { id } } } } }`,
      variables: { id: ids.graph.article },
    }),
    outcomes: show("editor", "admin"),
    pick: (data) => data.node.liveBlog.drafts,
  },
  {
    name: "LiveUpdate.revisions",
    operation: (ids) => ({
      query: `query($id: ID!) { node(id: $id) { ... on Article { liveBlog { liveUpdates { edges { node { revisions { version } } } } } } } }`,
      variables: { id: ids.graph.article },
    }),
    outcomes: show("editor", "admin"),
    pick: (data) => data.node.liveBlog.liveUpdates.edges[0].node.revisions,
  },
  {
    name: "scheduleArticle",
    operation: (ids) => ({
      query: `mutation($a: ID!) { scheduleArticle(articleId: $a, action: PUBLISH, at: "2027-01-01T00:00:00Z") { id } }`,
      variables: { a: ids.graph.draft },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "cancelScheduledChange",
    operation: (ids) => ({
      query: `mutation($id: ID!) { cancelScheduledChange(id: $id) { id } }`,
      variables: { id: ids.graph.scheduledJob },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "embargoArticle",
    operation: (ids) => ({
      query: `mutation($id: ID!) { embargoArticle(id: $id, version: 1, until: "2027-01-01T00:00:00Z") { id } }`,
      variables: { id: ids.graph.toUpdate },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "createPreviewToken",
    operation: (ids) => ({
      query: `mutation($a: ID!) { createPreviewToken(articleId: $a) { token } }`,
      variables: { a: ids.graph.draft },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "revokePreviewToken",
    operation: (ids) => ({
      query: `mutation($id: ID!) { revokePreviewToken(id: $id) }`,
      variables: { id: ids.graph.previewToken },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "restoreRevision",
    operation: (ids) => ({
      query: `mutation($id: ID!) { restoreRevision(revisionId: $id, version: 1) { id } }`,
      variables: { id: ids.graph.revision },
    }),
    outcomes: allow(...EDITORS),
  },
  {
    name: "createWebhookEndpoint",
    operation: () => ({
      query: `mutation { createWebhookEndpoint(input: { url: "https://receiver.example/hook", events: ["article.scheduled"] }) { secret } }`,
    }),
    outcomes: allow("admin"),
  },
  {
    name: "updateWebhookEndpoint",
    operation: (ids) => ({
      query: `mutation($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { id } }`,
      variables: { id: ids.graph.webhookEndpoint },
    }),
    outcomes: allow("admin"),
  },
  {
    name: "rotateWebhookSecret",
    operation: (ids) => ({
      query: `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      variables: { id: ids.graph.webhookEndpoint },
    }),
    outcomes: allow("admin"),
  },
  {
    name: "replayWebhookDelivery",
    operation: (ids) => ({
      query: `mutation($id: ID!) { replayWebhookDelivery(id: $id) }`,
      variables: { id: ids.graph.webhookDelivery },
    }),
    outcomes: allow("admin"),
  },
  {
    name: "replayWebhooks",
    operation: (ids) => ({
      query: `mutation($id: ID!) { replayWebhooks(endpointId: $id, since: "2000-01-01T00:00:00Z") }`,
      variables: { id: ids.graph.webhookEndpoint },
    }),
    outcomes: allow("admin"),
  },
  {
    name: "webhookEndpoints",
    operation: () => ({ query: `{ webhookEndpoints { id } }` }),
    outcomes: allow("admin"),
  },
  {
    name: "Article.revisions and scheduledChanges",
    operation: (ids) => ({
      query: `query($id: ID!) { node(id: $id) { ... on Article { revisions { id } scheduledChanges { id } } } }`,
      variables: { id: ids.graph.article },
    }),
    outcomes: show("editor", "admin"),
    pick: (data) => data.node.revisions,
  },
  // deleteComment last: it removes the comment the others act on.
  {
    name: "deleteComment (the author's comment)",
    operation: (ids) => ({
      query: `mutation($id: ID!) { deleteComment(id: $id) { id } }`,
      variables: { id: ids.comment },
    }),
    outcomes: allow("author", "moderator", "admin"),
  },
];

describe.skipIf(skipDatabase)("authorization matrix", () => {
  let lede: TestLede;
  const tokens = {} as Record<Caller, string | undefined>;
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "holdme" } });
    tokens.anonymous = undefined;
    tokens.reader = (await guest(lede, "Matrix reader")).token;
    tokens.author = (await guest(lede, "Matrix author")).token;
    for (const role of ["analyst", "moderator", "editor", "admin"] as const)
      tokens[role] = (await staff(lede, role.toUpperCase() as never)).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("has a row for every mutation in the schema", async () => {
    const { schema } = await import("../src/schema/index.js");
    const covered = new Set(CELLS.map((cell) => cell.name.split(/[ .(]/)[0]));
    const missing = Object.keys(schema.getMutationType()!.getFields()).filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  for (const cell of CELLS) {
    it(cell.name, async () => {
      const seen: string[] = [];
      for (const caller of CALLERS) {
        // A fresh comment and a fresh pending comment for every caller, so that no cell depends on another.
        const article = await articleId(lede);
        const comment = (await post(lede, tokens.author!, { articleId: article, body: `for ${caller}` })).id;
        const pending = (await post(lede, tokens.author!, { articleId: article, body: `holdme for ${caller}` })).id;
        const graph = await freshGraph(lede);
        const target = (await guest(lede, `Matrix target for ${caller}`)).accountId;
        const { query, variables } = cell.operation({ article, comment, pending, target, graph });
        const result = await lede.execute(query, variables, tokens[caller] ? { token: tokens[caller] } : {});
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        let outcome: Outcome | string;
        if (codes.length === 0)
          outcome =
            cell.pick && (cell.pick(result.data) === null || cell.pick(result.data) === undefined) ? "hidden" : "ok";
        else if (codes.every((c) => c === (caller === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN")))
          outcome = "denied";
        else outcome = `error ${codes.join(",")}`;
        seen.push(`${caller}: ${outcome}`);
      }
      expect(seen).toEqual(CALLERS.map((c) => `${c}: ${cell.outcomes[c]}`));
    });
  }
});
