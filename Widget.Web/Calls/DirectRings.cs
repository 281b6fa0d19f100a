using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Widget.Web.Moderation;
using Widget.Web.Realtime;

namespace Widget.Web.Calls;

/// <summary>
/// Rings on the caller's node: the caller's limits (rings still ringing, and rings started per window, counted per
/// user on this node), the timeout that ends a ring nobody answered, and telling each side how a ring ended. The
/// callee's widgets are reached by user, the caller's by connection, so either may be on any node.
/// </summary>
public sealed partial class DirectRings(
    ICallRings rings, IHubContext<CallHub, ICallClient> hub, IOptions<CallOptions> options, TimeProvider time,
    ILogger<DirectRings> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, List<(string Id, DateTimeOffset At)>> started = [];

    /// <summary>An accepted ring waits this long for the caller's widget to join the room.</summary>
    public static TimeSpan AcceptedLifetime => TimeSpan.FromSeconds(30);

    /// <summary>How long a ring is kept: past its timeout, so that the timeout still finds it to end it and tell both sides.</summary>
    private TimeSpan Ringing => options.Value.RingTimeout + TimeSpan.FromSeconds(10);

    /// <summary>Starts the ring unless its caller is at a limit; false then.</summary>
    public async Task<bool> TryStartAsync(CallRing ring, CancellationToken ct)
    {
        var calls = options.Value;
        var still = 0;
        foreach (var id in StartedBy(ring.CallerId))
        {
            still += await rings.FindAsync(id, ct) is { Accepted: false } ? 1 : 0;
        }

        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var (caller, list) in started.ToList())
            {
                list.RemoveAll(r => now - r.At >= calls.RingWindow);
                if (list.Count == 0)
                {
                    started.Remove(caller);
                }
            }

            var mine = started.TryGetValue(ring.CallerId, out var held) ? held : [];
            if (still >= calls.MaxRings || mine.Count >= calls.RingsPerWindow)
            {
                return false;
            }

            mine.Add((ring.Id, now));
            started[ring.CallerId] = mine;
        }

        await rings.AddAsync(ring, Ringing, ct);
        await hub.Clients.User(UserIds.Of(ring.CalleeId)).Ringing(new RingEvent(ring.Id, ring.Tag, ring.CallerId, ring.CallerName));
        DetachedSends.Observe(TimeOutAsync(ring), null, e => LogTimeoutFailed(logger, ring.Tag, e));
        return true;
    }

    /// <summary>The caller withdraws the ring, or its widget closed; a ring already answered or over is left as it is.</summary>
    public async Task WithdrawAsync(string ringId, string callerConnection)
    {
        if (await rings.FindAsync(ringId, CancellationToken.None) is { Accepted: false } ring && ring.CallerConnection == callerConnection
            && await rings.SwapAsync(ring, null, Ringing, CancellationToken.None))
        {
            await hub.Clients.User(UserIds.Of(ring.CalleeId)).RingEnded(new RingEndedEvent(ring.Id));
        }
    }

    /// <summary>The callee declines, or cannot take the call: the caller hears which.</summary>
    public async Task<bool> DeclineAsync(CallRing ring, bool declined)
    {
        if (!await rings.SwapAsync(ring, null, Ringing, CancellationToken.None))
        {
            return false;
        }

        await Task.WhenAll(
            declined
                ? hub.Clients.Client(ring.CallerConnection).RingAnswered(new RingAnsweredEvent(ring.Id, Accepted: false))
                : hub.Clients.Client(ring.CallerConnection).RingEnded(new RingEndedEvent(ring.Id)),
            hub.Clients.User(UserIds.Of(ring.CalleeId)).RingEnded(new RingEndedEvent(ring.Id)));
        return true;
    }

    /// <summary>Marks the ring accepted, for its caller alone to take; false when it ended first.</summary>
    public async Task<bool> AcceptAsync(CallRing ring, CancellationToken ct)
    {
        if (!await rings.SwapAsync(ring, ring with { Accepted = true }, AcceptedLifetime, ct))
        {
            return false;
        }

        // The callee's other widgets stop ringing; the one that answered knows already.
        await Task.WhenAll(
            hub.Clients.Client(ring.CallerConnection).RingAnswered(new RingAnsweredEvent(ring.Id, Accepted: true)),
            hub.Clients.User(UserIds.Of(ring.CalleeId)).RingEnded(new RingEndedEvent(ring.Id)));
        return true;
    }

    private List<string> StartedBy(long callerId)
    {
        lock (gate)
        {
            return started.TryGetValue(callerId, out var list) ? [.. list.Select(r => r.Id)] : [];
        }
    }

    private async Task TimeOutAsync(CallRing ring)
    {
        await Task.Delay(options.Value.RingTimeout, time);
        await DeclineAsync(ring, declined: false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A ring in #{Tag} that nobody answered could not be ended; it expires on its own")]
    private static partial void LogTimeoutFailed(ILogger logger, string tag, Exception exception);
}
