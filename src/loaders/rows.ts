// Whole rows by id, for every table a request reads that way, in one SQL statement a tick. Prisma reads each table
// with a statement of its own, so a page whose bylines, mentions, publishers, sections and comment authors point at
// six tables cost six statements; here each table's part is one SELECT that encodes its rows as JSON, and the parts
// are joined with UNION ALL (the column lists differ, a JSON text column does not). The rows come back exactly as
// Prisma returns them (the model's scalar fields, Dates, booleans): test/row-reads.test.ts compares every model.
import DataLoader from "dataloader";
import { getDatamodel } from "../generated/pothos-types.js";
import type { Prisma, Provider } from "../platform/db.js";
import { Sql } from "../platform/sql.js";

type Decode = (value: unknown) => unknown;

/** SQLite keeps DateTimes as ISO text (with +00:00); PostgreSQL's row_to_json writes timestamp(3) without a zone. */
const decodeDate: Decode = (value) => {
  if (value === null) return null;
  if (typeof value === "number") return new Date(value);
  const text = String(value).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
};
const decodeBoolean: Decode = (value) => (value === null ? null : value === true || value === 1);
const asIs: Decode = (value) => value;

const DECODERS: Record<string, Decode> = {
  String: asIs,
  Int: asIs,
  Float: asIs,
  Boolean: decodeBoolean,
  DateTime: decodeDate,
};

interface ModelShape {
  columns: { name: string; decode: Decode }[];
  /** SQLite's json_object arguments: 'name', t."name", … */
  sqliteObject: string;
}

let shapes: Map<string, ModelShape> | undefined;

/** Each model's scalar columns from the datamodel Pothos is built with; read once, on first use. */
function shapeOf(model: string): ModelShape {
  shapes ??= new Map();
  let shape = shapes.get(model);
  if (shape) return shape;
  const fields = getDatamodel().datamodel.models[model]?.fields;
  if (!fields) throw new Error(`rows: no model ${model}`);
  const columns = fields
    .filter((field) => field.kind === "scalar" || field.kind === "enum")
    .map((field) => {
      const decode = field.kind === "enum" ? asIs : DECODERS[field.type];
      // a Json, Bytes, Decimal or BigInt column would need its own decoding: refuse rather than return it wrong
      if (!decode) throw new Error(`rows: ${model}.${field.name} is ${field.type}, which rows.ts cannot decode`);
      return { name: field.name, decode };
    });
  const sqliteObject = columns.map((c) => `'${c.name}', t."${c.name}"`).join(", ");
  shape = { columns, sqliteObject };
  shapes.set(model, shape);
  return shape;
}

function decodeRow(model: string, json: string): Record<string, unknown> {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const column of shapeOf(model).columns) row[column.name] = column.decode(raw[column.name] ?? null);
  return row;
}

/** A row loader's key: the model, a colon, the id (model names hold no colon). */
export type RowKey = `${string}:${string}`;

async function readRows(prisma: Prisma, provider: Provider, keys: readonly RowKey[]) {
  const idsByModel = new Map<string, string[]>();
  for (const key of keys) {
    const colon = key.indexOf(":");
    const model = key.slice(0, colon);
    const ids = idsByModel.get(model) ?? [];
    ids.push(key.slice(colon + 1));
    idsByModel.set(model, ids);
  }
  const sql = new Sql(provider);
  const parts = [...idsByModel].map(([model, ids]) => {
    const row = provider === "sqlite" ? `json_object(${shapeOf(model).sqliteObject})` : `row_to_json(t)::text`;
    return `SELECT '${model}' AS "m", ${row} AS "r" FROM "${model}" t WHERE t."id" IN ${sql.list(ids)}`;
  });
  const found = await prisma.$queryRawUnsafe<{ m: string; r: string }[]>(parts.join(" UNION ALL "), ...sql.params);
  const rows = new Map<RowKey, Record<string, unknown>>();
  for (const { m, r } of found) {
    const row = decodeRow(m, r);
    rows.set(`${m}:${row.id as string}`, row);
  }
  return keys.map((key) => rows.get(key) ?? null);
}

/** One loader for rows of any model by id: what a tick asks for, of whichever tables, is one statement. */
export function createRowLoader(prisma: Prisma, provider: Provider, options: { cache: boolean }) {
  // SQLite binds at most 32,766 parameters a statement; a bigger batch is split
  return new DataLoader<RowKey, Record<string, unknown> | null>((keys) => readRows(prisma, provider, keys), {
    cache: options.cache,
    maxBatchSize: 10_000,
  });
}
