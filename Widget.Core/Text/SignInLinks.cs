namespace Widget.Core.Text;

/// <summary>
/// Links into the service's own sign-in and account pages. A post never offers one as something to
/// click: a planted link to the sign-in popup was once a one-click account takeover, and whatever those
/// paths do next deserves the same distance from a chat. Other sites' pages of the same name are theirs.
/// </summary>
public static class SignInLinks
{
    private static readonly string[] Paths = ["/auth/", "/account/", "/signin-oidc"];

    /// <summary>
    /// True when <paramref name="url"/> points into those pages on <paramref name="ownHost"/>, on any port;
    /// on any host while the service does not know its own.
    /// </summary>
    public static bool Targets(string url, string? ownHost)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (ownHost is not null && !string.Equals(uri.IdnHost, ownHost, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Routing ignores case, and a browser resolves escapes and extra slashes before we would.
        var path = "/" + Uri.UnescapeDataString(uri.AbsolutePath).TrimStart('/', '\\');
        return Array.Exists(Paths, prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
