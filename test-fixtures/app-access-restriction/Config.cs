using System.Collections.Generic;
using Duende.IdentityServer;
using Duende.IdentityServer.Models;

namespace Harbor.Identity
{
    // Clients of the SMART on FHIR authorization server.
    public static class Config
    {
        public static IEnumerable<Client> Clients => new List<Client>
        {
            new Client
            {
                ClientId = "harbor-patient-app",
                ClientSecrets = { new Secret("change-me".Sha256()) },
                AllowedGrantTypes = GrantTypes.Code,
                RedirectUris = { "https://apps.harbor.example/callback" },
                AllowedScopes = { "openid", "fhirUser", "launch/patient", "patient/*.rs" },
                AllowOfflineAccess = true,
                // ruleid: app-access-restriction
                AbsoluteRefreshTokenLifetime = 3600,
                RefreshTokenUsage = TokenUsage.OneTimeOnly,
            },
            new Client
            {
                ClientId = "partner-scheduling-app",
                ClientSecrets = { new Secret("change-me-too".Sha256()) },
                AllowedGrantTypes = GrantTypes.Code,
                AllowedScopes = { "openid", "launch/patient", "patient/Appointment.rs" },
                // ruleid: app-access-restriction
                AllowOfflineAccess = false,
            },
            new Client
            {
                ClientId = "long-lived-patient-app",
                ClientSecrets = { new Secret("s3cret".Sha256()) },
                AllowedGrantTypes = GrantTypes.Code,
                AllowedScopes = { "openid", "launch/patient", "patient/*.rs" },
                AllowOfflineAccess = true,
                // ok: app-access-restriction
                AbsoluteRefreshTokenLifetime = 7776000,
            },
            new Client
            {
                ClientId = "home-monitoring-app",
                ClientSecrets = { new Secret("monitor".Sha256()) },
                AllowedGrantTypes = GrantTypes.Code,
                AllowedScopes = { "openid", "launch/patient", "patient/Observation.rs" },
                AllowOfflineAccess = true,
                // ehi-exception: security
                //   reason: Devices were found sharing refresh tokens; one-week tokens until device attestation ships
                //   risk: Refresh tokens copied between home-monitoring devices (incident SEC-2291)
                //   basis: case-by-case
                //   alternatives: Revocation alone did not stop reuse; attestation is scheduled for Q3
                //   owner: identity-team
                //   review-by: 2027-09-30
                // ok: app-access-restriction
                AbsoluteRefreshTokenLifetime = 604800,
            },
            new Client
            {
                ClientId = "analytics-backend",
                ClientSecrets = { new Secret("backend".Sha256()) },
                AllowedGrantTypes = GrantTypes.ClientCredentials,
                AllowedScopes = { "system/*.rs" },
                AllowOfflineAccess = true,
                // ok: app-access-restriction
                AbsoluteRefreshTokenLifetime = 300,
            },
        };
    }
}
