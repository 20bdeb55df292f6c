/**
 * The Redocly openapi-core that openapi-typescript itself loads, for bundling and resolving.
 * One copy in the process instead of two (loading the project's own @redocly/openapi-core as well
 * cost ~0.4–0.9 s of start-up per `refspec generate`, measured), and the document handed to
 * openapi-typescript is resolved by the very code it resolves with. The API used here (bundle,
 * resolveDocument, walkDocument, createConfig, BaseResolver) is the same in both major versions;
 * the types are the project's copy's.
 */
import { createRequire } from 'node:module';

type OpenapiCore = typeof import('@redocly/openapi-core');

export const redocly = createRequire(createRequire(import.meta.url).resolve('openapi-typescript'))('@redocly/openapi-core') as OpenapiCore;
