package org.acme.fhir.providers;

import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

public class ExportProvider {

  private final EverythingService everythingService;

  public ExportProvider(EverythingService everythingService) {
    this.everythingService = everythingService;
  }

  @Operation(name = JpaConstants.OPERATION_EXPORT, idempotent = true)
  public void systemExport(
      @OperationParam(name = "_outputFormat") StringType outputFormat, ServletRequestDetails requestDetails) {
    // ruleid: export-restriction
    throw new NotImplementedOperationException("Bulk export is not offered by this server");
  }

  @Operation(name = "$export", type = Group.class, idempotent = true)
  public void groupExport(
      @IdParam IIdType groupId, @OperationParam(name = "_outputFormat") StringType outputFormat, ServletRequestDetails requestDetails) {
    String format = outputFormat == null ? "application/vnd.acme.extract+xml" : outputFormat.getValue();
    // ruleid: export-restriction
    if (!"application/vnd.acme.extract+xml".equals(format)) {
      throw new InvalidRequestException("Only the Acme extract format is produced");
    }
    exportService.startGroupExport(groupId, format, requestDetails);
  }

  @Operation(name = "$everything", idempotent = true)
  public Bundle patientEverything(@IdParam IIdType patientId, @OperationParam(name = "_type") StringType type) {
    // ok: export-restriction
    if (type != null && type.getValue().contains("Binary")) {
      throw new InvalidRequestException("Binary is not supported in _type");
    }
    return everythingService.everything(patientId);
  }
}

@RestController
class ChartExportController {

  @GetMapping("/api/patients/{id}/export")
  public ResponseEntity<byte[]> exportChart(@PathVariable String id) {
    // ruleid: export-restriction
    return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
  }

  @GetMapping("/fhir/Patient/{id}/$everything")
  public ResponseEntity<String> everything(@PathVariable String id) {
    // ruleid: export-restriction
    return ResponseEntity.notFound().build();
  }

  @GetMapping("/api/patients/{id}/summary")
  public ResponseEntity<byte[]> summary(@PathVariable String id) {
    // ok: export-restriction
    // ruleid: undocumented-denial
    return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
  }
}

@ConfigurationProperties(prefix = "acme.fhir")
class AcmeFhirProperties {
  // Default only: the deployed value comes from application.yaml.
  // ok: export-restriction
  private boolean bulkExportEnabled = false;

  public boolean isBulkExportEnabled() {
    return bulkExportEnabled;
  }

  public void setBulkExportEnabled(boolean bulkExportEnabled) {
    // ok: export-restriction
    this.bulkExportEnabled = bulkExportEnabled;
  }
}

final class ExportFlags {
  // ruleid: export-restriction
  static final boolean EHI_EXPORT_ENABLED = false;
}

@RestController
class MigrationExportController {
  // Whole-database export for a practice that is switching EHRs.
  @GetMapping("/admin/export/database")
  public ResponseEntity<byte[]> databaseExport() {
    // ruleid: export-restriction
    throw new UnsupportedOperationException("Contact your account manager for a data migration quote");
  }

  @GetMapping("/admin/export/audit-log")
  public ResponseEntity<byte[]> auditLogExport() {
    // ok: export-restriction
    throw new UnsupportedOperationException("Audit log export moved to the SIEM");
  }
}
