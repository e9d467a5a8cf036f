export async function issueToken(req: any, res: any) { res.json({ access_token: 'x' }); }
