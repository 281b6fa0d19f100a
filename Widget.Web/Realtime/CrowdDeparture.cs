namespace Widget.Web.Realtime;

/// <summary>
/// Tells, from the node's open hub connections taken at regular looks, when a crowd has left: at least
/// <see cref="MinimumDrop"/> fewer than the most seen since the last departure, at most half of them, and still so at
/// the next look, so that what follows does not land in the middle of a crowd reconnecting. Departures are at least
/// <see cref="LooksApart"/> looks apart, so someone opening and closing connections in a loop gets one in that many.
/// </summary>
public sealed class CrowdDeparture
{
    public const long MinimumDrop = 1000;

    public const int LooksApart = 20;

    private long peak;
    private bool goneAtLastLook;
    private int looksSinceDeparture = LooksApart;

    /// <summary>
    /// Takes one look at the connections open now and the most open at once since the last look; true once per
    /// departure, at the second look that finds the crowd gone.
    /// </summary>
    public bool Observe(long open, long mostSinceLastLook)
    {
        looksSinceDeparture++;
        peak = Math.Max(peak, Math.Max(open, mostSinceLastLook));
        var gone = peak - open >= MinimumDrop && open <= peak / 2;
        if (gone && goneAtLastLook && looksSinceDeparture >= LooksApart)
        {
            peak = open;
            goneAtLastLook = false;
            looksSinceDeparture = 0;
            return true;
        }

        goneAtLastLook = gone;
        return false;
    }
}
