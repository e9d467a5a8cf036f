using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Harbor.Fhir.Api
{
    [ApiController]
    [Route("fhir/Observation")]
    // ruleid: nonstandard-fhir-api
    [Produces("application/vnd.harbor.observation+json")]
    public class ObservationController : ControllerBase
    {
        [HttpGet("{id}")]
        public IActionResult Read(string id) => Ok(new { id });
    }

    [ApiController]
    [Route("fhir/AllergyIntolerance")]
    public class AllergyController : ControllerBase
    {
        [HttpGet("{id}")]
        public IActionResult Read(string id)
        {
            // ruleid: nonstandard-fhir-api
            return Content("{}", "application/x-harbor-allergy");
        }

        [HttpGet("{id}/_history")]
        public IActionResult History(string id)
        {
            // ok: nonstandard-fhir-api
            return Content("{}", "application/fhir+json");
        }
    }

    [ApiController]
    [Route("api/exports")]
    // ok: nonstandard-fhir-api
    [Produces("application/vnd.harbor.report+json")]
    public class ReportController : ControllerBase
    {
        [HttpGet("{id}")]
        public IActionResult Get(string id) => Ok();
    }

    public static class SmartEndpoints
    {
        public static void MapSmart(this WebApplication app)
        {
            app.MapGet("/fhir/.well-known/smart-configuration", () => Results.Json(new
            {
                issuer = "https://login.harbor.example",
                authorization_endpoint = "https://login.harbor.example/connect/authorize",
                token_endpoint = "https://login.harbor.example/connect/token",
                grant_types_supported = new[] { "authorization_code", "client_credentials" },
                capabilities = new[] { "launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline", "sso-openid-connect" },
                // ruleid: nonstandard-fhir-api
                code_challenge_methods_supported = new[] { "plain" },
            }));
        }
    }
}
