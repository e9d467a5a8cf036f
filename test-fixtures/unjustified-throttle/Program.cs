using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(options =>
{
    // The policy is the finding; the EHI endpoints that apply it are its related places.
    // ruleid: unjustified-throttle
    options.AddFixedWindowLimiter("fixed", o => { o.PermitLimit = 10; o.Window = TimeSpan.FromMinutes(1); });
});
var app = builder.Build();
app.UseRateLimiter();

// ok: unjustified-throttle
app.MapGet("/fhir/Patient/{id}", (string id, IPatientStore store) => store.Read(id)).RequireRateLimiting("fixed");

var fhir = app.MapGroup("/fhir");
// ok: unjustified-throttle
fhir.MapGet("/Observation", async (string patient, IPatientStore store) => await store.Observations(patient)).RequireRateLimiting("fixed");

// ok: unjustified-throttle
app.MapPost("/connect/token", (TokenRequest request, ITokenService tokens) => tokens.Issue(request)).RequireRateLimiting("fixed");

app.Run();

[ApiController]
[Route("api/[controller]")]
public class PatientRecordsController : ControllerBase
{
    // ok: unjustified-throttle
    [EnableRateLimiting("fixed")]
    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        // ruleid: unjustified-throttle
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Ok(await _records.Read(id));
    }

    [HttpGet("{id}/documents")]
    public async Task<IActionResult> Documents(string id)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return Ok(await _http.GetStringAsync($"{Partner}/DocumentReference?patient={id}"));
            }
            catch (HttpRequestException)
            {
                // ok: unjustified-throttle
                await Task.Delay(1000 * (attempt + 1));
            }
        }
        return StatusCode(502);
    }
}

[ApiController]
[Route("account")]
public class AccountController : ControllerBase
{
    // ok: unjustified-throttle
    [EnableRateLimiting("fixed")]
    [HttpPost("login")]
    public IActionResult Login(LoginModel model) => Ok(_auth.SignIn(model));
}
