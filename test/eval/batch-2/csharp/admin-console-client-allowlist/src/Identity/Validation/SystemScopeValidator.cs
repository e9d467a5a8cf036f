using Duende.IdentityServer.Validation;

namespace Identity.Validation;

public class SystemScopeValidator : ICustomTokenRequestValidator
{
    private static readonly HashSet<string> AdminClientIds = new() { "ops-console", "warehouse-etl" };

    public Task ValidateAsync(CustomTokenRequestValidationContext context)
    {
        var request = context.Result.ValidatedRequest;
        if (request.GrantType == "client_credentials"
            && request.RequestedScopes.Any(s => s.StartsWith("system/"))
            && !AdminClientIds.Contains(request.ClientId))
        {
            context.Result.IsError = true;
            context.Result.Error = "invalid_scope";
        }
        return Task.CompletedTask;
    }
}
