using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PatientApi.Auth;

public class CompartmentFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var tokenPatient = context.HttpContext.User.FindFirst("patient")?.Value;
        if (tokenPatient is null)
        {
            context.Result = new UnauthorizedResult();
            return;
        }
        if (context.RouteData.Values["patientId"] is string requested && requested != tokenPatient)
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}
