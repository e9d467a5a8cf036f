package org.riverbend.legacy;

import org.riverbend.audit.AuditService;
import org.springframework.stereotype.Service;

@Service
public class MicrofilmReleaseService {
    private final FaxService faxService;
    private final AuditService auditService;

    public MicrofilmReleaseService(FaxService faxService, AuditService auditService) {
        this.faxService = faxService;
        this.auditService = auditService;
    }

    public void release(MicrofilmRequest request) {
        auditService.record("fax-only-manner", "manner", "microfilm records released by fax: " + request.id());
        // ehi-exception: manner
        //   reason: Pre-1998 records exist only on microfilm; requesters were offered a scanned PDF by Direct and chose fax
        //   requested: Direct secure message
        //   alternative: Fax of scanned microfilm pages, agreed with the requester
        //   owner: him-department
        //   review-by: 2026-12-28
        faxService.send(request.faxNumber(), request.pages());
    }
}
