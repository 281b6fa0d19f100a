using Widget.Core.Tags;
using Widget.Data.Sites;
using Widget.Web.Moderation;

namespace Widget.Web.Sites;

/// <summary>
/// An administrator gives a channel a new owner: one that others have posted in, which nobody may claim, or
/// one whose claim was wrong. The desk and the HTTP API both come through here.
/// </summary>
public sealed class ChannelHandover(ModeratorAccess access, SiteHandovers handovers)
{
    public async Task<ModerationOutcome> HandOverAsync(long administratorId, Tag tag, long newOwnerId, CancellationToken ct)
    {
        if (!access.IsAdministrator(administratorId))
        {
            return new ModerationOutcome(ModerationStatus.Forbidden, "Only an administrator can hand a channel to a new owner.");
        }

        return await handovers.HandOverAsync(tag, newOwnerId, administratorId, ct) is { } handover
            ? ModerationOutcome.Ok($"#{tag.Value} now belongs to {handover.NewOwnerName} ({newOwnerId}).")
            : ModerationOutcome.NotFound($"There is no user {newOwnerId}.");
    }
}
