using Microsoft.AspNetCore.SignalR;
using Widget.Core.Text;
using Widget.Web.Language;

namespace Widget.Web.Auth;

/// <summary>Checks the caller's session on every hub call, so a revoked token stops working mid-connection.</summary>
public sealed class SessionHubFilter(SessionGuard guard, SessionConnections connections) : IHubFilter
{
    private static readonly Notice Ended = Notice.Of("SignIn.SessionEnded");

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        if (context.User.ToPostAuthor() is { } author && !await guard.IsActiveAsync(author.SessionId, context.ConnectionAborted))
        {
            context.Abort();
            throw HubLanguage.Refusal(context, Ended);
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User.ToPostAuthor() is { } author)
        {
            if (!await guard.IsActiveAsync(author.SessionId, context.Context.ConnectionAborted))
            {
                throw HubLanguage.Refusal(context.Context, Ended);
            }

            connections.Add(author.SessionId, context.Context);
        }

        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.User.ToPostAuthor() is { } author)
        {
            connections.Remove(author.SessionId, context.Context.ConnectionId);
        }

        return next(context, exception);
    }
}
