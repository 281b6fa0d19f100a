using System.Globalization;
using System.Text.RegularExpressions;

namespace Widget.Core.Moderation;

/// <summary>
/// A ban's terms as its audit log line keeps them: the message the banned user read, marked when the ban was
/// a shadow one. Written and read here only, so the desk can tell the terms back as a sentence.
/// </summary>
public static partial class BanLogDetail
{
    private const string ShadowMark = "shadow: ";

    public static string Write(string tag, DateTimeOffset? until, string reason, bool shadow) =>
        (shadow ? ShadowMark : "") + BanMessages.Describe(tag, until, reason);

    /// <summary>The terms in a detail <see cref="Write"/> made; false for any other text.</summary>
    public static bool TryRead(string detail, out DateTimeOffset? until, out string reason, out bool shadow)
    {
        var match = Format().Match(detail);
        (until, reason, shadow) = (null, "", false);
        if (!match.Success)
        {
            return false;
        }

        shadow = match.Groups["shadow"].Success;
        reason = match.Groups["reason"].Value;
        if (match.Groups["until"].Success)
        {
            until = DateTimeOffset.ParseExact(
                match.Groups["until"].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        return true;
    }

    [GeneratedRegex(@"^(?<shadow>shadow: )?You are banned from #\S+ (?:until (?<until>\d{4}-\d\d-\d\d \d\d:\d\d) UTC|for good)\.(?: Reason: (?<reason>.*))?$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Format();
}
