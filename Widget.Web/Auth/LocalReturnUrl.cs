namespace Widget.Web.Auth;

/// <summary>Where to go after signing in: only a path on this site, never an open redirect.</summary>
public static class LocalReturnUrl
{
    public static string Or(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : fallback;
}
