'use strict';

const metrics = require('../metrics');

/**
 * Tracks what our outbound SMS notifications ("a new result is available")
 * cost us, per message segment, so Finance can allocate the Twilio bill to
 * departments. Nothing here is charged to patients.
 */
const PRICE_PER_SEGMENT_USD = 0.0079;
const GSM7_SEGMENT = 153;
const UCS2_SEGMENT = 67;

function segmentsFor(body) {
  const ucs2 = /[^\u0000-\u007f]/.test(body);
  const size = ucs2 ? UCS2_SEGMENT : GSM7_SEGMENT;
  return Math.max(1, Math.ceil(body.length / size));
}

function recordSmsCost({ department, body }) {
  const segments = segmentsFor(body);
  const cost = segments * PRICE_PER_SEGMENT_USD;
  metrics.counter('sms_segments_total', { department }).inc(segments);
  metrics.counter('sms_cost_usd_total', { department }).inc(cost);
  return { segments, cost };
}

function monthlyEstimate(messagesPerDay, averageSegments = 1) {
  return Math.round(messagesPerDay * 30 * averageSegments * PRICE_PER_SEGMENT_USD * 100) / 100;
}

module.exports = { recordSmsCost, monthlyEstimate, PRICE_PER_SEGMENT_USD };
