using Microsoft.Extensions.Options;
using Widget.Web.Moderation;

namespace Widget.Web.Calls;

/// <summary>What a channel's moderators do to its call, from a widget's call hub or from the desk: the same check
/// either way. Whoever is taken out, or everyone when the call ends, has to be let in again where calls are by admission.</summary>
public sealed class CallModeration(
    ModeratorAccess access, ICallEvictions evictions, ICallDirectory directory, CallDoor door, IOptions<CallOptions> options)
{
    /// <summary>Takes one connection out of the tag's call, or, with <paramref name="connectionId"/> null, everyone.</summary>
    public async Task<ModerationOutcome> TakeOutAsync(long moderatorId, string tag, string? connectionId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (connectionId is null)
        {
            await door.ShutAllAsync(tag, ct);
            await evictions.EvictAsync(new CallEviction(tag, CallOutReason.Ended));
            return ModerationOutcome.Ok($"The call in #{tag} is ended.");
        }

        var roster = await directory.RosterAsync(tag, options.Value.MaxParticipants, ct);
        if (roster.Members.FirstOrDefault(m => m.ConnectionId == connectionId) is { } member)
        {
            await door.ShutAsync(tag, member.UserId, ct);
        }

        await evictions.EvictAsync(new CallEviction(tag, CallOutReason.Removed, ConnectionId: connectionId));
        return ModerationOutcome.Ok("Taken out of the call.");
    }
}
