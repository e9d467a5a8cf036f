using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;

namespace Larkspur.Fhir.Facade.Conformance;

/// <summary>
/// Builds the CapabilityStatement served at GET /fhir/r4/metadata.
/// </summary>
public static class CapabilityStatementBuilder
{
    private const string UsCore = "http://hl7.org/fhir/us/core/StructureDefinition/";

    private static readonly (string Type, string[] Profiles)[] UsCoreTypes =
    {
        ("AllergyIntolerance", new[] { "us-core-allergyintolerance" }),
        ("CarePlan", new[] { "us-core-careplan" }),
        ("CareTeam", new[] { "us-core-careteam" }),
        ("Condition", new[] { "us-core-condition-problems-health-concerns", "us-core-condition-encounter-diagnosis" }),
        ("Coverage", new[] { "us-core-coverage" }),
        ("Device", new[] { "us-core-implantable-device" }),
        ("DiagnosticReport", new[] { "us-core-diagnosticreport-lab", "us-core-diagnosticreport-note" }),
        ("DocumentReference", new[] { "us-core-documentreference" }),
        ("Encounter", new[] { "us-core-encounter" }),
        ("Goal", new[] { "us-core-goal" }),
        ("Immunization", new[] { "us-core-immunization" }),
        ("Location", new[] { "us-core-location" }),
        ("Medication", new[] { "us-core-medication" }),
        ("MedicationDispense", new[] { "us-core-medicationdispense" }),
        ("MedicationRequest", new[] { "us-core-medicationrequest" }),
        ("Observation", new[] { "us-core-observation-lab", "us-core-vital-signs", "us-core-smokingstatus", "us-core-observation-clinical-result" }),
        ("Organization", new[] { "us-core-organization" }),
        ("Patient", new[] { "us-core-patient" }),
        ("Practitioner", new[] { "us-core-practitioner" }),
        ("PractitionerRole", new[] { "us-core-practitionerrole" }),
        ("Procedure", new[] { "us-core-procedure" }),
        ("Provenance", new[] { "us-core-provenance" }),
        ("QuestionnaireResponse", new[] { "us-core-questionnaireresponse" }),
        ("RelatedPerson", new[] { "us-core-relatedperson" }),
        ("ServiceRequest", new[] { "us-core-servicerequest" }),
        ("Specimen", new[] { "us-core-specimen" }),
    };

    public static CapabilityStatement Build(string baseUrl, string softwareVersion)
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = CapabilityStatement.RestfulCapabilityMode.Server,
            Security = new CapabilityStatement.SecurityComponent
            {
                Cors = true,
                Description = "Bearer tokens issued by Larkspur Identity (OAuth 2.0). Contact api-support@larkspurhealth.org for credentials.",
            },
        };

        foreach (var (type, profiles) in UsCoreTypes)
        {
            rest.Resource.Add(new CapabilityStatement.ResourceComponent
            {
                Type = type,
                SupportedProfile = profiles.Select(p => UsCore + p).ToList(),
                Interaction = new List<CapabilityStatement.ResourceInteractionComponent>
                {
                    new() { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                    new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                },
            });
        }

        return new CapabilityStatement
        {
            Status = PublicationStatus.Active,
            Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"),
            Kind = CapabilityStatementKind.Instance,
            Software = new CapabilityStatement.SoftwareComponent { Name = "Larkspur FHIR Facade", Version = softwareVersion },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Larkspur Health FHIR R4 API", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = new[] { "json", "xml" },
            Instantiates = new[] { "http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server" },
            Rest = new List<CapabilityStatement.RestComponent> { rest },
        };
    }
}
