using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("api/patient/me/record")]
public class MyRecordController(IReleaseForms forms, IRecordStore store) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get()
    {
        var pid = User.FindFirst("patient")!.Value;
        if (!await forms.HasSignedReleaseAsync(pid))
            return StatusCode(403, "Please sign the records release form first");
        return Ok(await store.ForPatientAsync(pid));
    }
}
public interface IReleaseForms { Task<bool> HasSignedReleaseAsync(string pid); }
public interface IRecordStore { Task<object> ForPatientAsync(string pid); }
