import { Router } from 'express';
import { verifySoftwareStatement } from './verify';
export const apps = Router();
apps.post('/oauth/register', async (req: any, res) => {
  await verifySoftwareStatement(req.body.software_statement);
  res.status(201).json(await req.db.apps.insert({ ...req.body, status: 'ACTIVE' }));
});
