export const directClient = { send: async (to: string, b: Buffer) => ({ to }) };
