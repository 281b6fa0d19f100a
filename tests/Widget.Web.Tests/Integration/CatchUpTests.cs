using Npgsql;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class CatchUpTests(WidgetApp app)
{
    [Fact]
    public async Task Reconnect_AfterMissingThreePosts_ReceivesExactlyThoseInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        using var anna = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await anna.SignInAsync(ct)).AccessToken, ct);
        await writer.PostAsync(tag, "seen before the drop", ct);
        var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
        var lastSeen = (await reader.JoinAsync(tag, 0, ct)).Posts[^1].Seq;
        await reader.DisposeAsync();

        var missed = new List<long>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            missed.Add((await writer.PostAsync(tag, text, ct)).Post.Id);
        }

        await using var back = await LiveViewer.ConnectAsync(app, token: null, ct);
        var catchUp = await back.JoinAsync(tag, lastSeen, ct);

        Assert.False(catchUp.Reset);
        Assert.Equal(missed, catchUp.Posts.Select(p => p.Post.Id));
        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], catchUp.Posts.Select(p => p.Seq));
        Assert.All(catchUp.Posts, p => Assert.Contains($"data-post-id=\"{p.Post.Id}\"", p.Html, StringComparison.Ordinal));
    }

    /// <summary>
    /// The first post takes its id, then waits on a lock another transaction holds on one of its tags;
    /// meanwhile a second post, with a larger id, commits. A reader asking "after id X" would skip the first.
    /// </summary>
    [Fact]
    public async Task Posts_CommittedInTheOppositeOrderOfTheirIds_AreBothCaughtUp()
    {
        var ct = TestContext.Current.CancellationToken;
        // Tags are locked in sorted order: the blocker sorts first, so the stuck post holds nothing of the channel.
        var (channel, blocker) = ("z" + TestTags.New(), "a" + TestTags.New());
        using var anna = new Visitor(app, Visitor.NewLogin());
        var token = (await anna.SignInAsync(ct)).AccessToken;
        await using var writer = await LiveViewer.ConnectAsync(app, token, ct);
        // A connection runs one call at a time, so the post that overtakes needs a second one.
        await using var overtaker = await LiveViewer.ConnectAsync(app, token, ct);
        var start = (await writer.PostAsync(channel, $"opens both channels #{blocker}", ct)).Post;
        var lastSeen = (await writer.JoinAsync(channel, 0, ct)).Posts[^1].Seq;

        await using var lockHolder = new NpgsqlConnection(app.ConnectionString);
        await lockHolder.OpenAsync(ct);
        await using var transaction = await lockHolder.BeginTransactionAsync(ct);
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM channels WHERE tag = $1 FOR UPDATE", lockHolder, transaction))
        {
            hold.Parameters.AddWithValue(blocker);
            await hold.ExecuteNonQueryAsync(ct);
        }

        var slow = writer.PostAsync(channel, $"stuck on #{blocker}", ct);
        await WaitForLockWaitAsync(ct);
        var fast = await overtaker.PostAsync(channel, "commits first", ct);
        await transaction.RollbackAsync(ct);
        var stuck = await slow;

        await using var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
        var catchUp = await reader.JoinAsync(channel, lastSeen, ct);

        Assert.True(stuck.Post.Id < fast.Post.Id);
        Assert.Equal([fast.Post.Id, stuck.Post.Id], catchUp.Posts.Select(p => p.Post.Id));
        Assert.True(start.Id < stuck.Post.Id);
    }

    [Fact]
    public async Task Join_WhenTheGapIsLargerThanTheServerReplays_SaysToReload()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = TestTags.New();
        var authors = Enumerable.Range(0, 3).Select(_ => new Visitor(app, Visitor.NewLogin())).ToArray();
        try
        {
            foreach (var author in authors)
            {
                await using var writer = await LiveViewer.ConnectAsync(app, (await author.SignInAsync(ct)).AccessToken, ct);
                for (var i = 0; i < 4; i++)
                {
                    await writer.PostAsync(tag, "post " + i, ct);
                }
            }

            await using var reader = await LiveViewer.ConnectAsync(app, token: null, ct);
            var catchUp = await reader.JoinAsync(tag, 0, ct);
            var recent = await reader.JoinAsync(tag, 12 - WidgetApp.CatchUpLimit, ct);

            Assert.True(catchUp.Reset);
            Assert.Empty(catchUp.Posts);
            Assert.False(recent.Reset);
            Assert.Equal(WidgetApp.CatchUpLimit, recent.Posts.Count);
        }
        finally
        {
            foreach (var author in authors)
            {
                author.Dispose();
            }
        }
    }

    private async Task WaitForLockWaitAsync(CancellationToken ct)
    {
        await using var probe = new NpgsqlConnection(app.ConnectionString);
        await probe.OpenAsync(ct);
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
            if ((long)(await command.ExecuteScalarAsync(ct))! > 0)
            {
                return;
            }

            await Task.Delay(25, ct);
        }

        Assert.Fail("The first post never waited on the channel lock.");
    }
}
