import type { LoweredCode } from '../ir';

export async function lowerPython(_text: string): Promise<LoweredCode> {
  throw new Error('Python lowering is not written yet');
}
