import express from 'express';
import slowDown from 'express-slow-down';
import helmet from 'helmet';
import { fhirRouter } from './fhir/router';
import { healthRouter } from './health';

const app = express();
app.use(helmet());
app.use(express.json({ limit: '5mb' }));

const fhirSpeedBump = slowDown({
  windowMs: 60 * 1000,
  delayAfter: 30,
  delayMs: (hits) => (hits - 30) * 750,
});

app.use('/health', healthRouter);
app.use('/fhir', fhirSpeedBump, fhirRouter);

export default app;
