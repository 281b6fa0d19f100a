using System.Globalization;
using Widget.Core.Posts;
using Widget.Core.Text;

namespace Widget.Core.Moderation;

/// <summary>The words a banned user reads, so the hub, the API and the widget say the same thing.</summary>
public static class BanMessages
{
    /// <summary>The ban as its user reads it; the end is an instant, shown on the reader's own clock.</summary>
    public static Notice Notice(string tag, DateTimeOffset? until, string reason)
    {
        var ban = until is { } end ? Text.Notice.Of("Ban.Until", tag, end) : Text.Notice.Of("Ban.ForGood", tag);
        return UserText.Line(reason) is { Length: > 0 } clean ? Text.Notice.Of("Ban.Because", ban, clean) : ban;
    }

    /// <summary>The moderation log's line, read by the channel's moderators.</summary>
    public static string Describe(string tag, DateTimeOffset? until, string reason)
    {
        var clean = UserText.Line(reason);
        var why = clean.Length == 0 ? "" : $" Reason: {clean}";
        return $"You are banned from #{tag} {Length(until)}.{why}";
    }

    /// <summary>"until 2026-12-01 09:00 UTC" or "for good", for the moderators' pages.</summary>
    public static string Length(DateTimeOffset? until) => until is { } end
        ? "until " + end.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : "for good";

    /// <summary>A refusal that says why and when posting may work again.</summary>
    public static PostRejection Rejection(string tag, DateTimeOffset? until, string reason, DateTimeOffset now) =>
        new(PostRejectionReason.Forbidden, Notice(tag, until, reason), until is { } end ? end - now : null);
}
