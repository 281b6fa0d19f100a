namespace Widget.Web.Together;

/// <summary>
/// The widgets open on one page of a site, for pods: every connection there watches, and those of signed-in
/// visitors who turned "Show me on this page" on may also send where their mouse is. Positions are only passed on,
/// the newest per visitor until the room's next batch.
/// </summary>
public sealed class PageRoom(string tag, string path, DateTimeOffset now)
{
    private readonly Lock gate = new();
    private readonly HashSet<string> watchers = [];
    private readonly Dictionary<string, Participant> shown = [];
    private readonly CursorQueue<PodMove> pods = new(now);

    public string Tag { get; } = tag;

    public string Path { get; } = path;

    /// <summary>
    /// The SignalR group of everyone watching this page on any node: each node batches the pods of its own connections
    /// and sends the batch to the group, which the backplane takes to the other nodes' watchers.
    /// </summary>
    public string Group { get; } = $"pods:{tag}:{path}";

    public void Watch(string connectionId)
    {
        lock (gate)
        {
            watchers.Add(connectionId);
        }
    }

    /// <summary>Shows the connection's visitor to the room; false when the connection does not watch it.</summary>
    public bool Show(string connectionId, Participant person)
    {
        lock (gate)
        {
            if (!watchers.Contains(connectionId))
            {
                return false;
            }

            shown[connectionId] = person;
            return true;
        }
    }

    /// <summary>Stops showing the connection's visitor; returns them when no other connection of theirs still shows them here.</summary>
    public long? Hide(string connectionId)
    {
        lock (gate)
        {
            if (!shown.Remove(connectionId, out var person) || shown.Values.Any(p => p.UserId == person.UserId))
            {
                return null;
            }

            pods.Forget(person.UserId);
            return person.UserId;
        }
    }

    /// <summary>Stops showing the user on every connection of theirs here (a ban); false when they were not shown.</summary>
    public bool HideUser(long userId)
    {
        lock (gate)
        {
            var theirs = shown.Where(s => s.Value.UserId == userId).Select(s => s.Key).ToArray();
            foreach (var connectionId in theirs)
            {
                shown.Remove(connectionId);
            }

            pods.Forget(userId);
            return theirs.Length > 0;
        }
    }

    /// <summary>Takes the connection out of the room; returns the visitor no longer shown, as <see cref="Hide"/> does.</summary>
    public long? Leave(string connectionId)
    {
        lock (gate)
        {
            watchers.Remove(connectionId);
            return Hide(connectionId);
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return watchers.Count == 0;
            }
        }
    }

    /// <summary>
    /// Keeps the position for the next batch as the connection's shown visitor's: whether it shows anyone here, and
    /// how long to wait before sending when this move opens a batch (null when one is already due).
    /// </summary>
    public (bool Shown, TimeSpan? Wait) Queue(string connectionId, CursorPosition position, DateTimeOffset now)
    {
        lock (gate)
        {
            return shown.TryGetValue(connectionId, out var person)
                ? (true, pods.Queue(new PodMove(person.UserId, person.Name, person.Color, position), now))
                : (false, null);
        }
    }

    public PodBatch? Take(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            return pods.Take(now, interval) is var (sequence, moves) ? new PodBatch(Path, sequence, moves) : null;
        }
    }
}
