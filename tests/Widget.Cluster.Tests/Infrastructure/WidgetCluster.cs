using Widget.Testing;

[assembly: AssemblyFixture(typeof(Widget.Cluster.Tests.Infrastructure.WidgetCluster))]
// The tests stop and start shared parts (a node, Redis, Postgres): one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>
/// The cluster as docker-compose.yml describes it, from this machine's own processes: Postgres,
/// redis-server, the development OpenID provider, two service nodes and nginx in front, all on
/// loopback and all stopped by PID. A test that takes a part down brings it back before it ends.
/// </summary>
public sealed class WidgetCluster : IAsyncLifetime
{
    public const string Provider = OidcProvider.SettingsName;

    private WidgetDatabases? databases;
    private OidcProvider? oidc;

    public RedisServer Redis { get; private set; } = default!;

    public PostgresServer Postgres => databases!.Server;

    public WidgetNode A { get; private set; } = default!;

    public WidgetNode B { get; private set; } = default!;

    public NginxBalancer Balancer { get; private set; } = default!;

    public IReadOnlyList<WidgetNode> Nodes => [A, B];

    /// <summary>The database every node uses, for a test that arranges rows the service has no API for.</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>What the nodes are started with; a test starting a node of its own adds to it.</summary>
    public IReadOnlyDictionary<string, string> NodeEnvironment { get; private set; } = new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var balancerPort = FreePort.Next();
        var publicOrigin = $"http://localhost:{balancerPort}";
        databases = await WidgetDatabases.StartAsync(ct);
        var connectionString = await databases.CreateAsync(ct);
        DatabaseConnectionString = connectionString;
        Redis = await RedisServer.StartAsync(ct);
        oidc = await OidcProvider.StartAsync(FreePort.Next(), [$"{publicOrigin}/signin-oidc/{Provider}"], ct);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Widget"] = connectionString,
            ["ConnectionStrings__Redis"] = Redis.Configuration,
            ["Hosting__PublicOrigin"] = publicOrigin,
            // nginx, in front of the nodes on this machine; loopback is believed only when listed.
            ["Proxy__KnownProxies__0"] = "127.0.0.1",
            [$"Auth__Providers__{Provider}__DisplayName"] = "Dev",
            [$"Auth__Providers__{Provider}__Authority"] = oidc.Issuer,
            [$"Auth__Providers__{Provider}__ClientId"] = oidc.ClientId,
            [$"Auth__Providers__{Provider}__ClientSecret"] = oidc.ClientSecret,
            [$"Auth__Providers__{Provider}__RequireHttpsMetadata"] = "false",
            ["Posting__RateLimitBurst"] = "1000",
            // Every viewer of every test comes from 127.0.0.1; the limit itself is tested on nodes of its own.
            ["Realtime__MaxConnectionsPerAddress"] = "100000",
            // Every test signs its users in from 127.0.0.1 too; a whole run starts more popups a minute than a visitor would.
            ["Auth__PopupStartsPerMinute"] = "1000",
            // A cap the cap test fills with a handful of connections.
            ["Calls__MaxParticipants"] = "4",
            // A browsing session full with its creator and one guest, so the cap test needs no third sign-in to admit.
            ["Together__MaxParticipants"] = "2",
            // A session everyone left ends within a test's patience.
            ["Together__EmptySessionTimeout"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        NodeEnvironment = environment;
        A = new WidgetNode("A", FreePort.Next(), environment);
        B = new WidgetNode("B", FreePort.Next(), environment);
        // One after the other: both would migrate the fresh copy, and the second would only wait on the lock.
        await A.StartAsync(ct);
        await B.StartAsync(ct);
        Balancer = await NginxBalancer.StartAsync(balancerPort, [A.Port, B.Port], ct);
    }

    public WidgetNode NodeAt(int port) => Nodes.Single(n => n.Port == port);

    public async ValueTask DisposeAsync()
    {
        // Each part is stopped whatever happened to the others.
        await SafelyAsync(() => Balancer?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => A?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => B?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => oidc?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => Redis?.DisposeAsync() ?? ValueTask.CompletedTask);
        await SafelyAsync(() => databases?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    private static async Task SafelyAsync(Func<ValueTask> stop)
    {
        try
        {
            await stop();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or TimeoutException)
        {
            // The others still have to stop; the orphan guard is the last resort.
        }
    }
}
