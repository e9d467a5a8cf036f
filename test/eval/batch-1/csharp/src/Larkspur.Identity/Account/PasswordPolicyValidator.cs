using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;

namespace Larkspur.Identity.Account;

/// <summary>
/// Extra password rules for portal accounts on top of ASP.NET Core Identity's PasswordOptions.
/// </summary>
public sealed class PasswordPolicyValidator<TUser> : IPasswordValidator<TUser> where TUser : IdentityUser
{
    private static readonly HashSet<string> Breached = new() { "password1", "larkspur123", "qwerty123" };

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        var errors = new List<IdentityError>();
        var candidate = password ?? string.Empty;

        if (candidate.Length < 12)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooShort",
                Description = "Your password does not meet the password policy: use at least 12 characters.",
            });
        }

        if (Breached.Contains(candidate.ToLowerInvariant()))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordBreached",
                Description = "This password appears in known data breaches and is blocked by our password policy.",
            });
        }

        if (user.Email is not null && candidate.Contains(user.Email.Split('@').First(), System.StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = "Your password cannot contain your email name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed(errors.ToArray()));
    }
}
