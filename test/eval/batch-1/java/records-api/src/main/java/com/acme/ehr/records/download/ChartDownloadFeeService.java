package com.acme.ehr.records.download;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Called by ChartPackageService before the package is streamed to the patient.
 */
@Service
public class ChartDownloadFeeService {

    private final PatientWalletClient wallet;
    private final BigDecimal feePerCopy;
    private final String currency;

    public ChartDownloadFeeService(PatientWalletClient wallet,
                                   @Value("${records.download.electronic-copy-fee-usd:0}") BigDecimal feePerCopy,
                                   @Value("${records.download.fee-currency:USD}") String currency) {
        this.wallet = wallet;
        this.feePerCopy = feePerCopy;
        this.currency = currency;
    }

    public ChargeReceipt chargeForDownload(String patientId, String packageId) {
        if (feePerCopy.signum() == 0) {
            return ChargeReceipt.none();
        }
        return wallet.chargeCardOnFile(patientId, feePerCopy, currency, "Electronic chart copy " + packageId);
    }
}
