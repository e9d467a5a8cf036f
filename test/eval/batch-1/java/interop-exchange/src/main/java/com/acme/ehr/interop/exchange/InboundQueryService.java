package com.acme.ehr.interop.exchange;

import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Answers record queries from other hospitals received through the HIE.
 */
@Service
public class InboundQueryService {

    public enum QueryStatus { RECEIVED, FULFILLED, DECLINED }

    private final ChartIndex chartIndex;
    private final DocumentAssembler assembler;
    private final InboundQueryRepository queries;

    public InboundQueryService(ChartIndex chartIndex, DocumentAssembler assembler, InboundQueryRepository queries) {
        this.chartIndex = chartIndex;
        this.assembler = assembler;
        this.queries = queries;
    }

    public Mono<InboundQuery> answer(InboundQuery query) {
        return chartIndex.summarize(query.getPatientLocalId())
                .flatMap(summary -> {
                    if (summary.hasBehavioralHealthEncounters() || summary.hasHivDiagnosis()) {
                        query.setStatus(QueryStatus.DECLINED);
                        query.setClosedAt(Instant.now());
                        return queries.save(query);
                    }
                    return assembler.assemble(query)
                            .doOnNext(query::attachDocuments)
                            .then(Mono.fromSupplier(() -> {
                                query.setStatus(QueryStatus.FULFILLED);
                                return query;
                            }))
                            .flatMap(queries::save);
                });
    }
}
