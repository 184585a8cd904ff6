// One synthetic article and everything that hangs off it (blocks, tags, bylines, mentions, its comment thread and
// the thread's event log), as plain rows for createMany.
import type { ArticleStatus, BylineRole, CommentStatus } from "../generated/prisma/enums.js";
import { countWords } from "../services/shared/text.js";
import { CORPUS_END, type CorpusEntities, type Named } from "./corpus-entities.js";
import { Random, slugify, Zipf } from "./corpus-random.js";
import { COMMENT_PHRASES, SECTIONS, SENTENCES, TOPICS, VERBS } from "./corpus-vocabulary.js";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// When readers comment (UTC): quiet at night, busy at lunch and in the evening.
const HOUR_WEIGHTS = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.5, 3.8, 3.6, 3.9, 4.5, 4.2, 3.6, 3.4, 3.5, 3.9, 4.6, 5.2, 5.4, 4.6, 3.2, 1.8,
];
const SECTION_WEIGHTS = [5, 4, 3, 1.5, 2, 1.5, 1.5, 2];
const ENTITY_KINDS = ["person", "organisation", "place", "event"] as const;
type EntityKind = (typeof ENTITY_KINDS)[number];

export interface ArticleRows {
  article: {
    id: string;
    slug: string;
    canonicalUrl: string;
    headline: string;
    standfirst: string;
    bodyText: string;
    wordCount: number;
    language: string;
    status: ArticleStatus;
    publishedAt: Date | null;
    sectionId: string;
    publisherId: string;
    commentsEnabled: boolean;
    lastCommentSeq: number;
    lastEventSeq: number;
    createdAt: Date;
    updatedAt: Date;
  };
  blocks: { id: string; articleId: string; position: number; kind: "PARAGRAPH"; text: string }[];
  tags: { articleId: string; tagId: string; position: number }[];
  bylines: { id: string; articleId: string; personId: string; role: BylineRole; position: number }[];
  mentions: {
    id: string;
    articleId: string;
    personId?: string;
    organisationId?: string;
    placeId?: string;
    eventId?: string;
    salience: number;
  }[];
  comments: {
    id: string;
    articleId: string;
    authorId: string;
    parentId: string | null;
    rootId: string | null;
    depth: number;
    body: string;
    status: CommentStatus;
    seq: number;
    removedAt: Date | null;
    removedWhileVisible: boolean;
    createdAt: Date;
    updatedAt: Date;
  }[];
  events: {
    id: string;
    articleId: string;
    seq: number;
    kind: "ADDED" | "REMOVED";
    commentId: string;
    threadId: string;
    authorId: string;
    status: CommentStatus;
    createdAt: Date;
    updatedAt: Date;
  }[];
}

export interface ArticleContext {
  tag: string;
  entities: CorpusEntities;
  sectionIds: Map<string, string>;
  tagIds: Map<string, string>;
  accountIds: string[];
}

export class ArticleFactory {
  private readonly storylineRank: Zipf;
  private readonly entityRank: Record<EntityKind, Zipf>;
  private readonly topicRank = new Zipf(TOPICS.length, 0.9);
  private readonly journalistRank: Zipf;
  private readonly publisherRank: Zipf;
  private readonly commenterRank: Zipf;

  constructor(
    private readonly random: Random,
    private readonly context: ArticleContext,
  ) {
    const { entities } = context;
    this.storylineRank = new Zipf(entities.storylines.length, 0.7);
    this.entityRank = {
      person: new Zipf(entities.pools.person.length, 0.9),
      organisation: new Zipf(entities.pools.organisation.length, 0.9),
      place: new Zipf(entities.pools.place.length, 0.9),
      event: new Zipf(entities.pools.event.length, 0.9),
    };
    this.journalistRank = new Zipf(entities.journalists.length, 0.7);
    this.publisherRank = new Zipf(entities.publishers.length, 1.2);
    this.commenterRank = new Zipf(context.accountIds.length, 0.9);
  }

