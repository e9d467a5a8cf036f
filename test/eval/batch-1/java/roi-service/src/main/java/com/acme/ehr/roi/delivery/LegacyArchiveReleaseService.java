package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.audit.RoiAuditLog;
import com.acme.ehr.roi.request.RecordsRequest;
import org.springframework.stereotype.Service;

/**
 * Releases charts that exist only in the scanned-paper archive from before the
 * 2014 EHR go-live (TIFF images held by the offsite storage vendor).
 */
@Service
public class LegacyArchiveReleaseService {

    private final OffsiteArchiveClient archive;
    private final RightFaxClient rightFax;
    private final PrintAndMailClient printAndMail;
    private final RoiAuditLog audit;

    public LegacyArchiveReleaseService(OffsiteArchiveClient archive, RightFaxClient rightFax,
                                       PrintAndMailClient printAndMail, RoiAuditLog audit) {
        this.archive = archive;
        this.rightFax = rightFax;
        this.printAndMail = printAndMail;
        this.audit = audit;
    }

    public void release(RecordsRequest request) {
        ScannedChart chart = archive.retrieve(request.getPatientMrn(), request.getDateRange());
        audit.recordException(request.getId(), "fax-only-manner", "infeasibility",
                "Pre-2014 scanned archive released by fax or mail only");

        // ehi-exception: infeasibility
        //   reason: Pre-2014 charts exist only as scanned TIFF images at the offsite vendor, who can return them only as fax or printed copies
        //   condition: infeasible-under-circumstances
        //   owner: him-release-of-information
        //   review-by: 2027-09-30
        if (request.getRequesterFaxNumber() != null) {
            rightFax.send(request.getRequesterFaxNumber(), chart.asPdf());
        } else {
            printAndMail.mail(request.getRequesterMailingAddress(), chart.asPdf());
        }
    }
}
