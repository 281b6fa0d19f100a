using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Widget.Core.Moderation;
using Widget.Core.Sites;
using Widget.Data.Moderation;
using Widget.Testing;
using Widget.Web.Moderation;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Moderation;

/// <summary>How an open desk learns of changes: a nudge from this node, a short check of Postgres for other nodes.</summary>
public sealed class DeskWatchTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_NoticesAPostStoredWithoutAnyNudge_AsFromAnotherNode()
    {
        var tag = TestTags.New();
        var author = await Author.SignInAsync(app, Ct);
        var before = await MarkAsync(tag);
        var changed = new TaskCompletionSource<DeskMark>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = app.Services.GetRequiredService<DeskWatch>();
        watch.Start(tag, async () =>
        {
            if (await MarkAsync(tag) is var now && now != before)
            {
                changed.TrySetResult(now);
            }
        });

        // The writer alone, as another node's posting path would look from here: nothing nudges this node.
        await author.PostAsync(tag, "from node B", Ct);

        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(before.LastSeq + 1, after.LastSeq);
    }

    [Fact]
    public async Task Nudge_FromThisNodesPostsHeldPostsAndReports_ChecksAtOnce()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(app, Visitor.NewLogin());
        var owner = await ownerVisitor.SignInAsync(Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings(), Ct);
        using var authorVisitor = new Visitor(app, Visitor.NewLogin());
        await using var writer = await LiveViewer.ConnectAsync(app, (await authorVisitor.SignInAsync(Ct)).AccessToken, Ct);
        var checks = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        // An interval no test waits out: only a nudge can make this watch check.
        var slow = Options.Create(new ModerationOptions { DeskCheckInterval = TimeSpan.FromHours(1) });
        using var watch = new DeskWatch(app.Services.GetRequiredService<DeskNudges>(), slow, TimeProvider.System);
        watch.Start(tag, () => Task.FromResult(checks.Writer.TryWrite(true)));

        var post = (await writer.PostAsync(tag, "a post", Ct)).Post;
        Assert.True(await checks.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
        await writer.ReportAsync(tag, post.Id, "Spam", Ct);
        Assert.True(await checks.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
        await ModerationDesk.PremoderateAsync(app, p => p.SetModeAsync(owner.User.Id, tag, PremoderationMode.EveryPost, Ct));
        Assert.True((await writer.PostAsync(tag, "held one", Ct)).Held);
        Assert.True(await checks.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task Nudges_InABurst_CostTwoChecksNotOnePerNudge()
    {
        var nudges = new DeskNudges();
        var slow = Options.Create(new ModerationOptions { DeskCheckInterval = TimeSpan.FromHours(1) });
        var checks = 0;
        using var watch = new DeskWatch(nudges, slow, TimeProvider.System);
        watch.Start("busy", async () =>
        {
            Interlocked.Increment(ref checks);
            await Task.Delay(50, Ct);
        });

        for (var i = 0; i < 20; i++)
        {
            nudges.Nudge(["busy", "other"]);
        }

        await Task.Delay(DeskWatch.MinimumGap * 3, Ct);
        Assert.Equal(2, Volatile.Read(ref checks));
    }

    private async Task<DeskMark> MarkAsync(string tag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeskWatermarks>().ReadAsync(tag, Ct);
    }
}
