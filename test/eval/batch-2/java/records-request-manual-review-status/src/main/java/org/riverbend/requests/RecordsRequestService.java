package org.riverbend.requests;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RecordsRequestService {
    private final RecordsRequestRepository repo;

    public RecordsRequestService(RecordsRequestRepository repo) {
        this.repo = repo;
    }

    @Transactional
    public RecordsRequest submit(NewRecordsRequest cmd) {
        RecordsRequest request = new RecordsRequest(cmd.patientId(), cmd.scope(), Instant.now());
        request.setStatus(RequestStatus.MANUAL_REVIEW);
        return repo.save(request);
    }
}
