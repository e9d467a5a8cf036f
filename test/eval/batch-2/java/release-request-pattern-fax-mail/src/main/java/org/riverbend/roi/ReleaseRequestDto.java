package org.riverbend.roi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public class ReleaseRequestDto {
    @NotBlank
    private String patientMrn;

    @NotBlank
    private String requesterName;

    @Pattern(regexp = "FAX|MAIL", message = "delivery must be FAX or MAIL")
    private String delivery;

    public String getPatientMrn() { return patientMrn; }
    public String getRequesterName() { return requesterName; }
    public String getDelivery() { return delivery; }
}
