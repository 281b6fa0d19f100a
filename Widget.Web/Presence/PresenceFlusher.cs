using Microsoft.Extensions.Options;

namespace Widget.Web.Presence;

/// <summary>Drives <see cref="PresenceTracker.FlushAsync"/> on a fixed beat.</summary>
public sealed partial class PresenceFlusher(
    PresenceTracker tracker, IOptions<PresenceOptions> options, TimeProvider time, ILogger<PresenceFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await tracker.FlushAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed push must not stop presence for good; the next beat tries again.
                LogFlushFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing presence changes failed")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
