using Widget.Core.Presence;

namespace Widget.Web.Presence;

/// <summary>Gathers one channel's changes between pushes; a leave and a rejoin in one interval cancel out.</summary>
internal sealed class PresenceDiffBuilder(string tag)
{
    private readonly Dictionary<long, PresentUser> joined = [];
    private readonly HashSet<long> left = [];
    private int count;

    public void Add(PresenceChange change)
    {
        if (change.Joined is { } user && !left.Remove(user.Id))
        {
            joined[user.Id] = user;
        }

        if (change.Left is { } id && !joined.Remove(id))
        {
            left.Add(id);
        }

        count = change.Count;
    }

    public PresenceDiff Build() => new(tag, [.. joined.Values], [.. left], count);
}
