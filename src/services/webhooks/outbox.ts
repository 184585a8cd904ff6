// The webhook outbox: a change that other systems hear about writes one delivery row per subscribed endpoint in the
// change's own transaction. A crash after the commit loses nothing (the dispatcher finds the rows when it starts),
// and a rolled-back change sends nothing.
import type { Clock, IdGenerator } from "../../context.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { CommentEventKind, CommentStatus } from "../../generated/prisma/enums.js";
import { encodeGlobalId } from "../../global-id.js";

type Tx = P.TransactionClient;

/** Every event type an endpoint can ask for. */
export const WEBHOOK_EVENT_TYPES = [
  "article.created",
  "article.updated",
  "article.published",
  "article.withdrawn",
  "article.scheduled",
  "entity.created",
  "entity.updated",
  "entity.merged",
  "comment.added",
  "comment.edited",
  "comment.removed",
  "comment.decided",
  "liveblog.updated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Whether an endpoint's list ("*", "article.*", "comment.added", …) takes `type`. */
export function wants(events: string, type: string): boolean {
  return events.split(",").some((pattern) => {
    const p = pattern.trim();
    return p === "*" || p === type || (p.endsWith(".*") && type.startsWith(p.slice(0, -1)));
  });
}

/** Writes a delivery of one event to each enabled endpoint that wants it; all share one webhook-id. */
export async function enqueueWebhookEvent(
  tx: Tx,
  deps: { clock: Clock; newId: IdGenerator },
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });
  const receivers = endpoints.filter((endpoint) => wants(endpoint.events, type));
  if (receivers.length === 0) return;
  const now = deps.clock();
  const messageId = `msg_${deps.newId()}`;
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data });
  await tx.webhookDelivery.createMany({
    data: receivers.map((endpoint) => ({
      id: deps.newId(),
      endpointId: endpoint.id,
      messageId,
      eventType: type,
      payload,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  });
}

const ENTITY_TYPES = new Set(["Person", "Organisation", "Event", "Place"]);

function articleEventType(action: string): WebhookEventType {
  switch (action) {
    case "createArticle":
      return "article.created";
    case "publishArticle":
    case "liftEmbargo":
      return "article.published";
    case "withdrawArticle":
      return "article.withdrawn";
    case "scheduleArticle":
    case "cancelScheduledJob":
      return "article.scheduled";
    default:
      return "article.updated";
  }
}

/** A live blog's change: its coverage window (update null), or an update posted (or drafted), edited, published,
 * marked, corrected or withdrawn. */
async function enqueueLiveBlogEvent(
  tx: Tx,
  deps: { clock: Clock; newId: IdGenerator },
  action: string,
  articleId: string,
  updateId: string | null,
): Promise<void> {
  const update = updateId
    ? await tx.liveUpdate.findUnique({
        where: { id: updateId },
        select: { status: true, version: true, seq: true, publishedAt: true },
      })
    : null;
  await enqueueWebhookEvent(tx, deps, "liveblog.updated", {
    article: encodeGlobalId("Article", articleId),
    action,
    update: update
      ? {
          id: encodeGlobalId("LiveUpdate", updateId!),
          status: update.status,
          version: update.version,
          sequence: update.seq,
          publishedAt: update.publishedAt?.toISOString() ?? null,
        }
      : null,
  });
}

/** Called with every audited editorial write (shared/audit.ts), inside its transaction: articles, entities and live
 * blogs. */
export async function enqueueEditorialEvent(
  tx: Tx,
  deps: { clock: Clock; newId: IdGenerator },
  action: string,
  entityType: string,
  entityId: string,
): Promise<void> {
  if (entityType === "Article" && action === "setLiveCoverage")
    return enqueueLiveBlogEvent(tx, deps, action, entityId, null);
  if (entityType === "LiveUpdate") {
    const update = await tx.liveUpdate.findUnique({ where: { id: entityId }, select: { articleId: true } });
    if (update) await enqueueLiveBlogEvent(tx, deps, action, update.articleId, entityId);
    return;
  }
  if (entityType === "Article") {
    const article = await tx.article.findUnique({
      where: { id: entityId },
      select: { slug: true, canonicalUrl: true, status: true, version: true, publishedAt: true, embargoedUntil: true },
    });
    if (!article) return;
    await enqueueWebhookEvent(tx, deps, articleEventType(action), {
      id: encodeGlobalId("Article", entityId),
      action,
      slug: article.slug,
      url: article.canonicalUrl,
      status: article.status,
      version: article.version,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      embargoedUntil: article.embargoedUntil?.toISOString() ?? null,
    });
    return;
  }
  // The merged record's own audit line ("mergedInto") is the other half of the merge reported by "mergeEntities".
  if (!ENTITY_TYPES.has(entityType) || action === "mergedInto") return;
  const type: WebhookEventType = action.startsWith("create")
    ? "entity.created"
    : action === "mergeEntities"
      ? "entity.merged"
      : "entity.updated";
  await enqueueWebhookEvent(tx, deps, type, { id: encodeGlobalId(entityType, entityId), type: entityType, action });
}

const COMMENT_EVENT_TYPES: Partial<Record<CommentEventKind, WebhookEventType>> = {
  ADDED: "comment.added",
  EDITED: "comment.edited",
  REMOVED: "comment.removed",
  STATUS_CHANGED: "comment.decided",
};

/** Called with every comment event (comments/events.ts), inside its transaction; reactions are not reported. */
export async function enqueueCommentEvent(
  tx: Tx,
  deps: { clock: Clock; newId: IdGenerator },
  kind: CommentEventKind,
  comment: { id: string; articleId: string; rootId: string | null; status: CommentStatus },
  previousStatus: CommentStatus | null,
): Promise<void> {
  const type = COMMENT_EVENT_TYPES[kind];
  if (!type) return;
  await enqueueWebhookEvent(tx, deps, type, {
    id: encodeGlobalId("Comment", comment.id),
    articleId: encodeGlobalId("Article", comment.articleId),
    threadId: encodeGlobalId("Comment", comment.rootId ?? comment.id),
    status: comment.status,
    previousStatus,
  });
}
