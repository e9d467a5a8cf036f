"""GET /fhir/r4/metadata for the portal's FHIR API."""
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .xml import capability_statement_to_xml

US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/"

US_CORE_PROFILES = {
    "AllergyIntolerance": ["us-core-allergyintolerance"],
    "CarePlan": ["us-core-careplan"],
    "CareTeam": ["us-core-careteam"],
    "Condition": ["us-core-condition-encounter-diagnosis", "us-core-condition-problems-health-concerns"],
    "Coverage": ["us-core-coverage"],
    "Device": ["us-core-implantable-device"],
    "DiagnosticReport": ["us-core-diagnosticreport-lab", "us-core-diagnosticreport-note"],
    "DocumentReference": ["us-core-documentreference"],
    "Encounter": ["us-core-encounter"],
    "Goal": ["us-core-goal"],
    "Immunization": ["us-core-immunization"],
    "Location": ["us-core-location"],
    "Medication": ["us-core-medication"],
    "MedicationDispense": ["us-core-medicationdispense"],
    "MedicationRequest": ["us-core-medicationrequest"],
    "Observation": ["us-core-observation-lab", "us-core-vital-signs", "us-core-smokingstatus"],
    "Organization": ["us-core-organization"],
    "Patient": ["us-core-patient"],
    "Practitioner": ["us-core-practitioner"],
    "PractitionerRole": ["us-core-practitionerrole"],
    "Procedure": ["us-core-procedure"],
    "Provenance": ["us-core-provenance"],
    "QuestionnaireResponse": ["us-core-questionnaireresponse"],
    "RelatedPerson": ["us-core-relatedperson"],
    "ServiceRequest": ["us-core-servicerequest"],
    "Specimen": ["us-core-specimen"],
}

CAPABILITY_STATEMENT = {
    "resourceType": "CapabilityStatement",
    "status": "active",
    "date": "2026-09-01",
    "kind": "instance",
    "fhirVersion": "4.0.1",
    "format": ["xml"],
    "implementationGuide": ["http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0"],
    "rest": [
        {
            "mode": "server",
            "security": {
                "service": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                "code": "SMART-on-FHIR",
                            }
                        ]
                    }
                ]
            },
            "resource": [
                {
                    "type": rtype,
                    "supportedProfile": [US_CORE + p for p in profiles],
                    "interaction": [{"code": "read"}, {"code": "search-type"}],
                }
                for rtype, profiles in US_CORE_PROFILES.items()
            ],
        }
    ],
}


@require_GET
def metadata(request):
    return HttpResponse(capability_statement_to_xml(CAPABILITY_STATEMENT), content_type="application/fhir+xml")
