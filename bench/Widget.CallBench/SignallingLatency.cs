using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Bench.Shared;
using Widget.Web.Calls;

namespace Widget.CallBench;

/// <summary>
/// One member on node A sends offer-sized descriptions to one on node B, one at a time, paced under the hub's
/// signalling rate; each is timed from the send to its arrival at the other client (same process, same clock):
/// the hub's checks, the Redis backplane and both nodes' sends.
/// </summary>
internal static class SignallingLatency
{
    /// <summary>About what Chromium's offer for audio, video and a screen transceiver weighs.</summary>
    private const int OfferChars = 6_000;

    public static async Task<IReadOnlyList<double>> MeasureAsync(BenchCluster cluster, string tag, int messages, CancellationToken ct)
    {
        await using var onA = await ConnectAsync(cluster.A.BaseAddress, await cluster.TokenAsync(ct), ct);
        await using var onB = await ConnectAsync(cluster.B.BaseAddress, await cluster.TokenAsync(ct), ct);
        var arrivals = Channel.CreateUnbounded<(string Sdp, long At)>();
        onB.On<DescriptionEvent>(nameof(ICallClient.Description), e => arrivals.Writer.TryWrite((e.Description.Sdp, Stopwatch.GetTimestamp())));
        await onA.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);
        var target = (await onB.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct)).Self;
        var padding = new string('a', OfferChars);
        var latencies = new List<double>(messages);
        for (var i = 0; i < messages + 10; i++)
        {
            var sdp = $"{i}:{padding}";
            var sent = Stopwatch.GetTimestamp();
            await onA.InvokeAsync(nameof(CallHub.SendDescription), target, new SessionDescription("offer", sdp), ct);
            var (arrived, at) = await arrivals.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
            if (arrived != sdp)
            {
                throw new InvalidOperationException("A description arrived out of order.");
            }

            // The first ten warm both nodes' paths up.
            if (i >= 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }

            // 10 a second: under the hub's 20 a second per connection, so no message is refused.
            await Task.Delay(100, ct);
        }

        return latencies;
    }

    private static async Task<HubConnection> ConnectAsync(Uri node, string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, CallHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync(ct);
        return connection;
    }
}
