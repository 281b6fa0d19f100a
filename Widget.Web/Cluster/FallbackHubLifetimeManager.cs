using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;
using Widget.Web.Language;

namespace Widget.Web.Cluster;

/// <summary>
/// SignalR's Redis backplane with this node's own groups beside it, so a node without Redis still accepts
/// connections and group joins and serves its own viewers. Every local connection and group is kept in
/// <paramref name="local"/>; Redis registration is attempted and its failure tolerated.
/// <list type="bullet">
/// <item>Sends go through Redis alone while it takes them (it already delivers to this node's connections,
/// so sending locally too would deliver twice), and to this node's connections alone when it refuses them.</item>
/// <item>A Redis registration that fails leaves the backplane half-subscribed: the first member of a group or
/// user channel registers its subscription before the server call, and later members never retry it. So the
/// connection is rolled out of the backplane entirely, under one lock so no other connection joins the broken
/// subscription meanwhile, and counted as cut off; <see cref="CutOffReconnector"/> closes it when Redis is back.</item>
/// </list>
/// </summary>
public sealed partial class FallbackHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis,
    DefaultHubLifetimeManager<THub> local,
    RedisConnection redisConnection,
    CutOffConnections cutOff,
    ILogger<FallbackHubLifetimeManager<THub>> logger)
    : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> here = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim registering = new(1, 1);
    private int localOnly;

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        here[connection.ConnectionId] = connection;
        await local.OnConnectedAsync(connection);
        await RegisterAsync(connection, () => redis.OnConnectedAsync(connection), alreadyRegistered: false);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        here.TryRemove(connection.ConnectionId, out _);
        await local.OnDisconnectedAsync(connection);
        if (cutOff.Remove(connection.ConnectionId))
        {
            return;
        }

        await registering.WaitAsync();
        try
        {
            await redis.OnDisconnectedAsync(connection);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            // The subscriptions are dropped in this process before the server is told; a dead link forgets them anyway.
        }
        finally
        {
            registering.Release();
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!here.TryGetValue(connectionId, out var connection))
        {
            await redis.AddToGroupAsync(connectionId, groupName, cancellationToken);
            return;
        }

        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        await RegisterAsync(connection, () => redis.AddToGroupAsync(connectionId, groupName, cancellationToken), alreadyRegistered: true);
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (!here.TryGetValue(connectionId, out var connection))
        {
            await redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
            return;
        }

        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        await RegisterAsync(connection, () => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), alreadyRegistered: true);
    }

    // A connection of this node is written to directly, as the Redis manager itself does, so a cut-off one is reached too.
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        here.ContainsKey(connectionId)
            ? local.SendConnectionAsync(connectionId, methodName, args, cancellationToken)
            : SendAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Task.WhenAll(connectionIds.Select(id => SendConnectionAsync(id, methodName, args, cancellationToken)));

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    // A user's group for one language carries what SendUserAsync would (a ban, a held post), so it reaches
    // their cut-off connections in that language the same way.
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        UserPush.Recipient(groupName) is { } user
            ? SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken),
                () => local.SendConnectionsAsync(cutOff.OfUser(user.UserId, c => HubLanguage.Of(c.Items) == user.Language), methodName, args, cancellationToken))
            : SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    // A message to a user (a ban, a shadow-banned post) cannot be fetched again by seq, so a cut-off connection
    // of theirs is written to directly even while Redis carries the message to the others.
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken),
            () => local.SendConnectionsAsync(cutOff.OfUser(userId), methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken),
            () => local.SendConnectionsAsync([.. userIds.SelectMany(cutOff.OfUser)], methodName, args, cancellationToken));

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        redis.TryGetReturnType(invocationId, out type);

    private async Task RegisterAsync(HubConnectionContext connection, Func<Task> register, bool alreadyRegistered)
    {
        await registering.WaitAsync();
        try
        {
            if (cutOff.Contains(connection.ConnectionId))
            {
                return;
            }

            // Known to be down: do not touch the backplane at all, so there is nothing to roll back.
            if (!alreadyRegistered && !redisConnection.Multiplexer.IsConnected)
            {
                cutOff.Add(connection, failure: null);
                return;
            }

            try
            {
                await register();
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                await RollBackAsync(connection);
                cutOff.Add(connection, e);
            }
        }
        finally
        {
            registering.Release();
        }
    }

    /// <summary>Takes the connection out of every backplane subscription, removing any half-made one with it.</summary>
    private async Task RollBackAsync(HubConnectionContext connection)
    {
        try
        {
            await redis.OnDisconnectedAsync(connection);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            // Unsubscribing from the server fails while it is away; the subscriptions are gone here all the same.
        }
    }

    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send, Func<Task>? alsoLocally = null)
    {
        if (redisConnection.Multiplexer.IsConnected)
        {
            try
            {
                await send(redis);
                if (Interlocked.Exchange(ref localOnly, 0) == 1)
                {
                    LogBackplaneBack(logger);
                }

                await (alsoLocally?.Invoke() ?? Task.CompletedTask);
                return;
            }
            catch (RedisConnectionException e)
            {
                // Refused before it was written, so nobody has it yet: sending locally cannot deliver twice.
                NoteLocalOnly(e);
            }
        }
        else
        {
            NoteLocalOnly(null);
        }

        await send(local);
    }

    private void NoteLocalOnly(Exception? exception)
    {
        if (Interlocked.Exchange(ref localOnly, 1) == 0)
        {
            LogLocalOnly(logger, exception);
        }
    }

    public void Dispose() => registering.Dispose();

    private static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis is unreachable: live messages reach this node's viewers only; the others catch up by seq once it is back")]
    private static partial void LogLocalOnly(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis carries live messages again")]
    private static partial void LogBackplaneBack(ILogger logger);
}
