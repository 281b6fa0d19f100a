using Microsoft.Extensions.Options;
using Widget.Web.Realtime;

namespace Widget.Web.Calls;

/// <summary>
/// Ends requests to join from where no request scope is at hand: the timeout that lapses a request nobody answered
/// (on the asker's node, as rings time out on the caller's), and the hub connection that closed while asking. Each
/// runs the <see cref="CallDoor"/> in a scope of its own.
/// </summary>
public sealed partial class JoinRequestEnds(
    IServiceScopeFactory scopes, IOptions<CallOptions> options, TimeProvider time, ILogger<JoinRequestEnds> logger)
{
    public void LapseLater(JoinRequest request) =>
        DetachedSends.Observe(LapseAsync(request), null, e => LogLapseFailed(logger, request.Tag, e));

    public async Task WithdrawAsync(string tag, long userId, string id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CallDoor>().WithdrawAsync(tag, userId, id, CancellationToken.None);
    }

    private async Task LapseAsync(JoinRequest request)
    {
        await Task.Delay(options.Value.JoinRequestTimeout, time);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CallDoor>().LapseAsync(request, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request to join the call in #{Tag} that nobody answered could not be ended; it lapses on its own")]
    private static partial void LogLapseFailed(ILogger logger, string tag, Exception exception);
}
