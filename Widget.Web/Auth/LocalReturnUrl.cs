namespace Widget.Web.Auth;

/// <summary>
/// Where to go after signing in: only a path on this site, never an open redirect. Every return address
/// taken from a request goes through here, on the way in and again where the browser is sent to it.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>Where a sign-in ends when it was given no return address, or one that is refused.</summary>
    public const string Default = "/sites";

    /// <summary>
    /// The framework's local-URL rule (a leading <c>/</c>, not <c>//</c> or <c>/\</c>, no control characters),
    /// and stricter: browsers drop tabs and newlines anywhere in a URL and read a backslash as a slash, so
    /// <c>/\t/evil.example</c> is another host to them; and a <c>Location</c> header takes only ASCII, so anything
    /// else would fail the response. Our own links are percent-encoded, so they are visible ASCII throughout.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/') && url.All(IsAllowed);

    public static string OrDefault(string? url) => IsLocal(url) ? url! : Default;

    private static bool IsAllowed(char c) => c is > ' ' and < '\u007f' and not '\\';
}
