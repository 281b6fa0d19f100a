namespace Widget.Web.Hosting;

/// <summary>Where visitors reach the service, as they write it: never read from a request's Host header.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>The scheme, host and port visitors use, e.g. <c>https://chat.example.com</c>.</summary>
    public string? PublicOrigin { get; set; }

    /// <summary><see cref="PublicOrigin"/> parsed, or null while it is not set.</summary>
    public Uri? Origin => Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var origin) ? origin : null;
}
