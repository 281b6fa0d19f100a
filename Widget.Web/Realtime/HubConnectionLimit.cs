using System.Globalization;
using Widget.Web.Calls;

namespace Widget.Web.Realtime;

/// <summary>
/// Caps the hub connections one client address holds open (<see cref="RealtimeOptions.MaxConnectionsPerAddress"/>).
/// A connection counts for as long as its transport request lasts: the WebSocket or the event stream for the whole
/// connection, a long poll while it waits (one almost always is). A negotiate is refused once the address is full,
/// so a widget learns it before opening anything, but holds no place itself.
/// </summary>
public sealed class HubConnectionLimit(RequestDelegate next, IHubConnectionCounter counter)
{
    // When a place frees cannot be known: it is when one of the address's connections closes. The widget's
    // reconnect backoff tops out at 30 s as well.
    private const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (IsNegotiate(context.Request))
        {
            if (await counter.HasRoomAsync(address, context.RequestAborted))
            {
                await next(context);
            }
            else
            {
                await RefuseAsync(context);
            }

            return;
        }

        // The transports open with a GET; the POSTs (a long poll's or event stream's sends) and the DELETE that
        // ends a long poll belong to a connection already counted.
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await next(context);
            return;
        }

        if (!await counter.TryOpenAsync(address, context.RequestAborted))
        {
            await RefuseAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            // Not the request's token: it is cancelled by now whenever the client went away.
            await counter.CloseAsync(address, CancellationToken.None);
        }
    }

    private static bool IsNegotiate(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments(LiveHub.Path + "/negotiate", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(CallHub.Path + "/negotiate", StringComparison.OrdinalIgnoreCase));

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
                $"Too many open connections from this address. Try again in {RetryAfterSeconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["retryAfter"] = RetryAfterSeconds })
            .ExecuteAsync(context);
    }
}
