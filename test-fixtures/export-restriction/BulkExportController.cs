using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Fhir.Api.Controllers
{
    [ApiController]
    [Route("fhir")]
    public class BulkExportController : ControllerBase
    {
        private readonly IEverythingService _everything;

        public BulkExportController(IEverythingService everything)
        {
            _everything = everything;
        }

        [HttpGet("$export")]
        // ruleid: export-restriction
        public IActionResult SystemExport() => StatusCode(StatusCodes.Status501NotImplemented);

        [HttpGet("Patient/{id}/$everything")]
        public async Task<IActionResult> Everything(string id, [FromQuery(Name = "_type")] string type, CancellationToken ct)
        {
            // ok: export-restriction
            if (type == "Binary")
            {
                return BadRequest("Binary is not supported in _type");
            }
            return Ok(await _everything.GetAsync(id, ct));
        }
    }

    public static class FhirServerSetup
    {
        public static void AddAcmeFhir(this IServiceCollection services)
        {
            services.Configure<FhirServerConfiguration>(config =>
            {
                // ruleid: export-restriction
                config.Operations.Export.Enabled = false;
                // ok: export-restriction
                config.Operations.Import.Enabled = false;
            });
        }
    }

    public class ExportOptions
    {
        // ok: export-restriction
        public bool PatientExportEnabled { get; set; } = false;
    }
}
