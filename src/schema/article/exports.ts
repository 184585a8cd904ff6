// Article.jsonLd and Article.ninjs: the article in the two formats other systems read (see src/services/export).
import { JSONObjectResolver } from "graphql-scalars";
import { builder } from "../../builder.js";
import { JSON_LD_SELECT, toJsonLd } from "../../services/export/json-ld.js";
import { NINJS_SELECT, toNinjs } from "../../services/export/ninjs.js";

builder.addScalarType("JSONObject", JSONObjectResolver, { description: "A JSON object." });

builder.prismaObjectField("Article", "jsonLd", (t) =>
  t.field({
    type: "JSONObject",
    description:
      "The article as schema.org NewsArticle (JSON-LD): headline, authors, publisher, dates, images, mentions.",
    select: JSON_LD_SELECT,
    resolve: (a) => toJsonLd(a),
  }),
);

builder.prismaObjectField("Article", "ninjs", (t) =>
  t.field({
    type: "JSONObject",
    description:
      "The article as IPTC ninjs 3.0 (News in JSON): uri, headlines, descriptions, bodies (plain text and HTML), dates, " +
      "byline, subjects, people, organisations, places and events mentioned, and its pictures as associations.",
    select: NINJS_SELECT,
    resolve: (a) => toNinjs(a),
  }),
);
