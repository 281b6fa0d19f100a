using System.Security.Cryptography;

namespace Widget.Web.Calls;

/// <summary>
/// The call room of a direct call: the channel's tag, a slash, and 128 random bits. No tag holds a slash, so no one
/// can join or watch it as a channel's call; the tag before it says whose bans and settings hold in it.
/// </summary>
public static class DirectRoom
{
    /// <summary>Two people: the caller and the one who answered.</summary>
    public const int Max = 2;

    private const char Separator = '/';

    public static string New(string tag) => tag + Separator + RandomId();

    /// <summary>An unguessable id, for rings and rooms alike.</summary>
    public static string RandomId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsDirect(string room) => room.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The channel a call room belongs to: itself for a channel's own call.</summary>
    public static string ChannelOf(string room) => room.Split(Separator)[0];
}
