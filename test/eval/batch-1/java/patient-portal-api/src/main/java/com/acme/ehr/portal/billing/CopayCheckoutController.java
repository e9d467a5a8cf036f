package com.acme.ehr.portal.billing;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * eCheck-in: the patient pays the visit copay before an upcoming appointment.
 */
@RestController
public class CopayCheckoutController {

    private final AppointmentService appointments;

    public CopayCheckoutController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @PostMapping("/api/v1/me/appointments/{appointmentId}/copay")
    public ResponseEntity<CheckoutSession> payCopay(@AuthenticationPrincipal Jwt jwt,
                                                    @PathVariable String appointmentId) throws StripeException {
        Appointment appt = appointments.getForPatient(jwt.getClaimAsString("patient"), appointmentId);
        long copayCents = appt.getCoverage().getCopayCents();

        PaymentIntent intent = PaymentIntent.create(PaymentIntentCreateParams.builder()
                .setAmount(copayCents)
                .setCurrency("usd")
                .setDescription("Copay for visit on " + appt.getStart().toLocalDate())
                .putMetadata("appointmentId", appointmentId)
                .build());

        return ResponseEntity.ok(new CheckoutSession(intent.getClientSecret(), copayCents));
    }

    public record CheckoutSession(String clientSecret, long amountCents) { }
}
