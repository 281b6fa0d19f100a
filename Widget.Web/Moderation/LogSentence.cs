using System.Globalization;
using System.Text.RegularExpressions;
using Widget.Core.Moderation;
using Widget.Data.Moderation;

namespace Widget.Web.Moderation;

/// <summary>
/// A log line told as a sentence, "Anna banned Boris for 1 day: spam.", in parts, so that every name is
/// rendered as a user (encoded, isolated, with its id) and never spliced into the words around it.
/// </summary>
public static partial class LogSentence
{
    public static IReadOnlyList<LogPart> Of(LogEntry e)
    {
        LogPart[] parts = e.Action switch
        {
            ModerationAction.Hide => [Words(" hid a post by "), Target(e), Words(" here.")],
            ModerationAction.Unhide => [Words(" showed a post by "), Target(e), Words(" here again.")],
            ModerationAction.Delete => [Words(" deleted a post by "), Target(e), Words(" everywhere.")],
            ModerationAction.Ban => Ban(e),
            ModerationAction.LiftBan => [Words(" lifted the ban on "), Target(e), Words(".")],
            ModerationAction.AppointModerator => [Words(" made "), Target(e), Words(" a moderator.")],
            ModerationAction.RemoveModerator => [Words(" removed "), Target(e), Words(" from the moderators.")],
            ModerationAction.Pin => e.TargetUserId is null ? [Words(" pinned a post.")] : [Words(" pinned a post by "), Target(e), Words(".")],
            ModerationAction.Unpin => [Words(" unpinned the pinned post.")],
            ModerationAction.SlowMode => [Words(SlowMode(e.Detail))],
            ModerationAction.BlockedWords => [Words(BlockedWords(e.Detail))],
            ModerationAction.Premoderation => [Words(Premoderation(e.Detail))],
            ModerationAction.Approve => [Words(" approved a post by "), Target(e), Words(".")],
            ModerationAction.Reject => [Words(" turned down a post by "), Target(e), .. Reason(e.Detail)],
            ModerationAction.HandOver => HandOver(e),
            _ => [Words(" changed something.")],
        };
        return [new LogPart(e.ModeratorName, e.ModeratorId, "log-moderator"), .. parts];
    }

    private static LogPart Words(string text) => new(text);

    // Users who deleted their account are gone with their name; their id stays in the log.
    private static LogPart Target(LogEntry e) => e.TargetUserId is { } id
        ? new LogPart(e.TargetUserName ?? "a deleted account", id, "log-target")
        : Words("someone");

    private static LogPart[] Reason(string reason) => reason.Length > 0 ? [Words(": "), new LogPart(reason, Class: "log-detail"), Words(".")] : [Words(".")];

    private static LogPart[] Ban(LogEntry e)
    {
        if (!BanLogDetail.TryRead(e.Detail, out var until, out var reason, out var shadow))
        {
            return [Words(" banned "), Target(e), .. Reason(e.Detail)];
        }

        return [Words(shadow ? " shadow-banned " : " banned "), Target(e), Words(" " + BanLength(e.At, until)), .. Reason(reason)];
    }

    // The log keeps when the ban ends, to the minute below; the length chosen is the whole minutes up from its start.
    private static string BanLength(DateTimeOffset at, DateTimeOffset? until)
    {
        if (until is not { } end)
        {
            return "for good";
        }

        var minutes = (long)Math.Ceiling((end - at).TotalMinutes);
        return minutes switch
        {
            <= 0 => "until " + end.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            _ when minutes % (24 * 60) == 0 => "for " + Count(minutes / (24 * 60), "day"),
            _ when minutes % 60 == 0 => "for " + Count(minutes / 60, "hour"),
            _ => "for " + Count(minutes, "minute"),
        };
    }

    private static string Count(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    // Stored as "off" or "30 s".
    private static string SlowMode(string detail) =>
        int.TryParse(detail.Split(' ')[0], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? $" set slow mode to one post every {seconds} s."
            : " turned slow mode off.";

    // Stored as "3 words".
    private static string BlockedWords(string detail) =>
        int.TryParse(detail.Split(' ')[0], CultureInfo.InvariantCulture, out var count) && count > 0
            ? $" set the blocked words: {Count(count, "word")}."
            : " cleared the blocked words.";

    // Stored as the mode's name.
    private static string Premoderation(string detail) =>
        Enum.TryParse<PremoderationMode>(detail, out var mode) ? mode switch
        {
            PremoderationMode.EveryPost => " set premoderation to every post.",
            PremoderationMode.FirstPost => " set premoderation to a new user's first post.",
            _ => " turned premoderation off.",
        } : " changed premoderation.";

    // The detail names the owner the channel was taken from as "Name (id)", if it had one.
    private static LogPart[] HandOver(LogEntry e)
    {
        var to = new[] { Target(e), Words(".") };
        if (e.Detail.Length == 0)
        {
            return [Words(" (administrator) handed the channel, which had no owner, to "), .. to];
        }

        var from = PreviousOwner().Match(e.Detail) is { Success: true } match
            ? new LogPart(match.Groups["name"].Value, long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture), "log-previous-owner")
            : new LogPart(e.Detail, Class: "log-detail");
        return [Words(" (administrator) handed the channel from "), from, Words(" to "), .. to];
    }

    [GeneratedRegex(@"^(?<name>.*) \((?<id>\d{1,18})\)$", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PreviousOwner();
}
