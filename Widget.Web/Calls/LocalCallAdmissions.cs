namespace Widget.Web.Calls;

/// <summary>A single node's requests and admissions, in its memory; what has lapsed is forgotten when next looked at.</summary>
public sealed class LocalCallAdmissions(TimeProvider time) : ICallAdmissions
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<(JoinRequest Request, DateTimeOffset Until)>> waiting = [];
    private readonly Dictionary<long, List<DateTimeOffset>> asked = [];
    private readonly Dictionary<(string Tag, long UserId), DateTimeOffset> admitted = [];

    public Task<AskOutcome> AskAsync(JoinRequest request, AskLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        lock (gate)
        {
            var now = time.GetUtcNow();
            var waitingHere = Live(request.Tag);
            if (waitingHere.Any(w => w.Request.UserId == request.UserId))
            {
                return Task.FromResult(AskOutcome.AlreadyWaiting);
            }

            foreach (var (user, list) in asked.ToList())
            {
                list.RemoveAll(at => now - at >= limits.Window);
                if (list.Count == 0)
                {
                    asked.Remove(user);
                }
            }

            var times = asked.TryGetValue(request.UserId, out var held) ? held : asked[request.UserId] = [];
            if (times.Count >= limits.PerWindow)
            {
                return Task.FromResult(AskOutcome.TooMany);
            }

            times.Add(now);
            if (waitingHere.Count >= limits.MaxWaiting)
            {
                return Task.FromResult(AskOutcome.Full);
            }

            waitingHere.Add((request, now + limits.Lifetime));
            waiting[request.Tag] = waitingHere;
            return Task.FromResult(AskOutcome.Added);
        }
    }

    public Task<IReadOnlyList<JoinRequest>> WaitingAsync(string tag, CancellationToken ct)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<JoinRequest>>([.. Live(tag).Select(w => w.Request)]);
        }
    }

    public Task<JoinRequest?> TakeAsync(string tag, long userId, string? id, CancellationToken ct)
    {
        lock (gate)
        {
            var list = Live(tag);
            var index = list.FindIndex(w => w.Request.UserId == userId && (id is null || w.Request.Id == id));
            if (index < 0)
            {
                return Task.FromResult<JoinRequest?>(null);
            }

            var request = list[index].Request;
            list.RemoveAt(index);
            return Task.FromResult<JoinRequest?>(request);
        }
    }

    public Task AdmitAsync(string tag, long userId, TimeSpan lifetime, CancellationToken ct)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var lapsed in admitted.Where(a => a.Value <= now).Select(a => a.Key).ToList())
            {
                admitted.Remove(lapsed);
            }

            admitted[(tag, userId)] = now + lifetime;
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsAdmittedAsync(string tag, long userId, CancellationToken ct)
    {
        lock (gate)
        {
            if (admitted.TryGetValue((tag, userId), out var until) && until > time.GetUtcNow())
            {
                return Task.FromResult(true);
            }

            admitted.Remove((tag, userId));
            return Task.FromResult(false);
        }
    }

    public Task RevokeAsync(string tag, long? userId, CancellationToken ct)
    {
        lock (gate)
        {
            foreach (var key in admitted.Keys.Where(k => k.Tag == tag && (userId is null || k.UserId == userId)).ToList())
            {
                admitted.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private List<(JoinRequest Request, DateTimeOffset Until)> Live(string tag)
    {
        if (!waiting.TryGetValue(tag, out var list))
        {
            return [];
        }

        var now = time.GetUtcNow();
        list.RemoveAll(w => w.Until <= now);
        if (list.Count == 0)
        {
            waiting.Remove(tag);
        }

        return list;
    }
}
