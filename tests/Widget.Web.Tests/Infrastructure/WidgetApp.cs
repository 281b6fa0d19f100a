using System.Globalization;
using Widget.Testing;

[assembly: AssemblyFixture(typeof(Widget.Web.Tests.Infrastructure.WidgetApp))]

namespace Widget.Web.Tests.Infrastructure;

/// <summary>One running service for the test assembly; tests keep apart by using their own tags and users.</summary>
public sealed class WidgetApp : IAsyncLifetime
{
    public const string Provider = WidgetService.Provider;

    /// <summary>Small, so a test can overflow it with a handful of posts.</summary>
    public const int CatchUpLimit = 10;

    public const int RateLimitBurst = 5;

    /// <summary>Short, so leave tests wait briefly; long enough that a reload fits inside it.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(1.5);

    /// <summary>Short, so a test sees a desk notice another node's change quickly.</summary>
    public static readonly TimeSpan DeskCheckInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>No TURN server listens here: the hub tests check only the credentials the service mints for it.</summary>
    public const string TurnUrl = "turn:127.0.0.1:3478";

    public const string TurnSecret = "test-turn-secret";

    private IReadOnlyDictionary<string, string> overrides = new Dictionary<string, string>();
    private LogSink? logs;
    private WidgetService? service;

    /// <summary>A service of its own, for a test that needs limits the shared one must keep; start it with <see cref="InitializeAsync"/>.</summary>
    /// <param name="logs">Keeps what the service logs, from its start on.</param>
    public static WidgetApp With(IReadOnlyDictionary<string, string> overrides, LogSink? logs = null) =>
        new() { overrides = overrides, logs = logs };

    public Uri BaseAddress => Service.BaseAddress;

    public string ConnectionString => Service.ConnectionString;

    public IServiceProvider Services => Service.Services;

    private WidgetService Service => service ?? throw new InvalidOperationException("The service has not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Realtime:CatchUpLimit"] = CatchUpLimit.ToString(CultureInfo.InvariantCulture),
            ["Posting:RateLimitBurst"] = RateLimitBurst.ToString(CultureInfo.InvariantCulture),
            ["Posting:RateLimitPeriod"] = "00:01:00",
            // Over plain http only when asked; a CookieContainer keeps it but never sends it back
            // over http, so the tests that need it send it themselves.
            ["Auth:CrossSiteCookie"] = "true",
            ["Presence:GracePeriod"] = GracePeriod.ToString(),
            ["Presence:FlushInterval"] = "00:00:00.100",
            ["Presence:TypingThrottle"] = "00:00:01",
            ["Moderation:DeskCheckInterval"] = DeskCheckInterval.ToString(),
            // Every test signs in from 127.0.0.1; the limit itself is tested on a service of its own.
            ["Auth:SignInRequestsPerMinute"] = "100000",
            ["Auth:PopupStartsPerMinute"] = "100000",
            ["Realtime:MaxConnectionsPerAddress"] = "100000",
            ["Calls:TurnUrls:0"] = TurnUrl,
            ["Calls:TurnSecret"] = TurnSecret,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        service = await WidgetService.StartAsync(settings, TestContext.Current.CancellationToken, logs);
    }

    public HttpClient CreateClient() => Service.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }
}
