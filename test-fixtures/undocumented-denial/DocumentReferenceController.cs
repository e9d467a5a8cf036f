using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;

namespace Clinic.Fhir.Api
{
    [ApiController]
    [Route("fhir/r4/[controller]")]
    public class DocumentReferenceController : ControllerBase
    {
        private readonly IFhirRepository _repository;
        private readonly ILogger<DocumentReferenceController> _logger;

        public DocumentReferenceController(IFhirRepository repository, ILogger<DocumentReferenceController> logger)
        {
            _repository = repository;
            _logger = logger;
        }

        [HttpGet("{id}")]
        public async Task<IActionResult> Read(string id)
        {
            var doc = await _repository.ReadAsync<DocumentReference>(id);
            if (doc.Meta?.Security.Any(s => s.Code == "R") == true)
            {
                // ruleid: undocumented-denial
                return Forbid();
            }
            return Ok(doc);
        }

        [HttpGet]
        public async Task<IActionResult> Search([FromQuery] string patient)
        {
            if (!User.HasClaim("scope", "patient/DocumentReference.read"))
            {
                // ok: undocumented-denial
                return StatusCode(StatusCodes.Status403Forbidden, new OperationOutcome());
            }
            return Ok(await _repository.SearchAsync<DocumentReference>(patient));
        }

        [HttpGet("{id}/$binary")]
        public async Task<IActionResult> Content(string id)
        {
            var doc = await _repository.ReadAsync<DocumentReference>(id);
            if (doc.Category.Any(c => c.Coding.Any(x => x.Code == "substance-use")))
            {
                _logger.LogInformation("ehi-exception required-by-law: 42 CFR Part 2 record {Id} needs written consent", id);
                // ok: undocumented-denial
                return StatusCode((int)HttpStatusCode.Forbidden);
            }
            return File(doc.Content[0].Attachment.Data, doc.Content[0].Attachment.ContentType);
        }
    }

    [Route("api/records")]
    public class LegacyRecordsController : ControllerBase
    {
        private readonly IRecordStore _records;

        public LegacyRecordsController(IRecordStore records) => _records = records;

        [HttpGet("{id}")]
        public HttpResponseMessage Get(string id)
        {
            var record = _records.Find(id);
            if (record.IsSealed)
            {
                // ruleid: undocumented-denial
                return new HttpResponseMessage(HttpStatusCode.Forbidden);
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(record.Json) };
        }
    }

    // Maps exceptions thrown (and audited) by the consent layer.
    public class ConsentExceptionFilter : IExceptionFilter
    {
        public void OnException(ExceptionContext context)
        {
            if (context.Exception is ConsentRequiredException)
            {
                // ok: undocumented-denial
                context.Result = new ObjectResult(new OperationOutcome()) { StatusCode = 403 };
            }
        }
    }

    // The exception type carries the 403; the decision to throw it is made (and audited) elsewhere.
    public class ChartAccessDeniedException : FhirException
    {
        public ChartAccessDeniedException(string message)
            : base(message)
        {
            // ok: undocumented-denial
            Issues.Add(new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Forbidden, Diagnostics = message });
        }
    }

    public static class OutcomeMapper
    {
        public static OperationOutcome.IssueType IssueTypeFor(HttpStatusCode status)
        {
            switch (status)
            {
                case HttpStatusCode.NotFound:
                    return OperationOutcome.IssueType.NotFound;
                case HttpStatusCode.Forbidden:
                    // ok: undocumented-denial
                    return OperationOutcome.IssueType.Forbidden;
                default:
                    return OperationOutcome.IssueType.Exception;
            }
        }
    }

    public static class FhirEndpoints
    {
        public static void MapObservationEndpoints(this WebApplication app)
        {
            var fhir = app.MapGroup("/fhir/r4");
            fhir.MapGet("/Observation", async (HttpContext http, IFhirRepository repo) =>
            {
                if (http.Request.Headers["X-Purpose-Of-Use"] == "MARKETING")
                {
                    // ruleid: undocumented-denial
                    return Results.Forbid();
                }
                return Results.Ok(await repo.SearchAsync<Observation>(http.Request.Query["patient"]));
            });
            fhir.MapGet("/Patient/{id}", async (string id, ClaimsPrincipal user, IFhirRepository repo) =>
            {
                if (user.FindFirst("patient")?.Value != id)
                {
                    // ok: undocumented-denial
                    return Results.StatusCode(403);
                }
                return Results.Ok(await repo.ReadAsync<Patient>(id));
            });
        }
    }
}
