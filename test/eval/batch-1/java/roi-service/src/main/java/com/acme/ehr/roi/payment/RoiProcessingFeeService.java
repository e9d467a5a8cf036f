package com.acme.ehr.roi.payment;

import com.acme.ehr.roi.request.RecordsRequest;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Collects the processing fee before an electronic release is sent to a
 * third-party requester (law firms, insurers, other providers' ROI vendors).
 */
@Service
public class RoiProcessingFeeService {

    private final long processingFeeCents;

    public RoiProcessingFeeService(@Value("${roi.fees.electronic-processing-cents:2500}") long processingFeeCents) {
        this.processingFeeCents = processingFeeCents;
    }

    public PaymentIntent collectBeforeRelease(RecordsRequest request, String stripeCustomerId)
            throws StripeException {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(processingFeeCents)
                .setCurrency("usd")
                .setCustomer(stripeCustomerId)
                .setDescription("Electronic records release processing fee, request " + request.getId())
                .putMetadata("roiRequestId", request.getId().toString())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        PaymentIntent intent = PaymentIntent.create(params);
        request.setPaymentIntentId(intent.getId());
        return intent;
    }
}
