using System.Globalization;

namespace Widget.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> on a free loopback port, without persistence. Stopping kills it by
/// PID; starting again reuses the port, as a restarted Redis would. Disposing stops it on every path.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string ReadyLine = "Ready to accept connections";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string directory;
    private ChildProcess? server;

    private RedisServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    public int? Pid => server?.Pid;

    public static async Task<RedisServer> StartAsync(CancellationToken ct)
    {
        var redis = new RedisServer(Directory.CreateTempSubdirectory("widget-redis-").FullName, FreePort.Next());
        try
        {
            await redis.StartAgainAsync(ct);
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public async Task StartAgainAsync(CancellationToken ct)
    {
        if (server is not null)
        {
            throw new InvalidOperationException("Redis is already running.");
        }

        var starting = ChildProcess.Start(new CommandLine("redis-server",
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no",
        ])
        { WorkingDirectory = directory });
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

    /// <summary>Kills the server (SIGKILL), as a crash or a lost network would look to its clients.</summary>
    public async Task StopAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
