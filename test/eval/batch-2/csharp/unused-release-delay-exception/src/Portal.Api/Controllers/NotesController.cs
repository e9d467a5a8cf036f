using Microsoft.AspNetCore.Mvc;

namespace Portal.Api.Controllers;

[ApiController]
[Route("portal/api/notes")]
public class NotesController : ControllerBase
{
    private readonly INoteRepository _notes;

    public NotesController(INoteRepository notes) => _notes = notes;

    // ehi-exception: preventing-harm
    //   rule: release-delay
    //   reason: Behavioral health notes held when the treating clinician determines release would endanger the patient
    //   risk: individual-determination
    //   harm: danger to life or physical safety
    //   basis: case-by-case
    //   determined-by: treating psychiatrist
    //   owner: behavioral-health
    //   review-by: 2027-05-31
    [HttpGet]
    public async Task<IActionResult> Get() =>
        Ok(await _notes.SignedForPatientAsync(User.FindFirst("patient")!.Value));
}
