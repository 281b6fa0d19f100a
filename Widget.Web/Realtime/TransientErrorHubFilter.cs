using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Core.Text;
using Widget.Web.Hosting;
using Widget.Web.Language;

namespace Widget.Web.Realtime;

/// <summary>
/// The hub's twin of <see cref="Hosting.UnexpectedErrorHandler"/>'s 503: while Postgres is away a call
/// fails with a message the widget can show and retry on, not SignalR's generic "unexpected error".
/// Nothing was stored (a post is one statement), so a retry with the same client id is safe.
/// </summary>
public sealed partial class TransientErrorHubFilter(ILogger<TransientErrorHubFilter> logger) : IHubFilter
{
    private static readonly Notice Unavailable = Notice.Of("Service.Unavailable");

    /// <summary>The refusal's English words, for whoever needs to recognise it.</summary>
    public static readonly string Message = VisitorText.Get(WidgetLanguage.En, Unavailable.Key);

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (e is not HubException && TransientDatabaseError.Is(e))
        {
            LogTransient(logger, invocationContext.HubMethodName, e);
            throw HubLanguage.Refusal(invocationContext.Context, Unavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {Method} failed while the database was unavailable")]
    private static partial void LogTransient(ILogger logger, string method, Exception exception);
}
