using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Posts;

namespace Widget.Data.Tests;

public sealed class PostQueriesTests(PostgresFixture postgres)
{
    private static readonly Tag MySite = Tag.Parse("mysite");

    [Fact]
    public async Task Latest_WhenPagedBackwardsByOldestSeq_ReturnsEveryPostOnceNewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var ids = await StoreManyAsync(db, 120, ct);

        var pages = new List<IReadOnlyList<ChannelPost>>();
        long? before = null;
        // Bounded, so a bug that hands back the same page again fails instead of looping forever.
        for (var i = 0; i < 5; i++)
        {
            var page = await db.InScopeAsync<PostQueries, IReadOnlyList<ChannelPost>>(
                queries => queries.LatestAsync(MySite, before, 50, ct));
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            before = page[^1].Seq;
        }

        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Reverse().Select(s => (long)s), all.Select(p => p.Seq));
        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(p => p.Post.Id));
        Assert.Equal("post 120", all[0].Post.Text);
        Assert.Equal("Ann", all[0].Post.AuthorName);
        Assert.Equal(["mysite"], all[0].Post.Tags);
    }

    [Fact]
    public async Task After_ReturnsOnlyLaterPostsOldestFirstUpToTheLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var ids = await StoreManyAsync(db, 30, ct);

        var missed = await AfterAsync(db, 10, 5, ct);
        var rest = await AfterAsync(db, 25, 100, ct);
        var none = await AfterAsync(db, 30, 10, ct);

        Assert.Equal([11L, 12, 13, 14, 15], missed.Select(p => p.Seq));
        Assert.Equal(ids[10..15], missed.Select(p => p.Post.Id));
        Assert.Equal("post 11", missed[0].Post.Text);
        Assert.Equal(ids[25..], rest.Select(p => p.Post.Id));
        Assert.Empty(none);
    }

    [Fact]
    public async Task LatestAndAfter_NeverReturnAnotherTagsPosts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);
        var mine1 = await db.PostAsync(author.UserId, "mysite", "mine 1", ct);
        await db.PostAsync(author.UserId, "other", "elsewhere", ct);
        await db.PostAsync(author.UserId, "mysite_2", "a longer name", ct);
        await db.PostAsync(author.UserId, "other", "about #news", ct);
        var mentioned = await db.PostAsync(author.UserId, "other", "see #mysite", ct);
        var mine2 = await db.PostAsync(author.UserId, "mysite", "mine 2", ct);

        var latest = await db.InScopeAsync<PostQueries, IReadOnlyList<ChannelPost>>(
            queries => queries.LatestAsync(MySite, null, 50, ct));
        var after = await AfterAsync(db, 0, 50, ct);

        // A post that names the tag belongs to it too; posts only in other tags never show.
        long[] expected = [mine1.Post.Id, mentioned.Post.Id, mine2.Post.Id];
        Assert.Equal(expected.Reverse(), latest.Select(p => p.Post.Id));
        Assert.Equal(expected, after.Select(p => p.Post.Id));
        Assert.Equal([1L, 2, 3], after.Select(p => p.Seq));
    }

    [Fact]
    public async Task Find_ReturnsThePostByIdAndNullForAnUnknownId()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);
        var earlier = await db.PostAsync(author.UserId, "mysite", "earlier", ct);
        var stored = await db.PostAsync(author.UserId, "mysite", "hello #News", ct);
        await db.PostAsync(author.UserId, "mysite", "later", ct);

        var found = await FindAsync(db, stored.Post.Id, ct);
        var foundEarlier = await FindAsync(db, earlier.Post.Id, ct);
        var unknown = await FindAsync(db, stored.Post.Id + 1000, ct);

        Assert.NotNull(found);
        Assert.Equal(stored.Post.Id, found.Id);
        Assert.Equal(author.UserId, found.AuthorId);
        Assert.Equal("Ann", found.AuthorName);
        Assert.Equal("hello #News", found.Text);
        Assert.Equal("mysite", found.Channel);
        Assert.Equal(["mysite", "news"], found.Tags);
        Assert.Equal(db.Time.GetUtcNow(), found.CreatedAt);
        Assert.Equal("earlier", foundEarlier?.Text);
        Assert.Null(unknown);
    }

    private static async Task<long[]> StoreManyAsync(TestDatabase db, int count, CancellationToken ct)
    {
        var author = await db.SignInAsync("Ann", ct);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await db.PostAsync(author.UserId, "mysite", $"post {i + 1}", ct)).Post.Id;
        }

        return ids;
    }

    private static Task<Post?> FindAsync(TestDatabase db, long id, CancellationToken ct) =>
        db.InScopeAsync<PostQueries, Post?>(queries => queries.FindAsync(id, ct));

    private static Task<IReadOnlyList<ChannelPost>> AfterAsync(TestDatabase db, long afterSeq, int limit, CancellationToken ct) =>
        db.InScopeAsync<PostQueries, IReadOnlyList<ChannelPost>>(queries => queries.AfterAsync(MySite, afterSeq, limit, ct));
}
