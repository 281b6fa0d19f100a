namespace Widget.Web.Hosting;

/// <summary>Where visitors reach the service, as they write it: never read from a request's Host header.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// The scheme, host and port visitors use, e.g. <c>https://chat.example.com</c>. Required outside
    /// Development; there, when unset, the first address the server listens on stands in.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary>Send Strict-Transport-Security on https responses (behind a proxy: X-Forwarded-Proto https from a known proxy).</summary>
    public bool Hsts { get; set; } = true;

    /// <summary>How long a browser keeps to https once told.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// <see cref="PublicOrigin"/> parsed, or null while it is unset or not an origin: http or https, a host,
    /// maybe a port, and nothing after it, so a path or credentials cannot slip into every link built on it.
    /// </summary>
    public Uri? Origin =>
        Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var origin)
        && (origin.Scheme == Uri.UriSchemeHttps || origin.Scheme == Uri.UriSchemeHttp)
        && origin.Host.Length > 0 && origin.UserInfo.Length == 0
        && origin.AbsolutePath == "/" && origin.Query.Length == 0 && origin.Fragment.Length == 0
            ? new Uri(origin.GetLeftPart(UriPartial.Authority))
            : null;

    public bool HasPublicOrigin => !string.IsNullOrWhiteSpace(PublicOrigin);
}
