package org.riverbend.results;

import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class CopyToDistributor {
    private final FaxService faxService;
    private final ReportPdfRenderer pdf;

    public CopyToDistributor(FaxService faxService, ReportPdfRenderer pdf) {
        this.faxService = faxService;
        this.pdf = pdf;
    }

    /** Sends a copy of the final report to every provider on the order's copy-to list. */
    public void distribute(FinalReport report, List<CopyToProvider> copyTo) {
        byte[] document = pdf.render(report);
        for (CopyToProvider provider : copyTo) {
            faxService.send(provider.faxNumber(), document);
        }
    }
}
