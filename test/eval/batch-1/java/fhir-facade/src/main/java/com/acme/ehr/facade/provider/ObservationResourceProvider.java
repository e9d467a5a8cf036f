package com.acme.ehr.facade.provider;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.acme.ehr.facade.cerulean.CeruleanResultsGateway;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class ObservationResourceProvider implements IResourceProvider {

    private final CeruleanResultsGateway cerulean;
    private final long pacingMillis;

    public ObservationResourceProvider(CeruleanResultsGateway cerulean,
                                       @Value("${facade.search.pacing-ms:1000}") long pacingMillis) {
        this.cerulean = cerulean;
        this.pacingMillis = pacingMillis;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return cerulean.fetchObservation(id.getIdPart());
    }

    @Search
    public List<Observation> search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                                    @OptionalParam(name = Observation.SP_CATEGORY) TokenParam category,
                                    @OptionalParam(name = Observation.SP_DATE) DateRangeParam date)
            throws InterruptedException {
        Thread.sleep(pacingMillis);
        return cerulean.searchObservations(patient.getIdPart(),
                category == null ? null : category.getValue(), date);
    }
}
