using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Together;

/// <summary>
/// In a cluster the sessions are in Redis (<see cref="RedisTogetherStore"/>); while it cannot be reached, a call that
/// needs them is refused with words the visitor can act on (try again shortly), not SignalR's bare "unexpected error".
/// </summary>
public sealed partial class TogetherStoreOutage(ILogger<TogetherStoreOutage> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogStoreAway(logger, invocationContext.HubMethodName, e);
            throw HubLanguage.Refusal(invocationContext.Context, Notice.Of("Together.Unavailable"));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: the together hub refused {Method}")]
    private static partial void LogStoreAway(ILogger logger, string method, Exception exception);
}
