using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Widget.Web.Hosting;

public static class ForwardedHeadersServiceCollectionExtensions
{
    /// <summary>
    /// Behind nginx the node sees nginx's address and plain http; the forwarded headers give back the
    /// client's address and scheme. The Host header itself is passed through by the proxy unchanged.
    /// </summary>
    public static WebApplicationBuilder AddWidgetForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), $"{ProxyOptions.Section}:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)), $"{ProxyOptions.Section}:KnownNetworks must be CIDR networks.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // ASP.NET believes loopback by default, and with both lists empty it believes everyone. Anything
            // on the machine, or anyone at all, would then choose the client address the limits count and the
            // scheme: only listed proxies are believed, and with none listed the headers are not read.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardedHeaders = proxy.Value.KnownProxies.Length + proxy.Value.KnownNetworks.Length > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseWidgetForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
