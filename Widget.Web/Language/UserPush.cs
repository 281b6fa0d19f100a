using Microsoft.AspNetCore.SignalR;
using Widget.Core.Sites;
using Widget.Web.Realtime;

namespace Widget.Web.Language;

/// <summary>
/// Pushes to every open widget of a user, each in its own language: one user may have a Russian and an English
/// site open. Every signed-in connection is in its user's group for its language (see <see cref="LiveHub"/>).
/// </summary>
public static class UserPush
{
    private const string Prefix = "u:";

    public static string Group(long userId, WidgetLanguage language) => $"{Prefix}{userId}:{Languages.Code(language)}";

    /// <summary>Whose group and which language <paramref name="group"/> is, with the user as SignalR knows them; null for any other group.</summary>
    public static (string UserId, WidgetLanguage Language)? Recipient(string group)
    {
        var colon = group.LastIndexOf(':');
        return group.StartsWith(Prefix, StringComparison.Ordinal) && colon > Prefix.Length
            ? (group[Prefix.Length..colon], Languages.Parse(group[(colon + 1)..]))
            : null;
    }

    public static Task ToUser(IHubClients<ILiveClient> clients, long userId, Func<ILiveClient, WidgetLanguage, Task> send) =>
        Task.WhenAll(Languages.All.Select(language => send(clients.Group(Group(userId, language)), language)));
}
