using Duende.IdentityServer.Models;

namespace Identity.Config;

public static class Clients
{
    public static IEnumerable<Client> All => new[]
    {
        new Client
        {
            ClientId = "smart-patient-app",
            AllowedGrantTypes = GrantTypes.Code,
            RequirePkce = true,
            RequireClientSecret = false,
            RedirectUris = { "https://apps.riverbend.example/callback" },
            AllowedScopes = { "openid", "fhirUser", "launch/patient", "patient/*.read", "offline_access" },
            AllowOfflineAccess = true,
            RefreshTokenExpiration = TokenExpiration.Absolute,
            AbsoluteRefreshTokenLifetime = 86400,
        },
    };
}
