package com.acme.ehr.records.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import ca.uhn.fhir.context.FhirContext;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public list of our FHIR service base URLs (45 CFR 170.404(b)(2)), as a
 * Bundle of Endpoint and Organization resources. No sign-in required: the path
 * is permitAll() in SecurityConfig.
 */
@RestController
public class ServiceBaseDirectoryController {

    private static final FhirContext R4 = FhirContext.forR4Cached();

    private final FacilityRegistry facilities;

    public ServiceBaseDirectoryController(FacilityRegistry facilities) {
        this.facilities = facilities;
    }

    @GetMapping(value = "/fhir/r4/service-base-urls", produces = "application/fhir+json")
    public ResponseEntity<String> directory() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Facility f : facilities.all()) {
            Endpoint ep = new Endpoint()
                    .setStatus(Endpoint.EndpointStatus.ACTIVE)
                    .setConnectionType(new Coding("http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                            "hl7-fhir-rest", "HL7 FHIR"))
                    .setAddress("https://fhir.acme-health.org/fhir/r4")
                    .setName(f.getName() + " FHIR R4");
            ep.setId("ep-" + f.getId());
            ep.addPayloadType(new CodeableConcept().setText("any"));
            Organization org = new Organization().setName(f.getName()).addEndpoint(new Reference("Endpoint/" + ep.getId()));
            org.setId("org-" + f.getId());
            org.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue(f.getNpi());
            bundle.addEntry().setFullUrl("https://fhir.acme-health.org/fhir/r4/Endpoint/" + ep.getId()).setResource(ep);
            bundle.addEntry().setFullUrl("https://fhir.acme-health.org/fhir/r4/Organization/" + org.getId()).setResource(org);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(R4.newJsonParser().encodeResourceToString(bundle));
    }
}
