using Bunit;
using Widget.Web.Calls;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Components;

public sealed class CallDeskTests : BunitContext
{
    [Fact]
    public void CallDesk_ListsWhoIsInTheCall_AndHandsTheTakeOutAndTheEndToThePage()
    {
        string? removed = null;
        var ended = false;
        var roster = new CallRoster("chat", [new CallMember("c1", 7, "<b>Anna</b>"), new CallMember("c2", 8, "Boris")], 4);
        var cut = Render<CallDesk>(p => p
            .Add(x => x.Roster, roster)
            .Add(x => x.OnRemove, id => removed = id)
            .Add(x => x.OnEnd, () => ended = true));

        cut.FindAll(".call-remove")[1].Click();
        cut.Find(".call-end").Click();

        Assert.Equal("c2", removed);
        Assert.True(ended);
        Assert.Equal("2 of 4 in the call", cut.Find(".call-count").TextContent);
        Assert.Equal("<b>Anna</b>", cut.Find(".call-member").TextContent);
    }

    [Fact]
    public void CallDesk_WithNobodyInTheCall_SaysSo_AndOffersNothing()
    {
        var cut = Render<CallDesk>(p => p.Add(x => x.Roster, new CallRoster("chat", [], 4)));

        Assert.Equal("Nobody is in the call.", cut.Find(".call-empty").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void CallDesk_ListsWhoAsksToJoin_AsText_AndHandsAdmitAndDeclineToThePage()
    {
        long? admitted = null;
        long? declined = null;
        var requests = new[] { new JoinRequest("r1", "chat", 7, "<img src=x onerror=alert(1)>"), new JoinRequest("r2", "chat", 8, "Boris") };
        var cut = Render<CallDesk>(p => p
            .Add(x => x.Roster, new CallRoster("chat", [], 4))
            .Add(x => x.Requests, requests)
            .Add(x => x.OnAdmit, id => admitted = id)
            .Add(x => x.OnDecline, id => declined = id));

        cut.FindAll(".call-admit")[1].Click();
        cut.FindAll(".call-decline")[0].Click();

        Assert.Equal((8L, 7L), (admitted, declined));
        Assert.Equal("<img src=x onerror=alert(1)> asks to join the call", cut.Find(".call-request").TextContent);
        Assert.Empty(cut.FindAll("img"));
    }
}
