using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Widget.Web.Calls;
using Widget.Web.Together;

namespace Widget.Web.Tests.Together;

/// <summary>
/// A node applies a change of membership to its own connections. Whoever is taken out must hear of it only once this
/// node no longer lets them relay and has taken them out of the session's group: a guest who acts on hearing it (as a
/// widget on another node did) must be refused. And they hear it once, however often the node hears the change.
/// </summary>
public sealed class TogetherChangesTests : IAsyncDisposable
{
    private readonly TogetherConnections connections = new();
    private readonly ServiceProvider services;
    private readonly RecordingLifetimeManager recorder;
    private readonly TogetherChanges changes;

    public TogetherChangesTests()
    {
        recorder = new RecordingLifetimeManager(connections);
        services = new ServiceCollection().AddLogging().AddSignalR().Services
            .AddSingleton<HubLifetimeManager<TogetherHub>>(recorder)
            .BuildServiceProvider();
        var hub = services.GetRequiredService<IHubContext<TogetherHub, ITogetherClient>>();
        var options = Options.Create(new TogetherOptions());
        changes = new TogetherChanges(
            connections, new CursorRelay(hub, TimeProvider.System, options, NullLogger<CursorRelay>.Instance),
            new SessionLines(TimeProvider.System, options), new SessionCallWatchers(services.GetRequiredService<IHubContext<CallHub, ICallClient>>()),
            hub);
    }

    [Fact]
    public async Task ARemovedGuest_IsToldOnceForgottenAndOutOfTheGroup_AndOnlyOnce()
    {
        connections.Enter("anna", "s", 1);
        connections.Enter("boris", "s", 2);
        var removal = new SessionChange("s", "tag", 2, ["boris"], Tell: true);

        await changes.ApplyAsync(removal);
        await changes.ApplyAsync(removal);

        Assert.Equal(["out of together:s: boris, a member: no", "Removed to boris, a member: no"], recorder.Seen);
        Assert.Equal(1, connections.MemberOf("anna", "s"));
    }

    [Fact]
    public async Task SomeoneWhoLeft_IsTakenOutOfTheGroup_WithoutBeingTold()
    {
        connections.Enter("boris", "s", 2);

        await changes.ApplyAsync(new SessionChange("s", "tag", 2, ["boris"], Tell: false));

        Assert.Equal(["out of together:s: boris, a member: no"], recorder.Seen);
    }

    [Fact]
    public async Task AnEnd_IsToldToEveryoneHereInTheSessionOrAtItsDoor_AndNobodyElse()
    {
        connections.Enter("anna", "s", 1);
        connections.Enter("vera", "s", null);
        connections.Enter("gleb", "elsewhere", 3);

        await changes.ApplyAsync(new SessionChange("s", "tag", null, [], Tell: true));

        Assert.Equal("Ended to anna vera, a member: no", recorder.Seen[^1]);
        Assert.Equal(3, connections.MemberOf("gleb", "elsewhere"));
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    /// <summary>Notes what the node did to its connections, and whether it still took them for members at the time.</summary>
    private sealed class RecordingLifetimeManager(TogetherConnections connections)
        : DefaultHubLifetimeManager<TogetherHub>(NullLogger<DefaultHubLifetimeManager<TogetherHub>>.Instance)
    {
        public List<string> Seen { get; } = [];

        public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
        {
            Seen.Add($"out of {groupName}: {connectionId}, a member: {Member([connectionId])}");
            return base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        }

        public override Task SendConnectionsAsync(
            IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
        {
            Seen.Add($"{methodName} to {string.Join(' ', connectionIds.Order(StringComparer.Ordinal))}, a member: {Member(connectionIds)}");
            return base.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);
        }

        private string Member(IEnumerable<string> connectionIds) =>
            connectionIds.Any(c => connections.MemberOf(c, "s") is not null) ? "yes" : "no";
    }
}
