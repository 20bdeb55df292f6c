import type { Oas3Rule } from '@redocly/openapi-core';

/** Every generated operation must say where in the manual it came from (x-refspec-source). */
export const OperationSource: Oas3Rule = () => ({
  Operation(op, { report, location }) {
    const src = (op as unknown as Record<string, unknown>)['x-refspec-source'];
    if (typeof src !== 'string' || !/#L\d+/.test(src)) {
      report({ message: 'Operation has no x-refspec-source pointing at the manual.', location: location.key() });
    }
  },
});
