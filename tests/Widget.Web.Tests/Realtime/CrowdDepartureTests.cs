using Widget.Web.Realtime;

namespace Widget.Web.Tests.Realtime;

/// <summary>The memory a crowd needed is given back once it has left, and not while it is still coming and going.</summary>
public sealed class CrowdDepartureTests
{
    [Fact]
    public void ACrowdThatLeft_IsToldOnce_AtTheSecondLookThatFindsItGone()
    {
        var departure = new CrowdDeparture();

        Assert.Equal([false, false, false, true, false, false], Looks(departure, 10, 2_000, 100, 100, 100, 100));
    }

    [Fact]
    public void ACrowdThatCameAndWentBetweenTwoLooks_IsGoneAllTheSame()
    {
        var departure = new CrowdDeparture();

        Assert.False(departure.Observe(open: 10, mostSinceLastLook: 2_000));
        Assert.True(departure.Observe(open: 10, mostSinceLastLook: 10));
    }

    [Fact]
    public void ACrowdThatCameBackBeforeTheSecondLook_IsNotGone()
    {
        var departure = new CrowdDeparture();

        Assert.Equal([false, false, false, false, false], Looks(departure, 2_000, 100, 1_900, 100, 1_800));
    }

    [Theory]
    // Fewer than the minimum left.
    [InlineData(1_500, 600)]
    // More than half stayed.
    [InlineData(3_000, 1_600)]
    public void FewerThanACrowdLeaving_IsNotADeparture(long peak, long after)
    {
        var departure = new CrowdDeparture();

        Assert.DoesNotContain(true, Looks(departure, peak, after, after, after, after));
    }

    [Fact]
    public void ASecondCrowd_IsMeasuredFromWhatTheFirstLeftBehind()
    {
        var departure = new CrowdDeparture();

        Assert.Equal([false, false, true, false, false, true], Looks(departure, 5_000, 200, 200, 1_500, 300, 300));
    }

    [Fact]
    public void WhileResting_NoDepartureIsTold_ButTheCrowdStillCountsAfter()
    {
        var departure = new CrowdDeparture();
        departure.RestFor(3);

        Assert.Equal([false, false, false, true, false], Looks(departure, 2_000, 100, 100, 100, 100));
    }

    private static bool[] Looks(CrowdDeparture departure, params long[] counts) => [.. counts.Select(open => departure.Observe(open, open))];
}
