using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Widget.Web.Auth;

namespace Widget.Web.Moderation;

/// <summary>
/// Names a hub connection by the signed-in user, so <c>Clients.User(id)</c> reaches all of that user's
/// connections. SignalR keeps this registry itself and, with a backplane, across nodes, which a
/// per-node dictionary like <see cref="SessionConnections"/> would not.
/// </summary>
public sealed class UserIds : IUserIdProvider
{
    public static string Of(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    public string? GetUserId(HubConnectionContext connection) =>
        connection.User.ToPostAuthor() is { } author ? Of(author.UserId) : null;
}
