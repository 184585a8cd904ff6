// Limits on what one operation may ask for, over HTTP and WebSockets alike. Depth, aliases (no exemption for
// __typename), directives and tokens come from graphql-armor; the cost rule is ours, because it must count
// first/last passed as variables and apply to subscriptions, which armor's cost rule does not. And no document is
// answered with more than a bounded number of validation errors.
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { Plugin } from "graphql-yoga";
import {
  GraphQLError,
  getOperationAST,
  type ExecutionResult,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  validate,
} from "graphql";
import type { Config } from "../platform/config.js";
import { DEFAULT_PAGE_SIZE } from "../schema/shared/page-size.js";

function limitError(message: string, limit: string, value: number, nodes?: GraphQLError["nodes"]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: "LIMIT_EXCEEDED", limit, value } });
}

/** Options for an armor rule so that it reports our LIMIT_EXCEEDED error, naming the setting, instead of throwing. */
function reportAs(limit: string, value: number) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(error.message.replace(/^Syntax Error: /, ""), limit, value, error.nodes)),
    ],
  };
}

/** The most validation errors one answer lists (graphql-js then adds one saying it stopped there): a document of
 * a thousand unknown fields costs one short answer, not a thousand errors. */
export const MAX_VALIDATION_ERRORS = 10;

/** Plain lists (an article's bylines, a comment's reactions by kind) are short by nature. */
const PLAIN_LIST_SIZE = 5;

/** How many different sets of numeric variables one document's cost is kept for. */
const COSTS_KEPT_PER_DOCUMENT = 64;

export interface Cost {
  requested: number;
  limit: number;
}

/**
 * The estimated number of objects an operation can return: every field counts once per item of the lists above it,
 * a connection's size being its first/last (literal or variable) or the default page size.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  const typeInfo = new TypeInfo(schema);
  const multipliers: number[] = [1];
  let total = 0;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  // A variable's default counts when the request leaves it out: `query($n: Int = 100)` costs like `first: 100`.
  const defaults = new Map<string, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue?.kind === Kind.INT)
        defaults.set(variable.variable.name.value, Number(variable.defaultValue.value));
    }
  }
  const valueOf = (
    node: { kind: string; value?: string; name?: { value: string } } | undefined,
  ): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const name = node.name!.value;
      const value = name in variables ? variables[name] : defaults.get(name);
      return typeof value === "number" ? value : undefined;
    }
    return undefined;
  };
  const countSelections = (root: DocumentNode | (typeof document.definitions)[number], seen: Set<string>) => {
    visit(
      root,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(node) {
            const multiplier = multipliers.at(-1)!;
            total += multiplier;
            const type = typeInfo.getType();
            if (!type) return;
            const named = getNamedType(type);
            let size = 1;
            if (named.name.endsWith("Connection")) {
              const arg = (name: string) => valueOf(node.arguments?.find((a) => a.name.value === name)?.value as never);
              size = arg("first") ?? arg("last") ?? DEFAULT_PAGE_SIZE;
            } else if (
              isListType(getNullableType(type)) &&
              isCompositeType(named) &&
              !typeInfo.getParentType()?.name.endsWith("Connection") // edges: already counted by first/last
            ) {
              size = PLAIN_LIST_SIZE;
            }
            multipliers.push(multiplier * Math.max(size, 1));
          },
          leave() {
            multipliers.pop();
          },
        },
        FragmentSpread(node) {
          const fragment = fragments.get(node.name.value);
          if (!fragment || seen.has(node.name.value)) return;
          // Count the fragment in place, under the current multiplier (a fragment may not spread itself).
          countFragment(fragment, new Set(seen).add(node.name.value), multipliers.at(-1)!);
        },
      }),
    );
  };
  const countFragment = (fragment: (typeof document.definitions)[number], seen: Set<string>, multiplier: number) => {
    const before = multipliers.length;
    multipliers.push(multiplier);
    countSelections(fragment, seen);
    multipliers.length = before;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) countSelections(definition, new Set());
  }
  return total;
}

export function usePerOperationLimits(limits: Config["limits"]): Plugin {
  const rules: ValidationRule[] = [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: true, ...reportAs("MAX_DEPTH", limits.depth) }),
    maxAliasesRule({ n: limits.aliases, allowList: [], ...reportAs("MAX_ALIASES", limits.aliases) }),
    maxDirectivesRule({ n: limits.directives, ...reportAs("MAX_DIRECTIVES", limits.directives) }),
  ];
  const costOf = new WeakMap<object, Cost>();
  /** A rule that reports an over-cost request, so that it is a 400 like any other limit. Yoga caches validation
   * results by document and by the names of the rules; the cost also depends on the variables, so it is computed
   * for every request (below) and this rule, named after the cost, is added only when it is over the limit. */
  const overCost = (requested: number): ValidationRule => {
    const rule: ValidationRule = (validation) => ({
      Document: {
        leave() {
          validation.reportError(
            limitError(
              `This operation could return about ${requested} objects; the limit is ${limits.cost} (MAX_COST)`,
              "MAX_COST",
              limits.cost,
            ),
          );
        },
      },
    });
    return Object.defineProperty(rule, "name", { value: `MaxCostExceeded${requested}` });
  };
  /*
   * Both answers are kept per parsed document (yoga's parse cache hands every request of the same text the same
   * DocumentNode): checking the document's limits and estimating its cost walked the whole document on every
   * request, a few per cent of a front page's time. The cost also depends on the numeric variables (first: $n), so
   * it is kept per document and per their values, a bounded number of them.
   */
  const limitErrors = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  const documentLimitErrors = (schema: GraphQLSchema, document: DocumentNode) => {
    let bySchema = limitErrors.get(schema);
    if (!bySchema) limitErrors.set(schema, (bySchema = new WeakMap()));
    let errors = bySchema.get(document);
    if (!errors) bySchema.set(document, (errors = validate(schema, document, rules)));
    return errors;
  };
  const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
  const cachedCost = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>) => {
    let bySchema = costs.get(schema);
    if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
    let byVariables = bySchema.get(document);
    if (!byVariables) bySchema.set(document, (byVariables = new Map()));
    let key = "";
    for (const name in variables) if (typeof variables[name] === "number") key += `${name}=${variables[name]};`;
    let cost = byVariables.get(key);
    if (cost === undefined) {
      cost = operationCost(schema, document, variables);
      if (byVariables.size >= COSTS_KEPT_PER_DOCUMENT) byVariables.clear();
      byVariables.set(key, cost);
    }
    return cost;
  };
  return {
    ...(maxTokensPlugin({ n: limits.tokens, exposeLimits: true }) as Plugin),
    onValidate({ addValidationRule, context, params, setResult, setValidationFn, validateFn }) {
      // The document's own limits first, alone: a document over one of them is answered with that error only, not
      // with one more for each repetition the other rules find wrong too (graphql-cop's "directive overloading",
      // `__typename @aa @aa …`, got one "Unknown directive" a repetition). These depend on the document alone, so
      // yoga's validation cache may keep the answer.
      const overLimits = documentLimitErrors(params.schema, params.documentAST);
      if (overLimits.length > 0) {
        setResult(overLimits);
        return;
      }
      setValidationFn((schema, document, validationRules) =>
        validateFn(schema, document, validationRules, { maxErrors: MAX_VALIDATION_ERRORS }),
      );
      // Yoga and our WebSocket server both put the request's params (with its variables) in the initial context.
      const variables =
        (context as { params?: { variables?: Record<string, unknown> | null } }).params?.variables ?? {};
      const requested = cachedCost(params.schema, params.documentAST, variables);
      costOf.set(context, { requested, limit: limits.cost });
      if (requested > limits.cost) addValidationRule(overCost(requested));
    },
    onExecute({ args }) {
      return {
        // GitHub's idea: every answer says what it cost, so that clients can budget.
        onExecuteDone({ result, setResult }) {
          const cost = costOf.get(args.contextValue as object);
          if (!cost || !result) return;
          if (!(Symbol.asyncIterator in result)) {
            setResult({ ...result, extensions: { ...result.extensions, cost } });
            return;
          }
          // @defer / @stream: the first payload says what the whole operation costs.
          let first = true;
          return {
            onNext({ result: payload, setResult: setPayload }) {
              if (!first) return;
              first = false;
              setPayload({ ...payload, extensions: { ...payload.extensions, cost } });
            },
          };
        },
      };
    },
  };
}

