import { Router } from 'express';
import type { Bundle, Observation } from 'fhir/r4';
import { requireSession } from '../middleware/session';
import { upstreamFhir } from '../fhir/upstreamClient';

export const myObservationsRouter = Router();

const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

/**
 * "Test results & measurements" screen. The patient can narrow the list with
 * the category chips at the top of the screen (?category=laboratory etc.);
 * with no chip selected every observation is shown.
 */
myObservationsRouter.get('/api/patient/observations', requireSession, async (req, res, next) => {
  try {
    const chosenCategory = typeof req.query.category === 'string' ? req.query.category : undefined;

    const bundle: Bundle = await upstreamFhir.get(
      `Observation?patient=${encodeURIComponent(req.session.patientId)}&_sort=-date&_count=200`,
    );
    let observations = (bundle.entry ?? [])
      .map((e) => e.resource as Observation)
      .filter(Boolean);

    if (chosenCategory) {
      observations = observations.filter((obs) =>
        (obs.category ?? []).some((cc) =>
          (cc.coding ?? []).some((c) => c.system === CATEGORY_SYSTEM && c.code === chosenCategory),
        ),
      );
    }

    res.json({
      category: chosenCategory ?? 'all',
      total: observations.length,
      observations,
    });
  } catch (err) {
    next(err);
  }
});
