import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';

const app = Fastify();
// ruleid: unjustified-throttle
await app.register(rateLimit, { max: 100, timeWindow: '1 minute' });

app.get('/fhir/Observation', async (request) => searchObservations(request.query));
app.get('/shop/items', async () => listItems());
