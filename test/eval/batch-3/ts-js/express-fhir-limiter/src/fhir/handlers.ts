export async function readPatient(req: any, res: any) { res.json(await req.ctx.store.read('Patient', req.params.id)); }
export async function searchObservations(req: any, res: any) { res.json(await req.ctx.store.search('Observation', req.query)); }
