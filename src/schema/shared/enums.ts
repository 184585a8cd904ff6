// The enums shared by several domains; each Prisma enum becomes a GraphQL enum with every value described.
import { builder } from "../../builder.js";
import {
  ArticleStatus,
  BlockKind,
  BylineRole,
  CommentStatus,
  DatePrecision,
  EventKind,
  OrganisationKind,
  PlaceKind,
  Role,
} from "../../generated/prisma/enums.js";

/** A Prisma enum as a GraphQL enum, with every value described (TypeScript insists on each one). */
export function describedEnum<const E extends Record<string, string>>(
  name: string,
  description: string,
  _values: E,
  valueDescriptions: { [K in keyof E]: string },
) {
  const values = Object.fromEntries(
    Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text as string }]),
  ) as { [K in keyof E & string]: { description: string } };
  return builder.enumType<string, { [K in keyof E & string]: { description: string } }>(name, { description, values });
}

export const RoleEnum = describedEnum("Role", "What an account may do.", Role, {
  READER: "Reads, reacts and comments.",
  ANALYST: "Explores the graph and its statistics.",
  MODERATOR: "Reviews and moderates comments.",
  EDITOR: "Writes, corrects and publishes articles and entities.",
  ADMIN: "Everything, including accounts and the audit log.",
});
export const ArticleStatusEnum = describedEnum("ArticleStatus", "Where an article is in its life.", ArticleStatus, {
  DRAFT: "Being written: visible to editors only.",
  PUBLISHED: "Live: visible to everyone and listed.",
  WITHDRAWN: "Taken down: no longer listed, still reachable by id or slug with its status.",
});
export const BlockKindEnum = describedEnum("BlockKind", "What an article body block is.", BlockKind, {
  PARAGRAPH: "A paragraph of text.",
  HEADING: "A subheading inside the body.",
  QUOTE: "A quotation, with who said it.",
  IMAGE: "An image from the article's media.",
});
export const BylineRoleEnum = describedEnum(
  "BylineRole",
  "What a person credited on an article did for it.",
  BylineRole,
  {
    AUTHOR: "Wrote it.",
    CORRESPONDENT: "Reported it from the place.",
    PHOTOGRAPHER: "Took its photographs.",
    EDITOR: "Edited it.",
    CONTRIBUTOR: "Contributed reporting.",
  },
);
export const CommentStatusEnum = describedEnum(
  "CommentStatus",
  "Where a comment stands in moderation.",
  CommentStatus,
  {
    VISIBLE: "Shown to everyone.",
    PENDING: "Waiting for a moderator: shown only to its author and to moderators.",
    REJECTED: "Turned down by a moderator: shown only to its author and to moderators.",
    REMOVED: "Deleted by its author or removed by a moderator.",
  },
);
export const DatePrecisionEnum = describedEnum("DatePrecision", "How precisely a date is known.", DatePrecision, {
  DAY: "To the day: 24 June 2023.",
  MONTH: "To the month: June 2023.",
  YEAR: "To the year: 2023.",
});
export const EventKindEnum = describedEnum("EventKind", "What kind of event it was.", EventKind, {
  MILITARY_SERVICE: "A period of service with an armed force or military company.",
  DEFECTION: "Leaving a side or an organisation, usually without leave.",
  BORDER_CROSSING: "Crossing a border.",
  ASYLUM_APPLICATION: "Asking a country for protection.",
  ASYLUM_DECISION: "A country's decision on a request for protection.",
  ARREST: "Being detained by police.",
  SENTENCING: "A court's sentence.",
  REBELLION: "An armed uprising or mutiny.",
  CRASH: "A crash or accident.",
  INTERVIEW: "An interview or public statement.",
  OTHER: "Anything else.",
});
export const OrganisationKindEnum = describedEnum(
  "OrganisationKind",
  "What kind of organisation it is.",
  OrganisationKind,
  {
    PUBLISHER: "Publishes news.",
    NEWS_AGENCY: "Supplies news and pictures to publishers.",
    PHOTO_AGENCY: "Supplies photographs.",
    PRIVATE_MILITARY_COMPANY: "A private company that supplies fighters.",
    GOVERNMENT_BODY: "A government, ministry or state agency.",
    ARMED_FORCES: "A state's military or border force.",
    POLICE: "A police force.",
    COURT: "A court of law.",
    NGO: "A non-governmental organisation.",
    ACTIVIST_GROUP: "A campaigning or dissident group.",
    LAW_FIRM: "A firm of lawyers.",
    COMPANY: "Any other company.",
    OTHER: "Anything else.",
  },
);
export const PlaceKindEnum = describedEnum("PlaceKind", "What kind of place it is.", PlaceKind, {
  COUNTRY: "A sovereign country.",
  REGION: "A region, province or oblast.",
  CITY: "A city or town.",
  BORDER: "A border between countries.",
  VENUE: "A building or site.",
  OTHER: "Anything else.",
});

export const EntityTypeEnum = builder.enumType("EntityType", {
  description: "The kinds of entity an article can mention.",
  values: {
    PERSON: { description: "A Person." },
    ORGANISATION: { description: "An Organisation." },
    EVENT: { description: "An Event." },
    PLACE: { description: "A Place." },
  } as const,
});
