import { createSipEndpointsClient, NotFoundError } from '@sip-endpoints/client';

// The credentials `npm run mock` prints. For your Space: { space, projectId, apiToken }.
const client = createSipEndpointsClient({
  baseUrl: process.env.SIP_ENDPOINTS_BASE_URL ?? 'http://127.0.0.1:4010/api/relay/rest',
  projectId: 'mock-project',
  apiToken: 'mock-api-token',
});

const endpoint = await client.sipEndpoints.create({
  username: 'alice',
  password: 'correct-horse-battery-staple',
  call_handler: 'laml_webhooks',
  call_request_url: 'https://example.org/laml/inbound', // required by this handler
});
console.log('created', endpoint.id);

const fetched = await client.sipEndpoints.retrieve(endpoint.id);
console.log('retrieved', fetched.username, fetched.call_handler);

for await (const listed of client.sipEndpoints.list({ filter_username: 'ali' })) {
  console.log('listed', listed.username);
}

const updated = await client.sipEndpoints.update(endpoint.id, { caller_id: 'Front Desk' });
console.log('updated caller_id to', updated.caller_id);

await client.sipEndpoints.delete(endpoint.id);
await client.sipEndpoints.retrieve(endpoint.id).catch((error: unknown) => {
  if (!(error instanceof NotFoundError)) throw error;
  console.log('deleted');
});
