export function requireCustomerSession(req: any, res: any, next: any) { if (!req.session?.customerId) return res.sendStatus(401); next(); }
