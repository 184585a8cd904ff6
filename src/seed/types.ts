// The shape of Lede's seed content: plain data that refers to entities by slug, turned into rows by seed.ts.
// Dates are ISO strings (UTC). A partial date is written with the precision it is known to, and stored as the first
// instant of that day/month/year: { at: "2023-06", precision: "MONTH" } is June 2023.
import type {
  ArticleStatus,
  BlockKind,
  BylineRole,
  DatePrecision,
  EventKind,
  OrganisationKind,
  PlaceKind,
  Role,
} from "../generated/prisma/enums.js";

export interface PartialDateSeed {
  at: string; // "2023", "2023-06" or "2023-06-24"
  precision: DatePrecision;
}

export interface PlaceSeed {
  slug: string;
  name: string;
  kind: PlaceKind;
  parent?: string; // slug of the containing place
  description?: string;
}

export interface PersonSeed {
  slug: string;
  name: string;
  alternateNames?: string[];
  description?: string;
  nationality?: string;
}

export interface OrganisationSeed {
  slug: string;
  name: string;
  kind: OrganisationKind;
  country?: string; // place slug
  alternateNames?: string[];
  description?: string;
}

export interface AffiliationSeed {
  person: string;
  organisation: string;
  role: string;
  start?: PartialDateSeed;
  end?: PartialDateSeed;
}

export interface ParticipantSeed {
  person?: string;
  organisation?: string;
  role: string;
}

export interface EventSeed {
  slug: string;
  name: string;
  kind: EventKind;
  description?: string;
  start: PartialDateSeed;
  end?: PartialDateSeed;
  place?: string;
  participants: ParticipantSeed[];
}

export interface MediaSeed {
  key: string; // referenced by IMAGE blocks of the same article
  url: string;
  caption?: string;
  altText?: string;
  creditText?: string;
  creditPerson?: string;
  creditOrganisation?: string;
  width?: number;
  height?: number;
}

export interface BlockSeed {
  kind: BlockKind;
  text?: string;
  level?: number;
  attribution?: string;
  media?: string; // MediaSeed.key
}

export interface MentionSeed {
  person?: string;
  organisation?: string;
  event?: string;
  place?: string;
  salience: number; // 0–1
  role?: string;
}

export interface CommentSeed {
  key: string; // stable, so seeding twice finds the same comment
  author: string; // AccountSeed.key
  body: string;
  at: string; // ISO instant
  replyTo?: string; // CommentSeed.key of the same article
}

export interface ArticleSeed {
  slug: string;
  canonicalUrl: string;
  headline: string;
  standfirst?: string;
  language: string;
  status: ArticleStatus;
  publishedAt?: string;
  updatedAt?: string;
  section: string; // SectionSeed.slug
  tags: string[]; // TagSeed.slug
  publisher: string; // organisation slug
  bylines: { person: string; role: BylineRole }[];
  media: MediaSeed[];
  blocks: BlockSeed[];
  corrections: { at: string; text: string }[];
  mentions: MentionSeed[];
  comments: { open: boolean; closesAt?: string; premoderated: boolean };
  thread: CommentSeed[];
}

export interface AccountSeed {
  key: string;
  displayName: string;
  role: Role;
}

export interface SeedContent {
  sections: { slug: string; name: string; description?: string }[];
  tags: { slug: string; name: string }[];
  places: PlaceSeed[];
  people: PersonSeed[];
  organisations: OrganisationSeed[];
  affiliations: AffiliationSeed[];
  events: EventSeed[];
  accounts: AccountSeed[];
  articles: ArticleSeed[];
}
