using System.Text;
using Microsoft.AspNetCore.SignalR.Protocol;
using Widget.Web.Together;

namespace Widget.Web.Tests.Together;

/// <summary>Clicks ride in the cursor batches, where a newer move replaces an older one: a click must not be replaced.</summary>
public sealed class SessionCursorsClickTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(33);

    private readonly SessionCursors session = new("s", Now);

    [Fact]
    public void AMoveRightAfterAClick_GoesInTheSameBatch_AfterTheClick()
    {
        var click = new CursorMove(1, new CursorPosition("#order/2", 0.25, 0.5, Click: true));
        var after = new CursorMove(1, new CursorPosition("#order/3", 0.5, 0.5));

        session.Queue(click, Now);
        session.Queue(after, Now);

        Assert.Equal([click, after], session.Take(Now, Interval)?.Moves);
    }

    [Fact]
    public void AClick_ReplacesTheMovesBeforeIt_AndANewerClickReplacesIt()
    {
        session.Queue(new CursorMove(1, new CursorPosition("", 0.1, 10)), Now);
        session.Queue(new CursorMove(1, new CursorPosition("", 0.2, 20, Click: true)), Now);
        var last = new CursorMove(1, new CursorPosition("", 0.3, 30, Click: true));
        session.Queue(last, Now);

        Assert.Equal([last], session.Take(Now, Interval)?.Moves);
        Assert.Null(session.Take(Now + Interval, Interval));
    }

    /// <summary>Nearly every move is no click, and each batch goes to every member: the flag costs a batch nothing then.</summary>
    [Fact]
    public void OnTheHubsWire_OnlyAClickCarriesTheFlag()
    {
        var protocol = new JsonHubProtocol();
        string Wire(CursorPosition position) => Encoding.UTF8.GetString(protocol.GetMessageBytes(
            new InvocationMessage(nameof(ITogetherClient.Cursors), [new CursorBatch("s", 1, [new CursorMove(1, position)])])).Span);

        var plain = Wire(new CursorPosition("#order/2", 0.25, 0.5));
        var clicked = Wire(new CursorPosition("#order/2", 0.25, 0.5, Click: true));

        Assert.DoesNotContain("click", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"click\":true", clicked, StringComparison.Ordinal);
    }

    [Fact]
    public void AParticipantRemoved_LeavesNoClickBehind()
    {
        session.Queue(new CursorMove(1, new CursorPosition("", 0.2, 20, Click: true)), Now);

        session.Forget(1);

        Assert.Null(session.Take(Now, Interval));
    }
}
