using Npgsql;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Posts;

namespace Widget.Data.Tests;

public sealed class PostWriterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Store_WhenSameClientIdIsSentTwentyTimesAtOnce_StoresOnePost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);
        var post = NewPost.Create(author.UserId, Guid.NewGuid(), Tag.Parse("mysite"), "retried #news");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => db.PostAsync(post, ct), ct)));

        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM posts", ct));
        Assert.Equal(2, await db.ScalarAsync("SELECT count(*) FROM post_tags", ct));
        // A retry must not use up a sequence number, or viewers would wait for a post that never comes.
        Assert.Equal(2, await db.ScalarAsync("SELECT sum(last_seq) FROM channels", ct));
        Assert.Single(results.Select(r => r.Post.Id).Distinct());
        Assert.Single(results, r => r.Created);
        Assert.All(results, r =>
        {
            Assert.Equal("retried #news", r.Post.Text);
            Assert.Equal([("mysite", 1L), ("news", 1L)], r.Placements.Select(p => (p.Tag, p.Seq)).Order());
        });
    }

    [Fact]
    public async Task Store_WhenPostsNameTheSameTagsInOppositeOrderAtOnce_GivesEachTagGaplessSeqs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);

        // Half lock "alpha" then "beta", half the reverse: a writer that bumped counters in the
        // posts' own tag order would deadlock here.
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(
            () => i % 2 == 0
                ? db.PostAsync(author.UserId, "alpha", $"{i} #beta", ct)
                : db.PostAsync(author.UserId, "beta", $"{i} #alpha", ct),
            ct)));

        Assert.All(results, r => Assert.Equal(["alpha", "beta"], r.Placements.Select(p => p.Tag).Order(StringComparer.Ordinal)));
        var rows = await db.PostTagsAsync(ct);
        foreach (var tag in new[] { "alpha", "beta" })
        {
            Assert.Equal(Enumerable.Range(1, 100).Select(s => (long)s), rows.Where(r => r.Tag == tag).Select(r => r.Seq).Order());
        }
    }

    [Fact]
    public async Task Store_WhenSameClientIdIsSentAgainLater_ReturnsTheStoredPostAsNotCreated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);
        var post = NewPost.Create(author.UserId, Guid.NewGuid(), Tag.Parse("mysite"), "once");

        var first = await db.PostAsync(post, ct);
        var again = await db.PostAsync(post with { Text = "edited on retry" }, ct);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Post.Id, again.Post.Id);
        Assert.Equal("once", again.Post.Text);
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM posts", ct));
    }

    [Fact]
    public async Task Store_WhenTwoAuthorsUseTheSameClientId_StoresBothPosts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var ann = await db.SignInAsync("Ann", ct);
        var bob = await db.SignInAsync("Bob", ct);
        var clientId = Guid.NewGuid();

        var fromBob = NewPost.Create(bob.UserId, clientId, Tag.Parse("mysite"), "from Bob");

        var first = await db.PostAsync(NewPost.Create(ann.UserId, clientId, Tag.Parse("mysite"), "from Ann"), ct);
        var second = await db.PostAsync(fromBob, ct);
        var bobRetries = await db.PostAsync(fromBob, ct);

        Assert.True(second.Created);
        Assert.NotEqual(first.Post.Id, second.Post.Id);
        Assert.Equal([("mysite", 2L)], second.Placements.Select(p => (p.Tag, p.Seq)));
        Assert.Equal(second.Post.Id, bobRetries.Post.Id);
        Assert.Equal("from Bob", bobRetries.Post.Text);
    }

    [Fact]
    public async Task Store_WhenTextHasHashtags_PlacesPostInChannelAndEachTagWithItsOwnCounter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);

        var first = await db.PostAsync(author.UserId, "#mysite", "hi #News and #котики", ct);
        var second = await db.PostAsync(author.UserId, "котики", "second in котики only", ct);
        var third = await db.PostAsync(author.UserId, "mysite", "again #news", ct);

        Assert.Equal(
            [
                ("mysite", 1L, first.Post.Id), ("news", 1L, first.Post.Id), ("котики", 1L, first.Post.Id),
                ("котики", 2L, second.Post.Id),
                ("mysite", 2L, third.Post.Id), ("news", 2L, third.Post.Id),
            ],
            (await db.PostTagsAsync(ct)).OrderBy(r => r.PostId).ThenBy(r => r.Tag, StringComparer.Ordinal));
        Assert.Equal(
            [("mysite", 2L), ("news", 2L), ("котики", 2L)],
            [
                ("mysite", await db.ScalarAsync("SELECT last_seq FROM channels WHERE tag = 'mysite'", ct)),
                ("news", await db.ScalarAsync("SELECT last_seq FROM channels WHERE tag = 'news'", ct)),
                ("котики", await db.ScalarAsync("SELECT last_seq FROM channels WHERE tag = 'котики'", ct)),
            ]);
    }

    [Fact]
    public async Task Store_ReturnsPostWithAuthorNameNormalisedTextAndEveryPlacement()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann Example", ct);
        var (text, rejection) = PostText.Normalize("  hi #News\r\nand #котики\u0007 ", PostText.DefaultMaxLength);
        Assert.Null(rejection);

        var stored = await db.PostAsync(author.UserId, "MySite", text!, ct);

        Assert.True(stored.Created);
        Assert.Equal(author.UserId, stored.Post.AuthorId);
        Assert.Equal("Ann Example", stored.Post.AuthorName);
        Assert.Equal("hi #News\nand #котики", stored.Post.Text);
        Assert.Equal("mysite", stored.Post.Channel);
        Assert.Equal(["mysite", "news", "котики"], stored.Post.Tags);
        Assert.Equal(db.Time.GetUtcNow(), stored.Post.CreatedAt);
        Assert.Equal([("mysite", 1L), ("news", 1L), ("котики", 1L)], stored.Placements.Select(p => (p.Tag, p.Seq)));
        var found = await db.InScopeAsync<PostQueries, Post?>(queries => queries.FindAsync(stored.Post.Id, ct));
        Assert.Equal("hi #News\nand #котики", found?.Text);
    }

    [Fact]
    public async Task Store_WhenOnePostOfMany_SentTogether_IsRefusedByPostgres_StoresAllTheOthersGapless()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(postgres, ct);
        var author = await db.SignInAsync("Ann", ct);
        const long noSuchUser = 987_654_321;

        // Sent at once, they share group commits; the stranger's post breaks its batch's statement.
        var sends = Enumerable.Range(0, 60)
            .Select(i => db.PostAsync(i == 30 ? noSuchUser : author.UserId, "busy", $"post {i}", ct))
            .ToArray();
        var outcomes = await Task.WhenAll(sends.Select(async send =>
        {
            try
            {
                return await send;
            }
            catch (PostgresException)
            {
                return null;
            }
        }));

        Assert.Null(outcomes[30]);
        Assert.Equal(59, outcomes.Count(o => o is { Created: true }));
        Assert.Equal(Enumerable.Range(1, 59).Select(s => (long)s), (await db.PostTagsAsync(ct)).Select(r => r.Seq).Order());
    }
}
