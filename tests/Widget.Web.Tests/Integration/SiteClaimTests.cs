using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>A tag can be claimed only while nobody but the claimant has posted in it.</summary>
public sealed class SiteClaimTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Claim_WhenSomeoneElsePostedInTheTag_IsRefusedWithTheReason()
    {
        var tag = TestTags.New();
        await (await Author.SignInAsync(app, Ct)).PostAsync(tag, "our little community", Ct);
        var latecomer = await Users.NewAsync(app, Ct);

        using var response = await SiteApi.ClaimAsync(app, latecomer.AccessToken, tag, Ct);

        await AssertOthersPostedAsync(response, tag);
    }

    [Fact]
    public async Task Claim_WhenSomeoneElsesPostWasDeleted_IsStillRefused()
    {
        var tag = TestTags.New();
        var member = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, member.AccessToken, Ct);
        var post = (await writer.PostAsync(tag, "soon gone", Ct)).Post;
        Assert.True((await ModerationDesk.RunAsync(app, m => m.DeleteAsync(member.User.Id, post.Id, Ct))).Done);
        var latecomer = await Users.NewAsync(app, Ct);

        using var response = await SiteApi.ClaimAsync(app, latecomer.AccessToken, tag, Ct);

        await AssertOthersPostedAsync(response, tag);
    }

    [Fact]
    public async Task Claim_WhenSomeoneElseOnlyMentionedTheTag_IsRefused()
    {
        var tag = TestTags.New();
        await (await Author.SignInAsync(app, Ct)).PostAsync(TestTags.New(), $"see you in #{tag}", Ct);
        var latecomer = await Users.NewAsync(app, Ct);

        using var response = await SiteApi.ClaimAsync(app, latecomer.AccessToken, tag, Ct);

        await AssertOthersPostedAsync(response, tag);
    }

    [Fact]
    public async Task Claim_WhenOnlyTheClaimantPosted_Succeeds()
    {
        var tag = TestTags.New();
        var starter = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, starter.AccessToken, Ct);
        await writer.PostAsync(tag, "testing my new channel", Ct);

        using var response = await SiteApi.ClaimAsync(app, starter.AccessToken, tag, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/sites/{tag}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Claim_OfAFreshTag_SucceedsOnceAndLeavesItOutOfTheTagList()
    {
        var tag = TestTags.New();
        var (first, second) = (await Users.NewAsync(app, Ct), await Users.NewAsync(app, Ct));

        using var claimed = await SiteApi.ClaimAsync(app, first.AccessToken, tag, Ct);
        using var again = await SiteApi.ClaimAsync(app, second.AccessToken, tag, Ct);
        using var client = app.CreateClient();
        var tags = await client.GetFromJsonAsync<TagList>($"/api/tags?prefix={tag}", Ct);

        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"#{tag} is already claimed by someone.", (await again.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
        Assert.Empty(tags!.Tags);
    }

    [Fact]
    public async Task Claim_TwoAtOnce_OnlyOneWins()
    {
        var tag = TestTags.New();
        var (first, second) = (await Users.NewAsync(app, Ct), await Users.NewAsync(app, Ct));

        var responses = await Task.WhenAll(
            SiteApi.ClaimAsync(app, first.AccessToken, tag, Ct), SiteApi.ClaimAsync(app, second.AccessToken, tag, Ct));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Claim_WhileSomeoneElsesPostIsCommitting_WaitsForItAndIsRefused()
    {
        var tag = TestTags.New();
        var (claimant, member) = (await Users.NewAsync(app, Ct), await Users.NewAsync(app, Ct));
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var post = await connection.BeginTransactionAsync(Ct);
        // What the post writer does for a post in the tag, short of committing: the channel's row stays locked until then.
        await using (var insert = new NpgsqlCommand("""
            WITH counter AS (
                INSERT INTO channels (tag, last_seq) VALUES ($1, 1)
                ON CONFLICT (tag) DO UPDATE SET last_seq = channels.last_seq + 1
                RETURNING last_seq
            ), new_post AS (
                INSERT INTO posts (author_id, client_id, text, created_at, channel, shadow)
                VALUES ($2, gen_random_uuid(), 'first!', now(), $1, false)
                RETURNING id
            )
            INSERT INTO post_tags (tag, seq, post_id) SELECT $1, counter.last_seq, new_post.id FROM counter, new_post
            """, connection, post))
        {
            insert.Parameters.AddWithValue(tag);
            insert.Parameters.AddWithValue(member.User.Id);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var claim = SiteApi.ClaimAsync(app, claimant.AccessToken, tag, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);
        var answeredBeforeThePostCommitted = claim.IsCompleted;
        await post.CommitAsync(Ct);
        using var response = await claim;

        Assert.False(answeredBeforeThePostCommitted, "The claim did not wait for the post that was committing in its tag.");
        await AssertOthersPostedAsync(response, tag);
    }

    private static async Task AssertOthersPostedAsync(HttpResponseMessage response, string tag)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal($"Others have already posted in #{tag}; ask an administrator to hand it to you.", problem!.Detail);
    }

    private sealed record TagList(IReadOnlyList<string> Tags);
}
