package com.acme.ehr.roi.request;

import org.springframework.stereotype.Service;

/**
 * A patient's own request for a copy of their record (HIPAA right of access).
 * Fulfilled automatically once the requester is known to be the patient.
 */
@Service
public class PatientAccessIntake {

    private final IdentityProofingService identity;
    private final ManualReviewQueue reviewQueue;
    private final FulfilmentJobLauncher fulfilment;

    public PatientAccessIntake(IdentityProofingService identity, ManualReviewQueue reviewQueue,
                               FulfilmentJobLauncher fulfilment) {
        this.identity = identity;
        this.reviewQueue = reviewQueue;
        this.fulfilment = fulfilment;
    }

    public AccessRequestReceipt receive(PatientAccessRequest request) {
        IdentityMatch match = identity.match(request.getClaimedIdentity(), request.getPatientMrn());

        if (!match.isVerified() || match.isAmbiguous()) {
            // Identity could not be confirmed: an HIM specialist contacts the requester.
            reviewQueue.add(request, "identity-not-verified");
            return AccessRequestReceipt.pendingIdentity(request.getId());
        }

        fulfilment.launch(request);
        return AccessRequestReceipt.inProgress(request.getId());
    }
}
