using Widget.Testing;

namespace Widget.Web.Tests.Presence;

/// <summary>A real redis-server for the presence tests, killed by PID when they are done.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Server = await RedisServer.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
