// Turns the seed content into rows. Idempotent: every row has an id derived from its slug or key, and is created only
// when no row has that id yet (an existing row is left as it is), so seeding twice changes nothing. One transaction.
import { createHash } from "node:crypto";
import type { Prisma } from "../platform/db.js";
import { countWords } from "../services/shared/text.js";
import { seedLiveBlog } from "./live.js";
import { seedContent } from "./story.js";
import type { PartialDateSeed, SeedContent } from "./types.js";

export function stableId(kind: string, key: string): string {
  const hex = createHash("sha256").update(`lede-seed:${kind}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function partialDateValue(date: PartialDateSeed | undefined): Date | null {
  if (!date) return null;
  const [year, month = "01", day = "01"] = date.at.split("-");
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

export interface SeedReport {
  created: number;
  total: number;
}

type Progress = (step: string, done: number, total: number) => void;

export async function seedDatabase(
  prisma: Prisma,
  options: { content?: SeedContent; progress?: Progress } = {},
): Promise<SeedReport> {
  const content = options.content ?? seedContent;
  const progress = options.progress ?? (() => {});
  const id = stableId;
  let total = 0;
  let created = 0;

  return prisma.$transaction(
    async (tx) => {
      // Find by the stable id, create when missing; it counts as created when it made the row.
      async function put<T extends { id: string }>(
        find: (rowId: string) => Promise<unknown>,
        write: () => Promise<T>,
        rowId: string,
      ): Promise<void> {
        total++;
        if (await find(rowId)) return;
        await write();
        created++;
      }
      const steps = 9;
      let step = 0;
      const next = (name: string) => progress(name, ++step, steps);

      next("sections and tags");
      for (const s of content.sections) {
        const rowId = id("section", s.slug);
        await put(
          (i) => tx.section.findUnique({ where: { id: i } }),
          () => tx.section.create({ data: { id: rowId, ...s } }),
          rowId,
        );
      }
      for (const t of content.tags) {
        const rowId = id("tag", t.slug);
        await put(
          (i) => tx.tag.findUnique({ where: { id: i } }),
          () => tx.tag.create({ data: { id: rowId, ...t } }),
          rowId,
        );
      }

      next("places");
      for (const p of content.places) {
        const rowId = id("place", p.slug);
        await put(
          (i) => tx.place.findUnique({ where: { id: i } }),
          () =>
            tx.place.create({
              data: {
                id: rowId,
                slug: p.slug,
                name: p.name,
                kind: p.kind,
                description: p.description ?? null,
                parentId: p.parent ? id("place", p.parent) : null,
              },
            }),
          rowId,
        );
      }

      next("people");
      for (const p of content.people) {
        const rowId = id("person", p.slug);
        await put(
          (i) => tx.person.findUnique({ where: { id: i } }),
          () =>
            tx.person.create({
              data: {
                id: rowId,
                slug: p.slug,
                name: p.name,
                description: p.description ?? null,
                nationality: p.nationality ?? null,
                alternateNames: {
                  create: (p.alternateNames ?? []).map((name) => ({
                    id: id("person-name", `${p.slug}:${name}`),
                    name,
                  })),
                },
              },
            }),
          rowId,
        );
      }

      next("organisations");
      for (const o of content.organisations) {
        const rowId = id("organisation", o.slug);
        await put(
          (i) => tx.organisation.findUnique({ where: { id: i } }),
          () =>
            tx.organisation.create({
              data: {
                id: rowId,
                slug: o.slug,
                name: o.name,
                kind: o.kind,
                description: o.description ?? null,
                countryId: o.country ? id("place", o.country) : null,
                alternateNames: {
                  create: (o.alternateNames ?? []).map((name) => ({
                    id: id("organisation-name", `${o.slug}:${name}`),
                    name,
                  })),
                },
              },
            }),
          rowId,
        );
      }

      next("affiliations");
      for (const a of content.affiliations) {
        const rowId = id("affiliation", `${a.person}:${a.organisation}:${a.role}:${a.start?.at ?? ""}`);
        await put(
          (i) => tx.affiliation.findUnique({ where: { id: i } }),
          () =>
            tx.affiliation.create({
              data: {
                id: rowId,
                personId: id("person", a.person),
                organisationId: id("organisation", a.organisation),
                role: a.role,
                startsAt: partialDateValue(a.start),
                startPrecision: a.start?.precision ?? null,
                endsAt: partialDateValue(a.end),
                endPrecision: a.end?.precision ?? null,
              },
            }),
          rowId,
        );
      }

      next("events");
      for (const e of content.events) {
        const rowId = id("event", e.slug);
        await put(
          (i) => tx.event.findUnique({ where: { id: i } }),
          () =>
            tx.event.create({
              data: {
                id: rowId,
                slug: e.slug,
                name: e.name,
                kind: e.kind,
                description: e.description ?? null,
                startsAt: partialDateValue(e.start)!,
                startPrecision: e.start.precision,
                endsAt: partialDateValue(e.end),
                endPrecision: e.end?.precision ?? null,
                placeId: e.place ? id("place", e.place) : null,
                participants: {
                  create: e.participants.map((p, index) => ({
                    id: id("participant", `${e.slug}:${index}`),
                    personId: p.person ? id("person", p.person) : null,
                    organisationId: p.organisation ? id("organisation", p.organisation) : null,
                    role: p.role,
                  })),
                },
              },
            }),
          rowId,
        );
      }

      next("accounts");
      for (const a of content.accounts) {
        const rowId = id("account", a.key);
        await put(
          (i) => tx.account.findUnique({ where: { id: i } }),
          () =>
            tx.account.create({
              data: {
                id: rowId,
                displayName: a.displayName,
                role: a.role,
                createdAt: new Date("2023-01-01T00:00:00Z"),
              },
            }),
          rowId,
        );
      }

      next("articles");
      for (const a of content.articles) {
        const rowId = id("article", a.slug);
        const textBlocks = a.blocks.filter((b) => b.kind !== "IMAGE" && b.text).map((b) => b.text!);
        const bodyText = textBlocks.join("\n\n");
        const mediaId = (key: string) => id("media", `${a.slug}:${key}`);
        await put(
          (i) => tx.article.findUnique({ where: { id: i } }),
          async () => {
            const article = await tx.article.create({
              data: {
                id: rowId,
                slug: a.slug,
                canonicalUrl: a.canonicalUrl,
                headline: a.headline,
                standfirst: a.standfirst ?? null,
                bodyText,
                wordCount: countWords(bodyText),
                language: a.language,
                status: a.status,
                publishedAt: a.publishedAt ? new Date(a.publishedAt) : null,
                createdAt: new Date(a.publishedAt ?? a.updatedAt ?? "2024-02-09T00:00:00Z"),
                updatedAt: new Date(a.updatedAt ?? a.publishedAt ?? "2024-02-09T00:00:00Z"),
                sectionId: id("section", a.section),
                publisherId: id("organisation", a.publisher),
                commentsEnabled: a.comments.open,
                commentsCloseAt: a.comments.closesAt ? new Date(a.comments.closesAt) : null,
                commentsPremoderated: a.comments.premoderated,
                tags: { create: a.tags.map((slug, position) => ({ tagId: id("tag", slug), position })) },
                bylines: {
                  create: a.bylines.map((b, position) => ({
                    id: id("byline", `${a.slug}:${position}`),
                    personId: id("person", b.person),
                    role: b.role,
                    position,
                  })),
                },
                media: {
                  create: a.media.map((m, position) => ({
                    id: mediaId(m.key),
                    position,
                    url: m.url,
                    caption: m.caption ?? null,
                    altText: m.altText ?? null,
                    creditText: m.creditText ?? null,
                    creditPersonId: m.creditPerson ? id("person", m.creditPerson) : null,
                    creditOrganisationId: m.creditOrganisation ? id("organisation", m.creditOrganisation) : null,
                    width: m.width ?? null,
                    height: m.height ?? null,
                  })),
                },
                corrections: {
                  create: a.corrections.map((c, index) => ({
                    id: id("correction", `${a.slug}:${index}`),
                    text: c.text,
                    publishedAt: new Date(c.at),
                  })),
                },
                mentions: {
                  create: a.mentions.map((m) => ({
                    id: id("mention", `${a.slug}:${m.person ?? m.organisation ?? m.event ?? m.place}`),
                    personId: m.person ? id("person", m.person) : null,
                    organisationId: m.organisation ? id("organisation", m.organisation) : null,
                    eventId: m.event ? id("event", m.event) : null,
                    placeId: m.place ? id("place", m.place) : null,
                    salience: m.salience,
                    role: m.role ?? null,
                  })),
                },
              },
            });
            // Blocks refer to media rows, so they go in once the media exist.
            await tx.articleBlock.createMany({
              data: a.blocks.map((b, position) => ({
                id: id("block", `${a.slug}:${position}`),
                articleId: rowId,
                position,
                kind: b.kind,
                text: b.text ?? null,
                level: b.level ?? null,
                attribution: b.attribution ?? null,
                mediaId: b.media ? mediaId(b.media) : null,
              })),
            });
            return article;
          },
          rowId,
        );

        const depthOf = new Map<string, number>();
        const rootOf = new Map<string, string>();
        let seq = 0;
        for (const c of [...a.thread].sort((x, y) => x.at.localeCompare(y.at))) {
          seq++;
          const depth = c.replyTo ? (depthOf.get(c.replyTo) ?? 0) + 1 : 0;
          depthOf.set(c.key, depth);
          const commentId = id("comment", c.key);
          const rootId = c.replyTo ? (rootOf.get(c.replyTo) ?? id("comment", c.replyTo)) : null;
          rootOf.set(c.key, rootId ?? commentId);
          const at = new Date(c.at);
          const commentSeq = seq;
          await put(
            (i) => tx.comment.findUnique({ where: { id: i } }),
            () =>
              tx.comment.create({
                data: {
                  id: commentId,
                  articleId: rowId,
                  authorId: id("account", c.author),
                  parentId: c.replyTo ? id("comment", c.replyTo) : null,
                  body: c.body,
                  status: "VISIBLE",
                  depth,
                  rootId,
                  seq: commentSeq,
                  createdAt: at,
                  updatedAt: at,
                  // the event log starts with the seeded comments, so a stream can be replayed from its start
                  events: {
                    create: {
                      id: id("comment-event", c.key),
                      articleId: rowId,
                      seq: commentSeq,
                      kind: "ADDED",
                      threadId: rootId ?? commentId,
                      authorId: id("account", c.author),
                      status: "VISIBLE",
                      createdAt: at,
                      updatedAt: at,
                    },
                  },
                },
              }),
            commentId,
          );
        }
        await tx.article.updateMany({
          where: { id: rowId, lastCommentSeq: { lt: seq } },
          data: { lastCommentSeq: seq, lastEventSeq: seq },
        });
      }
      // The sample live blog (live.ts) comes with the default content only.
      if (content === seedContent) {
        total++;
        if ((await seedLiveBlog(tx, id)).created > 0) created++;
      }
      return { created, total };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** True when the database holds no articles yet (a fresh install): `npm start` seeds only then. */
export async function isEmpty(prisma: Prisma): Promise<boolean> {
  return (await prisma.article.count()) === 0;
}
