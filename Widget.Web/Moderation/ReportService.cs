using Widget.Core.Tags;
using Widget.Data.Moderation;

namespace Widget.Web.Moderation;

/// <summary>Takes visitors' reports of posts for the moderators of the tag they were seen in.</summary>
public sealed class ReportService(PostReports reports)
{
    public async Task<ModerationOutcome> ReportAsync(long reporterId, ReportRequest request, CancellationToken ct)
    {
        if (!Tag.TryParse(request.Tag, out var tag))
        {
            return new ModerationOutcome(ModerationStatus.Invalid, "That is not a valid channel name.");
        }

        return await reports.AddAsync(tag.Value.Value, request.PostId, reporterId, request.Reason ?? "", ct)
            ? ModerationOutcome.Ok("Thank you: the moderators will look at it.")
            : ModerationOutcome.NotFound("That post is no longer shown here.");
    }
}
