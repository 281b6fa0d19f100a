using Widget.Core.Tags;
using Widget.Core.Text;
using Widget.Data.Moderation;

namespace Widget.Web.Moderation;

/// <summary>Takes visitors' reports of posts for the moderators of the tag they were seen in.</summary>
public sealed class ReportService(PostReports reports, DeskNudges desks)
{
    /// <summary>The reason's longest form: the widget's short choice and the visitor's own words after it.</summary>
    public const int MaxReasonLength = 300;

    public async Task<ModerationOutcome> ReportAsync(long reporterId, ReportRequest request, CancellationToken ct)
    {
        if (!Tag.TryParse(request.Tag, out var tag))
        {
            return new ModerationOutcome(ModerationStatus.Invalid, "That is not a valid channel name.");
        }

        var reason = UserText.Line(request.Reason ?? "");
        if (reason.Length > MaxReasonLength)
        {
            return new ModerationOutcome(ModerationStatus.Invalid, $"A reason can be at most {MaxReasonLength} characters long.");
        }

        if (!await reports.AddAsync(tag.Value.Value, request.PostId, reporterId, reason, ct))
        {
            return ModerationOutcome.NotFound("That post is no longer shown here.");
        }

        desks.Nudge([tag.Value.Value]);
        return ModerationOutcome.Ok("Thank you: the moderators will look at it.");
    }
}
