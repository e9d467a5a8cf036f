using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Fhir.Directory;

public class DirectoryOptions
{
    // ruleid: endpoint-publication
    public string EndpointListVisibility { get; set; } = "customers";

    // ok: endpoint-publication
    public bool PublishEndpointList { get; set; } = true;
}

[ApiController]
[Route("api/endpoint-list")]
public class EndpointListController : ControllerBase
{
    private readonly IDirectory _directory;

    public EndpointListController(IDirectory directory) => _directory = directory;

    // ruleid: endpoint-publication
    [Authorize(Policy = "ContractedCustomer")]
    [HttpGet("bundle")]
    public IActionResult Bundle() => Ok(_directory.Bundle());

    [HttpGet("html")]
    // ruleid: endpoint-publication
    public IActionResult Html() => View(_directory.Entries());
}

[ApiController]
[Authorize]
[Route("fhir/endpoints")]
public class FhirEndpointsController : ControllerBase
{
    private readonly IDirectory _directory;

    public FhirEndpointsController(IDirectory directory) => _directory = directory;

    // ok: endpoint-publication
    [AllowAnonymous]
    [HttpGet]
    public IActionResult Get() => Ok(_directory.Bundle());
}

[ApiController]
[Authorize]
[Route("fhir/r4/Observation")]
public class ObservationController : ControllerBase
{
    // ok: endpoint-publication
    [HttpGet]
    public IActionResult Search() => Ok();
}
