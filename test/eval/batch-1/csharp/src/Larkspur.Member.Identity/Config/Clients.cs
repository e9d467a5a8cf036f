using System;
using System.Collections.Generic;
using Duende.IdentityServer;
using Duende.IdentityServer.Models;

namespace Larkspur.Member.Identity.Config;

/// <summary>
/// Patient apps registered through the developer portal (standalone SMART patient launch).
/// </summary>
public static class Clients
{
    public static Client ForPatientApp(string clientId, string name, ICollection<string> redirectUris, bool confidential, string? secretHash)
    {
        return new Client
        {
            ClientId = clientId,
            ClientName = name,
            AllowedGrantTypes = GrantTypes.Code,
            RequirePkce = true,
            RequireClientSecret = confidential,
            ClientSecrets = confidential && secretHash is not null ? new List<Secret> { new(secretHash) } : new List<Secret>(),
            RedirectUris = redirectUris,
            AllowedScopes =
            {
                IdentityServerConstants.StandardScopes.OpenId,
                "fhirUser",
                "launch/patient",
                "patient/*.rs",
                IdentityServerConstants.StandardScopes.OfflineAccess,
            },

            AccessTokenLifetime = (int)TimeSpan.FromHours(1).TotalSeconds,
            AllowOfflineAccess = true,
            RefreshTokenUsage = TokenUsage.OneTimeOnly,
            RefreshTokenExpiration = TokenExpiration.Sliding,
            SlidingRefreshTokenLifetime = (int)TimeSpan.FromDays(90).TotalSeconds,
            AbsoluteRefreshTokenLifetime = (int)TimeSpan.FromDays(365).TotalSeconds,
        };
    }
}