/** Answers a query that runs too long with TIMEOUT. Mutations are left to finish: they are one transaction each, and
 * answering before it ends would leave the client unsure whether it happened. With @defer / @stream the deadline
 * covers the whole delivery: the parts still pending when it passes are cancelled and a last payload says TIMEOUT. */
export function useQueryTimeout(ms: number): Plugin {
  const timeoutError = () =>
    new GraphQLError(`The query took longer than ${ms} ms (QUERY_TIMEOUT_MS)`, {
      extensions: { code: "TIMEOUT", limit: "QUERY_TIMEOUT_MS", value: ms },
    });
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== "query") return;
      setExecuteFn(async (executionArgs) => {
        const deadline = Date.now() + ms;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => resolve({ errors: [timeoutError()] }), ms);
        });
        try {
          const result = await Promise.race([executeFn(executionArgs) as Promise<ExecutionResult>, timedOut]);
          return Symbol.asyncIterator in result ? withDeadline(result as never, deadline, timeoutError) : result;
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/** An incremental delivery that ends with a TIMEOUT payload (and cancels the rest) once the deadline passes. */
async function* withDeadline(
  payloads: AsyncIterable<Record<string, unknown>>,
  deadline: number,
  timeoutError: () => GraphQLError,
): AsyncGenerator<Record<string, unknown>> {
  const iterator = payloads[Symbol.asyncIterator]();
  try {
    while (true) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), Math.max(0, deadline - Date.now()));
      });
      const next = await Promise.race([iterator.next(), late]).finally(() => clearTimeout(timer));
      if (next === "late") {
        yield { errors: [timeoutError()], hasNext: false };
        return;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: a part that is still resolving finishes in the background, its result dropped.
    iterator.return?.().catch(() => {});
  }
}
