using System;
using System.Collections.Generic;
using Duende.IdentityServer;
using Duende.IdentityServer.Models;

namespace Larkspur.Identity.Config;

/// <summary>
/// Client definitions for the patient-facing SMART on FHIR apps (standalone patient launch).
/// </summary>
public static class SmartClients
{
    private static readonly string[] PatientScopes =
    {
        IdentityServerConstants.StandardScopes.OpenId,
        IdentityServerConstants.StandardScopes.Profile,
        "fhirUser",
        "launch/patient",
        "patient/*.rs",
        IdentityServerConstants.StandardScopes.OfflineAccess,
    };

    public static IEnumerable<Client> PatientApps(IEnumerable<PatientAppRegistration> registrations)
    {
        foreach (var reg in registrations)
        {
            yield return new Client
            {
                ClientId = reg.ClientId,
                ClientName = reg.DisplayName,
                AllowedGrantTypes = GrantTypes.Code,
                RequirePkce = true,
                RequireClientSecret = reg.IsConfidential,
                ClientSecrets = reg.IsConfidential ? new List<Secret> { new(reg.SecretHash) } : new List<Secret>(),
                RedirectUris = reg.RedirectUris,
                AllowedScopes = PatientScopes,
                RequireConsent = true,

                AccessTokenLifetime = (int)TimeSpan.FromMinutes(60).TotalSeconds,
                AllowOfflineAccess = true,
                RefreshTokenUsage = TokenUsage.OneTimeOnly,
                RefreshTokenExpiration = TokenExpiration.Absolute,
                AbsoluteRefreshTokenLifetime = (int)TimeSpan.FromHours(8).TotalSeconds,
            };
        }
    }
}
