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

final class RoiRates {
    // ruleid: access-fee
    static final double ATTORNEY_RECORDS_COPY_FEE = 25.0;
    // ok: access-fee
    static final double RECORDS_CERTIFICATION_FEE = 10.0;
    // ok: access-fee
    static final double PATIENT_PORTAL_DOWNLOAD_FEE = 0.0;
}
