using Widget.Web.Together;

namespace Widget.Web.Tests.Together;

/// <summary>The membership a node caches for its connections must never outlive a change made on any node.</summary>
public sealed class TogetherConnectionsTests
{
    private readonly TogetherConnections connections = new();

    [Fact]
    public void AMembershipLearnt_IsForgottenWhenTheParticipantIsTakenOut_AndKeptForOthers()
    {
        connections.Enter("anna", "s", 1);
        connections.Enter("boris", "s", null);
        connections.Learn("boris", "s", 2, connections.Generation("s"));

        var forgotten = connections.Forget(new SessionChange("s", "tag", 2, [], Tell: true));

        Assert.Equal(["boris"], forgotten);
        Assert.Equal(1, connections.MemberOf("anna", "s"));
        Assert.Null(connections.MemberOf("boris", "s"));
    }

    [Fact]
    public void AConnectionTakenOut_BeforeItsMembershipWasLearnt_LeavesTheSessionHere()
    {
        connections.Enter("boris", "s", null);

        var forgotten = connections.Forget(new SessionChange("s", "tag", 2, ["boris"], Tell: true));

        Assert.Equal(["boris"], forgotten);
        Assert.False(connections.Holds("s"));
        Assert.True(connections.IsHere("boris"));
    }

    [Fact]
    public void ALookUpThatRacedWithARemoval_IsNotCached()
    {
        connections.Enter("boris", "s", null);
        var before = connections.Generation("s");

        connections.Forget(new SessionChange("s", "tag", 2, [], Tell: true));
        connections.Learn("boris", "s", 2, before);

        Assert.Null(connections.MemberOf("boris", "s"));
    }

    [Fact]
    public void AnEndedSession_LeavesNothingToLearnInto_AndIsNoLongerHeld()
    {
        connections.Enter("anna", "s", 1);
        connections.Enter("boris", "s", null);

        var forgotten = connections.Forget(new SessionChange("s", "tag", null, [], Tell: true));
        connections.Learn("boris", "s", 2, connections.Generation("s"));

        Assert.Equal(["anna", "boris"], forgotten.Order(StringComparer.Ordinal));
        Assert.Null(connections.MemberOf("boris", "s"));
        Assert.False(connections.Holds("s"));
        Assert.Empty(connections.Close("anna"));
    }
}
