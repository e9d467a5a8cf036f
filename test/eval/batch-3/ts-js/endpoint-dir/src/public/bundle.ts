export async function buildEndpointBundle() { return { resourceType: 'Bundle', type: 'collection', entry: [] }; }
