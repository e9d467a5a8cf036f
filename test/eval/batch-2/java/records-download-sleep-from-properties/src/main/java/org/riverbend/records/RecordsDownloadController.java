package org.riverbend.records;

import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/records")
public class RecordsDownloadController {

    @Value("${records.download.throttle-seconds}")
    private long throttleSeconds;

    private final CcdaPackager packager;

    public RecordsDownloadController(CcdaPackager packager) {
        this.packager = packager;
    }

    @GetMapping(value = "/{patientId}/download", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public ResponseEntity<byte[]> download(@PathVariable String patientId) throws InterruptedException {
        TimeUnit.SECONDS.sleep(throttleSeconds);
        return ResponseEntity.ok(packager.packageFor(patientId));
    }
}
