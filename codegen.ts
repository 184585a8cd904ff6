// graphql-codegen: prints the code-first schema to schema/schema.graphql and types the operations in
// schema/operations/ (what the tests and clients send) into test/generated/, and the widget's into
// src/widget/generated/. `npm run generate` runs it; CI runs it with --check so a stale committed file fails the build.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "./src/schema/index.ts",
  ignoreNoDocuments: false,
  generates: {
    "schema/schema.graphql": {
      plugins: ["schema-ast"],
      config: { includeDirectives: true, commentDescriptions: false, sort: false },
    },
    // The widget's operations alone, as plain strings (TypedDocumentString): the browser bundle needs no parser.
    "src/widget/generated/": {
      documents: ["schema/operations/widget.graphql"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", ID: "string", JSONObject: "Record<string, unknown>" },
        strictScalars: true,
      },
    },
    "test/generated/": {
      documents: ["schema/operations/**/*.graphql"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", ID: "string", JSONObject: "Record<string, unknown>" },
        strictScalars: true,
      },
    },
  },
};

export default config;
