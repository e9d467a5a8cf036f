package org.acme.fhir.metadata;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MetadataController {

  @GetMapping("/fhir/metadata")
  public CapabilityStatement metadata() {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
    cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    cs.addFormat("json");
    // ruleid: nonstandard-fhir-api
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.addResource().setType("Observation").addSupportedProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab");
    rest.addResource().setType("Condition");
    return cs;
  }

  @GetMapping("/fhir/r4/metadata")
  public CapabilityStatement metadataR4() {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    cs.addFormat("json");
    cs.addImplementationGuide("http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core");
    // ok: nonstandard-fhir-api
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.getSecurity().addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service").setCode("SMART-on-FHIR");
    rest.addResource().setType("Patient");
    rest.addResource().setType("Observation");
    return cs;
  }

  @GetMapping("/fhir/r4b/metadata")
  public CapabilityStatement metadataR4b() {
    CapabilityStatement cs = new CapabilityStatement();
    cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
    // Resources and security are added by each module: the statement is not all here.
    modules.forEach(m -> m.contribute(cs));
    // ok: nonstandard-fhir-api
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
    rest.addResource().setType("Patient");
    return cs;
  }
}

@Interceptor
class VendorSecurityInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void customize(IBaseConformance theCapabilityStatement) {
    CapabilityStatement cs = (CapabilityStatement) theCapabilityStatement;
    cs.getRestFirstRep()
        .getSecurity()
        // ruleid: nonstandard-fhir-api
        .setService(List.of(new CodeableConcept().setText("Acme Partner OAuth")));
  }
}

@Interceptor
class SmartExtensionsInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void customize(IBaseConformance theCapabilityStatement) {
    CapabilityStatement cs = (CapabilityStatement) theCapabilityStatement;
    // ok: nonstandard-fhir-api
    cs.getRestFirstRep().setSecurity(new CapabilityStatement.CapabilityStatementRestSecurityComponent()
        .setCors(true)
        .addService(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service").setCode("SMART-on-FHIR"))));
  }
}

@Interceptor
class NoSecurityInterceptor {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void strip(IBaseConformance theCapabilityStatement) {
    CapabilityStatement cs = (CapabilityStatement) theCapabilityStatement;
    // ruleid: nonstandard-fhir-api
    cs.getRestFirstRep().setSecurity(null);
  }
}
