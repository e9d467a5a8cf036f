package com.acme.ehr.workspace.notes;

import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Notes written by residents and APPs wait in the supervising attending's
 * co-signature queue until signed. Unsigned drafts are internal work product.
 */
@Service
public class CosignQueueService {

    public enum CosignStatus { PENDING_COSIGN, COSIGNED, RETURNED_FOR_EDIT }

    private final DraftNoteRepository drafts;
    private final WorkspaceNotifier notifier;

    public CosignQueueService(DraftNoteRepository drafts, WorkspaceNotifier notifier) {
        this.drafts = drafts;
        this.notifier = notifier;
    }

    public void submitForCosign(DraftNote note, String supervisingAttendingId) {
        note.setCosigner(supervisingAttendingId);
        note.setStatus(CosignStatus.PENDING_COSIGN);
        drafts.save(note);
        notifier.notifyCosignRequested(supervisingAttendingId, note.getId());
    }

    public List<DraftNote> queueFor(String attendingId) {
        return drafts.findByCosignerAndStatus(attendingId, CosignStatus.PENDING_COSIGN);
    }

    @Scheduled(cron = "0 0 7 * * MON-FRI")
    public void remindOverdueCosigns() {
        drafts.findOverdueCosigns(24).forEach(n -> notifier.remindCosign(n.getCosigner(), n.getId()));
    }
}
