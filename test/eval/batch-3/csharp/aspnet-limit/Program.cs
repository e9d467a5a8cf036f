using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(o =>
{
    o.AddFixedWindowLimiter("patient-api", w => { w.PermitLimit = 20; w.Window = TimeSpan.FromMinutes(1); });
});
var app = builder.Build();
app.UseRateLimiter();
app.MapControllers();
app.Run();
