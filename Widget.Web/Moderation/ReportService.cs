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
            return ModerationOutcome.Visitor(ModerationStatus.Invalid, Notice.Of("Channel.Invalid"));
        }

        var reason = UserText.Line(request.Reason ?? "");
        if (reason.Length > MaxReasonLength)
        {
            return ModerationOutcome.Visitor(ModerationStatus.Invalid, Notice.Plural("Report.TooLong", MaxReasonLength));
        }

        if (!await reports.AddAsync(tag.Value.Value, request.PostId, reporterId, reason, ct))
        {
            return ModerationOutcome.Visitor(ModerationStatus.NotFound, Notice.Of("Report.Gone"));
        }

        desks.Nudge([tag.Value.Value]);
        return ModerationOutcome.Visitor(ModerationStatus.Done, Notice.Of("Report.Thanks"));
    }
}
