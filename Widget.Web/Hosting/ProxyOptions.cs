namespace Widget.Web.Hosting;

/// <summary>
/// The load balancers whose X-Forwarded-For and X-Forwarded-Proto headers a node believes. Only these:
/// a header from anyone else could fake a client address (the rate limits) or a scheme (the hub's
/// Origin check, Secure cookies, Strict-Transport-Security). Loopback is no exception: a proxy on the same
/// machine is listed like any other, e.g. <c>127.0.0.1</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>172.16.0.0/12</c> for a compose network.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
