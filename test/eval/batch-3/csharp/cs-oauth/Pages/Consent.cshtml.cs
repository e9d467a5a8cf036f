using Microsoft.AspNetCore.Mvc.RazorPages;

// OAuth authorization consent screen for SMART apps
public class ConsentModel : PageModel
{
    public string[] RequestedScopes { get; set; } = [];
    public void OnGet(string scope) => RequestedScopes = scope.Split(' ');
}
