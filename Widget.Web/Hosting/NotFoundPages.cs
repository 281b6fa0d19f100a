using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Widget.Web.Microblog;
using Widget.Web.Realtime;
using Widget.Web.Together;

namespace Widget.Web.Hosting;

/// <summary>
/// A person following a dead link gets a page in the site's style; programs, and everything under the API's
/// addresses, keep the problem details they parse.
/// </summary>
internal static class NotFoundPages
{
    private static readonly PathString[] MachinePaths = ["/api", "/auth", LiveHub.Path, TogetherHub.Path, Calls.CallHub.Path, "/_blazor", HealthEndpoints.Path, TelemetryServiceCollectionExtensions.MetricsPath];

    private static readonly Func<StatusCodeContext, Task> ProblemDetails = new StatusCodePagesOptions().HandleAsync;

    public static Task HandleAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status404NotFound || !IsForPeople(http.Request))
        {
            return ProblemDetails(context);
        }

        var meta = PageMeta.For(http.RequestServices.GetRequiredService<PublicUrls>(), http.Request.Path, "Not found", "There is nothing at this address.");
        return new RazorComponentResult<NotFoundPage>(new { Meta = meta }) { StatusCode = StatusCodes.Status404NotFound }
            .ExecuteAsync(http);
    }

    private static bool IsForPeople(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !MachinePaths.Any(path => request.Path.StartsWithSegments(path)) && PrefersHtml(request);

    /// <summary>Browsers put text/html first with the highest quality; fetch and HTTP libraries ask for JSON or anything.</summary>
    private static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return false;
        }

        var best = accepted.Max(type => type.Quality ?? 1);
        return accepted.Any(type => (type.Quality ?? 1) >= best && type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
