namespace Widget.Web.Realtime;

/// <summary>
/// Tells, from the node's open hub connections taken at regular looks, when a crowd has left: at least
/// <see cref="MinimumDrop"/> fewer than the most seen since the last departure, at most half of them, and still so at
/// the next look, so that what follows does not land in the middle of a crowd reconnecting.
/// </summary>
public sealed class CrowdDeparture
{
    public const long MinimumDrop = 1000;

    private long peak;
    private bool goneAtLastLook;
    private int resting;

    /// <summary>
    /// Takes one look at the connections open now and the most open at once since the last look; true once per
    /// departure, at the second look that finds the crowd gone, unless resting.
    /// </summary>
    public bool Observe(long open, long mostSinceLastLook)
    {
        peak = Math.Max(peak, Math.Max(open, mostSinceLastLook));
        var gone = peak - open >= MinimumDrop && open <= peak / 2;
        var told = gone && goneAtLastLook && resting == 0;
        resting = Math.Max(0, resting - 1);
        if (told)
        {
            peak = open;
            goneAtLastLook = false;
            return true;
        }

        goneAtLastLook = gone;
        return false;
    }

    /// <summary>Tells no departure for this many looks, however many come and go meanwhile; they still count after.</summary>
    public void RestFor(int looks) => resting = looks;
}
