namespace PatientApi.Endpoints;

public static class ReportEndpoints
{
    private const double NewReportHoldHours = 96;

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/patient-access/reports", async (HttpContext ctx, IReportStore store) =>
        {
            var reports = await store.ForPatientAsync(ctx.User.FindFirst("patient")!.Value);
            var shown = reports.Where(r => (DateTime.UtcNow - r.Issued).TotalHours >= NewReportHoldHours);
            return Results.Ok(shown);
        });
    }
}
