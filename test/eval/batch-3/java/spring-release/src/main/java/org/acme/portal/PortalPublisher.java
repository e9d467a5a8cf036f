package org.acme.portal;

public interface PortalPublisher { void releaseToPatient(String resultId); }
