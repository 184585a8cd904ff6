// Failure messages that print the operation, its variables and the response, so that a red test says what was
// asked and what came back. Free of the app and the database: unit tests use it too.
import { print } from "graphql";

export function describeFailure(document: unknown, variables: unknown, response: unknown): string {
  const operation = typeof document === "string" ? document : print(document as never);
  return `operation:\n${operation}\nvariables: ${JSON.stringify(variables)}\nresponse: ${JSON.stringify(response, null, 2)}`;
}
