using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Widget.Cluster.Tests.Infrastructure;
using Widget.Testing;
using Widget.Web.Auth;

namespace Widget.CallBench;

/// <summary>Postgres, redis-server, the development OpenID provider and two service nodes, on loopback, stopped by PID.</summary>
internal sealed partial class CallCluster : IAsyncDisposable
{
    private WidgetDatabases? databases;
    private RedisServer? redis;
    private OidcProvider? oidc;
    private string connectionString = "";

    public WidgetNode A { get; private set; } = default!;

    public WidgetNode B { get; private set; } = default!;

    /// <summary>Where browsers open the widget and sign in: node A, by the name its sign-in redirects to.</summary>
    public Uri PublicOrigin { get; private set; } = default!;

    public static async Task<CallCluster> StartAsync(CancellationToken ct)
    {
        var cluster = new CallCluster();
        try
        {
            await cluster.StartPartsAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new channel whose site allows signed-in visitors to call.</summary>
    public async Task<string> NewCallChannelAsync(CancellationToken ct)
    {
        var tag = "bench" + Guid.NewGuid().ToString("N")[..10];
        var owner = await TokenAsync(ct);
        using var api = new HttpClient { BaseAddress = A.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", owner);
        using (var claim = await api.PostAsync($"/api/tags/{tag}/site", null, ct))
        {
            claim.EnsureSuccessStatusCode();
        }

        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var command = data.CreateCommand("UPDATE sites SET settings = jsonb_set(settings, '{calls}', '\"SignedIn\"') WHERE tag = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tag });
        await command.ExecuteNonQueryAsync(ct);
        return tag;
    }

    /// <summary>Signs a new user in as the widget's popup would, over HTTP, and returns a bearer token.</summary>
    public async Task<string> TokenAsync(CancellationToken ct)
    {
        var verifier = PopupSignIn.NewVerifier();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = PublicOrigin,
        };
        var login = "bench" + Guid.NewGuid().ToString("N")[..10];
        using var page = await PopupSignIn.RunAsync(browser, PublicOrigin, OidcProvider.SettingsName, verifier, login, ct);
        var code = CodeAttribute().Match(await page.Content.ReadAsStringAsync(ct));
        if (!code.Success)
        {
            throw new InvalidOperationException($"The sign-in popup ended on {page.StatusCode} without a code.");
        }

        using var response = await browser.PostAsJsonAsync("/auth/token", new TokenRequest(verifier, code.Groups[1].Value), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(ct))!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { A, B, oidc, redis, databases })
        {
            try
            {
                await (part?.DisposeAsync() ?? ValueTask.CompletedTask);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
            {
                Console.Error.WriteLine($"Stopping a part failed: {e.Message}");
            }
        }
    }

    private async Task StartPartsAsync(CancellationToken ct)
    {
        var (portA, portB) = (FreePort.Next(), FreePort.Next());
        PublicOrigin = new Uri($"http://localhost:{portA.ToString(CultureInfo.InvariantCulture)}/");
        databases = await WidgetDatabases.StartAsync(ct);
        connectionString = await databases.CreateAsync(ct);
        redis = await RedisServer.StartAsync(ct);
        var origin = PublicOrigin.GetLeftPart(UriPartial.Authority);
        oidc = await OidcProvider.StartAsync(FreePort.Next(), [$"{origin}/signin-oidc/{OidcProvider.SettingsName}"], ct);
        var provider = OidcProvider.SettingsName;
        var environment = new Dictionary<string, string>
        {
            // Development only so that the nodes, run from their build output as the cluster tests run them, serve
            // the widget's script from the project (outside Development that takes a publish); nothing else reads it.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Widget"] = connectionString,
            ["ConnectionStrings__Redis"] = redis.Configuration,
            ["Hosting__PublicOrigin"] = origin,
            [$"Auth__Providers__{provider}__DisplayName"] = "Dev",
            [$"Auth__Providers__{provider}__Authority"] = oidc.Issuer,
            [$"Auth__Providers__{provider}__ClientId"] = oidc.ClientId,
            [$"Auth__Providers__{provider}__ClientSecret"] = oidc.ClientSecret,
            [$"Auth__Providers__{provider}__RequireHttpsMetadata"] = "false",
            // Every participant and the signalling clients come from 127.0.0.1.
            ["Realtime__MaxConnectionsPerAddress"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        A = new WidgetNode("A", portA, environment);
        B = new WidgetNode("B", portB, environment);
        await A.StartAsync(ct);
        await B.StartAsync(ct);
    }

    [GeneratedRegex("data-code=\"([A-Za-z0-9_-]+)\"")]
    private static partial Regex CodeAttribute();
}
