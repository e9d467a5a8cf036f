package org.riverbend.providers;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.google.common.util.concurrent.RateLimiter;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;

public class ObservationResourceProvider implements IResourceProvider {

    // 2 searches per second across the whole server; the lab DB is old
    private final RateLimiter labDbLimiter = RateLimiter.create(2.0);
    private final LabDao dao;

    public ObservationResourceProvider(LabDao dao) {
        this.dao = dao;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Search
    public List<Observation> byPatient(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient) {
        labDbLimiter.acquire();
        return dao.observationsFor(patient.getIdPart());
    }
}
