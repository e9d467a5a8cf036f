package org.acme.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

// A reference server the integration tests start: it is never deployed.
class ReferenceMetadataProvider {

  CapabilityStatement metadata() {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    // ok: nonstandard-fhir-api
    cs.addFormat("xml");
    // ok: nonstandard-fhir-api
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.addResource().setType("Patient");
    return cs;
  }
}
