using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Harbor.Fhir.Api.Discovery
{
    public class SmartConfiguration
    {
        [JsonPropertyName("issuer")] public string Issuer { get; set; }
        [JsonPropertyName("authorization_endpoint")] public string AuthorizationEndpoint { get; set; }
        [JsonPropertyName("token_endpoint")] public string TokenEndpoint { get; set; }
        [JsonPropertyName("grant_types_supported")] public string[] GrantTypesSupported { get; set; }
        [JsonPropertyName("capabilities")] public string[] Capabilities { get; set; }
        [JsonPropertyName("code_challenge_methods_supported")] public string[] CodeChallengeMethodsSupported { get; set; }
    }

    public class OpenIdConfiguration
    {
        public string Issuer { get; set; }
        public string AuthorizationEndpoint { get; set; }
        public string TokenEndpoint { get; set; }
        public string[] CodeChallengeMethodsSupported { get; set; }
    }

    [ApiController]
    public class SmartDiscoveryController : ControllerBase
    {
        private const string Auth = "https://login.harbor.example";

        [HttpGet("fhir/r4/.well-known/smart-configuration")]
        public IActionResult Get()
        {
            return Ok(new SmartConfiguration
            {
                AuthorizationEndpoint = Auth + "/connect/authorize",
                TokenEndpoint = Auth + "/connect/token",
                GrantTypesSupported = new[] { "authorization_code" },
                Capabilities = new[] { "launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline" },
                // ruleid: nonstandard-fhir-api
                CodeChallengeMethodsSupported = new[] { "plain", "S256" },
            });
        }

        [HttpGet("fhir/r5/.well-known/smart-configuration")]
        public IActionResult GetR5()
        {
            // ruleid: nonstandard-fhir-api
            var config = new SmartConfiguration();
            config.AuthorizationEndpoint = Auth + "/connect/authorize";
            config.TokenEndpoint = Auth + "/connect/token";
            config.Capabilities = new[] { "launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline" };
            config.CodeChallengeMethodsSupported = new[] { "S256" };
            return Ok(config);
        }

        [HttpGet("fhir/r4b/.well-known/smart-configuration")]
        public IActionResult GetR4b()
        {
            // ok: nonstandard-fhir-api
            var config = new SmartConfiguration();
            config.AuthorizationEndpoint = Auth + "/connect/authorize";
            config.TokenEndpoint = Auth + "/connect/token";
            config.GrantTypesSupported = new[] { "authorization_code" };
            config.Capabilities = new[] { "launch-standalone", "client-public", "context-standalone-patient", "permission-patient", "permission-offline" };
            config.CodeChallengeMethodsSupported = new[] { "S256" };
            return Ok(config);
        }

        [HttpGet(".well-known/openid-configuration")]
        public IActionResult OpenId()
        {
            // ok: nonstandard-fhir-api
            return Ok(new OpenIdConfiguration
            {
                Issuer = Auth,
                AuthorizationEndpoint = Auth + "/connect/authorize",
                TokenEndpoint = Auth + "/connect/token",
                CodeChallengeMethodsSupported = new[] { "plain", "S256" },
            });
        }
    }
}
