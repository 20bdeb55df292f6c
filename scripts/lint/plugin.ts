import type { Plugin } from '@redocly/openapi-core';
import { NoUndescribedObject } from './rules/no-undescribed-object.ts';
import { NoDamagedName } from './rules/no-damaged-name.ts';
import { OperationSource } from './rules/operation-source.ts';
import { RpcActionMatches } from './rules/rpc-action-matches.ts';

/** Our own lint rules, referenced from redocly.yaml as `refspec/<rule>`. */
export const refspecPlugin: Plugin = {
  id: 'refspec',
  rules: {
    oas3: {
      'no-undescribed-object': NoUndescribedObject,
      'no-damaged-name': NoDamagedName,
      'operation-source': OperationSource,
      'rpc-action-matches': RpcActionMatches,
    },
  },
};
