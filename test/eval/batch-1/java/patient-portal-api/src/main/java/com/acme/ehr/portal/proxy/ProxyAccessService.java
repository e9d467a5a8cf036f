package com.acme.ehr.portal.proxy;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Proxy (parent / guardian) access to a dependent's chart in MyAcme.
 */
@Service
public class ProxyAccessService {

    private final ProxyRelationshipRepository relationships;
    private final DependentChartClient charts;

    public ProxyAccessService(ProxyRelationshipRepository relationships, DependentChartClient charts) {
        this.relationships = relationships;
        this.charts = charts;
    }

    public DependentChart openDependentChart(String proxyUserId, String dependentPatientId) {
        ProxyRelationship rel = relationships.find(proxyUserId, dependentPatientId);
        DependentChart chart = charts.load(dependentPatientId);

        int age = Period.between(chart.getBirthDate(), LocalDate.now()).getYears();
        if (age >= 12 && age < 18 && rel.getType() == ProxyType.PARENT_GUARDIAN) {
            throw new AccessDeniedException("This chart is not available");
        }
        return chart;
    }
}
