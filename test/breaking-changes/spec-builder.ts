/**
 * A small OpenAPI 3.1 document in the shapes the model reads, for the breaking-change tests:
 * a request body (`CreateThing`, closed, with handler rules through an `allOf` base), a
 * response (`Thing`, open enum), enums, parameters and three operations. Each call returns a
 * fresh copy that a test may change.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: string) => ({ 'application/json': { schema: ref(schema) } });

export function baseSpec(): Record<string, any> {
  return {
    openapi: '3.1.0',
    info: { title: 'Things', version: '1.0.0' },
    servers: [{ url: 'https://example.com/api' }],
    paths: {
      '/things': {
        get: {
          operationId: 'list_things',
          summary: 'List things',
          parameters: [{ name: 'page_size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } }],
          responses: { '200': { description: 'A thing', content: json('Thing') } },
        },
        post: {
          operationId: 'create_thing',
          summary: 'Create a thing',
          requestBody: { required: true, content: json('CreateThing') },
          responses: { '201': { description: 'Created', content: json('Thing') } },
        },
      },
      '/things/{id}': {
        delete: {
          operationId: 'delete_thing',
          summary: 'Delete a thing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Deleted' } },
        },
      },
    },
    components: {
      schemas: {
        Handler: { type: 'string', enum: ['webhook', 'script', 'relay'] },
        Color: { type: 'string', enum: ['red', 'green'] },
        Thing: {
          type: 'object',
          required: ['id', 'name'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            color: { anyOf: [ref('Color'), { type: 'string' }] },
            size: { type: ['integer', 'null'] },
          },
        },
        ThingFields: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            color: ref('Color'),
            handler: ref('Handler'),
            webhook_url: { type: 'string', format: 'uri' },
            script_url: { type: 'string' },
            relay_topic: { type: 'string' },
            relay_app: { type: 'string' },
            size: { type: 'integer', minimum: 0 },
          },
          allOf: [
            { if: { required: ['handler'], properties: { handler: { const: 'webhook' } } }, then: { required: ['webhook_url'] } },
            { if: { required: ['handler'], properties: { handler: { const: 'script' } } }, then: { required: [] } },
            {
              if: { required: ['handler'], properties: { handler: { const: 'relay' } } },
              then: { anyOf: [{ required: ['relay_topic'] }, { required: ['relay_app'] }] },
            },
          ],
        },
        CreateThing: { type: 'object', required: ['name'], allOf: [ref('ThingFields')], unevaluatedProperties: false },
      },
    },
  };
}
