using System.Threading.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("ops", w => { w.PermitLimit = 10; w.Window = TimeSpan.FromMinutes(1); }));
var app = builder.Build();
app.UseRateLimiter();

app.MapGet("/ops/metrics/queue-depth", (IQueueStats stats) => stats.Snapshot()).RequireRateLimiting("ops").RequireAuthorization("OpsAdmin");
app.MapGet("/ops/feature-flags", (IFlags flags) => flags.All()).RequireRateLimiting("ops").RequireAuthorization("OpsAdmin");
app.Run();
