using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Widget.Testing;

/// <summary>The real service on Kestrel at a loopback port, so WebSockets, cookies and redirects are the real ones.</summary>
public sealed class WidgetFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly ILoggerProvider? logs;

    /// <param name="logs">Also receives the service's logs, from its first line on.</param>
    public WidgetFactory(int port, IReadOnlyDictionary<string, string> settings, ILoggerProvider? logs = null)
    {
        this.settings = settings;
        this.logs = logs;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
