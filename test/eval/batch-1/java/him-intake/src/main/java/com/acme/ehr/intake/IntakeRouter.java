package com.acme.ehr.intake;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

@Component
public class IntakeRouter {

    @ConfigurationProperties(prefix = "intake.records-requests")
    public record RecordsRequestRouting(boolean requireStaffApproval,
                                        String approvalQueue,
                                        String fulfilmentQueue) { }

    private final RabbitTemplate rabbit;
    private final RecordsRequestRouting routing;
    private final LegalProcessIntake legalProcess;

    public IntakeRouter(RabbitTemplate rabbit, RecordsRequestRouting routing, LegalProcessIntake legalProcess) {
        this.rabbit = rabbit;
        this.routing = routing;
        this.legalProcess = legalProcess;
    }

    public void route(IncomingRecordsRequest request) {
        if (legalProcess.handles(request)) {
            legalProcess.route(request);
            return;
        }
        String queue = routing.requireStaffApproval()
                ? routing.approvalQueue()
                : routing.fulfilmentQueue();
        rabbit.convertAndSend(queue, request);
    }
}
