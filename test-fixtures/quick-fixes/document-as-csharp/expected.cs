using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("fhir/r4/Patient")]
public class PatientController : ControllerBase
{
	[HttpGet("{id}")]
	public async Task<IActionResult> Get(string id)
	{
		// ehi-exception: security
		//   reason:
		//   risk:
		//   basis:
		//   alternatives:
		//   owner:
		//   review-by: 2027-06-01
		await Task.Delay(TimeSpan.FromSeconds(2));
		return Ok(await _records.Read(id));
	}
}
