using Widget.Core.Moderation;
using Widget.Core.Text;
using Widget.Data.Moderation;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>The moderators' side of premoderation: the channel's setting, and deciding on held posts.</summary>
public sealed class PremoderationService(
    ModeratorAccess access,
    ChannelRulesStore rules,
    HeldPosts held,
    HeldPostApprover approver,
    LiveFeed live,
    HeldPostFeed heldFeed,
    DeskNudges desks,
    TimeProvider time)
{
    public async Task<ModerationOutcome> SetModeAsync(long moderatorId, string tag, PremoderationMode mode, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        if (!Enum.IsDefined(mode))
        {
            return new ModerationOutcome(ModerationStatus.Invalid, "Premoderation is off, first post, or every post.");
        }

        await rules.SetPremoderationAsync(tag, mode, moderatorId, ct);
        return ModerationOutcome.Ok(mode switch
        {
            PremoderationMode.FirstPost => "A new user's first post here waits for approval.",
            PremoderationMode.EveryPost => "Every post here waits for approval.",
            _ => "Premoderation is off.",
        });
    }

    /// <summary>Gives the held post its seqs now, and sends it to every viewer as a new post.</summary>
    public async Task<ModerationOutcome> ApproveAsync(long moderatorId, string tag, long heldId, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        var approval = await approver.ApproveAsync(tag, heldId, moderatorId, time.GetUtcNow(), ct);
        desks.Nudge([tag]);
        switch (approval.Status)
        {
            case ApprovalStatus.Approved:
                await live.PublishAsync(approval.Stored!);
                return ModerationOutcome.Ok($"Post {heldId} is approved and shown.");
            case ApprovalStatus.PostedAlready:
                return ModerationOutcome.Ok($"Post {heldId} had been posted already; the waiting copy is gone.");
            default:
                return ModerationOutcome.NotFound($"Post {heldId} is not waiting for approval in #{tag}.");
        }
    }

    /// <summary>Turns the held post down; its author's widgets drop it and show <paramref name="reason"/>.</summary>
    public async Task<ModerationOutcome> RejectAsync(long moderatorId, string tag, long heldId, string? reason, CancellationToken ct)
    {
        if (!await access.CanModerateAsync(tag, moderatorId, ct))
        {
            return ModerationOutcome.NotAllowed(tag);
        }

        var why = UserText.Line(reason ?? "");
        if (why.Length > PremoderationMessages.RejectReasonMaxLength)
        {
            return new ModerationOutcome(ModerationStatus.Invalid,
                $"A reason can be at most {PremoderationMessages.RejectReasonMaxLength} characters long.");
        }

        var rejected = await held.RejectAsync(tag, heldId, moderatorId, why, time.GetUtcNow(), ct);
        if (rejected is null)
        {
            return ModerationOutcome.NotFound($"Post {heldId} is not waiting for approval in #{tag}.");
        }

        desks.Nudge([tag]);
        await heldFeed.RejectedAsync(rejected, ct);
        return ModerationOutcome.Ok($"Post {heldId} is turned down.");
    }
}
