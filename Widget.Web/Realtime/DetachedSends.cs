namespace Widget.Web.Realtime;

/// <summary>
/// Group sends nobody waits for. A group send completes only once every member's connection has taken the
/// message, so awaiting it would hold the caller's answer on the slowest viewer, up to
/// <see cref="RealtimeOptions.SlowConsumerTimeout"/> when one has stopped reading.
/// </summary>
internal static class DetachedSends
{
    public static void Observe(Task sends, Action? completed, Action<Exception> failed) => _ = ObserveAsync(sends, completed, failed);

    private static async Task ObserveAsync(Task sends, Action? completed, Action<Exception> failed)
    {
        try
        {
            await sends;
            completed?.Invoke();
        }
        catch (Exception e)
        {
            failed(e);
        }
    }
}
