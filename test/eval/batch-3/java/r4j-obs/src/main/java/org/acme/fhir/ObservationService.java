package org.acme.fhir;

public interface ObservationService { String search(String patient); }