  build(index: number): ArticleRows {
    const { random, context } = this;
    const { entities, tag } = context;
    const id = `${tag}-article-${index}`;
    const storyline = entities.storylines[this.storylineRank.sample(random)]!;
    const at = storyline.startsAt + random.next() * (storyline.endsAt - storyline.startsAt);

    const chosen = new Map<string, { kind: EntityKind; entity: Named }>();
    const add = (kind: EntityKind, entity: Named) => chosen.set(entity.id, { kind, entity });
    add("person", storyline.people[0]!);
    for (const p of storyline.people.slice(1)) if (random.chance(0.8)) add("person", p);
    for (const o of storyline.organisations) if (random.chance(0.75)) add("organisation", o);
    if (random.chance(0.7)) add("place", storyline.place);
    for (const e of storyline.events) if (random.chance(0.35)) add("event", e);
    for (let extra = Math.floor(random.exponential(1.8)); extra > 0 && chosen.size < 14; extra--) {
      const kind = random.weighted<EntityKind>([
        ["person", 4],
        ["organisation", 3],
        ["place", 2],
        ["event", 1],
      ]);
      add(kind, entities.pools[kind][this.entityRank[kind].sample(random)]!);
    }
    const mentioned = [...chosen.values()];
    const mentions = mentioned.map(({ kind, entity }, position) => ({
      id: `${id}-m${position}`,
      articleId: id,
      [`${kind}Id`]: entity.id,
      // the storyline's lead is what the article is about; the rest are named in passing, less and less
      salience: round(
        position === 0 ? 0.75 + random.next() * 0.25 : Math.max(0.05, 0.7 - position * 0.06) * random.next() + 0.05,
      ),
    }));

    const lead = storyline.people[0]!;
    const organisation = mentioned.find((m) => m.kind === "organisation")?.entity ?? storyline.place;
    const topic = storyline.topic.replace("-", " ");
    const headline = `${lead.name} ${random.pick(VERBS)} ${organisation.name} over ${topic}`;
    const names = mentioned.map((m) => m.entity.name);
    const sentence = () => {
      const a = random.pick(names);
      const others = names.filter((name) => name !== a);
      return capitalise(
        random
          .pick(SENTENCES)
          .replace("{a}", a)
          .replace("{b}", others.length ? random.pick(others) : storyline.place.name)
          .replace("{place}", storyline.place.name)
          .replace("{topic}", topic),
      );
    };
    const paragraphs = Array.from({ length: random.int(2, 4) }, () =>
      Array.from({ length: random.int(2, 5) }, sentence).join(" "),
    );
    const bodyText = paragraphs.join("\n\n");

    const status = random.weighted<ArticleStatus>([
      ["PUBLISHED", 92],
      ["DRAFT", 5],
      ["WITHDRAWN", 3],
    ]);
    const publishedAt = status === "DRAFT" ? null : new Date(Math.floor(at / 60_000) * 60_000);
    const sectionSlug = random.weighted(SECTIONS.map((s, i) => [s.slug, SECTION_WEIGHTS[i]!] as const));
    const topics = new Set([storyline.topic]);
    for (let t = random.int(0, 3); t > 0; t--) topics.add(TOPICS[this.topicRank.sample(random)]!);
    const publisher = entities.publishers[this.publisherRank.sample(random)]!;
    const slug = `${slugify(headline).slice(0, 80)}-${tag.replace(/^corpus/, "c")}-${index}`;
    const journalists = new Set([entities.journalists[this.journalistRank.sample(random)]!]);
    if (random.chance(0.2)) journalists.add(entities.journalists[this.journalistRank.sample(random)]!);

    const commentsEnabled = random.chance(0.95);
    const { comments, events } =
      status === "PUBLISHED" && commentsEnabled ? this.thread(id, publishedAt!) : { comments: [], events: [] };
    const written = new Date(Math.floor(at - random.exponential(6) * HOUR));
    return {
      article: {
        id,
        slug,
        canonicalUrl: `https://${slugify(publisher.name)}.example/${sectionSlug}/${slug}`,
        headline,
        standfirst: `What ${lead.name} and ${organisation.name} mean for ${topic}.`,
        bodyText,
        wordCount: countWords(bodyText),
        language: random.weighted([
          ["en", 90],
          ["no", 5],
          ["de", 3],
          ["fr", 2],
        ]),
        status,
        publishedAt,
        sectionId: context.sectionIds.get(sectionSlug)!,
        publisherId: publisher.id,
        commentsEnabled,
        lastCommentSeq: comments.length,
        lastEventSeq: events.length,
        createdAt: written,
        updatedAt: random.chance(0.2)
          ? new Date(Math.floor(at + random.exponential(3) * DAY))
          : (publishedAt ?? written),
      },
      blocks: paragraphs.map((text, position) => ({
        id: `${id}-b${position}`,
        articleId: id,
        position,
        kind: "PARAGRAPH",
        text,
      })),
      tags: [...topics].map((slug, position) => ({ articleId: id, tagId: context.tagIds.get(slug)!, position })),
      bylines: [...journalists].map((person, position) => ({
        id: `${id}-byline-${position}`,
        articleId: id,
        personId: person.id,
        role: (position === 0 && random.chance(0.8) ? "AUTHOR" : "CORRESPONDENT") as BylineRole,
        position,
      })),
      mentions,
      comments,
      events,
    };
  }

