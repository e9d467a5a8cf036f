using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Identity.Controllers;

[Route("account")]
public class AccountController : Controller
{
    private readonly ISignInService _signIn;

    public AccountController(ISignInService signIn) => _signIn = signIn;

    [HttpPost("login")]
    [EnableRateLimiting("login-attempts")]
    public async Task<IActionResult> Login(LoginModel model) =>
        await _signIn.PasswordSignInAsync(model) ? Redirect(model.ReturnUrl ?? "/") : View(model);

    [HttpPost("forgot-password")]
    [EnableRateLimiting("login-attempts")]
    public async Task<IActionResult> ForgotPassword(string email)
    {
        await _signIn.SendResetAsync(email);
        return View("ResetSent");
    }
}
