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
    public static string Group(long userId, WidgetLanguage language) => $"u:{userId}:{Languages.Code(language)}";

    public static Task ToUser(IHubClients<ILiveClient> clients, long userId, Func<ILiveClient, WidgetLanguage, Task> send) =>
        Task.WhenAll(Languages.All.Select(language => send(clients.Group(Group(userId, language)), language)));
}
