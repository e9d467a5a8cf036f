using Microsoft.AspNetCore.RateLimiting;
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("webhooks", w => { w.PermitLimit = 100; w.Window = TimeSpan.FromSeconds(10); }));
var app = builder.Build();
app.MapPost("/webhooks/stripe", () => Results.Ok()).RequireRateLimiting("webhooks");
app.Run();
