package com.acme.ehr.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Translates exceptions raised by the services into RFC 7807 problem details.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    @ExceptionHandler(ConsentDirectiveException.class)
    public ProblemDetail consentDirective(ConsentDirectiveException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        pd.setTitle("Withheld under a consent directive");
        pd.setProperty("exception", ex.getExceptionId());
        pd.setProperty("directiveId", ex.getDirectiveId());
        return pd;
    }

    @ExceptionHandler(CompartmentViolationException.class)
    public ProblemDetail compartment(CompartmentViolationException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your sign-in is not linked to this patient record");
    }

    @ExceptionHandler(RecordNotFoundException.class)
    public ProblemDetail notFound(RecordNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(UpstreamUnavailableException.class)
    public ProblemDetail upstream(UpstreamUnavailableException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The records system is temporarily unavailable; please try again shortly");
        pd.setProperty("upstream", ex.getSystem());
        return pd;
    }
}
