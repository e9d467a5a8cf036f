package com.acme.ehr.roi.delivery;

import com.acme.ehr.roi.request.RecordsRequestForm;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

@Component
public class ReleaseRequestValidator implements Validator {

    @Override
    public boolean supports(Class<?> clazz) {
        return RecordsRequestForm.class.isAssignableFrom(clazz);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RecordsRequestForm form = (RecordsRequestForm) target;

        if (form.getPatientMrn() == null || form.getPatientMrn().isBlank()) {
            errors.rejectValue("patientMrn", "roi.mrn.required", "Patient MRN is required");
        }
        if (form.getAuthorizationId() == null) {
            errors.rejectValue("authorizationId", "roi.authorization.required",
                    "A signed authorization must be attached");
        }

        // Only the media the HIM desk can fulfil are accepted; anything else
        // (portal, Direct, "email me a CCD") is bounced back to the requester.
        if (ReleaseMedium.fromRequestValue(form.getRequestedMedium()).isEmpty()) {
            errors.rejectValue("requestedMedium", "roi.medium.unsupported",
                    "Choose fax, postal mail or in-person pickup");
        }
    }
}
