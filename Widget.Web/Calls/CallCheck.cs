namespace Widget.Web.Calls;

/// <summary>What the widget's check screen tests the network with: the ICE servers with short-lived credentials,
/// and whether the site has a TURN relay at all, so the widget can tell "no relay here" from "relay unreachable".</summary>
public sealed record CallCheck(IReadOnlyList<IceServer> IceServers, bool Relay);
