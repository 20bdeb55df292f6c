/**
 * Two valid documents using what OpenAPI allows and the fixture pairs do not: `$ref` wherever the
 * specification permits one (path items, parameters, request bodies, responses, headers, examples,
 * links, callbacks), percent-encoded `$ref` fragments, path-level parameters, oneOf / anyOf / allOf
 * with a discriminator, recursive schemas, `default` and `2XX` responses; one in OpenAPI 3.0 (with
 * `nullable`), one in 3.1 (type arrays, `$ref` with siblings, components/pathItems, webhooks).
 * Shared by the robustness tests (shapes.test.ts, fuzz.test.ts).
 */
import type { Json } from '../../scripts/diff/types.ts';

function common(): Json {
  return {
    info: { title: 'Shapes', version: '1.0.0' },
    servers: [{ url: 'https://{region}.example.test/v1', variables: { region: { default: 'eu' } } }],
    security: [{ bearer: [] }, {}],
    tags: [{ name: 'pets' }],
    paths: {
      '/pets': {
        summary: 'Pets',
        parameters: [{ $ref: '#/components/parameters/Trace' }],
        get: {
          operationId: 'listPets',
          parameters: [
            { $ref: '#/components/parameters/Limit' },
            { name: 'kind', in: 'query', schema: { $ref: '#/components/schemas/Kind' }, examples: { dog: { $ref: '#/components/examples/Dog' } } },
            { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'string' } } } } },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
            { name: 'tags', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'string' } } },
          ],
          responses: {
            '200': {
              description: 'Pets',
              headers: { 'X-Rate-Limit': { $ref: '#/components/headers/RateLimit' } },
              links: { first: { $ref: '#/components/links/First' } },
              content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
            },
            '4XX': { $ref: '#/components/responses/Problem' },
            default: { $ref: '#/components/responses/Problem' },
          },
        },
        post: {
          operationId: 'createPet',
          requestBody: { $ref: '#/components/requestBodies/NewPet' },
          callbacks: { adopted: { $ref: '#/components/callbacks/Adopted' } },
          responses: { '201': { $ref: '#/components/responses/PetCreated' }, '2XX': { description: 'Other success' } },
        },
      },
      '/pets/{petId}': {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: {
          // no operationId: named by method and path
          responses: { '200': { description: 'One', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
        },
        patch: {
          operationId: 'updatePet',
          security: [],
          requestBody: {
            content: {
              'application/merge-patch+json': { schema: { $ref: '#/components/schemas/Pet' } },
              'multipart/form-data': {
                schema: { type: 'object', properties: { photo: { type: 'string', format: 'binary' }, meta: { $ref: '#/components/schemas/Tag' } } },
                encoding: { photo: { contentType: 'image/png', headers: { 'X-Crop': { $ref: '#/components/headers/RateLimit' } } } },
              },
            },
          },
          responses: { '204': { description: 'Updated' }, '404': { $ref: '#/components/responses/Problem' } },
        },
      },
      '/pets/{petId}/owner': { $ref: '#/paths/~1owners~1%7BownerId%7D' },
      '/owners/{ownerId}': {
        parameters: [{ name: 'ownerId', in: 'path', required: true, schema: { type: 'integer' } }],
        get: { operationId: 'getOwner', responses: { '200': { description: 'Owner', content: { 'application/json': { schema: { $ref: '#/components/schemas/Owner' } } } } } },
      },
    },
    components: {
      schemas: {
        Kind: { type: 'string', enum: ['dog', 'cat', 'bird'] },
        Tag: { type: 'object', properties: { name: { type: 'string' } } },
        Base: { type: 'object', required: ['id', 'kind'], properties: { id: { type: 'string' }, kind: { $ref: '#/components/schemas/Kind' } } },
        Dog: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { barks: { type: 'boolean' } } }] },
        Cat: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { lives: { type: 'integer', minimum: 0, maximum: 9 } } }] },
        Pet: {
          oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }],
          discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' } },
        },
        Owner: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
            friends: { type: 'array', items: { $ref: '#/components/schemas/Owner' } },
            contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'object', properties: { phone: { type: 'string' } } }] },
            extra: { not: { type: 'null' } },
          },
        },
        Problem: { type: 'object', properties: { title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } },
      },
      parameters: {
        Limit: { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100, default: 20 } },
        Trace: { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
      },
      requestBodies: {
        NewPet: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' }, examples: { dog: { $ref: '#/components/examples/Dog' } } } } },
      },
      responses: {
        Problem: { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        PetCreated: {
          description: 'Created',
          headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
      },
      headers: { RateLimit: { description: 'Requests left', schema: { type: 'integer' } } },
      examples: { Dog: { summary: 'A dog', value: { id: '1', kind: 'dog', barks: true } } },
      links: { First: { operationId: 'listPets', parameters: { limit: 1 } } },
      callbacks: {
        Adopted: {
          '{$request.body#/callbackUrl}': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: { '200': { description: 'OK' } } } },
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.test/token', scopes: { read: 'Read' } } } },
        oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://auth.example.test/.well-known/openid-configuration' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
      },
    },
  };
}

/** OpenAPI 3.0.3: optional fields are `nullable`. */
export function shapes30(): Json {
  const d = common();
  d.openapi = '3.0.3';
  const s = (d.components as Json).schemas as Record<string, Json>;
  (s.Tag.properties as Record<string, Json>).name.nullable = true;
  (s.Owner.properties as Record<string, Json>).name = { type: 'string', nullable: true };
  return d;
}

/** OpenAPI 3.1.0: type arrays, `$ref` with a sibling description, a path item component, webhooks. */
export function shapes31(): Json {
  const d = common();
  d.openapi = '3.1.0';
  const c = d.components as Json;
  const s = c.schemas as Record<string, Json>;
  (s.Tag.properties as Record<string, Json>).name = { type: ['string', 'null'] };
  (s.Owner.properties as Record<string, Json>).name = { type: ['string', 'null'] };
  (s.Owner.properties as Record<string, Json>).pets = { $ref: '#/components/schemas/PetList', description: 'The owner’s pets' };
  s.PetList = { type: 'array', items: { $ref: '#/components/schemas/Pet' }, prefixItems: [{ const: 'first' }] };
  c.pathItems = { Health: { get: { operationId: 'health', responses: { '200': { description: 'Up', content: { 'text/plain': { schema: { type: 'string' } } } } } } } };
  (d.paths as Json)['/health'] = { $ref: '#/components/pathItems/Health' };
  d.webhooks = { petAdded: { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } }, responses: { '200': { description: 'OK' } } } } };
  return d;
}
