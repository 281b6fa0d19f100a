using System.Globalization;

namespace Widget.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary directory, listening on 127.0.0.1 only and tuned
/// for speed: its data may be lost in a crash, and it is deleted afterwards anyway.
/// </summary>
internal sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string ReadyLine = "database system is ready to accept connections";
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string binDirectory;
    private readonly string root;
    private ChildProcess? server;

    private LocalPostgresCluster(string binDirectory, string root, int port)
    {
        this.binDirectory = binDirectory;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    // Matches what scripts/postgres.sh gives the development cluster, so text sorts the same way.
    private static string Locale => Directory.Exists("/usr/lib/locale/C.utf8") ? "C.UTF-8" : "C";

    private string DataDirectory => Path.Combine(root, "data");

    public static async Task<LocalPostgresCluster> CreateAsync(CancellationToken ct)
    {
        var binDirectory = FindBinDirectory();
        var cluster = new LocalPostgresCluster(binDirectory, Directory.CreateTempSubdirectory("widget-pg-").FullName, FreePort.Next());
        try
        {
            await cluster.InitializeAsync(ct);
            await cluster.StartAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        if (server is not null)
        {
            throw new InvalidOperationException("The cluster is already running.");
        }

        var port = Port.ToString(CultureInfo.InvariantCulture);
        var starting = ChildProcess.Start(AsOwner(
            "postgres", "-D", DataDirectory, "-p", port,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"unix_socket_directories={root}",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            // Tests run in parallel and some open a hundred connections at once on purpose.
            "-c", "max_connections=400"));
        try
        {
            await starting.WaitForLineAsync(line => line.Contains(ReadyLine, StringComparison.Ordinal), StartTimeout, ct);
        }
        catch
        {
            await starting.DisposeAsync();
            throw;
        }

        server = starting;
    }

    /// <summary>Shuts the server down the way an operator would, keeping its data for a later start.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        if (server is null)
        {
            return;
        }

        await ChildProcess.RunAsync(AsOwner("pg_ctl", "-D", DataDirectory, "stop", "-m", "fast", "-w"), ToolTimeout, ct);
        await server.WaitForExitAsync(ct);
        await server.DisposeAsync();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string FindBinDirectory()
    {
        var newest = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Where(version => File.Exists(Path.Combine(version, "bin", "initdb")))
                .MaxBy(version => int.TryParse(Path.GetFileName(version), CultureInfo.InvariantCulture, out var major) ? major : 0)
            : null;
        return newest is null
            ? throw new InvalidOperationException(
                $"No PostgreSQL server under {BinariesRoot}: install the postgresql package, or set {PostgresServer.ExternalServerVariable}.")
            : Path.Combine(newest, "bin");
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (Environment.IsPrivilegedProcess)
        {
            await ChildProcess.RunAsync(new CommandLine("chown", ["postgres:", root]), ToolTimeout, ct);
        }

        await ChildProcess.RunAsync(
            AsOwner("initdb", "-D", DataDirectory, "--auth=trust", "-U", "postgres", "--encoding=UTF8", $"--locale={Locale}", "--no-sync"),
            ToolTimeout,
            ct);
    }

    // Postgres refuses to run as root, so a root test host runs it as the postgres user, which owns
    // the temporary directory and can reach it because the system temp directory is world-searchable.
    private CommandLine AsOwner(string tool, params string[] arguments)
    {
        var path = Path.Combine(binDirectory, tool);
        var command = Environment.IsPrivilegedProcess
            ? new CommandLine("runuser", ["-u", "postgres", "--", path, .. arguments])
            : new CommandLine(path, arguments);
        return command with { WorkingDirectory = root };
    }
}
