package org.acme.fhir.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/fhir")
public class PatientController {

  private final PatientRepository patients;

  public PatientController(PatientRepository patients) {
    this.patients = patients;
  }

  // ruleid: nonstandard-fhir-api
  @GetMapping(value = "/Patient/{id}", produces = "application/vnd.acme.patient+json")
  public String read(@PathVariable String id) {
    return patients.readAsJson(id);
  }

  // ok: nonstandard-fhir-api
  @GetMapping(value = "/Encounter/{id}", produces = {"application/fhir+json", "application/vnd.acme.encounter+json"})
  public String encounter(@PathVariable String id) {
    return patients.encounterAsJson(id);
  }

  @GetMapping(value = "/Coverage/{id}", produces = "application/fhir+json")
  public String coverage(@PathVariable String id) {
    // Asks the payer's own API, which only speaks its vendor type; the FHIR response is standard.
    String payerJson = payerClient.post()
        .uri("/eligibility/{id}", id)
        // ok: nonstandard-fhir-api
        .contentType(MediaType.valueOf("application/vnd.payer.eligibility+json"))
        .retrieve()
        .bodyToMono(String.class)
        .block();
    return patients.coverageFromPayer(payerJson);
  }
}

@RestController
@RequestMapping("/billing")
class InvoiceController {
  // ok: nonstandard-fhir-api
  @GetMapping(value = "/invoices/{id}", produces = "application/vnd.acme.invoice+json")
  public String invoice(@PathVariable String id) {
    return "{}";
  }
}

@Path("/fhir/r4/Condition")
// ruleid: nonstandard-fhir-api
@Produces("application/x-acme-condition")
class ConditionResource {
  @GET
  @Path("/{id}")
  public String read(@PathParam("id") String id) {
    return "{}";
  }
}
