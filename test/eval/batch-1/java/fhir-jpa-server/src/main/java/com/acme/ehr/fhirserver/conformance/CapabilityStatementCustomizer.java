package com.acme.ehr.fhirserver.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.springframework.stereotype.Component;

/**
 * Brands the generated /metadata and adds the SMART security service.
 */
@Component
@Interceptor
public class CapabilityStatementCustomizer {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance conformance) {
        CapabilityStatement cs = (CapabilityStatement) conformance;
        cs.setPublisher("Acme Health System");
        cs.getSoftware().setName("Acme Patient Access FHIR Server").setVersion("2026.10");
        cs.getImplementation().setDescription("Acme patient access API (R4)");
        cs.setFhirVersion(FHIRVersion._4_0_0);
        cs.addInstantiates("http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server");

        CapabilityStatement.CapabilityStatementRestSecurityComponent security = cs.getRestFirstRep().getSecurity();
        security.setCors(true);
        security.addService(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
    }
}
