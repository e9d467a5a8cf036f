package org.riverbend.admin;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/admin/reports")
@PreAuthorize("hasRole('OPS_ADMIN')")
public class AdminReportsController {
    private final Bucket bucket = Bucket.builder().addLimit(Bandwidth.simple(10, Duration.ofMinutes(1))).build();
    private final UsageReports reports;

    public AdminReportsController(UsageReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api-usage")
    public ResponseEntity<byte[]> apiUsageCsv() {
        if (!bucket.tryConsume(1)) {
            return ResponseEntity.status(429).build();
        }
        return ResponseEntity.ok(reports.apiUsageCsv());
    }
}
