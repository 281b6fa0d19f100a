using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Widget.Web.Hosting;

/// <summary>
/// Answers a request the framework could not read (malformed or mistyped JSON, a missing body, the wrong
/// content type, a body past the endpoint's limit) with its own status and a detail of ours. The exception's
/// message names our types and parameters, so it is logged, never sent.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        LogRefused(logger, httpContext.Request.Path, bad.StatusCode, exception);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Detail = Detail(bad) },
        });
    }

    private static string Detail(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this address accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON, with Content-Type: application/json.",
        _ when bad.InnerException is JsonException =>
            "The request body is not the JSON this address expects: check its syntax, its encoding (UTF-8), the type of each field, "
            + "that numbers fit, and that it nests at most 64 levels deep.",
        _ => "The request could not be read: check that it has a JSON body where one is expected, and the types of its parameters.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable request to {Path} with {Status}")]
    private static partial void LogRefused(ILogger logger, PathString path, int status, Exception exception);
}
