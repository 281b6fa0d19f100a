using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Widget.Web.Hosting;

/// <summary>
/// Absolute addresses of our own pages, built on <see cref="HostingOptions.PublicOrigin"/>. A request's
/// Host header is the client's to choose: echoed into a canonical link, a feed or a redirect, it lets a
/// forged request (or a poisoned cache) point visitors at someone else's server.
/// </summary>
public sealed class PublicUrls(IOptions<HostingOptions> options, IServer server)
{
    private Uri? origin;

    /// <summary>The public origin, e.g. <c>https://chat.example.com/</c>.</summary>
    public Uri Origin => origin ??= options.Value.Origin ?? Listening();

    /// <summary>The origin as a browser writes it in an Origin header: no trailing slash.</summary>
    public string OriginText => Origin.GetLeftPart(UriPartial.Authority);

    /// <summary><paramref name="path"/>, which starts with a slash, under the public origin.</summary>
    public string Absolute(string path) => OriginText + path;

    /// <summary>Development without a configured origin (validation refuses it anywhere else).</summary>
    private Uri Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"Set {HostingOptions.Section}:PublicOrigin: the server reports no address to stand in for it.");
        var listening = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (listening.Host is "0.0.0.0" or "[::]" or "::")
        {
            listening.Host = "localhost";
        }

        return new Uri(listening.Uri.GetLeftPart(UriPartial.Authority));
    }
}
