using Microsoft.AspNetCore.Diagnostics;

namespace Widget.Web.Hosting;

/// <summary>Turns what escapes the endpoints into problem details: never a stack trace, and a clear "try again" when the database is away.</summary>
public sealed partial class UnexpectedErrorHandler(IProblemDetailsService problems, ILogger<UnexpectedErrorHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var transient = TransientDatabaseError.Is(exception);
        LogFailure(logger, httpContext.Request.Path, exception);
        httpContext.Response.StatusCode = transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (transient)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Title = transient ? "The service is briefly unavailable. Try again in a few seconds." : "Something went wrong on our side.",
                Status = httpContext.Response.StatusCode,
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request to {Path} failed")]
    private static partial void LogFailure(ILogger logger, string path, Exception exception);
}
