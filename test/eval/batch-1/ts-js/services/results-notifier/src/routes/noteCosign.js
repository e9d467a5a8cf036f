'use strict';

const express = require('express');
const { requireClinician } = require('../middleware/staffAuth');
const notesRepo = require('../repos/notesRepo');

const router = express.Router();

/**
 * Notes written by residents, students and scribes wait for the attending's
 * co-signature before they are final. This is the attending's queue.
 */
router.get('/clinician/cosign-queue', requireClinician, async (req, res, next) => {
  try {
    const pending = await notesRepo.find({
      cosignerId: req.staff.providerId,
      status: 'PENDING_COSIGNATURE',
    });
    res.json({ count: pending.length, notes: pending });
  } catch (err) {
    next(err);
  }
});

router.post('/clinician/notes/:noteId/request-cosign', requireClinician, express.json(), async (req, res, next) => {
  try {
    const note = await notesRepo.findById(req.params.noteId);
    if (!note || note.authorId !== req.staff.providerId) return res.status(404).end();
    await notesRepo.update(note.id, {
      status: 'PENDING_COSIGNATURE',
      cosignerId: req.body.cosignerId,
      requestedAt: new Date(),
    });
    res.status(202).json({ id: note.id, status: 'PENDING_COSIGNATURE' });
  } catch (err) {
    next(err);
  }
});

router.post('/clinician/notes/:noteId/cosign', requireClinician, async (req, res, next) => {
  try {
    await notesRepo.cosign(req.params.noteId, req.staff.providerId);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
