export const faxService = { send: async (to: string, b: Buffer) => ({ to }) };
