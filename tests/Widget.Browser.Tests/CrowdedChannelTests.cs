using Widget.Browser.Tests.Infrastructure;
using Widget.Testing;
using static Microsoft.Playwright.Assertions;

namespace Widget.Browser.Tests;

/// <summary>
/// A crowded channel's posts that come within one tick reach the widget in one frame, and it shows each in its place.
/// The service allows a channel one frame of posts a second, so one viewer has a tick of a second, as a channel of
/// 40,000 has under the shipped setting.
/// </summary>
public sealed class CrowdedChannelTests(HostPages hostPages, Browsers browsers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostsThatCameInOneFrame_AllShow_InTheOrderTheyWerePosted()
    {
        await using var service = await WidgetService.StartAsync(
            new Dictionary<string, string>
            {
                ["Realtime:ChannelFramesPerSecond"] = "1",
                ["Posting:RateLimitBurst"] = "100",
            },
            Ct);
        var tag = TestTags.New();
        using var author = await ApiAuthor.SignInAsync(service.BaseAddress, service.CreateClient(), TestTags.NewLogin(), Ct);

        await using (var reader = await browsers.NewVisitorAsync("reader"))
        {
            var batches = 0;
            reader.Context.Page += (_, page) => page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                if (frame.Text?.Contains("\"target\":\"PostsAdded\"", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref batches);
                }
            };
            var widget = await reader.OpenAsync(hostPages.Add(HostPages.IframeSnippet(new Uri(service.BaseAddress, "/w/" + tag))));
            await author.PostAsync(tag, "first", Ct);
            await Expect(widget.PostTexts).ToHaveTextAsync(["first"]);

            string[] quick = ["second", "third", "fourth"];
            foreach (var text in quick)
            {
                await author.PostAsync(tag, text, Ct);
            }

            await Expect(widget.PostTexts).ToHaveTextAsync(["first", .. quick]);
            Assert.True(Volatile.Read(ref batches) > 0, "No posts came batched, so the widget's handling of a batch went untried.");
        }
    }
}
