using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Clinic.Portal.Controllers
{
    [Route("api/records")]
    public class RecordsController : ControllerBase
    {
        // ruleid: hipaa-blanket-reason
        private const string PolicyDenial = "Your request was denied per our records release policy.";

        private readonly IRecordStore _store;
        private readonly ILogger<RecordsController> _logger;

        public RecordsController(IRecordStore store, ILogger<RecordsController> logger)
        {
            _store = store;
            _logger = logger;
        }

        [HttpGet("{id}")]
        public IActionResult Get(string id)
        {
            var record = _store.Find(id);
            if (record.IsConfidential)
            {
                // ok: hipaa-blanket-reason
                _logger.LogWarning("Access denied due to HIPAA for record {Id}", id);
                return StatusCode(403, new { message = PolicyDenial });
            }
            if (record.RequiresReview)
            {
                // ruleid: hipaa-blanket-reason
                return Problem(detail: "Due to HIPAA we are unable to share results online.", statusCode: 403);
            }
            if (record.PatientAskedToRestrict)
            {
                // ok: hipaa-blanket-reason
                return Problem(detail: "Withheld at the patient's request (45 CFR 171.202(e)).", statusCode: 403);
            }
            return Ok(record);
        }
    }
}
