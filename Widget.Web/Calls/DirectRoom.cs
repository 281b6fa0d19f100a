using System.Security.Cryptography;

namespace Widget.Web.Calls;

/// <summary>
/// A call room of its own under a channel: the channel's tag, a slash, and a key. A direct call's key is 128 random
/// bits; a browsing session's call has its own (<see cref="SessionRoom"/>). No tag holds a slash, so no one can join
/// or watch such a room as a channel's call; the tag before it says whose bans and settings hold in it.
/// </summary>
public static class DirectRoom
{
    /// <summary>Two people: the caller and the one who answered.</summary>
    public const int Max = 2;

    private const char Separator = '/';

    public static string New(string tag) => Under(tag, RandomId());

    public static string Under(string tag, string key) => tag + Separator + key;

    /// <summary>An unguessable id, for rings and rooms alike.</summary>
    public static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsDirect(string room) => room.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The channel a call room belongs to: itself for a channel's own call.</summary>
    public static string ChannelOf(string room) => room.Split(Separator)[0];

    /// <summary>What follows the channel in a room of its own; null for a channel's own call.</summary>
    public static string? KeyOf(string room) => room.IndexOf(Separator, StringComparison.Ordinal) is var at and >= 0 ? room[(at + 1)..] : null;
}
