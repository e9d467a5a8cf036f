namespace Fhir.Host.Endpoints;

public static class ReindexEndpoints
{
    public static void MapDocumentSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/r4/DocumentReference", async (HttpContext ctx, IDocumentSearch search, IAuditLog audit, IReindexState reindex) =>
        {
            if (reindex.Running)
            {
                await audit.RecordAsync("unjustified-throttle", "health-it-performance", "document index migration");
                // ehi-exception: health-it-performance
                //   reason: Migration of the document index to the new cluster degrades search for up to two hours
                //   kind: unplanned-maintenance
                //   max-duration: PT2H
                //   owner: fhir-platform-team
                //   review-by: 2026-12-31
                await Task.Delay(TimeSpan.FromSeconds(3));
            }
            return Results.Ok(await search.RunAsync(ctx.Request.Query));
        });
    }
}
