import type { LoweredCode } from '../ir';

export async function lowerJava(_text: string): Promise<LoweredCode> {
  throw new Error('Java lowering is not written yet');
}
