using System.Globalization;

namespace Widget.Web.Hosting;

/// <summary>What every problem the service writes carries, whoever built it.</summary>
internal static class ProblemDefaults
{
    public const string RetryAfter = "retryAfter";

    /// <summary>What a refusal is, as the key of its words in the visitor resource files ("SlowMode.Refused").</summary>
    public const string Code = "code";

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        // A status-only answer (a bare 404 or 405) reaches a client through the status code pages with no detail.
        problem.Detail ??= Detail(problem.Status ?? context.HttpContext.Response.StatusCode);
        // Clients and proxies read the header, not our body: a refusal that says when to retry says it in both.
        if (problem.Extensions.TryGetValue(RetryAfter, out var seconds) && seconds is int wait)
        {
            context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Detail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid.",
        StatusCodes.Status401Unauthorized => "Sign in first.",
        StatusCodes.Status403Forbidden => "You may not do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not accept that method.",
        StatusCodes.Status429TooManyRequests => "Too many requests. Try again later.",
        >= 500 => "Something went wrong on our side.",
        _ => "The request was refused.",
    };
}
