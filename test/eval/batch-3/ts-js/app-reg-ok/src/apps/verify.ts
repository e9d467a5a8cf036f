export async function verifySoftwareStatement(jwt: string) { if (!jwt) throw new Error('software_statement required'); }
