import type { LoweredCode } from '../ir';

export async function lowerCSharp(_text: string): Promise<LoweredCode> {
  throw new Error('CSharp lowering is not written yet');
}
