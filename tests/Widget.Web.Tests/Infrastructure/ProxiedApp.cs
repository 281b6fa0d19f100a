namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A service of its own behind a proxy on this machine that ends TLS: it believes 127.0.0.1's forwarded
/// headers, as a deployment lists its load balancer. The shared service lists no proxy.
/// </summary>
public sealed class ProxiedApp : IAsyncLifetime
{
    public WidgetApp App { get; } = WidgetApp.With(new Dictionary<string, string>
    {
        ["Proxy:KnownProxies:0"] = "127.0.0.1",
    });

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
