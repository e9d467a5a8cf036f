package org.example.him.fees;

import java.math.BigDecimal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class RecordsFeeConfig implements WebMvcConfigurer {

    // ehi-exception: fees
    //   reason: Labor for copying records for third-party requestors, per the published fee schedule
    //   cost-basis: HIM cost study 2026, finance ticket FIN-2231
    //   owner: him-operations
    //   review-by: 2027-03-31
    // ok: access-fee
    public static final BigDecimal ROI_PROCESSING_FEE = new BigDecimal("25.00");

    // ruleid: access-fee
    public static final BigDecimal COPY_FEE_PER_PAGE = new BigDecimal("0.50");

    // ok: access-fee
    public static final BigDecimal PAPER_COPY_FEE_PER_PAGE = new BigDecimal("0.10");

    // The Fees exception cannot document a fee on a patient's own portal download, so this stays reported.
    // ruleid: exception-invalid
    // ehi-exception: fees
    //   reason: Covers the portal's storage costs
    //   cost-basis: IT cost allocation 2026
    //   owner: portal-team
    //   review-by: 2027-03-31
    public static final BigDecimal PATIENT_PORTAL_DOWNLOAD_FEE = new BigDecimal("4.99"); // ruleid: access-fee

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // ruleid: access-fee
        registry.addInterceptor(new UsageBillingInterceptor()).addPathPatterns("/fhir/**");
        // ok: access-fee
        registry.addInterceptor(new RequestLoggingInterceptor()).addPathPatterns("/fhir/**");
    }
}

@RestController
@RequestMapping("/api/bulk")
class BulkExportController {

    private final ExportAccountService accounts;
    private final BulkExportService exports;

    BulkExportController(ExportAccountService accounts, BulkExportService exports) {
        this.accounts = accounts;
        this.exports = exports;
    }

    @GetMapping("/$export/{groupId}")
    public ExportJob export(@PathVariable String groupId) {
        // ruleid: access-fee
        if (accounts.creditsRemaining(groupId) <= 0) {
            throw new PaymentRequiredException("Buy export credits to continue");
        }
        return exports.start(groupId);
    }

    @GetMapping("/status/{jobId}")
    public ExportJob status(@PathVariable String jobId) {
        // ok: access-fee
        if (!exports.exists(jobId)) {
            throw new ExportNotFoundException(jobId);
        }
        return exports.get(jobId);
    }
}
