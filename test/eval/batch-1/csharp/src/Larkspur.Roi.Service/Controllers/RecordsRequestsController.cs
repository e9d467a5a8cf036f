using System;
using System.Threading;
using System.Threading.Tasks;
using Larkspur.Roi.Service.Contracts;
using Larkspur.Roi.Service.Domain;
using Larkspur.Roi.Service.Legal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Roi.Service.Controllers;

[ApiController]
[Authorize]
[Route("api/roi/requests")]
public sealed class RecordsRequestsController : ControllerBase
{
    private readonly IRoiRequestRepository _requests;
    private readonly ILegalReviewQueue _legal;
    private readonly TimeProvider _clock;

    public RecordsRequestsController(IRoiRequestRepository requests, ILegalReviewQueue legal, TimeProvider clock)
    {
        _requests = requests;
        _legal = legal;
        _clock = clock;
    }

    [HttpPost]
    public async Task<IActionResult> Create([FromBody] CreateRoiRequest body, CancellationToken ct)
    {
        var request = new RoiRequest
        {
            Id = Guid.NewGuid(),
            PatientId = body.PatientId,
            Category = body.RequesterCategory,
            RequestedChannel = body.Channel,
            DateRange = body.DateRange,
            ReceivedAt = _clock.GetUtcNow(),
            Status = RoiStatus.PendingLegalReview,
        };

        await _requests.AddAsync(request, ct);

        // Counsel's office signs off every release before HIM sends anything.
        await _legal.RouteToLegalAsync(request.Id, ct);

        return AcceptedAtAction(nameof(Get), new { id = request.Id }, new { request.Id, status = request.Status.ToString() });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id, CancellationToken ct)
    {
        var request = await _requests.FindAsync(id, ct);
        return request is null ? NotFound() : Ok(request);
    }
}