  /** A thread whose length has a heavy tail: a third of articles get none, most a handful, a few hundreds. */
  private thread(articleId: string, publishedAt: Date): Pick<ArticleRows, "comments" | "events"> {
    const { random } = this;
    const count = random.chance(0.35) ? 0 : Math.min(400, Math.floor(random.pareto(1, 1.15)));
    const times: number[] = [];
    const dayStart = Math.floor(publishedAt.getTime() / DAY) * DAY;
    for (let c = 0; c < count; c++) {
      const day = Math.floor(random.exponential(0.8));
      const hour = random.weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));
      let time = dayStart + day * DAY + hour * HOUR + random.int(0, 3599) * 1000;
      if (time <= publishedAt.getTime()) time = publishedAt.getTime() + Math.ceil(random.exponential(3 * HOUR));
      times.push(Math.min(time, CORPUS_END + 30 * DAY));
    }
    times.sort((a, b) => a - b);
    const comments: ArticleRows["comments"] = [];
    const events: ArticleRows["events"] = [];
    for (const [index, time] of times.entries()) {
      const seq = index + 1;
      const id = `${articleId}-c${seq}`;
      const parent =
        index > 0 && random.chance(0.35) ? comments[random.int(Math.max(0, index - 20), index - 1)]! : null;
      const depth = parent ? Math.min(parent.depth + 1, 6) : 0;
      const status = random.weighted<CommentStatus>([
        ["VISIBLE", 93],
        ["PENDING", 3],
        ["REJECTED", 2],
        ["REMOVED", 2],
      ]);
      const createdAt = new Date(time);
      const removedAt = status === "REMOVED" ? new Date(time + Math.ceil(random.exponential(2 * HOUR))) : null;
      const authorId = this.context.accountIds[this.commenterRank.sample(random)]!;
      comments.push({
        id,
        articleId,
        authorId,
        parentId: depth > 0 ? parent!.id : null,
        rootId: depth > 0 ? (parent!.rootId ?? parent!.id) : null,
        depth,
        body: `${random.pick(COMMENT_PHRASES)} ${random.pick(COMMENT_PHRASES)}`,
        status,
        seq,
        removedAt,
        removedWhileVisible: status === "REMOVED",
        createdAt,
        updatedAt: removedAt ?? createdAt,
      });
      const threadId = comments[index]!.rootId ?? id;
      events.push({
        id: `${id}-e`,
        articleId,
        seq: 0,
        kind: "ADDED",
        commentId: id,
        threadId,
        authorId,
        status: status === "REMOVED" ? "VISIBLE" : status,
        createdAt,
        updatedAt: createdAt,
      });
      if (removedAt)
        events.push({
          id: `${id}-r`,
          articleId,
          seq: 0,
          kind: "REMOVED",
          commentId: id,
          threadId,
          authorId,
          status,
          createdAt: removedAt,
          updatedAt: removedAt,
        });
    }
    // The log is in time order, as the live streams wrote it.
    events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    events.forEach((event, position) => (event.seq = position + 1));
    return { comments, events };
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
