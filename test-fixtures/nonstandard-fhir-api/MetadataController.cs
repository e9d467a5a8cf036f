using System.Collections.Generic;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;

namespace Harbor.Fhir.Api.Metadata
{
    [ApiController]
    public class MetadataController : ControllerBase
    {
        [HttpGet("fhir/r4/metadata")]
        public CapabilityStatement Metadata()
        {
            var statement = new CapabilityStatement
            {
                Status = PublicationStatus.Active,
                Kind = CapabilityStatementKind.Instance,
                FhirVersion = FHIRVersion.N4_0_1,
                // ruleid: nonstandard-fhir-api
                Format = new[] { "xml" },
            };
            // ruleid: nonstandard-fhir-api
            var rest = new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server };
            rest.Resource.Add(new CapabilityStatement.ResourceComponent { Type = ResourceType.Observation, SupportedProfile = new[] { "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab" } });
            rest.Resource.Add(new CapabilityStatement.ResourceComponent { Type = ResourceType.Condition });
            statement.Rest.Add(rest);
            return statement;
        }

        // The DSTU2 endpoint kept for old integrations, beside the R4 default above.
        [HttpGet("fhir/dstu2/metadata")]
        public Conformance LegacyMetadata()
        {
            var statement = new CapabilityStatement { Kind = CapabilityStatementKind.Instance, FhirVersion = FHIRVersion.N1_0_2 };
            // ok: nonstandard-fhir-api
            var rest = new CapabilityStatement.RestComponent { Mode = CapabilityStatement.RestfulCapabilityMode.Server };
            rest.Resource.Add(new CapabilityStatement.ResourceComponent { Type = ResourceType.Patient });
            statement.Rest.Add(rest);
            return ToDstu2(statement);
        }
    }

    // Microsoft FHIR server: a capability provider that rewrites the generated statement.
    public class VendorSecurityCapabilityProvider : IProvideCapability
    {
        public void Build(ICapabilityStatementBuilder builder)
        {
            builder.Apply(statement =>
            {
                foreach (var rest in statement.Rest)
                {
                    // ruleid: nonstandard-fhir-api
                    rest.Security = new CapabilityStatement.SecurityComponent
                    {
                        Service = new List<CodeableConcept> { new CodeableConcept { Text = "Harbor Partner OAuth" } },
                    };
                }
            });
        }
    }
}
