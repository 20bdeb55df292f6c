import type { Oas3Rule } from '@redocly/openapi-core';

/**
 * RPC-style operations (path `/#Action=<Name>`): the path, the operationId and the constant of the
 * required `Action` query parameter must all name the same action.
 */
export const RpcActionMatches: Oas3Rule = () => {
  let currentPath = '';
  return {
    PathItem: {
      enter(_item, { key }) {
        currentPath = String(key);
      },
    },
    Operation(op, { report, location }) {
      const m = /^\/#Action=(.+)$/.exec(currentPath);
      if (!m) return;
      if (op.operationId !== m[1]) {
        report({ message: `operationId "${op.operationId}" does not match the path's action "${m[1]}".`, location: location.child(['operationId']) });
      }
      const action = (op.parameters ?? []).find(
        (p) => !('$ref' in p) && p.name === 'Action' && p.in === 'query',
      ) as { required?: boolean; schema?: { const?: unknown } } | undefined;
      if (!action || action.required !== true || action.schema?.const !== m[1]) {
        report({ message: `Operation must declare a required query parameter Action with const "${m[1]}".`, location: location.key() });
      }
    },
  };
};
