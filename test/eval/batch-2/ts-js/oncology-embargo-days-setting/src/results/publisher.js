const policy = require('./release-policy');
const { portalQueue } = require('../queues');

async function publishResult(result) {
  const rule = policy[result.class] || {};
  const delayMs = (rule.embargoDays || 0) * 86400000 + (rule.releaseDelayHours || 0) * 3600000;
  await portalQueue.add('publish', { resultId: result.id }, { delay: delayMs });
}

module.exports = { publishResult };
