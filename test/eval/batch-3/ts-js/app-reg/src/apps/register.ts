import { Router } from 'express';
export const apps = Router();
apps.post('/oauth/register', async (req: any, res) => {
  const app = await req.db.apps.insert({ ...req.body, status: 'PENDING_APPROVAL', reviewQueue: 'app-review-committee' });
  res.status(201).json(app);
});
