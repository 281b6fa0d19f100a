using System.Net.Http.Headers;
using System.Net.Http.Json;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>On a service of its own, with a rate limit that lets many posts arrive at once and share commit batches.</summary>
public sealed class LiveOrderTests : IAsyncLifetime
{
    private const int Authors = 20;
    private const int Tags = 10;
    private const int PostsPerAuthor = 20;

    private readonly WidgetApp app = WidgetApp.With(new Dictionary<string, string>
    {
        ["Posting:RateLimitBurst"] = "1000",
        ["Realtime:CatchUpLimit"] = "1000",
    });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task ManyPostsAtOnce_OnSeveralTags_ReachEachTagsViewerInSeqOrderWithNoneMissing()
    {
        var ct = TestContext.Current.CancellationToken;
        var tags = Enumerable.Range(0, Tags).Select(_ => TestTags.New()).ToArray();
        var viewers = new List<LiveViewer>();
        foreach (var tag in tags)
        {
            var viewer = await LiveViewer.ConnectAsync(app, token: null, ct);
            viewers.Add(viewer);
            await viewer.JoinAsync(tag, 0, ct);
        }

        var tokens = await Task.WhenAll(Enumerable.Range(0, Authors).Select(_ => Users.NewAsync(app, ct)));
        var clients = tokens.Select(token =>
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            return client;
        }).ToArray();

        // Every fourth post also names the next tag, so a batch places posts in two tags at once.
        var placed = new int[Tags];
        var sends = Enumerable.Range(0, Authors * PostsPerAuthor).Select(i =>
        {
            var (tag, also) = (i % Tags, (i + 1) % Tags);
            var text = i % 4 == 0 ? $"post {i} #{tags[also]}" : $"post {i}";
            placed[tag]++;
            placed[also] += i % 4 == 0 ? 1 : 0;
            return SendAsync(clients[i % Authors], tags[tag], text, ct);
        }).ToArray();
        await Task.WhenAll(sends);

        for (var t = 0; t < Tags; t++)
        {
            var seqs = new List<long>();
            while (seqs.Count < placed[t])
            {
                var pushed = await viewers[t].NextPostAsync(ct);
                Assert.Equal(tags[t], pushed.Tag);
                seqs.Add(pushed.Seq);
            }

            Assert.Equal(Enumerable.Range(1, placed[t]).Select(s => (long)s), seqs);
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
    }

    private static async Task SendAsync(HttpClient client, string tag, string text, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), text), ct);
        response.EnsureSuccessStatusCode();
    }
}
