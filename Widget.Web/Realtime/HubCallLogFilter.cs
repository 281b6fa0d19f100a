using Microsoft.AspNetCore.SignalR;

namespace Widget.Web.Realtime;

/// <summary>
/// Logs how hub calls fail, in place of SignalR's dispatcher, which logs every throw as an error with its stack:
/// a refusal (slow mode, a blocked word, a duplicate report) is normal use and gets one information line, while
/// a call cut short because its caller left is not a fault either, and anything else is still an error with its stack. The dispatcher's own line is silenced where logging is set up.
/// </summary>
public sealed partial class HubCallLogFilter(ILogger<HubCallLogFilter> logger) : IHubFilter
{
    /// <summary>The category whose "Failed to invoke hub method" this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal)
        {
            LogRefused(logger, invocationContext.HubMethodName, refusal.Message);
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogAbandoned(logger, invocationContext.HubMethodName);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, invocationContext.HubMethodName, e);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {Method} stopped: its caller left")]
    private static partial void LogAbandoned(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
