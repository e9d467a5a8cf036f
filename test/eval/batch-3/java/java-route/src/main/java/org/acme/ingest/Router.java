package org.acme.ingest;

import org.hl7.fhir.r4.model.*;

public class Router {
    public void route(Bundle bundle, Sink sink) {
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            if (e.getResource() instanceof Patient p) { sink.patient(p); continue; }
            sink.clinical(e.getResource());
        }
    }
    public interface Sink { void patient(Patient p); void clinical(Resource r); }
}
