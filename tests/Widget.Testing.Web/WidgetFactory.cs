using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Widget.Testing;

/// <summary>The real service on Kestrel at a loopback port, so WebSockets, cookies and redirects are the real ones.</summary>
public sealed class WidgetFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;

    public WidgetFactory(int port, IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
