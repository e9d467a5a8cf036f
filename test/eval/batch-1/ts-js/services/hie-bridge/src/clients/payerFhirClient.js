'use strict';

const axios = require('axios');
const logger = require('../logger');

/**
 * Client for payers' FHIR endpoints (payer-to-payer and coverage discovery).
 * Payers rate-limit us; we back off and honour their Retry-After.
 */
const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 500;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryDelay(err, attempt) {
  const retryAfter = err.response && err.response.headers['retry-after'];
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const jitter = Math.floor(Math.random() * 250);
  return Math.min(BASE_DELAY_MS * 2 ** attempt + jitter, 30000);
}

function isRetryable(err) {
  const status = err.response && err.response.status;
  return !status || status === 429 || status >= 500;
}

function createPayerClient({ baseUrl, tokenProvider }) {
  const http = axios.create({ baseURL: baseUrl, timeout: 20000 });

  async function get(path) {
    for (let attempt = 0; ; attempt++) {
      try {
        const token = await tokenProvider.getToken();
        const response = await http.get(path, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
        });
        return response.data;
      } catch (err) {
        if (!isRetryable(err) || attempt + 1 >= MAX_ATTEMPTS) throw err;
        const delay = retryDelay(err, attempt);
        logger.warn({ path, attempt, delay, status: err.response && err.response.status }, 'payer call failed, retrying');
        await sleep(delay);
      }
    }
  }

  return {
    coverage: (memberId) => get(`/Coverage?beneficiary=${encodeURIComponent(memberId)}`),
    patientEverything: (payerPatientId) => get(`/Patient/${encodeURIComponent(payerPatientId)}/$everything`),
  };
}

module.exports = { createPayerClient };
