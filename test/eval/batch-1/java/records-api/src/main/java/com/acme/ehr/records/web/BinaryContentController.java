package com.acme.ehr.records.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Binary reads return the attachment in the content type it was stored with
 * (PDF, DICOM SR, spreadsheets uploaded by outside labs, ...), or the Binary
 * resource itself when the client asks for FHIR JSON.
 */
@RestController
public class BinaryContentController {

    private final AttachmentStore attachments;

    public BinaryContentController(AttachmentStore attachments) {
        this.attachments = attachments;
    }

    @GetMapping(value = "/fhir/r4/Binary/{id}", produces = MediaType.ALL_VALUE)
    public ResponseEntity<byte[]> raw(@PathVariable String id) {
        StoredAttachment a = attachments.get(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + a.getFileName() + "\"")
                .body(a.getBytes());
    }

    @GetMapping(value = "/fhir/r4/Binary/{id}", produces = {"application/fhir+json", "application/vnd.acmehealth.binary+json"})
    public ResponseEntity<String> asFhir(@PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(attachments.get(id).toFhirBinaryJson());
    }
}
