using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Fhir.Api.Controllers
{
    [ApiController]
    [Route("fhir")]
    public class EverythingController : ControllerBase
    {
        private readonly IPatientStore _store;

        public EverythingController(IPatientStore store)
        {
            _store = store;
        }

        [HttpGet("Patient/{id}/$everything")]
        public async Task<IActionResult> Everything(string id)
        {
            var resources = await _store.EverythingAsync(id);
            // ruleid: export-restriction
            var entries = resources.Take(250).ToList();
            return Ok(new { resourceType = "Bundle", type = "searchset", entry = entries });
        }

        [HttpGet("Encounter/{id}/$everything")]
        public async Task<IActionResult> EncounterEverything(string id, [FromQuery(Name = "_count")] int count = 50, [FromQuery(Name = "_skip")] int skip = 0)
        {
            var resources = await _store.EncounterEverythingAsync(id);
            // ok: export-restriction
            var entries = resources.Skip(skip).Take(250).ToList();
            return Ok(new { resourceType = "Bundle", type = "searchset", entry = entries });
        }

        [HttpGet("Group/{id}/$everything")]
        public async Task<IActionResult> GroupEverything(string id)
        {
            var bundle = await _store.GroupBundleAsync(id);
            // ruleid: export-restriction
            bundle.Link.Clear();
            return Ok(bundle);
        }

        [HttpGet("Patient/$export")]
        public IActionResult PatientExport([FromQuery(Name = "_outputFormat")] string outputFormat = "application/fhir+ndjson")
        {
            // ruleid: export-restriction
            if (outputFormat != "application/fhir+ndjson")
            {
                return BadRequest("Unsupported _outputFormat");
            }
            return Accepted();
        }

        [HttpGet("Group/{id}/$export")]
        public IActionResult GroupExport(string id, [FromQuery(Name = "_outputFormat")] string outputFormat = "application/fhir+ndjson")
        {
            var format = ExportFormats.Normalize(outputFormat);
            // ok: export-restriction
            if (format != "application/fhir+ndjson")
            {
                return BadRequest("Unsupported _outputFormat");
            }
            return Accepted();
        }
    }
}
