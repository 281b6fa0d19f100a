using System.Threading.Channels;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>Reading what a hub client heard, with a deadline, so that a message that never comes fails the test instead of hanging it.</summary>
internal static class ChannelReads
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<T> ReadSoonAsync<T>(this Channel<T> channel, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Deadline);
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The first item <paramref name="wanted"/> takes, the ones before it passed over.</summary>
    public static async Task<T> ReadSoonAsync<T>(this Channel<T> channel, Func<T, bool> wanted, CancellationToken ct)
    {
        T item;
        do
        {
            item = await channel.ReadSoonAsync(ct);
        }
        while (!wanted(item));

        return item;
    }
}
