using System.Threading;
using System.Threading.Tasks;
using Larkspur.Exchange.Contracts;
using Larkspur.Exchange.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Larkspur.Exchange.Controllers;

/// <summary>
/// Inbound requests for a patient's chart from other organisations (care transitions, second opinions).
/// </summary>
[ApiController]
[Route("api/exchange/record-requests")]
[Authorize(Policy = "ExchangePartner")]
public sealed class RecordRequestsController : ControllerBase
{
    private readonly IChartPacketService _packets;
    private readonly IFaxGateway _fax;
    private readonly IDirectMessagingClient _direct;

    public RecordRequestsController(IChartPacketService packets, IFaxGateway fax, IDirectMessagingClient direct)
    {
        _packets = packets;
        _fax = fax;
        _direct = direct;
    }

    [HttpPost]
    public async Task<IActionResult> Submit([FromBody] RecordRequestDto dto, CancellationToken ct)
    {
        var packet = await _packets.AssembleAsync(dto.PatientId, dto.DateRange, ct);

        if (dto.RequesterType == RequesterType.ExternalClinician)
        {
            // Community practices always get the chart by fax, whatever they selected.
            var faxJob = await _fax.QueueAsync(dto.ReturnFaxNumber, packet.RenderPdf(), ct);
            return Accepted(new { requestId = faxJob.Id, channel = "fax" });
        }

        var messageId = await _direct.SendAsync(dto.DirectAddress, packet.ToCcda(), ct);
        return Accepted(new { requestId = messageId, channel = "direct" });
    }
}
