using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Widget.Web.Together;

namespace Widget.Web.Tests.Together;

/// <summary>While Redis is away a cluster's sessions cannot be reached: the visitor is told so in words, not with a bare error.</summary>
public sealed class TogetherStoreOutageTests
{
    private readonly TogetherStoreOutage filter = new(NullLogger<TogetherStoreOutage>.Instance);

    [Fact]
    public async Task ARedisFailure_BecomesARefusalToTryAgain()
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(
            Invocation(), _ => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "away")).AsTask());

        Assert.Contains("unavailable for a moment", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswer_AndAnyOtherRefusal_PassThroughUnchanged()
    {
        Assert.Equal("fine", await filter.InvokeMethodAsync(Invocation(), _ => ValueTask.FromResult<object?>("fine")));
        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            filter.InvokeMethodAsync(Invocation(), _ => throw new HubException("You are not in this session.")).AsTask());
        Assert.Equal("You are not in this session.", refusal.Message);
    }

    private static HubInvocationContext Invocation() =>
        new(new Caller(), new EmptyServices(), null!, typeof(TogetherHub).GetMethod(nameof(TogetherHub.Move))!, []);

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "c";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => null;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
