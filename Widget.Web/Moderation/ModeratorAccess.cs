using Microsoft.Extensions.Options;
using Widget.Data.Moderation;

namespace Widget.Web.Moderation;

/// <summary>Decides who may moderate a tag: global administrators, its owner, and the owner's moderators.</summary>
public sealed class ModeratorAccess(ChannelRoles roles, IOptions<ModerationOptions> options)
{
    public bool IsAdministrator(long userId) => options.Value.Administrators.Contains(userId);

    public async Task<bool> CanModerateAsync(string tag, long userId, CancellationToken ct) =>
        IsAdministrator(userId) || await roles.IsModeratorAsync(tag, userId, ct);

    /// <summary>Appointing moderators is the owner's (or an administrator's) right, not a moderator's.</summary>
    public async Task<bool> CanAppointAsync(string tag, long userId, CancellationToken ct) =>
        IsAdministrator(userId) || await roles.IsOwnerAsync(tag, userId, ct);
}
