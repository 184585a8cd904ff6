// Reading back what an import wrote: an article with everything an import sets, and the row counts of every table
// an import writes (to show that a run changed nothing).
import type { TestLede } from "./lede.js";

const ARTICLE = `query($slug: String!) {
  article(slug: $slug) {
    id headline standfirst publishedAt updatedAt status version bodyText
    section { slug } tags { slug }
    bylines { role person { id name } }
    media { caption credit creditPerson { name } creditOrganisation { name } }
    body { kind text attribution media { credit } }
    mentions(first: 50) { edges { node { salience person { id name } organisation { id name } place { id name } } } }
  }
}`;

export interface Article {
  id: string;
  headline: string;
  standfirst: string | null;
  publishedAt: string | null;
  updatedAt: string;
  status: string;
  version: number;
  bodyText: string;
  section: { slug: string } | null;
  tags: { slug: string }[];
  bylines: { role: string; person: { id: string; name: string } }[];
  media: {
    caption: string | null;
    credit: string | null;
    creditPerson: { name: string } | null;
    creditOrganisation: { name: string } | null;
  }[];
  body: { kind: string; text: string | null; attribution: string | null; media: { credit: string } | null }[];
  mentions: { edges: { node: { salience: number; person?: Named; organisation?: Named; place?: Named } }[] };
}
type Named = { id: string; name: string } | null;

export async function articleBySlug(lede: TestLede, slug: string): Promise<Article> {
  const { article } = (await lede.query(ARTICLE, { slug })) as { article: Article | null };
  if (!article) throw new Error(`no article ${slug}`);
  return article;
}

/** Salience by name of the people, organisations and places an article mentions (events are left out). */
export function mentioned(article: Article): Map<string, number> {
  return new Map(
    article.mentions.edges.flatMap(({ node }) => {
      const entity = node.person ?? node.organisation ?? node.place;
      return entity ? [[entity.name, node.salience] as const] : [];
    }),
  );
}

/** Row counts of every table an import writes. */
export async function rowCounts(lede: TestLede): Promise<Record<string, number>> {
  const p = lede.db.prisma;
  const [articles, people, names, organisations, places, mentions, media, blocks, bylines, tags, audit] =
    await Promise.all([
      p.article.count(),
      p.person.count(),
      p.personName.count(),
      p.organisation.count(),
      p.place.count(),
      p.mention.count(),
      p.media.count(),
      p.articleBlock.count(),
      p.byline.count(),
      p.articleTag.count(),
      p.auditEntry.count(),
    ]);
  return { articles, people, names, organisations, places, mentions, media, blocks, bylines, tags, audit };
}
