namespace Widget.Web.Together;

/// <summary>
/// A place on the site a participant shares for "follow": a path from the site's root with its query and hash,
/// nothing else. Others' widgets may send their host page there, so anything that could leave the site or run
/// (another origin, a scheme such as <c>javascript:</c>, a protocol-relative <c>//host</c>, backslashes that
/// browsers read as slashes, control characters) is refused here, before it reaches anyone.
/// </summary>
public static class SitePlace
{
    public const int MaxLength = 512;

    private static readonly Uri Probe = new("https://place.invalid/");

    public static bool IsValid(string? place) =>
        place is { Length: > 0 and <= MaxLength }
        && place[0] == '/'
        && !place.StartsWith("//", StringComparison.Ordinal)
        && !place.Contains('\\', StringComparison.Ordinal)
        && !place.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && Uri.TryCreate(Probe, place, out var resolved)
        && resolved.Scheme == Probe.Scheme
        && resolved.Authority == Probe.Authority;
}
