package org.example.clinic.fees;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("fhir.api")
class FhirApiPricing {
    // ruleid: access-fee
    private BigDecimal perPatientRecordFee = new BigDecimal("0.25");
    // ok: access-fee
    private BigDecimal perRecordFee = BigDecimal.ZERO;
}

@ConfigurationProperties("clinic.billing")
class ClinicBilling {
    // ok: access-fee
    private BigDecimal copayAmount = new BigDecimal("20.00");
    // ok: access-fee
    private BigDecimal medicalSupplyPrice = new BigDecimal("12.50");
    // ok: access-fee
    private BigDecimal ehrLicenseMonthlyFee = new BigDecimal("450.00");
}
