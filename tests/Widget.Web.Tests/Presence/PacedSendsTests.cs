using Microsoft.Extensions.Time.Testing;
using Widget.Web.Presence;

namespace Widget.Web.Tests.Presence;

/// <summary>A presence flush reaches every widget whose channel changed, in slices spread over the span it is given.</summary>
public sealed class PacedSendsTests
{
    private static readonly TimeSpan Span = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task AFlushForFewerWidgetsThanASlice_IsSentAtOnce()
    {
        var time = new FakeTimeProvider();
        var sent = new List<string>();

        await PacedSends.RunAsync([Send(sent, "a", 100), Send(sent, "b", 200), Send(sent, "c", 1)], Span, time, TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c"], sent);
    }

    [Fact]
    public async Task AFlushForMoreWidgetsThanASlice_IsSpreadOverTheSpan_AndReachesEveryChannel()
    {
        var time = new FakeTimeProvider();
        var sent = new List<string>();
        var half = PacedSends.SliceRecipients / 2 + 1;

        // Three channels, each more than half a slice: three slices, the span divided between them.
        var flush = PacedSends.RunAsync([Send(sent, "a", half), Send(sent, "b", half), Send(sent, "c", half)], Span, time,
            TestContext.Current.CancellationToken);
        var gap = Span / 2;

        Assert.Equal(["a"], sent);
        time.Advance(gap - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["a"], sent);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["a", "b"], sent);
        time.Advance(gap);
        await flush;
        Assert.Equal(["a", "b", "c"], sent);
    }

    [Fact]
    public async Task AChannelLargerThanASlice_IsSentWhole_InASliceOfItsOwn()
    {
        var time = new FakeTimeProvider();
        var sent = new List<string>();

        var flush = PacedSends.RunAsync([Send(sent, "small", 10), Send(sent, "crowded", PacedSends.SliceRecipients * 3)], Span, time,
            TestContext.Current.CancellationToken);

        Assert.Equal(["small"], sent);
        time.Advance(Span);
        await flush;
        Assert.Equal(["small", "crowded"], sent);
    }

    [Fact]
    public async Task AChannelWithAWidgetThatStoppedReading_DoesNotHoldBackTheNextSlice()
    {
        var time = new FakeTimeProvider();
        var sent = new List<string>();
        var stuck = new TaskCompletionSource();

        var flush = PacedSends.RunAsync(
            [new GroupSend(PacedSends.SliceRecipients, () => stuck.Task), Send(sent, "next", PacedSends.SliceRecipients)], Span, time,
            TestContext.Current.CancellationToken);
        time.Advance(Span);

        Assert.Equal(["next"], sent);
        Assert.False(flush.IsCompleted);
        stuck.SetResult();
        await flush;
    }

    private static GroupSend Send(List<string> sent, string channel, int recipients) => new(recipients, () =>
    {
        sent.Add(channel);
        return Task.CompletedTask;
    });
}
