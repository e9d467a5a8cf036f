package org.acme.fhir.providers;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;

public class EverythingProvider {

  private static final int MAX_EVERYTHING = 1000;
  private final PatientStore store;

  public EverythingProvider(PatientStore store) {
    this.store = store;
  }

  @Operation(name = "$everything", idempotent = true)
  public Bundle everything(@IdParam IdType patientId) {
    List<IBaseResource> all = store.everything(patientId);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    // ruleid: export-restriction
    for (IBaseResource r : all.subList(0, MAX_EVERYTHING)) {
      bundle.addEntry().setResource((org.hl7.fhir.r4.model.Resource) r);
    }
    return bundle;
  }

  @Operation(name = "$everything", idempotent = true, type = org.hl7.fhir.r4.model.Encounter.class)
  public Bundle encounterEverything(@IdParam IdType encounterId, @OperationParam(name = "_count") UnsignedIntType count) {
    Bundle bundle = store.encounterBundle(encounterId, count);
    // ok: export-restriction
    bundle.getEntry().subList(0, 100);
    return bundle;
  }

  @Operation(name = "$everything", idempotent = true, type = org.hl7.fhir.r4.model.Group.class)
  public Bundle groupEverything(@IdParam IdType groupId) {
    Bundle bundle = store.groupBundle(groupId);
    // ruleid: export-restriction
    bundle.getLink().removeIf(link -> "next".equals(link.getRelation()));
    return bundle;
  }

  @Operation(name = "$export", idempotent = true)
  public void systemExport(@OperationParam(name = "_outputFormat") StringType outputFormat) {
    String format = outputFormat == null ? "application/fhir+ndjson" : outputFormat.getValue();
    // ruleid: export-restriction
    if (!"ndjson".equals(format)) {
      throw new InvalidRequestException("Only ndjson is produced");
    }
    store.startExport(format);
  }

  @Operation(name = "$export", idempotent = true, type = org.hl7.fhir.r4.model.Group.class)
  public void groupExport(@IdParam IdType groupId, @OperationParam(name = "_outputFormat") StringType outputFormat) {
    String format = outputFormat == null ? "application/fhir+ndjson" : outputFormat.getValue();
    // ok: export-restriction
    if (!List.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(format)) {
      throw new InvalidRequestException("Only NDJSON is produced");
    }
    store.startGroupExport(groupId, format);
  }
}
