import axios, { AxiosError } from 'axios';

const MAX_ATTEMPTS = 5;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pushes member clinical data to the payer's PDex endpoint, retrying their 429s. */
export async function pushBundleToPayer(baseUrl: string, bundle: unknown, token: string) {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await axios.post(`${baseUrl}/Bundle`, bundle, {
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      });
    } catch (err) {
      const status = (err as AxiosError).response?.status;
      if (status !== 429 && status !== 503) throw err;
      const retryAfter = Number((err as AxiosError).response?.headers['retry-after'] ?? 0);
      await wait(Math.max(retryAfter * 1000, 2 ** attempt * 250));
    }
  }
  throw new Error('payer endpoint still throttling after retries');
}
