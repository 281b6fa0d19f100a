namespace Widget.Web.Together;

/// <summary>
/// One co-browsing session: who is in it (by user, so a reload or a second tab stays in), which connections
/// they hold, who is at the door, and the cursor moves waiting for the next batch. Its content is only ever
/// passed on, never kept: the newest cursor per person (and their newest click) until it is sent.
/// </summary>
public sealed class TogetherSession(string id, string tag, Participant creator, DateTimeOffset now)
{
    // Told apart by more than hue alone: each is dark enough for white text on it.
    private static readonly string[] Palette = ["#c2185b", "#1565c0", "#2e7d32", "#6a1b9a", "#ad4700", "#00695c", "#283593", "#795548"];

    private readonly Lock gate = new();
    private readonly List<Participant> participants = [creator];
    private readonly Dictionary<string, long> connections = [];
    private readonly Dictionary<long, (Knock Knock, string ConnectionId)> knocks = [];
    private readonly CursorQueue<CursorMove> cursors = new(now);
    private int joinedCount = 1;
    private DateTimeOffset? emptySince;

    public string Id { get; } = id;

    public string Tag { get; } = tag;

    public long CreatorId { get; } = creator.UserId;

    public static string FirstColor => Palette[0];

    /// <summary>A colour of the palette chosen by a number, for pods, which have no order of joining.</summary>
    public static string ColorFor(long number) => Palette[(int)(Math.Abs(number % Palette.Length))];

    /// <summary>Where each participant last said they are on the site, for "follow".</summary>
    public SessionPlaces Places { get; } = new();

    /// <summary>What each participant may still say in the session's chat (and ask of everyone) for now.</summary>
    public LineAllowance Lines { get; } = new();

    public SessionView View()
    {
        lock (gate)
        {
            return new SessionView(Id, Tag, CreatorId, [.. participants]);
        }
    }

    /// <summary>Whether the session has stood empty for longer than <paramref name="timeout"/>.</summary>
    public bool IsAbandoned(DateTimeOffset now, TimeSpan timeout)
    {
        lock (gate)
        {
            return emptySince is { } since && now - since > timeout;
        }
    }

    public bool IsParticipant(long userId)
    {
        lock (gate)
        {
            return participants.Exists(p => p.UserId == userId);
        }
    }

    /// <summary>The participant the connection belongs to, or null when it is not in the session.</summary>
    public long? MemberOf(string connectionId)
    {
        lock (gate)
        {
            return connections.TryGetValue(connectionId, out var userId) ? userId : null;
        }
    }

    /// <summary>Adds a participant's connection; false when the user is no participant.</summary>
    public bool Attach(string connectionId, long userId)
    {
        lock (gate)
        {
            if (!participants.Exists(p => p.UserId == userId))
            {
                return false;
            }

            connections[connectionId] = userId;
            emptySince = null;
            return true;
        }
    }

    /// <summary>Forgets a closed connection, and its knock if it was at the door.</summary>
    public void Detach(string connectionId, DateTimeOffset now)
    {
        lock (gate)
        {
            connections.Remove(connectionId);
            foreach (var (userId, knock) in knocks.Where(k => k.Value.ConnectionId == connectionId).ToArray())
            {
                knocks.Remove(userId);
            }

            if (connections.Count == 0)
            {
                emptySince ??= now;
            }
        }
    }

    /// <summary>Puts the knock at the door (a newer knock by the same user replaces theirs) and returns the creator's connections.</summary>
    public IReadOnlyList<string> AddKnock(Knock knock, string connectionId)
    {
        lock (gate)
        {
            knocks[knock.UserId] = (knock, connectionId);
            return ConnectionsOf(CreatorId);
        }
    }

    /// <summary>Lets the knocker in; null when nobody of that id knocks, <c>Full</c> when there is no room.</summary>
    public (string? ConnectionId, bool Full) Admit(long userId, int maxParticipants)
    {
        lock (gate)
        {
            if (!knocks.TryGetValue(userId, out var knock))
            {
                return (null, false);
            }

            if (participants.Count >= maxParticipants)
            {
                return (null, true);
            }

            knocks.Remove(userId);
            participants.Add(new Participant(userId, knock.Knock.Name, Palette[joinedCount++ % Palette.Length]));
            connections[knock.ConnectionId] = userId;
            return (knock.ConnectionId, false);
        }
    }

    /// <summary>Turns the knocker away; returns their connection, or null when nobody of that id knocks.</summary>
    public string? Decline(long userId)
    {
        lock (gate)
        {
            return knocks.Remove(userId, out var knock) ? knock.ConnectionId : null;
        }
    }

    /// <summary>Takes a participant out; returns the connections they had in the session.</summary>
    public IReadOnlyList<string> Remove(long userId)
    {
        lock (gate)
        {
            var theirs = ConnectionsOf(userId);
            participants.RemoveAll(p => p.UserId == userId);
            foreach (var connectionId in theirs)
            {
                connections.Remove(connectionId);
            }

            cursors.Forget(userId);
            return theirs;
        }
    }

    /// <summary>Every connection in the session or at its door.</summary>
    public IReadOnlyList<string> Everyone()
    {
        lock (gate)
        {
            return [.. connections.Keys, .. knocks.Values.Select(k => k.ConnectionId)];
        }
    }

    /// <summary>The participants' connections, with the user each belongs to.</summary>
    public IReadOnlyList<(string ConnectionId, long UserId)> Members()
    {
        lock (gate)
        {
            return [.. connections.Select(c => (c.Key, c.Value))];
        }
    }

    /// <summary>Keeps the move for the session's next batch (see <see cref="CursorQueue{T}.Queue"/>).</summary>
    public TimeSpan? QueueCursor(CursorMove move, DateTimeOffset now)
    {
        lock (gate)
        {
            return cursors.Queue(move, now);
        }
    }

    /// <summary>The moves queued since the last batch, or null when none (see <see cref="CursorQueue{T}.Take"/>).</summary>
    public CursorBatch? TakeCursors(DateTimeOffset now, TimeSpan interval)
    {
        lock (gate)
        {
            return cursors.Take(now, interval) is var (sequence, moves) ? new CursorBatch(Id, sequence, moves) : null;
        }
    }

    private List<string> ConnectionsOf(long userId) =>
        [.. connections.Where(c => c.Value == userId).Select(c => c.Key)];
}
