namespace Widget.Web.Together;

/// <summary>
/// What a co-browsing session is, wherever it is kept (<see cref="ITogetherStore"/>): who is in it (by user, so a
/// reload or a second tab stays in), which connections they hold on any node, who is at the door, and where each
/// last said they are. Changed only inside <see cref="ITogetherStore.ChangeAsync{T}"/>, which makes each change
/// atomic: under a lock on one node, as a compare-and-swap in Redis. Cursors are not here: each node batches its own.
/// </summary>
public sealed class SessionState
{
    // Told apart by more than hue alone: each is dark enough for white text on it.
    private static readonly string[] Palette = ["#c2185b", "#1565c0", "#2e7d32", "#6a1b9a", "#ad4700", "#00695c", "#283593", "#795548"];

    public required string Id { get; init; }

    public required string Tag { get; init; }

    public required long CreatorId { get; init; }

    public List<Participant> Participants { get; init; } = [];

    /// <summary>Each connection in the session, on whichever node, with the participant it belongs to.</summary>
    public Dictionary<string, long> Connections { get; init; } = [];

    public List<WaitingKnock> Knocks { get; init; } = [];

    public Dictionary<long, string> Places { get; init; } = [];

    public int JoinedCount { get; set; } = 1;

    public DateTimeOffset? EmptySince { get; set; }

    public static string FirstColor => Palette[0];

    /// <summary>A colour of the palette chosen by a number, for pods, which have no order of joining.</summary>
    public static string ColorFor(long number) => Palette[(int)Math.Abs(number % Palette.Length)];

    public static SessionState Start(string id, string tag, Participant creator, string connectionId) => new()
    {
        Id = id,
        Tag = tag,
        CreatorId = creator.UserId,
        Participants = [creator with { Color = FirstColor }],
        Connections = new() { [connectionId] = creator.UserId },
    };

    public SessionView View() => new(Id, Tag, CreatorId, [.. Participants]);

    /// <summary>Whether the session has stood empty for longer than <paramref name="timeout"/>.</summary>
    public bool IsAbandoned(DateTimeOffset now, TimeSpan timeout) => EmptySince is { } since && now - since > timeout;

    public bool IsParticipant(long userId) => Participants.Exists(p => p.UserId == userId);

    /// <summary>The participant the connection belongs to, or null when it is not in the session.</summary>
    public long? MemberOf(string connectionId) => Connections.TryGetValue(connectionId, out var userId) ? userId : null;

    /// <summary>Adds a participant's connection; false when the user is no participant.</summary>
    public bool Attach(string connectionId, long userId)
    {
        if (!IsParticipant(userId))
        {
            return false;
        }

        Connections[connectionId] = userId;
        EmptySince = null;
        return true;
    }

    /// <summary>Forgets a closed connection, and its knock if it was at the door.</summary>
    public void Detach(string connectionId, DateTimeOffset now)
    {
        Connections.Remove(connectionId);
        Knocks.RemoveAll(k => k.ConnectionId == connectionId);
        if (Connections.Count == 0)
        {
            EmptySince ??= now;
        }
    }

    /// <summary>Puts the knock at the door (a newer knock by the same user replaces theirs) and returns the creator's connections.</summary>
    public IReadOnlyList<string> AddKnock(Knock knock, string connectionId)
    {
        Knocks.RemoveAll(k => k.Knock.UserId == knock.UserId);
        Knocks.Add(new WaitingKnock(knock, connectionId));
        return ConnectionsOf(CreatorId);
    }

    /// <summary>Lets the knocker in; null when nobody of that id knocks, <c>Full</c> when there is no room.</summary>
    public (string? ConnectionId, bool Full) Admit(long userId, int maxParticipants)
    {
        if (Knocks.Find(k => k.Knock.UserId == userId) is not { } knock)
        {
            return (null, false);
        }

        if (Participants.Count >= maxParticipants)
        {
            return (null, true);
        }

        Knocks.Remove(knock);
        Participants.Add(new Participant(userId, knock.Knock.Name, Palette[JoinedCount++ % Palette.Length]));
        Connections[knock.ConnectionId] = userId;
        EmptySince = null;
        return (knock.ConnectionId, false);
    }

    /// <summary>Turns the knocker away; returns their connection, or null when nobody of that id knocks.</summary>
    public string? Decline(long userId)
    {
        var knock = Knocks.Find(k => k.Knock.UserId == userId);
        return knock is not null && Knocks.Remove(knock) ? knock.ConnectionId : null;
    }

    /// <summary>Takes a participant out; returns the connections they had in the session.</summary>
    public IReadOnlyList<string> Remove(long userId)
    {
        var theirs = ConnectionsOf(userId);
        Participants.RemoveAll(p => p.UserId == userId);
        Places.Remove(userId);
        foreach (var connectionId in theirs)
        {
            Connections.Remove(connectionId);
        }

        return theirs;
    }

    public List<string> ConnectionsOf(long userId) => [.. Connections.Where(c => c.Value == userId).Select(c => c.Key)];

    /// <summary>The places of the participants other than <paramref name="userId"/>.</summary>
    public IReadOnlyList<PlaceView> OtherPlaces(long userId) =>
        [.. Participants
            .Where(p => p.UserId != userId && Places.ContainsKey(p.UserId))
            .Select(p => new PlaceView(Id, p.UserId, Places[p.UserId]))];
}

/// <summary>A knock at the door and the connection it came from, which is told the answer.</summary>
public sealed record WaitingKnock(Knock Knock, string ConnectionId);
